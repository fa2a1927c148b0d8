import type { Catalog, Message, MessageKey, MessageParams } from './catalog.js';
import { formatter } from './format.js';
import { commonEn } from './messages/common.en.js';
import { commonZhCN } from './messages/common.zh-CN.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Some of a catalog's messages: the common ones, or one widget's. */
export type CatalogPart = Partial<Catalog>;

/**
 * The messages loaded so far, by language. The common ones (states, errors,
 * validation, permissions) are always here; each widget adds its own when
 * its module is imported, so a page with one small widget does not download
 * every widget's text in both languages.
 */
const catalogs: Record<Locale, CatalogPart> = { en: { ...commonEn }, 'zh-CN': { ...commonZhCN } };

/** Adds messages in every language (a widget's module calls this for its own). */
export function registerMessages(parts: { readonly [L in Locale]: CatalogPart }): void {
  for (const locale of LOCALES) Object.assign(catalogs[locale], parts[locale]);
}

/** The messages loaded for a locale; the whole catalogs are `en` and `zhCN` (i18n/index.js). */
export function catalogFor(locale: Locale): CatalogPart {
  return catalogs[locale];
}

/** A message of a part that was never registered shows its key, which a test or a reader notices. */
function entryOf(locale: Locale, key: MessageKey): string | ((params: never) => string) {
  return catalogs[locale][key] ?? key;
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
  const entry = entryOf(locale, key);
  if (typeof entry === 'string') return entry;
  return (entry as (params: unknown) => string)(args[0]);
}

/** Renders a deferred {@link Message} (as carried by errors) in a locale. */
export function translateMessage(locale: Locale, message: Message): string {
  const entry = entryOf(locale, message.key);
  if (typeof entry === 'string') return entry;
  return (entry as (params: unknown) => string)(withLocalDates(locale, message.params));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A message from the model's rules carries dates as `YYYY-MM-DD` ("pick a
 * date between 2026-10-01 and 2026-12-31"): they are shown as the reader's
 * dates, like every other date on screen.
 */
function withLocalDates(locale: Locale, params: unknown): unknown {
  if (params === null || typeof params !== 'object') return params;
  const entries = Object.entries(params);
  if (!entries.some(([, value]) => typeof value === 'string' && ISO_DATE.test(value))) return params;
  const format = formatter(locale);
  return Object.fromEntries(entries.map(([name, value]) => [name, typeof value === 'string' && ISO_DATE.test(value) ? format.date(value) : value]));
}

/** A translator bound to one locale, as widgets use it: `t('state.loading')`. */
export type Translator = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...args) => translate(locale, key, ...args);
}
