import type { Catalog } from '../catalog.js';
import type { orgOverviewEn } from './org-overview.en.js';

/** 简体中文：<tandem-org-overview> 的文案。键与参数须与英文一致。 */
export const orgOverviewZhCN = {
  // 组织概览
  'orgOverview.label': '组织概览',
  'orgOverview.cycle': '周期',
  'orgOverview.cycleDates': (p) => `${p.start} 至 ${p.end}`,
  'orgOverview.people': '人数',
  'orgOverview.units': '组织单元',
  'orgOverview.goals': '目标',
  'orgOverview.pendingApproval': '待审批',
  'orgOverview.strategy': '战略支柱',
  'orgOverview.unit': '单元',
  'orgOverview.leader': '负责人',
  'orgOverview.noLeader': '暂无负责人',
  'orgOverview.goalMix': '目标状态',
  'orgOverview.goalMixLabel': (p) => `已批准 ${p.approved}，待审批 ${p.pending}，草稿 ${p.draft}，已驳回 ${p.rejected}`,
  'orgOverview.caption': '本周期各组织单元的人员与目标',
  'orgOverview.empty': '还没有组织单元。',
  'orgOverview.noCycles': '尚未设置目标周期。',
  'orgOverview.updating': '正在更新…',
} satisfies Pick<Catalog, keyof typeof orgOverviewEn>;
