/**
 * First render of a 10,000-goal tree from data in memory, every goal
 * visible: `<tandem-goal-tree>` (virtualized) against every row rendered
 * with lit `repeat()`, in the same run. Issue 5 target: ≤ 50 ms median.
 * See support/goal-tree-scenarios.ts and BENCHMARKS.md.
 */
import { goalTreeRenderScenario } from '../support/goal-tree-scenarios.js';

export default goalTreeRenderScenario(10_000, { samples: 15, timeoutMs: 120_000 });
