import type { Id, Person } from '../model/records.js';

/**
 * The person picked someone to look at more closely (e.g. an owner in
 * `<tandem-kpi-rollup>`'s "needs attention" list), so the host can open that
 * person's scorecard or profile. The record comes along, as the widget read
 * it, so the host needs no second request.
 */
export class TandemPersonSelectEvent extends Event {
  static readonly eventName = 'tandem-person-select';

  constructor(
    readonly personId: Id,
    readonly person: Person,
  ) {
    super(TandemPersonSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-person-select': TandemPersonSelectEvent;
  }
}
