/**
 * Expand/collapse of a department goal in a 10,000-goal tree, every goal
 * visible: `<tandem-goal-tree>` (virtualized) against every row rendered
 * with lit `repeat()`, in the same run. Issue 5 target: ≤ 16 ms median, no
 * long task. See support/goal-tree-scenarios.ts and BENCHMARKS.md.
 */
import { goalTreeToggleScenario } from '../support/goal-tree-scenarios.js';

export default goalTreeToggleScenario(10_000, { samples: 15, timeoutMs: 120_000 });
