import type { DataAdapter } from '../../data/adapter.js';
import type { Id, Person } from '../../model/records.js';

/**
 * The people and every manager above them, by id, for the permission rules a
 * widget consults before offering an action (who manages whom). One request
 * per level of the hierarchy (a handful), rather than the whole company's
 * people. A map, so a directory can look up in it without a copy (see
 * `directoryOver`): tens of thousands of people for a company-wide goal tree.
 */
export async function withManagementChains(adapter: DataAdapter, people: readonly Person[], signal: AbortSignal): Promise<Map<Id, Person>> {
  const known = new Map<Id, Person>(people.map((person) => [person.id, person]));
  let missing = [...new Set(people.flatMap((person) => (person.managerId && !known.has(person.managerId) ? [person.managerId] : [])))];
  while (missing.length > 0) {
    const managers = await adapter.listPeople({ ids: missing }, { signal });
    for (const manager of managers) known.set(manager.id, manager);
    // A manager id the adapter does not return ends that chain (as `managementChain` does).
    missing = [...new Set(managers.flatMap((manager) => (manager.managerId && !known.has(manager.managerId) ? [manager.managerId] : [])))];
  }
  return known;
}
