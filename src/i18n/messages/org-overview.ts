/** Registers the messages of <tandem-org-overview> in every language: its module imports this. */
import { registerMessages } from '../locale.js';
import { orgOverviewEn } from './org-overview.en.js';
import { orgOverviewZhCN } from './org-overview.zh-CN.js';

registerMessages({ en: orgOverviewEn, 'zh-CN': orgOverviewZhCN });
