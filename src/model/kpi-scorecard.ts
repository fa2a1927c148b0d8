/**
 * Rules a KPI scorecard needs beyond scoring (./kpi.ts): which way a KPI's
 * history went, in words a screen reader can say, and which key results may
 * still become KPIs.
 */
import type { Goal, Id, KeyResult, Kpi, KpiPoint } from './records.js';

/**
 * The shape of a KPI's measurements, oldest to newest:
 * - `none`: nothing measured yet;
 * - `single`: one measurement;
 * - `rising`, `falling`, `flat`: from the first value to the last.
 * Direction is what the numbers did, not whether that is good: a falling
 * defect count is good news, which the status column says.
 */
export type KpiTrend =
  | { readonly kind: 'none' }
  | { readonly kind: 'single'; readonly value: number }
  | { readonly kind: 'rising' | 'falling' | 'flat'; readonly from: number; readonly to: number; readonly points: number };

/** The trend of a history (oldest first, as `Kpi.history` keeps it). Points whose value is not a finite number are skipped. */
export function kpiTrend(history: readonly KpiPoint[]): KpiTrend {
  const values = history.map((point) => point.value).filter((value) => Number.isFinite(value));
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return { kind: 'none' };
  if (values.length === 1) return { kind: 'single', value: first };
  const kind = last > first ? 'rising' : last < first ? 'falling' : 'flat';
  return { kind, from: first, to: last, points: values.length };
}

/**
 * Key results that may become KPIs and are not yet: those of approved goals
 * (before approval a target may still change without an adjustment, and only
 * adjustments carry a reason into the KPI's history) with no live KPI
 * following them. In the order given, which for the store is goal by goal.
 */
export function keyResultsWithoutKpi(
  keyResults: Iterable<KeyResult>,
  goals: ReadonlyMap<Id, Pick<Goal, 'status'>>,
  kpis: Iterable<Pick<Kpi, 'source' | 'sourceId' | 'archived'>>,
): KeyResult[] {
  const followed = new Set<Id>();
  for (const kpi of kpis) if (kpi.source === 'keyResult' && kpi.sourceId !== null && !kpi.archived) followed.add(kpi.sourceId);
  const candidates: KeyResult[] = [];
  for (const keyResult of keyResults) {
    if (goals.get(keyResult.goalId)?.status === 'approved' && !followed.has(keyResult.id)) candidates.push(keyResult);
  }
  return candidates;
}
