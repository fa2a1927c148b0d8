/**
 * `<bench-goal-tree>`: `<tandem-goal-tree>` itself, with two readings the
 * benchmarks need and the widget does not offer: every row of the visible
 * tree (`allRows`, from the widget's `visible` rows, to compare each with
 * the baseline's after the clock) and a row brought into view as the
 * keyboard brings it (`showRow`, through `focusRow`). The rows to open are
 * set with the widget's public `openRows`. It reaches these two private
 * members, so it checks they exist and fails loudly if a refactor renames
 * them.
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
  visible: VisibleRows | undefined;
  focusRow(key: NodeKey): Promise<void>;
}

if (typeof (TandemGoalTree.prototype as unknown as Partial<TreeInternals>).focusRow !== 'function') {
  throw new Error('<bench-goal-tree>: TandemGoalTree no longer has focusRow(); update test/bench/support/bench-goal-tree.ts.');
}

export class BenchGoalTree extends TandemGoalTree {
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

customElements.define('bench-goal-tree', BenchGoalTree);

declare global {
  interface HTMLElementTagNameMap {
    'bench-goal-tree': BenchGoalTree;
  }
}
