/** The kit's pure rules and records: no DOM, no I/O, usable on a server too. */
export * from './records.js';
export * from './people.js';
export * from './org.js';
export * from './org-summary.js';
export * from './permissions.js';
export * from './validation.js';
export * from './progress.js';
export * from './forecast.js';
export * from './pace.js';
export * from './goal-tree.js';
export * from './kpi.js';
export * from './csv.js';
export * from './weights.js';
export * from './goal-history.js';
export * from './kpi-rollup.js';
export * from './cycles.js';
export * from './kpi-scorecard.js';
