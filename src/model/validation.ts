/**
 * Field validation: the values the kit refuses, and the message to show next
 * to each. Forms run these as a person types; adapters run them again before
 * writing, so a vendor's server can share the same rules.
 *
 * Every validator returns a list of {@link ValidationIssue}s, empty when all
 * is well. `field` is the input's property name, so a form puts the message
 * next to the control of that name. Issues come in the order the fields are
 * listed in each validator's documentation, at most one per field.
 *
 * **Creating and patching.** By default a validator checks a complete record
 * being created: a required field that is absent is an issue. With
 * `{ partial: true }` absent fields are skipped and only the fields present
 * are checked (a present field is checked fully: a patch may not blank out a
 * required title). Rules across fields (target against start, end against
 * start) run only when both fields are present, so to validate a patch of a
 * stored record, prefer merging the patch into the record and validating the
 * result in full.
 */
import type { Message } from '../i18n/catalog.js';
import {
  DIRECTIONS,
  METRIC_KINDS,
  type Cycle,
  type Direction,
  type IsoDate,
  type KeyResult,
  type KpiThresholds,
  type MetricKind,
} from './records.js';

/** One refused value: which field, and the message to show next to it. */
export type ValidationIssue = { field: string } & { message: Message };

/** Whether absent fields are skipped (`partial`, for patches) or required ones are missing. */
export interface ValidationMode {
  partial?: boolean;
}

/** Titles and names: short enough to fit a tree row and a table cell. */
export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 4000;
/** Check-in notes and blockers, adjustment reasons and decision comments. */
export const NOTE_MAX_LENGTH = 2000;
export const FEEDBACK_MAX_LENGTH = 4000;

/** Weights of siblings may miss 100 by this much, so thirds (33.33 × 3) still pass. */
export const WEIGHT_SUM_TOLERANCE = 0.01;

const PERCENT_RANGE = { min: 0, max: 100 } as const;
const CONFIDENCE_RANGE = { min: 0, max: 1 } as const;

// ── Building blocks ───────────────────────────────────────────────────────

/**
 * True for a real calendar date written `YYYY-MM-DD` (`2026-02-30` is not
 * one). Such strings sort as the dates do, so they compare with `<`.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls an impossible day over into the next month, which the round trip catches.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Characters as a person counts them: code points, so 汉 or an emoji is one
 * character, not the two UTF-16 units `String.length` may report.
 */
function characterCount(text: string): number {
  return [...text].length;
}

/** A number as plain text for a message: at most two decimals, no grouping (`90`, `33.33`). */
function plainNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPresent(value: unknown): boolean {
  return value !== undefined;
}

function outOfRange(range: { min: number; max: number }): Message {
  return { key: 'validation.outOfRange', params: { min: plainNumber(range.min), max: plainNumber(range.max) } };
}

/**
 * Collects issues field by field. Each check records at most one issue per
 * field, and reports whether the field's value is usable, so rules across
 * fields run only on values that passed on their own.
 */
class IssueList {
  readonly issues: ValidationIssue[] = [];

  constructor(private readonly mode: ValidationMode = {}) {}

  add(field: string, message: Message): void {
    this.issues.push({ field, message });
  }

  /** A required field that is absent: an issue when creating, skipped when patching. */
  private missing(field: string, requiredMessage: Message): false {
    if (!this.mode.partial) this.add(field, requiredMessage);
    return false;
  }

  /** Text that must say something (not only spaces), within `max` characters. */
  requiredText(
    field: string,
    value: unknown,
    max: number,
    requiredMessage: Message = { key: 'validation.required' },
  ): boolean {
    if (!isPresent(value)) return this.missing(field, requiredMessage);
    if (!this.isText(field, value)) return false;
    if (value.trim() === '') {
      this.add(field, requiredMessage);
      return false;
    }
    return this.maxLength(field, value, max);
  }

  /** Text that may be absent or empty, within `max` characters. */
  optionalText(field: string, value: unknown, max: number): boolean {
    if (!isPresent(value) || !this.isText(field, value)) return false;
    return this.maxLength(field, value, max);
  }

  /** Text fields hold strings; anything else (say, from a loosely typed server) is refused. */
  private isText(field: string, value: unknown): value is string {
    if (typeof value === 'string') return true;
    this.add(field, { key: 'validation.notAllowedValue' });
    return false;
  }

  private maxLength(field: string, value: string, max: number): boolean {
    if (characterCount(value) > max) {
      this.add(field, { key: 'validation.tooLong', params: { max } });
      return false;
    }
    return true;
  }

  /** A finite number, within `range` when one is given. */
  number(field: string, value: unknown, options: { required: boolean; range?: { min: number; max: number } }): value is number {
    if (!isPresent(value)) return options.required ? this.missing(field, { key: 'validation.required' }) : false;
    if (!isFiniteNumber(value)) {
      this.add(field, { key: 'validation.notANumber' });
      return false;
    }
    if (options.range && (value < options.range.min || value > options.range.max)) {
      this.add(field, outOfRange(options.range));
      return false;
    }
    return true;
  }

  /** One of the allowed values of an `as const` list. */
  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): value is T {
    if (!isPresent(value)) return this.missing(field, { key: 'validation.required' });
    if (!(allowed as readonly unknown[]).includes(value)) {
      this.add(field, { key: 'validation.notAllowedValue' });
      return false;
    }
    return true;
  }

  /** A real calendar date. */
  date(field: string, value: unknown): value is IsoDate {
    if (!isPresent(value)) return this.missing(field, { key: 'validation.required' });
    if (!isIsoDate(value)) {
      this.add(field, { key: 'validation.invalidDate' });
      return false;
    }
    return true;
  }

  /** A number that also fits the key result's metric. */
  metricValue(field: string, value: unknown, metric: MetricKind | undefined, required: boolean): value is number {
    if (!this.number(field, value, { required })) return false;
    const refusal = metric === undefined ? null : metricValueRefusal(metric, value);
    if (refusal) {
      this.add(field, refusal);
      return false;
    }
    return true;
  }
}

/**
 * Values a metric cannot take: binary is 0 (not done) or 1 (done); a percent
 * lies from 0 to 100; milestones are counted, so whole and not negative.
 * Numbers and currency amounts take any finite value.
 */
function metricValueRefusal(metric: MetricKind, value: number): Message | null {
  switch (metric) {
    case 'binary':
      return value === 0 || value === 1 ? null : { key: 'validation.binaryValue' };
    case 'percent':
      return value >= PERCENT_RANGE.min && value <= PERCENT_RANGE.max ? null : outOfRange(PERCENT_RANGE);
    case 'milestone':
      return Number.isInteger(value) && value >= 0 ? null : { key: 'validation.wholeNumber' };
    case 'number':
    case 'currency':
      return null;
  }
}

// ── Goals and key results ─────────────────────────────────────────────────

/**
 * A goal's own fields, in this order: `title` (required, not only spaces, at
 * most {@link TITLE_MAX_LENGTH} characters), `description` (optional, at most
 * {@link DESCRIPTION_MAX_LENGTH}), `weight` (optional, a number from 0 to 100).
 */
export function validateGoalFields(
  input: { title?: string; description?: string; weight?: number },
  mode?: ValidationMode,
): ValidationIssue[] {
  const list = new IssueList(mode);
  list.requiredText('title', input.title, TITLE_MAX_LENGTH);
  list.optionalText('description', input.description, DESCRIPTION_MAX_LENGTH);
  list.number('weight', input.weight, { required: false, range: PERCENT_RANGE });
  return list.issues;
}

/**
 * A key result's fields, in this order:
 * - `title`: required, not only spaces, at most {@link TITLE_MAX_LENGTH} characters;
 * - `metric`: required, one of {@link METRIC_KINDS};
 * - `start`, `target`: required numbers that fit the metric (binary 0 or 1,
 *   percent 0–100, milestones whole and not negative); the target must differ
 *   from the start (progress divides by the distance between them) and lie
 *   the way `direction` says: above the start for `increase`, below for
 *   `decrease` — both reported on `target`;
 * - `current`: optional (it defaults to the start), a number that fits the metric;
 * - `direction`: required, one of {@link DIRECTIONS};
 * - `weight`: required, 0 to 100;
 * - `due`: required, a real date, and within the cycle when one is given
 *   (the message names the cycle's dates as given).
 */
export function validateKeyResultFields(
  input: {
    title?: string;
    metric?: MetricKind;
    start?: number;
    target?: number;
    current?: number;
    direction?: Direction;
    weight?: number;
    due?: IsoDate;
  },
  cycle?: Pick<Cycle, 'start' | 'end'>,
  mode?: ValidationMode,
): ValidationIssue[] {
  const list = new IssueList(mode);
  list.requiredText('title', input.title, TITLE_MAX_LENGTH);
  const metric = list.oneOf('metric', input.metric, METRIC_KINDS) ? input.metric : undefined;
  const start = list.metricValue('start', input.start, metric, true) ? input.start : undefined;
  const target = list.metricValue('target', input.target, metric, true) ? input.target : undefined;
  // The direction is checked here for the target rule, and reported in its own place below.
  const direction = (DIRECTIONS as readonly unknown[]).includes(input.direction) ? input.direction : undefined;
  if (start !== undefined && target !== undefined) {
    if (target === start) list.add('target', { key: 'validation.targetEqualsStart' });
    else if ((direction === 'increase' && target < start) || (direction === 'decrease' && target > start)) {
      list.add('target', { key: 'validation.directionMismatch' });
    }
  }
  list.metricValue('current', input.current, metric, false);
  list.oneOf('direction', input.direction, DIRECTIONS);
  list.number('weight', input.weight, { required: true, range: PERCENT_RANGE });
  if (list.date('due', input.due) && cycle && (input.due < cycle.start || input.due > cycle.end)) {
    list.add('due', { key: 'validation.dueOutsideCycle', params: { start: cycle.start, end: cycle.end } });
  }
  return list.issues;
}

/**
 * Weights of siblings (goals under one parent, key results of one goal, a
 * person's KPIs) must add up to 100, within {@link WEIGHT_SUM_TOLERANCE}:
 * roll-ups and scores divide by the total. An empty list is fine (nothing
 * to weigh yet). The issue, on `field`, names the total plainly, e.g. `90%`.
 */
export function validateSiblingWeights(weights: readonly number[], field = 'weight'): ValidationIssue[] {
  if (weights.length === 0) return [];
  if (!weights.every(isFiniteNumber)) return [{ field, message: { key: 'validation.notANumber' } }];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // The tiny extra absorbs float error: 33.33 × 3 sums to a 99.99 that lies 0.010000000000005 from 100.
  if (Math.abs(total - 100) <= WEIGHT_SUM_TOLERANCE + 1e-9) return [];
  return [{ field, message: { key: 'validation.weightsSum', params: { total: `${plainNumber(total)}%` } } }];
}

/**
 * A check-in, in this order: `value` (required, a number that fits the key
 * result's metric when one is given), `confidence` (required, 0 to 1),
 * `note` and `blockers` (optional, at most {@link NOTE_MAX_LENGTH} characters each).
 */
export function validateCheckInFields(
  input: { value?: number; confidence?: number; note?: string; blockers?: string },
  keyResult?: Pick<KeyResult, 'metric'>,
  mode?: ValidationMode,
): ValidationIssue[] {
  const list = new IssueList(mode);
  list.metricValue('value', input.value, keyResult?.metric, true);
  list.number('confidence', input.confidence, { required: true, range: CONFIDENCE_RANGE });
  list.optionalText('note', input.note, NOTE_MAX_LENGTH);
  list.optionalText('blockers', input.blockers, NOTE_MAX_LENGTH);
  return list.issues;
}

/**
 * A goal adjustment: `reason` is always required (the history keeps why a
 * goal changed mid-cycle), at most {@link NOTE_MAX_LENGTH} characters.
 */
export function validateAdjustment(input: { reason?: string }): ValidationIssue[] {
  // No partial mode: an adjustment without a reason is never complete.
  const list = new IssueList();
  list.requiredText('reason', input.reason, NOTE_MAX_LENGTH, { key: 'validation.reasonRequired' });
  return list.issues;
}

/**
 * A rejection: `comment` is always required (the owner needs to know what to
 * change), at most {@link NOTE_MAX_LENGTH} characters.
 */
export function validateRejection(input: { comment?: string }): ValidationIssue[] {
  const list = new IssueList();
  list.requiredText('comment', input.comment, NOTE_MAX_LENGTH, { key: 'validation.rejectionCommentRequired' });
  return list.issues;
}

// ── Cycles, KPIs, feedback ────────────────────────────────────────────────

/**
 * A cycle, in this order: `name` (required, at most {@link TITLE_MAX_LENGTH}
 * characters), `start` and `end` (required, real dates); the end must come
 * after the start, reported on `end` (a cycle lasts at least two days).
 */
export function validateCycleFields(
  input: { name?: string; start?: IsoDate; end?: IsoDate },
  mode?: ValidationMode,
): ValidationIssue[] {
  const list = new IssueList(mode);
  list.requiredText('name', input.name, TITLE_MAX_LENGTH);
  const start = list.date('start', input.start) ? input.start : undefined;
  if (list.date('end', input.end) && start !== undefined && input.end <= start) {
    list.add('end', { key: 'validation.endBeforeStart' });
  }
  return list.issues;
}

/**
 * A KPI, in this order: `name` (required, at most {@link TITLE_MAX_LENGTH}
 * characters), `start` (optional number), `target` (required number; it must
 * differ from `start` when both are given, since completion divides by the
 * distance between them), `actual` (optional number), `weight` (required,
 * 0 to 100), `thresholds` (optional: finite, with healthy above watch above 0).
 */
export function validateKpiFields(
  input: { name?: string; target?: number; actual?: number; weight?: number; thresholds?: KpiThresholds; start?: number },
  mode?: ValidationMode,
): ValidationIssue[] {
  const list = new IssueList(mode);
  list.requiredText('name', input.name, TITLE_MAX_LENGTH);
  const start = list.number('start', input.start, { required: false }) ? input.start : undefined;
  if (list.number('target', input.target, { required: true }) && input.target === start) {
    list.add('target', { key: 'validation.targetEqualsStart' });
  }
  list.number('actual', input.actual, { required: false });
  list.number('weight', input.weight, { required: true, range: PERCENT_RANGE });
  if (isPresent(input.thresholds)) {
    const thresholds: Partial<KpiThresholds> | null = typeof input.thresholds === 'object' ? input.thresholds : null;
    if (!thresholds || !isFiniteNumber(thresholds.healthy) || !isFiniteNumber(thresholds.watch)) {
      list.add('thresholds', { key: 'validation.notANumber' });
    } else if (!(thresholds.healthy > thresholds.watch && thresholds.watch > 0)) {
      list.add('thresholds', { key: 'validation.thresholdsOrder' });
    }
  }
  return list.issues;
}

/**
 * Feedback: `body` is always required (not only spaces), at most
 * {@link FEEDBACK_MAX_LENGTH} characters.
 */
export function validateFeedbackBody(input: { body?: string }): ValidationIssue[] {
  const list = new IssueList();
  list.requiredText('body', input.body, FEEDBACK_MAX_LENGTH);
  return list.issues;
}
