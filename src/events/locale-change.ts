import type { Locale } from '../i18n/locale.js';

/** The language the kit renders in changed; every widget inside has re-rendered in it. */
export class TandemLocaleChangeEvent extends Event {
  static readonly eventName = 'tandem-locale-change';

  constructor(readonly locale: Locale) {
    super(TandemLocaleChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-locale-change': TandemLocaleChangeEvent;
  }
}
