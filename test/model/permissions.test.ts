import { expect } from '@open-wc/testing';
import type { Message, MessageKey } from '../../src/i18n/catalog.js';
import {
  ALLOWED,
  canAdjustGoal,
  canArchiveGoal,
  canAssignTraining,
  canCheckIn,
  canCompleteTraining,
  canCreateGoal,
  canDecideGoal,
  canDeleteFeedback,
  canEditFeedback,
  canEditGoal,
  canEditKeyResults,
  canEditKpiActual,
  canEditKpiPlan,
  canEditReview,
  canManageCycles,
  canManageReview,
  canManageTemplates,
  canSubmitGoal,
  canViewFeedback,
  canViewGoal,
  canViewKpi,
  canViewReview,
  canViewWorkLog,
  directoryOf,
  isHr,
  isManagerOf,
  managementChain,
  orgUnitAncestry,
  type Decision,
} from '../../src/model/permissions.js';
import type {
  Feedback,
  Goal,
  Id,
  Kpi,
  OrgUnit,
  OrgUnitKind,
  Person,
  Review,
  Role,
  TrainingRecord,
} from '../../src/model/records.js';

// ── A small company ───────────────────────────────────────────────────────
//
// Acme (company, led by Chen)
// ├── Engineering (department, led by Dana)
// │   └── Web (team, led by Tom): Ann, Ben
// ├── Sales (department, no leader): Sam
// └── People (department, led by Hana, HR)
// Ada, an administrator, sits in the company unit.
// Reporting lines: Ann, Ben → Tom → Dana → Chen; Sam, Hana, Ada → Chen.

const stamp = { version: 1, updatedAt: '2026-01-05T09:00:00.000Z' };

function person(id: Id, orgUnitId: Id, managerId: Id | null, roles: Role[] = ['employee']): Person {
  return { ...stamp, id, name: id, email: `${id}@acme.example`, title: 'Staff', orgUnitId, managerId, roles };
}

function orgUnit(id: Id, kind: OrgUnitKind, parentId: Id | null, leaderId: Id | null): OrgUnit {
  return { ...stamp, id, name: id, kind, parentId, leaderId };
}

const chen = person('chen', 'acme', null, ['employee', 'manager']);
const hana = person('hana', 'people', 'chen', ['employee', 'hr']);
const ada = person('ada', 'acme', 'chen', ['employee', 'admin']);
const dana = person('dana', 'eng', 'chen', ['employee', 'manager']);
const tom = person('tom', 'web', 'dana', ['employee', 'manager']);
const ann = person('ann', 'web', 'tom');
const ben = person('ben', 'web', 'tom');
const sam = person('sam', 'sales', 'chen');

const dir = directoryOf(
  [chen, hana, ada, dana, tom, ann, ben, sam],
  [
    orgUnit('acme', 'company', null, 'chen'),
    orgUnit('eng', 'department', 'acme', 'dana'),
    orgUnit('web', 'team', 'eng', 'tom'),
    orgUnit('sales', 'department', 'acme', null),
    orgUnit('people', 'department', 'acme', 'hana'),
  ],
);

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    ...stamp,
    id: 'g1',
    cycleId: 'c1',
    level: 'individual',
    ownerId: 'ann',
    orgUnitId: 'web',
    parentId: null,
    alignsTo: [],
    strategyIds: [],
    title: 'Make checkout faster',
    description: '',
    status: 'draft',
    weight: 100,
    visibility: 'public',
    createdAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

function kpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    ...stamp,
    id: 'k1',
    ownerId: 'ann',
    cycleId: 'c1',
    name: 'Page load p95',
    source: 'manual',
    sourceId: null,
    start: 0,
    target: 100,
    actual: 40,
    unit: '',
    direction: 'increase',
    weight: 100,
    thresholds: { healthy: 1, watch: 0.8 },
    category: 'Delivery',
    history: [],
    targetChanges: [],
    archived: false,
    ...overrides,
  };
}

function review(overrides: Partial<Review> = {}): Review {
  return {
    ...stamp,
    id: 'r1',
    templateId: 't1',
    cycleId: 'c1',
    revieweeId: 'ann',
    raterId: 'ben',
    raterType: 'peer',
    status: 'submitted',
    answers: {},
    score: null,
    submittedAt: null,
    released: false,
    ...overrides,
  };
}

function feedback(overrides: Partial<Feedback> = {}): Feedback {
  return {
    ...stamp,
    id: 'f1',
    subject: { kind: 'person', id: 'ann' },
    authorId: 'ben',
    parentId: null,
    kind: 'praise',
    visibility: 'public',
    body: 'Thanks for the review help.',
    mentions: [],
    createdAt: '2026-01-05T09:00:00.000Z',
    editedAt: null,
    ...overrides,
  };
}

function trainingRecord(overrides: Partial<TrainingRecord> = {}): TrainingRecord {
  return {
    ...stamp,
    id: 'tr1',
    personId: 'ann',
    trainingId: 'course1',
    status: 'assigned',
    assignedAt: '2026-01-05T09:00:00.000Z',
    completedAt: null,
    reason: 'Development plan',
    ...overrides,
  };
}

const allowed: Decision = { allowed: true };

/** A refusal with a `permission.*` reason; none of them takes parameters. */
function refused(key: Extract<MessageKey, `permission.${string}`>): Decision {
  // The key is a union too wide for TypeScript to match against Message's members one by one.
  return { allowed: false, reason: { key } as Message };
}

/** Checks each actor's decision, naming the actor in a failure. */
function expectDecisions(decide: (actor: Person) => Decision, expected: [Person, Decision][]): void {
  for (const [actor, decision] of expected) {
    expect({ actor: actor.id, decision: decide(actor) }).to.deep.equal({ actor: actor.id, decision });
  }
}

// ── Organisation ──────────────────────────────────────────────────────────

describe('organisation helpers', () => {
  it('look people and org units up by id', () => {
    expect(dir.person('ann')).to.equal(ann);
    expect(dir.orgUnit('web')?.leaderId).to.equal('tom');
    expect(dir.person('nobody')).to.equal(undefined);
    expect(dir.orgUnit('nowhere')).to.equal(undefined);
  });

  it('list the management chain nearest first', () => {
    expect(managementChain('ann', dir)).to.deep.equal(['tom', 'dana', 'chen']);
    expect(managementChain('sam', dir)).to.deep.equal(['chen']);
    expect(managementChain('chen', dir)).to.deep.equal([]);
    expect(managementChain('nobody', dir)).to.deep.equal([]);
  });

  it('end the chain at a manager outside the directory, and at a loop', () => {
    const broken = directoryOf(
      [person('x', 'u', 'y'), person('y', 'u', 'x'), person('self', 'u', 'self'), person('p', 'u', 'ghost')],
      [],
    );
    expect(managementChain('x', broken)).to.deep.equal(['y']);
    expect(managementChain('self', broken)).to.deep.equal([]);
    expect(managementChain('p', broken)).to.deep.equal(['ghost']);
    expect(isManagerOf('x', 'x', broken)).to.equal(false);
  });

  it('count every manager up the chain, but never oneself or a peer', () => {
    expect(isManagerOf('tom', 'ann', dir)).to.equal(true);
    expect(isManagerOf('chen', 'ann', dir)).to.equal(true);
    expect(isManagerOf('ann', 'ann', dir)).to.equal(false);
    expect(isManagerOf('ben', 'ann', dir)).to.equal(false);
    expect(isManagerOf('ann', 'tom', dir)).to.equal(false);
    expect(isManagerOf('hana', 'ann', dir)).to.equal(false);
  });

  it('treat roles hr and admin as HR', () => {
    expect([hana, ada, chen, tom, ann].map(isHr)).to.deep.equal([true, true, false, false, false]);
  });

  it('list an org unit and its parents upward, safe against loops', () => {
    expect(orgUnitAncestry('web', dir)).to.deep.equal(['web', 'eng', 'acme']);
    expect(orgUnitAncestry('acme', dir)).to.deep.equal(['acme']);
    expect(orgUnitAncestry('nowhere', dir)).to.deep.equal(['nowhere']);
    const looped = directoryOf([], [orgUnit('a', 'team', 'b', null), orgUnit('b', 'team', 'a', null)]);
    expect(orgUnitAncestry('a', looped)).to.deep.equal(['a', 'b']);
  });

  it('share one frozen ALLOWED decision', () => {
    expect(ALLOWED).to.deep.equal({ allowed: true });
    expect(Object.isFrozen(ALLOWED)).to.equal(true);
  });
});

// ── Goals ─────────────────────────────────────────────────────────────────

describe('canViewGoal', () => {
  it('shows a public goal to everyone', () => {
    expectDecisions((actor) => canViewGoal(actor, goal({ visibility: 'public' }), dir), [
      [sam, allowed],
      [ben, allowed],
    ]);
  });

  it('shows an org-unit goal to its unit and below, the owner, their managers and HR', () => {
    const teamGoal = goal({ visibility: 'org-unit', ownerId: 'ann', orgUnitId: 'web' });
    expectDecisions((actor) => canViewGoal(actor, teamGoal, dir), [
      [ann, allowed],
      [ben, allowed],
      [tom, allowed],
      [chen, allowed],
      [hana, allowed],
      [sam, refused('permission.goalOrgUnitOnly')],
    ]);
    const departmentGoal = goal({ visibility: 'org-unit', ownerId: 'dana', orgUnitId: 'eng', level: 'department' });
    expectDecisions((actor) => canViewGoal(actor, departmentGoal, dir), [
      [ann, allowed],
      [sam, refused('permission.goalOrgUnitOnly')],
    ]);
  });

  it('shows a private goal only to the owner, their management chain and HR', () => {
    const privateGoal = goal({ visibility: 'private' });
    expectDecisions((actor) => canViewGoal(actor, privateGoal, dir), [
      [ann, allowed],
      [tom, allowed],
      [dana, allowed],
      [chen, allowed],
      [hana, allowed],
      [ada, allowed],
      [ben, refused('permission.goalPrivate')],
      [sam, refused('permission.goalPrivate')],
    ]);
  });
});

describe('canCreateGoal', () => {
  it('lets people set their own individual goals and managers set their reports\'', () => {
    const forAnn = { level: 'individual', ownerId: 'ann', orgUnitId: 'web' } as const;
    expectDecisions((actor) => canCreateGoal(actor, forAnn, dir), [
      [ann, allowed],
      [tom, allowed],
      [chen, allowed],
      [ben, refused('permission.individualGoalForOthers')],
      [hana, refused('permission.individualGoalForOthers')],
    ]);
    expect(canCreateGoal(ann, { level: 'individual', ownerId: 'tom', orgUnitId: 'web' }, dir)).to.deep.equal(
      refused('permission.individualGoalForOthers'),
    );
  });

  it('lets the unit leader, those above them and HR set department goals', () => {
    const forEngineering = { level: 'department', ownerId: 'dana', orgUnitId: 'eng' } as const;
    expectDecisions((actor) => canCreateGoal(actor, forEngineering, dir), [
      [dana, allowed],
      [chen, allowed],
      [hana, allowed],
      [tom, refused('permission.notUnitLeader')],
      [ann, refused('permission.notUnitLeader')],
      [sam, refused('permission.notUnitLeader')],
    ]);
  });

  it('lets the leader of a unit above set goals for a unit whose lead is vacant', () => {
    const forSales = { level: 'department', ownerId: 'sam', orgUnitId: 'sales' } as const;
    expectDecisions((actor) => canCreateGoal(actor, forSales, dir), [
      [chen, allowed],
      [sam, refused('permission.notUnitLeader')],
      [dana, refused('permission.notUnitLeader')],
    ]);
  });

  it('lets the company leader, HR and administrators set company goals', () => {
    const forCompany = { level: 'company', ownerId: 'chen', orgUnitId: 'acme' } as const;
    expectDecisions((actor) => canCreateGoal(actor, forCompany, dir), [
      [chen, allowed],
      [hana, allowed],
      [ada, allowed],
      [dana, refused('permission.companyGoalsRestricted')],
      [ann, refused('permission.companyGoalsRestricted')],
    ]);
    expect(canCreateGoal(chen, { level: 'company', ownerId: 'chen', orgUnitId: 'nowhere' }, dir)).to.deep.equal(
      refused('permission.companyGoalsRestricted'),
    );
  });
});

describe('canEditGoal and canEditKeyResults', () => {
  for (const [name, rule] of [
    ['canEditGoal', canEditGoal],
    ['canEditKeyResults', canEditKeyResults],
  ] as const) {
    it(`${name}: the owner, their managers and HR, while draft or rejected`, () => {
      expectDecisions((actor) => rule(actor, goal({ status: 'draft' }), dir), [
        [ann, allowed],
        [tom, allowed],
        [chen, allowed],
        [hana, allowed],
        [ben, refused('permission.notOwnerManagerOrHr')],
        [sam, refused('permission.notOwnerManagerOrHr')],
      ]);
      expect(rule(ann, goal({ status: 'rejected' }), dir)).to.deep.equal(allowed);
    });

    it(`${name}: not once submitted, approved or archived`, () => {
      expect(rule(ann, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.goalPending'));
      expect(rule(ann, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.goalLocked'));
      expect(rule(tom, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.goalLocked'));
      expect(rule(hana, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
      // Who is asked first: an outsider learns nothing of the goal's state.
      expect(rule(ben, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.notOwnerManagerOrHr'));
    });
  }
});

describe('canArchiveGoal', () => {
  it('lets the owner archive a draft or rejected goal', () => {
    expect(canArchiveGoal(ann, goal({ status: 'draft' }), dir)).to.deep.equal(allowed);
    expect(canArchiveGoal(ann, goal({ status: 'rejected' }), dir)).to.deep.equal(allowed);
  });

  it('leaves a submitted or approved goal to the managers and HR', () => {
    expect(canArchiveGoal(ann, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.archiveNeedsManager'));
    expect(canArchiveGoal(ann, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.archiveNeedsManager'));
    expect(canArchiveGoal(tom, goal({ status: 'approved' }), dir)).to.deep.equal(allowed);
    expect(canArchiveGoal(hana, goal({ status: 'pending' }), dir)).to.deep.equal(allowed);
  });

  it('refuses outsiders and goals already archived', () => {
    expect(canArchiveGoal(ben, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.notOwnerManagerOrHr'));
    expect(canArchiveGoal(tom, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
  });
});

describe('canAdjustGoal', () => {
  it('lets the owner\'s managers and HR adjust an approved goal', () => {
    expectDecisions((actor) => canAdjustGoal(actor, goal({ status: 'approved' }), dir), [
      [tom, allowed],
      [dana, allowed],
      [chen, allowed],
      [hana, allowed],
      [ben, refused('permission.notManager')],
      [sam, refused('permission.notManager')],
    ]);
  });

  it('refuses the owner, HR included: the owner proposes, the manager adjusts', () => {
    expect(canAdjustGoal(ann, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.ownGoalAdjustment'));
    const hanasGoal = goal({ status: 'approved', ownerId: 'hana', orgUnitId: 'people' });
    expect(canAdjustGoal(hana, hanasGoal, dir)).to.deep.equal(refused('permission.ownGoalAdjustment'));
    expect(canAdjustGoal(chen, hanasGoal, dir)).to.deep.equal(allowed);
  });

  it('refuses goals that are not approved', () => {
    expect(canAdjustGoal(tom, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.goalNotApproved'));
    expect(canAdjustGoal(tom, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.goalNotApproved'));
    expect(canAdjustGoal(tom, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
  });
});

describe('canSubmitGoal', () => {
  it('lets only the owner submit a draft or rejected goal', () => {
    expect(canSubmitGoal(ann, goal({ status: 'draft' }), dir)).to.deep.equal(allowed);
    expect(canSubmitGoal(ann, goal({ status: 'rejected' }), dir)).to.deep.equal(allowed);
    expect(canSubmitGoal(tom, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.notOwner'));
    expect(canSubmitGoal(hana, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.notOwner'));
  });

  it('refuses a goal already pending, approved or archived', () => {
    expect(canSubmitGoal(ann, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.goalPending'));
    expect(canSubmitGoal(ann, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.goalLocked'));
    expect(canSubmitGoal(ann, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
  });
});

describe('canDecideGoal', () => {
  it('lets the owner\'s management chain and HR approve or reject a pending goal', () => {
    expectDecisions((actor) => canDecideGoal(actor, goal({ status: 'pending' }), dir), [
      [tom, allowed],
      [dana, allowed],
      [chen, allowed],
      [hana, allowed],
      [ben, refused('permission.notManager')],
      [sam, refused('permission.notManager')],
    ]);
  });

  it('refuses a decision on one\'s own goal, HR included', () => {
    expect(canDecideGoal(ann, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.ownGoalApproval'));
    const hanasGoal = goal({ status: 'pending', ownerId: 'hana', orgUnitId: 'people' });
    expect(canDecideGoal(hana, hanasGoal, dir)).to.deep.equal(refused('permission.ownGoalApproval'));
    expect(canDecideGoal(ada, hanasGoal, dir)).to.deep.equal(allowed);
  });

  it('refuses goals that are not pending', () => {
    expect(canDecideGoal(tom, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.goalNotPending'));
    expect(canDecideGoal(tom, goal({ status: 'approved' }), dir)).to.deep.equal(refused('permission.goalNotPending'));
    expect(canDecideGoal(tom, goal({ status: 'rejected' }), dir)).to.deep.equal(refused('permission.goalNotPending'));
    expect(canDecideGoal(tom, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
  });
});

describe('canCheckIn', () => {
  it('lets the owner and their managers check in on an approved goal', () => {
    expectDecisions((actor) => canCheckIn(actor, goal({ status: 'approved' }), dir), [
      [ann, allowed],
      [tom, allowed],
      [chen, allowed],
      [hana, refused('permission.notOwnerOrManager')],
      [ben, refused('permission.notOwnerOrManager')],
    ]);
  });

  it('refuses check-ins before approval and after archiving', () => {
    expect(canCheckIn(ann, goal({ status: 'draft' }), dir)).to.deep.equal(refused('permission.goalNotApproved'));
    expect(canCheckIn(ann, goal({ status: 'pending' }), dir)).to.deep.equal(refused('permission.goalNotApproved'));
    expect(canCheckIn(ann, goal({ status: 'rejected' }), dir)).to.deep.equal(refused('permission.goalNotApproved'));
    expect(canCheckIn(ann, goal({ status: 'archived' }), dir)).to.deep.equal(refused('permission.goalArchived'));
  });
});

// ── Performance ───────────────────────────────────────────────────────────

describe('canViewWorkLog and canViewKpi', () => {
  it('show a work log to the person, their managers and HR', () => {
    expectDecisions((actor) => canViewWorkLog(actor, 'ann', dir), [
      [ann, allowed],
      [tom, allowed],
      [chen, allowed],
      [hana, allowed],
      [ben, refused('permission.workLogPrivate')],
      [sam, refused('permission.workLogPrivate')],
    ]);
  });

  it('show a KPI to its owner, their managers and HR', () => {
    expectDecisions((actor) => canViewKpi(actor, kpi(), dir), [
      [ann, allowed],
      [dana, allowed],
      [ada, allowed],
      [ben, refused('permission.kpiPrivate')],
      [sam, refused('permission.kpiPrivate')],
    ]);
  });
});

describe('canEditKpiActual', () => {
  it('lets the owner, their managers and HR record an actual', () => {
    expectDecisions((actor) => canEditKpiActual(actor, kpi(), dir), [
      [ann, allowed],
      [tom, allowed],
      [hana, allowed],
      [ben, refused('permission.notOwnerManagerOrHr')],
    ]);
    expect(canEditKpiActual(ann, kpi({ source: 'jobProfile', sourceId: 'jp1' }), dir)).to.deep.equal(allowed);
  });

  it('refuses archived KPIs and KPIs that follow a key result', () => {
    expect(canEditKpiActual(ann, kpi({ archived: true }), dir)).to.deep.equal(refused('permission.kpiArchived'));
    expect(canEditKpiActual(tom, kpi({ source: 'keyResult', sourceId: 'kr1' }), dir)).to.deep.equal(
      refused('permission.kpiFollowsKeyResult'),
    );
  });
});

describe('canEditKpiPlan', () => {
  it('lets the person\'s managers and HR set the plan', () => {
    expectDecisions((actor) => canEditKpiPlan(actor, 'ann', dir), [
      [tom, allowed],
      [chen, allowed],
      [hana, allowed],
      [ben, refused('permission.notManager')],
      [sam, refused('permission.notManager')],
    ]);
  });

  it('refuses setting one\'s own plan, HR included', () => {
    expect(canEditKpiPlan(ann, 'ann', dir)).to.deep.equal(refused('permission.ownKpiPlan'));
    expect(canEditKpiPlan(hana, 'hana', dir)).to.deep.equal(refused('permission.ownKpiPlan'));
    expect(canEditKpiPlan(chen, 'hana', dir)).to.deep.equal(allowed);
  });
});

describe('canManageCycles and canManageTemplates', () => {
  for (const [name, rule] of [
    ['canManageCycles', canManageCycles],
    ['canManageTemplates', canManageTemplates],
  ] as const) {
    it(`${name}: HR and administrators only`, () => {
      expectDecisions(rule, [
        [hana, allowed],
        [ada, allowed],
        [chen, refused('permission.hrOnly')],
        [ann, refused('permission.hrOnly')],
      ]);
    });
  }
});

// ── Reviews ───────────────────────────────────────────────────────────────

describe('canViewReview', () => {
  it('shows a review to its rater, the reviewee\'s managers and HR in any state', () => {
    const peerDraft = review({ raterType: 'peer', raterId: 'ben', status: 'draft' });
    expectDecisions((actor) => canViewReview(actor, peerDraft, dir), [
      [ben, allowed],
      [tom, allowed],
      [chen, allowed],
      [hana, allowed],
      [sam, refused('permission.reviewPrivate')],
    ]);
  });

  it('hides peer reviews from the reviewee until released', () => {
    const unreleased = review({ raterType: 'peer', status: 'submitted', released: false });
    expect(canViewReview(ann, unreleased, dir)).to.deep.equal(refused('permission.reviewNotReleased'));
    expect(canViewReview(ann, review({ raterType: 'peer', status: 'locked', released: false }), dir)).to.deep.equal(
      refused('permission.reviewNotReleased'),
    );
    expect(canViewReview(ann, review({ raterType: 'peer', status: 'submitted', released: true }), dir)).to.deep.equal(
      allowed,
    );
  });

  it('never shows the reviewee another rater\'s draft, released or not', () => {
    expect(canViewReview(ann, review({ raterType: 'peer', status: 'draft', released: true }), dir)).to.deep.equal(
      refused('permission.reviewDraftHidden'),
    );
    expect(canViewReview(ann, review({ raterType: 'peer', status: 'not-started' }), dir)).to.deep.equal(
      refused('permission.reviewDraftHidden'),
    );
    const managerDraft = review({ raterType: 'manager', raterId: 'tom', status: 'draft' });
    expect(canViewReview(ann, managerDraft, dir)).to.deep.equal(refused('permission.reviewDraftHidden'));
  });

  it('shows the reviewee a submitted manager review and their own self review', () => {
    const managerReview = review({ raterType: 'manager', raterId: 'tom', status: 'submitted', released: false });
    expect(canViewReview(ann, managerReview, dir)).to.deep.equal(allowed);
    expect(canViewReview(ann, review({ raterType: 'self', raterId: 'ann', status: 'draft' }), dir)).to.deep.equal(allowed);
  });

  it('keeps the reviewee\'s rules for a reviewee who is HR', () => {
    const aboutHana = { revieweeId: 'hana', raterId: 'dana' };
    expect(canViewReview(hana, review({ ...aboutHana, status: 'draft' }), dir)).to.deep.equal(
      refused('permission.reviewDraftHidden'),
    );
    expect(canViewReview(hana, review({ ...aboutHana, status: 'submitted' }), dir)).to.deep.equal(
      refused('permission.reviewNotReleased'),
    );
  });
});

describe('canEditReview', () => {
  it('lets the rater work on a review not started or in draft', () => {
    expect(canEditReview(ben, review({ status: 'not-started' }))).to.deep.equal(allowed);
    expect(canEditReview(ben, review({ status: 'draft' }))).to.deep.equal(allowed);
  });

  it('refuses anyone else, and submitted or locked reviews', () => {
    expect(canEditReview(ann, review({ status: 'draft' }))).to.deep.equal(refused('permission.notRater'));
    expect(canEditReview(hana, review({ status: 'draft' }))).to.deep.equal(refused('permission.notRater'));
    expect(canEditReview(ben, review({ status: 'submitted' }))).to.deep.equal(refused('permission.reviewSubmitted'));
    expect(canEditReview(ben, review({ status: 'locked' }))).to.deep.equal(refused('permission.reviewLocked'));
  });
});

describe('canManageReview', () => {
  it('lets HR and the reviewee\'s managers create, lock, reopen and release', () => {
    expectDecisions((actor) => canManageReview(actor, { revieweeId: 'ann' }, dir), [
      [hana, allowed],
      [tom, allowed],
      [chen, allowed],
      [ben, refused('permission.notManager')],
      [sam, refused('permission.notManager')],
      [ann, refused('permission.ownReview')],
    ]);
  });

  it('refuses managing reviews of oneself, HR included', () => {
    expect(canManageReview(hana, { revieweeId: 'hana' }, dir)).to.deep.equal(refused('permission.ownReview'));
    expect(canManageReview(chen, { revieweeId: 'hana' }, dir)).to.deep.equal(allowed);
  });
});

// ── Feedback ──────────────────────────────────────────────────────────────

describe('canViewFeedback', () => {
  it('shows public feedback to anyone', () => {
    expect(canViewFeedback(sam, feedback({ visibility: 'public' }), 'ann', dir)).to.deep.equal(allowed);
  });

  it('shows manager feedback to the author, the subject, their whole chain and HR', () => {
    const managerOnly = feedback({ visibility: 'manager' });
    expectDecisions((actor) => canViewFeedback(actor, managerOnly, 'ann', dir), [
      [ben, allowed],
      [ann, allowed],
      [tom, allowed],
      [dana, allowed],
      [chen, allowed],
      [hana, allowed],
      [sam, refused('permission.feedbackManagerOnly')],
    ]);
  });

  it('shows private feedback to the author, the subject and their direct manager only, not HR', () => {
    const privateNote = feedback({ visibility: 'private' });
    expectDecisions((actor) => canViewFeedback(actor, privateNote, 'ann', dir), [
      [ben, allowed],
      [ann, allowed],
      [tom, allowed],
      [dana, refused('permission.feedbackPrivate')],
      [chen, refused('permission.feedbackPrivate')],
      [hana, refused('permission.feedbackPrivate')],
      [sam, refused('permission.feedbackPrivate')],
    ]);
  });

  it('grants nothing through a mention', () => {
    const mentioningSam = feedback({ visibility: 'private', mentions: ['sam'] });
    expect(canViewFeedback(sam, mentioningSam, 'ann', dir)).to.deep.equal(refused('permission.feedbackPrivate'));
  });

  it('without a subject person, leaves private feedback to its author and manager feedback to HR', () => {
    expect(canViewFeedback(ben, feedback({ visibility: 'private' }), null, dir)).to.deep.equal(allowed);
    expect(canViewFeedback(tom, feedback({ visibility: 'private' }), null, dir)).to.deep.equal(
      refused('permission.feedbackPrivate'),
    );
    expect(canViewFeedback(hana, feedback({ visibility: 'manager' }), null, dir)).to.deep.equal(allowed);
    expect(canViewFeedback(tom, feedback({ visibility: 'manager' }), null, dir)).to.deep.equal(
      refused('permission.feedbackManagerOnly'),
    );
  });
});

describe('canEditFeedback and canDeleteFeedback', () => {
  it('let only the author edit', () => {
    expectDecisions((actor) => canEditFeedback(actor, feedback()), [
      [ben, allowed],
      [ann, refused('permission.notAuthor')],
      [hana, refused('permission.notAuthor')],
    ]);
  });

  it('let the author delete, and HR moderate all but private feedback', () => {
    expect(canDeleteFeedback(ben, feedback({ visibility: 'private' }))).to.deep.equal(allowed);
    expect(canDeleteFeedback(hana, feedback({ visibility: 'public' }))).to.deep.equal(allowed);
    expect(canDeleteFeedback(hana, feedback({ visibility: 'manager' }))).to.deep.equal(allowed);
    expect(canDeleteFeedback(hana, feedback({ visibility: 'private' }))).to.deep.equal(refused('permission.feedbackPrivate'));
    expect(canDeleteFeedback(ann, feedback())).to.deep.equal(refused('permission.notAuthor'));
    expect(canDeleteFeedback(tom, feedback())).to.deep.equal(refused('permission.notAuthor'));
  });
});

// ── Development ───────────────────────────────────────────────────────────

describe('canAssignTraining and canCompleteTraining', () => {
  it('let managers and HR assign a training', () => {
    expectDecisions((actor) => canAssignTraining(actor, 'ann', dir), [
      [tom, allowed],
      [chen, allowed],
      [hana, allowed],
      [ann, refused('permission.notManager')],
      [ben, refused('permission.notManager')],
    ]);
    expect(canAssignTraining(hana, 'hana', dir)).to.deep.equal(allowed);
  });

  it('let the person, their managers and HR mark it completed, once', () => {
    expectDecisions((actor) => canCompleteTraining(actor, trainingRecord(), dir), [
      [ann, allowed],
      [tom, allowed],
      [hana, allowed],
      [ben, refused('permission.notOwnerManagerOrHr')],
    ]);
    expect(canCompleteTraining(ann, trainingRecord({ status: 'completed' }), dir)).to.deep.equal(
      refused('permission.trainingCompleted'),
    );
  });
});
