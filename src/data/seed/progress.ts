/**
 * A planned goal becomes real: its key results with values drawn for its
 * level and market, weekly check-ins that follow each key result's pace up to
 * `now`, and now and then a mid-cycle adjustment with its reason.
 */
import type { CheckIn, GoalChange, IsoDate, KeyResult, KeyResultSnapshot } from '../../model/records.js';
import type { KeyResultTemplate } from './content/okrs.js';
import { ADJUSTMENT_REASONS, BLOCKERS, CHECK_IN_NOTES } from './content/phrases.js';
import { DAY_MS, HOUR_MS, mondayOnOrBefore, startOfUtcDay, toIsoDate, toIsoDateTime, WEEK_MS } from './calendar.js';
import { parameterText, type PlannedGoal, type ScaleLevel } from './goals.js';
import { confidenceFor, drawPaceCurve, moodOf, pickPace, progressAt, type PaceCurve } from './pace.js';
import type { SeededRandom, WeightedChoice } from './random.js';
import { fillTemplate, formatMetricValue, formatValueWithUnit, roundToStep, splitHundred, type Language } from './text.js';
import type { IdSequences, Writable } from './world.js';

/**
 * How often people check in. A small company checks in every week; a large
 * one gets a few check-ins per key result, evenly spread and always including
 * the latest, so it stays quick to generate and to store.
 */
export interface CheckInCadence {
  readonly maxPerKeyResult: Readonly<Record<'previous' | 'active', number>>;
}

export interface RealisedKeyResult {
  readonly keyResult: Writable<KeyResult>;
  readonly template: KeyResultTemplate;
  readonly checkIns: CheckIn[];
  /** When each check-in was made, in ms: work logs group by week without parsing the text again. */
  readonly checkInTimes: number[];
  /** The step values move in, for formatting them. */
  readonly step: number;
  /** Where the latest value stands: 0 at the start, 1 at the target. */
  readonly progress: number;
}

export interface RealisedGoal {
  readonly planned: PlannedGoal;
  readonly keyResults: RealisedKeyResult[];
  readonly change: GoalChange | null;
  /** The goal's progress from its key results' weights, each capped at 1. */
  readonly progress: number;
}

/** Amounts grow with the unit a goal speaks for; company templates are written at company size. */
const SCALE_FACTORS: Readonly<Record<KeyResultTemplate['scaling'], Readonly<Record<ScaleLevel, number>>>> = {
  volume: { company: 1, department: 6, team: 2.5, individual: 1 },
  count: { company: 1, department: 3, team: 2, individual: 1 },
  fixed: { company: 1, department: 1, team: 1, individual: 1 },
};

/** A round rate for demo amounts: targets written in CNY read naturally in USD after it. */
const CNY_PER_USD = 7;

const KEY_RESULT_COUNTS: readonly WeightedChoice<number>[] = [
  [2, 25],
  [3, 45],
  [4, 30],
];

export function realiseGoal(random: SeededRandom, planned: PlannedGoal, cadence: CheckInCadence, now: number, ids: IdSequences): RealisedGoal {
  const { goal, cycle, template, language } = planned;
  const count = Math.min(
    template.keyResults.length,
    goal.status === 'draft' ? random.int(1, 3) : random.pickWeighted(KEY_RESULT_COUNTS),
  );
  const templates = random.sample(template.keyResults, count);
  // People weigh key results in round numbers: 40 / 30 / 30.
  const weights = splitHundred(templates.map(() => random.pick([2, 3, 3, 4])));
  const text = parameterText(planned.parameters, language);
  const createdAtMs = Date.parse(goal.createdAt);
  const checksIn = goal.status === 'approved' && cycle.kind !== 'planning';
  const decidedAtMs = goal.decidedAt ? Date.parse(goal.decidedAt) : createdAtMs;

  const keyResults = templates.map((krTemplate, index): RealisedKeyResult => {
    const { start, target, step } = drawValues(random, krTemplate, planned.scaleLevel, planned.currency);
    const unit = krTemplate.metric === 'currency' ? planned.currency : krTemplate.unit[language];
    const lastDay = cycle.endMs - DAY_MS;
    // Some milestones fall due mid-quarter (a launch, a certification), the rest on the last day.
    const dueMs =
      (krTemplate.metric === 'milestone' || krTemplate.metric === 'binary') && random.chance(0.35)
        ? startOfUtcDay(cycle.startMs + (cycle.endMs - cycle.startMs) * random.float(0.55, 0.85))
        : lastDay;
    const keyResult: Writable<KeyResult> = {
      id: ids.keyResult(),
      version: 1,
      updatedAt: goal.createdAt,
      goalId: goal.id,
      title: keyResultTitle(krTemplate, language, text, start, target, unit, step),
      metric: krTemplate.metric,
      start,
      target,
      current: start,
      unit,
      direction: krTemplate.direction,
      weight: weights[index] ?? 0,
      due: toIsoDate(dueMs),
      lastCheckIn: null,
    };
    if (!checksIn) return { keyResult, template: krTemplate, checkIns: [], checkInTimes: [], step, progress: 0 };
    // Key results of one goal mostly share its pace; some go their own way.
    const curve = drawPaceCurve(random, random.chance(0.65) ? planned.pace : pickPace(random, cycle.kind));
    const checkInTimes: number[] = [];
    const checkIns = simulateCheckIns(random, ids, planned, keyResult, curve, checkInTimes, {
      step,
      dueEndMs: dueMs + DAY_MS,
      firstMs: Math.max(cycle.startMs, decidedAtMs + HOUR_MS),
      lastMs: Math.min(now - 10 * 60_000, cycle.endMs - 1),
      // A person checks in on all their key results in one sitting, a few minutes apart.
      minuteOffset: index * random.int(2, 6),
      maxCount: cycle.kind === 'previous' ? cadence.maxPerKeyResult.previous : cadence.maxPerKeyResult.active,
    });
    const latest = checkIns[checkIns.length - 1];
    if (latest) {
      keyResult.current = latest.value;
      keyResult.lastCheckIn = { at: latest.at, authorId: latest.authorId, confidence: latest.confidence };
      keyResult.version = 1 + checkIns.length;
      keyResult.updatedAt = latest.at;
    }
    return { keyResult, template: krTemplate, checkIns, checkInTimes, step, progress: progressOf(keyResult) };
  });

  const change = checksIn && random.chance(cycle.kind === 'active' ? 0.07 : 0.04) ? adjust(random, planned, keyResults, now, ids) : null;
  let progress = 0;
  for (const { keyResult } of keyResults) progress += (keyResult.weight / 100) * Math.min(1, Math.max(0, progressOf(keyResult)));
  return { planned, keyResults, change, progress };
}

/** Where the current value stands between start (0) and target (1). */
export function progressOf(keyResult: Pick<KeyResult, 'start' | 'target' | 'current'>): number {
  return (keyResult.current - keyResult.start) / (keyResult.target - keyResult.start);
}

function keyResultTitle(
  template: KeyResultTemplate,
  language: Language,
  parameters: Record<string, string>,
  start: number,
  target: number,
  unit: string,
  step: number,
): string {
  return fillTemplate(
    template.text[language],
    parameters,
    {
      start: formatMetricValue(start, template.metric, unit, step, language),
      target: formatMetricValue(target, template.metric, unit, step, language),
    },
    language === 'zh',
  );
}

/** Start and target from the template's ranges, scaled to the goal's level and converted to its currency. */
function drawValues(random: SeededRandom, template: KeyResultTemplate, scaleLevel: ScaleLevel, currency: 'CNY' | 'USD'): { start: number; target: number; step: number } {
  const [startMin, startMax, targetMin, targetMax, templateStep] = template.values;
  const factor = SCALE_FACTORS[template.scaling][scaleLevel];
  let start = random.float(startMin, startMax) * factor;
  let target = random.float(targetMin, targetMax) * factor;
  let step = templateStep;
  if (template.metric === 'currency' && currency === 'USD') {
    start /= CNY_PER_USD;
    target /= CNY_PER_USD;
    step = 10 ** Math.floor(Math.log10(templateStep / CNY_PER_USD));
  }
  start = roundToStep(start, step);
  target = roundToStep(target, step);
  if (template.metric === 'percent') target = Math.min(100, target);
  // Rounding may bring the two together; the model refuses a target equal to the start.
  const sign = template.direction === 'increase' ? 1 : -1;
  if ((target - start) * sign <= 0) target = roundToStep(start + sign * step, step);
  return { start, target, step };
}

/** A value as the metric allows it: whole milestones, 0 or 1 for binary, 0–100 for percent. */
function valueAt(keyResult: KeyResult, step: number, progress: number): number {
  const { metric, start, target } = keyResult;
  switch (metric) {
    case 'binary':
      return progress >= 0.95 ? 1 : 0;
    case 'milestone':
      return Math.min(target, Math.max(0, Math.floor(start + (target - start) * progress + 0.05)));
    case 'percent':
      return Math.min(100, Math.max(0, roundToStep(start + (target - start) * progress, step)));
    case 'number':
    case 'currency':
      return Math.max(0, roundToStep(start + (target - start) * progress, step));
  }
}

interface CheckInWindow {
  step: number;
  /** The end of the due date: progress is measured against the time to it. */
  dueEndMs: number;
  firstMs: number;
  lastMs: number;
  minuteOffset: number;
  maxCount: number;
}

function simulateCheckIns(
  random: SeededRandom,
  ids: IdSequences,
  planned: PlannedGoal,
  keyResult: KeyResult,
  curve: PaceCurve,
  times: number[],
  window: CheckInWindow,
): CheckIn[] {
  const { owner, cycle, language } = planned;
  const span = window.dueEndMs - cycle.startMs;
  const weeks: number[] = [];
  const habit = owner.checkInWeekday * DAY_MS + owner.checkInHourUtc * HOUR_MS + window.minuteOffset * 60_000;
  for (let week = mondayOnOrBefore(cycle.startMs); week + habit <= window.lastMs; week += WEEK_MS) {
    const at = week + habit;
    if (at < window.firstMs) continue;
    // Stalled owners often go quiet a week or two after the work stops.
    if (curve.stopsCheckingIn && (at - cycle.startMs) / span > curve.stallAt + 0.08) break;
    weeks.push(at);
  }
  // Every week when the company is small, with the odd week skipped (holidays, busy weeks); a few evenly
  // spread weeks in a large one. The minutes vary a little: nobody checks in at exactly 15:00 each week.
  const thinned = weeks.length > window.maxCount;
  const chosenWeeks = thinned ? evenlySpaced(weeks, window.maxCount) : weeks;
  const chosen: number[] = [];
  for (const week of chosenWeeks) {
    if (!thinned && random.chance(0.07)) continue;
    const at = week + random.int(0, 50) * 60_000;
    if (at <= window.lastMs) chosen.push(at);
  }
  for (const at of chosen) times.push(at);

  const checkIns: CheckIn[] = [];
  let previousProgress = 0;
  for (const at of chosen) {
    const elapsed = (at - cycle.startMs) / span;
    // Week-to-week noise, with dips kept small: real numbers wobble but rarely collapse.
    const progress = Math.max(0, previousProgress - 0.02, progressAt(curve, elapsed) + random.normal(0, 0.02));
    previousProgress = progress;
    const value = valueAt(keyResult, window.step, progress);
    const reached = (value - keyResult.start) / (keyResult.target - keyResult.start) >= 1;
    const mood = reached ? 'done' : moodOf(curve, elapsed, Math.min(progress, 0.99));
    const blockerChance = mood === 'stalled' ? 0.6 : mood === 'behind' ? 0.3 : 0.02;
    // One check-in in six comes without a note: a number is enough some weeks.
    const noteTemplate = random.chance(1 / 6) ? '' : random.pick(CHECK_IN_NOTES[mood][language]);
    checkIns.push({
      id: ids.checkIn(),
      keyResultId: keyResult.id,
      goalId: keyResult.goalId,
      authorId: owner.person.id,
      at: toIsoDateTime(at),
      value,
      confidence: confidenceFor(random, mood, elapsed),
      note: noteTemplate.includes('{value}')
        ? fillTemplate(noteTemplate, { value: formatValueWithUnit(value, keyResult.metric, keyResult.unit, window.step, language) })
        : noteTemplate,
      blockers: random.chance(blockerChance) ? random.pick(BLOCKERS[language]) : '',
    });
  }
  return checkIns;
}

/** `count` of the items, spread evenly and always including the last (the latest check-in is what lists show). */
function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  const chosen: T[] = [];
  for (let index = 1; index <= count; index += 1) chosen.push(items[Math.round((index * items.length) / count) - 1] as T);
  return chosen;
}

/**
 * A mid-cycle adjustment by the owner's manager: a numeric target lowered for
 * work that fell behind (or raised for work running ahead), or a milestone
 * postponed. The key results already hold the values after the change; the
 * change records what they were before.
 */
function adjust(random: SeededRandom, planned: PlannedGoal, keyResults: readonly RealisedKeyResult[], now: number, ids: IdSequences): GoalChange | null {
  const { goal, cycle, language } = planned;
  const decidedAtMs = goal.decidedAt ? Date.parse(goal.decidedAt) : Date.parse(goal.createdAt);
  const numeric = keyResults.filter(({ keyResult }) => keyResult.metric === 'number' || keyResult.metric === 'percent' || keyResult.metric === 'currency');
  const lastDay = cycle.endMs - DAY_MS;
  const postponable = keyResults.filter(({ keyResult }) => (keyResult.metric === 'milestone' || keyResult.metric === 'binary') && Date.parse(keyResult.due) < lastDay - 14 * DAY_MS);
  const atMs = Math.floor(decidedAtMs + (Math.min(now, cycle.endMs) - decidedAtMs) * random.float(0.35, 0.75));
  if (atMs >= now || atMs <= decidedAtMs) return null;

  let before: KeyResultSnapshot;
  let after: KeyResultSnapshot;
  let reasons: typeof ADJUSTMENT_REASONS.lower;
  let changed: RealisedKeyResult;
  if (numeric.length > 0) {
    changed = random.pick(numeric);
    const { keyResult, step, progress } = changed;
    const lowered = progress < 0.5 || (progress < 1 && random.chance(0.5));
    const distance = keyResult.target - keyResult.start;
    const beforeTarget = roundToStep(keyResult.target + (lowered ? 1 : -1) * distance * random.float(0.15, 0.3), step);
    const sign = keyResult.direction === 'increase' ? 1 : -1;
    if (beforeTarget === keyResult.target || (beforeTarget - keyResult.start) * sign <= 0) return null;
    if (keyResult.metric === 'percent' && (beforeTarget < 0 || beforeTarget > 100)) return null;
    const beforeTitle = keyResultTitle(changed.template, language, parameterText(planned.parameters, language), keyResult.start, beforeTarget, keyResult.unit, step);
    before = { id: keyResult.id, title: beforeTitle, target: beforeTarget };
    after = { id: keyResult.id, title: keyResult.title, target: keyResult.target };
    reasons = lowered ? ADJUSTMENT_REASONS.lower : ADJUSTMENT_REASONS.raise;
  } else if (postponable.length > 0) {
    changed = random.pick(postponable);
    const { keyResult } = changed;
    const earlierDue: IsoDate = toIsoDate(Math.max(cycle.startMs, Date.parse(keyResult.due) - 14 * DAY_MS));
    before = { id: keyResult.id, due: earlierDue };
    after = { id: keyResult.id, due: keyResult.due };
    reasons = ADJUSTMENT_REASONS.postpone;
  } else {
    return null;
  }

  const at = toIsoDateTime(atMs);
  const change: GoalChange = {
    id: ids.goalChange(),
    goalId: goal.id,
    authorId: planned.approver.person.id,
    at,
    reason: random.pick(reasons[language]),
    before: { keyResults: [before] },
    after: { keyResults: [after] },
  };
  // The adjustment is one more write of the goal and of the key result it changed.
  goal.version += 1;
  goal.updatedAt = latestOf(goal.updatedAt, at);
  changed.keyResult.version += 1;
  changed.keyResult.updatedAt = latestOf(changed.keyResult.updatedAt, at);
  return change;
}

/** The later of two ISO instants (same format, so they compare as text). */
function latestOf(first: string, second: string): string {
  return first >= second ? first : second;
}
