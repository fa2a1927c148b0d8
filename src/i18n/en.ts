/**
 * English messages: every part, together. This catalog fixes the keys and the parameters of every
 * message; zh-CN.ts must match it (checked by the compiler and by a test).
 * A message with parameters is a function, so its parameters are typed.
 */
import { commonEn } from './messages/common.en.js';
import { goalTreeEn } from './messages/goal-tree.en.js';
import { kpiRollupEn } from './messages/kpi-rollup.en.js';
import { kpiScorecardEn } from './messages/kpi-scorecard.en.js';
import { orgOverviewEn } from './messages/org-overview.en.js';

export const en = { ...commonEn, ...orgOverviewEn, ...goalTreeEn, ...kpiScorecardEn, ...kpiRollupEn } as const;
