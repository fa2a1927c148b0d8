import type { CheckIn, KeyResult } from '../model/records.js';

/**
 * A check-in on a key result was saved (`<tandem-goal-tree>`'s check-in
 * dialog). Fired after the adapter stored it, with the records as stored: the
 * check-in, and the key result with its new value, version and last check-in.
 */
export class TandemCheckInEvent extends Event {
  static readonly eventName = 'tandem-check-in';

  constructor(
    readonly checkIn: CheckIn,
    readonly keyResult: KeyResult,
  ) {
    super(TandemCheckInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-check-in': TandemCheckInEvent;
  }
}
