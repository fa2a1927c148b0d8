/**
 * KPI amounts as people read them, in their language: `77%`, `CN¥3,000,000`
 * (`¥3,000,000` in Chinese), `12 defects`, `40 天`. A KPI's `unit` is free
 * text from a job profile or a key result, so it is read as a percent sign,
 * an ISO 4217 currency code, or else a word written after the number.
 */
import { parseDate, type Formatter } from '../../i18n/format.js';
import type { Translator } from '../../i18n/locale.js';
import { isKpiCategory, KPI_CATEGORY_MESSAGE_KEYS } from '../../model/kpi.js';

let currencyCodes: ReadonlySet<string> | undefined;

/**
 * Whether a unit is a currency Intl knows. A three-letter pattern alone is
 * not enough: `NPS` and `MQL` are units in the demo company, not money.
 */
export function isCurrencyUnit(unit: string): boolean {
  if (!/^[A-Z]{3}$/.test(unit)) return false;
  currencyCodes ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD']);
  return currencyCodes.has(unit);
}

/**
 * An amount in a KPI's unit, with at most `digits` decimals (two for
 * recorded figures; a projection is shown with one, since more would claim
 * a precision a trend line does not have).
 */
export function formatKpiAmount(value: number, unit: string, format: Formatter, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  // Recorded percentages keep their hundredths: a crash rate of 0.26% or an uptime of 99.95% is the figure.
  if (unit === '%') return format.percent(value / 100, digits);
  if (isCurrencyUnit(unit)) return format.currency(value, unit, digits);
  return unit ? `${format.number(value, digits)} ${unit}` : format.number(value, digits);
}

/** A KPI category in the reader's language; a category the kit does not know (a vendor's own) as written. */
export function categoryLabel(category: string, t: Translator): string {
  return isKpiCategory(category) ? t(KPI_CATEGORY_MESSAGE_KEYS[category]) : category;
}

const monthDayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date without its year — `Dec 31`, `12月31日` — when it falls in
 * `sameYearAs`'s year (a forecast inside the cycle), else the full date.
 * Narrow cells read the short form at a glance.
 */
export function formatShortDate(date: string, sameYearAs: string, format: Formatter): string {
  const parsed = parseDate(date);
  // Another year, or no readable date (which `format.date` shows as given).
  if (date.slice(0, 4) !== sameYearAs.slice(0, 4) || Number.isNaN(parsed.getTime())) return format.date(date);
  let monthDay = monthDayFormats.get(format.locale);
  if (!monthDay) {
    monthDay = new Intl.DateTimeFormat(format.locale, { month: 'short', day: 'numeric' });
    monthDayFormats.set(format.locale, monthDay);
  }
  return monthDay.format(parsed);
}
