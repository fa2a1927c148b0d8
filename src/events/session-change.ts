import type { Session } from '../model/records.js';

/** The person the kit acts for was loaded or changed (e.g. the host signed in someone else). */
export class TandemSessionChangeEvent extends Event {
  static readonly eventName = 'tandem-session-change';

  constructor(readonly session: Session | undefined) {
    super(TandemSessionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-session-change': TandemSessionChangeEvent;
  }
}
