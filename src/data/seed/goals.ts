/**
 * The goal cascade of every cycle: company goals (one per strategy pillar),
 * department goals under them, team goals under those (owned by team leaders,
 * at the `department` level with the team as org unit), and individual goals
 * under the team goals, with cross-team `alignsTo` links, a few orphan and
 * off-strategy goals for the alignment graph to find, and sibling weights
 * that sum to 100.
 *
 * This only plans the goals; their key results, check-ins and adjustments are
 * made per owner later (progress.ts), so that a writer can stream them.
 */
import type { Goal, GoalLevel, GoalStatus, GoalVisibility, Id } from '../../model/records.js';
import { DEPARTMENTS } from './content/company.js';
import {
  APPS,
  CHANNELS,
  DEVICES,
  COMPANY_OBJECTIVES,
  DOMESTIC_REGIONS,
  FUNCTION_KEYS,
  FUNCTION_OBJECTIVES,
  OVERSEAS_MARKETS,
  PRODUCTS,
  SOCIAL_NETWORKS,
  type FunctionKey,
  type GoalParameters,
  type ObjectiveTemplate,
  type PillarKey,
} from './content/okrs.js';
import { APPROVAL_COMMENTS, REJECTION_COMMENTS } from './content/phrases.js';
import { DAY_MS, HOUR_MS, toIsoDateTime, wholeMinute } from './calendar.js';
import { pickPace, type Pace } from './pace.js';
import type { SeededRandom, WeightedChoice } from './random.js';
import { apportion, fillTemplate, splitHundred, type Language } from './text.js';
import type { Company, CycleContext, CycleKind, IdSequences, StaffMember, Team, Writable } from './world.js';
import type { Cycles } from './cycles.js';

/** The size of the unit a goal speaks for, which scales amounts such as revenue. */
export type ScaleLevel = 'company' | 'department' | 'team' | 'individual';

export interface PlannedGoal {
  /** The record; its version and updatedAt still move if the goal is adjusted. */
  readonly goal: Writable<Goal>;
  readonly template: ObjectiveTemplate;
  readonly parameters: GoalParameters;
  readonly language: Language;
  readonly scaleLevel: ScaleLevel;
  readonly owner: StaffMember;
  readonly cycle: CycleContext;
  readonly pace: Pace;
  readonly currency: 'CNY' | 'USD';
  /** Who approved or rejected it; also who adjusts it mid-cycle. */
  readonly approver: StaffMember;
  readonly pillar: PillarKey;
}

export interface GoalPlan {
  /** Every goal, by the owner's staff index. */
  readonly byOwner: PlannedGoal[][];
  readonly count: number;
}

/** Share of the individual goals that belong to the closed previous cycle. */
const PREVIOUS_CYCLE_SHARE = 0.3;

const ACTIVE_INDIVIDUAL_STATUSES: readonly WeightedChoice<GoalStatus>[] = [
  ['approved', 78],
  ['pending', 9],
  ['draft', 8],
  ['rejected', 5],
];

const INDIVIDUAL_VISIBILITIES: readonly WeightedChoice<GoalVisibility>[] = [
  ['public', 85],
  ['org-unit', 10],
  ['private', 5],
];

/** Department goals per cycle: more for large departments, capped so the strategy map stays readable. */
function departmentGoalCount(kind: CycleKind, teamCount: number): number {
  const active = Math.min(6, 3 + Math.floor(Math.log2(Math.max(1, teamCount)) / 2));
  if (kind === 'active') return active;
  if (kind === 'previous') return Math.max(2, active - 1);
  return 1;
}

export function planGoals(random: SeededRandom, company: Company, cycles: Cycles, targetTotal: number, ids: IdSequences, now: number): GoalPlan {
  const { staff, departments, teams } = company;
  const byOwner: PlannedGoal[][] = staff.map(() => []);
  let count = 0;

  // Draw the org-level goal counts first, so the individual goals can fill what is left of the target.
  const teamGoalCounts: Record<CycleKind, number[]> = {
    previous: teams.map(() => random.int(1, 2)),
    active: teams.map(() => (random.chance(0.4) ? 3 : 2)),
    planning: teams.map(() => 0),
  };
  const kinds: readonly CycleKind[] = ['previous', 'active', 'planning'];
  let orgGoals = 0;
  for (const kind of kinds) {
    const context = cycles[kind];
    orgGoals += kind === 'planning' ? 3 : context.pillars.length;
    for (const department of departments) orgGoals += departmentGoalCount(kind, department.teamIndices.length);
    for (const teamCount of teamGoalCounts[kind]) orgGoals += teamCount;
  }
  const individualBudget = Math.max(0, targetTotal - orgGoals);
  const previousBudget = Math.round(individualBudget * PREVIOUS_CYCLE_SHARE);
  const individualCounts: Record<CycleKind, number[]> = {
    previous: allocateIndividualGoals(random, staff, previousBudget, 'previous', company),
    active: allocateIndividualGoals(random, staff, individualBudget - previousBudget, 'active', company),
    planning: staff.map(() => 0),
  };

  const ceo = staff[0] as StaffMember;
  const hrHead = staff[company.hrHeadIndex] as StaffMember;
  const managerOf = (member: StaffMember): StaffMember => (member.managerIndex >= 0 ? (staff[member.managerIndex] as StaffMember) : hrHead);

  for (const kind of kinds) {
    const context = cycles[kind];
    const cycleGoals: PlannedGoal[] = [];

    const add = (input: {
      owner: StaffMember;
      level: GoalLevel;
      scaleLevel: ScaleLevel;
      orgUnitId: Id;
      parent: PlannedGoal | null;
      template: ObjectiveTemplate;
      pillar: PillarKey;
      language: Language;
      status: GoalStatus;
      visibility?: GoalVisibility;
      strategyPillars: readonly PillarKey[];
    }): PlannedGoal => {
      const parameters = chooseParameters(random, input.template, input.language);
      const text = parameterText(parameters, input.language);
      const approver = input.owner.tier === 'ceo' ? hrHead : managerOf(input.owner);
      const timeline = goalTimeline(random, context, input.status, input.scaleLevel, now);
      const strategyIds: Id[] = [];
      for (const pillar of input.strategyPillars) {
        const strategy = context.strategyByPillar.get(pillar);
        if (strategy) strategyIds.push(strategy.id);
      }
      // The last event is the creation, submission or decision: format each instant once and share the text.
      const createdAt = toIsoDateTime(timeline.createdAt);
      const decidedAt = timeline.decidedAt === null ? null : toIsoDateTime(timeline.decidedAt);
      const updatedAt = timeline.updatedAt === timeline.decidedAt && decidedAt !== null ? decidedAt : timeline.updatedAt === timeline.createdAt ? createdAt : toIsoDateTime(timeline.updatedAt);
      const filled = (template: string): string => fillTemplate(template, text, undefined, input.language === 'zh');
      const title = filled(input.template.title[input.language]);
      // Company goals are read by everyone: the CEO writes them in Chinese with the English alongside.
      const description =
        input.level === 'company'
          ? `${input.template.why.zh}\n\n${input.template.title.en}. ${input.template.why.en}`
          : filled(input.template.why[input.language]);
      const goal: Writable<Goal> = {
        id: ids.goal(),
        version: timeline.version,
        updatedAt,
        cycleId: context.cycle.id,
        level: input.level,
        ownerId: input.owner.person.id,
        orgUnitId: input.orgUnitId,
        parentId: input.parent ? input.parent.goal.id : null,
        alignsTo: [],
        strategyIds,
        title,
        description,
        status: input.status,
        weight: 0,
        visibility: input.visibility ?? 'public',
        createdAt,
      };
      if (decidedAt !== null) {
        goal.decidedBy = approver.person.id;
        goal.decidedAt = decidedAt;
        const comments = input.status === 'rejected' ? REJECTION_COMMENTS : input.status === 'approved' && random.chance(0.3) ? APPROVAL_COMMENTS : null;
        if (comments) goal.decisionComment = random.pick(comments[input.language]);
      }
      const planned: PlannedGoal = {
        goal,
        template: input.template,
        parameters,
        language: input.language,
        scaleLevel: input.scaleLevel,
        owner: input.owner,
        cycle: context,
        pace: pickPace(random, kind),
        currency: input.template.scope === 'international' || input.language === 'en' ? 'USD' : 'CNY',
        approver,
        pillar: input.pillar,
      };
      byOwner[input.owner.index]?.push(planned);
      cycleGoals.push(planned);
      count += 1;
      return planned;
    };

    // Company: one goal per pillar (three drafts for the quarter being planned).
    const companyPillars = kind === 'planning' ? context.pillars.slice(0, 3) : context.pillars;
    const companyGoals = companyPillars.map((pillar) =>
      add({
        owner: ceo,
        level: 'company',
        scaleLevel: 'company',
        orgUnitId: company.companyUnit.id,
        parent: null,
        template: COMPANY_OBJECTIVES[pillar],
        pillar,
        language: 'zh',
        status: kind === 'planning' ? 'draft' : 'approved',
        strategyPillars: [pillar],
      }),
    );

    // Departments: each goal cascades from the company goal of the pillar the department serves most.
    const departmentGoals: PlannedGoal[][] = departments.map((department) => {
      const head = staff[department.headIndex] as StaffMember;
      const affinity = DEPARTMENTS[department.functionKey].pillarAffinity;
      const used = new Set<ObjectiveTemplate>();
      const goals: PlannedGoal[] = [];
      for (let index = 0; index < departmentGoalCount(kind, department.teamIndices.length); index += 1) {
        const parent = random.pickWeighted(companyGoals.map((goal): WeightedChoice<PlannedGoal> => [goal, affinity[goal.pillar] ?? 0.2]));
        const template = chooseTemplate(random, department.functionKey, 'zh', true, parent.pillar, used);
        const extraPillar = random.chance(0.2) && template.pillar !== parent.pillar ? [template.pillar] : [];
        goals.push(
          add({
            owner: head,
            level: 'department',
            scaleLevel: 'department',
            orgUnitId: department.unit.id,
            parent,
            template,
            pillar: parent.pillar,
            language: 'zh',
            status: kind === 'planning' ? random.pickWeighted<GoalStatus>([['draft', 60], ['pending', 40]]) : 'approved',
            strategyPillars: [parent.pillar, ...extraPillar],
          }),
        );
      }
      return goals;
    });
    // Departments support each other: a third of department goals align with another department's.
    departmentGoals.forEach((goals, departmentIndex) => {
      for (const planned of goals) {
        if (!random.chance(0.3)) continue;
        const otherIndex = (departmentIndex + random.int(1, departments.length - 1)) % departments.length;
        const other = departmentGoals[otherIndex];
        if (other && other.length > 0) planned.goal.alignsTo.push(random.pick(other).goal.id);
      }
    });

    // Teams: the leader's goals cascade from their department's goals.
    const teamGoals: PlannedGoal[][] = teams.map((team) => {
      const leader = staff[team.leaderIndex] as StaffMember;
      const parents = random.shuffle(departmentGoals[team.departmentIndex] ?? []);
      const used = new Set<ObjectiveTemplate>();
      const goals: PlannedGoal[] = [];
      const teamGoalCount = teamGoalCounts[kind][team.index] ?? 0;
      for (let index = 0; index < teamGoalCount && parents.length > 0; index += 1) {
        const parent = parents[index % parents.length] as PlannedGoal;
        const template = chooseTemplate(random, team.functionKey, team.language, false, parent.pillar, used);
        const planned = add({
          owner: leader,
          level: 'department',
          scaleLevel: 'team',
          orgUnitId: team.unit.id,
          parent,
          template,
          pillar: parent.pillar,
          language: team.language,
          status: 'approved',
          strategyPillars: [parent.pillar],
        });
        if (random.chance(0.15)) {
          const otherDepartment = departmentGoals[(team.departmentIndex + random.int(1, departments.length - 1)) % departments.length];
          if (otherDepartment && otherDepartment.length > 0) planned.goal.alignsTo.push(random.pick(otherDepartment).goal.id);
        }
        goals.push(planned);
      }
      return goals;
    });
    const allTeamGoals = teamGoals.flat();

    // People: individual goals cascade from their team's goals.
    for (const member of staff) {
      const goalCount = individualCounts[kind][member.index] ?? 0;
      if (goalCount === 0 || member.teamIndex < 0) continue;
      const team = teams[member.teamIndex] as Team;
      const parents = random.shuffle(teamGoals[team.index] ?? []);
      const used = new Set<ObjectiveTemplate>();
      const statuses = individualStatuses(random, kind, member, goalCount, company);
      for (let index = 0; index < goalCount; index += 1) {
        // A few goals hang from nothing (orphans) or serve no pillar: the alignment graph exists to find them.
        const orphan = parents.length === 0 || random.chance(0.02);
        const parent = orphan ? null : (parents[index % parents.length] as PlannedGoal);
        const preferredPillar = parent ? parent.pillar : random.pick(context.pillars);
        const template = chooseTemplate(random, team.functionKey, team.language, false, preferredPillar, used);
        const offStrategy = orphan ? random.chance(0.5) : random.chance(0.08);
        const strategyPillars = offStrategy ? [] : random.chance(0.06) && template.pillar !== preferredPillar ? [preferredPillar, template.pillar] : [preferredPillar];
        const planned = add({
          owner: member,
          level: 'individual',
          scaleLevel: 'individual',
          orgUnitId: team.unit.id,
          parent,
          template,
          pillar: preferredPillar,
          language: team.language,
          status: statuses[index] ?? 'approved',
          visibility: random.pickWeighted(INDIVIDUAL_VISIBILITIES),
          strategyPillars,
        });
        if (allTeamGoals.length > 1 && random.chance(0.08)) {
          const supported = random.pick(allTeamGoals);
          if (supported.goal.orgUnitId !== team.unit.id) planned.goal.alignsTo.push(supported.goal.id);
        }
      }
    }

    assignSiblingWeights(random, cycleGoals);
  }

  return { byOwner, count };
}

/**
 * How many individual goals each person sets in a cycle. In the active cycle
 * everyone in a team has at least one (when the budget allows) and leaders,
 * who also own team goals, have fewer; the employee persona has three (two
 * approved, one draft) so the demo shows both.
 */
function allocateIndividualGoals(random: SeededRandom, staff: readonly StaffMember[], budget: number, kind: CycleKind, company: Company): number[] {
  const counts = staff.map(() => 0);
  const eligible = staff.filter((member) => member.teamIndex >= 0 && !(kind === 'previous' && member.joinedRecently));
  if (eligible.length === 0 || budget <= 0) return counts;
  const members = eligible.filter((member) => member.tier === 'member');
  let remaining = budget;
  if (kind === 'active' && budget >= members.length) {
    for (const member of members) counts[member.index] = 1;
    remaining -= members.length;
  }
  const shares = apportion(
    remaining,
    eligible.map((member) => (member.tier === 'member' ? 1 : 0.35) * random.float(0.5, 1.5)),
  );
  eligible.forEach((member, position) => {
    counts[member.index] = (counts[member.index] ?? 0) + (shares[position] ?? 0);
  });
  if (kind === 'active') counts[company.personas.employee] = 3;
  return counts;
}

function individualStatuses(random: SeededRandom, kind: CycleKind, member: StaffMember, goalCount: number, company: Company): GoalStatus[] {
  const statuses: GoalStatus[] = [];
  for (let index = 0; index < goalCount; index += 1) statuses.push(kind === 'active' ? random.pickWeighted(ACTIVE_INDIVIDUAL_STATUSES) : 'approved');
  if (kind !== 'active') return statuses;
  if (member.index === company.personas.employee) return ['approved', 'approved', 'draft'];
  // The manager persona must have approvals waiting: their first two other reports each submitted a goal.
  const manager = company.staff[company.personas.manager];
  if (manager && member.managerIndex === manager.index && member.tier === 'member') {
    const others = company.teams[member.teamIndex]?.memberIndices.filter((index) => index !== company.personas.employee) ?? [];
    const position = others.indexOf(member.index);
    if (position >= 0 && position < 2) statuses[0] = 'pending';
  }
  return statuses;
}

/** Goals under one parent share its progress: their weights sum to 100. Top-level goals are siblings by level. */
function assignSiblingWeights(random: SeededRandom, goals: readonly PlannedGoal[]): void {
  const groups = new Map<string, Goal[]>();
  for (const { goal } of goals) {
    const key = goal.parentId ?? `top:${goal.level}`;
    const siblings = groups.get(key);
    if (siblings) siblings.push(goal);
    else groups.set(key, [goal]);
  }
  for (const siblings of groups.values()) {
    const weights = splitHundred(siblings.map(() => random.float(0.6, 1.6)));
    siblings.forEach((goal, index) => {
      goal.weight = weights[index] ?? 0;
    });
  }
}

/**
 * An objective of the function that serves `pillar`, not yet used by this
 * owner. International teams skip objectives about the China business; Chinese
 * teams mostly skip overseas ones (departments, led from Shanghai, take any).
 */
function chooseTemplate(
  random: SeededRandom,
  functionKey: FunctionKey,
  language: Language,
  anyScope: boolean,
  pillar: PillarKey,
  used: Set<ObjectiveTemplate>,
): ObjectiveTemplate {
  const overseasAllowed = anyScope || language === 'en' || random.chance(0.2);
  const fitting = fittingTemplates(functionKey, anyScope ? 'any' : language, overseasAllowed);
  // A few random draws find an unused one on the pillar almost always, without building filtered lists per goal.
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const candidate = random.pick(fitting);
    if (candidate.pillar === pillar && !used.has(candidate)) return remember(used, candidate);
  }
  const unused = fitting.filter((template) => !used.has(template));
  return remember(used, random.pick(unused.length > 0 ? unused : fitting));
}

function remember(used: Set<ObjectiveTemplate>, template: ObjectiveTemplate): ObjectiveTemplate {
  used.add(template);
  return template;
}

type Writer = 'any' | 'zh' | 'zh-overseas' | 'en';

/** The function's objectives each kind of writer may pick, worked out once. */
const FITTING_TEMPLATES = Object.fromEntries(
  FUNCTION_KEYS.map((functionKey) => {
    const all = FUNCTION_OBJECTIVES[functionKey];
    const byWriter: Record<Writer, readonly ObjectiveTemplate[]> = {
      any: all,
      zh: all.filter((template) => template.scope !== 'international'),
      'zh-overseas': all,
      en: all.filter((template) => template.scope !== 'domestic'),
    };
    return [functionKey, byWriter];
  }),
) as Record<FunctionKey, Record<Writer, readonly ObjectiveTemplate[]>>;

/** The function's objectives a team may write: none about China for international teams, overseas ones only when allowed. */
function fittingTemplates(functionKey: FunctionKey, writer: Language | 'any', overseasAllowed: boolean): readonly ObjectiveTemplate[] {
  return FITTING_TEMPLATES[functionKey][writer === 'zh' && overseasAllowed ? 'zh-overseas' : writer];
}

function chooseParameters(random: SeededRandom, template: ObjectiveTemplate, language: Language): GoalParameters {
  // Channels and networks follow the market, not the writer: an overseas objective sells on Amazon, not Tmall.
  const market: Language = template.scope === 'international' ? 'en' : template.scope === 'domestic' ? 'zh' : language;
  return {
    product: random.pick(PRODUCTS),
    device: random.pick(DEVICES),
    app: random.pick(APPS),
    region: random.pick(DOMESTIC_REGIONS),
    market: random.pick(OVERSEAS_MARKETS),
    channel: random.pick(CHANNELS[market]),
    social: random.pick(SOCIAL_NETWORKS[market]),
  };
}

export function parameterText(parameters: GoalParameters, language: Language): Record<string, string> {
  return {
    product: parameters.product[language],
    device: parameters.device[language],
    app: parameters.app[language],
    region: parameters.region[language],
    market: parameters.market[language],
    channel: parameters.channel[language],
    social: parameters.social[language],
  };
}

/** Leadership sets company goals two to three weeks ahead; each level down follows a few days later. */
const WRITING_DAYS: Readonly<Record<ScaleLevel, readonly [fromDay: number, toDay: number]>> = {
  company: [-20, -14],
  department: [-14, -8],
  team: [-10, -4],
  individual: [-6, 10],
};

interface GoalTimeline {
  createdAt: number;
  decidedAt: number | null;
  updatedAt: number;
  /** Created (1), submitted (2), decided (3). */
  version: number;
}

/**
 * When a goal was written, submitted and decided. Org goals are set before
 * the quarter starts; people write theirs in its first weeks; pending and
 * draft goals are recent. Nothing happens after `now`.
 */
function goalTimeline(random: SeededRandom, context: CycleContext, status: GoalStatus, scaleLevel: ScaleLevel, now: number): GoalTimeline {
  const latest = now - HOUR_MS;
  // Whole minutes, like the check-ins: shared instants are formatted once (see toIsoDateTime).
  const within = (from: number, to: number): number => wholeMinute(Math.min(latest, from + random.next() * Math.max(0, to - from)));
  if (status === 'draft' || status === 'pending') {
    // Drafts for the next quarter were written over the last two weeks; this quarter's since it began.
    const earliest = context.kind === 'planning' ? now - 14 * DAY_MS : Math.max(now - 12 * DAY_MS, context.startMs - 10 * DAY_MS);
    const createdAt = within(Math.min(earliest, now - DAY_MS), now - 2 * HOUR_MS);
    if (status === 'draft') return { createdAt, decidedAt: null, updatedAt: createdAt, version: 1 };
    const submittedAt = within(createdAt, Math.min(createdAt + 2 * DAY_MS, latest));
    return { createdAt, decidedAt: null, updatedAt: submittedAt, version: 2 };
  }
  const [fromDay, toDay] = WRITING_DAYS[scaleLevel];
  const createdAt = wholeMinute(Math.min(within(context.startMs + fromDay * DAY_MS, context.startMs + toDay * DAY_MS), now - 3 * DAY_MS));
  const decidedAt = within(createdAt + 4 * HOUR_MS, createdAt + 3 * DAY_MS);
  return { createdAt, decidedAt, updatedAt: decidedAt, version: 3 };
}
