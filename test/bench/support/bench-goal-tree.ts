/**
 * `<bench-goal-tree>`: `<tandem-goal-tree>` itself, with the one reading the
 * benchmarks need and the widget does not offer: every row of the visible
 * tree (`allRows`, from the widget's private `visible` rows, to compare each
 * with the baseline's after the clock). It throws if a refactor renames it.
 * The rows to open are set with the widget's `openRows`, and a row is
 * brought into view with its `revealRow`.
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
}

export class BenchGoalTree extends TandemGoalTree {
  /** Every row of the visible tree (in the DOM or not), read from the widget's list of them (which reads them all). */
  get allRows(): readonly RowShape[] {
    const visible = (this as unknown as TreeInternals).visible;
    if (!visible) throw new Error('<bench-goal-tree>: TandemGoalTree has no `visible` rows; update bench-goal-tree.ts.');
    return [...visible].map((row) => ({ ...row, key: visibleRowKey(row) }));
  }
}

customElements.define('bench-goal-tree', BenchGoalTree);

declare global {
  interface HTMLElementTagNameMap {
    'bench-goal-tree': BenchGoalTree;
  }
}
