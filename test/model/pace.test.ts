import { expect } from '@open-wc/testing';
import {
  isPaced,
  ELAPSED_AT_RISK_MARGIN,
  ELAPSED_ON_TRACK_MARGIN,
  FORECAST_AT_RISK_PROGRESS,
  FORECAST_ON_TRACK_PROGRESS,
  PACE_MESSAGE_KEYS,
  PACE_SCORES,
  PACE_STATUSES,
  assessKeyResults,
  expectedProgress,
  paceOfGoal,
  paceOfKeyResult,
  rollUpPace,
  type PaceStatus,
} from '../../src/model/pace.js';
import type { Direction, Goal, GoalStatus, KeyResult, MetricKind } from '../../src/model/records.js';
import { en } from '../../src/i18n/en.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
/** Q1 2026: 90 days from the start of 1 Jan to the end of 31 Mar. */
const q1 = { start: '2026-01-01', end: '2026-03-31' };
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const measure = (
  fields: Partial<{ metric: MetricKind; start: number; target: number; current: number; direction: Direction; due: string }> = {},
) => ({ metric: 'number' as MetricKind, start: 0, target: 100, current: 0, direction: 'increase' as Direction, due: '2026-03-31', ...fields });

const goal = (id: string, parentId: string | null, weight = 100, status: GoalStatus = 'approved'): Goal => ({
  ...stamp,
  id,
  cycleId: 'c1',
  level: 'individual',
  ownerId: 'p1',
  orgUnitId: 'ou1',
  parentId,
  alignsTo: [],
  strategyIds: [],
  title: id,
  description: '',
  status,
  weight,
  visibility: 'public',
  createdAt: stamp.updatedAt,
});

const keyResult = (id: string, goalId: string, weight = 100, current = 0): KeyResult => ({
  ...stamp,
  ...measure({ current }),
  id,
  goalId,
  title: id,
  unit: '',
  weight,
  lastCheckIn: null,
});

describe('pace vocabulary', () => {
  it('lists statuses best first, each with its message', () => {
    expect(PACE_STATUSES).to.deep.equal(['on-track', 'at-risk', 'off-track']);
    expect(PACE_STATUSES.map((status) => en[PACE_MESSAGE_KEYS[status]])).to.deep.equal(['On track', 'At risk', 'Off track']);
    expect(PACE_STATUSES.map((status) => PACE_SCORES[status])).to.deep.equal([0, 1, 2]);
  });

  it('names its thresholds', () => {
    expect([FORECAST_ON_TRACK_PROGRESS, FORECAST_AT_RISK_PROGRESS]).to.deep.equal([1, 0.7]);
    expect([ELAPSED_ON_TRACK_MARGIN, ELAPSED_AT_RISK_MARGIN]).to.deep.equal([0.1, 0.25]);
  });
});

describe('expectedProgress', () => {
  it('is the share of the time from the cycle\'s start to the end of the due date', () => {
    expect(expectedProgress(q1, '2026-03-31', day('2026-01-31'))).to.equal(1 / 3);
    expect(expectedProgress(q1, '2026-03-31', day('2026-02-15'))).to.equal(0.5);
    expect(expectedProgress(q1, '2026-01-10', day('2026-01-06'))).to.equal(0.5);
    expect(expectedProgress(q1, '2026-03-31', new Date('2026-03-31T12:00:00.000Z'))).to.equal(1 - 0.5 / 90);
  });

  it('stays inside 0 to 1', () => {
    expect(expectedProgress(q1, '2026-03-31', day('2025-12-01'))).to.equal(0);
    expect(expectedProgress(q1, '2026-03-31', day('2026-04-01'))).to.equal(1);
    expect(expectedProgress(q1, '2026-03-31', day('2027-01-01'))).to.equal(1);
  });

  it('falls back to the cycle\'s end for a due date that is not a date', () => {
    expect(expectedProgress(q1, 'someday', day('2026-02-15'))).to.equal(0.5);
  });

  it('treats a period of no length as 0 before its end and 1 after', () => {
    const late = { start: '2026-03-01', end: '2026-03-31' };
    expect(expectedProgress(late, '2026-02-01', day('2026-01-15'))).to.equal(0);
    expect(expectedProgress(late, '2026-02-01', day('2026-02-15'))).to.equal(1);
  });

  it('is 0 when nothing can be read', () => {
    expect(expectedProgress({ start: 'x', end: 'y' }, 'z', day('2026-02-15'))).to.equal(0);
    expect(expectedProgress(q1, '2026-03-31', new Date(Number.NaN))).to.equal(0);
  });
});

describe('paceOfKeyResult', () => {
  const midway = day('2026-02-15'); // Expected progress 0.5.
  const pace = (current: number, projected: number | null = null, now = midway, fields = {}): PaceStatus =>
    paceOfKeyResult(measure({ current, ...fields }), projected === null ? null : { projectedProgressAtDue: projected }, q1, now);

  it('reads the forecast where there is one', () => {
    expect(pace(10, 1)).to.equal('on-track');
    expect(pace(10, 0.99)).to.equal('at-risk');
    expect(pace(10, 0.7)).to.equal('at-risk');
    expect(pace(10, 0.1 * 7)).to.equal('at-risk'); // 0.7000000000000001
    expect(pace(10, 0.7 - 1e-6)).to.equal('off-track');
    expect(pace(10, 0)).to.equal('off-track');
    // A forecast outweighs time: far behind the calendar, but the line makes it.
    expect(pace(5, 1)).to.equal('on-track');
  });

  it('reads progress against elapsed time without a forecast', () => {
    expect(pace(60)).to.equal('on-track');
    expect(pace(40)).to.equal('on-track'); // 0.1 behind: the edge of on track
    expect(pace(39)).to.equal('at-risk');
    expect(pace(25)).to.equal('at-risk'); // 0.25 behind: the edge of at risk
    expect(pace(24)).to.equal('off-track');
    expect(pace(0)).to.equal('off-track');
  });

  it('works for a decrease', () => {
    // 500 ms → 300 ms, at 400 ms halfway, halfway through: on track; at 460 ms (0.2): off track.
    const decrease = { start: 500, target: 300, direction: 'decrease' };
    expect(pace(400, null, midway, decrease)).to.equal('on-track');
    expect(pace(440, null, midway, decrease)).to.equal('at-risk');
    expect(pace(460, null, midway, decrease)).to.equal('off-track');
  });

  it('calls a done key result on track, whatever the forecast says', () => {
    expect(pace(100, 0)).to.equal('on-track');
    expect(pace(120, null, day('2026-06-01'))).to.equal('on-track');
  });

  it('calls everything on track before the cycle starts', () => {
    expect(pace(0, 0, day('2025-12-31'))).to.equal('on-track');
    expect(pace(0, null, day('2025-12-31'))).to.equal('on-track');
  });

  it('calls everything on track on the cycle\'s first moment without a forecast', () => {
    expect(pace(0, null, day('2026-01-01'))).to.equal('on-track');
    // 9 days in (0.1 of the time), nothing done yet: still within the margin.
    expect(pace(0, null, day('2026-01-10'))).to.equal('on-track');
    expect(pace(0, null, day('2026-01-11'))).to.equal('at-risk');
  });

  it('calls a binary key result on track until its due date ends, then off track unless done', () => {
    const binary = { metric: 'binary', target: 1 };
    expect(pace(0, null, day('2026-03-31'), binary)).to.equal('on-track');
    expect(pace(0, null, new Date('2026-03-31T23:59:59.999Z'), binary)).to.equal('on-track');
    expect(pace(0, null, day('2026-04-01'), binary)).to.equal('off-track');
    expect(pace(1, null, day('2026-04-01'), binary)).to.equal('on-track');
  });

  it('calls a key result past its due date by its progress', () => {
    expect(pace(95, null, day('2026-04-10'))).to.equal('on-track');
    expect(pace(80, null, day('2026-04-10'))).to.equal('at-risk');
    expect(pace(70, null, day('2026-04-10'))).to.equal('off-track');
  });
});

describe('paceOfGoal', () => {
  const of = (...entries: [number, PaceStatus][]) => paceOfGoal(entries.map(([weight, pace]) => ({ weight, pace })));

  it('is null without key results', () => {
    expect(paceOfGoal([])).to.equal(null);
  });

  it('takes the status nearest the weighted mean, halfway going to the worse', () => {
    expect(of([50, 'on-track'], [50, 'on-track'])).to.equal('on-track');
    expect(of([50, 'on-track'], [50, 'at-risk'])).to.equal('at-risk'); // 0.5
    expect(of([50, 'on-track'], [50, 'off-track'])).to.equal('at-risk'); // 1
    expect(of([50, 'at-risk'], [50, 'off-track'])).to.equal('off-track'); // 1.5
    expect(of([100, 'off-track'])).to.equal('off-track');
  });

  it('counts trouble by its weight', () => {
    expect(of([20, 'off-track'], [80, 'on-track'])).to.equal('on-track'); // 0.4
    expect(of([25, 'off-track'], [75, 'on-track'])).to.equal('at-risk'); // 0.5
    expect(of([1 / 3, 'at-risk'], [1 / 3, 'on-track'], [1 / 3, 'on-track'])).to.equal('on-track'); // 0.333
    expect(of([10, 'off-track'], [10, 'on-track'], [10, 'on-track'])).to.equal('at-risk'); // 0.667
    expect(of([70, 'off-track'], [30, 'at-risk'])).to.equal('off-track'); // 1.7
  });

  it('normalises weights like progress does', () => {
    expect(of([0, 'off-track'], [0, 'on-track'])).to.equal('at-risk');
    expect(of([0, 'off-track'], [10, 'on-track'])).to.equal('on-track');
  });
});

describe('rollUpPace', () => {
  it('rolls scores, not statuses, up the cascade', () => {
    const goals = [goal('top', null), goal('child', 'top'), goal('empty', 'top', 0), goal('gone', 'top', 100, 'archived')];
    const keyResults = [keyResult('a', 'top'), keyResult('b', 'child', 50), keyResult('c', 'child', 50), keyResult('d', 'gone')];
    const paces = new Map<string, PaceStatus>([
      ['a', 'on-track'],
      ['b', 'off-track'],
      ['c', 'at-risk'],
      ['d', 'off-track'],
    ]);
    const result = rollUpPace(goals, keyResults, paces);
    // child: (2 + 1) / 2 = 1.5 → off track; top: own 0, children 1.5 (empty has no pace, gone is archived) → 0.75.
    expect(result.get('child')).to.equal('off-track');
    expect(result.get('empty')).to.equal(null);
    expect(result.get('gone')).to.equal('off-track');
    expect(result.get('top')).to.equal('at-risk');
    expect(rollUpPace(goals, keyResults, paces, { childGoalShare: 0 }).get('top')).to.equal('on-track');
  });

  it('leaves out key results without a pace', () => {
    const result = rollUpPace([goal('g', null)], [keyResult('a', 'g'), keyResult('b', 'g')], new Map([['a', 'off-track' as const]]));
    expect(result.get('g')).to.equal('off-track');
  });
});

describe('assessKeyResults', () => {
  it('groups check-ins once and gives progress, forecast and pace for each key result', () => {
    const fast = keyResult('fast', 'g', 50, 40);
    const quiet = keyResult('quiet', 'g', 50, 10);
    const checkIns = [
      { keyResultId: 'fast', at: '2026-01-11T00:00:00.000Z', value: 20 },
      { keyResultId: 'stray', at: '2026-01-12T00:00:00.000Z', value: 99 },
      { keyResultId: 'fast', at: '2026-01-31T00:00:00.000Z', value: 40 },
    ];
    const result = assessKeyResults([fast, quiet], checkIns, q1, day('2026-02-01'));
    const fastResult = result.get('fast')!;
    expect(fastResult.progress).to.equal(0.4);
    // 1 a day; 60 days from 31 Jan to the end of 31 Mar: 100.
    expect(fastResult.forecast!.slopePerDay).to.equal(1);
    expect(fastResult.forecast!.projectedAtDue).to.equal(100);
    expect(fastResult.pace).to.equal('on-track');
    // No check-ins, so time decides: 31 of 90 days gone (0.344), 0.1 done: 0.244 behind, at risk.
    const quietResult = result.get('quiet')!;
    expect(quietResult.forecast).to.equal(null);
    expect(quietResult.pace).to.equal('at-risk');
    expect([...result.keys()]).to.deep.equal(['fast', 'quiet']);
  });

  it('passes the baseline on to the forecast', () => {
    const kr = keyResult('k', 'g', 100, 10);
    const checkIns = [{ keyResultId: 'k', at: '2026-01-11T00:00:00.000Z', value: 10 }];
    const result = assessKeyResults([kr], checkIns, q1, day('2026-01-12'), { baselineAt: q1.start });
    expect(result.get('k')!.forecast!.projectedAtDue).to.equal(90);
    expect(result.get('k')!.pace).to.equal('at-risk');
  });
});

describe('isPaced', () => {
  it('gives a pace to approved goals only', () => {
    expect(isPaced({ status: 'approved' })).to.equal(true);
    for (const status of ['draft', 'pending', 'rejected', 'archived'] as const) expect(isPaced({ status })).to.equal(false);
  });
});
