/**
 * Progress: how far a key result has come from its start to its target, and
 * how key results and child goals add up to a goal's progress. Derived,
 * never stored (DESIGN.md: "Derived, never stored by hand: progress…").
 */
import { goalHierarchy, type GoalHierarchy } from './goal-tree.js';
import type { Goal, GoalStatus, Id, KeyResult } from './records.js';

/**
 * Child goals that take no part in their parent's roll-up: a rejected goal
 * is not agreed work, and an archived one was dropped. Their own progress is
 * still computed (their rows still show it).
 */
export const STATUSES_LEFT_OUT_OF_ROLL_UP = ['rejected', 'archived'] as const satisfies readonly GoalStatus[];

/**
 * A goal with both key results and child goals takes this share of its
 * progress from its children, the rest from its key results. Half and half,
 * because the records give neither precedence: a goal's key results sum to
 * 100% of it, and so do its children's weights. The same as weighing all of
 * them together by weight when both groups sum to 100.
 */
export const DEFAULT_CHILD_GOAL_SHARE = 0.5;

/**
 * How far a key result has come: 0 at its start, 1 at its target.
 *
 * - Direction-aware: for `decrease` the way runs downwards (start 500 ms,
 *   target 300 ms, current 400 ms → 0.5).
 * - Clamped to [0, 1]. Over-achievement counts as 1, because a goal's
 *   progress is a weighted average: one key result at 300% would hide two
 *   others at 0 and show the goal done when it is not. (A score that is
 *   meant to reward over-achievement should work from the values instead.)
 *   Moving the wrong way counts as 0, not as negative progress.
 * - `binary` has no partial credit: 1 once the target is reached, else 0.
 * - `milestone` counts milestones reached, like any number.
 * - A target equal to the start, or on the wrong side of it for the
 *   direction, gives 0: there is no way to measure along (validation refuses
 *   both; this covers records that slipped past it, say from an import).
 * - A value that is not a finite number gives 0.
 */
export function keyResultProgress(kr: Pick<KeyResult, 'metric' | 'start' | 'target' | 'current' | 'direction'>): number {
  const sign = kr.direction === 'decrease' ? -1 : 1;
  const span = (kr.target - kr.start) * sign;
  const gained = (kr.current - kr.start) * sign;
  // NaN fails every comparison, so bad numbers fall through to 0 here.
  if (!(span > 0) || !Number.isFinite(span) || !Number.isFinite(gained)) return 0;
  const ratio = gained / span;
  if (kr.metric === 'binary') return ratio >= 1 ? 1 : 0;
  return Math.min(1, Math.max(0, ratio));
}

/**
 * Weighted means of many groups at once, group `i` in slot `i` of typed
 * arrays (a roll-up keeps two per goal; 50,000 objects in maps cost more
 * than the arithmetic). Weights are shares in percent that should sum to
 * 100, but roll-ups divide by their actual total, so any total works; a
 * weight that is negative or not a number counts as 0 (it cannot be a share),
 * and when every weight in a group is 0 its values count equally (a goal
 * whose weights are not set yet still shows progress).
 */
class WeightedMeans {
  private readonly weighted: Float64Array;
  private readonly totalWeight: Float64Array;
  private readonly plain: Float64Array;
  private readonly count: Float64Array;

  constructor(groups: number) {
    this.weighted = new Float64Array(groups);
    this.totalWeight = new Float64Array(groups);
    this.plain = new Float64Array(groups);
    this.count = new Float64Array(groups);
  }

  add(group: number, value: number, weight: number): void {
    const usable = weight > 0 && Number.isFinite(weight) ? weight : 0;
    this.weighted[group] = (this.weighted[group] as number) + value * usable;
    this.totalWeight[group] = (this.totalWeight[group] as number) + usable;
    this.plain[group] = (this.plain[group] as number) + value;
    this.count[group] = (this.count[group] as number) + 1;
  }

  /** The group's mean; `null` when nothing was added to it. */
  meanOf(group: number): number | null {
    const count = this.count[group] as number;
    if (count === 0) return null;
    const totalWeight = this.totalWeight[group] as number;
    return totalWeight > 0 ? (this.weighted[group] as number) / totalWeight : (this.plain[group] as number) / count;
  }
}

/**
 * The weighted mean of `values` as roll-ups take it ({@link WeightedMeans}):
 * weights are re-normalised to their total, bad weights count as 0, all-zero
 * weights count equally. `null` for an empty list.
 */
export function weightedMean(items: readonly { readonly value: number; readonly weight: number }[]): number | null {
  const mean = new WeightedMeans(1);
  for (const item of items) mean.add(0, item.value, item.weight);
  return mean.meanOf(0);
}

export interface RollUpOptions {
  /**
   * `goalHierarchy(goals)`, when the caller already has it: several roll-ups
   * over the same goals then arrange them once. It must be of these goals.
   */
  hierarchy?: GoalHierarchy;
  /**
   * Share (0 to 1) of a goal's figure taken from its child goals when it has
   * both key results and child goals. Default {@link DEFAULT_CHILD_GOAL_SHARE}.
   * 0 follows the classic OKR reading (an objective is measured by its own key
   * results alone), 1 the cascade's; either way a goal with only one of the
   * two takes all of its figure from that one.
   */
  childGoalShare?: number;
}

function childGoalShareOf(options: RollUpOptions): number {
  const share = options.childGoalShare;
  if (share === undefined || !Number.isFinite(share)) return DEFAULT_CHILD_GOAL_SHARE;
  return Math.min(1, Math.max(0, share));
}

const LEFT_OUT: ReadonlySet<GoalStatus> = new Set(STATUSES_LEFT_OUT_OF_ROLL_UP);

/**
 * Rolls a figure of key results up the goal cascade: the engine under
 * {@link rollUpProgress}, {@link rollUpConfidence} and pace.
 *
 * A goal's figure is the weighted mean of its key results' figures (by
 * `KeyResult.weight`) combined with the weighted mean of its child goals'
 * figures (by `Goal.weight`), as {@link RollUpOptions.childGoalShare} says.
 * Each group is weighed within itself (see {@link weightedMean}), so weights
 * that miss 100 in one group do not tilt the balance between the two.
 * A key result whose figure is `null` and a child whose figure is `null`
 * are left out, and the others' weights are re-normalised; child goals with
 * a status in {@link STATUSES_LEFT_OUT_OF_ROLL_UP} are left out too. A goal
 * with nothing left gets `emptyValue`.
 *
 * Linear in goals plus key results: key results are grouped by goal once,
 * and goals are visited children first along {@link goalHierarchy}'s order
 * (which also makes parent loops harmless). Goals whose parent is not in
 * `goals` are roots, so pass the whole cycle's goals to get complete figures,
 * then show a subset: a parent rolled up from a subset reflects only that.
 */
export function rollUpByWeight<E extends number | null>(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  valueOfKeyResult: (keyResult: KeyResult) => number | null,
  emptyValue: E,
  options: RollUpOptions = {},
): Map<Id, number | E> {
  return runSteps(rollUpByWeightSteps(goals, keyResults, valueOfKeyResult, emptyValue, options));
}

/** Goals or key results rolled up between two yields of {@link rollUpByWeightSteps}: a few milliseconds' work. */
const ROLL_UP_SLICE = 10_000;

/**
 * {@link rollUpByWeight} in slices: yields after every 10,000 key results or
 * goals, and returns the figures. For a caller that gives the browser a turn
 * between slices (50,000 goals roll up in 150–250 ms on a cold page).
 */
export function* rollUpByWeightSteps<E extends number | null>(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  valueOfKeyResult: (keyResult: KeyResult) => number | null,
  emptyValue: E,
  options: RollUpOptions = {},
): Generator<void, Map<Id, number | E>> {
  const childShare = childGoalShareOf(options);
  const hierarchy = options.hierarchy ?? goalHierarchy(goals);
  const arranged = hierarchy.goals;

  const own = new WeightedMeans(arranged.length);
  for (let at = 0; at < keyResults.length; at += 1) {
    const keyResult = keyResults[at] as KeyResult;
    const index = hierarchy.indexOf.get(keyResult.goalId);
    if (index !== undefined) {
      const value = valueOfKeyResult(keyResult);
      if (value !== null) own.add(index, value, keyResult.weight);
    }
    if ((at + 1) % ROLL_UP_SLICE === 0) yield;
  }

  const fromChildren = new WeightedMeans(arranged.length);
  const result = new Map<Id, number | E>();
  // Parents come before children in `order`, so backwards every child is done before its parent.
  for (let at = hierarchy.order.length - 1; at >= 0; at -= 1) {
    const index = hierarchy.order[at] as number;
    const goal = arranged[index] as Goal;
    const ownValue = own.meanOf(index);
    const childValue = fromChildren.meanOf(index);
    const value: number | E =
      ownValue !== null && childValue !== null
        ? ownValue * (1 - childShare) + childValue * childShare
        : (ownValue ?? childValue ?? emptyValue);
    result.set(goal.id, value);

    const parentIndex = hierarchy.parent[index] as number;
    if (parentIndex !== -1 && value !== null && !LEFT_OUT.has(goal.status)) fromChildren.add(parentIndex, value, goal.weight);
    if (at % ROLL_UP_SLICE === 0 && at > 0) yield;
  }
  return result;
}

/** Runs a stepwise computation to its end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Progress of every goal in `goals`, 0 to 1, rolled up from key results (by
 * {@link keyResultProgress}) and child goals as {@link rollUpByWeight} says.
 * A goal with neither key results nor counted children has progress 0, and
 * counts as 0 in its parent: work planned but not yet measured is not done.
 */
export function rollUpProgress(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  options: RollUpOptions = {},
): Map<Id, number> {
  return rollUpByWeight(goals, keyResults, keyResultProgress, 0, options);
}

/**
 * Confidence of every goal in `goals`, 0 to 1: the weighted mean of its key
 * results' latest check-in confidence, combined with its children's as
 * {@link rollUpByWeight} says. Key results never checked in have no
 * confidence to give and are left out (their weight goes to the others);
 * `null` when nothing below a goal has been checked in.
 */
export function rollUpConfidence(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  options: RollUpOptions = {},
): Map<Id, number | null> {
  return rollUpByWeight(goals, keyResults, keyResultConfidence, null, options);
}

/** A key result's latest check-in confidence, 0 to 1; `null` when it was never checked in (what {@link rollUpConfidence} rolls up). */
export function keyResultConfidence(keyResult: KeyResult): number | null {
  const confidence = keyResult.lastCheckIn?.confidence;
  return confidence !== undefined && Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : null;
}
