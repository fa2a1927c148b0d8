import { GOAL_STATUSES, type Goal, type GoalStatus, type Id, type OrgUnit, type Person } from './records.js';

/** Goal counts by status. */
export type GoalStatusCounts = Record<GoalStatus, number>;

/** One org unit with what it holds, counting every unit below it too. */
export interface OrgUnitSummary {
  unit: OrgUnit;
  /** 0 for the root units of the summary. */
  depth: number;
  leader: Person | undefined;
  /** People in this unit and every unit below it. */
  headcount: number;
  /** Goals owned in this unit and below, by status. */
  goals: GoalStatusCounts;
}

export interface OrgSummary {
  /** Units depth-first, parents before children, siblings in the order given. */
  rows: OrgUnitSummary[];
  people: number;
  goals: GoalStatusCounts;
}

function emptyCounts(): GoalStatusCounts {
  return Object.fromEntries(GOAL_STATUSES.map((status) => [status, 0])) as GoalStatusCounts;
}

/** Goals that count as live work: everything but archived goals. */
export function liveGoalCount(counts: GoalStatusCounts): number {
  return GOAL_STATUSES.reduce((sum, status) => (status === 'archived' ? sum : sum + counts[status]), 0);
}

/**
 * Head counts and goal counts per org unit, rolled up the org tree. Units
 * whose parent is not among `units` are roots (so a subtree summarises alone).
 * Units in a parent loop (bad data) are shown once, as roots.
 */
export function summariseOrg(units: readonly OrgUnit[], people: readonly Person[], goals: readonly Goal[]): OrgSummary {
  const unitIds = new Set(units.map((unit) => unit.id));
  const children = new Map<Id | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && unitIds.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(unit);
    children.set(parent, siblings);
  }

  const peopleById = new Map(people.map((person) => [person.id, person]));
  const directHeadcount = new Map<Id, number>();
  for (const person of people) directHeadcount.set(person.orgUnitId, (directHeadcount.get(person.orgUnitId) ?? 0) + 1);
  const directGoals = new Map<Id, GoalStatusCounts>();
  const totalGoals = emptyCounts();
  for (const goal of goals) {
    const counts = directGoals.get(goal.orgUnitId) ?? emptyCounts();
    counts[goal.status] += 1;
    directGoals.set(goal.orgUnitId, counts);
    totalGoals[goal.status] += 1;
  }

  const rows: OrgUnitSummary[] = [];
  const visited = new Set<Id>();
  const visit = (unit: OrgUnit, depth: number): OrgUnitSummary => {
    visited.add(unit.id);
    const row: OrgUnitSummary = {
      unit,
      depth,
      leader: unit.leaderId ? peopleById.get(unit.leaderId) : undefined,
      headcount: directHeadcount.get(unit.id) ?? 0,
      goals: { ...(directGoals.get(unit.id) ?? emptyCounts()) },
    };
    rows.push(row);
    for (const child of children.get(unit.id) ?? []) {
      if (visited.has(child.id)) continue;
      const childRow = visit(child, depth + 1);
      row.headcount += childRow.headcount;
      for (const status of GOAL_STATUSES) row.goals[status] += childRow.goals[status];
    }
    return row;
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Units caught in a parent loop have no root above them: show them anyway.
  for (const unit of units) if (!visited.has(unit.id)) visit(unit, 0);

  return { rows, people: people.length, goals: totalGoals };
}
