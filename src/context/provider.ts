import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { nearestLang, observeLang } from '../controllers/lang-observer.js';
import { SessionController } from '../controllers/session-controller.js';
import type { DataAdapter } from '../data/adapter.js';
import type { TandemError } from '../data/errors.js';
import { TandemLocaleChangeEvent } from '../events/locale-change.js';
import { TandemSessionChangeEvent } from '../events/session-change.js';
import { DEFAULT_LOCALE, isLocale, matchLocale, type Locale } from '../i18n/locale.js';
import type { Session } from '../model/records.js';
import { adapterContext, localeContext, sessionContext } from './keys.js';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Gives every Tandem widget inside it the data adapter, the signed-in person
 * and the language. It renders nothing of its own: its children lay out as if
 * it were not there.
 *
 * The language is the `locale` attribute; without it, the nearest `lang`
 * attribute above the provider, then the browser's language, then English.
 * Changing it re-renders every widget inside, with no reload. The provider
 * also sets its own `lang`, so assistive technology reads the widgets in the
 * right language.
 *
 * @summary Supplies adapter, session, locale and theme to the widgets inside.
 *
 * @slot - The page content holding Tandem widgets.
 *
 * @fires tandem-session-change - The signed-in person was loaded or changed. `event.session` is the new session (or `undefined` if it could not be loaded).
 * @fires tandem-locale-change - The language changed. `event.locale` is the new one.
 *
 * @cssprop --tandem-color-surface - Any design token set here reaches every widget inside (see the Theme page).
 */
@customElement('tandem-provider')
export class TandemProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
      color-scheme: light dark;
    }

    :host([theme='light']) {
      color-scheme: light;
    }

    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  private readonly sessionController = new SessionController(this, (session) => {
    this.providedSession = session;
    this.dispatchEvent(new TandemSessionChangeEvent(session));
  });
  private stopObservingLang: (() => void) | undefined;

  @provide({ context: adapterContext })
  @state()
  protected providedAdapter: DataAdapter | undefined;

  @provide({ context: sessionContext })
  @state()
  private providedSession: Session | undefined;

  @provide({ context: localeContext })
  @state()
  private providedLocale: Locale = DEFAULT_LOCALE;

  @state()
  private inheritedLocale: Locale | undefined;

  /** The data source for every widget inside: the IndexedDB demo store, the REST adapter or your own. */
  @property({ attribute: false })
  adapter: DataAdapter | undefined;

  /** The language widgets render in: `zh-CN` or `en`. */
  @property({ reflect: true })
  locale: Locale | undefined;

  /** `light`, `dark`, or `auto` (default) to follow the person's system setting. */
  @property({ reflect: true })
  theme: Theme = 'auto';

  /** The signed-in person, once loaded from the adapter. */
  get session(): Session | undefined {
    return this.providedSession;
  }

  /** Why the session could not be loaded, if it could not. */
  get sessionError(): TandemError | undefined {
    return this.sessionController.error;
  }

  /** Loads the signed-in person again, e.g. after a failure. */
  reloadSession(): void {
    this.sessionController.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopObservingLang = observeLang(() => this.readInheritedLocale());
    this.readInheritedLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLang?.();
    this.stopObservingLang = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) {
      this.providedAdapter = this.adapter;
      this.providedSession = undefined;
      this.sessionController.setAdapter(this.adapter);
    }
    const locale = isLocale(this.locale) ? this.locale : (this.inheritedLocale ?? DEFAULT_LOCALE);
    if (locale !== this.providedLocale) {
      const isFirstRender = !this.hasUpdated;
      this.providedLocale = locale;
      if (!isFirstRender) this.dispatchEvent(new TandemLocaleChangeEvent(locale));
    }
  }

  protected override updated(): void {
    // Our own `lang` must not feed back into the inherited locale, so the
    // parent's is read (see readInheritedLocale) and ours only written.
    if (this.getAttribute('lang') !== this.providedLocale) this.setAttribute('lang', this.providedLocale);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private readInheritedLocale(): void {
    const parent = this.parentNode ?? null;
    const fromPage = parent ? matchLocale(nearestLang(parent)) : undefined;
    const fromBrowser = typeof navigator === 'undefined' ? undefined : matchLocale(navigator.language);
    this.inheritedLocale = fromPage ?? fromBrowser;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-provider': TandemProvider;
  }
}
