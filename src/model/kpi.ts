/**
 * KPI rules: how complete a KPI is, whether it is healthy, what it scores,
 * where its trend is heading, and how many KPIs add up for a team. Derived,
 * never stored (DESIGN.md: "KPI completion and score").
 *
 * Completion differs from key-result progress on purpose: progress stops at
 * 1 because it feeds goal roll-ups, while a KPI score rewards doing better
 * than the target, up to {@link KPI_COMPLETION_CAP}.
 */
import type { MessageKey } from '../i18n/catalog.js';
import { endOfDate, instantOf, startOfDate, fitLeastSquaresLine, lineReachesTargetOn, type TimedValue } from './forecast.js';
import {
  KPI_SOURCES,
  type Cycle,
  type Goal,
  type Id,
  type IsoDate,
  type IsoDateTime,
  type KeyResult,
  type Kpi,
  type KpiSource,
  type KpiTemplate,
  type KpiThresholds,
} from './records.js';

// ── Statuses, sources and categories ───────────────────────────────────────

/** Best first. */
export const KPI_STATUSES = ['healthy', 'watch', 'unhealthy'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** The message naming each status, for badges and screen readers. */
export const KPI_STATUS_MESSAGE_KEYS = {
  healthy: 'kpiStatus.healthy',
  watch: 'kpiStatus.watch',
  unhealthy: 'kpiStatus.unhealthy',
} as const satisfies { readonly [S in KpiStatus]: MessageKey };

/** Sort order of statuses: worst lowest, so an ascending sort puts trouble first. */
export const KPI_STATUS_RANK = { unhealthy: 0, watch: 1, healthy: 2 } as const satisfies Record<KpiStatus, number>;

/** The message naming each source of a KPI. */
export const KPI_SOURCE_MESSAGE_KEYS = {
  keyResult: 'kpiSource.keyResult',
  jobProfile: 'kpiSource.jobProfile',
  manual: 'kpiSource.manual',
} as const satisfies { readonly [S in KpiSource]: MessageKey };

/**
 * Categories the kit knows how to name: the balanced-scorecard perspectives
 * of the job-profile templates, and `OKR` for KPIs born from key results.
 * `Kpi.category` stays a string because a vendor's system may send its own.
 */
export const KPI_CATEGORIES = ['financial', 'customer', 'process', 'learning', 'OKR'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export const KPI_CATEGORY_MESSAGE_KEYS = {
  financial: 'kpiCategory.financial',
  customer: 'kpiCategory.customer',
  process: 'kpiCategory.process',
  learning: 'kpiCategory.learning',
  OKR: 'kpiCategory.OKR',
} as const satisfies { readonly [C in KpiCategory]: MessageKey };

export function isKpiCategory(category: string): category is KpiCategory {
  return (KPI_CATEGORIES as readonly string[]).includes(category);
}

/**
 * The message naming a category, or `undefined` for a category the kit does
 * not know: a vendor's own text, to be shown as it is.
 */
export function kpiCategoryMessageKey(category: string): MessageKey | undefined {
  return isKpiCategory(category) ? KPI_CATEGORY_MESSAGE_KEYS[category] : undefined;
}

// ── Completion, status and score ───────────────────────────────────────────

/** Healthy at 90 % of target, worth watching from 70 %: the defaults HR starts from. */
export const DEFAULT_KPI_THRESHOLDS: Readonly<KpiThresholds> = Object.freeze({ healthy: 0.9, watch: 0.7 });

/** Completion is capped so one over-achieved KPI cannot hide the others in a weighted total. */
export const KPI_COMPLETION_CAP = 1.2;

/** Absorbs float error at the thresholds: 0.9 computed as 0.8999999999999999 is still 0.9. */
const TOLERANCE = 1e-9;

type MeasuredKpi = Pick<Kpi, 'start' | 'target' | 'actual' | 'direction'>;
type WeightedKpi = Pick<Kpi, 'start' | 'target' | 'actual' | 'direction' | 'weight'>;

/**
 * How far a KPI has come from its start towards its target: 0 at the start,
 * 1 at the target, more when it does better, at most `cap`.
 *
 * - Direction-aware: for `decrease` lower is better (start 10 days, target
 *   5 days, actual 7 days → 0.6).
 * - Moving the wrong way counts as 0, not as negative completion.
 * - A target equal to the start (a KPI that holds a level, such as "zero
 *   incidents" from zero), or on the wrong side of it, has no way to measure
 *   along: 1 while the actual is at or beyond the target in the KPI's
 *   direction, else 0.
 * - Any value that is not a finite number gives 0.
 */
export function kpiCompletion(kpi: MeasuredKpi, cap: number = KPI_COMPLETION_CAP): number {
  const { start, target, actual } = kpi;
  if (!Number.isFinite(start) || !Number.isFinite(target) || !Number.isFinite(actual)) return 0;
  const ceiling = Number.isNaN(cap) ? KPI_COMPLETION_CAP : Math.max(0, cap);
  const sign = kpi.direction === 'decrease' ? -1 : 1;
  const span = (target - start) * sign;
  if (span <= 0) return (actual - target) * sign >= 0 ? Math.min(1, ceiling) : 0;
  const ratio = ((actual - start) * sign) / span;
  return Math.min(ceiling, Math.max(0, ratio));
}

/**
 * Healthy when completion reaches `thresholds.healthy`, watch when it
 * reaches `thresholds.watch`, else unhealthy. A threshold is met exactly
 * (0.9 of a healthy-at-0.9 KPI is healthy); a completion that is not a
 * number is unhealthy.
 */
export function kpiStatus(completion: number, thresholds: KpiThresholds): KpiStatus {
  if (completion >= thresholds.healthy - TOLERANCE) return 'healthy';
  if (completion >= thresholds.watch - TOLERANCE) return 'watch';
  return 'unhealthy';
}

/** A weight that is negative or not a number cannot be a share: it counts as 0. */
function usableWeight(weight: number): number {
  return weight > 0 && Number.isFinite(weight) ? weight : 0;
}

/**
 * Points this KPI contributes to its owner's score: completion × weight (a
 * KPI of weight 30 at 80 % → 24). A person's weights sum to 100, so their
 * points sum to their score.
 */
export function kpiScore(kpi: WeightedKpi): number {
  return kpiCompletion(kpi) * usableWeight(kpi.weight);
}

/**
 * A weighted total on a 0–100 scale (up to 100 × {@link KPI_COMPLETION_CAP}):
 * Σ completion × weight / Σ weight × 100. Divides by the actual total rather
 * than assuming 100, so a plan whose weights are still being balanced scores
 * sensibly. `null` when no KPI has a weight: there is nothing to score.
 */
export function weightedKpiScore(kpis: readonly WeightedKpi[]): number | null {
  let points = 0;
  let totalWeight = 0;
  for (const kpi of kpis) {
    const weight = usableWeight(kpi.weight);
    points += kpiCompletion(kpi) * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? (points / totalWeight) * 100 : null;
}

// ── Forecast ───────────────────────────────────────────────────────────────

export interface KpiForecast {
  /** Projected actual at the period end, from a least-squares line over the history; the actual once the period is over. */
  readonly projected: number;
  /** {@link kpiCompletion} of the projected actual. */
  readonly completion: number;
  /** {@link kpiStatus} of that completion, with the KPI's thresholds. */
  readonly status: KpiStatus;
  /**
   * The day (where the page runs) by whose end the line reaches the target; `null` when the
   * actual is already there, or the line never gets there (flat, moving
   * away, or further off than `REACH_HORIZON_DAYS`).
   */
  readonly reachesTargetOn: IsoDate | null;
  /** The period is over: `projected` is where it ended, not a projection. */
  readonly final: boolean;
}

/**
 * Where a KPI will stand at the end of its period at the pace its history
 * shows: the same least-squares line as the key-result forecast. `null` with
 * fewer than two distinct measurement times, or a period end that is not a
 * real date. Points with an unreadable time or a value that is not a finite
 * number are skipped. After the period's end, the forecast is the result:
 * the actual, as measured (with any history at all).
 */
export function forecastKpi(
  kpi: Pick<Kpi, 'history' | 'start' | 'target' | 'actual' | 'direction' | 'thresholds'>,
  period: Pick<Cycle, 'start' | 'end'>,
  now: Date,
): KpiForecast | null {
  const periodEnd = endOfDate(period.end);
  if (Number.isNaN(periodEnd)) return null;
  if (isPeriodOver(period, now) && kpi.history.length > 0) {
    // The period is over: where it ended is the result, not a projection of its trend to a day gone by.
    const completion = kpiCompletion(kpi);
    return { projected: kpi.actual, completion, status: kpiStatus(completion, kpi.thresholds), reachesTargetOn: null, final: true };
  }
  const points: TimedValue[] = kpi.history.map((point) => ({ at: Date.parse(point.at), value: point.value }));
  const line = fitLeastSquaresLine(points);
  if (!line) return null;

  // A line can run below zero; quantities that start and aim at or above zero (defects, hours) cannot.
  const fitted = line.valueAt(periodEnd);
  const projected = kpi.start >= 0 && kpi.target >= 0 ? Math.max(0, fitted) : fitted;
  const completion = kpiCompletion({ ...kpi, actual: projected });
  const sign = kpi.direction === 'decrease' ? -1 : 1;
  const alreadyThere = (kpi.actual - kpi.target) * sign >= 0;
  return {
    projected,
    completion,
    status: kpiStatus(completion, kpi.thresholds),
    reachesTargetOn: alreadyThere ? null : lineReachesTargetOn(kpi, line, now.getTime()),
    final: false,
  };
}

// ── Assessment and roll-up ─────────────────────────────────────────────────

/** What a KPI's row on a scorecard shows about where it stands. */
export interface KpiAssessment {
  readonly completion: number;
  readonly status: KpiStatus;
  /** {@link kpiScore}: points towards the owner's score. */
  readonly score: number;
  /** Worked out when first read (a getter: spreading an assessment leaves it out). */
  readonly forecast: KpiForecast | null;
}

export function assessKpi(kpi: Kpi, period: Pick<Cycle, 'start' | 'end'>, now: Date): KpiAssessment {
  return new Assessed(kpi, period, now);
}

/** A class, not a literal with a getter each: a scorecard makes thousands of these before its first paint. */
class Assessed implements KpiAssessment {
  readonly completion: number;
  readonly status: KpiStatus;
  readonly score: number;
  readonly #kpi: Kpi;
  readonly #period: Pick<Cycle, 'start' | 'end'>;
  readonly #now: Date;
  #forecast: KpiForecast | null | undefined;

  constructor(kpi: Kpi, period: Pick<Cycle, 'start' | 'end'>, now: Date) {
    this.#kpi = kpi;
    this.#period = period;
    this.#now = now;
    this.completion = kpiCompletion(kpi);
    this.status = kpiStatus(completionToDate(this.completion, periodElapsedShare(kpiPeriod(kpi, period), now)), kpi.thresholds);
    this.score = this.completion * usableWeight(kpi.weight);
  }

  // Fitted when first read: a table of thousands shows the forecasts of the rows on screen only
  // (sorting or exporting by forecast reads them all). Records do not change, so once is enough.
  get forecast(): KpiForecast | null {
    if (this.#forecast === undefined) this.#forecast = forecastKpi(this.#kpi, this.#period, this.#now);
    return this.#forecast;
  }
}

/** Whether `now` is past the end of a period's last day: its figures are results, not forecasts. */
export function isPeriodOver(period: Pick<Cycle, 'end'>, now: Date): boolean {
  return now.getTime() >= endOfDate(period.end);
}

/**
 * The period a KPI is judged over. `start` is a date (the cycle's first
 * day) or, for a plan made mid-cycle, the instant it was added.
 */
export interface JudgedPeriod {
  readonly start: IsoDate | IsoDateTime;
  readonly end: IsoDate;
}

/** Where a cycle's first days (see {@link MIN_ELAPSED_SHARE}) end, as a UTC timestamp string; one cycle at a time. */
let graceOf: { start: IsoDate; end: IsoDate; until: IsoDateTime | null } | undefined;

function graceEnd(cycle: Pick<Cycle, 'start' | 'end'>): IsoDateTime | null {
  if (graceOf?.start !== cycle.start || graceOf.end !== cycle.end) {
    const start = startOfDate(cycle.start);
    const end = endOfDate(cycle.end);
    const until = start + (end - start) * MIN_ELAPSED_SHARE;
    graceOf = { start: cycle.start, end: cycle.end, until: Number.isFinite(until) ? new Date(until).toISOString() : null };
  }
  return graceOf.until;
}

/** `2026-03-02T09:30:00.000Z`: such strings compare in time order with `<`. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The period a KPI is judged over: the cycle, or from the moment it joined
 * its owner's plan (`addedAt`) when that came after the cycle's first days
 * ({@link MIN_ELAPSED_SHARE}, when nothing is judged anyway). A plan given
 * to someone mid-cycle (a job profile for a new hire, a KPI a manager adds)
 * owes nothing for the time before it existed; it would otherwise open red.
 * A KPI that mirrors a key result keeps the cycle: the key result was due
 * from the cycle's start, and its pace is judged that way too. Without
 * `addedAt` (a store that does not record it), the cycle.
 */
export function kpiPeriod(kpi: Pick<Kpi, 'source' | 'addedAt'>, cycle: Pick<Cycle, 'start' | 'end'>): JudgedPeriod {
  const addedAt = kpi.addedAt;
  if (kpi.source === 'keyResult' || addedAt === undefined) return cycle;
  const until = graceEnd(cycle);
  if (until === null) return cycle;
  // Most plans are set in the cycle's first days: told by comparing strings, without parsing thousands of them.
  if (CANONICAL_INSTANT.test(addedAt) && addedAt < until) return cycle;
  const addedMs = Date.parse(addedAt);
  // Added in the first days, or at a time that cannot be read or lies after the cycle: the cycle as it is.
  if (!(addedMs >= Date.parse(until) && addedMs < endOfDate(cycle.end))) return cycle;
  return { start: addedAt, end: cycle.end };
}

/**
 * Before this share of the period has passed nothing is due yet: a KPI is
 * on pace whatever its figures, so a plan set up on the first day does not
 * open all red.
 */
export const MIN_ELAPSED_SHARE = 0.05;

/** The last share worked out: a scorecard assesses thousands of KPIs over one period at one moment. */
let lastShare: { start: string; end: string; at: number; share: number } | undefined;

/**
 * How much of the period has passed at `now`, from 0 (before it starts) to
 * 1 (at its end or after). A period starts at its first day's midnight, or
 * at the instant its `start` names (see {@link kpiPeriod}).
 */
export function periodElapsedShare(period: JudgedPeriod, now: Date): number {
  const at = now.getTime();
  if (lastShare && lastShare.start === period.start && lastShare.end === period.end && lastShare.at === at) return lastShare.share;
  const start = instantOf(period.start);
  const end = endOfDate(period.end);
  const share = end > start ? Math.min(1, Math.max(0, (at - start) / (end - start))) : 1;
  lastShare = { start: period.start, end: period.end, at, share };
  return share;
}

/**
 * Completion against the target due by now, the target spread evenly over
 * the period: halfway through, 45% of the way is 0.9 of what is due. At the
 * period's end it is plain completion. Capped like completion, so one early
 * sprint does not read as 300%.
 */
export function completionToDate(completion: number, elapsedShare: number, cap = KPI_COMPLETION_CAP): number {
  if (elapsedShare >= 1) return completion;
  if (elapsedShare < MIN_ELAPSED_SHARE) return Math.min(cap, Math.max(1, completion / MIN_ELAPSED_SHARE));
  return Math.min(cap, completion / elapsedShare);
}

/** A KPI with its assessment: a scorecard row, an entry of a roll-up. */
export interface AssessedKpi {
  readonly kpi: Kpi;
  readonly assessment: KpiAssessment;
}

export interface KpiOwnerRollUp {
  /** {@link weightedKpiScore} of the owner's KPIs. */
  readonly score: number | null;
  readonly count: number;
  readonly statusCounts: Readonly<Record<KpiStatus, number>>;
}

export interface KpiRollUp {
  readonly count: number;
  /** Unweighted mean completion of the KPIs; null with none. */
  readonly averageCompletion: number | null;
  readonly statusCounts: Readonly<Record<KpiStatus, number>>;
  /** Lowest completion first (ties: larger weight first, then name), at most `worst` (default 10). */
  readonly worst: readonly AssessedKpi[];
  /** Per owner: their weighted score and KPI count, for "the people behind the worst KPIs". */
  readonly byOwner: ReadonlyMap<Id, KpiOwnerRollUp>;
}

/** How many KPIs a roll-up lists as the worst unless told otherwise. */
export const DEFAULT_WORST_KPI_COUNT = 10;

function noStatuses(): Record<KpiStatus, number> {
  return { healthy: 0, watch: 0, unhealthy: 0 };
}

/** Plain code-point order: the same everywhere, unlike a locale's collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Worst first: lowest completion; among equals the heavier KPI hurts more; then name and id, for a stable list. */
function compareWorstFirst(a: AssessedKpi, b: AssessedKpi): number {
  return (
    a.assessment.completion - b.assessment.completion ||
    usableWeight(b.kpi.weight) - usableWeight(a.kpi.weight) ||
    compareText(a.kpi.name, b.kpi.name) ||
    compareText(a.kpi.id, b.kpi.id)
  );
}

/**
 * KPIs of a team, a department or the company at a glance: how many, how
 * complete on average, how many in each status, the worst ones, and each
 * owner's score. Every KPI given counts (leave archived ones out first if
 * they should not).
 */
export function rollUpKpis(
  kpis: readonly Kpi[],
  period: Pick<Cycle, 'start' | 'end'>,
  now: Date,
  options: { worst?: number } = {},
): KpiRollUp {
  const statusCounts = noStatuses();
  const assessed: AssessedKpi[] = [];
  const kpisByOwner = new Map<Id, Kpi[]>();
  const statusesByOwner = new Map<Id, Record<KpiStatus, number>>();
  let completionSum = 0;
  for (const kpi of kpis) {
    const assessment = assessKpi(kpi, period, now);
    assessed.push({ kpi, assessment });
    completionSum += assessment.completion;
    statusCounts[assessment.status] += 1;

    let owned = kpisByOwner.get(kpi.ownerId);
    let ownerStatuses = statusesByOwner.get(kpi.ownerId);
    if (!owned || !ownerStatuses) {
      owned = [];
      ownerStatuses = noStatuses();
      kpisByOwner.set(kpi.ownerId, owned);
      statusesByOwner.set(kpi.ownerId, ownerStatuses);
    }
    owned.push(kpi);
    ownerStatuses[assessment.status] += 1;
  }

  const byOwner = new Map<Id, KpiOwnerRollUp>();
  for (const [ownerId, owned] of kpisByOwner) {
    byOwner.set(ownerId, {
      score: weightedKpiScore(owned),
      count: owned.length,
      statusCounts: statusesByOwner.get(ownerId) ?? noStatuses(),
    });
  }

  const requested = options.worst ?? DEFAULT_WORST_KPI_COUNT;
  const worstCount = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : DEFAULT_WORST_KPI_COUNT;
  return {
    count: assessed.length,
    averageCompletion: assessed.length > 0 ? completionSum / assessed.length : null,
    statusCounts,
    worst: [...assessed].sort(compareWorstFirst).slice(0, worstCount),
    byOwner,
  };
}

// ── Sorting ────────────────────────────────────────────────────────────────

/** Columns a KPI table can sort by. */
export const KPI_SORT_KEYS = ['name', 'owner', 'source', 'weight', 'target', 'actual', 'completion', 'score', 'status', 'forecast'] as const;
export type KpiSortKey = (typeof KPI_SORT_KEYS)[number];

export interface KpiComparatorOptions {
  /** The owner's display name, for sorting by owner; the owner id when not given. */
  readonly ownerName?: (ownerId: Id) => string;
  /** Compares names (KPI and owner) in the reader's language; code-point order when not given. */
  readonly collator?: Pick<Intl.Collator, 'compare'>;
  /** Largest first on the column; rows equal on it stay in name order, as a reader scanning a tie expects. */
  readonly descending?: boolean;
}

/**
 * A comparator for `key` over assessed KPIs, ascending unless
 * `options.descending`. Status sorts by {@link KPI_STATUS_RANK} (worst first),
 * source in the order of `KPI_SOURCES`, forecast by projected completion
 * with KPIs that have no forecast before all others. Ties fall back to name,
 * then id, so rows never jump between renders.
 */
export function kpiComparator(
  key: KpiSortKey,
  options: KpiComparatorOptions = {},
): (a: AssessedKpi, b: AssessedKpi) => number {
  const { collator } = options;
  const compareNames = collator ? (a: string, b: string) => collator.compare(a, b) : compareText;
  const ownerName = options.ownerName ?? ((ownerId: Id) => ownerId);
  const forecastOf = (row: AssessedKpi): number => row.assessment.forecast?.completion ?? Number.NEGATIVE_INFINITY;
  const byNumber =
    (valueOf: (row: AssessedKpi) => number) =>
    (a: AssessedKpi, b: AssessedKpi): number => {
      const left = valueOf(a);
      const right = valueOf(b);
      return left < right ? -1 : left > right ? 1 : 0;
    };
  const primary: (a: AssessedKpi, b: AssessedKpi) => number = {
    name: (a: AssessedKpi, b: AssessedKpi) => compareNames(a.kpi.name, b.kpi.name),
    owner: (a: AssessedKpi, b: AssessedKpi) => compareNames(ownerName(a.kpi.ownerId), ownerName(b.kpi.ownerId)),
    source: byNumber((row) => sourceRank(row.kpi.source)),
    weight: byNumber((row) => row.kpi.weight),
    target: byNumber((row) => row.kpi.target),
    actual: byNumber((row) => row.kpi.actual),
    completion: byNumber((row) => row.assessment.completion),
    score: byNumber((row) => row.assessment.score),
    status: byNumber((row) => KPI_STATUS_RANK[row.assessment.status]),
    forecast: byNumber(forecastOf),
  }[key];
  const sign = options.descending ? -1 : 1;
  return (a, b) => sign * primary(a, b) || compareNames(a.kpi.name, b.kpi.name) || compareText(a.kpi.id, b.kpi.id);
}

/**
 * `rows` sorted by `key`: the order of {@link kpiComparator} with the same
 * options, computed with each row's keys read once
 * (decorate–sort–undecorate). Distinct names are ranked once with the
 * collator and ids by the engine's own sort (code-unit order, as
 * `compareText`), so the sort itself compares numbers only — instead of
 * ~60,000 collator and string comparisons in script for 5,000 rows.
 */
export function sortKpis<Row extends AssessedKpi>(rows: readonly Row[], key: KpiSortKey, options: KpiComparatorOptions = {}): Row[] {
  const { collator } = options;
  const compareNames = collator ? (a: string, b: string) => collator.compare(a, b) : compareText;
  const ownerName = options.ownerName ?? ((ownerId: Id) => ownerId);
  const nameRank = rankTexts(
    rows.map((row) => row.kpi.name),
    compareNames,
  );
  let primaryOf: (row: AssessedKpi) => number;
  switch (key) {
    case 'name':
      primaryOf = (row) => nameRank.get(row.kpi.name)!;
      break;
    case 'owner': {
      const names = new Map<Id, string>();
      for (const row of rows) if (!names.has(row.kpi.ownerId)) names.set(row.kpi.ownerId, ownerName(row.kpi.ownerId));
      const ownerRank = rankTexts(names.values(), compareNames);
      primaryOf = (row) => ownerRank.get(names.get(row.kpi.ownerId)!)!;
      break;
    }
    case 'source':
      primaryOf = (row) => sourceRank(row.kpi.source);
      break;
    case 'weight':
    case 'target':
    case 'actual':
      primaryOf = (row) => row.kpi[key];
      break;
    case 'completion':
    case 'score':
      primaryOf = (row) => row.assessment[key];
      break;
    case 'status':
      primaryOf = (row) => KPI_STATUS_RANK[row.assessment.status];
      break;
    case 'forecast':
      primaryOf = (row) => row.assessment.forecast?.completion ?? Number.NEGATIVE_INFINITY;
      break;
  }
  // Array#sort without a comparator orders strings by UTF-16 code units, as compareText does, in native code.
  const idRank = new Map<string, number>();
  rows
    .map((row) => row.kpi.id)
    .sort()
    .forEach((id, index) => idRank.set(id, index));
  const sign = options.descending ? -1 : 1;
  const decorated = rows.map((row) => ({ row, primary: sign * primaryOf(row), name: nameRank.get(row.kpi.name)!, id: idRank.get(row.kpi.id)! }));
  // Comparisons, not subtraction: as in kpiComparator, NaN and equal infinities tie.
  decorated.sort((a, b) => (a.primary < b.primary ? -1 : a.primary > b.primary ? 1 : 0) || a.name - b.name || a.id - b.id);
  return decorated.map((entry) => entry.row);
}

/** Each distinct text's place in `compare` order; texts that compare equal share a rank. */
function rankTexts(texts: Iterable<string>, compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(texts)].sort(compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((text, index) => {
    if (index > 0 && compare(distinct[index - 1]!, text) !== 0) rank += 1;
    ranks.set(text, rank);
  });
  return ranks;
}

function sourceRank(source: KpiSource): number {
  const rank = KPI_SOURCES.indexOf(source);
  return rank < 0 ? KPI_SOURCES.length : rank;
}

// ── Records born from other records ────────────────────────────────────────

/**
 * A KPI that follows a key result: same baseline, target, actual and unit,
 * owned by the goal's owner. Its weight starts as the key result's, for the
 * manager to rebalance in the plan.
 */
export function kpiFromKeyResult(keyResult: KeyResult, goal: Goal, id: Id, now: IsoDateTime): Kpi {
  return {
    id,
    version: 1,
    updatedAt: now,
    ownerId: goal.ownerId,
    cycleId: goal.cycleId,
    name: keyResult.title,
    source: 'keyResult',
    sourceId: keyResult.id,
    start: keyResult.start,
    target: keyResult.target,
    actual: keyResult.current,
    unit: keyResult.unit,
    direction: keyResult.direction,
    weight: keyResult.weight,
    thresholds: { ...DEFAULT_KPI_THRESHOLDS },
    category: 'OKR',
    history: [{ at: now, value: keyResult.current }],
    targetChanges: [],
    archived: false,
    addedAt: now,
  };
}

/**
 * A KPI of a person's plan from one of their job profile's templates: it
 * starts at the template's baseline, measured when the plan is made, and
 * is judged from then when that is after the cycle's first days (see
 * {@link kpiPeriod}).
 */
export function kpiFromTemplate(
  template: KpiTemplate,
  jobProfileId: Id,
  plan: { readonly ownerId: Id; readonly cycleId: Id },
  id: Id,
  now: IsoDateTime,
): Kpi {
  return {
    id,
    version: 1,
    updatedAt: now,
    ownerId: plan.ownerId,
    cycleId: plan.cycleId,
    name: template.name,
    source: 'jobProfile',
    sourceId: jobProfileId,
    start: template.start,
    target: template.target,
    actual: template.start,
    unit: template.unit,
    direction: template.direction,
    weight: template.weight,
    thresholds: { ...template.thresholds },
    category: template.category,
    history: [{ at: now, value: template.start }],
    targetChanges: [],
    archived: false,
    addedAt: now,
  };
}
