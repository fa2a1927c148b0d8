/**
 * First render of a 50,000-goal tree from data in memory, every goal
 * visible: `<tandem-goal-tree>` (virtualized) against every row rendered
 * with lit `repeat()`, in the same run. Issue 5 target: ≤ 80 ms median, and
 * DOM nodes no more than at 10,000 (goal-tree-render).
 *
 * The baseline puts ~53,000 rows in the DOM: 50–100 s a sample here. So
 * fewer samples than the other scenarios (5, no warm-up: every sample is a
 * fresh page anyway), and no new round after 8 minutes.
 * See support/goal-tree-scenarios.ts and BENCHMARKS.md.
 */
import { goalTreeRenderScenario } from '../support/goal-tree-scenarios.js';

export default goalTreeRenderScenario(50_000, { samples: 5, warmup: 0, timeoutMs: 300_000, timeLimitMs: 480_000 });
