import { ContextRoot, consume } from '@lit/context';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { nearestLang, observeLang } from '../controllers/lang-observer.js';
import { SessionController } from '../controllers/session-controller.js';
import type { DataAdapter } from '../data/adapter.js';
import { formatter, prepareFormats, type Formatter } from '../i18n/format.js';
import { DEFAULT_LOCALE, isLocale, matchLocale, translator, type Locale, type Translator } from '../i18n/locale.js';
import type { Session } from '../model/records.js';
import { widgetBaseStyles } from '../styles/shared.js';
import { adapterContext, localeContext, sessionContext } from './keys.js';

// Widgets that upgrade before their provider would otherwise never receive
// context: the root holds their requests and replays them when a provider
// appears. One root per document is enough.
const contextRootInstalled = Symbol.for('tandem.contextRoot');
type WithContextRoot = Document & { [contextRootInstalled]?: true };
if (typeof document !== 'undefined' && !(document as WithContextRoot)[contextRootInstalled]) {
  (document as WithContextRoot)[contextRootInstalled] = true;
  new ContextRoot().attach(document.documentElement);
}

// A page that loads the kit is about to show a widget: its formatters are made while the page is idle.
if (typeof document !== 'undefined') {
  prepareFormats(matchLocale(document.documentElement.lang) ?? (typeof navigator === 'undefined' ? undefined : matchLocale(navigator.language)) ?? DEFAULT_LOCALE);
}

/**
 * The base of every Tandem widget: it receives the adapter, session and locale
 * from an enclosing `<tandem-provider>`, or from its own `adapter` property
 * and `locale` attribute when used alone, and gives subclasses a translator
 * (`this.t`) and Intl formatters (`this.format`) for the current language.
 */
export class TandemElement extends LitElement {
  static override styles: CSSResultGroup = [widgetBaseStyles];

  /** Translates a message key into the current language. */
  protected t: Translator = translator(DEFAULT_LOCALE);
  /** Formats numbers and dates for the current language. */
  protected format: Formatter = formatter(DEFAULT_LOCALE);

  private readonly standaloneSession = new SessionController(this);
  private stopObservingLang: (() => void) | undefined;
  /** The `lang` this element put on itself (the language it renders in); one a page set is the page's to keep. */
  private langSet: string | undefined;

  @consume({ context: adapterContext, subscribe: true })
  @state()
  private providedAdapter: DataAdapter | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private providedSession: Session | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private providedLocale: Locale | undefined;

  /** The language chosen for the page's `lang` when no provider or attribute sets one. */
  @state()
  private pageLocale: Locale | undefined;

  /**
   * The data source, when the element is used without a `<tandem-provider>`
   * (or to give it a different one than the provider's).
   */
  @property({ attribute: false })
  adapter: DataAdapter | undefined;

  /**
   * The language to render in (`zh-CN` or `en`). Unset: the provider's, else
   * the nearest `lang` attribute, else the browser's language, else English.
   */
  @property({ reflect: true })
  locale: Locale | undefined;

  /** The adapter in use: the element's own, else the provider's. */
  protected get dataAdapter(): DataAdapter | undefined {
    return this.adapter ?? this.providedAdapter;
  }

  /**
   * The adapter, for widgets whose reads depend on who is signed in: used on
   * its own, the element's adapter only once it has said who the session is
   * (or failed to), so the first read is made for that person, not made for
   * nobody and thrown away when the session arrives.
   */
  protected get sessionAdapter(): DataAdapter | undefined {
    if (this.adapter) return this.standaloneSession.settled ? this.adapter : undefined;
    return this.providedAdapter;
  }

  /** Who the kit acts for: from the element's own adapter when it has one, else the provider's. */
  protected get session(): Session | undefined {
    return this.adapter ? this.standaloneSession.session : this.providedSession;
  }

  /** The language in use. */
  get activeLocale(): Locale {
    if (isLocale(this.locale)) return this.locale;
    return this.providedLocale ?? this.pageLocale ?? DEFAULT_LOCALE;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const readPageLocale = () => {
      // The element's own `lang` counts when the page set it; the one it sets itself only says what it renders in.
      const own = this.getAttribute('lang');
      const tag = own !== null && own !== this.langSet ? own : this.parentNode ? nearestLang(this.parentNode) : null;
      this.pageLocale = matchLocale(tag) ?? (typeof navigator === 'undefined' ? undefined : matchLocale(navigator.language));
    };
    this.stopObservingLang = observeLang(readPageLocale);
    readPageLocale();
    // Made while the widget waits for its data, when its language is another one.
    prepareFormats(this.activeLocale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLang?.();
    this.stopObservingLang = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('adapter')) this.standaloneSession.setAdapter(this.adapter);
    const locale = this.activeLocale;
    if (this.format.locale !== locale) {
      this.t = translator(locale);
      this.format = formatter(locale);
    }
    // Screen readers pick their voice and rules by `lang`: a widget in another language than its page says so.
    const own = this.getAttribute('lang');
    if ((own === null || own === this.langSet) && own !== locale) {
      this.langSet = locale;
      this.setAttribute('lang', locale);
    }
  }
}
