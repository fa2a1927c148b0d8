/**
 * What `<tandem-goal-tree>` reads through the adapter for one scope, and the
 * figures it derives from that: progress, confidence and pace rolled up the
 * cascade, each key result's forecast, and each goal's latest check-in.
 *
 * In two steps: `loadGoalTree` reads what the rows show (goals, key results,
 * owners), so the tree can paint; `loadGoalTreeFigures` then reads the
 * check-ins and derives the figures after that paint, in slices that leave
 * the page responsive. Deriving them for 10,000 goals took two thirds of the
 * time to the first frame when it came first.
 */
import type { DataAdapter, GoalSet } from '../../data/adapter.js';
import { defaultCycle } from '../../model/cycles.js';
import { withManagementChains } from '../shared/management-chains.js';
import { directoryOf, directoryOver, type OrgDirectory } from '../../model/org.js';
import { goalHierarchy } from '../../model/goal-tree.js';
import { keyResultConfidence, keyResultProgress, rollUpByWeightSteps } from '../../model/progress.js';
import { afterNextPaint, yieldToBrowser } from '../shared/frames.js';
import { assessKeyResult, isPaced, rollUpPaceSteps, type KeyResultAssessment, type PaceStatus } from '../../model/pace.js';
import type { CheckIn, Cycle, Goal, Id, IsoDateTime, KeyResult, Person, Strategy } from '../../model/records.js';

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
  /** The whole cycle's goals and key results where the scope is part of it: figures roll up over these (see `loadGoalTree`). */
  whole: GoalSet;
  /** Owners of the goals shown, by id. */
  people: Map<Id, Person>;
  /**
   * The owners and everyone up their management chains, for the permission
   * rules on actions (who may check in on a goal). No org units: the goal
   * actions built so far read only management chains.
   */
  directory: OrgDirectory;
  /** The goals the scope is about (a person's own goals), to open the tree down to them. */
  focusGoalIds: Id[];
}

/** What the tree derives from a {@link GoalTreeData} and the check-ins of its key results. */
export interface GoalTreeFigures {
  /** Each goal's progress, 0 to 1, rolled up over the whole cycle where the scope is part of it. */
  progress: Map<Id, number>;
  confidence: Map<Id, number | null>;
  pace: Map<Id, PaceStatus | null>;
  /** Key results' pace, for those of approved goals only (see {@link isPaced}). */
  keyResultPace: Map<Id, PaceStatus>;
  assessments: Map<Id, KeyResultAssessment>;
  /** The latest check-in on any of a goal's own key results. */
  lastCheckInAt: Map<Id, IsoDateTime>;
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
      if (!personId) {
        // No one is signed in to be "me": the read of the cycle started above is dropped, its failure with it.
        cycleGoals.catch(() => undefined);
        return emptyData(scope, cycle);
      }
      const [own, goals] = await Promise.all([adapter.getPersonGoalsWithAncestors(personId, cycleId, options), cycleGoals]);
      shown = own;
      focusGoalIds = own.goals.filter((goal) => goal.ownerId === personId).map((goal) => goal.id);
      whole = { goals, keyResults: await keyResultsOf(adapter, goals, signal) };
    }
  }

  const ownerIds = [...new Set(shown.goals.map((goal) => goal.ownerId))];
  const [people, strategies] = await Promise.all([
    ownerIds.length > 0 ? adapter.listPeople({ ids: ownerIds }, options) : Promise.resolve([]),
    cycle ? adapter.listStrategies(cycle.id, options) : Promise.resolve([]),
  ]);
  const directory = request.sessionPersonId ? directoryOver(await withManagementChains(adapter, people, signal)) : directoryOf(people, []);

  return {
    cycle,
    scope,
    goals: shown.goals,
    keyResults: shown.keyResults,
    whole,
    strategies,
    people: new Map(people.map((person) => [person.id, person])),
    directory,
    focusGoalIds,
  };
}

/** Key results assessed (or check-ins grouped) per slice before the browser gets a turn: a few milliseconds' work. */
const ASSESSED_PER_SLICE = 2_000;

/**
 * The figures of loaded data, step by step: each `yield` is a point where
 * the browser may take a turn (see {@link loadGoalTreeFigures}).
 */
function* figureSteps(data: GoalTreeData, checkIns: readonly CheckIn[], now: Date): Generator<void, GoalTreeFigures> {
  const { whole, cycle } = data;
  const lastCheckInAt = new Map<Id, IsoDateTime>();
  for (const keyResult of data.keyResults) {
    const at = keyResult.lastCheckIn?.at;
    const latest = lastCheckInAt.get(keyResult.goalId);
    if (at && (!latest || at > latest)) lastCheckInAt.set(keyResult.goalId, at);
  }
  // Arranged once for the three roll-ups.
  const hierarchy = goalHierarchy(whole.goals);
  yield;
  const progress = yield* rollUpByWeightSteps(whole.goals, whole.keyResults, keyResultProgress, 0, { hierarchy });
  const confidence = yield* rollUpByWeightSteps(whole.goals, whole.keyResults, keyResultConfidence, null, { hierarchy });

  const assessments = new Map<Id, KeyResultAssessment>();
  if (cycle) {
    const checkInsByKeyResult = new Map<Id, CheckIn[]>();
    for (let at = 0; at < checkIns.length; at += 1) {
      const checkIn = checkIns[at] as CheckIn;
      const list = checkInsByKeyResult.get(checkIn.keyResultId);
      if (list) list.push(checkIn);
      else checkInsByKeyResult.set(checkIn.keyResultId, [checkIn]);
      if ((at + 1) % ASSESSED_PER_SLICE === 0) yield;
    }
    const options = { baselineAt: cycle.start };
    for (let from = 0; from < whole.keyResults.length; from += ASSESSED_PER_SLICE) {
      for (const keyResult of whole.keyResults.slice(from, from + ASSESSED_PER_SLICE)) {
        assessments.set(keyResult.id, assessKeyResult(keyResult, checkInsByKeyResult.get(keyResult.id) ?? [], cycle, now, options));
      }
      yield;
    }
  }
  const pacedGoalIds = new Set(whole.goals.filter(isPaced).map((goal) => goal.id));
  const keyResultPace = new Map<Id, PaceStatus>();
  for (const keyResult of whole.keyResults) {
    const assessment = assessments.get(keyResult.id);
    if (assessment && pacedGoalIds.has(keyResult.goalId)) keyResultPace.set(keyResult.id, assessment.pace);
  }
  yield;
  const pace = yield* rollUpPaceSteps(whole.goals, whole.keyResults, keyResultPace, { hierarchy });
  return { progress, confidence, pace, keyResultPace, assessments, lastCheckInAt };
}

/**
 * Reads the check-ins of loaded data and derives its figures. `stepwise`
 * (the widget's way) starts after the next paint and gives the browser a
 * turn between steps, so the tree is on screen and answers keys meanwhile;
 * otherwise everything runs at once (a caller that shows nothing until the
 * figures are there).
 */
export async function loadGoalTreeFigures(
  adapter: DataAdapter,
  data: GoalTreeData,
  now: Date,
  signal: AbortSignal,
  options: { stepwise?: boolean } = {},
): Promise<GoalTreeFigures> {
  const stepwise = options.stepwise ?? true;
  if (stepwise) await afterNextPaint(signal);
  const keyResultIds = data.whole.keyResults.map((keyResult) => keyResult.id);
  const checkIns = keyResultIds.length > 0 ? await adapter.listCheckIns({ keyResultIds }, { signal }) : [];
  const steps = figureSteps(data, checkIns, now);
  for (;;) {
    const step = steps.next();
    // A last turn before the figures are handed over: showing them (a render of the rows in view) is a task of its own.
    if (stepwise) await yieldToBrowser(signal);
    if (step.done) return step.value;
  }
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
    whole: { goals: [], keyResults: [] },
    strategies: [],
    people: new Map(),
    directory: directoryOf([], []),
    focusGoalIds: [],
  };
}
