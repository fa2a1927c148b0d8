/**
 * What `<tandem-kpi-rollup>` reads through the adapter for one org unit and
 * cycle, and the roll-up it derives from that.
 */
import type { DataAdapter } from '../../data/adapter.js';
import { NotFoundError } from '../../data/errors.js';
import { defaultCycle } from '../../model/cycles.js';
import { childUnitsOf, defaultRollUpUnit, rollUpOrgUnit, rollUpTrail, type KpiOrgUnitRollUp } from '../../model/kpi-rollup.js';
import { isHr } from '../../model/org.js';
import type { Cycle, Id, OrgUnit, Person, Session } from '../../model/records.js';

export interface KpiRollupData {
  cycles: Cycle[];
  /** `undefined` when there are no cycles at all. */
  cycle: Cycle | undefined;
  /** `undefined` when there are no org units at all. */
  unit: OrgUnit | undefined;
  /** The breadcrumb, from the top down to `unit`. */
  trail: OrgUnit[];
  /** `null` without a unit or a cycle: nothing to roll up. */
  rollUp: KpiOrgUnitRollUp | null;
  /** Owners, leaders and the unit's own people, by id. */
  people: ReadonlyMap<Id, Person>;
  /**
   * The session may see every KPI (HR). For anyone else the adapter leaves
   * out KPIs they may not see, and the widget says the figures are theirs.
   */
  seesAll: boolean;
}

export interface KpiRollupRequest {
  cycleId: Id | undefined;
  orgUnitId: Id | undefined;
  /** The signed-in person's session, when the widget has it already. */
  session: Session | undefined;
  now: Date;
  worst: number;
}

/**
 * Loads a unit's roll-up. Without `orgUnitId` the unit is the session's
 * default (see `defaultRollUpUnit`), so the session is read when not given.
 * A named unit or cycle that does not exist is a NotFoundError: the host
 * linked to something gone, and an empty roll-up would hide that.
 */
export async function loadKpiRollup(adapter: DataAdapter, request: KpiRollupRequest, signal: AbortSignal): Promise<KpiRollupData> {
  const options = { signal };
  const [cycles, units, session] = await Promise.all([
    adapter.listCycles(options),
    adapter.listOrgUnits(options),
    request.session || request.orgUnitId !== undefined ? Promise.resolve(request.session) : adapter.getSession(options),
  ]);

  const cycle = request.cycleId === undefined ? defaultCycle(cycles) : cycles.find((candidate) => candidate.id === request.cycleId);
  if (request.cycleId !== undefined && !cycle) throw new NotFoundError('cycle', request.cycleId);
  const home = session ? defaultRollUpUnit(session.person, units) : undefined;
  const unit = request.orgUnitId === undefined ? home : units.find((candidate) => candidate.id === request.orgUnitId);
  if (request.orgUnitId !== undefined && !unit) throw new NotFoundError('orgUnit', request.orgUnitId);

  const seesAll = session ? isHr(session.person) : false;
  const empty = { cycles, cycle, unit, trail: unit ? rollUpTrail(unit.id, home?.id, units) : [], seesAll };
  if (!unit || !cycle) return { ...empty, rollUp: null, people: new Map() };

  const [kpis, directMembers] = await Promise.all([
    adapter.listKpis({ orgUnitId: unit.id, cycleId: cycle.id }, options),
    adapter.listPeople({ orgUnitId: unit.id }, options),
  ]);
  const people = new Map(directMembers.map((person) => [person.id, person]));
  const leaderIds = [unit, ...childUnitsOf(unit.id, units)].flatMap((candidate) => (candidate.leaderId ? [candidate.leaderId] : []));
  // Only the people the page shows: a company of thousands is not read whole.
  const missing = [...new Set([...kpis.map((kpi) => kpi.ownerId), ...leaderIds])].filter((id) => !people.has(id));
  if (missing.length > 0) {
    for (const person of await adapter.listPeople({ ids: missing }, options)) people.set(person.id, person);
  }

  const rollUp = rollUpOrgUnit(
    unit.id,
    { units, kpis, owners: [...people.values()], directMembers },
    cycle,
    request.now,
    { worst: request.worst },
  );
  return { ...empty, rollUp, people };
}
