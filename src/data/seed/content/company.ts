/**
 * The shape of 澜星科技 (Lanxing Tech): departments and their teams, job
 * titles, job profiles with their KPI templates, strategy pillars and the
 * training catalogue. Departments are led from Shanghai and write Chinese;
 * international teams (Singapore, Munich, Dubai…) write English.
 */
import type { Direction, KpiThresholds } from '../../../model/records.js';
import { bilingual, type Bilingual } from '../text.js';
import type { FunctionKey, PillarKey } from './okrs.js';

export const COMPANY_NAME = '澜星科技 Lanxing Tech';
/** A reserved domain (RFC 2606): demo addresses never reach a real mailbox. */
export const EMAIL_DOMAIN = 'lanxing.example.com';

export const CEO_TITLE = '首席执行官';

export interface DepartmentProfile {
  readonly name: string;
  /** Share of the company's people. */
  readonly share: number;
  /** Share of its teams that are international (write English). */
  readonly internationalShare: number;
  readonly headTitle: string;
  readonly leaderTitle: Bilingual;
  /** Team names; repeated with a number when a large company needs more teams. */
  readonly teamNames: { readonly zh: readonly string[]; readonly en: readonly string[] };
  /** Titles of team members with the job profile each implies; earlier ones are more common. */
  readonly memberTitles: { readonly zh: readonly TitleChoice[]; readonly en: readonly TitleChoice[] };
  /** How strongly the department's goals serve each pillar (to pick the company goal they cascade from). */
  readonly pillarAffinity: Readonly<Partial<Record<PillarKey, number>>>;
}

export interface TitleChoice {
  readonly title: string;
  readonly profile: JobProfileKey;
}

function titles(profile: JobProfileKey, ...names: string[]): TitleChoice[] {
  return names.map((title) => ({ title, profile }));
}

export const DEPARTMENTS: Readonly<Record<FunctionKey, DepartmentProfile>> = {
  rnd: {
    name: '产品与研发中心',
    share: 0.34,
    internationalShare: 0.3,
    headTitle: '研发副总裁',
    leaderTitle: bilingual('研发经理', 'Engineering Manager'),
    teamNames: {
      zh: ['智能硬件组', '固件与嵌入式组', 'App 客户端组', '云平台组', '质量保障组', '数据智能组', '工业设计组'],
      en: ['Platform Engineering (Singapore)', 'Connected Devices Lab (Munich)', 'Mobile Apps International', 'Data Platform'],
    },
    memberTitles: {
      zh: [
        ...titles('engineer', '软件工程师', '高级软件工程师', '嵌入式工程师', '前端工程师', '测试工程师', '硬件工程师'),
        ...titles('product', '产品经理', '交互设计师'),
      ],
      en: [
        ...titles('engineer', 'Software Engineer', 'Senior Software Engineer', 'Site Reliability Engineer', 'QA Engineer'),
        ...titles('product', 'Product Manager', 'Product Designer'),
      ],
    },
    pillarAffinity: { product: 4, efficiency: 1.5, customer: 1.5, growth: 1, talent: 0.5 },
  },
  sales: {
    name: '销售部',
    share: 0.22,
    internationalShare: 0.35,
    headTitle: '销售副总裁',
    leaderTitle: bilingual('区域销售经理', 'Regional Sales Manager'),
    teamNames: {
      zh: ['华东大客户组', '华南渠道组', '华北区域组', '电商运营组', '西南区域组', '零售门店组'],
      en: ['APAC Sales (Singapore)', 'EMEA Sales (Munich)', 'Middle East Partnerships (Dubai)', 'Global Key Accounts'],
    },
    memberTitles: {
      zh: [...titles('account', '客户经理', '高级客户经理', '渠道经理', '电商运营专员'), ...titles('analyst', '销售运营分析师')],
      en: [...titles('account', 'Account Manager', 'Senior Account Manager', 'Partner Manager', 'E-commerce Manager'), ...titles('analyst', 'Sales Operations Analyst')],
    },
    pillarAffinity: { growth: 4, customer: 2, efficiency: 1 },
  },
  ops: {
    name: '供应链与运营部',
    share: 0.18,
    internationalShare: 0.2,
    headTitle: '供应链与运营总监',
    leaderTitle: bilingual('运营经理', 'Operations Manager'),
    teamNames: {
      zh: ['采购组', '生产计划组', '仓储物流组', '客户服务组', '质量管理组'],
      en: ['Global Logistics (Singapore)', 'International Customer Care', 'Global Sourcing'],
    },
    memberTitles: {
      zh: [...titles('supply', '供应链计划专员', '采购工程师', '物流专员', '仓储主管', '质量工程师'), ...titles('service', '客服专员', '客户体验专员')],
      en: [...titles('supply', 'Supply Planner', 'Logistics Specialist', 'Buyer'), ...titles('service', 'Customer Care Specialist')],
    },
    pillarAffinity: { efficiency: 3, customer: 2.5, growth: 1 },
  },
  marketing: {
    name: '市场部',
    share: 0.11,
    internationalShare: 0.3,
    headTitle: '市场总监',
    leaderTitle: bilingual('市场经理', 'Marketing Manager'),
    teamNames: {
      zh: ['品牌组', '内容与社媒组', '增长组', '用户研究组'],
      en: ['Global Brand (Singapore)', 'International Growth', 'Content Studio'],
    },
    memberTitles: {
      zh: titles('marketer', '品牌经理', '内容运营', '增长经理', '市场专员', '社媒运营'),
      en: titles('marketer', 'Brand Manager', 'Content Marketer', 'Growth Manager', 'Social Media Manager'),
    },
    pillarAffinity: { growth: 3, customer: 2.5, product: 0.5 },
  },
  people: {
    name: '人力资源部',
    share: 0.07,
    internationalShare: 0.1,
    headTitle: '人力资源总监',
    leaderTitle: bilingual('HRBP 经理', 'People Partner Lead'),
    teamNames: {
      zh: ['HRBP 组', '招聘组', '培训与发展组', '薪酬福利组'],
      en: ['Global Talent', 'International HR Operations'],
    },
    memberTitles: {
      zh: titles('hrbp', 'HRBP', '招聘专员', '培训专员', '薪酬福利专员', '员工关系专员'),
      en: titles('hrbp', 'HR Business Partner', 'Talent Acquisition Partner', 'Learning Specialist'),
    },
    pillarAffinity: { talent: 5, efficiency: 0.5 },
  },
  finance: {
    name: '财务部',
    share: 0.08,
    internationalShare: 0.15,
    headTitle: '财务总监',
    leaderTitle: bilingual('财务经理', 'Finance Manager'),
    teamNames: {
      zh: ['财务会计组', '经营分析组', '税务与资金组'],
      en: ['International Finance', 'FP&A'],
    },
    memberTitles: {
      zh: titles('analyst', '财务分析师', '会计', '税务专员', '资金专员', '成本会计'),
      en: titles('analyst', 'Financial Analyst', 'Accountant', 'Tax Specialist', 'Treasury Analyst'),
    },
    pillarAffinity: { efficiency: 4, growth: 1 },
  },
};

/** Chinese numerals for repeated team names: 云平台组 → 云平台二组. */
export const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

// ── Strategy ──────────────────────────────────────────────────────────────

/** The pillars as the company writes them: bilingual, since every team reads the strategy map. */
export const PILLARS: Readonly<Record<PillarKey, { title: string; description: string }>> = {
  growth: {
    title: '全球化增长 · Global growth',
    description: '让海外市场成为第二增长曲线，同时守住国内渠道的基本盘。Make overseas markets our second growth engine while holding our ground at home.',
  },
  product: {
    title: '产品体验领先 · Product excellence',
    description: '以稳定、好用、有设计感的产品赢得口碑。Win word of mouth with products that are reliable, easy and beautiful.',
  },
  efficiency: {
    title: '经营效率 · Operational efficiency',
    description: '在供应链、费用和现金流上持续精进，实现健康盈利。Keep improving supply chain, spend and cash flow to grow profitably.',
  },
  customer: {
    title: '客户至上 · Customer first',
    description: '从下单到售后，每一次交付和服务都让客户省心。Make every delivery and every service call effortless for customers.',
  },
  talent: {
    title: '组织与人才 · People & organisation',
    description: '培养更强的管理者，留住核心人才，让目标与绩效真正打通。Grow stronger managers, keep key people, and connect goals with performance.',
  },
};

// ── Job profiles and their KPI templates ──────────────────────────────────

export const JOB_PROFILE_KEYS = ['engineer', 'product', 'account', 'supply', 'service', 'marketer', 'hrbp', 'analyst', 'manager'] as const;
export type JobProfileKey = (typeof JOB_PROFILE_KEYS)[number];

/**
 * Balanced-scorecard perspectives, stored as stable keys so a catalog can
 * name them in each language (`kpi.category.financial`…).
 */
export const KPI_CATEGORIES = ['financial', 'customer', 'process', 'learning'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export interface KpiTemplateSpec {
  name: string;
  category: KpiCategory;
  unit: string;
  direction: Direction;
  start: number;
  target: number;
  weight: number;
  thresholds: KpiThresholds;
  /** Values move in this step. */
  step: number;
}

export interface JobProfileSpec {
  title: string;
  description: string;
  kpis: KpiTemplateSpec[];
}

const STANDARD: KpiThresholds = { healthy: 0.9, watch: 0.7 };
const STRICT: KpiThresholds = { healthy: 0.95, watch: 0.8 };

function kpi(
  name: string,
  category: KpiCategory,
  unit: string,
  direction: Direction,
  start: number,
  target: number,
  weight: number,
  step: number,
  thresholds: KpiThresholds = STANDARD,
): KpiTemplateSpec {
  return { name, category, unit, direction, start, target, weight, thresholds, step };
}

/** Names are bilingual because one profile serves both Shanghai and international teams. */
export const JOB_PROFILES: Readonly<Record<JobProfileKey, JobProfileSpec>> = {
  engineer: {
    title: '软件工程师 · Software Engineer',
    description: '设计、开发并运维澜星的设备固件、App 与云服务。Designs, builds and runs our device firmware, apps and cloud services.',
    kpis: [
      kpi('需求按期交付率 · On-time delivery', 'process', '%', 'increase', 70, 90, 40, 1),
      kpi('线上缺陷逃逸数 · Escaped defects', 'customer', 'defects', 'decrease', 12, 4, 35, 1, STRICT),
      kpi('代码评审及时率 · Review turnaround', 'learning', '%', 'increase', 60, 90, 25, 1),
    ],
  },
  product: {
    title: '产品经理 · Product Manager',
    description: '定义产品方向，协同研发、设计与市场交付用户价值。Sets product direction and ships value with engineering, design and marketing.',
    kpis: [
      kpi('功能采纳率 · Feature adoption', 'customer', '%', 'increase', 18, 35, 40, 0.5),
      kpi('需求交付周期 · Lead time', 'process', 'days', 'decrease', 24, 14, 30, 1),
      kpi('用户满意度 · User satisfaction', 'customer', '%', 'increase', 78, 88, 30, 0.5),
    ],
  },
  account: {
    title: '客户经理 · Account Manager',
    description: '负责区域或渠道的销售目标、客户关系与回款。Owns sales targets, customer relationships and collections for a region or channel.',
    kpis: [
      kpi('季度销售额 · Quarterly sales', 'financial', 'CNY', 'increase', 0, 3_000_000, 50, 10_000),
      kpi('回款率 · Collection rate', 'financial', '%', 'increase', 85, 96, 30, 0.5, STRICT),
      kpi('新客户数 · New accounts', 'customer', 'accounts', 'increase', 0, 12, 20, 1),
    ],
  },
  supply: {
    title: '供应链专员 · Supply Chain Specialist',
    description: '保障物料供应、仓储与配送的效率和成本。Keeps materials, warehousing and delivery flowing at the right cost.',
    kpis: [
      kpi('订单准时交付率 · On-time delivery', 'customer', '%', 'increase', 88, 97, 40, 0.5, STRICT),
      kpi('库存周转天数 · Inventory days', 'financial', 'days', 'decrease', 58, 42, 35, 1),
      kpi('采购降本率 · Purchasing savings', 'financial', '%', 'increase', 0, 5, 25, 0.5),
    ],
  },
  service: {
    title: '客户服务专员 · Customer Care Specialist',
    description: '通过电话、在线与社群为用户解决问题。Solves customers\' problems by phone, chat and community.',
    kpis: [
      kpi('一次解决率 · First-contact resolution', 'customer', '%', 'increase', 70, 85, 40, 0.5),
      kpi('平均响应时长 · Response time', 'process', 'min', 'decrease', 15, 5, 30, 1),
      kpi('服务满意度 · CSAT', 'customer', '%', 'increase', 84, 93, 30, 0.5),
    ],
  },
  marketer: {
    title: '市场专员 · Marketing Specialist',
    description: '策划品牌、内容与增长活动，获取并转化用户。Plans brand, content and growth campaigns that win and convert customers.',
    kpis: [
      kpi('有效线索数 · Marketing-qualified leads', 'customer', 'MQLs', 'increase', 0, 900, 40, 10),
      kpi('获客成本 · Customer acquisition cost', 'financial', 'CNY', 'decrease', 110, 75, 35, 1),
      kpi('内容互动率 · Engagement rate', 'customer', '%', 'increase', 2.8, 4.5, 25, 0.1),
    ],
  },
  hrbp: {
    title: '人力资源业务伙伴 · HR Business Partner',
    description: '支持业务部门的组织、人才与绩效管理。Supports business teams on organisation, talent and performance.',
    kpis: [
      kpi('招聘周期 · Time to hire', 'process', 'days', 'decrease', 50, 35, 35, 1),
      kpi('核心员工主动离职率 · Regretted attrition', 'learning', '%', 'decrease', 10, 6, 35, 0.5),
      kpi('培训完成率 · Training completion', 'learning', '%', 'increase', 75, 95, 30, 1),
    ],
  },
  analyst: {
    title: '财务分析师 · Financial Analyst',
    description: '负责核算、预算与经营分析，为决策提供数据。Keeps the books, budgets and analysis that decisions rest on.',
    kpis: [
      kpi('月结关账天数 · Days to close', 'process', 'days', 'decrease', 8, 5, 35, 1),
      kpi('预算偏差率 · Budget variance', 'financial', '%', 'decrease', 10, 4, 35, 0.5),
      kpi('报表准时率 · Reports on time', 'process', '%', 'increase', 85, 98, 30, 1, STRICT),
    ],
  },
  manager: {
    title: '团队负责人 · People Manager',
    description: '带领团队达成目标，辅导成员成长。Leads a team to its goals and coaches its people.',
    kpis: [
      kpi('团队目标达成率 · Team goal attainment', 'financial', '%', 'increase', 0, 90, 45, 1),
      kpi('团队敬业度 · Team engagement', 'learning', 'pts', 'increase', 68, 78, 25, 1),
      kpi('一对一沟通覆盖率 · 1:1 coverage', 'learning', '%', 'increase', 60, 95, 30, 1),
    ],
  },
};

/** KPIs a manager sets by hand, beyond the job profile, by function. */
export const MANUAL_KPIS: Readonly<Record<FunctionKey, readonly KpiTemplateSpec[]>> = {
  rnd: [kpi('技术分享次数 · Tech talks given', 'learning', 'talks', 'increase', 0, 3, 15, 1), kpi('专利申请数 · Patent filings', 'learning', 'filings', 'increase', 0, 2, 15, 1)],
  sales: [kpi('客户拜访次数 · Customer visits', 'customer', 'visits', 'increase', 0, 40, 15, 1), kpi('商机转化率 · Win rate', 'financial', '%', 'increase', 15, 25, 15, 0.5)],
  ops: [kpi('供应商现场审核 · Supplier audits', 'process', 'audits', 'increase', 0, 6, 15, 1), kpi('安全事故数 · Safety incidents', 'process', 'incidents', 'decrease', 3, 0, 15, 1)],
  marketing: [kpi('内容发布篇数 · Posts published', 'customer', 'posts', 'increase', 0, 24, 15, 1)],
  people: [kpi('员工访谈人数 · Stay interviews', 'learning', 'people', 'increase', 0, 30, 15, 1)],
  finance: [kpi('流程优化提案 · Process improvements', 'process', 'proposals', 'increase', 0, 4, 15, 1)],
};

// ── Training catalogue ────────────────────────────────────────────────────

/** Stable keys, so a catalog can name them in each language (`training.category.leadership`…). */
export const TRAINING_CATEGORIES = ['onboarding', 'compliance', 'leadership', 'communication', 'data', 'professional'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

export interface TrainingSpec {
  title: string;
  category: TrainingCategory;
  description: string;
  hours: number;
  /** Who it suits: everyone, managers only, or people of some functions. */
  audience: 'everyone' | 'managers' | readonly FunctionKey[];
}

export const TRAININGS: readonly TrainingSpec[] = [
  { title: '新员工入职培训', category: 'onboarding', description: '公司历史、产品线、制度与工具，入职首月完成。', hours: 8, audience: 'everyone' },
  { title: '信息安全与数据合规', category: 'compliance', description: '个人信息保护法、数据分级与日常安全习惯，全员年度必修。', hours: 2, audience: 'everyone' },
  { title: '反商业贿赂与合规经营', category: 'compliance', description: '礼品招待、利益冲突与举报渠道。', hours: 1.5, audience: 'everyone' },
  { title: '写好 OKR：从目标到关键结果', category: 'professional', description: '如何写出可衡量的关键结果，以及季度中如何复盘与调整。', hours: 3, audience: 'everyone' },
  { title: '新任经理领导力训练营', category: 'leadership', description: '角色转变、授权、辅导与团队沟通，为期两天。', hours: 16, audience: 'managers' },
  { title: '教练式辅导与绩效反馈', category: 'leadership', description: '用 GROW 模型开展一对一，给出具体、可执行的反馈。', hours: 6, audience: 'managers' },
  { title: 'Giving and Receiving Feedback', category: 'communication', description: 'Practical models (SBI) for feedback that helps, with role-play in small groups.', hours: 3, audience: 'everyone' },
  { title: '跨文化沟通 · Cross-cultural Communication', category: 'communication', description: '与海外团队高效协作：会议、邮件与决策习惯的差异。Working well across our Shanghai and international teams.', hours: 4, audience: 'everyone' },
  { title: '结构化思维与商务写作', category: 'communication', description: '金字塔原理、一页纸汇报与邮件写作。', hours: 6, audience: 'everyone' },
  { title: 'SQL 与数据分析入门', category: 'data', description: '用 SQL 自助取数，读懂业务看板。', hours: 12, audience: ['sales', 'ops', 'marketing', 'finance', 'people'] },
  { title: 'Python for Data Analysis', category: 'data', description: 'pandas, notebooks and charts for everyday analysis.', hours: 16, audience: ['rnd', 'finance', 'marketing'] },
  { title: '大客户销售方法论', category: 'professional', description: '客户地图、决策链分析与商务谈判。', hours: 8, audience: ['sales'] },
  { title: '精益供应链管理', category: 'professional', description: '需求预测、安全库存与供应商协同。', hours: 10, audience: ['ops'] },
  { title: 'Secure Coding Essentials', category: 'professional', description: 'OWASP Top 10, secrets handling and threat modelling for engineers.', hours: 6, audience: ['rnd'] },
];
