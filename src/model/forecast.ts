/**
 * Forecast: where a key result will stand on its due date at the pace its
 * check-ins show, and when it reaches its target ("80 now; at this pace 100
 * by 30 Nov"). A least-squares line through the values over time: simple
 * enough to explain to the person reading it, and steady against one noisy
 * check-in.
 *
 * Time is counted in days of 86,400,000 ms. Dates (`YYYY-MM-DD`) are days of
 * the reader's calendar, in the time zone the page runs in, as the widgets
 * show them: a key result due on 30 June is on time until midnight where the
 * person reading it is, not until midnight in Greenwich (17:00 in Los
 * Angeles). A due date counts to its end (work done on the due day is on time).
 */
import { keyResultProgress } from './progress.js';
import type { CheckIn, IsoDate, IsoDateTime, KeyResult } from './records.js';
import { isIsoDate } from './validation.js';

export const DAY_MS = 86_400_000;

/**
 * A target further away than this (ten years) at the current pace is "not
 * at this pace": a date years off says nothing a person can plan with, and
 * `Date` cannot hold every number a nearly flat line produces.
 */
export const REACH_HORIZON_DAYS = 3653;

/**
 * Parsed dates, remembered: a tree assesses tens of thousands of key results
 * against a handful of distinct cycle and due dates, and parsing dominated.
 * The page's time zone is read once per date, as the display reads it.
 */
const parsedDates = new Map<string, { start: number; end: number }>();
const PARSED_DATES_KEPT = 4096;
const UNREADABLE = { start: Number.NaN, end: Number.NaN };

function dayOf(date: IsoDate): { start: number; end: number } {
  let day = parsedDates.get(date);
  if (day === undefined) {
    if (isIsoDate(date)) {
      const [year, month, dayOfMonth] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
      // The next midnight from the calendar, not 24 hours on: a day with a clock change is 23 or 25 hours long.
      day = { start: new Date(year, month, dayOfMonth).getTime(), end: new Date(year, month, dayOfMonth + 1).getTime() };
    } else {
      day = UNREADABLE;
    }
    if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
    parsedDates.set(date, day);
  }
  return day;
}

/** The instant (ms since the epoch) a date's day begins where the page runs; `NaN` for anything but a real `YYYY-MM-DD` date. */
export function startOfDate(date: IsoDate): number {
  return dayOf(date).start;
}

/** The instant a due date's day ends (the next midnight) where the page runs: what "due on" a date means. `NaN` for a bad date. */
export function endOfDate(date: IsoDate): number {
  return dayOf(date).end;
}

/** The date of an instant where the page runs, `YYYY-MM-DD`. */
function isoDateOf(ms: number): IsoDate {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An instant: a date-time, or a date read as the start of its day. */
export function instantOf(value: IsoDate | IsoDateTime): number {
  return isIsoDate(value) ? startOfDate(value) : Date.parse(value);
}

export interface ForecastOptions {
  /**
   * Count the key result's `start` value as measured at this instant,
   * usually the cycle's start (`{ baselineAt: cycle.start }`; a date counts
   * from the start of its day). Then a key result with a single check-in
   * already has a pace, and an early check-in is read against where the work
   * began. Leave it out for a key result added or re-based mid-cycle, whose
   * start value was never true at the cycle's start.
   */
  baselineAt?: IsoDate | IsoDateTime;
}

/** Where a key result is heading at the pace of its check-ins. */
export interface KeyResultForecast {
  /** Change of value per day along the fitted line (negative when falling). */
  slopePerDay: number;
  /** The line's value at the end of the due date. */
  projectedAtDue: number;
  /** {@link keyResultProgress} of that value: 0 to 1, capped like progress. */
  projectedProgressAtDue: number;
  /**
   * The day (where the page runs) by whose end the line reaches the target; never before
   * today (a line that has already crossed says "today"). `null` when it
   * never does: flat, moving away, or further than {@link REACH_HORIZON_DAYS}.
   * While the due date is ahead, this is on or before `due` exactly when
   * `projectedAtDue` reaches the target.
   */
  reachTargetOn: IsoDate | null;
  /** How many points the line was fitted to (check-ins, plus the baseline when given). */
  basis: number;
}

/**
 * Least-squares forecast of a key result from its check-ins (value against
 * time), or `null` when there is no pace to read:
 *
 * - fewer than two distinct instants among the points (one check-in, or all
 *   at the same time, and no baseline);
 * - a `binary` key result: done or not done has no pace, and a line through
 *   zeros and a final one says nothing;
 * - a due date that is not a real date.
 *
 * Points with a value that is not a finite number or an unreadable `at` are
 * skipped. Check-ins are used as given, also those stamped after `now` (a
 * server's clock may run ahead of the page's). A target equal to the start
 * (or on the wrong side of it) gives projected progress 0 and no reach date.
 */
export function forecastKeyResult(
  kr: Pick<KeyResult, 'metric' | 'start' | 'target' | 'direction' | 'due'>,
  checkIns: readonly Pick<CheckIn, 'at' | 'value'>[],
  now: Date,
  options: ForecastOptions = {},
): KeyResultForecast | null {
  if (kr.metric === 'binary') return null;
  const dueEnd = endOfDate(kr.due);
  if (Number.isNaN(dueEnd)) return null;

  const points: TimedValue[] = [];
  if (options.baselineAt !== undefined) points.push({ at: instantOf(options.baselineAt), value: kr.start });
  for (const checkIn of checkIns) points.push({ at: Date.parse(checkIn.at), value: checkIn.value });
  const line = fitLeastSquaresLine(points);
  if (!line) return null;

  const projectedAtDue = line.valueAt(dueEnd);
  return {
    slopePerDay: line.slopePerDay,
    projectedAtDue,
    projectedProgressAtDue: keyResultProgress({ ...kr, current: projectedAtDue }),
    reachTargetOn: lineReachesTargetOn(kr, line, now.getTime()),
    basis: line.basis,
  };
}

/** A measured value at an instant (ms since the epoch). */
export interface TimedValue {
  readonly at: number;
  readonly value: number;
}

/** A least-squares line of value against time, in days. */
export interface FittedLine {
  /** Change of value per day (negative when falling). */
  readonly slopePerDay: number;
  /** The points' mean instant (ms): the line passes through it at {@link centreValue}. */
  readonly centreMs: number;
  /** The points' mean value. */
  readonly centreValue: number;
  /** The line's value at an instant (ms). */
  valueAt(ms: number): number;
  /** How many points it was fitted to. */
  readonly basis: number;
}

/**
 * The least-squares line through timed values, shared by the key-result and
 * KPI forecasts. Points whose instant or value is not a finite number are
 * skipped; `null` with fewer than two distinct instants (no slope to read).
 */
export function fitLeastSquaresLine(points: readonly TimedValue[]): FittedLine | null {
  const times: number[] = [];
  const values: number[] = [];
  for (const { at, value } of points) {
    if (!Number.isFinite(at) || !Number.isFinite(value)) continue;
    times.push(at);
    values.push(value);
  }
  const count = times.length;
  if (count < 2) return null;

  // Days from the earliest point, centred on their mean in the sums below:
  // keeps the arithmetic exact-ish with instants in the trillions of ms.
  let origin = Number.POSITIVE_INFINITY;
  for (const at of times) origin = Math.min(origin, at);
  let meanX = 0;
  let meanY = 0;
  for (let index = 0; index < count; index += 1) {
    meanX += ((times[index] as number) - origin) / DAY_MS;
    meanY += values[index] as number;
  }
  meanX /= count;
  meanY /= count;
  let sxy = 0;
  let sxx = 0;
  for (let index = 0; index < count; index += 1) {
    const dx = ((times[index] as number) - origin) / DAY_MS - meanX;
    sxy += dx * ((values[index] as number) - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0) return null;

  const slopePerDay = sxy / sxx;
  return {
    slopePerDay,
    centreMs: origin + meanX * DAY_MS,
    centreValue: meanY,
    valueAt: (ms) => meanY + slopePerDay * ((ms - origin) / DAY_MS - meanX),
    basis: count,
  };
}

/**
 * The day (where the page runs) by whose end `line` reaches the target of a measure running
 * from `start` to `target` in `direction` (a key result or a KPI); never
 * before the day of `nowMs` (a line that has already crossed says that day).
 * `null` when it never does: no way to measure along (target equal to the
 * start or on the wrong side), flat, moving away, or further than
 * {@link REACH_HORIZON_DAYS}.
 */
export function lineReachesTargetOn(
  measure: Pick<KeyResult, 'start' | 'target' | 'direction'>,
  line: Pick<FittedLine, 'slopePerDay' | 'centreMs' | 'centreValue'>,
  nowMs: number,
): IsoDate | null {
  const { slopePerDay, centreMs, centreValue } = line;
  const sign = measure.direction === 'decrease' ? -1 : 1;
  // No way to measure along, or not moving towards the target: never at this pace.
  if (!((measure.target - measure.start) * sign > 0) || !(slopePerDay * sign > 0)) return null;
  const hitMs = centreMs + ((measure.target - centreValue) / slopePerDay) * DAY_MS;
  if (!Number.isFinite(hitMs) || !Number.isFinite(nowMs)) return null;
  if (hitMs <= nowMs) return isoDateOf(nowMs);
  if (hitMs - nowMs > REACH_HORIZON_DAYS * DAY_MS) return null;
  // The day by whose end it is reached: a crossing at midnight belongs to the day that just ended,
  // so that "reached by the due date" agrees with the projection at the due date's end.
  return isoDateOf(Math.ceil(hitMs) - 1);
}
