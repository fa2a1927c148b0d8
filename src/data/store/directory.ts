/**
 * The organisation held in memory for permission checks: every rule needs
 * people and units, and an IndexedDB transaction may not wait for anything
 * but its own requests, so the directory is loaded before a write starts and
 * kept until people or units change (here or in another tab).
 */
import type { Id, OrgUnit, Person } from '../../model/records.js';
import type { OrgDirectory } from '../../model/permissions.js';

/** People and org units in memory, with the lookups the store's queries and rules need. */
export interface Directory extends OrgDirectory {
  readonly people: readonly Person[];
  readonly orgUnits: readonly OrgUnit[];
  /** Direct reports of a manager. */
  reportsOf(managerId: Id): Person[];
  /** Units directly below a unit. */
  childUnitsOf(orgUnitId: Id): OrgUnit[];
  /** A unit and every unit below it, parents before children. */
  subtreeOf(orgUnitId: Id): OrgUnit[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => Id | null): Map<Id, T[]> {
  const groups = new Map<Id, T[]>();
  for (const item of items) {
    const value = key(item);
    if (value === null) continue;
    let group = groups.get(value);
    if (!group) groups.set(value, (group = []));
    group.push(item);
  }
  return groups;
}

/** Builds the lookups once; every query after that is a Map access. */
export function buildDirectory(people: readonly Person[], orgUnits: readonly OrgUnit[]): Directory {
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const unitsById = new Map(orgUnits.map((unit) => [unit.id, unit]));
  const reports = groupBy(people, (person) => person.managerId);
  const children = groupBy(orgUnits, (unit) => unit.parentId);
  return {
    people,
    orgUnits,
    person: (id) => peopleById.get(id),
    orgUnit: (id) => unitsById.get(id),
    reportsOf: (managerId) => reports.get(managerId) ?? [],
    childUnitsOf: (orgUnitId) => children.get(orgUnitId) ?? [],
    subtreeOf(orgUnitId) {
      const root = unitsById.get(orgUnitId);
      if (!root) return [];
      const result: OrgUnit[] = [root];
      const seen = new Set<Id>([root.id]);
      // Breadth first, so parents come before children; `seen` guards against loops in data.
      for (let i = 0; i < result.length; i += 1) {
        for (const child of children.get(result[i]!.id) ?? []) {
          if (seen.has(child.id)) continue;
          seen.add(child.id);
          result.push(child);
        }
      }
      return result;
    },
  };
}
