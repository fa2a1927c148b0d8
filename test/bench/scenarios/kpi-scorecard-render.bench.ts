/**
 * First render of 5,000 KPIs from data in memory: `<tandem-kpi-scorecard>`
 * (virtualized) against every row in a plain table, in the same run.
 * Issue 6 item 9 target: ≤ 60 ms median. See support/kpi-scenarios.ts and BENCHMARKS.md.
 */
import { kpiRenderScenario } from '../support/kpi-scenarios.js';

export default kpiRenderScenario({ samples: 15 });
