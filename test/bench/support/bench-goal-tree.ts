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
 * path. It reaches two private members, so it checks they exist and fails
 * loudly if a refactor renames them.
 */
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { NodeKey } from '../../../src/model/goal-tree.js';
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
}

const widget = TandemGoalTree.prototype as unknown as Partial<TreeInternals>;
const resetTreeState = widget.resetTreeState;
if (typeof resetTreeState !== 'function' || !('expanded' in widget)) {
  throw new Error(
    '<bench-goal-tree>: TandemGoalTree no longer has resetTreeState() and an `expanded` state; ' +
      'update test/bench/support/bench-goal-tree.ts (better: give the widget a public way to open rows).',
  );
}

export class BenchGoalTree extends TandemGoalTree {
  /** Row keys to open, with the widget's own, whenever a new scope loads. */
  openOnLoad: ReadonlySet<NodeKey> = new Set();

  get virtualizerElement(): LitVirtualizer | null {
    return this.shadowRoot?.querySelector<LitVirtualizer>('lit-virtualizer') ?? null;
  }

  /** Every row of the flattened tree (in the DOM or not), as the virtualizer holds them. */
  get allRows(): readonly RowShape[] {
    return (this.virtualizerElement?.items as readonly RowShape[] | undefined) ?? [];
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
