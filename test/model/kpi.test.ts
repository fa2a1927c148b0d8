import { expect } from '@open-wc/testing';
import { KPI_CATEGORIES as SEED_KPI_CATEGORIES } from '../../src/data/seed/content/company.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import {
  DEFAULT_KPI_THRESHOLDS,
  KPI_CATEGORIES,
  KPI_CATEGORY_MESSAGE_KEYS,
  KPI_COMPLETION_CAP,
  KPI_SORT_KEYS,
  KPI_SOURCE_MESSAGE_KEYS,
  KPI_STATUSES,
  KPI_STATUS_MESSAGE_KEYS,
  KPI_STATUS_RANK,
  assessKpi,
  completionToDate,
  MIN_ELAPSED_SHARE,
  periodElapsedShare,
  forecastKpi,
  kpiCategoryMessageKey,
  kpiComparator,
  sortKpis,
  kpiCompletion,
  kpiFromKeyResult,
  kpiFromTemplate,
  kpiPeriod,
  kpiScore,
  kpiStatus,
  rollUpKpis,
  weightedKpiScore,
  type AssessedKpi,
} from '../../src/model/kpi.js';
import type { Goal, KeyResult, Kpi, KpiTemplate } from '../../src/model/records.js';

function kpi(fields: Partial<Kpi> = {}): Kpi {
  return {
    id: 'kpi-1',
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ownerId: 'p-1',
    cycleId: 'c-1',
    name: 'Revenue',
    source: 'manual',
    sourceId: null,
    start: 0,
    target: 100,
    actual: 0,
    unit: '',
    direction: 'increase',
    weight: 0,
    thresholds: { healthy: 0.9, watch: 0.7 },
    category: 'financial',
    history: [],
    targetChanges: [],
    archived: false,
    ...fields,
  };
}

const period = { start: '2026-01-01', end: '2026-03-31' };
/** Ten days apart from the first day of the period: a line of one unit a day from 10. */
const risingHistory = [
  { at: '2026-01-01T00:00:00.000Z', value: 10 },
  { at: '2026-01-11T00:00:00.000Z', value: 20 },
  { at: '2026-01-21T00:00:00.000Z', value: 30 },
];
const now = new Date('2026-01-21T12:00:00.000Z');
/** After the period: status compares with the whole target. */
const periodEnd = new Date('2026-04-02T00:00:00.000Z');

describe('kpiCompletion', () => {
  it('measures an increasing KPI from its start towards its target', () => {
    expect(kpiCompletion(kpi({ start: 0, target: 200, actual: 150 }))).to.equal(0.75);
    expect(kpiCompletion(kpi({ start: 50, target: 150, actual: 50 }))).to.equal(0);
  });

  it('measures a decreasing KPI downwards: lower is better', () => {
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 10, target: 5, actual: 7 }))).to.equal(0.6);
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 10, target: 5, actual: 5 }))).to.equal(1);
  });

  it('counts moving the wrong way as 0, never negative', () => {
    expect(kpiCompletion(kpi({ start: 50, target: 100, actual: 20 }))).to.equal(0);
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 10, target: 5, actual: 14 }))).to.equal(0);
  });

  it('rewards over-achievement up to the cap', () => {
    expect(KPI_COMPLETION_CAP).to.equal(1.2);
    expect(kpiCompletion(kpi({ actual: 110 }))).to.be.closeTo(1.1, 1e-12);
    expect(kpiCompletion(kpi({ actual: 300 }))).to.equal(1.2);
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 10, target: 5, actual: 0 }))).to.equal(1.2);
    expect(kpiCompletion(kpi({ actual: 300 }), 2)).to.equal(2);
    expect(kpiCompletion(kpi({ actual: 300 }), 1)).to.equal(1);
  });

  it('with start equal to target, is 1 at or beyond the target in the KPI direction, else 0', () => {
    // "Zero incidents", from zero.
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 0, target: 0, actual: 0 }))).to.equal(1);
    expect(kpiCompletion(kpi({ direction: 'decrease', start: 0, target: 0, actual: 2 }))).to.equal(0);
    expect(kpiCompletion(kpi({ start: 95, target: 95, actual: 97 }))).to.equal(1);
    expect(kpiCompletion(kpi({ start: 95, target: 95, actual: 94 }))).to.equal(0);
    expect(kpiCompletion(kpi({ start: 95, target: 95, actual: 97 }), 0.5)).to.equal(0.5);
  });

  it('with a target on the wrong side of the start, reads only whether the target is met', () => {
    expect(kpiCompletion(kpi({ start: 100, target: 50, actual: 60 }))).to.equal(1);
    expect(kpiCompletion(kpi({ start: 100, target: 50, actual: 40 }))).to.equal(0);
  });

  it('is 0 for values that are not finite numbers', () => {
    expect(kpiCompletion(kpi({ actual: Number.NaN }))).to.equal(0);
    expect(kpiCompletion(kpi({ target: Number.POSITIVE_INFINITY, actual: 50 }))).to.equal(0);
    expect(kpiCompletion(kpi({ start: Number.NEGATIVE_INFINITY, actual: 50 }))).to.equal(0);
  });
});

describe('kpiStatus', () => {
  const thresholds = { healthy: 0.9, watch: 0.7 };

  it('meets a threshold exactly', () => {
    expect(kpiStatus(0.9, thresholds)).to.equal('healthy');
    expect(kpiStatus(0.7, thresholds)).to.equal('watch');
    expect(kpiStatus(1.2, thresholds)).to.equal('healthy');
  });

  it('falls to the next status just below a threshold', () => {
    expect(kpiStatus(0.899, thresholds)).to.equal('watch');
    expect(kpiStatus(0.699, thresholds)).to.equal('unhealthy');
    expect(kpiStatus(0, thresholds)).to.equal('unhealthy');
  });

  it('is not fooled by float error in a completion that is 0.9 on paper', () => {
    const completion = kpiCompletion(kpi({ start: 1, target: 1.3, actual: 1.27 }));
    expect(completion).to.be.below(0.9);
    expect(kpiStatus(completion, thresholds)).to.equal('healthy');
  });

  it('uses the KPI own thresholds', () => {
    expect(kpiStatus(0.9, { healthy: 0.95, watch: 0.8 })).to.equal('watch');
    expect(kpiStatus(0.75, { healthy: 0.95, watch: 0.8 })).to.equal('unhealthy');
  });

  it('calls a completion that is not a number unhealthy', () => {
    expect(kpiStatus(Number.NaN, thresholds)).to.equal('unhealthy');
  });

  it('ranks statuses worst lowest and names each in both catalogs', () => {
    expect([...KPI_STATUSES].sort((a, b) => KPI_STATUS_RANK[a] - KPI_STATUS_RANK[b])).to.deep.equal(['unhealthy', 'watch', 'healthy']);
    for (const status of KPI_STATUSES) {
      expect(en[KPI_STATUS_MESSAGE_KEYS[status]]).to.be.a('string').and.not.equal('');
      expect(zhCN[KPI_STATUS_MESSAGE_KEYS[status]]).to.be.a('string').and.not.equal('');
    }
    expect(en[KPI_SOURCE_MESSAGE_KEYS.jobProfile]).to.equal('Job profile');
  });

  it('keeps the default thresholds HR starts from', () => {
    expect(DEFAULT_KPI_THRESHOLDS).to.deep.equal({ healthy: 0.9, watch: 0.7 });
  });
});

describe('kpiScore and weightedKpiScore', () => {
  it('scores completion times weight', () => {
    expect(kpiScore(kpi({ weight: 30, actual: 80 }))).to.be.closeTo(24, 1e-12);
    expect(kpiScore(kpi({ weight: 10, actual: 150 }))).to.be.closeTo(12, 1e-12);
    expect(kpiScore(kpi({ weight: -5, actual: 80 }))).to.equal(0);
  });

  it('weighs completions by weight on a 0–100 scale', () => {
    expect(weightedKpiScore([kpi({ weight: 30, actual: 80 }), kpi({ weight: 70, actual: 50 })])).to.be.closeTo(59, 1e-9);
  });

  it('divides by the actual total weight', () => {
    expect(weightedKpiScore([kpi({ weight: 20, actual: 100 }), kpi({ weight: 30, actual: 0 })])).to.be.closeTo(40, 1e-9);
  });

  it('lets over-achievement count only up to the cap', () => {
    expect(weightedKpiScore([kpi({ weight: 50, actual: 1000 }), kpi({ weight: 50, actual: 0 })])).to.be.closeTo(60, 1e-9);
  });

  it('ignores weights that cannot be shares', () => {
    expect(weightedKpiScore([kpi({ weight: 50, actual: 100 }), kpi({ weight: Number.NaN, actual: 0 }), kpi({ weight: -50, actual: 0 })])).to.be.closeTo(100, 1e-9);
  });

  it('is null with no weight to score', () => {
    expect(weightedKpiScore([])).to.equal(null);
    expect(weightedKpiScore([kpi({ weight: 0, actual: 100 }), kpi({ weight: 0, actual: 50 })])).to.equal(null);
  });
});

describe('forecastKpi', () => {
  it('after the period is the result, not a projection: a closed cycle forecasts what it measured', () => {
    // The line through 10, 20, 30 would reach 100 by the end; at 30 when the period closed, 30 is what it came to.
    const closed = forecastKpi(kpi({ actual: 30, history: risingHistory }), period, periodEnd)!;
    expect(closed).to.deep.equal({ projected: 30, completion: 0.3, status: 'unhealthy', reachesTargetOn: null, final: true });
    expect(forecastKpi(kpi({ actual: 30, history: risingHistory }), period, now)!.final).to.equal(false);
    expect(assessKpi(kpi({ actual: 30, history: risingHistory }), period, periodEnd).forecast?.status).to.equal(
      assessKpi(kpi({ actual: 30, history: risingHistory }), period, periodEnd).status,
    );
  });

  it('projects a rising history to the period end and dates reaching the target', () => {
    const forecast = forecastKpi(kpi({ actual: 30, history: risingHistory }), period, now);
    expect(forecast).to.not.equal(null);
    // One a day from 10 on 1 Jan: 100 at the end of 31 Mar, 90 days on, so reached by the end of 31 Mar.
    expect(forecast!.projected).to.be.closeTo(100, 1e-9);
    expect(forecast!.completion).to.be.closeTo(1, 1e-9);
    expect(forecast!.status).to.equal('healthy');
    expect(forecast!.reachesTargetOn).to.equal('2026-03-31');
  });

  it('dates a target beyond the period end and judges the projection against it', () => {
    const forecast = forecastKpi(kpi({ target: 150, actual: 30, history: risingHistory }), period, now)!;
    expect(forecast.completion).to.be.closeTo(2 / 3, 1e-9);
    expect(forecast.status).to.equal('unhealthy');
    // 140 days after 1 Jan is midnight starting 21 May: reached by the end of 20 May.
    expect(forecast.reachesTargetOn).to.equal('2026-05-20');
  });

  it('follows a decreasing KPI downwards', () => {
    const history = [
      { at: '2026-01-01T00:00:00.000Z', value: 10 },
      { at: '2026-01-11T00:00:00.000Z', value: 9 },
      { at: '2026-01-21T00:00:00.000Z', value: 8 },
    ];
    const forecast = forecastKpi(kpi({ direction: 'decrease', start: 10, target: 5, actual: 8, history }), period, now)!;
    expect(forecast.projected).to.be.closeTo(1, 1e-9);
    expect(forecast.completion).to.equal(KPI_COMPLETION_CAP);
    expect(forecast.reachesTargetOn).to.equal('2026-02-19');
  });

  it('has no reach date when the actual is already there or the line moves away', () => {
    const reached = forecastKpi(kpi({ target: 25, actual: 30, history: risingHistory }), period, now)!;
    expect(reached.reachesTargetOn).to.equal(null);
    const falling = risingHistory.map((point) => ({ ...point, value: 100 - point.value }));
    const away = forecastKpi(kpi({ actual: 70, history: falling }), period, now)!;
    expect(away.reachesTargetOn).to.equal(null);
    expect(away.status).to.equal('unhealthy');
  });

  it('is null with fewer than two distinct measurement times', () => {
    expect(forecastKpi(kpi({ history: [] }), period, now)).to.equal(null);
    expect(forecastKpi(kpi({ history: [risingHistory[0]!] }), period, now)).to.equal(null);
    const sameTime = [risingHistory[0]!, { ...risingHistory[0]!, value: 40 }];
    expect(forecastKpi(kpi({ history: sameTime }), period, now)).to.equal(null);
    const unreadable = [risingHistory[0]!, { at: 'yesterday', value: 40 }];
    expect(forecastKpi(kpi({ history: unreadable }), period, now)).to.equal(null);
  });

  it('is null when the period end is not a real date', () => {
    expect(forecastKpi(kpi({ history: risingHistory }), { start: '2026-01-01', end: '2026-02-30' }, now)).to.equal(null);
  });
});

describe('forecastKpi floor', () => {
  it('does not project a count below zero', () => {
    const falling = [
      { at: '2026-01-01T00:00:00.000Z', value: 40 },
      { at: '2026-01-11T00:00:00.000Z', value: 20 },
      { at: '2026-01-21T00:00:00.000Z', value: 5 },
    ];
    const forecast = forecastKpi(kpi({ start: 40, target: 10, direction: 'decrease', actual: 5, history: falling }), period, now)!;
    expect(forecast.projected).to.equal(0);
    expect(forecast.status).to.equal('healthy');
  });
});

describe('assessKpi', () => {
  it('puts completion, status, score and forecast together; at the period end status is plain completion', () => {
    const record = kpi({ weight: 30, actual: 80, history: risingHistory });
    const assessment = assessKpi(record, period, now);
    expect(assessment.completion).to.equal(0.8);
    expect(assessKpi(record, period, periodEnd).status).to.equal('watch');
    expect(assessment.score).to.be.closeTo(24, 1e-12);
    expect(assessment.forecast?.reachesTargetOn).to.equal('2026-03-31');
  });

  it('judges status against the target due by now during the period', () => {
    // 21 Jan is about 23% into Jan–Mar: 21 of 100 is on its way, 10 is not.
    expect(assessKpi(kpi({ actual: 21 }), period, now).status).to.equal('healthy');
    expect(assessKpi(kpi({ actual: 17 }), period, now).status).to.equal('watch');
    expect(assessKpi(kpi({ actual: 10 }), period, now).status).to.equal('unhealthy');
    expect(assessKpi(kpi({ actual: 20 }), period, periodEnd).status).to.equal('unhealthy');
  });

  it('periodElapsedShare and completionToDate', () => {
    expect(periodElapsedShare(period, new Date('2025-12-01'))).to.equal(0);
    expect(periodElapsedShare(period, periodEnd)).to.equal(1);
    expect(periodElapsedShare(period, now)).to.be.closeTo(20.5 / 90, 0.001);
    expect(completionToDate(0.45, 0.5)).to.be.closeTo(0.9, 1e-12);
    expect(completionToDate(0.9, 0.5)).to.equal(KPI_COMPLETION_CAP);
    // Nothing is due in the period's first days: on pace whatever the figures, ahead of it when already moving.
    expect(completionToDate(0, 0)).to.equal(1);
    expect(completionToDate(0.01, MIN_ELAPSED_SHARE / 2)).to.equal(1);
    expect(completionToDate(0.1, 0.01)).to.equal(KPI_COMPLETION_CAP);
    expect(completionToDate(0, MIN_ELAPSED_SHARE)).to.equal(0);
    expect(completionToDate(0.7, 1)).to.equal(0.7);
  });

  it('does not judge a KPI on the period\'s first days: one not measured yet is healthy on day two', () => {
    const dayTwo = new Date(new Date(`${period.start}T00:00:00`).getTime() + 36 * 3_600_000);
    expect(assessKpi(kpi({ actual: kpi({}).start, history: [] }), period, dayTwo).status).to.equal('healthy');
  });

  it('judges a plan added mid-cycle from when it was added, and a key result\'s KPI from the cycle\'s start', () => {
    // Added on 1 March, two thirds of the way into the quarter; looked at the next day, still at its baseline.
    const addedAt = '2026-03-01T09:00:00.000Z';
    const nextDay = new Date('2026-03-02T12:00:00.000Z');
    expect(kpiPeriod(kpi({ source: 'jobProfile', addedAt }), period)).to.deep.equal({ start: addedAt, end: '2026-03-31' });
    expect(assessKpi(kpi({ source: 'jobProfile', addedAt }), period, nextDay).status).to.equal('healthy');
    expect(assessKpi(kpi({ source: 'manual', addedAt }), period, nextDay).status).to.equal('healthy');
    // The same figures on a key result's KPI: two months of the key result were due, and nothing moved.
    expect(kpiPeriod(kpi({ source: 'keyResult', addedAt }), period)).to.equal(period);
    expect(assessKpi(kpi({ source: 'keyResult', addedAt }), period, nextDay).status).to.equal('unhealthy');
    // Without the moment it was added (a store that does not record it), the whole cycle: a first measurement is no start.
    expect(kpiPeriod(kpi({ source: 'jobProfile', history: [{ at: addedAt, value: 0 }] }), period)).to.equal(period);
    // Half of its own month later with half of the target: on pace.
    const midMonth = new Date('2026-03-16T12:00:00.000Z');
    expect(assessKpi(kpi({ source: 'jobProfile', addedAt, actual: 50 }), period, midMonth).status).to.equal('healthy');
    expect(assessKpi(kpi({ source: 'jobProfile', addedAt, actual: 20 }), period, midMonth).status).to.equal('unhealthy');
  });

  it('counts a late plan\'s time from the moment it was added, not from that day\'s midnight', () => {
    // Added at 17:00 four days before the quarter ends: nothing is due yet, and a day later a fifth of its time has passed.
    const record = kpi({ source: 'jobProfile', addedAt: new Date(2026, 2, 27, 17).toISOString() });
    expect(periodElapsedShare(kpiPeriod(record, period), new Date(2026, 2, 27, 17, 5))).to.be.below(0.001);
    expect(assessKpi(record, period, new Date(2026, 2, 27, 18)).status).to.equal('healthy');
    expect(assessKpi(record, period, new Date(2026, 2, 28, 17)).status).to.equal('unhealthy');
  });

  it('keeps the cycle when the plan was added in its first days, before it, after it, or at no readable time', () => {
    expect(kpiPeriod(kpi({ addedAt: '2026-01-01T00:00:00.000Z' }), period)).to.equal(period);
    // 5 % of Jan–Mar is 4.5 days: a plan added on the 4th is the quarter's; on the 6th it is judged from then.
    expect(kpiPeriod(kpi({ addedAt: '2026-01-04T09:00:00.000Z' }), period)).to.equal(period);
    expect(kpiPeriod(kpi({ addedAt: '2026-01-06T09:00:00.000Z' }), period)).to.deep.equal({ start: '2026-01-06T09:00:00.000Z', end: '2026-03-31' });
    // The first days end on 5 Jan at 12:00 UTC. Written with an offset, 08:00 in Los Angeles is 16:00 UTC: after them.
    expect(kpiPeriod(kpi({ addedAt: '2026-01-05T08:00:00-08:00' }), period)).to.deep.equal({ start: '2026-01-05T08:00:00-08:00', end: '2026-03-31' });
    expect(kpiPeriod(kpi({ addedAt: '2026-01-05T11:00:00.000Z' }), period)).to.equal(period);
    expect(kpiPeriod(kpi({ addedAt: '2025-12-20T00:00:00.000Z' }), period)).to.equal(period);
    expect(kpiPeriod(kpi({ addedAt: '2026-05-01T00:00:00.000Z' }), period)).to.equal(period);
    expect(kpiPeriod(kpi({ addedAt: 'soon' }), period)).to.equal(period);
  });

  it('has no forecast without history', () => {
    const { completion, status, score, forecast } = assessKpi(kpi({ actual: 95 }), period, now);
    expect({ completion, status, score, forecast }).to.deep.equal({ completion: 0.95, status: 'healthy', score: 0, forecast: null });
  });
});

describe('rollUpKpis', () => {
  const kpis = [
    kpi({ id: 'a', ownerId: 'ann', name: 'Churn', weight: 50, actual: 95 }),
    kpi({ id: 'b', ownerId: 'ann', name: 'NPS', weight: 50, actual: 40 }),
    kpi({ id: 'c', ownerId: 'bo', name: 'Beta', weight: 20, actual: 40 }),
    kpi({ id: 'd', ownerId: 'bo', name: 'Alpha', weight: 20, actual: 40 }),
    kpi({ id: 'e', ownerId: 'bo', name: 'Leads', weight: 60, actual: 75 }),
  ];

  it('counts KPIs, their statuses and their mean completion', () => {
    const rollUp = rollUpKpis(kpis, period, periodEnd);
    expect(rollUp.count).to.equal(5);
    expect(rollUp.averageCompletion).to.be.closeTo((0.95 + 0.4 + 0.4 + 0.4 + 0.75) / 5, 1e-12);
    expect(rollUp.statusCounts).to.deep.equal({ healthy: 1, watch: 1, unhealthy: 3 });
  });

  it('lists the worst first: lowest completion, then heavier, then by name', () => {
    const worst = rollUpKpis(kpis, period, periodEnd).worst.map((entry) => entry.kpi.id);
    expect(worst).to.deep.equal(['b', 'd', 'c', 'e', 'a']);
    expect(rollUpKpis(kpis, period, periodEnd, { worst: 2 }).worst.map((entry) => entry.kpi.id)).to.deep.equal(['b', 'd']);
    expect(rollUpKpis(kpis, period, periodEnd, { worst: 0 }).worst).to.deep.equal([]);
  });

  it('keeps at most ten worst by default', () => {
    const many = Array.from({ length: 12 }, (_, index) => kpi({ id: `k${index}`, actual: index }));
    const worst = rollUpKpis(many, period, periodEnd).worst;
    expect(worst.length).to.equal(10);
    expect(worst[0]!.kpi.id).to.equal('k0');
    expect(worst[0]!.assessment.completion).to.equal(0);
  });

  it('scores each owner by their own weights', () => {
    const { byOwner } = rollUpKpis(kpis, period, periodEnd);
    expect([...byOwner.keys()]).to.deep.equal(['ann', 'bo']);
    expect(byOwner.get('ann')!.score).to.be.closeTo(67.5, 1e-9);
    expect(byOwner.get('ann')!.count).to.equal(2);
    expect(byOwner.get('ann')!.statusCounts).to.deep.equal({ healthy: 1, watch: 0, unhealthy: 1 });
    expect(byOwner.get('bo')!.score).to.be.closeTo(61, 1e-9);
    expect(byOwner.get('bo')!.statusCounts).to.deep.equal({ healthy: 0, watch: 1, unhealthy: 2 });
  });

  it('rolls up nothing to nothing', () => {
    const rollUp = rollUpKpis([], period, periodEnd);
    expect(rollUp).to.deep.include({ count: 0, averageCompletion: null, statusCounts: { healthy: 0, watch: 0, unhealthy: 0 } });
    expect(rollUp.worst).to.deep.equal([]);
    expect(rollUp.byOwner.size).to.equal(0);
  });
});

describe('kpiComparator', () => {
  const row = (fields: Partial<Kpi>): AssessedKpi => {
    const record = kpi(fields);
    return { kpi: record, assessment: assessKpi(record, period, periodEnd) };
  };
  const rows = [
    row({ id: 'x', name: 'Lead time', ownerId: 'p-2', source: 'keyResult', weight: 40, actual: 95 }),
    row({ id: 'y', name: 'Defects', ownerId: 'p-1', source: 'manual', weight: 10, actual: 40, history: risingHistory }),
    row({ id: 'z', name: 'Uptime', ownerId: 'p-3', source: 'jobProfile', weight: 50, actual: 75 }),
  ];
  const sortedBy = (...args: Parameters<typeof kpiComparator>) => [...rows].sort(kpiComparator(...args)).map((entry) => entry.kpi.id);

  it('has a comparator for every sort key', () => {
    for (const key of KPI_SORT_KEYS) expect(sortedBy(key)).to.have.length(3);
  });

  it('sorts ascending by the column', () => {
    expect(sortedBy('name')).to.deep.equal(['y', 'x', 'z']);
    expect(sortedBy('weight')).to.deep.equal(['y', 'x', 'z']);
    expect(sortedBy('completion')).to.deep.equal(['y', 'z', 'x']);
    expect(sortedBy('score')).to.deep.equal(['y', 'z', 'x']);
    expect(sortedBy('source')).to.deep.equal(['x', 'z', 'y']);
  });

  it('puts the worst status first', () => {
    expect(sortedBy('status')).to.deep.equal(['y', 'z', 'x']);
  });

  it('puts KPIs without a forecast before those with one', () => {
    expect(sortedBy('forecast')).to.deep.equal(['x', 'z', 'y']);
  });

  it('sorts owners by the name it is given', () => {
    const names: Record<string, string> = { 'p-1': 'Zhou', 'p-2': 'Adams', 'p-3': 'Moreau' };
    expect(sortedBy('owner')).to.deep.equal(['y', 'x', 'z']);
    expect(sortedBy('owner', { ownerName: (id) => names[id] ?? id })).to.deep.equal(['x', 'z', 'y']);
  });

  it('breaks ties by name, with the collator given, then id', () => {
    const tied = [row({ id: '2', name: 'b' }), row({ id: '3', name: 'B' }), row({ id: '1', name: 'b' })];
    const caseless = { compare: (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase()) };
    expect([...tied].sort(kpiComparator('weight')).map((entry) => entry.kpi.id)).to.deep.equal(['3', '1', '2']);
    expect([...tied].sort(kpiComparator('weight', { collator: caseless })).map((entry) => entry.kpi.id)).to.deep.equal(['1', '2', '3']);
  });

  it('sorts descending by the column, keeping tied rows in name order', () => {
    expect(sortedBy('name', { descending: true })).to.deep.equal(['z', 'x', 'y']);
    expect(sortedBy('weight', { descending: true })).to.deep.equal(['z', 'x', 'y']);
    const tied = [row({ id: '1', name: 'Churn', weight: 10 }), row({ id: '2', name: 'Alpha', weight: 10 }), row({ id: '3', name: 'Beta', weight: 30 })];
    expect([...tied].sort(kpiComparator('weight', { descending: true })).map((entry) => entry.kpi.id)).to.deep.equal(['3', '2', '1']);
    expect(sortKpis(tied, 'weight', { descending: true }).map((entry) => entry.kpi.id)).to.deep.equal(['3', '2', '1']);
  });

  it('gives the same order through sortKpis, for every key and direction, with and without a collator', () => {
    const names: Record<string, string> = { 'p-1': 'zhou', 'p-2': 'Adams', 'p-3': 'Zhou' };
    const many = [
      ...rows,
      row({ id: 'a', name: 'defects', ownerId: 'p-3', source: 'manual', weight: 10, actual: 40 }),
      row({ id: 'b', name: 'Lead time', ownerId: 'p-1', source: 'keyResult', weight: 40, actual: 95 }),
      row({ id: 'c', name: 'Defects', ownerId: 'p-2', source: 'jobProfile', weight: 40, actual: 75, history: risingHistory }),
    ];
    const caseless = { compare: (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase()) };
    const optionSets = [{}, { collator: caseless, ownerName: (id: string) => names[id] ?? id }];
    for (const options of optionSets.flatMap((set) => [set, { ...set, descending: true }])) {
      for (const key of KPI_SORT_KEYS) {
        const expected = [...many].sort(kpiComparator(key, options)).map((entry) => entry.kpi.id);
        expect(sortKpis(many, key, options).map((entry) => entry.kpi.id), key).to.deep.equal(expected);
      }
    }
  });
});

describe('KPI categories', () => {
  it('know every category the seed produces', () => {
    for (const category of SEED_KPI_CATEGORIES) expect(kpiCategoryMessageKey(category)).to.equal(`kpiCategory.${category}`);
    expect(kpiCategoryMessageKey('OKR')).to.equal('kpiCategory.OKR');
  });

  it('leave a vendor category to be shown as it is', () => {
    expect(kpiCategoryMessageKey('销售业绩')).to.equal(undefined);
    expect(kpiCategoryMessageKey('constructor')).to.equal(undefined);
    expect(kpiCategoryMessageKey('')).to.equal(undefined);
  });

  it('are named in both catalogs', () => {
    for (const category of KPI_CATEGORIES) {
      expect(en[KPI_CATEGORY_MESSAGE_KEYS[category]]).to.be.a('string').and.not.equal('');
      expect(zhCN[KPI_CATEGORY_MESSAGE_KEYS[category]]).to.be.a('string').and.not.equal('');
    }
  });
});

describe('KPIs born from other records', () => {
  const goal = { id: 'g-1', ownerId: 'p-9', cycleId: 'c-2' } as Pick<Goal, 'id' | 'ownerId' | 'cycleId'> as Goal;
  const keyResult = {
    id: 'kr-1',
    goalId: 'g-1',
    title: 'Cut p95 latency',
    start: 500,
    target: 300,
    current: 420,
    unit: 'ms',
    direction: 'decrease',
    weight: 40,
  } as Partial<KeyResult> as KeyResult;

  it('a KPI follows a key result', () => {
    const made = kpiFromKeyResult(keyResult, goal, 'kpi-7', '2026-02-01T08:00:00.000Z');
    expect(made).to.deep.equal({
      id: 'kpi-7',
      version: 1,
      updatedAt: '2026-02-01T08:00:00.000Z',
      ownerId: 'p-9',
      cycleId: 'c-2',
      name: 'Cut p95 latency',
      source: 'keyResult',
      sourceId: 'kr-1',
      start: 500,
      target: 300,
      actual: 420,
      unit: 'ms',
      direction: 'decrease',
      weight: 40,
      thresholds: { healthy: 0.9, watch: 0.7 },
      category: 'OKR',
      history: [{ at: '2026-02-01T08:00:00.000Z', value: 420 }],
      targetChanges: [],
      archived: false,
      addedAt: '2026-02-01T08:00:00.000Z',
    });
    expect(made.thresholds).to.not.equal(DEFAULT_KPI_THRESHOLDS);
  });

  it('a job profile template becomes a KPI at its baseline', () => {
    const template: KpiTemplate = {
      name: 'First-contact resolution',
      category: 'customer',
      unit: '%',
      direction: 'increase',
      start: 60,
      target: 80,
      weight: 25,
      thresholds: { healthy: 0.95, watch: 0.8 },
    };
    const made = kpiFromTemplate(template, 'jp-1', { ownerId: 'p-3', cycleId: 'c-1' }, 'kpi-8', '2026-02-01T08:00:00.000Z');
    expect(made).to.deep.include({
      id: 'kpi-8',
      ownerId: 'p-3',
      cycleId: 'c-1',
      source: 'jobProfile',
      sourceId: 'jp-1',
      start: 60,
      actual: 60,
      target: 80,
      weight: 25,
      category: 'customer',
      history: [{ at: '2026-02-01T08:00:00.000Z', value: 60 }],
      archived: false,
      addedAt: '2026-02-01T08:00:00.000Z',
    });
    expect(made.thresholds).to.deep.equal({ healthy: 0.95, watch: 0.8 });
    expect(made.thresholds).to.not.equal(template.thresholds);
  });
});
