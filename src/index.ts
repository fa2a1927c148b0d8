/**
 * Tandem: importing this module registers every element of the kit.
 * Import single widgets (e.g. `@tandem-kit/elements/provider.js`) to load less.
 */
export * from './context/provider.js';
export * from './context/tandem-element.js';
export * from './context/keys.js';
export * from './widgets/person-chip/person-chip.js';
export * from './widgets/org-overview/org-overview.js';
export * from './widgets/goal-tree/goal-tree.js';
export * from './widgets/kpi-rollup/kpi-rollup.js';
export * from './widgets/kpi-scorecard/kpi-scorecard.js';
export * from './events/session-change.js';
export * from './events/locale-change.js';
export * from './events/cycle-select.js';
export * from './events/goal-select.js';
export * from './events/goal-toggle.js';
export * from './events/check-in.js';
export * from './events/goal-change.js';
export * from './events/org-unit-select.js';
export * from './events/person-select.js';
export * from './events/kpi-change.js';
export * from './events/kpi-source-select.js';
export * from './events/kpi-export.js';
export type * from './data/adapter.js';
export * from './data/errors.js';
export * from './i18n/index.js';
export * from './model/index.js';
export { TOKENS, TOKEN_GROUPS, token, tokenDefault, type TokenDefinition, type TokenGroup, type TokenName } from './styles/tokens.js';
