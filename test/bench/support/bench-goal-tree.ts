/**
 * `<bench-goal-tree>`: `<tandem-goal-tree>` itself, opened on more rows.
 *
 * The widget opens a new scope on its strategy pillars (and the path to
 * what the scope is about); a person then opens what they want, and the
 * widget keeps it while the scope stays. The benchmarks need the tree opened
 * wider on its first render — every goal visible — and the widget has no
 * public way to ask for that yet. So this subclass adds `openOnLoad`: keys
 * opened together with the widget's own choice, in the same update
 * (`resetTreeState`, which the widget calls from `willUpdate` when a new
 * scope loads). Nothing else differs: same rendering, same styles, same data
 * path. It also reads the rows (`visible`, to compare every row with the
 * baseline's after the clock) and moves focus as the keyboard does
 * (`focusRow`, to bring a row into view). It reaches these private members,
 * so it checks they exist and fails loudly if a refactor renames them.
 */
import { visibleRowKey, type NodeKey, type VisibleRows } from '../../../src/model/goal-tree.js';
import { TandemGoalTree } from '../../../src/widgets/goal-tree/goal-tree.js';

/** What a virtualized row carries that the benchmarks compare. */
export interface RowShape {
  readonly key: NodeKey;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly expanded: boolean;
}

interface TreeInternals {
  resetTreeState(view: unknown): void;
  expanded: ReadonlySet<NodeKey>;
  visible: VisibleRows | undefined;
  focusRow(key: NodeKey): Promise<void>;
}

const widget = TandemGoalTree.prototype as unknown as Partial<TreeInternals>;
const resetTreeState = widget.resetTreeState;
if (typeof resetTreeState !== 'function' || !('expanded' in widget) || typeof widget.focusRow !== 'function') {
  throw new Error(
    '<bench-goal-tree>: TandemGoalTree no longer has resetTreeState(), focusRow() and an `expanded` state; ' +
      'update test/bench/support/bench-goal-tree.ts (better: give the widget a public way to open rows).',
  );
}

export class BenchGoalTree extends TandemGoalTree {
  /** Row keys to open, with the widget's own, whenever a new scope loads. */
  openOnLoad: ReadonlySet<NodeKey> = new Set();

  /** Every row of the visible tree (in the DOM or not), read from the widget's list of them (which reads them all). */
  get allRows(): readonly RowShape[] {
    const visible = (this as unknown as TreeInternals).visible;
    if (!visible) throw new Error('<bench-goal-tree>: TandemGoalTree has no `visible` rows; update bench-goal-tree.ts.');
    return [...visible].map((row) => ({ ...row, key: visibleRowKey(row) }));
  }

  /** Scrolls a row into view as moving the focus to it does. */
  showRow(key: NodeKey): Promise<void> {
    return (this as unknown as TreeInternals).focusRow(key);
  }
}

(BenchGoalTree.prototype as unknown as TreeInternals).resetTreeState = function (this: BenchGoalTree, view: unknown): void {
  resetTreeState.call(this, view);
  const internals = this as unknown as TreeInternals;
  if (this.openOnLoad.size > 0) internals.expanded = new Set([...internals.expanded, ...this.openOnLoad]);
};

customElements.define('bench-goal-tree', BenchGoalTree);

declare global {
  interface HTMLElementTagNameMap {
    'bench-goal-tree': BenchGoalTree;
  }
}
