/**
 * Objective and key-result templates of 澜星科技 (Lanxing Tech), a Shanghai
 * consumer-electronics company, by business function and strategy pillar.
 *
 * A goal is one objective template with parameters (product, region, market,
 * channel, social network) and 2–4 of its key-result templates with values
 * drawn from their ranges, so thousands of goals stay varied while every one
 * reads like something a real team would write. Chinese teams write the `zh`
 * text, international teams the `en` text.
 */
import type { Direction, MetricKind } from '../../../model/records.js';
import { bilingual, same, type Bilingual } from '../text.js';

export const PILLAR_KEYS = ['growth', 'product', 'efficiency', 'customer', 'talent'] as const;
export type PillarKey = (typeof PILLAR_KEYS)[number];

export const FUNCTION_KEYS = ['rnd', 'sales', 'ops', 'marketing', 'people', 'finance'] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

/** Whether an objective is about the China business, overseas markets, or either. */
export type TemplateScope = 'domestic' | 'international' | 'any';

/**
 * How a key result's amounts grow with the goal's level: a department's
 * revenue dwarfs one account manager's, while a crash rate is a crash rate.
 */
export type AmountScaling = 'volume' | 'count' | 'fixed';

export interface KeyResultTemplate {
  readonly metric: MetricKind;
  readonly direction: Direction;
  /** May use `{start}`, `{target}` and the goal's parameters. */
  readonly text: Bilingual;
  /** Ignored for `currency`, whose unit is the team's currency (CNY or USD). */
  readonly unit: Bilingual;
  /** Lowest and highest start, lowest and highest target, and the step values move in. Currency amounts are in CNY. */
  readonly values: readonly [startMin: number, startMax: number, targetMin: number, targetMax: number, step: number];
  readonly scaling: AmountScaling;
}

export interface ObjectiveTemplate {
  readonly pillar: PillarKey;
  readonly scope: TemplateScope;
  readonly title: Bilingual;
  /** Why the objective matters: the goal's description. */
  readonly why: Bilingual;
  readonly keyResults: readonly KeyResultTemplate[];
}

const PERCENT = same('%');
const NONE = same('');
const MILESTONES = bilingual('个里程碑', 'milestones');
const DAYS = bilingual('天', 'days');
const HOURS = bilingual('小时', 'h');

function kr(
  metric: MetricKind,
  direction: Direction,
  zh: string,
  en: string,
  unit: Bilingual,
  values: KeyResultTemplate['values'],
  scaling: AmountScaling = 'fixed',
): KeyResultTemplate {
  return { metric, direction, text: { zh, en }, unit, values, scaling };
}

function objective(
  pillar: PillarKey,
  scope: TemplateScope,
  title: Bilingual,
  why: Bilingual,
  keyResults: KeyResultTemplate[],
): ObjectiveTemplate {
  return { pillar, scope, title, why, keyResults };
}

/** Goal parameters (`{product}` either kind, `{device}` hardware, `{app}` software); each value has both languages. */
export interface GoalParameters {
  product: Bilingual;
  device: Bilingual;
  app: Bilingual;
  region: Bilingual;
  market: Bilingual;
  channel: Bilingual;
  social: Bilingual;
}

/** Hardware: made, certified, shipped and returned. */
export const DEVICES: readonly Bilingual[] = [
  bilingual('星环手表 S3', 'Orbit Watch S3'),
  bilingual('澜音耳机 Pro', 'Wave Buds Pro'),
  bilingual('星云智能音箱', 'Nebula speaker'),
  bilingual('星扫 R2 扫地机器人', 'Sweep R2 robot vacuum'),
  bilingual('星环手环 5', 'Orbit Band 5'),
];

/** Software: started, crashed and rated in app stores. */
export const APPS: readonly Bilingual[] = [bilingual('澜家 App', 'Lanxing Home app'), bilingual('澜星健康 App', 'Lanxing Health app')];

/** Either kind, for objectives that fit both. */
export const PRODUCTS: readonly Bilingual[] = [...DEVICES, ...APPS];

export const DOMESTIC_REGIONS: readonly Bilingual[] = [
  bilingual('华东区', 'East China'),
  bilingual('华南区', 'South China'),
  bilingual('华北区', 'North China'),
  bilingual('西南区', 'Southwest China'),
  bilingual('华中区', 'Central China'),
];

export const OVERSEAS_MARKETS: readonly Bilingual[] = [
  bilingual('东南亚', 'Southeast Asia'),
  bilingual('欧洲', 'Europe'),
  bilingual('中东', 'the Middle East'),
  bilingual('日本', 'Japan'),
  bilingual('澳大利亚', 'Australia'),
  bilingual('拉美', 'Latin America'),
];

/** Sales channels and social networks differ by market: Chinese teams sell on Tmall, international ones on Amazon. */
export const CHANNELS: Readonly<Record<'zh' | 'en', readonly Bilingual[]>> = {
  zh: [same('天猫'), same('京东'), same('抖音'), same('拼多多')],
  en: [same('Amazon'), same('Shopee'), same('Lazada'), same('TikTok Shop')],
};

export const SOCIAL_NETWORKS: Readonly<Record<'zh' | 'en', readonly Bilingual[]>> = {
  zh: [same('小红书'), same('抖音'), same('微信视频号'), same('B 站')],
  en: [same('Instagram'), same('TikTok'), same('YouTube'), same('LinkedIn')],
};

// ── Company objectives: one per pillar, written by the CEO ─────────────────

export const COMPANY_OBJECTIVES: Readonly<Record<PillarKey, ObjectiveTemplate>> = {
  growth: objective(
    'growth',
    'any',
    bilingual('加速全球化增长，让海外成为第二增长曲线', 'Make overseas markets our second growth engine'),
    bilingual('国内市场增速放缓，海外渠道已验证可复制，本季度要把增长重心向海外倾斜。', 'Growth at home is slowing and our overseas playbook has proven repeatable: this quarter we lean into it.'),
    [
      kr('currency', 'increase', '海外收入从 {start} 增长至 {target}', 'Grow overseas revenue from {start} to {target}', NONE, [110e6, 130e6, 160e6, 180e6, 1e6]),
      kr('percent', 'increase', '海外收入占比从 {start} 提升至 {target}', 'Raise the overseas share of revenue from {start} to {target}', PERCENT, [24, 27, 32, 35, 0.1]),
      kr('number', 'increase', '新进入 {target} 个海外国家市场', 'Enter {target} new countries', bilingual('个国家', 'countries'), [0, 0, 2, 3, 1]),
      kr('currency', 'increase', '公司季度总收入达到 {target}', 'Reach {target} in total quarterly revenue', NONE, [420e6, 460e6, 500e6, 540e6, 1e6]),
    ],
  ),
  product: objective(
    'product',
    'any',
    bilingual('以领先的产品体验赢得用户口碑', 'Win users with a product experience that leads the market'),
    bilingual('用户评价是我们最好的广告：体验和质量是本季度所有产品线的第一优先级。', 'Reviews are our best advertising: experience and quality come first for every product line this quarter.'),
    [
      kr('number', 'increase', 'App 商店综合评分从 {start} 提升至 {target}', 'Raise our average app-store rating from {start} to {target}', bilingual('分', 'stars'), [4.2, 4.3, 4.6, 4.7, 0.1]),
      kr('percent', 'decrease', '整机返修率从 {start} 降至 {target}', 'Lower the device RMA rate from {start} to {target}', PERCENT, [1.8, 2.2, 1.0, 1.2, 0.1]),
      kr('milestone', 'increase', '按期发布 {target} 款新品', 'Launch {target} new products on schedule', MILESTONES, [0, 0, 2, 3, 1]),
      kr('percent', 'increase', '新用户 30 日留存率从 {start} 提升至 {target}', 'Lift 30-day retention of new users from {start} to {target}', PERCENT, [38, 41, 46, 49, 0.1]),
    ],
  ),
  efficiency: objective(
    'efficiency',
    'any',
    bilingual('提升经营效率，实现健康盈利', 'Run a leaner company and grow profitably'),
    bilingual('原材料成本上涨挤压毛利，需要在供应链、费用和现金流上同时发力。', 'Rising component costs squeeze our margin: we need gains in supply chain, spend and cash flow at once.'),
    [
      kr('percent', 'increase', '毛利率从 {start} 提升至 {target}', 'Raise gross margin from {start} to {target}', PERCENT, [28, 30, 32, 34, 0.1]),
      kr('percent', 'decrease', '期间费用率从 {start} 降至 {target}', 'Bring operating expenses from {start} to {target} of revenue', PERCENT, [24, 26, 20, 21.5, 0.1]),
      kr('number', 'decrease', '库存周转天数从 {start} 天降至 {target} 天', 'Cut inventory days from {start} to {target}', DAYS, [55, 62, 40, 45, 1]),
      kr('currency', 'increase', '经营性现金流达到 {target}', 'Generate {target} of operating cash flow', NONE, [20e6, 30e6, 50e6, 60e6, 1e6]),
    ],
  ),
  customer: objective(
    'customer',
    'any',
    bilingual('成为用户最信赖的智能设备品牌', 'Become the smart-device brand customers trust most'),
    bilingual('复购和推荐来自每一次交付与服务，客户体验要贯穿售前、交付和售后。', 'Repeat purchases and referrals come from every delivery and every service call.'),
    [
      kr('number', 'increase', '用户 NPS 从 {start} 提升至 {target}', 'Raise customer NPS from {start} to {target}', same('NPS'), [32, 36, 44, 48, 1]),
      kr('percent', 'increase', '次日达订单占比从 {start} 提升至 {target}', 'Raise next-day deliveries from {start} to {target} of orders', PERCENT, [72, 78, 88, 92, 1]),
      kr('percent', 'decrease', '客诉率从 {start} 降至 {target}', 'Lower the complaint rate from {start} to {target}', PERCENT, [1.3, 1.6, 0.6, 0.8, 0.05]),
      kr('number', 'decrease', '客服平均响应时长从 {start} 分钟降至 {target} 分钟', 'Cut average support response time from {start} to {target} minutes', bilingual('分钟', 'min'), [10, 14, 3, 5, 1]),
    ],
  ),
  talent: objective(
    'talent',
    'any',
    bilingual('打造高绩效、可持续的组织', 'Build a high-performing organisation that lasts'),
    bilingual('业务翻倍需要更强的管理者和更稳的核心团队，目标与绩效要真正打通。', 'Doubling the business needs stronger managers, a stable core team, and goals and performance that finally connect.'),
    [
      kr('percent', 'decrease', '核心人才主动离职率从 {start} 降至 {target}', 'Lower regretted attrition from {start} to {target}', PERCENT, [9, 11, 5, 6, 0.1]),
      kr('percent', 'increase', '关键岗位继任者覆盖率从 {start} 提升至 {target}', 'Raise successor coverage of key roles from {start} to {target}', PERCENT, [40, 48, 70, 75, 1]),
      kr('number', 'increase', '员工敬业度得分从 {start} 提升至 {target}', 'Raise the engagement score from {start} to {target}', bilingual('分', 'pts'), [66, 70, 75, 78, 1]),
      kr('binary', 'increase', '完成 OKR 与绩效管理一体化落地', 'Run OKRs and performance reviews in one system', NONE, [0, 0, 1, 1, 1]),
    ],
  ),
};

// ── Function objectives: departments, teams and people pick from these ─────

export const FUNCTION_OBJECTIVES: Readonly<Record<FunctionKey, readonly ObjectiveTemplate[]>> = {
  rnd: [
    objective(
      'product',
      'any',
      bilingual('提升{app}的稳定性与性能', 'Make the {app} fast and rock-solid'),
      bilingual('应用商店差评中近四成与卡顿和闪退有关。', 'Four in ten negative reviews mention lag or crashes.'),
      [
        kr('number', 'decrease', '{app}冷启动时间从 {start} 秒降至 {target} 秒', 'Cut the {app} cold start from {start} s to {target} s', same('s'), [2.4, 3.2, 1.2, 1.6, 0.1]),
        kr('percent', 'decrease', '{app}崩溃率从 {start} 降至 {target}', 'Lower the {app} crash rate from {start} to {target}', PERCENT, [0.35, 0.6, 0.1, 0.2, 0.01]),
        kr('number', 'decrease', '下单接口 p95 延迟从 {start} ms 降至 {target} ms', 'Reduce checkout p95 latency from {start} ms to {target} ms', same('ms'), [420, 520, 260, 320, 10]),
        kr('number', 'decrease', '线上 P1 及以上故障从 {start} 起降至 {target} 起', 'Bring P1+ incidents down from {start} to {target} a quarter', bilingual('起', 'incidents'), [6, 9, 1, 3, 1]),
        kr('percent', 'increase', '自动化测试覆盖率从 {start} 提升至 {target}', 'Raise automated test coverage from {start} to {target}', PERCENT, [48, 60, 75, 85, 1]),
      ],
    ),
    objective(
      'product',
      'any',
      bilingual('按期交付新一代{device}', 'Ship the next-generation {device} on time'),
      bilingual('新一代产品是本季度渠道备货和营销节奏的基础，延期会影响整条链路。', 'Channel stock and the launch campaign are planned around this launch: a slip ripples everywhere.'),
      [
        kr('milestone', 'increase', '完成 {target} 个研发里程碑（设计冻结、样机验证、公测、量产发布）', 'Hit {target} launch milestones (design freeze, prototype validation, beta, mass production)', MILESTONES, [0, 0, 4, 4, 1]),
        kr('binary', 'increase', '{device}通过 CE 与 FCC 认证', '{device} passes CE and FCC certification', NONE, [0, 0, 1, 1, 1]),
        kr('percent', 'increase', '公测用户满意度达到 {target}', 'Reach {target} satisfaction among beta users', PERCENT, [70, 76, 85, 90, 1]),
        kr('number', 'increase', '招募 {target} 名公测用户', 'Recruit {target} beta users', bilingual('人', 'users'), [0, 0, 1500, 3000, 100]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('提升研发交付效率', 'Speed up engineering delivery'),
      bilingual('需求排队时间过长，业务方等待一个小改动平均要三周。', 'Requests wait too long: a small change takes three weeks on average.'),
      [
        kr('number', 'decrease', '需求平均交付周期从 {start} 天缩短至 {target} 天', 'Cut average lead time from {start} to {target} days', DAYS, [18, 24, 10, 13, 1]),
        kr('percent', 'increase', '迭代按期完成率从 {start} 提升至 {target}', 'Raise on-time sprint completion from {start} to {target}', PERCENT, [66, 75, 88, 92, 1]),
        kr('number', 'increase', '每周部署次数从 {start} 次提升至 {target} 次', 'Deploy {target} times a week, up from {start}', bilingual('次/周', 'per week'), [3, 6, 12, 20, 1]),
        kr('currency', 'decrease', '云资源月度成本从 {start} 降至 {target}', 'Reduce monthly cloud spend from {start} to {target}', NONE, [380_000, 460_000, 300_000, 340_000, 5000], 'volume'),
      ],
    ),
    objective(
      'customer',
      'any',
      bilingual('用数据驱动{app}体验改进', 'Use data to improve the {app} experience'),
      bilingual('我们对用户为何流失知之甚少，需要补齐数据与实验能力。', 'We know too little about why users leave: we need the data and the experiments to find out.'),
      [
        kr('percent', 'increase', '新用户 7 日留存率从 {start} 提升至 {target}', 'Lift 7-day retention of new users from {start} to {target}', PERCENT, [31, 36, 40, 45, 0.1]),
        kr('number', 'increase', '{app}应用商店评分从 {start} 提升至 {target}', 'Raise the {app} rating in app stores from {start} to {target}', bilingual('分', 'stars'), [4.1, 4.3, 4.6, 4.7, 0.1]),
        kr('milestone', 'increase', '上线实验平台的 {target} 个模块', 'Launch {target} modules of the experimentation platform', MILESTONES, [0, 0, 3, 5, 1]),
        kr('binary', 'increase', '完成用户行为数据合规审计', 'Pass the user-data privacy audit', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'growth',
      'international',
      bilingual('支撑{product}在{market}本地化上线', 'Get {product} ready for {market}'),
      bilingual('{market}渠道已锁定上市窗口，产品必须同步完成本地化与合规。', 'Partners in {market} have fixed the launch window: localisation and compliance must be ready with it.'),
      [
        kr('milestone', 'increase', '完成{market}上线的 {target} 个关键里程碑', 'Reach {target} launch milestones for {market}', MILESTONES, [0, 0, 3, 5, 1]),
        kr('binary', 'increase', '{market}数据节点部署完成并通过隐私合规评估', 'Deploy the {market} data region and pass the privacy review', NONE, [0, 0, 1, 1, 1]),
        kr('number', 'decrease', '{market}用户 API 平均延迟从 {start} ms 降至 {target} ms', 'Cut API latency for users in {market} from {start} ms to {target} ms', same('ms'), [380, 450, 150, 200, 10]),
        kr('percent', 'increase', '海外版功能覆盖率达到 {target}', 'Reach {target} feature parity with the China build', PERCENT, [60, 70, 90, 95, 1]),
      ],
    ),
    objective(
      'product',
      'domestic',
      bilingual('提升{device}硬件良率与可靠性', 'Improve {device} yield and reliability'),
      bilingual('良率每提升一个百分点，单季度可节省数百万元返工成本。', 'Every point of yield saves millions in rework each quarter.'),
      [
        kr('percent', 'increase', '{device}量产直通率从 {start} 提升至 {target}', 'Raise {device} first-pass yield from {start} to {target}', PERCENT, [91, 94, 97, 98.5, 0.1]),
        kr('percent', 'decrease', '{device}返修率从 {start} 降至 {target}', 'Lower the {device} RMA rate from {start} to {target}', PERCENT, [1.8, 2.6, 0.8, 1.2, 0.1]),
        kr('currency', 'decrease', '单机 BOM 成本从 {start} 降至 {target}', 'Reduce unit BOM cost from {start} to {target}', NONE, [265, 290, 235, 250, 1]),
        kr('milestone', 'increase', '完成 {target} 项可靠性测试（跌落、防水、高低温、老化）', 'Complete {target} reliability tests (drop, water, thermal, burn-in)', MILESTONES, [0, 0, 4, 4, 1]),
      ],
    ),
    objective(
      'talent',
      'any',
      bilingual('建设工程师文化与技术影响力', 'Grow engineering craft and influence'),
      bilingual('招聘竞争激烈，技术品牌和内部成长通道是留住人的关键。', 'Hiring is fierce: our engineering brand and growth paths keep people here.'),
      [
        kr('number', 'increase', '组织内部技术分享 {target} 场', 'Run {target} internal tech talks', bilingual('场', 'talks'), [0, 0, 6, 12, 1]),
        kr('number', 'increase', '提交发明专利申请 {target} 项', 'File {target} patent applications', bilingual('项', 'patents'), [0, 0, 2, 5, 1]),
        kr('binary', 'increase', '完成新人导师制试点', 'Pilot the new-hire mentoring programme', NONE, [0, 0, 1, 1, 1]),
        kr('percent', 'increase', '代码评审 24 小时响应率从 {start} 提升至 {target}', 'Review {target} of pull requests within 24 h, up from {start}', PERCENT, [55, 65, 85, 90, 1]),
      ],
    ),
  ],
  sales: [
    objective(
      'growth',
      'domestic',
      bilingual('深耕{region}渠道，提升销售额', 'Grow sales in {region}'),
      bilingual('{region}是公司最大的销售区域，但核心门店覆盖仍有缺口。', '{region} is our largest region, yet key stores still lack our products.'),
      [
        kr('currency', 'increase', '{region}季度销售额从 {start} 提升至 {target}', 'Grow quarterly sales in {region} from {start} to {target}', NONE, [2.6e6, 3.2e6, 3.6e6, 4.2e6, 10_000], 'volume'),
        kr('number', 'increase', '新签经销商 {target} 家', 'Sign {target} new distributors', bilingual('家', 'distributors'), [0, 0, 3, 6, 1], 'count'),
        kr('percent', 'increase', '重点门店铺货率从 {start} 提升至 {target}', 'Lift shelf presence in key stores from {start} to {target}', PERCENT, [62, 70, 82, 88, 1]),
        kr('percent', 'increase', '回款率从 {start} 提升至 {target}', 'Raise cash collection from {start} to {target}', PERCENT, [84, 89, 95, 97, 0.1]),
        kr('milestone', 'increase', '完成{region}渠道数字化系统上线的 {target} 个里程碑', 'Reach {target} milestones of the channel system roll-out in {region}', MILESTONES, [0, 0, 3, 4, 1]),
      ],
    ),
    objective(
      'growth',
      'international',
      bilingual('打开{market}市场', 'Break into {market}'),
      bilingual('{market}智能穿戴渗透率低、增速快，是我们今年的重点新市场。', 'Wearables are young and growing fast in {market}: it is this year\'s key new market.'),
      [
        kr('currency', 'increase', '{market}季度销售额达到 {target}', 'Reach {target} in quarterly sales in {market}', NONE, [3e6, 4e6, 5e6, 6.5e6, 10_000], 'volume'),
        kr('number', 'increase', '本地零售合作伙伴从 {start} 家增至 {target} 家', 'Grow local retail partners from {start} to {target}', bilingual('家', 'partners'), [2, 4, 8, 12, 1], 'count'),
        kr('milestone', 'increase', '完成{market}上市计划的 {target} 个里程碑', 'Hit {target} go-to-market milestones in {market}', MILESTONES, [0, 0, 3, 5, 1]),
        kr('binary', 'increase', '开设{channel}官方旗舰店', 'Open our official store on {channel}', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'customer',
      'any',
      bilingual('深耕大客户，提升续约与复购', 'Deepen key-account relationships'),
      bilingual('前二十家大客户贡献了近一半的企业采购收入。', 'Our top twenty accounts bring nearly half of corporate revenue.'),
      [
        kr('percent', 'decrease', '大客户流失率从 {start} 降至 {target}', 'Cut key-account churn from {start} to {target}', PERCENT, [7, 9, 3, 4, 0.1]),
        kr('currency', 'increase', '签订大客户年度框架合同 {target}', 'Close {target} in annual key-account contracts', NONE, [0, 0, 4e6, 6e6, 10_000], 'volume'),
        kr('number', 'increase', '完成 {target} 次高层业务回顾', 'Hold {target} executive business reviews', bilingual('次', 'reviews'), [0, 0, 6, 12, 1], 'count'),
        kr('percent', 'increase', '客户满意度（CSAT）从 {start} 提升至 {target}', 'Raise CSAT from {start} to {target}', PERCENT, [82, 86, 90, 93, 0.1]),
      ],
    ),
    objective(
      'growth',
      'any',
      bilingual('提升{channel}电商渠道 GMV', 'Grow GMV on {channel}'),
      bilingual('线上渠道贡献了六成新客，大促节奏决定了季度成败。', 'Online brings six in ten new customers, and the big sales events make or break the quarter.'),
      [
        kr('currency', 'increase', '{channel} GMV 从 {start} 提升至 {target}', 'Grow {channel} GMV from {start} to {target}', NONE, [5e6, 7e6, 8e6, 10e6, 10_000], 'volume'),
        kr('percent', 'increase', '{channel}店铺转化率从 {start} 提升至 {target}', 'Lift store conversion on {channel} from {start} to {target}', PERCENT, [2.1, 2.6, 3.0, 3.5, 0.1]),
        kr('percent', 'decrease', '{channel}退货率从 {start} 降至 {target}', 'Lower the return rate on {channel} from {start} to {target}', PERCENT, [6, 8, 3.5, 4.5, 0.1]),
        kr('number', 'increase', '完成直播带货 {target} 场', 'Run {target} live-stream sales events', bilingual('场', 'events'), [0, 0, 20, 40, 1], 'count'),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('提升销售团队人效', 'Make the sales team more productive'),
      bilingual('销售花在内部流程上的时间超过三成。', 'Sales spends over a third of its time on internal process.'),
      [
        kr('number', 'decrease', '线索平均跟进时长从 {start} 小时缩短至 {target} 小时', 'Cut lead response time from {start} h to {target} h', HOURS, [30, 40, 8, 12, 1]),
        kr('percent', 'increase', 'CRM 商机数据完整率从 {start} 提升至 {target}', 'Raise CRM pipeline completeness from {start} to {target}', PERCENT, [60, 70, 95, 98, 1]),
        kr('percent', 'increase', '线索转化率从 {start} 提升至 {target}', 'Lift lead-to-deal conversion from {start} to {target}', PERCENT, [12, 15, 18, 22, 0.1]),
        kr('binary', 'increase', '上线新版销售激励方案', 'Roll out the new sales incentive plan', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
  ],
  ops: [
    objective(
      'customer',
      'domestic',
      bilingual('提升{region}配送时效', 'Speed up delivery in {region}'),
      bilingual('配送时效是用户评价中被提及最多的因素。', 'Delivery speed is what customers mention most in reviews.'),
      [
        kr('percent', 'increase', '将{region}次日达覆盖率提升至 {target}', 'Raise next-day delivery coverage in {region} to {target}', PERCENT, [80, 86, 93, 96, 1]),
        kr('number', 'decrease', '平均履约时长从 {start} 小时缩短至 {target} 小时', 'Cut average order-to-delivery time from {start} h to {target} h', HOURS, [40, 48, 26, 30, 1]),
        kr('percent', 'decrease', '配送破损率从 {start} 降至 {target}', 'Lower the damage rate in transit from {start} to {target}', PERCENT, [0.8, 1.2, 0.3, 0.5, 0.05]),
        kr('percent', 'increase', '订单准时交付率从 {start} 提升至 {target}', 'Deliver {target} of orders on time, up from {start}', PERCENT, [88, 92, 97, 98, 0.1]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('降低供应链综合成本', 'Take cost out of the supply chain'),
      bilingual('物流与库存成本占营收比例高于行业平均两个百分点。', 'Logistics and inventory cost us two points of revenue more than our peers.'),
      [
        kr('currency', 'decrease', '单均物流成本从 {start} 降至 {target}', 'Lower logistics cost per order from {start} to {target}', NONE, [12.5, 14, 10, 11, 0.1]),
        kr('number', 'decrease', '库存周转天数从 {start} 天降至 {target} 天', 'Bring inventory days down from {start} to {target}', DAYS, [52, 60, 38, 42, 1]),
        kr('percent', 'increase', '核心物料采购降本率达到 {target}', 'Save {target} on key components', PERCENT, [0, 0, 4, 6, 0.5]),
        kr('currency', 'decrease', '呆滞库存金额从 {start} 降至 {target}', 'Cut aged inventory from {start} to {target}', NONE, [3.5e6, 4.5e6, 1.8e6, 2.2e6, 10_000], 'volume'),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('保障{device}量产供应', 'Secure supply for {device}'),
      bilingual('上季度因缺料停线累计超过 40 小时。', 'Shortages stopped the line for over 40 hours last quarter.'),
      [
        kr('percent', 'increase', '关键物料齐套率从 {start} 提升至 {target}', 'Raise kit completeness for key parts from {start} to {target}', PERCENT, [85, 90, 97, 99, 0.1]),
        kr('milestone', 'increase', '完成 {target} 家第二供应商导入', 'Qualify {target} second-source suppliers', MILESTONES, [0, 0, 2, 4, 1]),
        kr('number', 'decrease', '缺料停线时长从 {start} 小时降至 {target} 小时', 'Cut line-down hours from shortages from {start} to {target}', HOURS, [30, 45, 5, 10, 1]),
        kr('binary', 'increase', '完成新仓 WMS 系统切换', 'Cut over the new warehouse to the WMS', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'customer',
      'any',
      bilingual('打造省心的客户服务体验', 'Deliver effortless customer service'),
      bilingual('用户找客服的每一分钟等待，都在消耗品牌好感。', 'Every minute a customer waits for support costs us goodwill.'),
      [
        kr('number', 'decrease', '客服首次响应时长从 {start} 分钟降至 {target} 分钟', 'Cut first response time from {start} to {target} minutes', bilingual('分钟', 'min'), [12, 18, 3, 5, 1]),
        kr('percent', 'increase', '一次解决率从 {start} 提升至 {target}', 'Raise first-contact resolution from {start} to {target}', PERCENT, [68, 74, 82, 86, 1]),
        kr('percent', 'decrease', '客诉率从 {start} 降至 {target}', 'Lower the complaint rate from {start} to {target}', PERCENT, [1.2, 1.6, 0.6, 0.8, 0.05]),
        kr('number', 'increase', '服务 NPS 从 {start} 提升至 {target}', 'Raise service NPS from {start} to {target}', same('NPS'), [32, 38, 45, 50, 1]),
      ],
    ),
    objective(
      'growth',
      'international',
      bilingual('建设{market}仓配网络', 'Build the fulfilment network in {market}'),
      bilingual('{market}订单目前全部跨境直发，时效和成本都不具竞争力。', 'Every order to {market} ships cross-border today: too slow and too costly.'),
      [
        kr('milestone', 'increase', '完成{market}海外仓建设的 {target} 个里程碑', 'Reach {target} milestones for the warehouse in {market}', MILESTONES, [0, 0, 4, 4, 1]),
        kr('number', 'decrease', '{market}平均配送时长从 {start} 天缩短至 {target} 天', 'Cut average delivery time in {market} from {start} to {target} days', DAYS, [7, 9, 3, 4, 1]),
        kr('currency', 'decrease', '{market}单票运费从 {start} 降至 {target}', 'Lower shipping cost per parcel in {market} from {start} to {target}', NONE, [68, 80, 48, 55, 1]),
        kr('binary', 'increase', '与{market}头部物流商签订合作协议', 'Sign a contract with a leading carrier in {market}', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'efficiency',
      'domestic',
      bilingual('提升仓储作业效率', 'Make our warehouses more productive'),
      bilingual('大促期间仓库人效是发货能力的瓶颈。', 'Warehouse productivity caps how much we can ship during sales events.'),
      [
        kr('number', 'increase', '人均拣货效率从 {start} 件/小时提升至 {target} 件/小时', 'Raise picks per hour from {start} to {target}', bilingual('件/小时', 'picks/h'), [95, 110, 130, 150, 1]),
        kr('percent', 'increase', '库存准确率从 {start} 提升至 {target}', 'Raise inventory accuracy from {start} to {target}', PERCENT, [97, 98, 99.5, 99.8, 0.1]),
        kr('percent', 'decrease', '错发漏发率从 {start} 降至 {target}', 'Lower the mis-shipment rate from {start} to {target}', PERCENT, [0.4, 0.6, 0.1, 0.2, 0.05]),
        kr('milestone', 'increase', '完成 {target} 个仓库的自动化改造', 'Automate {target} warehouses', MILESTONES, [0, 0, 2, 3, 1]),
      ],
    ),
  ],
  marketing: [
    objective(
      'growth',
      'any',
      bilingual('打响{device}新品上市', 'Make the {device} launch land'),
      bilingual('新品首月销量决定了渠道的追加订单。', 'First-month sales decide whether partners reorder.'),
      [
        kr('number', 'increase', '新品预约用户达到 {target} 人', 'Collect {target} pre-orders', bilingual('人', 'pre-orders'), [0, 0, 20_000, 40_000, 1000]),
        kr('percent', 'increase', '品牌搜索量环比提升 {target}', 'Grow branded search by {target}', PERCENT, [0, 0, 25, 40, 1]),
        kr('currency', 'decrease', '新品获客成本从 {start} 降至 {target}', 'Bring launch CAC down from {start} to {target}', NONE, [95, 120, 65, 75, 1]),
        kr('milestone', 'increase', '完成上市传播计划的 {target} 个节点', 'Deliver {target} launch campaign beats', MILESTONES, [0, 0, 4, 5, 1]),
        kr('binary', 'increase', '新品发布会如期举办', 'Hold the launch event on schedule', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'growth',
      'any',
      bilingual('提升线上营销转化', 'Turn more attention into sales'),
      bilingual('流量成本逐年上涨，转化效率是唯一的出路。', 'Traffic gets dearer every year: conversion is the way out.'),
      [
        kr('number', 'increase', '有效销售线索从 {start} 条提升至 {target} 条', 'Grow marketing-qualified leads from {start} to {target}', bilingual('条', 'MQLs'), [1800, 2400, 3200, 3800, 50], 'count'),
        kr('percent', 'increase', '着陆页转化率从 {start} 提升至 {target}', 'Lift landing-page conversion from {start} to {target}', PERCENT, [2.4, 3.0, 3.8, 4.5, 0.1]),
        kr('currency', 'decrease', '单条线索成本从 {start} 降至 {target}', 'Lower cost per lead from {start} to {target}', NONE, [85, 100, 55, 65, 1]),
        kr('percent', 'increase', '邮件营销点击率从 {start} 提升至 {target}', 'Raise email click-through from {start} to {target}', PERCENT, [1.8, 2.4, 3.2, 3.8, 0.1]),
      ],
    ),
    objective(
      'customer',
      'any',
      bilingual('打造有温度的品牌社区', 'Build a brand community people love'),
      bilingual('老用户推荐带来的新客，留存率是广告渠道的两倍。', 'Customers who come by referral stay twice as long as those from ads.'),
      [
        kr('number', 'increase', '{social}官方账号粉丝从 {start} 增长至 {target}', 'Grow our {social} following from {start} to {target}', bilingual('人', 'followers'), [80_000, 120_000, 150_000, 200_000, 1000]),
        kr('percent', 'increase', '内容互动率从 {start} 提升至 {target}', 'Lift engagement rate from {start} to {target}', PERCENT, [2.8, 3.5, 4.5, 5.5, 0.1]),
        kr('number', 'increase', '发布用户共创内容 {target} 篇', 'Publish {target} community stories', bilingual('篇', 'stories'), [0, 0, 20, 40, 1]),
        kr('number', 'increase', '品牌 NPS 从 {start} 提升至 {target}', 'Raise brand NPS from {start} to {target}', same('NPS'), [28, 34, 40, 45, 1]),
      ],
    ),
    objective(
      'growth',
      'international',
      bilingual('提升{market}品牌认知', 'Raise brand awareness in {market}'),
      bilingual('{market}消费者对我们的品牌认知度不足一成。', 'Fewer than one in ten consumers in {market} know our brand.'),
      [
        kr('percent', 'increase', '{market}品牌提示认知度从 {start} 提升至 {target}', 'Lift aided brand awareness in {market} from {start} to {target}', PERCENT, [8, 12, 18, 22, 1]),
        kr('number', 'increase', '合作 KOL {target} 位', 'Partner with {target} creators', bilingual('位', 'creators'), [0, 0, 15, 30, 1]),
        kr('milestone', 'increase', '完成 {target} 场线下快闪活动', 'Run {target} pop-up events', MILESTONES, [0, 0, 2, 4, 1]),
        kr('currency', 'decrease', '千次曝光成本从 {start} 降至 {target}', 'Lower CPM from {start} to {target}', NONE, [55, 65, 38, 45, 1]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('提升营销预算使用效率', 'Spend the marketing budget wisely'),
      bilingual('上季度近两成投放预算无法追溯到转化。', 'Last quarter a fifth of paid spend could not be traced to any sale.'),
      [
        kr('percent', 'decrease', '预算偏差率从 {start} 降至 {target}', 'Lower budget variance from {start} to {target}', PERCENT, [12, 15, 3, 5, 0.5]),
        kr('currency', 'decrease', '在覆盖不降的前提下，投放费用从 {start} 降至 {target}', 'Cut paid media spend from {start} to {target} with no loss of reach', NONE, [1.8e6, 2.2e6, 1.4e6, 1.6e6, 10_000], 'volume'),
        kr('milestone', 'increase', '上线营销归因看板的 {target} 个模块', 'Ship {target} modules of the attribution dashboard', MILESTONES, [0, 0, 3, 4, 1]),
        kr('binary', 'increase', '完成营销素材库迁移', 'Move all creative assets to the new asset library', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
  ],
  people: [
    objective(
      'talent',
      'any',
      bilingual('为关键岗位招到优秀人才', 'Hire great people for key roles'),
      bilingual('十余个关键岗位空缺已影响到新品与海外项目进度。', 'A dozen open key roles are slowing the new products and overseas projects.'),
      [
        kr('number', 'decrease', '关键岗位平均招聘周期从 {start} 天缩短至 {target} 天', 'Cut time-to-hire for key roles from {start} to {target} days', DAYS, [48, 56, 32, 36, 1]),
        kr('number', 'increase', '完成 {target} 个关键岗位招聘', 'Fill {target} key roles', bilingual('个', 'roles'), [0, 0, 8, 15, 1], 'count'),
        kr('percent', 'increase', 'Offer 接受率从 {start} 提升至 {target}', 'Raise offer acceptance from {start} to {target}', PERCENT, [72, 78, 85, 90, 1]),
        kr('currency', 'decrease', '单个岗位招聘成本从 {start} 降至 {target}', 'Lower cost per hire from {start} to {target}', NONE, [18_000, 22_000, 13_000, 15_000, 500]),
      ],
    ),
    objective(
      'talent',
      'any',
      bilingual('提升员工敬业度与保留', 'Keep and engage our people'),
      bilingual('去年离职的骨干中，半数提到缺少成长反馈。', 'Half of the key people who left last year said they lacked feedback on their growth.'),
      [
        kr('percent', 'decrease', '核心员工主动离职率从 {start} 降至 {target}', 'Lower regretted attrition from {start} to {target}', PERCENT, [9, 12, 5, 6, 0.5]),
        kr('number', 'increase', '敬业度调研得分从 {start} 提升至 {target}', 'Raise the engagement score from {start} to {target}', bilingual('分', 'pts'), [68, 72, 76, 80, 1]),
        kr('percent', 'increase', '经理月度一对一沟通覆盖率从 {start} 提升至 {target}', 'Have {target} of managers hold monthly 1:1s, up from {start}', PERCENT, [55, 65, 90, 95, 1]),
        kr('binary', 'increase', '发布新版职级与晋升体系', 'Publish the new career framework', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'talent',
      'any',
      bilingual('打造学习型组织', 'Build a learning organisation'),
      bilingual('一线经理普遍是业务骨干提拔，缺少系统的管理训练。', 'Most first-line managers were promoted for their craft and never trained to lead.'),
      [
        kr('percent', 'increase', '必修课程完成率从 {start} 提升至 {target}', 'Raise mandatory training completion from {start} to {target}', PERCENT, [70, 78, 95, 98, 1]),
        kr('number', 'increase', '人均学习时长从 {start} 小时提升至 {target} 小时', 'Reach {target} learning hours per person, up from {start}', HOURS, [4, 6, 10, 12, 0.5]),
        kr('milestone', 'increase', '上线管理者培养项目的 {target} 个模块', 'Launch {target} modules of the manager programme', MILESTONES, [0, 0, 3, 5, 1]),
        kr('number', 'increase', '认证内部讲师 {target} 名', 'Certify {target} internal trainers', bilingual('名', 'trainers'), [0, 0, 8, 15, 1]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('让 HR 服务更省心', 'Make HR services effortless'),
      bilingual('员工办理一项人事手续平均需要跑三次。', 'An HR request takes three attempts on average today.'),
      [
        kr('number', 'decrease', '入职手续办理时长从 {start} 天缩短至 {target} 天', 'Cut onboarding paperwork from {start} to {target} days', DAYS, [5, 7, 1, 2, 1]),
        kr('percent', 'increase', '员工自助服务使用率从 {start} 提升至 {target}', 'Handle {target} of HR requests self-service, up from {start}', PERCENT, [40, 50, 75, 80, 1]),
        kr('binary', 'increase', '打通 OKR 与绩效系统', 'Connect the OKR and performance systems', NONE, [0, 0, 1, 1, 1]),
        kr('percent', 'increase', 'HR 工单 48 小时解决率从 {start} 提升至 {target}', 'Resolve {target} of HR tickets within 48 h, up from {start}', PERCENT, [70, 78, 92, 95, 1]),
      ],
    ),
    objective(
      'talent',
      'international',
      bilingual('支持{market}团队组建', 'Stand up the team in {market}'),
      bilingual('{market}业务今年要从零组建本地团队。', 'This year we build a local team in {market} from scratch.'),
      [
        kr('milestone', 'increase', '完成{market}雇主实体与薪酬合规的 {target} 个里程碑', 'Reach {target} entity and payroll milestones in {market}', MILESTONES, [0, 0, 3, 4, 1]),
        kr('number', 'increase', '在{market}本地招聘 {target} 人', 'Hire {target} people locally in {market}', bilingual('人', 'hires'), [0, 0, 5, 10, 1], 'count'),
        kr('binary', 'increase', '发布{market}员工手册', 'Publish the employee handbook for {market}', NONE, [0, 0, 1, 1, 1]),
        kr('percent', 'increase', '{market}新员工 90 天留存率从 {start} 提升至 {target}', 'Raise 90-day retention of new hires in {market} from {start} to {target}', PERCENT, [80, 85, 92, 95, 1]),
      ],
    ),
  ],
  finance: [
    objective(
      'efficiency',
      'any',
      bilingual('提升财务结账效率', 'Close the books faster'),
      bilingual('月结周期过长，管理层拿到经营数据时已错过决策窗口。', 'The close takes so long that management sees the numbers after the decisions are made.'),
      [
        kr('number', 'decrease', '月结关账时长从 {start} 个工作日缩短至 {target} 个', 'Cut the month-end close from {start} to {target} working days', DAYS, [7, 9, 4, 5, 1]),
        kr('percent', 'increase', '凭证自动化率从 {start} 提升至 {target}', 'Automate {target} of journal entries, up from {start}', PERCENT, [35, 45, 70, 80, 1]),
        kr('percent', 'decrease', '对账差异率从 {start} 降至 {target}', 'Lower reconciliation breaks from {start} to {target}', PERCENT, [2, 3, 0.5, 0.8, 0.1]),
        kr('binary', 'increase', '新 ERP 总账模块上线', 'Go live with the new ERP general ledger', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('加强现金流与回款管理', 'Strengthen cash flow'),
      bilingual('应收账款占用了过多营运资金。', 'Receivables tie up too much working capital.'),
      [
        kr('number', 'decrease', '应收账款周转天数从 {start} 天降至 {target} 天', 'Bring DSO down from {start} to {target} days', DAYS, [62, 70, 45, 50, 1]),
        kr('currency', 'decrease', '逾期应收余额从 {start} 降至 {target}', 'Cut overdue receivables from {start} to {target}', NONE, [8e6, 10e6, 4e6, 5e6, 10_000], 'volume'),
        kr('percent', 'increase', '经营现金流预测准确率从 {start} 提升至 {target}', 'Raise cash-flow forecast accuracy from {start} to {target}', PERCENT, [80, 85, 92, 95, 1]),
        kr('milestone', 'increase', '完成 {target} 家银行的资金池接入', 'Connect {target} banks to the cash pool', MILESTONES, [0, 0, 2, 4, 1]),
      ],
    ),
    objective(
      'efficiency',
      'any',
      bilingual('精细化预算与成本管控', 'Sharpen budgeting and cost control'),
      bilingual('各部门费用预算偏差大，难以支撑滚动预测。', 'Departments miss their budgets by too much for rolling forecasts to work.'),
      [
        kr('percent', 'decrease', '部门费用预算偏差率从 {start} 降至 {target}', 'Lower budget variance from {start} to {target}', PERCENT, [9, 12, 3, 5, 0.5]),
        kr('currency', 'decrease', '管理费用从 {start} 降至 {target}', 'Reduce G&A spend from {start} to {target}', NONE, [6e6, 7e6, 5.2e6, 5.6e6, 10_000], 'volume'),
        kr('milestone', 'increase', '完成 {target} 个业务单元的滚动预测上线', 'Roll out rolling forecasts to {target} business units', MILESTONES, [0, 0, 3, 6, 1]),
        kr('binary', 'increase', '发布下季度预算编制指引', 'Publish next quarter\'s budgeting guidelines', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
    objective(
      'growth',
      'international',
      bilingual('保障{market}业务合规经营', 'Keep operations in {market} compliant'),
      bilingual('海外子公司数量增加，税务与资金合规风险随之上升。', 'More overseas entities mean more tax and treasury risk.'),
      [
        kr('milestone', 'increase', '完成{market}税务登记与申报的 {target} 个节点', 'Reach {target} tax registration and filing milestones in {market}', MILESTONES, [0, 0, 3, 4, 1]),
        kr('binary', 'increase', '{market}子公司通过年度审计', 'Pass the annual audit of the entity in {market}', NONE, [0, 0, 1, 1, 1]),
        kr('number', 'decrease', '跨境付款平均处理时长从 {start} 天降至 {target} 天', 'Cut cross-border payment time from {start} to {target} days', DAYS, [5, 7, 2, 3, 1]),
        kr('percent', 'decrease', '汇兑损失占收入比从 {start} 降至 {target}', 'Lower FX losses from {start} to {target} of revenue', PERCENT, [1.2, 1.6, 0.4, 0.6, 0.1]),
      ],
    ),
    objective(
      'customer',
      'any',
      bilingual('为业务提供及时的经营分析', 'Give the business timely insight'),
      bilingual('业务部门希望每周一就能看到上周的经营数据。', 'The business wants last week\'s numbers on Monday morning.'),
      [
        kr('number', 'decrease', '经营周报出具时间从 {start} 天缩短至 {target} 天', 'Publish the weekly business report in {target} days instead of {start}', DAYS, [3, 4, 1, 1, 1]),
        kr('percent', 'increase', '业务部门对财务 BP 的满意度从 {start} 提升至 {target}', 'Raise business satisfaction with finance partners from {start} to {target}', PERCENT, [70, 76, 85, 90, 1]),
        kr('milestone', 'increase', '上线 {target} 张管理驾驶舱报表', 'Launch {target} management dashboards', MILESTONES, [0, 0, 3, 5, 1]),
        kr('binary', 'increase', '完成产品线毛利模型', 'Build the product-line margin model', NONE, [0, 0, 1, 1, 1]),
      ],
    ),
  ],
};
