/**
 * A company's goal cascade for one cycle, generated in memory for the goal
 * tree benchmarks: strategy pillars → company goals → department goals →
 * individual goals, with key results (3 a goal on average) and check-ins.
 *
 * Deterministic: the same goal count gives the same records, ids and titles
 * on every machine. Realistic in the ways the tree's cost depends on: sibling
 * counts (about 50 individual goals under a department goal), mixed statuses
 * (approved, pending, draft, rejected), key result metrics, check-in history
 * for the forecast, varied titles for the collator, owners with management
 * chains for the permission rules. Nothing here is read from storage.
 */
import type { CheckIn, Cycle, Goal, GoalLevel, GoalStatus, Id, KeyResult, MetricKind, Person, Session, Strategy } from '../../../src/model/records.js';
import { SeededRandom } from '../../../src/data/seed/random.js';

export interface GoalTreeFixture {
  readonly goalCount: number;
  /** The active cycle the tree shows, and a closed one before it. */
  readonly cycles: Cycle[];
  readonly cycle: Cycle;
  readonly strategies: Strategy[];
  readonly people: Person[];
  /** In `createdAt` order, as a store lists them. */
  readonly goals: Goal[];
  readonly keyResults: KeyResult[];
  /** Oldest first, as a store lists them. */
  readonly checkIns: CheckIn[];
  /** HR: sees every goal, may decide pending ones (so rows carry their actions). */
  readonly session: Session;
  readonly now: Date;
  /** Goals with child goals: opening them all shows every goal (individual goals stay closed on their key results). */
  readonly parentGoalIds: Id[];
  /** A department goal with a typical number of individual goals under it: the one the toggle scenario opens and closes. */
  readonly departmentGoalId: Id;
  /** The individual goals under {@link departmentGoalId}. */
  readonly departmentChildIds: Id[];
}

const STRATEGY_TITLES = [
  'Win the mid-market in Asia-Pacific',
  'Make every release safe to ship on a Friday',
  'Customers who stay: retention over acquisition',
  'One platform for payments and payroll',
  '人才密度：培养下一代技术骨干',
];

const COMPANY_TITLES = [
  'Grow annual recurring revenue to ¥1.2bn',
  'Reach net revenue retention of 118%',
  'Cut time from contract to first payroll run to 5 days',
  'Launch the payments platform in 4 new markets',
  'Halve production incidents caused by releases',
  'Raise employee engagement to the top quartile',
  '把客户流失率降到 6% 以下',
  'Make the mobile app the main way customers pay',
  'Reach gross margin of 72%',
  'Hire and onboard 300 engineers without slowing delivery',
  '建立统一的数据平台',
  'Be the most recommended HR suite in Southeast Asia',
];

const VERBS = ['Grow', 'Raise', 'Cut', 'Launch', 'Ship', 'Improve', 'Reduce', 'Expand', 'Automate', 'Simplify', 'Double', 'Halve', 'Rebuild', 'Migrate', 'Standardise'];
const OBJECTS = [
  'enterprise pipeline',
  'onboarding completion',
  'churn in SMB accounts',
  'release lead time',
  'support first-response time',
  'payroll accuracy',
  'partner-sourced revenue',
  'test coverage of the billing service',
  'cloud spend per customer',
  'trial-to-paid conversion',
  'NPS among admins',
  'the hiring funnel',
  'invoice disputes',
  'page load time on mobile',
  'self-serve upgrades',
  'on-call pages per week',
  'the design system',
  'renewal forecast accuracy',
];
const QUALIFIERS = ['in EMEA', 'for new customers', 'by 20%', 'to 99.9%', 'before the Q3 review', 'across all regions', 'in Jakarta and Manila', 'by 30 days', 'for the top 50 accounts', 'without new headcount', 'on iOS and Android', ''];
const CHINESE_TITLES = ['提升华东区续约率', '缩短新客户上线周期', '完成计费系统迁移', '降低客服平均响应时长', '扩大渠道合作伙伴收入', '提高移动端支付占比', '建设自动化测试体系', '优化薪酬核算准确率'];

const KR_TEMPLATES: readonly { title: string; metric: MetricKind; unit: string; start: number; target: number; direction: 'increase' | 'decrease' }[] = [
  { title: 'New qualified opportunities', metric: 'number', unit: 'deals', start: 0, target: 120, direction: 'increase' },
  { title: 'Activation rate in the first week', metric: 'percent', unit: '', start: 42, target: 60, direction: 'increase' },
  { title: 'Monthly churned revenue', metric: 'currency', unit: 'CNY', start: 900_000, target: 500_000, direction: 'decrease' },
  { title: 'Median lead time for changes', metric: 'number', unit: 'hours', start: 72, target: 24, direction: 'decrease' },
  { title: 'Milestones of the migration plan done', metric: 'milestone', unit: 'milestones', start: 0, target: 5, direction: 'increase' },
  { title: 'Runbook published and reviewed', metric: 'binary', unit: '', start: 0, target: 1, direction: 'increase' },
  { title: 'Annual recurring revenue added', metric: 'currency', unit: 'USD', start: 0, target: 2_500_000, direction: 'increase' },
  { title: '客户满意度', metric: 'percent', unit: '', start: 78, target: 90, direction: 'increase' },
  { title: 'Crash-free sessions', metric: 'percent', unit: '', start: 99.1, target: 99.8, direction: 'increase' },
  { title: 'Tickets older than 7 days', metric: 'number', unit: 'tickets', start: 340, target: 50, direction: 'decrease' },
];

const GIVEN_NAMES = ['Wei', 'Fang', 'Mei', 'Jun', 'Li', 'Hao', 'Priya', 'Arjun', 'Siti', 'Budi', 'Anna', 'Lucas', 'Maria', 'Kenji', 'Yuki', 'Tom', 'Sara', 'Omar', 'Linh', 'Minh'];
const FAMILY_NAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Sharma', 'Tan', 'Santos', 'Nguyen', 'Sato', 'Müller', 'Kim', 'Lim', 'Garcia', 'Ong'];
const HAN_GIVEN = ['伟', '芳', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰'];
const HAN_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];

const DAY_MS = 86_400_000;
const CYCLE_START = Date.UTC(2026, 3, 1);
const CYCLE_END = Date.UTC(2026, 5, 30);
const NOW = Date.UTC(2026, 4, 20, 9, 0, 0);

const pad = (n: number, width = 6) => String(n).padStart(width, '0');
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

/** Splits 100 into `count` whole shares that sum to 100. */
function hundredIn(count: number, random: SeededRandom): number[] {
  const raw = Array.from({ length: count }, () => random.float(0.6, 1.4));
  const total = raw.reduce((sum, value) => sum + value, 0);
  const shares = raw.map((value) => Math.floor((value / total) * 100));
  let left = 100 - shares.reduce((sum, value) => sum + value, 0);
  for (let index = 0; left > 0; index = (index + 1) % count, left -= 1) shares[index] = (shares[index] as number) + 1;
  return shares;
}

/** Splits `total` into `count` whole parts of random size (each at least 1 when `total` allows). */
function apportion(total: number, count: number, random: SeededRandom): number[] {
  const raw = Array.from({ length: count }, () => random.float(0.5, 1.5));
  const sum = raw.reduce((a, b) => a + b, 0);
  const exact = raw.map((value) => (value / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (let at = 0; left > 0; at = (at + 1) % count, left -= 1) {
    const index = (byRemainder[at] as readonly [number, number])[1];
    parts[index] = (parts[index] as number) + 1;
  }
  return parts;
}

function pick<T>(random: SeededRandom, list: readonly T[]): T {
  return list[random.int(0, list.length - 1)] as T;
}

/**
 * `goalCount` goals (exactly), with about three key results each.
 * Shape: 5 pillars; 12 company goals (each serving a pillar); one department
 * per 125 goals with 2–3 department goals each; every other goal an
 * individual goal under one of its department's goals, about two per person.
 */
export function makeGoalTreeFixture(goalCount: number): GoalTreeFixture {
  const random = new SeededRandom(`tandem-bench-goal-tree-${goalCount}`);
  const updatedAt = iso(CYCLE_START - 10 * DAY_MS);
  const cycle: Cycle = { id: 'cycle-2026-q2', version: 1, updatedAt, name: '2026 Q2', start: isoDate(CYCLE_START), end: isoDate(CYCLE_END), status: 'active', autoKpiFromKeyResults: false };
  const cycles: Cycle[] = [
    { id: 'cycle-2026-q1', version: 2, updatedAt, name: '2026 Q1', start: '2026-01-01', end: '2026-03-31', status: 'closed', autoKpiFromKeyResults: false },
    cycle,
  ];
  const strategies: Strategy[] = STRATEGY_TITLES.map((title, index) => ({
    id: `strategy-${index + 1}`,
    version: 1,
    updatedAt,
    cycleId: cycle.id,
    title,
    description: '',
    order: index + 1,
  }));

  // ── People ──
  const people: Person[] = [];
  let personSeq = 0;
  const newPerson = (orgUnitId: Id, managerId: Id | null, title: string, roles: Person['roles']): Person => {
    personSeq += 1;
    const han = random.chance(0.35);
    const latin = `${pick(random, GIVEN_NAMES)} ${pick(random, FAMILY_NAMES)}`;
    const person: Person = {
      id: `p-${pad(personSeq)}`,
      version: 1,
      updatedAt,
      name: han ? `${pick(random, HAN_FAMILY)}${pick(random, HAN_GIVEN)}${random.chance(0.5) ? pick(random, HAN_GIVEN) : ''}` : latin,
      ...(han ? { nameAlt: latin } : {}),
      email: `person${personSeq}@tandem.example`,
      title,
      orgUnitId,
      managerId,
      roles,
    };
    people.push(person);
    return person;
  };
  const ceo = newPerson('unit-company', null, 'Chief Executive Officer', ['employee', 'manager']);
  const executives = Array.from({ length: 5 }, (_, index) => newPerson('unit-company', ceo.id, `Vice President ${index + 1}`, ['employee', 'manager']));
  const hr = newPerson('unit-people', executives[4]!.id, 'HR Business Partner', ['employee', 'hr']);

  // ── Goals ──
  const goals: Goal[] = [];
  let goalSeq = 0;
  let createdMs = CYCLE_START - 20 * DAY_MS;
  const newGoal = (level: GoalLevel, owner: Person, orgUnitId: Id, parentId: Id | null, title: string, status: GoalStatus, strategyIds: Id[]): Goal => {
    goalSeq += 1;
    createdMs += 37_000;
    const goal: Goal = {
      id: `g-${pad(goalSeq)}`,
      version: status === 'approved' ? 3 : status === 'draft' ? 1 : 2,
      updatedAt: iso(createdMs + DAY_MS),
      cycleId: cycle.id,
      level,
      ownerId: owner.id,
      orgUnitId,
      parentId,
      alignsTo: [],
      strategyIds,
      title,
      description: '',
      status,
      weight: 0, // set below, per sibling group
      visibility: 'public',
      createdAt: iso(createdMs),
    };
    goals.push(goal);
    return goal;
  };
  const goalTitle = () =>
    random.chance(0.15) ? `${pick(random, CHINESE_TITLES)}${random.chance(0.5) ? `（${random.int(2, 9)}0%）` : ''}` : `${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, QUALIFIERS)}`.trim();
  const individualStatus = (): GoalStatus => {
    const roll = random.next();
    return roll < 0.78 ? 'approved' : roll < 0.88 ? 'pending' : roll < 0.95 ? 'draft' : 'rejected';
  };

  const companyGoals = COMPANY_TITLES.map((title, index) =>
    newGoal('company', index === 0 ? ceo : executives[index % executives.length]!, 'unit-company', null, title, 'approved', [strategies[index % strategies.length]!.id]),
  );

  const departmentCount = Math.max(4, Math.round(goalCount / 125));
  const departmentGoalCounts = Array.from({ length: departmentCount }, () => random.int(2, 3));
  let departmentGoalTotal = departmentGoalCounts.reduce((a, b) => a + b, 0);
  const individualTotal = goalCount - companyGoals.length - departmentGoalTotal;
  if (individualTotal < departmentGoalTotal) throw new Error(`makeGoalTreeFixture: ${goalCount} goals is too few for this shape.`);
  // Individual goals per department, then per department goal.
  const perDepartment = apportion(individualTotal, departmentCount, random);
  const departmentGoals: { goal: Goal; children: Id[] }[] = [];
  for (let unit = 0; unit < departmentCount; unit += 1) {
    const unitId = `unit-${pad(unit + 1, 4)}`;
    const head = newPerson(unitId, executives[unit % executives.length]!.id, 'Head of department', ['employee', 'manager']);
    const mine = Array.from({ length: departmentGoalCounts[unit]! }, () =>
      newGoal('department', head, unitId, pick(random, companyGoals).id, goalTitle(), random.chance(0.95) ? 'approved' : 'pending', []),
    );
    const individuals = perDepartment[unit]!;
    const staff = Array.from({ length: Math.max(1, Math.ceil(individuals / 2)) }, () => newPerson(unitId, head.id, 'Specialist', ['employee']));
    const split = apportion(individuals, mine.length, random);
    mine.forEach((parent, index) => {
      const children: Id[] = [];
      for (let child = 0; child < split[index]!; child += 1) {
        const owner = staff[(children.length + index * 7) % staff.length]!;
        children.push(newGoal('individual', owner, unitId, parent.id, goalTitle(), individualStatus(), []).id);
      }
      departmentGoals.push({ goal: parent, children });
    });
  }
  departmentGoalTotal = departmentGoals.length;

  // Sibling weights sum to 100.
  const childrenOf = new Map<Id | null, Goal[]>();
  for (const goal of goals) {
    const list = childrenOf.get(goal.parentId);
    if (list) list.push(goal);
    else childrenOf.set(goal.parentId, [goal]);
  }
  for (const siblings of childrenOf.values()) {
    const shares = hundredIn(siblings.length, random);
    siblings.forEach((goal, index) => (goal.weight = shares[index]!));
  }

  // ── Key results and check-ins ──
  const keyResults: KeyResult[] = [];
  const checkIns: CheckIn[] = [];
  let keyResultSeq = 0;
  let checkInSeq = 0;
  const elapsed = (NOW - CYCLE_START) / (CYCLE_END - CYCLE_START);
  for (const goal of goals) {
    const count = random.int(1, 5);
    const shares = hundredIn(count, random);
    for (let index = 0; index < count; index += 1) {
      keyResultSeq += 1;
      const template = pick(random, KR_TEMPLATES);
      const id = `kr-${pad(keyResultSeq, 7)}`;
      const pace = random.float(0.3, 1.4); // < 1 behind, > 1 ahead
      const reached = Math.min(1, elapsed * pace);
      const span = template.target - template.start;
      let current = template.start;
      let lastCheckIn: KeyResult['lastCheckIn'] = null;
      if (goal.status === 'approved') {
        const checkInCount = random.int(0, 4);
        for (let step = 1; step <= checkInCount; step += 1) {
          checkInSeq += 1;
          const at = CYCLE_START + ((NOW - CYCLE_START) * step) / (checkInCount + 0.5);
          const fraction = (reached * step) / checkInCount;
          const value =
            template.metric === 'binary' ? (fraction >= 1 ? 1 : 0) : template.metric === 'milestone' ? Math.round(template.start + span * fraction) : Math.round((template.start + span * fraction) * 100) / 100;
          const confidence = Math.round(random.float(0.3, 0.95) * 100) / 100;
          checkIns.push({ id: `ci-${pad(checkInSeq, 7)}`, keyResultId: id, goalId: goal.id, authorId: goal.ownerId, at: iso(at), value, confidence, note: '', blockers: '' });
          current = value;
          lastCheckIn = { at: iso(at), authorId: goal.ownerId, confidence };
        }
      }
      keyResults.push({
        id,
        version: 1 + (lastCheckIn ? 1 : 0),
        updatedAt: lastCheckIn?.at ?? goal.updatedAt,
        goalId: goal.id,
        title: `${template.title}${count > 1 ? ` (${index + 1})` : ''}`,
        metric: template.metric,
        start: template.start,
        target: template.target,
        current,
        unit: template.unit,
        direction: template.direction,
        weight: shares[index]!,
        due: cycle.end,
        lastCheckIn,
      });
    }
  }
  checkIns.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));

  // The toggle's department goal: the one whose child count is the median.
  const byChildren = [...departmentGoals].sort((a, b) => a.children.length - b.children.length || (a.goal.id < b.goal.id ? -1 : 1));
  const typical = byChildren[Math.floor(byChildren.length / 2)]!;

  return {
    goalCount,
    cycles,
    cycle,
    strategies,
    people,
    goals,
    keyResults,
    checkIns,
    session: { person: hr, roles: hr.roles },
    now: new Date(NOW),
    parentGoalIds: [...companyGoals, ...departmentGoals.map((entry) => entry.goal)].map((goal) => goal.id),
    departmentGoalId: typical.goal.id,
    departmentChildIds: typical.children,
  };
}
