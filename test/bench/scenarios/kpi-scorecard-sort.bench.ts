/**
 * Sorting 5,000 KPIs by a column header: `<tandem-kpi-scorecard>`
 * (virtualized) against every row in a plain table, in the same run.
 * Issue 6 item 9 target: ≤ 33 ms median. See support/kpi-scenarios.ts and BENCHMARKS.md.
 */
import { kpiSortScenario } from '../support/kpi-scenarios.js';

export default kpiSortScenario({ samples: 15 });
