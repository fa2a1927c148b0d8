/**
 * A small hand-written company for the adapter contract suite. Every record
 * is here for a reason a test names; ids are readable so failures are too.
 *
 * People (management chain in brackets):
 *   陈伟 Chen Wei   CEO, admin            u-company
 *   Li Na           HR partner [ceo]       u-people
 *   王芳 Wang Fang  head of Engineering [ceo]        u-eng
 *   Zhang Min       Platform team manager [head]     u-platform
 *   Liu Yang        engineer [lead → head → ceo]     u-platform
 *   Zhao Lei        engineer [lead → head → ceo]     u-platform
 *   Sun Li          sales, another department [ceo] u-sales
 */
import type {
  CheckIn,
  Cycle,
  Feedback,
  Goal,
  GoalChange,
  JobProfile,
  KeyResult,
  Kpi,
  OrgUnit,
  Person,
  RecordSet,
  Review,
  ReviewTemplate,
  Strategy,
  Training,
  TrainingRecord,
  WorkLog,
} from '../../src/model/records.js';

/** Readable ids of the fixture's records. */
export const ids = {
  ceo: 'p-ceo',
  hr: 'p-hr',
  head: 'p-head',
  lead: 'p-lead',
  emp1: 'p-emp1',
  emp2: 'p-emp2',
  sales: 'p-sales',

  company: 'u-company',
  people: 'u-people',
  eng: 'u-eng',
  platform: 'u-platform',
  salesUnit: 'u-sales',

  cycle: 'c-active',
  nextCycle: 'c-next',
  growth: 's-growth',
  quality: 's-quality',

  /** company, approved, public */
  goalCompany: 'g-company',
  /** department (Engineering), approved, public, under goalCompany */
  goalEng: 'g-eng',
  /** Liu Yang's, approved, visible to u-platform only */
  goalEmp1: 'g-emp1',
  /** Liu Yang's, draft, private */
  goalEmp1Draft: 'g-emp1-draft',
  /** Liu Yang's, pending, public */
  goalEmp1Pending: 'g-emp1-pending',
  /** Zhao Lei's, pending, public */
  goalEmp2Pending: 'g-emp2-pending',
  /** Zhao Lei's, rejected, public */
  goalEmp2Rejected: 'g-emp2-rejected',
  /** Zhao Lei's, archived, public */
  goalEmp2Archived: 'g-emp2-archived',
  /** Sun Li's, approved, private */
  goalSales: 'g-sales',
  /** Zhao Lei's, pending, in the next cycle (which turns key results into KPIs on approval) */
  goalNext: 'g-next',

  krLatency: 'kr-latency',
  krUptime: 'kr-uptime',
  krDocs: 'kr-docs',
  krPending: 'kr-pending',
  krLaunch: 'kr-launch',
  krRejected: 'kr-rejected',
  krRevenue: 'kr-revenue',
  krNext: 'kr-next',

  checkIn: 'ci-latency-1',
  goalChange: 'gc-emp1-1',
  workLog: 'wl-emp1-w02',

  kpiLatency: 'kpi-latency',
  kpiEmp2: 'kpi-emp2-review-time',
  kpiEmp1Archived: 'kpi-emp1-archived',
  kpiSales: 'kpi-sales-revenue',

  jobBackend: 'jp-backend',
  jobSales: 'jp-sales',

  template: 'rt-standard',
  sectionGoals: 'sec-goals',
  sectionKpis: 'sec-kpis',
  sectionCompetencies: 'sec-competencies',
  sectionQuestions: 'sec-questions',
  itemCollaboration: 'comp-collaboration',
  itemOwnership: 'comp-ownership',
  itemGrowth: 'q-growth',

  reviewEmp1Self: 'rv-emp1-self',
  reviewEmp1Peer: 'rv-emp1-peer',
  reviewEmp1Manager: 'rv-emp1-manager',
  reviewEmp2Self: 'rv-emp2-self',
  reviewEmp2Peer: 'rv-emp2-peer',

  feedbackPraise: 'fb-goal-praise',
  feedbackReply: 'fb-goal-reply',
  feedbackPrivate: 'fb-person-private',
  feedbackManager: 'fb-person-manager',
  feedbackPublic: 'fb-person-public',

  trainingLeadership: 't-leadership',
  trainingSql: 't-sql',
  recordEmp1Sql: 'tr-emp1-sql',
  recordEmp2Leadership: 'tr-emp2-leadership',
} as const;

const at = (day: number): string => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const stamp = { version: 1, updatedAt: at(5) } as const;

function person(id: string, name: string, fields: Partial<Person> & Pick<Person, 'orgUnitId' | 'managerId' | 'roles' | 'title'>): Person {
  const email = `${(fields.nameAlt ?? name).toLowerCase().replace(/\s+/g, '.')}@example.com`;
  return { id, ...stamp, name, email, jobProfileId: null, ...fields };
}

function goal(id: string, fields: Partial<Goal> & Pick<Goal, 'level' | 'ownerId' | 'orgUnitId' | 'parentId' | 'status' | 'visibility' | 'title'>, day: number): Goal {
  return {
    id,
    ...stamp,
    cycleId: ids.cycle,
    alignsTo: [],
    strategyIds: [],
    description: '',
    weight: 50,
    createdAt: at(day),
    ...fields,
  };
}

function keyResult(id: string, fields: Partial<KeyResult> & Pick<KeyResult, 'goalId' | 'title' | 'metric' | 'start' | 'target' | 'direction'>): KeyResult {
  return { id, ...stamp, current: fields.start, unit: '', weight: 100, due: '2026-03-31', lastCheckIn: null, ...fields };
}

function kpi(id: string, fields: Partial<Kpi> & Pick<Kpi, 'ownerId' | 'name' | 'source' | 'sourceId' | 'target' | 'direction'>): Kpi {
  return {
    id,
    ...stamp,
    cycleId: ids.cycle,
    start: 0,
    actual: 0,
    unit: '',
    weight: 50,
    thresholds: { healthy: 0.9, watch: 0.7 },
    category: 'delivery',
    history: [],
    targetChanges: [],
    archived: false,
    ...fields,
  };
}

function review(id: string, fields: Partial<Review> & Pick<Review, 'revieweeId' | 'raterId' | 'raterType' | 'status'>): Review {
  return {
    id,
    ...stamp,
    templateId: ids.template,
    cycleId: ids.cycle,
    answers: {},
    score: null,
    submittedAt: null,
    released: false,
    ...fields,
  };
}

function feedback(id: string, fields: Partial<Feedback> & Pick<Feedback, 'subject' | 'authorId' | 'visibility' | 'body'>, day: number): Feedback {
  return { id, ...stamp, parentId: null, kind: 'note', mentions: [], createdAt: at(day), editedAt: null, ...fields };
}

/** A fresh copy of the fixture company: tests may change it freely. */
export function fixtureCompany(): RecordSet {
  const people: Person[] = [
    person(ids.ceo, '陈伟', { nameAlt: 'Chen Wei', title: 'Chief executive', orgUnitId: ids.company, managerId: null, roles: ['employee', 'manager', 'admin'] }),
    person(ids.hr, 'Li Na', { title: 'HR partner', orgUnitId: ids.people, managerId: ids.ceo, roles: ['employee', 'hr'] }),
    person(ids.head, '王芳', { nameAlt: 'Wang Fang', title: 'Head of Engineering', orgUnitId: ids.eng, managerId: ids.ceo, roles: ['employee', 'manager'] }),
    person(ids.lead, 'Zhang Min', { title: 'Platform team manager', orgUnitId: ids.platform, managerId: ids.head, roles: ['employee', 'manager'] }),
    person(ids.emp1, 'Liu Yang', { title: 'Backend engineer', orgUnitId: ids.platform, managerId: ids.lead, roles: ['employee'] }),
    person(ids.emp2, 'Zhao Lei', { title: 'Backend engineer', orgUnitId: ids.platform, managerId: ids.lead, roles: ['employee'] }),
    person(ids.sales, 'Sun Li', { title: 'Account executive', orgUnitId: ids.salesUnit, managerId: ids.ceo, roles: ['employee'] }),
  ];
  const orgUnits: OrgUnit[] = [
    { id: ids.company, ...stamp, name: 'Tandem Demo Co.', kind: 'company', parentId: null, leaderId: ids.ceo },
    { id: ids.people, ...stamp, name: 'People', kind: 'department', parentId: ids.company, leaderId: ids.hr },
    { id: ids.eng, ...stamp, name: 'Engineering', kind: 'department', parentId: ids.company, leaderId: ids.head },
    { id: ids.platform, ...stamp, name: 'Platform', kind: 'team', parentId: ids.eng, leaderId: ids.lead },
    { id: ids.salesUnit, ...stamp, name: 'Sales', kind: 'department', parentId: ids.company, leaderId: null },
  ];
  const cycles: Cycle[] = [
    { id: ids.cycle, ...stamp, name: '2026 H1', start: '2026-01-01', end: '2026-06-30', status: 'active', autoKpiFromKeyResults: false },
    { id: ids.nextCycle, ...stamp, name: '2026 H2', start: '2026-07-01', end: '2026-12-31', status: 'planning', autoKpiFromKeyResults: true },
  ];
  const strategies: Strategy[] = [
    { id: ids.growth, ...stamp, cycleId: ids.cycle, title: 'Grow revenue', description: '', order: 2 },
    { id: ids.quality, ...stamp, cycleId: ids.cycle, title: 'Reliable product', description: '', order: 1 },
  ];
  const goals: Goal[] = [
    goal(ids.goalCompany, { level: 'company', ownerId: ids.ceo, orgUnitId: ids.company, parentId: null, status: 'approved', visibility: 'public', title: 'Win the mid-market', strategyIds: [ids.growth], weight: 100 }, 2),
    goal(ids.goalEng, { level: 'department', ownerId: ids.head, orgUnitId: ids.eng, parentId: ids.goalCompany, status: 'approved', visibility: 'public', title: 'Ship a platform customers trust', strategyIds: [ids.quality] }, 3),
    goal(ids.goalEmp1, { level: 'individual', ownerId: ids.emp1, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'approved', visibility: 'org-unit', title: 'Make the API fast' }, 4),
    goal(ids.goalEmp1Draft, { level: 'individual', ownerId: ids.emp1, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'draft', visibility: 'private', title: 'Document the platform' }, 5),
    goal(ids.goalEmp1Pending, { level: 'individual', ownerId: ids.emp1, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'pending', visibility: 'public', title: 'Cut build times' }, 6),
    goal(ids.goalEmp2Pending, { level: 'individual', ownerId: ids.emp2, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'pending', visibility: 'public', title: 'Launch the status page' }, 7),
    goal(ids.goalEmp2Rejected, { level: 'individual', ownerId: ids.emp2, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'rejected', visibility: 'public', title: 'Rewrite everything', decisionComment: 'Too broad', decidedBy: ids.lead, decidedAt: at(9) }, 8),
    goal(ids.goalEmp2Archived, { level: 'individual', ownerId: ids.emp2, orgUnitId: ids.platform, parentId: ids.goalEng, status: 'archived', visibility: 'public', title: 'Old idea' }, 9),
    goal(ids.goalSales, { level: 'individual', ownerId: ids.sales, orgUnitId: ids.salesUnit, parentId: ids.goalCompany, status: 'approved', visibility: 'private', title: 'Close ten new accounts' }, 10),
    goal(ids.goalNext, { cycleId: ids.nextCycle, level: 'individual', ownerId: ids.emp2, orgUnitId: ids.platform, parentId: null, status: 'pending', visibility: 'public', title: 'Automate on-call' }, 11),
  ];
  const keyResults: KeyResult[] = [
    keyResult(ids.krLatency, { goalId: ids.goalEmp1, title: 'p95 latency', metric: 'number', start: 800, target: 300, current: 700, unit: 'ms', direction: 'decrease', weight: 60 }),
    keyResult(ids.krUptime, { goalId: ids.goalEmp1, title: 'Uptime', metric: 'percent', start: 99, target: 99.9, current: 99.5, unit: '%', direction: 'increase', weight: 40 }),
    keyResult(ids.krDocs, { goalId: ids.goalEmp1Draft, title: 'Guides published', metric: 'milestone', start: 0, target: 3, direction: 'increase' }),
    keyResult(ids.krPending, { goalId: ids.goalEmp1Pending, title: 'Build minutes', metric: 'number', start: 20, target: 8, unit: 'min', direction: 'decrease' }),
    keyResult(ids.krLaunch, { goalId: ids.goalEmp2Pending, title: 'Status page live', metric: 'binary', start: 0, target: 1, direction: 'increase' }),
    keyResult(ids.krRejected, { goalId: ids.goalEmp2Rejected, title: 'Services rewritten', metric: 'number', start: 0, target: 40, direction: 'increase' }),
    keyResult(ids.krRevenue, { goalId: ids.goalSales, title: 'New revenue', metric: 'currency', start: 0, target: 1_000_000, unit: 'CNY', direction: 'increase' }),
    keyResult(ids.krNext, { goalId: ids.goalNext, title: 'Runbooks automated', metric: 'number', start: 0, target: 12, direction: 'increase', due: '2026-12-15' }),
  ];
  const checkIns: CheckIn[] = [
    { id: ids.checkIn, keyResultId: ids.krLatency, goalId: ids.goalEmp1, authorId: ids.emp1, at: at(10), value: 700, confidence: 0.7, note: 'Cache warmed', blockers: '' },
  ];
  const goalChanges: GoalChange[] = [
    { id: ids.goalChange, goalId: ids.goalEmp1, authorId: ids.lead, at: at(8), reason: 'Scope narrowed to the public API', before: { title: 'Make everything fast' }, after: { title: 'Make the API fast' } },
  ];
  const workLogs: WorkLog[] = [
    { id: ids.workLog, ...stamp, personId: ids.emp1, week: '2026-W02', entries: [{ id: 'wle-1', at: at(10), text: 'Cache warmed', keyResultId: ids.krLatency, checkInId: ids.checkIn }] },
  ];
  const kpis: Kpi[] = [
    kpi(ids.kpiLatency, { ownerId: ids.emp1, name: 'p95 latency', source: 'keyResult', sourceId: ids.krLatency, start: 800, target: 300, actual: 700, unit: 'ms', direction: 'decrease', history: [{ at: at(10), value: 700 }] }),
    kpi(ids.kpiEmp2, { ownerId: ids.emp2, name: 'Review turnaround', source: 'manual', sourceId: null, start: 48, target: 24, actual: 30, unit: 'h', direction: 'decrease' }),
    kpi(ids.kpiEmp1Archived, { ownerId: ids.emp1, name: 'Tickets closed', source: 'manual', sourceId: null, target: 100, direction: 'increase', archived: true }),
    kpi(ids.kpiSales, { ownerId: ids.sales, name: 'Revenue', source: 'jobProfile', sourceId: ids.jobSales, target: 1_000_000, unit: 'CNY', direction: 'increase' }),
  ];
  const jobProfiles: JobProfile[] = [
    {
      id: ids.jobBackend,
      ...stamp,
      title: 'Backend engineer',
      description: 'Builds and runs services.',
      kpiTemplates: [
        { name: 'Incident response', category: 'reliability', unit: 'min', direction: 'decrease', start: 60, target: 15, weight: 50, thresholds: { healthy: 0.9, watch: 0.7 } },
        { name: 'Reviews given', category: 'collaboration', unit: 'reviews', direction: 'increase', start: 0, target: 40, weight: 50, thresholds: { healthy: 0.9, watch: 0.6 } },
      ],
    },
    {
      id: ids.jobSales,
      ...stamp,
      title: 'Account executive',
      description: 'Wins and grows accounts.',
      kpiTemplates: [{ name: 'Revenue', category: 'growth', unit: 'CNY', direction: 'increase', start: 0, target: 1_000_000, weight: 100, thresholds: { healthy: 0.9, watch: 0.7 } }],
    },
  ];
  const reviewTemplates: ReviewTemplate[] = [
    {
      id: ids.template,
      ...stamp,
      name: 'Half-year review',
      raterTypes: ['self', 'peer', 'manager'],
      scale: [
        { value: 1, label: 'Far below' },
        { value: 2, label: 'Below' },
        { value: 3, label: 'Meets' },
        { value: 4, label: 'Exceeds' },
        { value: 5, label: 'Far exceeds' },
      ],
      sections: [
        { id: ids.sectionGoals, kind: 'goals', title: 'Goals', weight: 40, items: [] },
        { id: ids.sectionKpis, kind: 'kpis', title: 'KPIs', weight: 20, items: [] },
        {
          id: ids.sectionCompetencies,
          kind: 'competencies',
          title: 'Competencies',
          weight: 40,
          items: [
            { id: ids.itemCollaboration, text: 'Collaboration', answer: 'rating' },
            { id: ids.itemOwnership, text: 'Ownership', answer: 'rating' },
          ],
        },
        { id: ids.sectionQuestions, kind: 'questions', title: 'Growth', weight: 0, items: [{ id: ids.itemGrowth, text: 'What should they learn next?', answer: 'text' }] },
      ],
    },
  ];
  const reviews: Review[] = [
    review(ids.reviewEmp1Self, { revieweeId: ids.emp1, raterId: ids.emp1, raterType: 'self', status: 'not-started' }),
    review(ids.reviewEmp1Peer, {
      revieweeId: ids.emp1,
      raterId: ids.emp2,
      raterType: 'peer',
      status: 'submitted',
      score: 4,
      submittedAt: at(20),
      answers: { [ids.itemCollaboration]: { rating: 4 }, [ids.itemOwnership]: { rating: 4 } },
    }),
    review(ids.reviewEmp1Manager, { revieweeId: ids.emp1, raterId: ids.lead, raterType: 'manager', status: 'draft', answers: { [ids.itemCollaboration]: { rating: 5 } } }),
    review(ids.reviewEmp2Self, { revieweeId: ids.emp2, raterId: ids.emp2, raterType: 'self', status: 'submitted', score: 3.5, submittedAt: at(21) }),
    review(ids.reviewEmp2Peer, { revieweeId: ids.emp2, raterId: ids.emp1, raterType: 'peer', status: 'submitted', score: 4, submittedAt: at(22), released: true }),
  ];
  const feedbackList: Feedback[] = [
    feedback(ids.feedbackPraise, { subject: { kind: 'goal', id: ids.goalEmp1 }, authorId: ids.lead, visibility: 'public', kind: 'praise', body: 'Great progress on latency!' }, 11),
    feedback(ids.feedbackReply, { subject: { kind: 'goal', id: ids.goalEmp1 }, authorId: ids.emp1, visibility: 'public', parentId: ids.feedbackPraise, body: 'Thanks, the cache did it.' }, 12),
    feedback(ids.feedbackPrivate, { subject: { kind: 'person', id: ids.emp1 }, authorId: ids.emp2, visibility: 'private', kind: 'suggestion', body: 'Pair with me on the on-call rota?' }, 13),
    feedback(ids.feedbackManager, { subject: { kind: 'person', id: ids.emp1 }, authorId: ids.emp2, visibility: 'manager', kind: 'note', body: 'Covered my shifts twice.' }, 14),
    feedback(ids.feedbackPublic, { subject: { kind: 'person', id: ids.emp1 }, authorId: ids.emp2, visibility: 'public', kind: 'praise', body: 'Thanks for the review help.' }, 15),
  ];
  const trainings: Training[] = [
    { id: ids.trainingLeadership, ...stamp, title: 'Leading a team', category: 'leadership', description: '', hours: 8 },
    { id: ids.trainingSql, ...stamp, title: 'SQL performance', category: 'engineering', description: '', hours: 4 },
  ];
  const trainingRecords: TrainingRecord[] = [
    { id: ids.recordEmp1Sql, ...stamp, personId: ids.emp1, trainingId: ids.trainingSql, status: 'assigned', assignedAt: at(6), completedAt: null, reason: 'Query tuning' },
    { id: ids.recordEmp2Leadership, ...stamp, personId: ids.emp2, trainingId: ids.trainingLeadership, status: 'completed', assignedAt: at(3), completedAt: at(9), reason: '' },
  ];
  return {
    person: people,
    orgUnit: orgUnits,
    cycle: cycles,
    strategy: strategies,
    goal: goals,
    keyResult: keyResults,
    checkIn: checkIns,
    goalChange: goalChanges,
    kpi: kpis,
    workLog: workLogs,
    reviewTemplate: reviewTemplates,
    review: reviews,
    feedback: feedbackList,
    training: trainings,
    trainingRecord: trainingRecords,
    jobProfile: jobProfiles,
  };
}
