/** Registers the messages of <tandem-kpi-rollup> in every language: its module imports this. */
import { registerMessages } from '../locale.js';
import { kpiRollupEn } from './kpi-rollup.en.js';
import { kpiRollupZhCN } from './kpi-rollup.zh-CN.js';

registerMessages({ en: kpiRollupEn, 'zh-CN': kpiRollupZhCN });
