import type { Catalog, Message, MessageKey, MessageParams } from './catalog.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

const catalogs: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

/** The catalog for a locale; exported for tests and for hosts that list messages. */
export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag (from a `lang` attribute or `navigator.language`) to the
 * nearest supported locale: every Chinese tag (`zh`, `zh-Hans`, `zh-TW`) to
 * `zh-CN`, any English one to `en`; `undefined` when neither fits.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

type TranslateArgs<K extends MessageKey> =
  MessageParams<K> extends undefined ? [] : [params: MessageParams<K>];

/** Looks a message up in a locale's catalog and fills in its parameters. */
export function translate<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...args: TranslateArgs<K>
): string {
  const entry: string | ((params: never) => string) = catalogs[locale][key];
  if (typeof entry === 'string') return entry;
  return (entry as (params: unknown) => string)(args[0]);
}

/** Renders a deferred {@link Message} (as carried by errors) in a locale. */
export function translateMessage(locale: Locale, message: Message): string {
  const entry: string | ((params: never) => string) = catalogs[locale][message.key];
  if (typeof entry === 'string') return entry;
  return (entry as (params: unknown) => string)(message.params);
}

/** A translator bound to one locale, as widgets use it: `t('state.loading')`. */
export type Translator = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...args) => translate(locale, key, ...args);
}
