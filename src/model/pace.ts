/**
 * Pace: whether a key result (and a goal) will make its target in time — on
 * track, at risk or off track — from its forecast where there is one, and
 * otherwise from its progress against the time that has passed.
 */
import type { MessageKey } from '../i18n/catalog.js';
import { endOfDate, forecastKeyResult, startOfDate, type ForecastOptions, type KeyResultForecast } from './forecast.js';
import { keyResultProgress, rollUpByWeightSteps, runSteps, weightedMean, type RollUpOptions } from './progress.js';
import type { CheckIn, Cycle, Goal, Id, IsoDate, KeyResult } from './records.js';

/** Best first. */
export const PACE_STATUSES = ['on-track', 'at-risk', 'off-track'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

/** The message naming each status, for badges and screen readers. */
export const PACE_MESSAGE_KEYS = {
  'on-track': 'pace.onTrack',
  'at-risk': 'pace.atRisk',
  'off-track': 'pace.offTrack',
} as const satisfies Record<PaceStatus, MessageKey>;

/** Projected progress at the due date from which a forecast says on track: the target, reached in time. */
export const FORECAST_ON_TRACK_PROGRESS = 1;
/**
 * Projected progress at the due date from which a forecast says at risk
 * rather than off track: 0.7, the score Google's OKR guidance (re:Work,
 * "Set goals with OKRs") counts as success on an ambitious key result. Above
 * it the gap can still be closed with attention; below it the plan needs to
 * change.
 */
export const FORECAST_AT_RISK_PROGRESS = 0.7;
/**
 * Without a forecast, progress may trail the elapsed share of the time by
 * this much and still be on track: work comes in steps, not evenly by the
 * day, and check-ins lag the work by up to a week.
 */
export const ELAPSED_ON_TRACK_MARGIN = 0.1;
/** …and by this much and be at risk; further behind is off track. */
export const ELAPSED_AT_RISK_MARGIN = 0.25;

/** Absorbs float error at the thresholds: 0.7 computed as 0.6999999999999998 is still 0.7. */
const TOLERANCE = 1e-9;

/**
 * The share of a key result's time that has passed at `now`, 0 to 1: its
 * period runs from the start of the cycle's first day to the end of its due
 * date (of the cycle's last day when `due` is not a real date). A period of
 * no length is 0 before its end and 1 after.
 */
export function expectedProgress(cycle: Pick<Cycle, 'start' | 'end'>, due: IsoDate, now: Date): number {
  const start = startOfDate(cycle.start);
  const dueEnd = endOfDate(due);
  const end = Number.isNaN(dueEnd) ? endOfDate(cycle.end) : dueEnd;
  const at = now.getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || Number.isNaN(at)) return 0;
  if (end <= start) return at >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/**
 * A key result's pace at `now`:
 *
 * 1. done (progress 1) → on track;
 * 2. before the cycle starts → on track (nothing was expected yet);
 * 3. `binary` → on track until the end of its due date, then off track: with
 *    no partial progress there is nothing to measure against time;
 * 4. with a forecast → projected progress at the due date ≥
 *    {@link FORECAST_ON_TRACK_PROGRESS} on track, ≥
 *    {@link FORECAST_AT_RISK_PROGRESS} at risk, else off track;
 * 5. otherwise → progress against {@link expectedProgress}: no more than
 *    {@link ELAPSED_ON_TRACK_MARGIN} behind on track, no more than
 *    {@link ELAPSED_AT_RISK_MARGIN} behind at risk, else off track.
 */
export function paceOfKeyResult(
  kr: Pick<KeyResult, 'metric' | 'start' | 'target' | 'current' | 'direction' | 'due'>,
  forecast: Pick<KeyResultForecast, 'projectedProgressAtDue'> | null,
  cycle: Pick<Cycle, 'start' | 'end'>,
  now: Date,
): PaceStatus {
  const progress = keyResultProgress(kr);
  if (progress >= 1) return 'on-track';
  if (now.getTime() < startOfDate(cycle.start)) return 'on-track';
  if (kr.metric === 'binary') return expectedProgress(cycle, kr.due, now) < 1 ? 'on-track' : 'off-track';
  if (forecast) {
    const projected = forecast.projectedProgressAtDue;
    if (projected >= FORECAST_ON_TRACK_PROGRESS - TOLERANCE) return 'on-track';
    if (projected >= FORECAST_AT_RISK_PROGRESS - TOLERANCE) return 'at-risk';
    return 'off-track';
  }
  const expected = expectedProgress(cycle, kr.due, now);
  if (progress >= expected - ELAPSED_ON_TRACK_MARGIN - TOLERANCE) return 'on-track';
  if (progress >= expected - ELAPSED_AT_RISK_MARGIN - TOLERANCE) return 'at-risk';
  return 'off-track';
}

/** How far behind each status is, for weighing statuses together (see {@link paceOfGoal}). */
export const PACE_SCORES = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 } as const satisfies Record<PaceStatus, number>;

/** The status nearest a weighted mean of {@link PACE_SCORES}; halfway goes to the worse. */
function paceOfScore(score: number): PaceStatus {
  if (score >= PACE_SCORES['off-track'] - 0.5 - TOLERANCE) return 'off-track';
  if (score >= PACE_SCORES['at-risk'] - 0.5 - TOLERANCE) return 'at-risk';
  return 'on-track';
}

/**
 * A goal's pace from its key results' paces and weights: the status nearest
 * their weighted mean score (on track 0, at risk 1, off track 2), halfway
 * going to the worse. So trouble counts by its weight: one off-track key
 * result of two equal ones makes the goal at risk, one of ten does not move
 * it, and a single at-risk result of two already does (ties warn). Not the
 * worst status, which would paint every goal red for its smallest key result;
 * not a majority vote, which ignores weights. Weights are normalised as in
 * progress roll-ups; `null` for a goal with no key results.
 */
export function paceOfGoal(keyResults: readonly { readonly weight: number; readonly pace: PaceStatus }[]): PaceStatus | null {
  const score = weightedMean(keyResults.map(({ weight, pace }) => ({ weight, value: PACE_SCORES[pace] })));
  return score === null ? null : paceOfScore(score);
}

/**
 * Pace of every goal in `goals`, rolled up like progress: each goal's score
 * combines its key results' scores (as {@link paceOfGoal}) with its counted
 * child goals' scores (see `rollUpByWeight` in progress.ts), then becomes the
 * nearest status. Scores, not statuses, roll up, so rounding happens once per
 * goal and never compounds up the cascade. Key results missing from `paces`
 * are left out; `null` for a goal with nothing to judge below it.
 */
export function rollUpPace(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  paces: ReadonlyMap<Id, PaceStatus>,
  options: RollUpOptions = {},
): Map<Id, PaceStatus | null> {
  return runSteps(rollUpPaceSteps(goals, keyResults, paces, options));
}

/** {@link rollUpPace} in slices (see `rollUpByWeightSteps`). */
export function* rollUpPaceSteps(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  paces: ReadonlyMap<Id, PaceStatus>,
  options: RollUpOptions = {},
): Generator<void, Map<Id, PaceStatus | null>> {
  const scoreOf = (keyResult: KeyResult): number | null => {
    const pace = paces.get(keyResult.id);
    return pace === undefined ? null : PACE_SCORES[pace];
  };
  const scores = yield* rollUpByWeightSteps(goals, keyResults, scoreOf, null, options);
  const result = new Map<Id, PaceStatus | null>();
  for (const [id, score] of scores) {
    result.set(id, score === null ? null : paceOfScore(score));
    if (result.size % 10_000 === 0) yield;
  }
  return result;
}

/** What a key result's row or scorecard line shows about where it stands. */
export interface KeyResultAssessment {
  /** {@link keyResultProgress}. */
  progress: number;
  forecast: KeyResultForecast | null;
  pace: PaceStatus;
}

/** Progress, forecast and pace of one key result from its check-ins; `options` goes to {@link forecastKeyResult}. */
export function assessKeyResult(
  keyResult: KeyResult,
  checkIns: readonly Pick<CheckIn, 'at' | 'value'>[],
  cycle: Pick<Cycle, 'start' | 'end'>,
  now: Date,
  options: ForecastOptions = {},
): KeyResultAssessment {
  const forecast = forecastKeyResult(keyResult, checkIns, now, options);
  return { progress: keyResultProgress(keyResult), forecast, pace: paceOfKeyResult(keyResult, forecast, cycle, now) };
}

/** Check-ins grouped by key result in one pass, every key result in `keyResults` with a list (check-ins of others are left out). */
function groupCheckIns<C extends Pick<CheckIn, 'keyResultId'>>(keyResults: readonly KeyResult[], checkIns: readonly C[]): Map<Id, C[]> {
  const byKeyResult = new Map<Id, C[]>();
  for (const keyResult of keyResults) byKeyResult.set(keyResult.id, []);
  for (const checkIn of checkIns) byKeyResult.get(checkIn.keyResultId)?.push(checkIn);
  return byKeyResult;
}

/** {@link assessKeyResult} for many key results at once, their check-ins grouped in one pass. */
export function assessKeyResults(
  keyResults: readonly KeyResult[],
  checkIns: readonly Pick<CheckIn, 'keyResultId' | 'at' | 'value'>[],
  cycle: Pick<Cycle, 'start' | 'end'>,
  now: Date,
  options: ForecastOptions = {},
): Map<Id, KeyResultAssessment> {
  const checkInsByKeyResult = groupCheckIns(keyResults, checkIns);
  const result = new Map<Id, KeyResultAssessment>();
  for (const keyResult of keyResults) {
    result.set(keyResult.id, assessKeyResult(keyResult, checkInsByKeyResult.get(keyResult.id) ?? [], cycle, now, options));
  }
  return result;
}

/**
 * Whether a goal has a pace at all. Only approved goals do: a draft, pending
 * or rejected goal's work has not been agreed yet, so calling it "off track"
 * would blame its owner for a plan nobody has signed off.
 */
export function isPaced(goal: Pick<Goal, 'status'>): boolean {
  return goal.status === 'approved';
}
