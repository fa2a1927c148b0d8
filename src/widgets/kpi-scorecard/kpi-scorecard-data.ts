/**
 * What `<tandem-kpi-scorecard>` reads through the adapter for one scope: the
 * people it covers, their KPIs of the cycle, and what the rows point at —
 * the key results and goals KPIs were born from, the job profiles — plus
 * the management chains the permission rules need to offer actions.
 */
import type { DataAdapter } from '../../data/adapter.js';
import { ForbiddenError } from '../../data/errors.js';
import { defaultCycle } from '../../model/cycles.js';
import { directoryOver } from '../../model/org.js';
import { canViewKpi, type OrgDirectory } from '../../model/permissions.js';
import type { Cycle, Goal, Id, JobProfile, KeyResult, Kpi, OrgUnit, Person } from '../../model/records.js';
import { withManagementChains } from '../shared/management-chains.js';

/**
 * Whose KPIs the scorecard shows, from the `scope` attribute:
 * - `me` (also when absent): the signed-in person;
 * - `person:<id>`: one person;
 * - `team`: everyone who reports to the signed-in person, directly or
 *   further down (a manager's own KPIs are theirs, under `me`: on the team
 *   view they set plans, and nobody sets their own);
 * - `org-unit:<id>`: the people of a unit and every unit below it.
 */
export type KpiScope =
  | { readonly kind: 'me' }
  | { readonly kind: 'person'; readonly id: Id }
  | { readonly kind: 'team' }
  | { readonly kind: 'orgUnit'; readonly id: Id };

/** The scope a `scope` attribute names; `null` when it names none (the widget says so). */
export function parseScope(value: string | undefined): KpiScope | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'me') return { kind: 'me' };
  if (text === 'team') return { kind: 'team' };
  if (text.startsWith('person:') && text.length > 'person:'.length) return { kind: 'person', id: text.slice('person:'.length) };
  if (text.startsWith('org-unit:') && text.length > 'org-unit:'.length) return { kind: 'orgUnit', id: text.slice('org-unit:'.length) };
  return null;
}

/** True for the scopes about one person: no owner column, a personal score in the summary. */
export function isPersonScope(scope: KpiScope): boolean {
  return scope.kind === 'me' || scope.kind === 'person';
}

/** The scope as a file-name part: `me`, `person-p-0009`, `team`, `org-unit-ou-008`. */
export function scopeSlug(scope: KpiScope): string {
  const raw = scope.kind === 'person' ? `person-${scope.id}` : scope.kind === 'orgUnit' ? `org-unit-${scope.id}` : scope.kind;
  // Ids are opaque: keep them from adding path separators or characters file systems refuse.
  return raw.replace(/[^\p{L}\p{N}._-]+/gu, '-');
}

export class BadScopeError extends Error {
  constructor(readonly scope: string) {
    super(`<tandem-kpi-scorecard> scope="${scope}" names no scope: use me, team, person:<id> or org-unit:<id>.`);
  }
}

export interface KpiScorecardData {
  readonly scope: KpiScope;
  /** The cycle shown; `undefined` when the adapter has none. */
  readonly cycle: Cycle | undefined;
  /** The person a `me` or `person:` scope is about. */
  readonly subject: Person | undefined;
  /** The unit an `org-unit:` scope is about. */
  readonly orgUnit: OrgUnit | undefined;
  /** The people the scope covers whose KPIs the session may see, by name. */
  readonly members: readonly Person[];
  /** People in the scope whose KPIs the session may not see (an org unit beyond one's own line). */
  readonly hiddenCount: number;
  readonly kpis: readonly Kpi[];
  /** Members, their management chains and the authors of target changes, by id. */
  readonly people: ReadonlyMap<Id, Person>;
  /** Members and their management chains, for the permission rules on actions. */
  readonly directory: OrgDirectory;
  /** The members' goals of the cycle, and their key results: KPI sources and candidates to become KPIs. */
  readonly goals: ReadonlyMap<Id, Goal>;
  readonly keyResults: ReadonlyMap<Id, KeyResult>;
  readonly jobProfiles: ReadonlyMap<Id, JobProfile>;
}

/**
 * Up to this many owners, their goals are read owner by owner (an index
 * each); beyond, the cycle's goals are read once and filtered. The same
 * trade-off the store makes for KPIs.
 */
const GOALS_BY_OWNER_LIMIT = 20;

/**
 * Loads a scope for the signed-in person `actor`. A single person's KPIs the
 * actor may not see are refused (ForbiddenError with the rule's reason): an
 * empty list would tell them, wrongly, that the person has none.
 */
export async function loadKpiScorecard(
  adapter: DataAdapter,
  request: { cycleId: Id | undefined; scope: string | undefined; actor: Person },
  signal: AbortSignal,
): Promise<KpiScorecardData> {
  const scope = parseScope(request.scope);
  if (!scope) throw new BadScopeError(request.scope ?? '');
  const options = { signal };
  const { actor } = request;

  const [cycles, jobProfiles, scoped, units] = await Promise.all([
    adapter.listCycles(options),
    adapter.listJobProfiles(options),
    peopleOf(adapter, scope, actor, signal),
    // The unit's name labels the grid; an unknown unit fails here with NotFoundError, as it should.
    scope.kind === 'orgUnit' ? adapter.getOrgSubtree(scope.id, options) : Promise.resolve([]),
  ]);
  const cycle = request.cycleId ? cycles.find((candidate) => candidate.id === request.cycleId) : defaultCycle(cycles);

  const chained = await withManagementChains(adapter, [actor, ...scoped], signal);
  const directory = directoryOver(chained);
  const subject = isPersonScope(scope) ? scoped[0] : undefined;
  if (subject) {
    const decision = canViewKpi(actor, { ownerId: subject.id }, directory);
    if (!decision.allowed) throw new ForbiddenError('kpi.view', decision.reason);
  }
  const members = scoped.filter((person) => canViewKpi(actor, { ownerId: person.id }, directory).allowed);
  const ownerIds = members.map((person) => person.id);

  let kpis: Kpi[] = [];
  let goals: Goal[] = [];
  if (cycle && ownerIds.length > 0) {
    const cycleId = cycle.id;
    const owners = new Set(ownerIds);
    [kpis, goals] = await Promise.all([
      scope.kind === 'orgUnit' ? adapter.listKpis({ cycleId, orgUnitId: scope.id }, options) : adapter.listKpis({ cycleId, ownerIds }, options),
      ownerIds.length <= GOALS_BY_OWNER_LIMIT
        ? Promise.all(ownerIds.map((ownerId) => adapter.listGoals({ cycleId, ownerId }, options))).then((lists) => lists.flat())
        : adapter.listGoals({ cycleId }, options).then((all) => all.filter((goal) => owners.has(goal.ownerId))),
    ]);
    // The store's unit query and the people read above may disagree for a moment (someone moved): show the members'.
    kpis = kpis.filter((kpi) => owners.has(kpi.ownerId));
  }

  // The directory's people and the targets' authors (the directory stays as the rules need it).
  const people = new Map(chained);
  const authorIds = [...new Set(kpis.flatMap((kpi) => kpi.targetChanges.map((change) => change.authorId)))].filter((id) => !people.has(id));
  const [keyResults, authors] = await Promise.all([
    goals.length > 0 ? adapter.listKeyResults({ goalIds: goals.map((goal) => goal.id) }, options) : Promise.resolve([]),
    authorIds.length > 0 ? adapter.listPeople({ ids: authorIds }, options) : Promise.resolve([]),
  ]);
  for (const author of authors) people.set(author.id, author);

  return {
    scope,
    cycle,
    subject,
    orgUnit: units[0],
    members,
    hiddenCount: scoped.length - members.length,
    kpis,
    people,
    directory,
    goals: new Map(goals.map((goal) => [goal.id, goal])),
    keyResults: new Map(keyResults.map((keyResult) => [keyResult.id, keyResult])),
    jobProfiles: new Map(jobProfiles.map((profile) => [profile.id, profile])),
  };
}

/** The people a scope covers, before visibility. */
async function peopleOf(adapter: DataAdapter, scope: KpiScope, actor: Person, signal: AbortSignal): Promise<Person[]> {
  const options = { signal };
  switch (scope.kind) {
    case 'me':
      return [actor];
    case 'person':
      return [scope.id === actor.id ? actor : await adapter.getPerson(scope.id, options)];
    case 'team':
      return adapter.listReports(actor.id, { recursive: true }, options);
    case 'orgUnit':
      return adapter.listPeople({ orgUnitId: scope.id, includeSubunits: true }, options);
  }
}
