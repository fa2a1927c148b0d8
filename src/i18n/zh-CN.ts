import type { Catalog } from './catalog.js';
import { commonZhCN } from './messages/common.zh-CN.js';
import { goalTreeZhCN } from './messages/goal-tree.zh-CN.js';
import { kpiRollupZhCN } from './messages/kpi-rollup.zh-CN.js';
import { kpiScorecardZhCN } from './messages/kpi-scorecard.zh-CN.js';
import { orgOverviewZhCN } from './messages/org-overview.zh-CN.js';

/** 简体中文。键与参数须与 en.ts 一致（编译器与测试均会检查）。 */
export const zhCN = { ...commonZhCN, ...orgOverviewZhCN, ...goalTreeZhCN, ...kpiScorecardZhCN, ...kpiRollupZhCN } satisfies Catalog;
