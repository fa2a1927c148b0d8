/**
 * The goal cascade as a tree, and the list a virtualized tree view shows.
 *
 * A virtualized tree keeps only the rows in view in the DOM, so it cannot
 * render a nested structure: it virtualizes one flat list of the rows that
 * are visible (every ancestor expanded), each carrying the `aria-level`,
 * `aria-setsize` and `aria-posinset` the browser cannot compute for rows that
 * are not in the DOM (WAI-ARIA APG, tree view). These helpers build that
 * list, and the search that keeps the matches' ancestors in view.
 *
 * Everything here is linear in the number of goals and key results (one
 * grouping pass, then iterative walks; sorting siblings is the only
 * n·log n step, done for a node when its children are first read) and never
 * recurses, so 50,000 goals or a deep chain cannot overflow the stack, and
 * bad data (a parent loop) cannot hang it.
 */
import { GOAL_LEVELS, type Goal, type GoalLevel, type Id, type KeyResult, type Strategy } from './records.js';

// ── The cascade, safe against bad parent ids ───────────────────────────────

/**
 * Goals arranged by their `parentId`s, with bad links resolved (see
 * {@link goalHierarchy}). Numbers, not maps: goals are referred to by their
 * index in `goals`, and lists are typed arrays, because roll-ups and the tree
 * walk this for 50,000 goals on every change and map lookups dominated.
 */
export interface GoalHierarchy {
  /** The goals arranged, in input order, each id once. The numbers below are indices into this list. */
  readonly goals: readonly Goal[];
  /** Each goal's index in `goals`, by id. */
  readonly indexOf: ReadonlyMap<Id, number>;
  /** Each goal's parent in the tree; -1 for a root. */
  readonly parent: Int32Array;
  /** 0 for roots. */
  readonly depth: Int32Array;
  /** The roots, in input order. */
  readonly roots: Int32Array;
  /** Every goal once, each parent before its children (depth-first, children in input order). */
  readonly order: Int32Array;
  /**
   * Goal `i`'s children in the tree, in input order, are
   * `children.subarray(childStart[i], childStart[i + 1])`.
   */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
}

/**
 * Arranges goals into a tree by their `parentId`s, in linear time.
 *
 * - A goal whose parent is `null`, itself, or not among `goals` is a root, so
 *   a subtree or "my goals with their ancestors" arranges on its own.
 * - Goals in a parent loop (A under B under A, bad data) would otherwise
 *   belong to no root. Walking up from the first of them in input order, the
 *   goal where the walk meets itself again becomes a root, which breaks the
 *   loop; so every goal appears exactly once, and nothing walks forever.
 * - A repeated id keeps its first goal; later copies are ignored.
 */
export function goalHierarchy(goals: readonly Goal[]): GoalHierarchy {
  const indexOf = new Map<Id, number>();
  const unique: Goal[] = [];
  for (const goal of goals) {
    if (indexOf.has(goal.id)) continue;
    indexOf.set(goal.id, unique.length);
    unique.push(goal);
  }
  const count = unique.length;

  const parent = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    const parentId = (unique[index] as Goal).parentId;
    const parentIndex = parentId === null ? undefined : indexOf.get(parentId);
    parent[index] = parentIndex === undefined || parentIndex === index ? -1 : parentIndex;
  }

  // Break loops: walk up from each goal not yet known to reach a root. The
  // walk stops at a root or at a goal already settled; meeting a goal on the
  // current walk again means a loop, and that goal becomes a root.
  const UNKNOWN = 0;
  const ON_WALK = 1;
  const SETTLED = 2;
  const state = new Uint8Array(count);
  const walk = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    let length = 0;
    let at = index;
    while (at !== -1 && state[at] === UNKNOWN) {
      state[at] = ON_WALK;
      walk[length] = at;
      length += 1;
      at = parent[at] as number;
    }
    if (at !== -1 && state[at] === ON_WALK) parent[at] = -1;
    for (let step = 0; step < length; step += 1) state[walk[step] as number] = SETTLED;
  }

  // Children lists packed into one array (counting sort by parent), in input order.
  const childStart = new Int32Array(count + 1);
  let rootCount = 0;
  for (let index = 0; index < count; index += 1) {
    const parentIndex = parent[index] as number;
    if (parentIndex === -1) rootCount += 1;
    else childStart[parentIndex + 1] = (childStart[parentIndex + 1] as number) + 1;
  }
  for (let index = 0; index < count; index += 1) {
    childStart[index + 1] = (childStart[index + 1] as number) + (childStart[index] as number);
  }
  const children = new Int32Array(count - rootCount);
  const roots = new Int32Array(rootCount);
  const fill = childStart.slice(0, count);
  for (let index = 0, root = 0; index < count; index += 1) {
    const parentIndex = parent[index] as number;
    if (parentIndex === -1) {
      roots[root] = index;
      root += 1;
    } else {
      const at = fill[parentIndex] as number;
      children[at] = index;
      fill[parentIndex] = at + 1;
    }
  }

  return new ArrangedGoals(unique, indexOf, parent, roots, childStart, children);
}

/**
 * {@link GoalHierarchy} with its depth-first order and depths worked out when
 * first read: a tree view paints before it needs them (roll-ups read them).
 */
class ArrangedGoals implements GoalHierarchy {
  private walked: { order: Int32Array; depth: Int32Array } | undefined;

  constructor(
    readonly goals: readonly Goal[],
    readonly indexOf: ReadonlyMap<Id, number>,
    readonly parent: Int32Array,
    readonly roots: Int32Array,
    readonly childStart: Int32Array,
    readonly children: Int32Array,
  ) {}

  get order(): Int32Array {
    return (this.walked ??= this.walk()).order;
  }

  get depth(): Int32Array {
    return (this.walked ??= this.walk()).depth;
  }

  // Depth-first, iteratively: a chain 50,000 goals deep must not overflow the call stack.
  private walk(): { order: Int32Array; depth: Int32Array } {
    const { roots, childStart, children } = this;
    const count = this.goals.length;
    const order = new Int32Array(count);
    const depth = new Int32Array(count);
    const stack = new Int32Array(count);
    let placed = 0;
    for (let root = 0; root < roots.length; root += 1) {
      stack[0] = roots[root] as number;
      let height = 1;
      while (height > 0) {
        height -= 1;
        const index = stack[height] as number;
        order[placed] = index;
        placed += 1;
        const childDepth = (depth[index] as number) + 1;
        for (let at = (childStart[index + 1] as number) - 1; at >= (childStart[index] as number); at -= 1) {
          const child = children[at] as number;
          depth[child] = childDepth;
          stack[height] = child;
          height += 1;
        }
      }
    }
    return { order, depth };
  }
}

// ── The forest a tree view shows ──────────────────────────────────────────

/**
 * A node's key, unique in its forest. Goals and key results live in separate
 * stores whose ids may coincide (a vendor's server may number both from 1),
 * so keys name the kind: `goal:<id>`, `keyResult:<id>`.
 */
export type NodeKey = string;

export const GOAL_TREE_NODE_KINDS = ['goal', 'keyResult'] as const;
export type GoalTreeNodeKind = (typeof GOAL_TREE_NODE_KINDS)[number];

/** The key of a goal's node. */
export function goalNodeKey(goalId: Id): NodeKey {
  return `goal:${goalId}`;
}

/** The key of a key result's node. */
export function keyResultNodeKey(keyResultId: Id): NodeKey {
  return `keyResult:${keyResultId}`;
}

interface GoalTreeNodeBase {
  /** Unique in the forest; use it to key rows, expansion and filters. */
  readonly key: NodeKey;
  /** The record's own id, for events and adapter calls. */
  readonly id: Id;
  /** The parent in this forest; `null` for roots (whatever the record's `parentId` says). */
  readonly parentKey: NodeKey | null;
  /**
   * Key results first (they measure this goal), then child goals; each group
   * sorted (see {@link buildGoalForest}), on first read for goals.
   */
  readonly children: readonly GoalTreeNode[];
  /** 0 for roots. */
  readonly depth: number;
}

export interface GoalNode extends GoalTreeNodeBase {
  readonly kind: 'goal';
  readonly goal: Goal;
}

export interface KeyResultNode extends GoalTreeNodeBase {
  readonly kind: 'keyResult';
  readonly keyResult: KeyResult;
  readonly parentKey: NodeKey;
}

/** One goal or key result in a {@link GoalForest}. */
export type GoalTreeNode = GoalNode | KeyResultNode;

export interface GoalForest {
  /** Root goals, sorted as siblings are. */
  readonly roots: readonly GoalNode[];
  /** Every node by key, parents before children. */
  readonly nodes: ReadonlyMap<NodeKey, GoalTreeNode>;
}

export interface GoalForestOptions {
  /**
   * The language titles are sorted in (a BCP 47 tag, e.g. `zh-CN` sorts by
   * pinyin). Default `en`, not the browser's, so the order does not change
   * from one machine to the next.
   */
  locale?: string;
  /**
   * Take `keyResults` to come grouped by goal, in the order of `goals`, as
   * stores list them: a goal's are then found by a binary search when its row
   * needs them, and none is read before. Call {@link confirmKeyResultOrder}
   * once the rows are on screen; if they did not come so, build the forest
   * again without this option.
   */
  keyResultsInGoalOrder?: boolean;
}

/** One frozen empty list for every leaf, rather than an empty array each. */
const NO_CHILDREN: readonly GoalTreeNode[] = Object.freeze([]);

const LEVEL_RANK: ReadonlyMap<GoalLevel, number> = new Map(GOAL_LEVELS.map((level, index) => [level, index]));

/** Company first, individual last; a level the kit does not know after them all. */
function levelRank(level: GoalLevel): number {
  return LEVEL_RANK.get(level) ?? GOAL_LEVELS.length;
}

/** A weight as a sort key: bad data (NaN) would make the sort order undefined. */
function sortWeight(weight: number): number {
  return Number.isFinite(weight) ? weight : 0;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A forest built on demand. Arranging goals by parent is linear and cheap
 * (typed arrays, see {@link goalHierarchy}); what cost most was everything
 * else done for every goal and key result up front: a node object and a
 * string key each, a map of them all, and sorting every goal's children by
 * collated title (some 300,000 comparisons for 50,000 goals, 0.4–1.6 µs each
 * in Chromium). Here a node is made when it is first read, and a goal sorts
 * its children when they are first read, so a tree view that shows a few
 * dozen rows pays for those (and for its open rows' child counts).
 */
class LazyForest implements GoalForest {
  readonly nodes: ForestNodes;
  private readonly goalNodes: (ForestGoalNode | undefined)[];
  private readonly keyResultNodes: (KeyResultNode | undefined)[];
  /**
   * Indices into `keyResults` of each goal's key results (the first of an id
   * repeated under it), by goal index: all made up front, or with `runs`,
   * each goal's when first read.
   */
  private readonly keyResultsOfGoal: (readonly number[] | undefined)[];
  /**
   * Where each goal's key results are in `keyResults` when they come as one
   * run per goal: scanned, or searched for while their order is only assumed;
   * `null` when they do not.
   */
  private runs: KeyResultRuns | null;
  /** `undefined` while the order `keyResultsInGoalOrder` assumed is unchecked; then whether the answers given held. */
  private orderHeld: boolean | undefined;
  /** Each kept key result's goal index, by its index in `keyResults`; -1 when left out. With `runs`, made when first needed. */
  private goalIndexOfKeyResult: Int32Array | undefined;
  /** Kept key results by id, made when a key result is first looked up by key: hashing 30,000 ids cost more than the rest of building. */
  private keyResultIndex: Map<Id, number> | undefined;
  private readonly collator: Intl.Collator;
  private sortedRoots: readonly GoalNode[] | undefined;
  private depths: Int32Array | undefined;

  constructor(
    readonly hierarchy: GoalHierarchy,
    readonly keyResults: readonly KeyResult[],
    locale: string,
    assumeGoalOrder: boolean,
  ) {
    // Numbers by their value: "KR 2" before "KR 10", 第2 before 第10.
    this.collator = new Intl.Collator(locale, { numeric: true });
    const count = hierarchy.goals.length;
    this.goalNodes = new Array<ForestGoalNode | undefined>(count);
    this.keyResultNodes = new Array<KeyResultNode | undefined>(keyResults.length);
    this.keyResultsOfGoal = new Array<readonly number[] | undefined>(count);
    if (assumeGoalOrder) {
      this.runs = searchedRuns(hierarchy, keyResults);
    } else {
      this.orderHeld = true;
      this.runs = keyResultRuns(hierarchy, keyResults);
      if (!this.runs) this.goalIndexOfKeyResult = this.listEveryGoalsKeyResults();
    }
    this.nodes = new ForestNodes(this);
  }

  /**
   * Reads every key result once, to check the order they were assumed to come
   * in: whether the answers given held. If not, the forest starts over on
   * what the key results really are, and its earlier nodes are stale.
   */
  confirmKeyResultOrder(): boolean {
    if (this.orderHeld !== undefined) return this.orderHeld;
    const scanned = keyResultRuns(this.hierarchy, this.keyResults);
    this.orderHeld = scanned?.inGoalOrder === true;
    this.runs = scanned;
    if (!this.orderHeld) {
      this.goalNodes.fill(undefined);
      this.keyResultNodes.fill(undefined);
      this.keyResultsOfGoal.fill(undefined);
      this.sortedRoots = undefined;
      this.keyResultIndex = undefined;
      if (!scanned) this.goalIndexOfKeyResult = this.listEveryGoalsKeyResults();
    }
    return this.orderHeld;
  }

  /**
   * Key results in any order: every goal's list, at once. Returns each
   * key result's goal index (-1: left out).
   */
  private listEveryGoalsKeyResults(): Int32Array {
    const { keyResults, keyResultsOfGoal } = this;
    const lists = keyResultsOfGoal as (number[] | undefined)[];
    const goalIndexOf = new Int32Array(keyResults.length).fill(-1);
    const indexOf = this.hierarchy.indexOf;
    for (let at = 0; at < keyResults.length; at += 1) {
      const keyResult = keyResults[at] as KeyResult;
      const goalIndex = indexOf.get(keyResult.goalId);
      if (goalIndex === undefined) continue;
      const siblings = lists[goalIndex];
      if (siblings === undefined) lists[goalIndex] = [at];
      else if (repeatsId(keyResults, siblings, keyResult.id)) continue;
      else siblings.push(at);
      goalIndexOf[at] = goalIndex;
    }
    return goalIndexOf;
  }

  /** A goal's key results, as indices into `keyResults`; `undefined` when it has none. */
  private keyResultsOf(index: number): readonly number[] | undefined {
    const runs = this.runs;
    if (!runs || this.keyResultsOfGoal[index] !== undefined) return this.keyResultsOfGoal[index];
    const from = runs.startOf(index);
    if (from === -1) return undefined;
    const to = runs.endOf(index);
    const kept: number[] = [];
    for (let at = from; at < to; at += 1) {
      if (!repeatsId(this.keyResults, kept, (this.keyResults[at] as KeyResult).id)) kept.push(at);
    }
    this.keyResultsOfGoal[index] = kept;
    return kept;
  }

  /** Each key result's goal index (-1: left out), for reading key results by key or all nodes. */
  private get goalIndexes(): Int32Array {
    // One pass over the key results costs less than a search for each goal's.
    this.confirmKeyResultOrder();
    if (!this.goalIndexOfKeyResult) {
      const goalIndexOf = new Int32Array(this.keyResults.length).fill(-1);
      for (let index = 0; index < this.hierarchy.goals.length; index += 1) {
        for (const at of this.keyResultsOf(index) ?? NO_INDICES) goalIndexOf[at] = index;
      }
      this.goalIndexOfKeyResult = goalIndexOf;
    }
    return this.goalIndexOfKeyResult;
  }

  /** Goals and kept key results. */
  get nodeCount(): number {
    let count = this.hierarchy.goals.length;
    for (const goalIndex of this.goalIndexes) if (goalIndex !== -1) count += 1;
    return count;
  }

  get roots(): readonly GoalNode[] {
    this.sortedRoots ??= Array.from(this.hierarchy.roots)
      .sort(this.compareGoals)
      .map((index) => this.goalNode(index));
    return this.sortedRoots;
  }

  goalNode(index: number): ForestGoalNode {
    let node = this.goalNodes[index];
    if (!node) {
      const goal = this.hierarchy.goals[index] as Goal;
      const parentIndex = this.hierarchy.parent[index] as number;
      const parentKey = parentIndex === -1 ? null : goalNodeKey((this.hierarchy.goals[parentIndex] as Goal).id);
      node = new ForestGoalNode(goalNodeKey(goal.id), goal.id, goal, parentKey, this.depthOf(index), index, this);
      this.goalNodes[index] = node;
    }
    return node;
  }

  /** A goal's depth, from its ancestors' (the hierarchy's depths would walk every goal before the first row). */
  private depthOf(index: number): number {
    const depths = (this.depths ??= new Int32Array(this.hierarchy.goals.length).fill(-1));
    const parent = this.hierarchy.parent;
    let at = index;
    let climbed = 0;
    while (at !== -1 && (depths[at] as number) === -1) {
      at = parent[at] as number;
      climbed += 1;
    }
    let depth = at === -1 ? -1 : (depths[at] as number);
    // Down again, setting each goal passed on the way up (the hierarchy has no loops: they were broken).
    depth += climbed;
    for (let step = index; step !== at; step = parent[step] as number) {
      depths[step] = depth;
      depth -= 1;
    }
    return depths[index] as number;
  }

  /**
   * The node of `keyResults[at]`; `undefined` when it was left out (no goal,
   * or a repeated id). `goalIndex` when the caller knows it (a goal's list).
   */
  keyResultNode(at: number, goalIndex = this.goalIndexes[at] as number): KeyResultNode | undefined {
    if (goalIndex === -1) return undefined;
    let node = this.keyResultNodes[at];
    if (!node) {
      const keyResult = this.keyResults[at] as KeyResult;
      const parent = this.goalNode(goalIndex);
      node = {
        kind: 'keyResult',
        key: keyResultNodeKey(keyResult.id),
        id: keyResult.id,
        keyResult,
        parentKey: parent.key,
        children: NO_CHILDREN,
        depth: parent.depth + 1,
      };
      this.keyResultNodes[at] = node;
    }
    return node;
  }

  nodeOf(key: NodeKey): GoalTreeNode | undefined {
    if (key.startsWith(GOAL_KEY_PREFIX)) {
      const index = this.hierarchy.indexOf.get(key.slice(GOAL_KEY_PREFIX.length));
      return index === undefined ? undefined : this.goalNode(index);
    }
    if (key.startsWith(KEY_RESULT_KEY_PREFIX)) {
      if (!this.keyResultIndex) {
        // Read first: it may find the key results' order was not as assumed, and start the forest over.
        const goalIndexes = this.goalIndexes;
        const index = new Map<Id, number>();
        for (let at = 0; at < this.keyResults.length; at += 1) {
          const id = (this.keyResults[at] as KeyResult).id;
          if (goalIndexes[at] !== -1 && !index.has(id)) index.set(id, at);
        }
        this.keyResultIndex = index;
      }
      const at = this.keyResultIndex.get(key.slice(KEY_RESULT_KEY_PREFIX.length));
      return at === undefined ? undefined : this.keyResultNode(at);
    }
    return undefined;
  }

  /** Every node, parents before children: goals depth-first, then key results as given. */
  *allNodes(): IterableIterator<GoalTreeNode> {
    const goalIndexes = this.goalIndexes;
    for (const index of this.hierarchy.order) yield this.goalNode(index);
    for (let at = 0; at < this.keyResults.length; at += 1) {
      const node = this.keyResultNode(at, goalIndexes[at] as number);
      if (node) yield node;
    }
  }

  // Sort keys are read from the goals as compared: only listed children are ever sorted, a few dozen for a screen of rows.
  readonly compareGoals = (a: number, b: number): number => {
    const goalA = this.hierarchy.goals[a] as Goal;
    const goalB = this.hierarchy.goals[b] as Goal;
    return (
      levelRank(goalA.level) - levelRank(goalB.level) ||
      sortWeight(goalB.weight) - sortWeight(goalA.weight) ||
      this.collator.compare(goalA.title, goalB.title) ||
      byId(goalA.id, goalB.id)
    );
  };

  private readonly compareKeyResults = (a: KeyResultNode, b: KeyResultNode): number =>
    sortWeight(b.keyResult.weight) - sortWeight(a.keyResult.weight) ||
    this.collator.compare(a.keyResult.title, b.keyResult.title) ||
    byId(a.id, b.id);

  childCount(index: number): number {
    const hierarchy = this.hierarchy;
    return (
      (this.keyResultsOf(index)?.length ?? 0) + (hierarchy.childStart[index + 1] as number) - (hierarchy.childStart[index] as number)
    );
  }

  /** Key results first (they measure the goal), then child goals, each group sorted. */
  sortedChildren(index: number): readonly GoalTreeNode[] {
    const hierarchy = this.hierarchy;
    const keyResults = this.keyResultsOf(index);
    const from = hierarchy.childStart[index] as number;
    const to = hierarchy.childStart[index + 1] as number;
    if (!keyResults && from === to) return NO_CHILDREN;
    const children: GoalTreeNode[] = keyResults
      ? keyResults.map((at) => this.keyResultNode(at, index) as KeyResultNode).sort(this.compareKeyResults)
      : [];
    if (from < to) {
      for (const child of hierarchy.children.slice(from, to).sort(this.compareGoals)) children.push(this.goalNode(child));
    }
    return children;
  }
}

const NO_INDICES: readonly number[] = Object.freeze([]);

/** Where each goal's key results are in a list of key results that comes as one run per goal: `[start, end)`, start -1 for none. */
interface KeyResultRuns {
  startOf(goalIndex: number): number;
  endOf(goalIndex: number): number;
}

interface ScannedRuns extends KeyResultRuns {
  /** Whether the runs come in the goals' order, every key result's goal known (what a binary search needs). */
  readonly inGoalOrder: boolean;
}

/** Runs found by a binary search on the goal index, in a list of key results taken to come in the goals' order. */
function searchedRuns(hierarchy: GoalHierarchy, keyResults: readonly KeyResult[]): KeyResultRuns {
  const { indexOf } = hierarchy;
  const count = keyResults.length;
  const goalIndexAt = (at: number) => indexOf.get((keyResults[at] as KeyResult).goalId) ?? -1;
  // The first key result whose goal comes at or after `goalIndex`.
  const firstFrom = (goalIndex: number) => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (goalIndexAt(middle) < goalIndex) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    startOf: (goalIndex) => {
      const from = firstFrom(goalIndex);
      return from < count && goalIndexAt(from) === goalIndex ? from : -1;
    },
    endOf: (goalIndex) => firstFrom(goalIndex + 1),
  };
}

/**
 * Each goal's run of key results, when every goal's come together, as a
 * store lists them (by goal); `null` when a goal's are split. One id lookup
 * a run, the goal after the last one tried first: this runs over every key
 * result, before a tree's first paint when their order is not assumed.
 */
function keyResultRuns(hierarchy: GoalHierarchy, keyResults: readonly KeyResult[]): ScannedRuns | null {
  const { goals, indexOf } = hierarchy;
  const start = new Int32Array(goals.length).fill(-1);
  const end = new Int32Array(goals.length);
  let runGoalId: Id | undefined;
  let goalIndex = -1;
  let lastKnown = -1;
  let inGoalOrder = true;
  for (let at = 0; at < keyResults.length; at += 1) {
    const goalId = (keyResults[at] as KeyResult).goalId;
    if (goalId === runGoalId) continue;
    if (goalIndex !== -1) end[goalIndex] = at;
    runGoalId = goalId;
    const next = lastKnown + 1;
    goalIndex = next < goals.length && (goals[next] as Goal).id === goalId ? next : (indexOf.get(goalId) ?? -1);
    if (goalIndex < lastKnown + 1) inGoalOrder = false;
    if (goalIndex === -1) continue;
    if (start[goalIndex] !== -1) return null;
    start[goalIndex] = at;
    lastKnown = goalIndex;
  }
  if (goalIndex !== -1) end[goalIndex] = keyResults.length;
  return { startOf: (index) => start[index] as number, endOf: (index) => end[index] as number, inGoalOrder };
}

/** Whether one of `keyResults[at]` for `at` in `among` has `id` (a goal's few key results: no set needed). */
function repeatsId(keyResults: readonly KeyResult[], among: readonly number[], id: Id): boolean {
  for (let index = 0; index < among.length; index += 1) if ((keyResults[among[index] as number] as KeyResult).id === id) return true;
  return false;
}

const GOAL_KEY_PREFIX = goalNodeKey('');
const KEY_RESULT_KEY_PREFIX = keyResultNodeKey('');

/** {@link GoalForest.nodes} of a {@link LazyForest}: a read-only map whose nodes are made as they are read. */
class ForestNodes implements ReadonlyMap<NodeKey, GoalTreeNode> {
  private count: number | undefined;

  constructor(private readonly forest: LazyForest) {}

  /** Counted when first read: it takes every key result's goal. */
  get size(): number {
    this.count ??= this.forest.nodeCount;
    return this.count;
  }

  get(key: NodeKey): GoalTreeNode | undefined {
    return this.forest.nodeOf(key);
  }

  has(key: NodeKey): boolean {
    return this.forest.nodeOf(key) !== undefined;
  }

  *entries(): MapIterator<[NodeKey, GoalTreeNode]> {
    for (const node of this.forest.allNodes()) yield [node.key, node];
  }

  *keys(): MapIterator<NodeKey> {
    for (const node of this.forest.allNodes()) yield node.key;
  }

  *values(): MapIterator<GoalTreeNode> {
    yield* this.forest.allNodes();
  }

  [Symbol.iterator](): MapIterator<[NodeKey, GoalTreeNode]> {
    return this.entries();
  }

  forEach(callback: (value: GoalTreeNode, key: NodeKey, map: ReadonlyMap<NodeKey, GoalTreeNode>) => void, thisArg?: unknown): void {
    for (const node of this.forest.allNodes()) callback.call(thisArg, node, node.key, this);
  }
}

/** A goal's node; sorts its children the first time they are read (see {@link LazyForest}). */
class ForestGoalNode implements GoalNode {
  readonly kind = 'goal';
  private sorted: readonly GoalTreeNode[] | null = null;

  constructor(
    readonly key: NodeKey,
    readonly id: Id,
    readonly goal: Goal,
    readonly parentKey: NodeKey | null,
    readonly depth: number,
    private readonly index: number,
    private readonly forest: LazyForest,
  ) {}

  get children(): readonly GoalTreeNode[] {
    this.sorted ??= this.forest.sortedChildren(this.index);
    return this.sorted;
  }

  get childCount(): number {
    return this.sorted ? this.sorted.length : this.forest.childCount(this.index);
  }
}

/**
 * Goals and their key results as a forest of nodes.
 *
 * Goals are arranged as {@link goalHierarchy} says (missing parents make
 * roots; loops are broken). Key results hang under their goal; those whose
 * goal is not among `goals` are left out, and an id repeated under one goal
 * keeps its first (ids are expected to be unique, as a store's keys are;
 * looked up by key, an id under two goals finds the first). Siblings are sorted so the order is the same on every render
 * and machine: goals by level (company, department, individual), then weight
 * (largest first: what matters most comes first), then title (in
 * `options.locale`, numbers in titles compared as numbers), then id; key
 * results by weight, then title, then id. Nodes are made, and children
 * sorted, when first read (see {@link LazyForest}), so building stays linear
 * and cheap, and a view pays only for the nodes it shows.
 */
export function buildGoalForest(
  goals: readonly Goal[],
  keyResults: readonly KeyResult[],
  options: GoalForestOptions = {},
): GoalForest {
  return new LazyForest(goalHierarchy(goals), keyResults, options.locale ?? 'en', options.keyResultsInGoalOrder === true);
}

/**
 * For a forest built with `keyResultsInGoalOrder`: reads every key result
 * once and says whether they came in that order. `false`: the nodes read so
 * far may be wrong; build the forest again without the option. Always `true`
 * for other forests.
 */
export function confirmKeyResultOrder(forest: GoalForest): boolean {
  return forest instanceof LazyForest ? forest.confirmKeyResultOrder() : true;
}

/** How many children a node has, without sorting them. */
function childCountOf(node: GoalTreeNode): number {
  return node instanceof ForestGoalNode ? node.childCount : node.children.length;
}

// ── The visible rows ──────────────────────────────────────────────────────

/** One row of the flattened tree, with what the row's ARIA attributes need. */
export interface GoalTreeRow {
  readonly node: GoalTreeNode;
  /** `aria-level`: 1 for roots. */
  readonly level: number;
  /** `aria-setsize`: how many visible siblings the row has, itself included. */
  readonly setSize: number;
  /** `aria-posinset`: 1-based place among those siblings. */
  readonly posInSet: number;
  /** Whether the row can expand (it has visible children); leaves get no `aria-expanded`. */
  readonly hasChildren: boolean;
  /** Whether the row is expanded; always `false` when it has no children. */
  readonly expanded: boolean;
}

export interface FlattenOptions {
  /**
   * Only these nodes are shown (e.g. from {@link filterForest}); siblings,
   * set sizes and positions count shown nodes only. Every shown node's
   * ancestors must be shown too, or it stays out of reach.
   */
  only?: ReadonlySet<NodeKey>;
}

/**
 * The rows a tree view shows, in order: roots, and the children of every
 * expanded row under it, depth-first. A node is expanded when its key is in
 * `expanded` and it has children to show.
 *
 * Iterative, and one pass over the visible rows: this runs on every expand
 * and collapse, and must stay well inside a frame at 50,000 rows.
 */
export function flattenVisible(
  forest: GoalForest,
  expanded: ReadonlySet<NodeKey>,
  options: FlattenOptions = {},
): GoalTreeRow[] {
  const only = options.only;
  const visibleOf = (nodes: readonly GoalTreeNode[]): readonly GoalTreeNode[] =>
    only ? nodes.filter((node) => only.has(node.key)) : nodes;

  const rows: GoalTreeRow[] = [];
  // Parallel stacks: cheaper than one small object per pending row.
  const pending: GoalTreeNode[] = [];
  const positions: number[] = [];
  const sizes: number[] = [];
  const pushSiblings = (siblings: readonly GoalTreeNode[]): void => {
    for (let index = siblings.length - 1; index >= 0; index -= 1) {
      pending.push(siblings[index] as GoalTreeNode);
      positions.push(index + 1);
      sizes.push(siblings.length);
    }
  };

  pushSiblings(visibleOf(forest.roots));
  while (pending.length > 0) {
    const node = pending.pop() as GoalTreeNode;
    const posInSet = positions.pop() as number;
    const setSize = sizes.pop() as number;
    // Counting children does not sort them: only expanded rows pay for sorting.
    const hasChildren = childCountOf(node) > 0 && (!only || node.children.some((child) => only.has(child.key)));
    const isExpanded = hasChildren && expanded.has(node.key);
    rows.push({ node, level: node.depth + 1, setSize, posInSet, hasChildren, expanded: isExpanded });
    if (isExpanded) pushSiblings(visibleOf(node.children));
  }
  return rows;
}

/**
 * The nodes to show for a search or filter: every node `predicate` accepts,
 * and all their ancestors, so each match stays in context and reachable.
 * Linear: a walk up stops at the first ancestor already kept.
 */
export function filterForest(forest: GoalForest, predicate: (node: GoalTreeNode) => boolean): Set<NodeKey> {
  const kept = new Set<NodeKey>();
  for (const node of forest.nodes.values()) {
    if (!predicate(node)) continue;
    let key: NodeKey | null = node.key;
    while (key !== null && !kept.has(key)) {
      kept.add(key);
      key = forest.nodes.get(key)?.parentKey ?? null;
    }
  }
  return kept;
}

/** Keys of a node's ancestors, nearest first; empty for a root or an unknown key. */
export function ancestorsOf(forest: GoalForest, key: NodeKey): NodeKey[] {
  const ancestors: NodeKey[] = [];
  let parentKey = forest.nodes.get(key)?.parentKey ?? null;
  // The forest is a tree, but a hand-made one might not be: never walk more steps than there are nodes.
  while (parentKey !== null && ancestors.length < forest.nodes.size) {
    ancestors.push(parentKey);
    parentKey = forest.nodes.get(parentKey)?.parentKey ?? null;
  }
  return ancestors;
}

// ── Search text ───────────────────────────────────────────────────────────

/** A stretch of text to highlight, as UTF-16 indices for `String.prototype.slice`: `[start, end)`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Lower-cases for matching. Greek final sigma (ς) is what σ becomes at the
 * end of a word, so it matches a σ typed in the query, and the other way round.
 */
function fold(text: string): string {
  return text.toLowerCase().replaceAll('ς', 'σ');
}

/**
 * Whether `text` contains `query`, ignoring case and surrounding spaces; an
 * empty query matches everything (no search, nothing hidden). The same
 * comparison as {@link highlightRanges}, so every match can be shown.
 */
export function matchesQuery(text: string, query: string): boolean {
  const needle = fold(query.trim());
  return needle === '' || fold(text).includes(needle);
}

/**
 * Where `query` occurs in `text`, ignoring case and the query's surrounding
 * spaces: non-overlapping ranges, left to right, for rendering matches as
 * text (`text.slice(start, end)` in a `<mark>`, never as HTML). Works for any
 * script: Chinese and Japanese have no case and match as typed, and a
 * character outside the BMP is never split.
 */
export function highlightRanges(text: string, query: string): TextRange[] {
  const needle = fold(query.trim());
  if (needle === '' || text === '') return [];
  let haystack = fold(text);

  // Lower-casing keeps UTF-16 length for nearly all text, and then indices carry over.
  // A few characters grow (İ becomes i + combining dot): then fold character by character
  // and map each folded unit back to the character it came from.
  let startOf: number[] | null = null;
  let endOf: number[] | null = null;
  if (haystack.length !== text.length) {
    startOf = [];
    endOf = [];
    const pieces: string[] = [];
    for (let index = 0; index < text.length; ) {
      const width = (text.codePointAt(index) as number) > 0xffff ? 2 : 1;
      const piece = fold(text.slice(index, index + width));
      pieces.push(piece);
      for (let unit = 0; unit < piece.length; unit += 1) {
        startOf.push(index);
        endOf.push(index + width);
      }
      index += width;
    }
    haystack = pieces.join('');
  }

  const ranges: TextRange[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    const start = startOf ? (startOf[at] as number) : at;
    const end = endOf ? (endOf[at + needle.length - 1] as number) : at + needle.length;
    const previous = ranges[ranges.length - 1];
    // Widened to whole characters, two matches inside one grown character can overlap: merge them.
    if (previous && start < previous.end) ranges[ranges.length - 1] = { start: previous.start, end: Math.max(end, previous.end) };
    else ranges.push({ start, end });
  }
  return ranges;
}

// ── Strategy pillars above the cascade ────────────────────────────────────

/** The key of a strategy pillar's group row. */
export function strategyNodeKey(strategyId: Id): NodeKey {
  return `strategy:${strategyId}`;
}

/** The key of the group of root goals that serve none of the cycle's pillars. */
export const UNLINKED_GROUP_KEY: NodeKey = 'strategy:';

/** Root goals gathered under the strategy pillar they serve. */
export interface PillarGroup {
  /** {@link strategyNodeKey}, or {@link UNLINKED_GROUP_KEY}. */
  readonly key: NodeKey;
  /** `null` for the goals linked to no pillar. */
  readonly strategy: Strategy | null;
  readonly roots: readonly GoalNode[];
}

/**
 * The forest's roots grouped under strategy pillars, the top of the cascade
 * (strategy → company → department → individual).
 *
 * Each root appears once, under the first pillar it serves in `strategies`
 * order (the strategy map's order): a tree row cannot stand in two places, and
 * repeating a goal under each pillar would count its work twice. Roots that
 * serve none of `strategies` form a last group with `strategy: null`
 * ("not linked to strategy"). Pillars no root serves are left out. Only roots
 * are grouped: a goal deeper down serves its pillar through the cascade.
 */
export function groupByPillar(forest: GoalForest, strategies: readonly Strategy[]): PillarGroup[] {
  const rank = new Map<Id, number>(strategies.map((strategy, index) => [strategy.id, index]));
  const byPillar: GoalNode[][] = strategies.map(() => []);
  const unlinked: GoalNode[] = [];
  for (const root of forest.roots) {
    let first = -1;
    for (const strategyId of root.goal.strategyIds) {
      const at = rank.get(strategyId);
      if (at !== undefined && (first === -1 || at < first)) first = at;
    }
    if (first === -1) unlinked.push(root);
    else (byPillar[first] as GoalNode[]).push(root);
  }
  const groups: PillarGroup[] = [];
  strategies.forEach((strategy, index) => {
    const roots = byPillar[index] as GoalNode[];
    if (roots.length > 0) groups.push({ key: strategyNodeKey(strategy.id), strategy, roots });
  });
  if (unlinked.length > 0) groups.push({ key: UNLINKED_GROUP_KEY, strategy: null, roots: unlinked });
  return groups;
}

/** A pillar's row above its goals, in {@link flattenPillarGroups}'s list. */
export interface PillarRow {
  readonly group: PillarGroup;
  readonly level: 1;
  readonly setSize: number;
  readonly posInSet: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
}

/**
 * {@link flattenVisible} with a pillar row above each group's goals: pillar
 * rows are level 1, and every goal and key result one level deeper than in
 * the plain tree. A pillar row is expanded when its key is in `expanded`;
 * with `options.only`, a group shows when one of its roots is shown, and
 * counts only shown roots.
 */
export function flattenPillarGroups(
  forest: GoalForest,
  groups: readonly PillarGroup[],
  expanded: ReadonlySet<NodeKey>,
  options: FlattenOptions = {},
): (GoalTreeRow | PillarRow)[] {
  const only = options.only;
  const shown = only ? groups.filter((group) => group.roots.some((root) => only.has(root.key))) : groups;
  const rows: (GoalTreeRow | PillarRow)[] = [];
  shown.forEach((group, index) => {
    const isExpanded = expanded.has(group.key);
    rows.push({ group, level: 1, setSize: shown.length, posInSet: index + 1, hasChildren: true, expanded: isExpanded });
    if (!isExpanded) return;
    for (const row of flattenVisible({ roots: group.roots, nodes: forest.nodes }, expanded, options)) {
      rows.push({ ...row, level: row.level + 1 });
    }
  });
  return rows;
}

// ── The visible rows, read on demand ──────────────────────────────────────

/** A row of the visible tree: a pillar's, a goal's or a key result's. */
export type VisibleRow = GoalTreeRow | PillarRow;

/** The key of a visible row. */
export function visibleRowKey(row: VisibleRow): NodeKey {
  return 'group' in row ? row.group.key : row.node.key;
}

/** The parent of the top level, in {@link VisibleRows}' tables. */
const TOP = '';

/**
 * The rows {@link flattenPillarGroups} (with `groups`) or {@link flattenVisible}
 * (with `groups` `null`) list, in the same order with the same figures, but
 * found when asked for: `at(index)` and `indexOf(key)` cost the depth of the
 * row times the log of its sibling count, and building costs the number of
 * open rows (not of visible ones). A virtualized view reads the few dozen
 * rows on screen, so opening 10,000 goals neither sorts nor lists the rows
 * nobody scrolls to, and opening or closing one row is a new `VisibleRows`
 * over the same forest (siblings stay sorted in the forest).
 *
 * How: each open row's number of visible rows (itself and everything shown
 * under it) is summed from the deepest open rows up, and for the rows whose
 * children are read, the children's offsets are summed once; `at` descends
 * by binary search over them.
 */
export class VisibleRows {
  /** How many rows the tree shows. */
  readonly length: number;
  private readonly only: ReadonlySet<NodeKey> | undefined;
  /** Pillar groups shown, by key; empty without pillars. */
  private readonly groupsByKey = new Map<NodeKey, PillarGroup>();
  /** Each grouped root's group. */
  private readonly groupOfRoot = new Map<NodeKey, PillarGroup>();
  private readonly top: readonly (PillarGroup | GoalTreeNode)[];
  /** Visible rows under-and-including each open row; a row missing here counts 1. */
  private readonly sizes = new Map<NodeKey, number>();
  private readonly shownChildren = new Map<NodeKey, readonly GoalTreeNode[]>();
  /** For a row whose children were read: where each child's rows start, counted from the first child. */
  private readonly offsets = new Map<NodeKey, Int32Array>();
  /** Each read child's 0-based place among its shown siblings. */
  private readonly places = new Map<NodeKey, number>();
  private readonly cache = new Map<number, VisibleRow>();

  constructor(
    private readonly forest: GoalForest,
    groups: readonly PillarGroup[] | null,
    private readonly expanded: ReadonlySet<NodeKey>,
    options: FlattenOptions = {},
  ) {
    const only = options.only;
    this.only = only;
    const shownRoots = (roots: readonly GoalNode[]) => (only ? roots.filter((root) => only.has(root.key)) : roots);
    let top: (PillarGroup | GoalTreeNode)[];
    if (groups) {
      top = [];
      for (const group of groups) {
        const roots = shownRoots(group.roots);
        if (roots.length === 0) continue;
        top.push(group);
        this.groupsByKey.set(group.key, group);
        this.shownChildren.set(group.key, roots);
        for (const root of roots) this.groupOfRoot.set(root.key, group);
      }
    } else {
      top = [...shownRoots(forest.roots)];
    }
    this.top = top;

    // Open rows deepest first, so each adds its rows to its parent's count after its own children did.
    const open: GoalTreeNode[] = [];
    for (const key of expanded) {
      const node = forest.nodes.get(key);
      if (node && (!only || only.has(key)) && this.childCount(node) > 0) open.push(node);
    }
    open.sort((a, b) => b.depth - a.depth);
    const below = new Map<NodeKey, number>();
    for (const node of open) {
      const size = 1 + this.childCount(node) + (below.get(node.key) ?? 0);
      this.sizes.set(node.key, size);
      const parentKey = node.parentKey ?? this.groupOfRoot.get(node.key)?.key ?? TOP;
      below.set(parentKey, (below.get(parentKey) ?? 0) + size - 1);
    }
    let length = 0;
    for (const item of top) {
      if ('strategy' in item) {
        const size = expanded.has(item.key) ? 1 + this.childrenOf(item.key).length + (below.get(item.key) ?? 0) : 1;
        this.sizes.set(item.key, size);
        length += size;
      } else {
        length += this.sizeOf(item.key);
      }
    }
    this.length = length;
  }

  /** The row at `index` (0-based), or `undefined` past the end. */
  at(index: number): VisibleRow | undefined {
    if (!(index >= 0 && index < this.length) || !Number.isInteger(index)) return undefined;
    const cached = this.cache.get(index);
    if (cached) return cached;
    let parentKey = TOP;
    let rest = index;
    let level = 1;
    for (;;) {
      const siblings = parentKey === TOP ? this.top : this.childrenOf(parentKey);
      const offsets = this.offsetsOf(parentKey, siblings);
      // The last sibling whose rows start at or before `rest`.
      let low = 0;
      let high = siblings.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((offsets[middle] as number) <= rest) low = middle;
        else high = middle - 1;
      }
      const item = siblings[low] as PillarGroup | GoalTreeNode;
      rest -= offsets[low] as number;
      if (rest === 0) {
        const row = this.rowOf(item, level, siblings.length, low + 1);
        this.cache.set(index, row);
        return row;
      }
      rest -= 1;
      parentKey = item.key;
      level += 1;
    }
  }

  /** Where the row of `key` is, or `undefined` when it is not visible (filtered out, or under a closed row). */
  indexOf(key: NodeKey): number | undefined {
    const path: NodeKey[] = [];
    const group = this.groupsByKey.get(key);
    if (group) path.push(key);
    else {
      let at: NodeKey | null = key;
      // Never more steps than nodes: a hand-made forest might loop.
      while (at !== null && path.length <= this.forest.nodes.size) {
        const node = this.forest.nodes.get(at);
        if (!node) return undefined;
        path.push(at);
        at = node.parentKey;
      }
      const rootGroup = this.groupOfRoot.get(path[path.length - 1] as NodeKey);
      if (this.groupsByKey.size > 0) {
        if (!rootGroup) return undefined;
        path.push(rootGroup.key);
      }
    }
    let index = 0;
    let parentKey = TOP;
    for (let step = path.length - 1; step >= 0; step -= 1) {
      const itemKey = path[step] as NodeKey;
      if (parentKey !== TOP && this.sizeOf(parentKey) === 1) return undefined; // Under a closed row.
      const siblings = parentKey === TOP ? this.top : this.childrenOf(parentKey);
      const offsets = this.offsetsOf(parentKey, siblings);
      const place = this.places.get(itemKey);
      if (place === undefined || siblings[place]?.key !== itemKey) return undefined;
      index += offsets[place] as number;
      if (step > 0) index += 1;
      parentKey = itemKey;
    }
    return index;
  }

  /** The shown children of a row, sorted: what opening it lists. */
  childrenOf(key: NodeKey): readonly GoalTreeNode[] {
    let children = this.shownChildren.get(key);
    if (!children) {
      const node = this.forest.nodes.get(key);
      const all = node ? node.children : NO_CHILDREN;
      const only = this.only;
      children = only ? all.filter((child) => only.has(child.key)) : all;
      this.shownChildren.set(key, children);
    }
    return children;
  }

  *[Symbol.iterator](): IterableIterator<VisibleRow> {
    for (let index = 0; index < this.length; index += 1) yield this.at(index) as VisibleRow;
  }

  private childCount(node: GoalTreeNode): number {
    return this.only ? this.childrenOf(node.key).length : childCountOf(node);
  }

  private sizeOf(key: NodeKey): number {
    return this.sizes.get(key) ?? 1;
  }

  private offsetsOf(parentKey: NodeKey, siblings: readonly (PillarGroup | GoalTreeNode)[]): Int32Array {
    let offsets = this.offsets.get(parentKey);
    if (!offsets) {
      offsets = new Int32Array(siblings.length);
      let sum = 0;
      siblings.forEach((item, place) => {
        offsets![place] = sum;
        sum += this.sizeOf(item.key);
        this.places.set(item.key, place);
      });
      this.offsets.set(parentKey, offsets);
    }
    return offsets;
  }

  private rowOf(item: PillarGroup | GoalTreeNode, level: number, setSize: number, posInSet: number): VisibleRow {
    if ('strategy' in item) {
      return { group: item, level: 1, setSize, posInSet, hasChildren: true, expanded: this.expanded.has(item.key) };
    }
    const hasChildren = this.childCount(item) > 0;
    return { node: item, level, setSize, posInSet, hasChildren, expanded: hasChildren && this.expanded.has(item.key) };
  }
}
