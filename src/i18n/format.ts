import type { Locale } from './locale.js';

/**
 * Intl-based formatting for one locale. Intl constructors are costly (tens of
 * microseconds each), so formatters are cached per locale and options.
 */
export interface Formatter {
  readonly locale: Locale;
  /** `1234.5` → `1,234.5`. */
  number(value: number, maximumFractionDigits?: number): string;
  /** A ratio as a percentage: `0.825` → `83%` (`82.5%` with one fraction digit). */
  percent(ratio: number, maximumFractionDigits?: number): string;
  /**
   * An amount of money in an ISO 4217 currency: `(1200, 'CNY')` → `CN¥1,200`.
   * Whole amounts show no decimals; others show the currency's minor units,
   * at most `maximumFractionDigits` (default 0): `(3.45, 'CNY', 2)` → `CN¥3.45`.
   */
  currency(value: number, currency: string, maximumFractionDigits?: number): string;
  /** A calendar date (`YYYY-MM-DD` or a Date): `2026-11-30` → `Nov 30, 2026` / `2026年11月30日`. */
  date(value: string | Date, style?: 'medium' | 'short' | 'long'): string;
  /** A date and time, e.g. for a check-in. */
  dateTime(value: string | Date): string;
  /** How long ago or ahead `value` is from `now`: `3 days ago` / `3天前`. */
  relativeTime(value: string | Date, now?: Date, style?: 'long' | 'short'): string;
  /** A list of names: `A, B and C` / `A、B和C`. */
  list(items: readonly string[]): string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  key: string,
  create: () => T,
): T {
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format as T;
}

/** Parses `YYYY-MM-DD` as a local calendar date, so the day never shifts with the time zone; an invalid date for anything else unreadable. */
export function parseDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])];
    const date = new Date(year, month, day);
    // `Date` rolls 2026-13-01 over into the next year: a day that is not in the calendar is no date.
    return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : new Date(Number.NaN);
  }
  return new Date(value);
}

function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/**
 * A date that cannot be read (a record from a misbehaving source, `2026-10-43`)
 * is shown as it was given: one bad value must not stop a list from rendering
 * (`Intl.DateTimeFormat` throws on an invalid date).
 */
function unreadable(value: string | Date): string {
  return typeof value === 'string' ? value : '';
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatter(locale: Locale): Formatter {
  return {
    locale,
    number(value, maximumFractionDigits = 2) {
      return cached(`n|${locale}|${maximumFractionDigits}`, () =>
        new Intl.NumberFormat(locale, { maximumFractionDigits, signDisplay: 'negative' }),
      ).format(value);
    },
    percent(ratio, maximumFractionDigits = 0) {
      return cached(`p|${locale}|${maximumFractionDigits}`, () =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits, signDisplay: 'negative' }),
      ).format(ratio);
    },
    currency(value, currency, maximumFractionDigits = 0) {
      // Cents only where there are some: CN¥3,000,000 stays whole, CN¥3.45 is not rounded to CN¥3.
      const digits = Number.isInteger(value) ? 0 : maximumFractionDigits;
      return cached(`c|${locale}|${currency}|${digits}`, () => {
        const minor = digits === 0 ? 0 : Math.min(digits, new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
        return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minor, maximumFractionDigits: minor, signDisplay: 'negative' });
      }).format(value);
    },
    date(value, style = 'medium') {
      const date = parseDate(value);
      if (!isValidDate(date)) return unreadable(value);
      return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style })).format(date);
    },
    dateTime(value) {
      const date = parseDate(value);
      if (!isValidDate(date)) return unreadable(value);
      return cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
    },
    relativeTime(value, now = new Date(), style = 'long') {
      const date = parseDate(value);
      if (!isValidDate(date) || !isValidDate(now)) return unreadable(value);
      const seconds = (date.getTime() - now.getTime()) / 1000;
      const format = cached(`r|${locale}|${style}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style }));
      for (const [unit, size] of RELATIVE_UNITS) {
        if (Math.abs(seconds) >= size || unit === 'second') {
          return format.format(Math.round(seconds / size), unit);
        }
      }
      return format.format(0, 'second');
    },
    list(items) {
      return cached(`l|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
    },
  };
}

const prepared = new Set<Locale>();

/**
 * Makes the formatters a widget's first rows use (numbers, percentages,
 * dates) for `locale` when the page is next idle, once per locale. A page's
 * first `Intl.NumberFormat` costs 15–28 ms in Chromium here (ICU setting up
 * number formatting; later ones take 0.1 ms) and its first
 * `Intl.DateTimeFormat` 2–4 ms: paid while the page waits (for the kit to be
 * used, for data), not in a widget's first frame. Harmless when a render
 * made them first: they are cached.
 */
export function prepareFormats(locale: Locale): void {
  if (prepared.has(locale)) return;
  prepared.add(locale);
  const prepare = () => {
    const format = formatter(locale);
    format.number(0, 0);
    format.number(0);
    format.percent(0);
    format.date(new Date(0));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2_000 });
  else setTimeout(prepare, 0);
}
