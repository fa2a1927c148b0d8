import { expect } from '@open-wc/testing';
import { endOfDate, forecastKeyResult, startOfDate } from '../../src/model/forecast.js';
import { periodElapsedShare } from '../../src/model/kpi.js';
import { expectedProgress, paceOfKeyResult } from '../../src/model/pace.js';
import { formatter } from '../../src/i18n/format.js';
import { isoWeekOf } from '../../src/data/store/rules.js';
import type { Direction, MetricKind } from '../../src/model/records.js';

/*
 * A date (a due date, a cycle's first and last day) is a day of the reader's
 * calendar, as the widgets print it. This file runs in three groups of
 * web-test-runner.config.mjs: UTC, Los Angeles and Shanghai. Every instant
 * below is built from local wall-clock time, so each assertion means the
 * same thing in every zone; read as UTC days, the model was hours off in
 * the other two (a key result turned "off track" at 17:00 on its due day in
 * Los Angeles, and stayed "on track" until 08:00 the day after in Shanghai).
 */

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const local = (year: number, monthFrom1: number, day: number, hour = 0, minute = 0) => new Date(year, monthFrom1 - 1, day, hour, minute);

const keyResult = (fields: Partial<{ metric: MetricKind; start: number; target: number; current: number; direction: Direction; due: string }> = {}) => ({
  metric: 'number' as MetricKind,
  start: 0,
  target: 100,
  current: 0,
  direction: 'increase' as Direction,
  due: '2026-06-30',
  ...fields,
});

const quarter = { start: '2026-04-01', end: '2026-06-30' };

describe(`calendar dates are the reader's days (${zone})`, () => {
  it('runs in the time zone its test group asks for', () => {
    // Set by web-test-runner.config.mjs: without it, the Los Angeles and Shanghai groups could silently run in UTC.
    const asked = (globalThis as { __testTimeZone?: string }).__testTimeZone;
    expect(asked).to.be.a('string');
    expect(new Intl.DateTimeFormat('en', { timeZone: asked }).resolvedOptions().timeZone).to.equal(zone);
  });

  it('a date begins and ends at local midnight', () => {
    expect(startOfDate('2026-06-30')).to.equal(local(2026, 6, 30).getTime());
    expect(endOfDate('2026-06-30')).to.equal(local(2026, 7, 1).getTime());
  });

  it('a day with a clock change ends at the next midnight, not 24 hours on', () => {
    // 8 March 2026 is 23 hours long in Los Angeles (clocks go forward); 24 in UTC and Shanghai.
    expect(endOfDate('2026-03-08')).to.equal(local(2026, 3, 9).getTime());
    expect(startOfDate('2026-03-09')).to.equal(endOfDate('2026-03-08'));
  });

  it('a binary key result is on track all through its due day, and off track from the next morning', () => {
    const runbook = keyResult({ metric: 'binary', start: 0, target: 1, current: 0 });
    expect(paceOfKeyResult(runbook, null, quarter, local(2026, 6, 30, 20, 0))).to.equal('on-track');
    expect(paceOfKeyResult(runbook, null, quarter, local(2026, 6, 30, 23, 59))).to.equal('on-track');
    expect(paceOfKeyResult(runbook, null, quarter, local(2026, 7, 1, 0, 30))).to.equal('off-track');
  });

  it("the time elapsed starts at the cycle's first local midnight and ends at the due day's last", () => {
    expect(expectedProgress(quarter, '2026-06-30', local(2026, 4, 1))).to.equal(0);
    expect(expectedProgress(quarter, '2026-06-30', local(2026, 7, 1))).to.equal(1);
    expect(expectedProgress(quarter, '2026-06-30', local(2026, 6, 30, 12))).to.be.below(1);
    expect(periodElapsedShare(quarter, local(2026, 4, 1))).to.equal(0);
    expect(periodElapsedShare(quarter, local(2026, 7, 1))).to.equal(1);
    expect(periodElapsedShare(quarter, local(2026, 6, 30, 23))).to.be.below(1);
  });

  it('a forecast reaches its target on the local day the line crosses it', () => {
    // 0 → 50 over five days at one hour of the day: 10 a day, so 100 five days after the second check-in, at that hour.
    const reachedWhenCheckedInAt = (hour: number) =>
      forecastKeyResult(
        keyResult(),
        [
          { at: local(2026, 5, 1, hour).toISOString(), value: 0 },
          { at: local(2026, 5, 6, hour).toISOString(), value: 50 },
        ],
        local(2026, 5, 7, 9),
      )!.reachTargetOn;
    // Late in the evening (the next day in UTC, west of it) and early in the morning (the day before, east of it).
    expect(reachedWhenCheckedInAt(23)).to.equal('2026-05-11');
    expect(reachedWhenCheckedInAt(1)).to.equal('2026-05-11');
  });

  it('a line already past its target reaches it today, the day the page shows', () => {
    const forecast = forecastKeyResult(
      keyResult({ current: 120 }),
      [
        { at: local(2026, 5, 1, 12).toISOString(), value: 60 },
        { at: local(2026, 5, 2, 12).toISOString(), value: 120 },
      ],
      local(2026, 5, 3, 23, 30),
    )!;
    expect(forecast.reachTargetOn).to.equal('2026-05-03');
    expect(formatter('en').date(forecast.reachTargetOn!)).to.equal('May 3, 2026');
  });
});

describe(`the work log's weeks are the reader's weeks (${zone})`, () => {
  it('a check-in early on Monday morning is in that week, one late on Sunday evening in the week before', () => {
    // 2 March 2026 is the Monday of week 10.
    expect(isoWeekOf(local(2026, 3, 2, 0, 30))).to.equal('2026-W10');
    expect(isoWeekOf(local(2026, 3, 2, 7, 0).toISOString())).to.equal('2026-W10');
    expect(isoWeekOf(local(2026, 3, 1, 23, 30))).to.equal('2026-W09');
    expect(isoWeekOf(local(2027, 1, 1, 9))).to.equal('2026-W53');
  });
});
