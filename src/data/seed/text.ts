/**
 * Small building blocks the seed's parts share: the two languages its people
 * write in, ids, weight splitting and the way numbers read inside titles.
 */
import type { Id, MetricKind } from '../../model/records.js';

/** The language a team writes its goals, check-ins and feedback in. */
export type Language = 'zh' | 'en';

/** A text in both languages; the team's language picks one. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export function bilingual(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** The same text in both languages (units such as `ms`). */
export function same(text: string): Bilingual {
  return { zh: text, en: text };
}

/** A template split once into literal text (even positions) and the names in braces (odd positions). */
const compiledTemplates = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    // split with a capturing group keeps the names: 'a {x} b' → ['a ', 'x', ' b'].
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/**
 * Replaces `{name}` with its value from `values` (or from `extra`, looked up
 * first); unknown names stay as written, so a typo shows in the output.
 *
 * Templates are compiled once, since a large seed fills a few hundred
 * thousand; and the result is joined into one flat string, since a chain of
 * `+` leaves a rope that holds several times the memory of its text.
 * `chinese` spaces the joins as Chinese typesetting does (see {@link joinChinese}).
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  extra?: Readonly<Record<string, string>>,
  chinese = false,
): string {
  if (!template.includes('{')) return template;
  const parts = compile(template);
  const pieces: string[] = [parts[0] as string];
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string;
    pieces.push(extra?.[name] ?? values[name] ?? `{${name}}`, parts[index + 1] as string);
  }
  if (chinese) {
    for (let index = 1; index < pieces.length; index += 1) joinChinese(pieces, index);
  }
  return pieces.join('');
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function isLatinOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Spaces the join between `pieces[index - 1]` and `pieces[index]` as Chinese
 * typesetting does: a space between Chinese and Latin letters or digits
 * (星环手表 S3 硬件良率), none between two Chinese characters (273 元降至,
 * not 273 元 降至). Only joins are looked at: the templates are written well.
 */
function joinChinese(pieces: string[], index: number): void {
  const left = pieces[index - 1] as string;
  const right = pieces[index] as string;
  if (left === '' || right === '') return;
  const last = left.charCodeAt(left.length - 1);
  const first = right.charCodeAt(0);
  if ((isHan(last) && isLatinOrDigit(first)) || ((isLatinOrDigit(last) || last === 37) /* % */ && isHan(first))) {
    pieces[index] = ` ${right}`;
  } else if (first === 32 && isHan(last) && isHan(right.charCodeAt(1))) {
    pieces[index] = right.slice(1);
  } else if (last === 32 && isHan(first) && isHan(left.charCodeAt(left.length - 2))) {
    pieces[index - 1] = left.slice(0, -1);
  }
}

/**
 * Short, readable, deterministic ids: `p-0001`, `g-00001`. The counter grows
 * past the padding when it must (`p-16667`), so ids stay unique at any size.
 */
export function idSequence(prefix: string, width: number): () => Id {
  let counter = 0;
  return () => {
    counter += 1;
    return `${prefix}-${String(counter).padStart(width, '0')}`;
  };
}

/**
 * Shares `total` whole units among items in proportion to `rawWeights`, each
 * getting at least `minimum`. Each share is its exact proportion rounded down
 * or up, chosen by rounding the running total (so the shares always add up),
 * in one pass: large companies apportion among thousands of people.
 */
export function apportion(total: number, rawWeights: readonly number[], minimum = 0): number[] {
  const count = rawWeights.length;
  const spare = total - minimum * count;
  let rawTotal = 0;
  for (const weight of rawWeights) rawTotal += weight;
  const shares = new Array<number>(count);
  let cumulative = 0;
  let given = 0;
  for (let index = 0; index < count; index += 1) {
    cumulative += rawTotal > 0 ? (spare * (rawWeights[index] as number)) / rawTotal : spare / count;
    // The epsilon absorbs float error (3 × 33.333… reaching 99.999…); the last item takes what is left exactly.
    const upTo = index === count - 1 ? spare : Math.min(spare, Math.floor(cumulative + 1e-9));
    shares[index] = minimum + (upTo - given);
    given = upTo;
  }
  return shares;
}

/**
 * Splits 100 among siblings in proportion to `rawWeights`, so that they sum to
 * exactly 100 (roll-ups and scores divide by the total). Few siblings get
 * multiples of 5, as people choose them (40 / 30 / 30); up to 100 get whole
 * numbers; more get hundredths (the model accepts sums within 0.01 of 100).
 * Every sibling keeps at least one unit.
 */
export function splitHundred(rawWeights: readonly number[]): number[] {
  const count = rawWeights.length;
  if (count === 0) return [];
  const unit = count <= 5 ? 5 : count <= 100 ? 1 : 0.01;
  const units = apportion(Math.round(100 / unit), rawWeights, 1);
  // Hundredths are divided rather than multiplied so 7 units read 0.07, not 0.07000000000000001.
  return unit === 0.01 ? units.map((value) => value / 100) : units.map((value) => value * unit);
}

/** Decimal places a step needs: `0.05` → 2, `1` → 0. */
export function decimalsOf(step: number): number {
  if (step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

/**
 * Rounds to a multiple of `step`, without binary noise (`0.1 + 0.2` stays
 * `0.3`). Fractional steps must divide 1 (0.5, 0.1, 0.05, 0.01…): dividing
 * by a whole number gives the double nearest the decimal, as parsing it would.
 */
export function roundToStep(value: number, step: number): number {
  if (step >= 1) return Math.round(value / step) * step;
  const perUnit = Math.round(1 / step);
  return Math.round(value * perUnit) / perUnit;
}

/** A tidy step for amounts of this size: two significant figures (3,640,000 → 100,000). */
export function niceStep(magnitude: number): number {
  if (!(magnitude > 0)) return 1;
  return 10 ** (Math.floor(Math.log10(magnitude)) - 1);
}

/** `1234567.5` → `1,234,567.5`, trailing zeros dropped. Intl is avoided: the seed formats hundreds of thousands of values. */
export function groupDigits(value: number, maxDecimals: number): string {
  const size = Math.abs(value);
  // Most values are small whole numbers (ms, %, days): no grouping, no fraction.
  if (size < 1000 && (maxDecimals === 0 || Number.isInteger(value))) return String(Math.round(value));
  const fixed = size.toFixed(maxDecimals);
  const point = fixed.indexOf('.');
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  let fraction = point < 0 ? '' : fixed.slice(point + 1);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48 /* 0 */) end -= 1;
  fraction = fraction.slice(0, end);
  let grouped = '';
  for (let index = whole.length; index > 0; index -= 3) grouped = whole.slice(Math.max(0, index - 3), index) + (grouped ? `,${grouped}` : '');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Money as people write it in titles: `1,250 万元` / `36 万美元` in Chinese,
 * `CNY 12.5M` / `USD 18,000` in English.
 */
export function formatMoney(value: number, currency: 'CNY' | 'USD', language: Language): string {
  const size = Math.abs(value);
  if (language === 'zh') {
    const unitWord = currency === 'CNY' ? '元' : '美元';
    if (size >= 1e8 && currency === 'CNY') return `${groupDigits(value / 1e8, 2)} 亿元`;
    if (size >= 1e4) return `${groupDigits(value / 1e4, size >= 1e6 ? 0 : 1)} 万${unitWord}`;
    return `${groupDigits(value, 2)} ${unitWord}`;
  }
  if (size >= 1e9) return `${currency} ${groupDigits(value / 1e9, 2)}B`;
  if (size >= 1e6) return `${currency} ${groupDigits(value / 1e6, 2)}M`;
  return `${currency} ${groupDigits(value, 2)}`;
}

/** A key result's value as a title or note shows it: `95%`, `CNY 12.5M`, `300`. */
export function formatMetricValue(value: number, metric: MetricKind, unit: string, step: number, language: Language): string {
  switch (metric) {
    case 'percent':
      return `${groupDigits(value, decimalsOf(step))}%`;
    case 'currency':
      return formatMoney(value, unit === 'USD' ? 'USD' : 'CNY', language);
    case 'binary':
      return value >= 1 ? (language === 'zh' ? '已完成' : 'done') : language === 'zh' ? '未完成' : 'not done';
    case 'milestone':
    case 'number':
      return groupDigits(value, decimalsOf(step));
  }
}

/** A value with its unit, as a check-in note or work log says it: `2,200 人`, `1.4 s`, `74%`. */
export function formatValueWithUnit(value: number, metric: MetricKind, unit: string, step: number, language: Language): string {
  const text = formatMetricValue(value, metric, unit, step, language);
  return (metric === 'number' || metric === 'milestone') && unit ? `${text} ${unit}` : text;
}
