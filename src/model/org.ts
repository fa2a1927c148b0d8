/**
 * The organisation as the rules see it: who reports to whom, which unit sits
 * inside which. Pure lookups over people and org units, safe against bad data
 * (a manager loop or a unit that is its own parent never hangs a walk).
 */
import type { Id, OrgUnit, Person, Role } from './records.js';

/**
 * Looks people and org units up by id. The rules take this instead of arrays
 * so a store can back it with whatever it already holds in memory.
 */
export interface OrgDirectory {
  person(id: Id): Person | undefined;
  orgUnit(id: Id): OrgUnit | undefined;
}

/** A directory over the given people and org units, backed by Maps (lookups are O(1)). */
export function directoryOf(people: Iterable<Person>, orgUnits: Iterable<OrgUnit>): OrgDirectory {
  const peopleById = new Map<Id, Person>();
  for (const person of people) peopleById.set(person.id, person);
  const orgUnitsById = new Map<Id, OrgUnit>();
  for (const orgUnit of orgUnits) orgUnitsById.set(orgUnit.id, orgUnit);
  return directoryOver(peopleById, orgUnitsById);
}

/** A directory that looks up in maps already made, without copying them. */
export function directoryOver(peopleById: ReadonlyMap<Id, Person>, orgUnitsById: ReadonlyMap<Id, OrgUnit> = new Map()): OrgDirectory {
  return {
    person: (id) => peopleById.get(id),
    orgUnit: (id) => orgUnitsById.get(id),
  };
}

/**
 * The managers above a person, nearest first: their direct manager, that
 * manager's manager, and so on up to the head of the company.
 *
 * A manager id that is not in the directory is still listed (the record says
 * so) but ends the walk, since nothing is known above it. A loop in the data
 * ends the walk at the first repeat, and the person never appears in their own
 * chain.
 */
export function managementChain(personId: Id, dir: OrgDirectory): Id[] {
  const chain: Id[] = [];
  const seen = new Set<Id>([personId]);
  let managerId = dir.person(personId)?.managerId ?? null;
  while (managerId !== null && !seen.has(managerId)) {
    chain.push(managerId);
    seen.add(managerId);
    managerId = dir.person(managerId)?.managerId ?? null;
  }
  return chain;
}

/**
 * True when `managerId` is anywhere up `personId`'s management chain: a
 * manager leads their reports' reports too. Nobody is their own manager.
 */
export function isManagerOf(managerId: Id, personId: Id, dir: OrgDirectory): boolean {
  return managerId !== personId && managementChain(personId, dir).includes(managerId);
}

/** True when `managerId` is the person's direct manager (one step up, not the whole chain). */
export function isDirectManagerOf(managerId: Id, personId: Id, dir: OrgDirectory): boolean {
  return managerId !== personId && dir.person(personId)?.managerId === managerId;
}

/** The roles that carry HR's powers; an administrator has all of HR's. */
export const HR_ROLES = ['hr', 'admin'] as const satisfies readonly Role[];

/** True for HR and administrators. */
export function isHr(actor: Person): boolean {
  return actor.roles.some((role) => (HR_ROLES as readonly Role[]).includes(role));
}

/**
 * An org unit and the units above it, the unit itself first and the company
 * last. The given id is always listed, even when the directory does not know
 * it; a loop in the data ends the walk at the first repeat.
 */
export function orgUnitAncestry(orgUnitId: Id, dir: OrgDirectory): Id[] {
  const ancestry: Id[] = [orgUnitId];
  let parentId = dir.orgUnit(orgUnitId)?.parentId ?? null;
  while (parentId !== null && !ancestry.includes(parentId)) {
    ancestry.push(parentId);
    parentId = dir.orgUnit(parentId)?.parentId ?? null;
  }
  return ancestry;
}

/** True when `orgUnitId` is `ancestorId` or lies anywhere below it. */
export function isWithinOrgUnit(orgUnitId: Id, ancestorId: Id, dir: OrgDirectory): boolean {
  return orgUnitAncestry(orgUnitId, dir).includes(ancestorId);
}
