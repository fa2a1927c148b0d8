import type { TandemError } from '../data/errors.js';

/**
 * A widget could not load or save. The widget shows the error itself; the
 * event lets the host log it or show a toast as well.
 */
export class TandemDataErrorEvent extends Event {
  static readonly eventName = 'tandem-data-error';

  constructor(readonly error: TandemError) {
    super(TandemDataErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-data-error': TandemDataErrorEvent;
  }
}
