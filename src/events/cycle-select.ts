import type { Id } from '../model/records.js';

/**
 * The person picked a goal cycle. Cancelable: call `preventDefault()` to keep
 * the widget on its cycle (e.g. when the host drives `cycle` from its router).
 */
export class TandemCycleSelectEvent extends Event {
  static readonly eventName = 'tandem-cycle-select';

  constructor(readonly cycleId: Id) {
    super(TandemCycleSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-cycle-select': TandemCycleSelectEvent;
  }
}
