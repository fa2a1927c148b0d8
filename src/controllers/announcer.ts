import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.js';

/**
 * A widget's polite message for screen readers: what the last action did,
 * where focus returns to something that does not say it. The widget renders
 * `textIn(locale)` in its `role="status"` region.
 */
export class Announcer implements ReactiveController {
  private message: { readonly text: string; readonly locale: Locale | undefined } = { text: '', locale: undefined };
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  /** Replaces the message with `text`, written in `locale`. */
  say(text: string, locale: Locale): void {
    // Emptied first, and the words set a frame later, so the same words said twice are heard twice.
    cancelAnimationFrame(this.frame);
    this.message = { text: '', locale };
    this.host.requestUpdate();
    this.frame = requestAnimationFrame(() => {
      this.message = { text, locale };
      this.host.requestUpdate();
    });
  }

  /** The message if it was said in `locale`: after a switch of language it is gone rather than left in the other one. */
  textIn(locale: Locale): string {
    return this.message.locale === locale ? this.message.text : '';
  }
}
