/**
 * Dates for the seed, all in UTC milliseconds so that the same `now` gives
 * the same company whatever the machine's time zone.
 */
import type { IsoDate, IsoDateTime, IsoWeek } from '../../model/records.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Shanghai keeps UTC+8 all year (no daylight saving): office hours are 01:00–10:00 UTC. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

const dateTextByDay = new Map<number, IsoDate>();
const minuteTexts = new Map<number, IsoDateTime>();
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/**
 * `YYYY-MM-DD` of an instant (UTC). A seed writes a few hundred distinct days
 * and a million timestamps, so each day's text is made once.
 */
export function toIsoDate(ms: number): IsoDate {
  const day = Math.floor(ms / DAY_MS);
  let text = dateTextByDay.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateTextByDay.set(day, text);
  }
  return text;
}

/** Lets go of the shared timestamp texts once a seed is done: they belong to its records. */
export function forgetSharedTimestamps(): void {
  minuteTexts.clear();
}

/**
 * The same text as `new Date(ms).toISOString()` (whole milliseconds, years
 * 0000–9999), built from cached parts: the seed formats about a million
 * timestamps, at twice the speed of Date's own formatting.
 */
export function toIsoDateTime(ms: number): IsoDateTime {
  const whole = Math.floor(ms);
  // Check-ins fall on whole minutes, and people share habits (Friday 15:00…): the same instants recur
  // thousands of times in a large seed, so those are formatted once and their text shared.
  // Keyed by the minute's number, a small integer, which a Map hashes faster than a large double.
  const minute = whole % 60_000 === 0 ? whole / 60_000 : -1;
  if (minute >= 0) {
    const known = minuteTexts.get(minute);
    if (known !== undefined) return known;
    if (minuteTexts.size >= 250_000) minuteTexts.clear();
  }
  const day = Math.floor(whole / DAY_MS);
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  // join() builds one flat string; a template literal would leave a rope of nine pieces, six times the memory.
  const text = [toIsoDate(whole), 'T', TWO_DIGITS[hours], ':', TWO_DIGITS[minutes], ':', TWO_DIGITS[seconds], '.', THREE_DIGITS[millis], 'Z'].join('');
  if (minute >= 0) minuteTexts.set(minute, text);
  return text;
}

/** Midnight UTC at the start of an `YYYY-MM-DD` date. */
export function parseIsoDate(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** The start of the minute: events the seed dates to the minute share their text. */
export function wholeMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Midnight UTC of the Monday on or before `ms`. */
export function mondayOnOrBefore(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday, so Monday-based weekdays are (day + 3) mod 7.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return (day - weekday) * DAY_MS;
}

const isoWeekByThursday = new Map<number, IsoWeek>();

/**
 * The ISO 8601 week of an instant (UTC), e.g. `2026-W09`. A week belongs to
 * the year of its Thursday, so 2027-01-01 (a Friday) lies in `2026-W53`.
 */
export function isoWeekOf(ms: number): IsoWeek {
  const day = Math.floor(ms / DAY_MS);
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  // Check-ins fall in a few hundred distinct weeks: remember each one's label.
  let week = isoWeekByThursday.get(thursday);
  if (week === undefined) {
    const year = new Date(thursday * DAY_MS).getUTCFullYear();
    const firstDayOfYear = Date.UTC(year, 0, 1) / DAY_MS;
    const number = Math.floor((thursday - firstDayOfYear) / 7) + 1;
    week = `${year}-W${String(number).padStart(2, '0')}`;
    isoWeekByThursday.set(thursday, week);
  }
  return week;
}

/** A calendar quarter: `startMs` is midnight UTC of its first day, `endMs` of its last day. */
export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
  startMs: number;
  endMs: number;
}

export function quarterOf(year: number, quarter: number): Quarter {
  // Date.UTC rolls month 12 over into the next year, and day 0 is the last day of the month before.
  const startMs = Date.UTC(year, (quarter - 1) * 3, 1);
  const endMs = Date.UTC(year, quarter * 3, 0);
  return { year, quarter, startMs, endMs };
}

export function quarterContaining(ms: number): Quarter {
  const date = new Date(ms);
  return quarterOf(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

export function quarterAfter(quarter: Quarter): Quarter {
  return quarter.quarter === 4 ? quarterOf(quarter.year + 1, 1) : quarterOf(quarter.year, quarter.quarter + 1);
}

export function quarterBefore(quarter: Quarter): Quarter {
  return quarter.quarter === 1 ? quarterOf(quarter.year - 1, 4) : quarterOf(quarter.year, quarter.quarter - 1);
}
