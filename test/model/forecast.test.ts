import { expect } from '@open-wc/testing';
import { DAY_MS, REACH_HORIZON_DAYS, endOfDate, forecastKeyResult, startOfDate } from '../../src/model/forecast.js';
import type { Direction, MetricKind } from '../../src/model/records.js';

const keyResult = (
  fields: Partial<{ metric: MetricKind; start: number; target: number; current: number; direction: Direction; due: string }> = {},
) => ({ metric: 'number' as MetricKind, start: 0, target: 100, current: 0, direction: 'increase' as Direction, due: '2026-03-31', ...fields });

const at = (at: string, value: number) => ({ at, value });

describe('startOfDate and endOfDate', () => {
  // The default test group runs in UTC; test/model/calendar-days.test.ts runs in other zones too.
  it("read a date as a day of the page's calendar, a due date counting to its end", () => {
    expect(startOfDate('2026-03-31')).to.equal(new Date(2026, 2, 31).getTime());
    expect(endOfDate('2026-03-31')).to.equal(new Date(2026, 3, 1).getTime());
    expect(endOfDate('2026-03-31') - startOfDate('2026-03-31')).to.equal(DAY_MS);
  });

  it('are NaN for what is not a real date', () => {
    expect(startOfDate('2026-02-30')).to.be.NaN;
    expect(endOfDate('soon')).to.be.NaN;
  });
});

describe('forecastKeyResult', () => {
  const now = new Date('2026-11-01T09:00:00.000Z');

  it('"80 now; at this pace 100 by 30 Nov"', () => {
    // 60 → 70 → 80 over 30 days: 2/3 a day; 20 more takes 30 days from 31 Oct, noon.
    const kr = keyResult({ start: 50, target: 100, current: 80, due: '2026-12-31' });
    const checkIns = [at('2026-10-01T12:00:00.000Z', 60), at('2026-10-16T12:00:00.000Z', 70), at('2026-10-31T12:00:00.000Z', 80)];
    const forecast = forecastKeyResult(kr, checkIns, now);
    expect(forecast).to.not.equal(null);
    expect(forecast!.slopePerDay).to.be.closeTo(2 / 3, 1e-12);
    // The due date ends at 1 Jan 00:00, 61.5 days after the last check-in: 80 + 61.5 × 2/3 = 121.
    expect(forecast!.projectedAtDue).to.be.closeTo(121, 1e-9);
    expect(forecast!.projectedProgressAtDue).to.equal(1);
    expect(forecast!.reachTargetOn).to.equal('2026-11-30');
    expect(forecast!.basis).to.equal(3);
  });

  it('projects a shortfall when the due date comes first', () => {
    const kr = keyResult({ start: 50, target: 100, current: 80, due: '2026-11-20' });
    const checkIns = [at('2026-10-01T12:00:00.000Z', 60), at('2026-10-16T12:00:00.000Z', 70), at('2026-10-31T12:00:00.000Z', 80)];
    const forecast = forecastKeyResult(kr, checkIns, now)!;
    // 20.5 days to the end of 20 Nov: 80 + 20.5 × 2/3 = 93.666…, which is (93.666… − 50) / 50 of the way.
    expect(forecast.projectedAtDue).to.be.closeTo(93 + 2 / 3, 1e-9);
    expect(forecast.projectedProgressAtDue).to.be.closeTo(131 / 150, 1e-12);
    expect(forecast.reachTargetOn).to.equal('2026-11-30');
  });

  it('agrees with itself: reached by the due date exactly when the projection reaches the target', () => {
    const checkIns = [at('2026-10-01T12:00:00.000Z', 60), at('2026-10-31T12:00:00.000Z', 80)];
    const onTheDay = forecastKeyResult(keyResult({ start: 50, due: '2026-11-30' }), checkIns, now)!;
    expect([onTheDay.reachTargetOn, onTheDay.projectedAtDue >= 100]).to.deep.equal(['2026-11-30', true]);
    const dayBefore = forecastKeyResult(keyResult({ start: 50, due: '2026-11-29' }), checkIns, now)!;
    expect([dayBefore.reachTargetOn, dayBefore.projectedAtDue >= 100]).to.deep.equal(['2026-11-30', false]);
  });

  it('fits the least-squares line through noisy check-ins', () => {
    // Days 0–3, values 1, 3, 2, 6: mean (1.5, 3); Σdx·dy = 7, Σdx² = 5, so 1.4 a day.
    const checkIns = [
      at('2026-01-01T00:00:00.000Z', 1),
      at('2026-01-02T00:00:00.000Z', 3),
      at('2026-01-03T00:00:00.000Z', 2),
      at('2026-01-04T00:00:00.000Z', 6),
    ];
    const kr = keyResult({ start: 0, target: 20, current: 6, due: '2026-01-10' });
    const forecast = forecastKeyResult(kr, checkIns, new Date('2026-01-04T12:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.be.closeTo(1.4, 1e-12);
    // The due date ends on day 10: 3 + 1.4 × (10 − 1.5) = 14.9, which is 14.9 / 20 of the way.
    expect(forecast.projectedAtDue).to.be.closeTo(14.9, 1e-9);
    expect(forecast.projectedProgressAtDue).to.be.closeTo(0.745, 1e-12);
    // 20 = 3 + 1.4 × (x − 1.5) at x = 13.64 days: during 14 Jan.
    expect(forecast.reachTargetOn).to.equal('2026-01-14');
    expect(forecast.basis).to.equal(4);
  });

  it('does not depend on the order of the check-ins', () => {
    const checkIns = [
      at('2026-01-03T00:00:00.000Z', 2),
      at('2026-01-01T00:00:00.000Z', 1),
      at('2026-01-04T00:00:00.000Z', 6),
      at('2026-01-02T00:00:00.000Z', 3),
    ];
    const forecast = forecastKeyResult(keyResult({ target: 20, due: '2026-01-10' }), checkIns, new Date('2026-01-04T12:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.be.closeTo(1.4, 1e-12);
    expect(forecast.projectedAtDue).to.be.closeTo(14.9, 1e-9);
  });

  it('works downwards for a decrease, and reaching the target at the due date\'s end is on time', () => {
    // 500 ms → 300 ms; 480, 460, 440 ten days apart: −2 ms a day.
    const kr = keyResult({ start: 500, target: 300, current: 440, direction: 'decrease', due: '2026-03-31' });
    const checkIns = [at('2026-01-01T00:00:00.000Z', 480), at('2026-01-11T00:00:00.000Z', 460), at('2026-01-21T00:00:00.000Z', 440)];
    const forecast = forecastKeyResult(kr, checkIns, new Date('2026-01-22T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.equal(-2);
    // 90 days from 1 Jan to the end of 31 Mar: 480 − 180 = 300, exactly the target.
    expect(forecast.projectedAtDue).to.equal(300);
    expect(forecast.projectedProgressAtDue).to.equal(1);
    // Reached at midnight after 31 Mar: by the end of the due date, not on 1 Apr.
    expect(forecast.reachTargetOn).to.equal('2026-03-31');
  });

  it('has no reach date when moving away from the target', () => {
    const kr = keyResult({ start: 500, target: 300, current: 520, direction: 'decrease' });
    const checkIns = [at('2026-01-01T00:00:00.000Z', 500), at('2026-01-11T00:00:00.000Z', 520)];
    const forecast = forecastKeyResult(kr, checkIns, new Date('2026-01-12T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.equal(2);
    // 80 days from 11 Jan to the end of 31 Mar (21 + 28 + 31): 520 + 160 = 680, worse than the start: progress 0.
    expect(forecast.projectedAtDue).to.equal(680);
    expect(forecast.projectedProgressAtDue).to.equal(0);
    expect(forecast.reachTargetOn).to.equal(null);
  });

  it('has no reach date for a flat line', () => {
    const checkIns = [at('2026-01-01T00:00:00.000Z', 40), at('2026-01-11T00:00:00.000Z', 40)];
    const forecast = forecastKeyResult(keyResult({ current: 40 }), checkIns, new Date('2026-01-12T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.equal(0);
    expect(forecast.projectedAtDue).to.equal(40);
    expect(forecast.projectedProgressAtDue).to.equal(0.4);
    expect(forecast.reachTargetOn).to.equal(null);
  });

  it('has no reach date further away than the horizon', () => {
    // 1 a year: 100 is reached in about 90 years.
    const checkIns = [at('2026-01-01T00:00:00.000Z', 10), at('2027-01-01T00:00:00.000Z', 11)];
    const forecast = forecastKeyResult(keyResult({ current: 11, due: '2027-12-31' }), checkIns, new Date('2027-01-02T00:00:00.000Z'))!;
    expect(forecast.reachTargetOn).to.equal(null);
    expect(REACH_HORIZON_DAYS).to.be.above(3650);
  });

  it('says today when the line has already crossed the target', () => {
    // 0 → 100 in one day, target 50: the line crossed on 1 Jan; it is now 10 Jan.
    const checkIns = [at('2026-01-01T00:00:00.000Z', 0), at('2026-01-02T00:00:00.000Z', 100)];
    const forecast = forecastKeyResult(keyResult({ target: 50, current: 40 }), checkIns, new Date('2026-01-10T15:00:00.000Z'))!;
    expect(forecast.reachTargetOn).to.equal('2026-01-10');
  });

  it('counts the start value at the baseline instant when asked', () => {
    const kr = keyResult({ start: 0, target: 100, current: 10, due: '2026-03-31' });
    const checkIns = [at('2026-01-11T00:00:00.000Z', 10)];
    const moment = new Date('2026-01-12T00:00:00.000Z');
    expect(forecastKeyResult(kr, checkIns, moment)).to.equal(null);
    const forecast = forecastKeyResult(kr, checkIns, moment, { baselineAt: '2026-01-01' })!;
    expect(forecast.basis).to.equal(2);
    expect(forecast.slopePerDay).to.equal(1);
    // 90 days from the cycle's start to the end of 31 Mar.
    expect(forecast.projectedAtDue).to.equal(90);
    expect(forecast.projectedProgressAtDue).to.equal(0.9);
    // 100 on day 100: midnight after 10 Apr.
    expect(forecast.reachTargetOn).to.equal('2026-04-10');
    const fromInstant = forecastKeyResult(kr, checkIns, moment, { baselineAt: '2026-01-01T00:00:00.000Z' })!;
    expect(fromInstant.slopePerDay).to.equal(1);
  });

  it('is null with fewer than two distinct instants', () => {
    const kr = keyResult();
    const moment = new Date('2026-02-01T00:00:00.000Z');
    expect(forecastKeyResult(kr, [], moment)).to.equal(null);
    expect(forecastKeyResult(kr, [at('2026-01-05T00:00:00.000Z', 10)], moment)).to.equal(null);
    const sameTime = [at('2026-01-05T00:00:00.000Z', 10), at('2026-01-05T00:00:00.000Z', 20), at('2026-01-05T00:00:00.000Z', 30)];
    expect(forecastKeyResult(kr, sameTime, moment)).to.equal(null);
    // A baseline at the same instant as the only check-in adds no second instant.
    expect(forecastKeyResult(kr, [at('2026-01-01T00:00:00.000Z', 10)], moment, { baselineAt: '2026-01-01' })).to.equal(null);
  });

  it('uses points at the same instant as the data they are', () => {
    // Two readings on day 0 (0 and 20, mean 10) and one on day 10 (30): slope = Σdx·dy / Σdx².
    // x̄ = 10/3, ȳ = 50/3; Σdx·dy = (−10/3)(−50/3) + (−10/3)(10/3) + (20/3)(40/3) = 1200/9; Σdx² = 600/9.
    const checkIns = [at('2026-01-01T00:00:00.000Z', 0), at('2026-01-01T00:00:00.000Z', 20), at('2026-01-11T00:00:00.000Z', 30)];
    const forecast = forecastKeyResult(keyResult(), checkIns, new Date('2026-01-12T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.be.closeTo(2, 1e-12);
    expect(forecast.basis).to.equal(3);
  });

  it('skips points it cannot read', () => {
    const checkIns = [
      at('2026-01-01T00:00:00.000Z', 0),
      at('not a time', 50),
      at('2026-01-06T00:00:00.000Z', Number.NaN),
      at('2026-01-11T00:00:00.000Z', 10),
    ];
    const forecast = forecastKeyResult(keyResult(), checkIns, new Date('2026-01-12T00:00:00.000Z'))!;
    expect(forecast.basis).to.equal(2);
    expect(forecast.slopePerDay).to.equal(1);
  });

  it('is null for a binary result and for a due date that is not a date', () => {
    const checkIns = [at('2026-01-01T00:00:00.000Z', 0), at('2026-01-11T00:00:00.000Z', 1)];
    const moment = new Date('2026-01-12T00:00:00.000Z');
    expect(forecastKeyResult(keyResult({ metric: 'binary', target: 1 }), checkIns, moment)).to.equal(null);
    expect(forecastKeyResult(keyResult({ due: '2026-02-30' }), checkIns, moment)).to.equal(null);
  });

  it('gives no progress and no reach date when the target equals the start', () => {
    const checkIns = [at('2026-01-01T00:00:00.000Z', 50), at('2026-01-11T00:00:00.000Z', 60)];
    const forecast = forecastKeyResult(keyResult({ start: 50, target: 50 }), checkIns, new Date('2026-01-12T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.equal(1);
    expect(forecast.projectedProgressAtDue).to.equal(0);
    expect(forecast.reachTargetOn).to.equal(null);
  });

  it('forecasts milestones as counts', () => {
    // One milestone every 20 days from 1 Jan: 4.5 of them by the end of 31 Mar (day 90).
    const checkIns = [at('2026-01-01T00:00:00.000Z', 0), at('2026-01-21T00:00:00.000Z', 1), at('2026-02-10T00:00:00.000Z', 2)];
    const forecast = forecastKeyResult(keyResult({ metric: 'milestone', target: 5, current: 2 }), checkIns, new Date('2026-02-11T00:00:00.000Z'))!;
    expect(forecast.slopePerDay).to.be.closeTo(0.05, 1e-12);
    expect(forecast.projectedAtDue).to.be.closeTo(4.5, 1e-9);
    expect(forecast.projectedProgressAtDue).to.be.closeTo(0.9, 1e-12);
    // The fifth on day 100: by the end of 10 Apr.
    expect(forecast.reachTargetOn).to.equal('2026-04-10');
  });
});
