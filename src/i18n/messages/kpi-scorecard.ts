/** Registers the messages of <tandem-kpi-scorecard> in every language: its module imports this. */
import { registerMessages } from '../locale.js';
import { kpiScorecardEn } from './kpi-scorecard.en.js';
import { kpiScorecardZhCN } from './kpi-scorecard.zh-CN.js';

registerMessages({ en: kpiScorecardEn, 'zh-CN': kpiScorecardZhCN });
