/**
 * What `<tandem-goal-tree>` reads through the adapter for one scope, and the
 * figures it derives from that: progress, confidence and pace rolled up the
 * cascade, each key result's forecast, and each goal's latest check-in.
 */
import type { DataAdapter, GoalSet } from '../../data/adapter.js';
import { defaultCycle } from '../../model/cycles.js';
import { withManagementChains } from '../shared/management-chains.js';
import { directoryOf, type OrgDirectory } from '../../model/org.js';
import { rollUpConfidence, rollUpProgress } from '../../model/progress.js';
import { assessKeyResults, isPaced, rollUpPace, type KeyResultAssessment, type PaceStatus } from '../../model/pace.js';
import type { Cycle, Goal, Id, IsoDateTime, KeyResult, Person, Strategy } from '../../model/records.js';

/**
 * Where the tree starts, from the `root` attribute:
 * - absent: the whole cycle;
 * - `goal:<id>`: a goal and everything cascading below it;
 * - `org-unit:<id>`: the goals of an org unit and the units below it;
 * - `person:<id>`: a person's goals with their ancestors up the cascade;
 * - `me`: the same for the signed-in person.
 */
export type GoalTreeScope =
  | { readonly kind: 'cycle' }
  | { readonly kind: 'goal'; readonly id: Id }
  | { readonly kind: 'orgUnit'; readonly id: Id }
  | { readonly kind: 'person'; readonly id: Id }
  | { readonly kind: 'me' };

const SCOPE_PREFIXES = [
  ['goal:', 'goal'],
  ['org-unit:', 'orgUnit'],
  ['person:', 'person'],
] as const;

/** The scope a `root` attribute names; `null` when it names none (the widget says so). */
export function parseRoot(root: string | undefined): GoalTreeScope | null {
  const value = root?.trim() ?? '';
  if (value === '') return { kind: 'cycle' };
  if (value === 'me') return { kind: 'me' };
  for (const [prefix, kind] of SCOPE_PREFIXES) {
    if (value.startsWith(prefix) && value.length > prefix.length) return { kind, id: value.slice(prefix.length) };
  }
  return null;
}

export interface GoalTreeData {
  cycle: Cycle | undefined;
  scope: GoalTreeScope;
  /** The goals and key results the tree shows. */
  goals: Goal[];
  keyResults: KeyResult[];
  strategies: Strategy[];
  /** Owners of the goals shown, by id. */
  people: Map<Id, Person>;
  /**
   * The owners and everyone up their management chains, for the permission
   * rules on actions (who may check in on a goal). No org units: the goal
   * actions built so far read only management chains.
   */
  directory: OrgDirectory;
  /** Each goal's progress, 0 to 1, rolled up over the whole cycle where the scope is part of it. */
  progress: Map<Id, number>;
  confidence: Map<Id, number | null>;
  pace: Map<Id, PaceStatus | null>;
  /** Key results' pace, for those of approved goals only (see {@link isPaced}). */
  keyResultPace: Map<Id, PaceStatus>;
  assessments: Map<Id, KeyResultAssessment>;
  /** The latest check-in on any of a goal's own key results. */
  lastCheckInAt: Map<Id, IsoDateTime>;
  /** The goals the scope is about (a person's own goals), to open the tree down to them. */
  focusGoalIds: Id[];
}


export class BadRootError extends Error {
  constructor(readonly root: string) {
    super(`<tandem-goal-tree> root="${root}" names no scope: use goal:<id>, org-unit:<id>, person:<id> or me.`);
  }
}

/**
 * Loads a scope. Progress, confidence and pace are rolled up over the whole
 * cycle's goals whenever the scope is a part of it whose ancestors have other
 * children (an org unit, a person's goals with their ancestors): rolled up
 * over the part alone, a company goal would show the progress of one branch
 * (see `rollUpByWeight`). A goal's subtree holds everything below its root, so
 * it is rolled up on its own. Figures count the goals the session may see.
 */
export async function loadGoalTree(
  adapter: DataAdapter,
  request: { cycleId: Id | undefined; root: string | undefined; sessionPersonId: Id | undefined; now: Date },
  signal: AbortSignal,
): Promise<GoalTreeData> {
  const options = { signal };
  const scope = parseRoot(request.root);
  if (!scope) throw new BadRootError(request.root ?? '');

  const cycles = await adapter.listCycles(options);
  let cycle: Cycle | undefined;
  let shown: GoalSet;
  let whole: GoalSet;
  let focusGoalIds: Id[] = [];

  if (scope.kind === 'goal') {
    shown = await adapter.getGoalSubtree(scope.id, options);
    whole = shown;
    const root = shown.goals.find((goal) => goal.id === scope.id);
    cycle = cycles.find((candidate) => candidate.id === root?.cycleId);
  } else {
    cycle = request.cycleId ? cycles.find((candidate) => candidate.id === request.cycleId) : defaultCycle(cycles);
    if (!cycle) return emptyData(scope, undefined);
    const cycleId = cycle.id;
    const cycleGoals = adapter.listGoals({ cycleId }, options);
    if (scope.kind === 'cycle') {
      const goals = await cycleGoals;
      shown = { goals, keyResults: await keyResultsOf(adapter, goals, signal) };
      whole = shown;
    } else if (scope.kind === 'orgUnit') {
      const [units, goals] = await Promise.all([adapter.getOrgSubtree(scope.id, options), cycleGoals]);
      whole = { goals, keyResults: await keyResultsOf(adapter, goals, signal) };
      const unitIds = new Set(units.map((unit) => unit.id));
      const inUnits = new Set(goals.filter((goal) => unitIds.has(goal.orgUnitId)).map((goal) => goal.id));
      shown = {
        goals: whole.goals.filter((goal) => inUnits.has(goal.id)),
        keyResults: whole.keyResults.filter((keyResult) => inUnits.has(keyResult.goalId)),
      };
    } else {
      const personId = scope.kind === 'me' ? request.sessionPersonId : scope.id;
      if (!personId) return emptyData(scope, cycle);
      const [own, goals] = await Promise.all([adapter.getPersonGoalsWithAncestors(personId, cycleId, options), cycleGoals]);
      shown = own;
      focusGoalIds = own.goals.filter((goal) => goal.ownerId === personId).map((goal) => goal.id);
      whole = { goals, keyResults: await keyResultsOf(adapter, goals, signal) };
    }
  }

  const ownerIds = [...new Set(shown.goals.map((goal) => goal.ownerId))];
  const [checkIns, people, strategies] = await Promise.all([
    whole.keyResults.length > 0
      ? adapter.listCheckIns({ keyResultIds: whole.keyResults.map((keyResult) => keyResult.id) }, options)
      : Promise.resolve([]),
    ownerIds.length > 0 ? adapter.listPeople({ ids: ownerIds }, options) : Promise.resolve([]),
    cycle ? adapter.listStrategies(cycle.id, options) : Promise.resolve([]),
  ]);

  const chains = request.sessionPersonId ? await withManagementChains(adapter, people, signal) : people;

  const assessments = cycle
    ? assessKeyResults(whole.keyResults, checkIns, cycle, request.now, { baselineAt: cycle.start })
    : new Map<Id, KeyResultAssessment>();
  const pacedGoalIds = new Set(whole.goals.filter(isPaced).map((goal) => goal.id));
  const paces = new Map<Id, PaceStatus>();
  for (const keyResult of whole.keyResults) {
    const assessment = assessments.get(keyResult.id);
    if (assessment && pacedGoalIds.has(keyResult.goalId)) paces.set(keyResult.id, assessment.pace);
  }

  const lastCheckInAt = new Map<Id, IsoDateTime>();
  for (const keyResult of shown.keyResults) {
    const at = keyResult.lastCheckIn?.at;
    const latest = lastCheckInAt.get(keyResult.goalId);
    if (at && (!latest || at > latest)) lastCheckInAt.set(keyResult.goalId, at);
  }

  return {
    cycle,
    scope,
    goals: shown.goals,
    keyResults: shown.keyResults,
    strategies,
    people: new Map(people.map((person) => [person.id, person])),
    directory: directoryOf(chains, []),
    progress: rollUpProgress(whole.goals, whole.keyResults),
    confidence: rollUpConfidence(whole.goals, whole.keyResults),
    pace: rollUpPace(whole.goals, whole.keyResults, paces),
    keyResultPace: paces,
    assessments,
    lastCheckInAt,
    focusGoalIds,
  };
}

function keyResultsOf(adapter: DataAdapter, goals: readonly Goal[], signal: AbortSignal): Promise<KeyResult[]> {
  if (goals.length === 0) return Promise.resolve([]);
  return adapter.listKeyResults({ goalIds: goals.map((goal) => goal.id) }, { signal });
}

function emptyData(scope: GoalTreeScope, cycle: Cycle | undefined): GoalTreeData {
  return {
    cycle,
    scope,
    goals: [],
    keyResults: [],
    strategies: [],
    people: new Map(),
    directory: directoryOf([], []),
    progress: new Map(),
    confidence: new Map(),
    pace: new Map(),
    keyResultPace: new Map(),
    assessments: new Map(),
    lastCheckInAt: new Map(),
    focusGoalIds: [],
  };
}
