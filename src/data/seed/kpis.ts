/**
 * A person's KPI plan per cycle: KPIs born from some of their key results
 * (actual and history follow the check-ins, targets follow adjustments), the
 * KPIs of their job profile, and now and then one their manager added by
 * hand. Weights of a person's KPIs in a cycle sum to 100.
 */
import { kpiFromKeyResult as followKeyResult } from '../../model/kpi.js';
import type { Id, Kpi, KpiPoint, KpiTargetChange } from '../../model/records.js';
import { JOB_PROFILES, MANUAL_KPIS, type KpiCategory, type KpiTemplateSpec } from './content/company.js';
import { DAY_MS, HOUR_MS, toIsoDateTime } from './calendar.js';
import { drawPaceCurve, pickPace, progressAt } from './pace.js';
import type { RealisedGoal, RealisedKeyResult } from './progress.js';
import type { SeededRandom } from './random.js';
import { roundToStep, splitHundred } from './text.js';
import type { CycleContext, IdSequences, StaffMember, Writable } from './world.js';

export interface KpiPlanOptions {
  /** The most measurements a job-profile or manual KPI keeps per cycle (every two weeks in a small company). */
  readonly maxHistoryPoints: number;
}

/**
 * KPIs of one person for one cycle. `goals` are the person's realised goals
 * of that cycle.
 */
export function buildKpiPlan(
  random: SeededRandom,
  member: StaffMember,
  cycle: CycleContext,
  goals: readonly RealisedGoal[],
  jobProfileId: Id | null,
  now: number,
  ids: IdSequences,
  options: KpiPlanOptions,
): Kpi[] {
  const kpis: Writable<Kpi>[] = [];
  const rawWeights: number[] = [];

  for (const realised of goals) {
    const { goal } = realised.planned;
    if (goal.status !== 'approved') continue;
    // Managers turn the key results that measure ongoing performance into KPIs: figures, not milestones.
    const chance = realised.planned.scaleLevel === 'individual' ? 0.3 : 0.4;
    for (const keyResult of realised.keyResults) {
      const { metric } = keyResult.keyResult;
      if ((metric === 'number' || metric === 'percent' || metric === 'currency') && random.chance(chance)) {
        kpis.push(kpiFromKeyResult(realised, keyResult, ids));
        rawWeights.push(20);
      }
    }
  }

  if (jobProfileId !== null && member.jobProfileKey !== null) {
    for (const spec of JOB_PROFILES[member.jobProfileKey].kpis) {
      kpis.push(measuredKpi(random, member, cycle, spec, 'jobProfile', jobProfileId, now, ids, options));
      rawWeights.push(spec.weight);
    }
  }

  const manual = member.functionKey ? MANUAL_KPIS[member.functionKey] : [];
  if (cycle.kind === 'active' && manual.length > 0 && random.chance(0.15)) {
    const spec = random.pick(manual);
    kpis.push(measuredKpi(random, member, cycle, spec, 'manual', null, now, ids, options));
    rawWeights.push(spec.weight);
  }

  // A person's KPIs share their KPI score: the weights sum to 100 (the scorecard divides by the total).
  const weights = splitHundred(rawWeights);
  kpis.forEach((kpi, index) => {
    kpi.weight = weights[index] ?? 0;
  });
  return kpis;
}

function categoryOf(realised: RealisedGoal, keyResult: RealisedKeyResult): KpiCategory {
  if (keyResult.keyResult.metric === 'currency') return 'financial';
  switch (realised.planned.pillar) {
    case 'customer':
    case 'product':
    case 'growth':
      return 'customer';
    case 'efficiency':
      return 'process';
    case 'talent':
      return 'learning';
  }
}

/**
 * A KPI born from a key result when the goal was approved (createKpiFromKeyResult):
 * its history starts at the key result's start value and follows every check-in.
 */
function kpiFromKeyResult(realised: RealisedGoal, realisedKeyResult: RealisedKeyResult, ids: IdSequences): Writable<Kpi> {
  const { goal, cycle } = realised.planned;
  const { keyResult, checkIns } = realisedKeyResult;
  const createdAt = toIsoDateTime(Date.parse(goal.decidedAt ?? goal.createdAt) + 30 * 60_000);
  const history: KpiPoint[] = [{ at: createdAt, value: keyResult.start }];
  for (const checkIn of checkIns) history.push({ at: checkIn.at, value: checkIn.value });
  const targetChanges: KpiTargetChange[] = [];
  const change = realised.change;
  const changedBefore = change?.before.keyResults?.find((snapshot) => snapshot.id === keyResult.id);
  if (change && changedBefore?.target !== undefined) {
    targetChanges.push({
      at: change.at,
      authorId: change.authorId,
      reason: change.reason,
      before: changedBefore.target,
      after: keyResult.target,
      goalChangeId: change.id,
    });
  }
  const lastPoint = history[history.length - 1] as KpiPoint;
  const lastChange = targetChanges[0];
  return {
    ...followKeyResult(keyResult, goal, ids.kpi(), createdAt),
    // Created, then one write per check-in and per target change.
    version: history.length + targetChanges.length,
    updatedAt: lastChange && lastChange.at > lastPoint.at ? lastChange.at : lastPoint.at,
    cycleId: cycle.cycle.id,
    // Weights are shared out over the person's whole plan afterwards.
    weight: 0,
    category: categoryOf(realised, realisedKeyResult),
    history,
    targetChanges,
  };
}

const timestampTexts = new Map<number, string>();

/**
 * Measured KPIs of a cycle are all measured at the same instants: one string
 * per instant serves every KPI (tens of thousands in a large seed).
 */
function sharedTimestamp(ms: number): string {
  let text = timestampTexts.get(ms);
  if (text === undefined) {
    // A handful of instants per cycle; bounded in case a long-lived page seeds many times.
    if (timestampTexts.size > 1000) timestampTexts.clear();
    text = toIsoDateTime(ms);
    timestampTexts.set(ms, text);
  }
  return text;
}

/**
 * A KPI measured by its owner or HR: set at the cycle's start (from the job
 * profile, or by the manager), measured every two weeks since.
 */
function measuredKpi(
  random: SeededRandom,
  member: StaffMember,
  cycle: CycleContext,
  spec: KpiTemplateSpec,
  source: 'jobProfile' | 'manual',
  sourceId: Id | null,
  now: number,
  ids: IdSequences,
  options: KpiPlanOptions,
): Writable<Kpi> {
  const createdMs = Math.min(cycle.startMs + DAY_MS + 2 * HOUR_MS, now - HOUR_MS);
  const lastMs = Math.min(now - HOUR_MS, cycle.endMs - HOUR_MS);
  const measuredAt: number[] = [];
  for (let at = cycle.startMs + 14 * DAY_MS + 3 * HOUR_MS; at <= lastMs; at += 14 * DAY_MS) measuredAt.push(at);
  // A closed quarter's last measurement is its result.
  if (cycle.kind === 'previous') measuredAt.push(cycle.endMs - 6 * HOUR_MS);
  const kept = measuredAt.length <= options.maxHistoryPoints ? measuredAt : measuredAt.slice(-options.maxHistoryPoints);
  const curve = drawPaceCurve(random, pickPace(random, cycle.kind));
  const span = cycle.endMs - cycle.startMs;
  const history: KpiPoint[] = [{ at: sharedTimestamp(createdMs), value: spec.start }];
  for (const at of kept) {
    const progress = Math.max(0, progressAt(curve, (at - cycle.startMs) / span) + random.normal(0, 0.03));
    let value = roundToStep(spec.start + (spec.target - spec.start) * progress, spec.step);
    if (spec.unit === '%') value = Math.min(100, value);
    history.push({ at: sharedTimestamp(at), value: Math.max(0, value) });
  }
  const last = history[history.length - 1] as KpiPoint;
  return {
    id: ids.kpi(),
    version: history.length,
    updatedAt: last.at,
    ownerId: member.person.id,
    cycleId: cycle.cycle.id,
    name: spec.name,
    source,
    sourceId,
    start: spec.start,
    target: spec.target,
    actual: last.value,
    unit: spec.unit,
    direction: spec.direction,
    weight: 0,
    thresholds: { ...spec.thresholds },
    category: spec.category,
    history,
    targetChanges: [],
    archived: false,
  };
}
