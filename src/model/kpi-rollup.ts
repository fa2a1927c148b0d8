/**
 * A KPI roll-up for one org unit, one level deep: the unit as a whole, each
 * unit directly below it, the people who sit in the unit itself, and the KPIs
 * (and people) that need attention. What `<tandem-kpi-rollup>` shows, kept
 * here so a vendor's server can produce the same figures.
 */
import {
  assessKpi,
  compareText,
  DEFAULT_WORST_KPI_COUNT,
  KPI_STATUS_RANK,
  KPI_STATUSES,
  rollUpKpis,
  type AssessedKpi,
  type KpiOwnerRollUp,
  type KpiRollUp,
  type KpiStatus,
} from './kpi.js';
import { directoryOf, isHr, orgUnitAncestry } from './org.js';
import type { Cycle, Id, Kpi, OrgUnit, Person } from './records.js';

/**
 * Where a person's roll-up opens when the host names no unit: HR and
 * administrators see the whole company; a manager the highest unit they lead
 * (a department head their department, not one of its teams); anyone else
 * their own unit. `undefined` when none of those units is among `units`.
 */
export function defaultRollUpUnit(person: Person, units: readonly OrgUnit[]): OrgUnit | undefined {
  if (isHr(person)) return units.find((unit) => unit.parentId === null) ?? units[0];
  const dir = directoryOf([], units);
  const led = units
    .filter((unit) => unit.leaderId === person.id)
    .map((unit) => ({ unit, depth: orgUnitAncestry(unit.id, dir).length }))
    .sort((a, b) => a.depth - b.depth)[0];
  return led?.unit ?? units.find((unit) => unit.id === person.orgUnitId);
}

/**
 * The breadcrumb to a unit: from the top down to `unitId` itself. The top is
 * `homeId` when the unit lies within it (a team lead drilling into nothing
 * above their own team), else the company, so a unit the host opened outside
 * the person's home can still be climbed out of. Units the list does not hold
 * end the walk.
 */
export function rollUpTrail(unitId: Id, homeId: Id | undefined, units: readonly OrgUnit[]): OrgUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const ancestry = orgUnitAncestry(unitId, directoryOf([], units));
  const known: OrgUnit[] = [];
  for (const id of ancestry) {
    const unit = byId.get(id);
    if (!unit) break;
    known.push(unit);
  }
  const homeAt = homeId === undefined ? -1 : known.findIndex((unit) => unit.id === homeId);
  return (homeAt >= 0 ? known.slice(0, homeAt + 1) : known).reverse();
}

/** The units directly below `unitId`, in the order given. */
export function childUnitsOf(unitId: Id, units: readonly OrgUnit[]): OrgUnit[] {
  return units.filter((unit) => unit.parentId === unitId && unit.id !== unitId);
}

/** KPIs of a unit split one level down. */
export interface KpiUnitGroups {
  /** Every child unit, in the order given, with the KPIs of people in it or below it (possibly none). */
  readonly children: readonly { readonly unit: OrgUnit; readonly kpis: readonly Kpi[] }[];
  /**
   * KPIs of people in the unit itself (not in a child unit), and of owners
   * whose unit is unknown or outside it: they count in the unit's total, so
   * they must count somewhere one level down as well.
   */
  readonly rest: readonly Kpi[];
}

/**
 * Splits a unit's KPIs by the child unit their owner sits in (at any depth
 * below it). `ownerUnitOf` gives an owner's org unit id.
 */
export function groupKpisByChildUnit(
  unitId: Id,
  units: readonly OrgUnit[],
  kpis: readonly Kpi[],
  ownerUnitOf: (ownerId: Id) => Id | undefined,
): KpiUnitGroups {
  const children = childUnitsOf(unitId, units);
  const kpisByChild = new Map<Id, Kpi[]>(children.map((child) => [child.id, []]));
  const dir = directoryOf([], units);
  // Many KPIs share an owner unit: walk each unit's ancestry once.
  const childOfUnit = new Map<Id, Id | null>();
  const childFor = (ownerUnitId: Id): Id | null => {
    let childId = childOfUnit.get(ownerUnitId);
    if (childId === undefined) {
      const ancestry = orgUnitAncestry(ownerUnitId, dir);
      const at = ancestry.indexOf(unitId);
      // The entry just before the unit in the owner unit's ancestry is the child it lies under.
      const candidate = at > 0 ? ancestry[at - 1] : undefined;
      childId = candidate !== undefined && kpisByChild.has(candidate) ? candidate : null;
      childOfUnit.set(ownerUnitId, childId);
    }
    return childId;
  };

  const rest: Kpi[] = [];
  for (const kpi of kpis) {
    const ownerUnitId = ownerUnitOf(kpi.ownerId);
    const childId = ownerUnitId === undefined ? null : childFor(ownerUnitId);
    if (childId === null) rest.push(kpi);
    else kpisByChild.get(childId)?.push(kpi);
  }
  return { children: children.map((unit) => ({ unit, kpis: kpisByChild.get(unit.id) ?? [] })), rest };
}

/**
 * The mean of the owners' weighted KPI scores (0–100, up to 120 for
 * over-achievers): every person counts once, however many KPIs they carry, so
 * a team's figure is not the figure of its busiest member. `null` when no
 * owner has a score.
 */
export function averageOwnerScore(rollUp: Pick<KpiRollUp, 'byOwner'>): number | null {
  let sum = 0;
  let owners = 0;
  for (const { score } of rollUp.byOwner.values()) {
    if (score === null) continue;
    sum += score;
    owners += 1;
  }
  return owners > 0 ? sum / owners : null;
}

/** Each status's share of the KPIs counted, 0 to 1; all 0 when there are none. */
export function statusShares(statusCounts: Readonly<Record<KpiStatus, number>>): Record<KpiStatus, number> {
  const total = KPI_STATUSES.reduce((sum, status) => sum + statusCounts[status], 0);
  const shares = { healthy: 0, watch: 0, unhealthy: 0 };
  if (total > 0) for (const status of KPI_STATUSES) shares[status] = statusCounts[status] / total;
  return shares;
}

/** A person behind one or more of the KPIs that need attention. */
export interface KpiAttentionOwner {
  readonly ownerId: Id;
  /** Their KPIs in the attention list. */
  readonly flagged: number;
  /** Their whole plan in the unit: score, KPI count, statuses. */
  readonly plan: KpiOwnerRollUp;
}

/** Worst status first, then lowest completion, then name and id for a stable list. */
function compareNeedingAttention(a: AssessedKpi, b: AssessedKpi): number {
  return (
    KPI_STATUS_RANK[a.assessment.status] - KPI_STATUS_RANK[b.assessment.status] ||
    a.assessment.completion - b.assessment.completion ||
    compareText(a.kpi.name, b.kpi.name) ||
    compareText(a.kpi.id, b.kpi.id)
  );
}

/**
 * The KPIs that need attention, at most `limit` (default 10): every KPI that
 * is not healthy, worst status first, then lowest completion; and the people
 * behind them, each once, in the order of their worst KPI.
 *
 * Chosen from all the KPIs, not from the lowest completions: each KPI's
 * status follows its own thresholds, so a lenient KPI at 30 % can be healthy
 * while a strict one at 50 % is not, and the 30 % ones would crowd it out.
 */
export function kpisNeedingAttention(
  assessed: Iterable<AssessedKpi>,
  byOwner: ReadonlyMap<Id, KpiOwnerRollUp>,
  limit: number = DEFAULT_WORST_KPI_COUNT,
): {
  kpis: AssessedKpi[];
  owners: KpiAttentionOwner[];
} {
  const count = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : DEFAULT_WORST_KPI_COUNT;
  // A roll-up can hold thousands of KPIs: one pass, then sort only the ones not healthy.
  const unhealthy: AssessedKpi[] = [];
  if (count > 0) for (const entry of assessed) if (entry.assessment.status !== 'healthy') unhealthy.push(entry);
  const kpis = unhealthy.sort(compareNeedingAttention).slice(0, count);
  const flagged = new Map<Id, number>();
  for (const { kpi } of kpis) flagged.set(kpi.ownerId, (flagged.get(kpi.ownerId) ?? 0) + 1);
  const owners: KpiAttentionOwner[] = [];
  for (const [ownerId, flaggedCount] of flagged) {
    const plan = byOwner.get(ownerId);
    if (plan) owners.push({ ownerId, flagged: flaggedCount, plan });
  }
  return { kpis, owners };
}

/** One child unit's line of the breakdown. */
export interface KpiChildUnitRollUp {
  readonly unit: OrgUnit;
  readonly rollUp: KpiRollUp;
  /** {@link averageOwnerScore} of the unit. */
  readonly averageScore: number | null;
}

/** One person's line among the people who sit in the unit itself. */
export interface KpiMemberRollUp {
  readonly personId: Id;
  /** Their plan; `null` when they have no KPI in the cycle (that is worth seeing too). */
  readonly plan: KpiOwnerRollUp | null;
}

/**
 * Where the KPIs are heading: their statuses at the period's end, as their
 * forecasts project them. Mid-cycle this is the figure to act on: completion
 * is measured against the whole period's target, so halfway through most
 * KPIs are short of it today while many are on course to make it.
 */
export interface KpiForecastMix {
  readonly statusCounts: Readonly<Record<KpiStatus, number>>;
  /** KPIs with too few measurements to project (fewer than two). */
  readonly unforecast: number;
}

export interface KpiOrgUnitRollUp {
  readonly total: KpiRollUp;
  /** Each KPI's completion now, in the order given: for a chart of how completion spreads. */
  readonly completions: readonly number[];
  readonly forecast: KpiForecastMix;
  readonly averageScore: number | null;
  /** People who own at least one KPI counted. */
  readonly owners: number;
  readonly children: readonly KpiChildUnitRollUp[];
  /**
   * The people in the unit itself (for a team: the whole team), then owners
   * of KPIs counted in `rest` who are not among them.
   */
  readonly members: readonly KpiMemberRollUp[];
  readonly attention: { readonly kpis: readonly AssessedKpi[]; readonly owners: readonly KpiAttentionOwner[] };
}

/**
 * Rolls a unit's KPIs up: the total, each child unit, the people in the unit
 * itself, and what needs attention (at most `worst` KPIs, default 10).
 *
 * `kpis` are the KPIs of everyone in the unit and below (the adapter's
 * `listKpis({ orgUnitId })`); `owners` places them (any person records
 * holding at least the owners); `directMembers` are the people whose org
 * unit is the unit itself.
 */
export function rollUpOrgUnit(
  unitId: Id,
  input: {
    readonly units: readonly OrgUnit[];
    readonly kpis: readonly Kpi[];
    readonly owners: readonly Person[];
    readonly directMembers: readonly Person[];
  },
  period: Pick<Cycle, 'start' | 'end'>,
  now: Date,
  options: { worst?: number } = {},
): KpiOrgUnitRollUp {
  const total = rollUpKpis(input.kpis, period, now, options);
  const assessed: AssessedKpi[] = [];
  const completions: number[] = [];
  const forecastCounts = { healthy: 0, watch: 0, unhealthy: 0 };
  let unforecast = 0;
  for (const kpi of input.kpis) {
    const assessment = assessKpi(kpi, period, now);
    assessed.push({ kpi, assessment });
    completions.push(assessment.completion);
    const { forecast } = assessment;
    if (forecast) forecastCounts[forecast.status] += 1;
    else unforecast += 1;
  }
  const unitOf = new Map(input.owners.map((person) => [person.id, person.orgUnitId]));
  const groups = groupKpisByChildUnit(unitId, input.units, input.kpis, (ownerId) => unitOf.get(ownerId));
  const children = groups.children.map(({ unit, kpis }) => {
    // Only counts and scores are shown per unit: no worst list to sort.
    const rollUp = rollUpKpis(kpis, period, now, { worst: 0 });
    return { unit, rollUp, averageScore: averageOwnerScore(rollUp) };
  });

  const memberIds = input.directMembers.map((person) => person.id);
  const listed = new Set(memberIds);
  for (const kpi of groups.rest) {
    if (!listed.has(kpi.ownerId)) {
      listed.add(kpi.ownerId);
      memberIds.push(kpi.ownerId);
    }
  }
  // A member's plan is their whole plan in the unit, from the total (their KPIs are all in `rest`).
  const members = memberIds.map((personId) => ({ personId, plan: total.byOwner.get(personId) ?? null }));

  return {
    total,
    completions,
    forecast: { statusCounts: forecastCounts, unforecast },
    averageScore: averageOwnerScore(total),
    owners: total.byOwner.size,
    children,
    members,
    attention: kpisNeedingAttention(assessed, total.byOwner, options.worst),
  };
}
