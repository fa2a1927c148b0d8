import { expect } from '@open-wc/testing';
import { generateCompany, MIN_PEOPLE, type SeedResult } from '../../../src/data/seed/index.js';
import { isHr, isManagerOf, directoryOf } from '../../../src/model/org.js';
import { DIRECTIONS, FEEDBACK_KINDS, FEEDBACK_VISIBILITIES, METRIC_KINDS, RECORD_KINDS, type Goal, type Person } from '../../../src/model/records.js';
import { danglingReferences, duplicateIds, keyResultsAndCheckIns, kpisFollowKeyResults, loops, versions, weightSums } from './company-checks.js';

const NOW = new Date('2026-11-23T09:30:00.000Z');
const HAN = /\p{Script=Han}/u;

describe('generateCompany at demo scale', () => {
  let demo: SeedResult;
  let people: Map<string, Person>;
  let active: Goal[];

  before(() => {
    demo = generateCompany({ seed: 20261123, now: NOW });
    people = new Map(demo.records.person.map((person) => [person.id, person]));
    active = demo.records.goal.filter((goal) => goal.cycleId === demo.activeCycleId);
  });

  it('is a company of about 60 people and 150–250 goals, with every record kind', () => {
    const { records } = demo;
    expect(records.person.length).to.be.within(50, 75);
    expect(records.goal.length).to.be.within(150, 250);
    for (const kind of RECORD_KINDS) expect(records[kind].length, kind).to.be.greaterThan(0);
    expect(records.orgUnit.filter((unit) => unit.kind === 'company')).to.have.length(1);
    expect(records.orgUnit.filter((unit) => unit.kind === 'department').length).to.be.within(5, 7);
    expect(records.jobProfile.length).to.be.within(5, 9);
    expect(records.training.length).to.be.within(10, 15);
  });

  it('gives the same records for the same seed and options, and others for another seed', () => {
    const again = generateCompany({ seed: 20261123, now: NOW });
    expect(again).to.deep.equal(demo);
    const other = generateCompany({ seed: 7, now: NOW });
    expect(other.records.person.map((person) => person.name)).not.to.deep.equal(demo.records.person.map((person) => person.name));
    expect(other.records.goal.map((goal) => goal.title)).not.to.deep.equal(demo.records.goal.map((goal) => goal.title));
  });

  it('uses short, readable, unique ids', () => {
    expect(duplicateIds(demo.records)).to.deep.equal([]);
    expect(demo.records.person[0]?.id).to.equal('p-0001');
    expect(demo.records.goal.some((goal) => goal.id === 'g-00001')).to.equal(true);
    expect(demo.records.keyResult.some((keyResult) => keyResult.id === 'kr-000001')).to.equal(true);
  });

  it('has no dangling reference and no loop in goal, management or org chains', () => {
    expect(danglingReferences(demo.records)).to.deep.equal([]);
    expect(loops(demo.records)).to.deep.equal([]);
    expect(demo.records.person.filter((person) => person.managerId === null)).to.have.length(1);
  });

  it('weighs siblings, key results and each person’s KPIs to 100', () => {
    expect(weightSums(demo.records)).to.deep.equal([]);
  });

  it('keeps key results valid, due inside their cycle, and in step with their latest check-in', () => {
    expect(keyResultsAndCheckIns(demo.records, NOW)).to.deep.equal([]);
  });

  it('versions every record and dates every update before now', () => {
    expect(versions(demo.records, NOW)).to.deep.equal([]);
    const adjusted = new Set(demo.records.goalChange.map((change) => change.goalId));
    for (const goal of demo.records.goal.filter((candidate) => adjusted.has(candidate.id))) expect(goal.version).to.be.greaterThan(3);
  });

  it('has a closed previous cycle, an active one containing now and one in planning', () => {
    const today = NOW.toISOString().slice(0, 10);
    const [previous, current, next] = demo.records.cycle;
    expect(previous?.status).to.equal('closed');
    expect(previous && previous.end < today).to.equal(true);
    expect(current?.id).to.equal(demo.activeCycleId);
    expect(current?.status).to.equal('active');
    expect(current && current.start <= today && today <= current.end).to.equal(true);
    expect(next?.status).to.equal('planning');
    expect(next && next.start > today).to.equal(true);
    const pillars = demo.records.strategy.filter((strategy) => strategy.cycleId === demo.activeCycleId);
    expect(pillars.length).to.be.within(4, 5);
    expect(demo.records.goal.filter((goal) => goal.cycleId === next?.id).every((goal) => goal.status === 'draft' || goal.status === 'pending')).to.equal(true);
  });

  it('cascades company → department → individual goals, mostly approved, with some drafts, pending and rejected ones', () => {
    const byId = new Map(demo.records.goal.map((goal) => [goal.id, goal]));
    const levels = new Set(active.map((goal) => goal.level));
    expect([...levels].sort()).to.deep.equal(['company', 'department', 'individual']);
    for (const goal of active.filter((candidate) => candidate.level === 'company')) expect(goal.parentId).to.equal(null);
    for (const goal of active.filter((candidate) => candidate.level === 'department' && candidate.parentId)) {
      expect(['company', 'department']).to.include(byId.get(goal.parentId as string)?.level);
    }
    const individuals = active.filter((goal) => goal.level === 'individual');
    expect(individuals.filter((goal) => goal.parentId !== null && byId.get(goal.parentId)?.level === 'department').length).to.be.greaterThan(individuals.length * 0.9);
    const count = (status: Goal['status']) => active.filter((goal) => goal.status === status).length;
    expect(count('approved')).to.be.greaterThan(active.length * 0.7);
    for (const status of ['draft', 'pending', 'rejected'] as const) expect(count(status), status).to.be.greaterThan(0);
    expect(active.some((goal) => goal.alignsTo.length > 0)).to.equal(true);
    expect(active.filter((goal) => goal.strategyIds.length > 0).length).to.be.greaterThan(active.length * 0.8);
    expect(active.filter((goal) => goal.visibility === 'public').length).to.be.greaterThan(active.length * 0.8);
  });

  it('lets nobody decide on their own goal: approvers are up the owner’s chain or HR', () => {
    const dir = directoryOf(demo.records.person, demo.records.orgUnit);
    for (const goal of demo.records.goal.filter((candidate) => candidate.decidedBy !== undefined)) {
      const approver = people.get(goal.decidedBy as string) as Person;
      expect(goal.decidedBy).not.to.equal(goal.ownerId);
      expect(isManagerOf(approver.id, goal.ownerId, dir) || isHr(approver), goal.id).to.equal(true);
    }
    for (const goal of demo.records.goal.filter((candidate) => candidate.status === 'rejected')) expect(goal.decisionComment).to.be.a('string').and.not.equal('');
  });

  it('writes Chinese goals for Chinese teams and English ones for international teams', () => {
    const titles = active.map((goal) => goal.title);
    expect(titles.filter((title) => HAN.test(title)).length).to.be.greaterThan(titles.length / 2);
    expect(titles.filter((title) => !HAN.test(title)).length).to.be.greaterThan(5);
    const chinese = demo.records.person.filter((person) => HAN.test(person.name));
    expect(chinese.length).to.be.greaterThan(demo.records.person.length / 2);
    for (const person of chinese) expect(person.nameAlt ?? '').to.match(/^[A-Z][a-z]+ [A-Z][a-z']+$/);
    expect(demo.records.person.some((person) => !HAN.test(person.name))).to.equal(true);
    expect(new Set(demo.records.person.map((person) => person.email)).size).to.equal(demo.records.person.length);
  });

  it('measures with every metric kind, both directions, and both currencies', () => {
    const keyResults = demo.records.keyResult;
    for (const metric of METRIC_KINDS) expect(keyResults.some((keyResult) => keyResult.metric === metric), metric).to.equal(true);
    for (const direction of DIRECTIONS) expect(keyResults.some((keyResult) => keyResult.direction === direction), direction).to.equal(true);
    const currencies = new Set(keyResults.filter((keyResult) => keyResult.metric === 'currency').map((keyResult) => keyResult.unit));
    expect([...currencies].sort()).to.deep.equal(['CNY', 'USD']);
  });

  it('checks in weekly with varied pace and confidence, notes and some blockers', () => {
    const { checkIn } = demo.records;
    const perKeyResult = new Map<string, number>();
    for (const entry of checkIn) perKeyResult.set(entry.keyResultId, (perKeyResult.get(entry.keyResultId) ?? 0) + 1);
    expect(Math.max(...perKeyResult.values())).to.be.greaterThan(6);
    const confidences = new Set(checkIn.map((entry) => entry.confidence));
    expect(confidences.size).to.be.greaterThan(8);
    expect(checkIn.filter((entry) => entry.blockers !== '').length).to.be.greaterThan(10);
    expect(checkIn.filter((entry) => entry.note !== '').length).to.be.greaterThan(checkIn.length / 2);
    // Pace: among active key results, some are done or ahead, some barely moved.
    const activeGoals = new Set(active.filter((goal) => goal.status === 'approved').map((goal) => goal.id));
    const progress = demo.records.keyResult
      .filter((keyResult) => activeGoals.has(keyResult.goalId) && keyResult.metric !== 'binary')
      .map((keyResult) => (keyResult.current - keyResult.start) / (keyResult.target - keyResult.start));
    expect(progress.filter((value) => value >= 0.75).length).to.be.greaterThan(0);
    expect(progress.filter((value) => value < 0.3).length).to.be.greaterThan(0);
  });

  it('lands check-ins in work logs, one log per person and ISO week', () => {
    const checkIns = new Map(demo.records.checkIn.map((entry) => [entry.id, entry]));
    const linked = new Set<string>();
    const weeks = new Set<string>();
    for (const log of demo.records.workLog) {
      expect(log.week).to.match(/^\d{4}-W\d{2}$/);
      const key = `${log.personId}/${log.week}`;
      expect(weeks.has(key), key).to.equal(false);
      weeks.add(key);
      expect(log.version).to.equal(log.entries.length);
      for (const entry of log.entries) {
        if (!entry.checkInId) continue;
        linked.add(entry.checkInId);
        expect(checkIns.get(entry.checkInId)?.authorId).to.equal(log.personId);
        expect(entry.text).to.match(/^(Check-in: |进展更新：)/);
      }
    }
    expect(linked.size).to.equal(demo.records.checkIn.length);
  });

  it('records goal adjustments with a reason and the values before and after', () => {
    expect(demo.records.goalChange.length).to.be.greaterThan(2);
    for (const change of demo.records.goalChange) {
      expect(change.reason).not.to.equal('');
      expect(change.before).not.to.deep.equal(change.after);
    }
  });

  it('has KPIs from key results, job profiles and by hand, following their key results', () => {
    const sources = new Set(demo.records.kpi.map((kpi) => kpi.source));
    expect([...sources].sort()).to.deep.equal(['jobProfile', 'keyResult', 'manual']);
    expect(kpisFollowKeyResults(demo.records)).to.deep.equal([]);
    for (const kpi of demo.records.kpi) expect(kpi.thresholds.healthy).to.be.greaterThan(kpi.thresholds.watch);
    expect(demo.records.kpi.some((kpi) => kpi.targetChanges.length > 0 || kpi.history.length > 5)).to.equal(true);
  });

  it('has review templates with self, peer and manager raters, a labelled 5-point scale and scored sections summing to 100', () => {
    const full = demo.records.reviewTemplate.filter((template) => ['self', 'peer', 'manager'].every((type) => template.raterTypes.includes(type as 'self')));
    expect(full.length).to.be.greaterThan(0);
    for (const template of demo.records.reviewTemplate) {
      expect(template.scale.map((point) => point.value)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(template.scale.every((point) => point.label !== '')).to.equal(true);
      expect(template.sections.reduce((sum, section) => sum + section.weight, 0)).to.equal(100);
    }
    expect(new Set(full[0]?.sections.map((section) => section.kind))).to.deep.equal(new Set(['goals', 'kpis', 'competencies', 'questions']));
  });

  it('has scored reviews for the closed cycle and reviews in every state for the active one', () => {
    const previousId = demo.records.cycle[0]?.id;
    const previous = demo.records.review.filter((review) => review.cycleId === previousId);
    expect(previous.length).to.be.greaterThan(0);
    for (const review of previous) {
      expect(['submitted', 'locked']).to.include(review.status);
      expect(review.score).to.be.within(1, 5);
      expect(review.submittedAt).to.be.a('string');
    }
    const peers = previous.filter((review) => review.raterType === 'peer');
    expect(peers.some((review) => review.released) && peers.some((review) => !review.released)).to.equal(true);
    const current = demo.records.review.filter((review) => review.cycleId === demo.activeCycleId);
    for (const status of ['not-started', 'draft', 'submitted'] as const) expect(current.some((review) => review.status === status), status).to.equal(true);
    for (const review of current.filter((candidate) => candidate.status !== 'submitted')) expect(review.score).to.equal(null);
  });

  it('threads feedback of every kind and visibility on goals, key results, KPIs and people, with replies and @mentions', () => {
    const { feedback } = demo.records;
    for (const kind of FEEDBACK_KINDS) expect(feedback.some((message) => message.kind === kind), kind).to.equal(true);
    for (const visibility of FEEDBACK_VISIBILITIES) expect(feedback.some((message) => message.visibility === visibility), visibility).to.equal(true);
    for (const subject of ['goal', 'keyResult', 'kpi', 'person'] as const) expect(feedback.some((message) => message.subject.kind === subject), subject).to.equal(true);
    expect(feedback.some((message) => message.parentId !== null)).to.equal(true);
    const mentioning = feedback.filter((message) => message.mentions.length > 0);
    expect(mentioning.length).to.be.greaterThan(0);
    for (const message of mentioning) {
      for (const id of message.mentions) expect(message.body).to.include(`@${people.get(id)?.name}`);
    }
  });

  it('has assigned and completed trainings', () => {
    const statuses = new Set(demo.records.trainingRecord.map((record) => record.status));
    expect([...statuses].sort()).to.deep.equal(['assigned', 'completed']);
    for (const record of demo.records.trainingRecord) expect(record.status === 'completed').to.equal(record.completedAt !== null);
  });

  it('signs in personas that hold the roles they claim', () => {
    const { personas } = demo;
    const employee = people.get(personas.employee) as Person;
    const manager = people.get(personas.manager) as Person;
    const hr = people.get(personas.hr) as Person;
    const admin = people.get(personas.admin) as Person;
    expect(employee.roles).to.deep.equal(['employee']);
    expect(employee.managerId).to.equal(manager.id);
    expect(manager.roles).to.include('manager');
    expect(hr.roles).to.include('hr');
    expect(admin.roles).to.include.members(['admin', 'manager']);
    expect(admin.managerId).to.equal(null);

    const reports = demo.records.person.filter((person) => person.managerId === manager.id);
    expect(reports.length).to.be.greaterThan(2);
    const pendingOwners = new Set(active.filter((goal) => goal.status === 'pending').map((goal) => goal.ownerId));
    expect(reports.filter((person) => pendingOwners.has(person.id)).length).to.be.greaterThan(1);

    const ownGoals = active.filter((goal) => goal.ownerId === employee.id);
    expect(ownGoals.filter((goal) => goal.status === 'approved').length).to.be.greaterThan(0);
    const ownKeyResults = new Set(demo.records.keyResult.filter((keyResult) => ownGoals.some((goal) => goal.id === keyResult.goalId)).map((keyResult) => keyResult.id));
    expect(demo.records.checkIn.some((entry) => ownKeyResults.has(entry.keyResultId))).to.equal(true);
  });

  it('follows `now`: another today moves the cycles and keeps history before it', () => {
    const spring = new Date('2027-04-10T03:00:00.000Z');
    const { records, activeCycleId } = generateCompany({ seed: 20261123, now: spring });
    const cycle = records.cycle.find((candidate) => candidate.id === activeCycleId);
    expect(cycle?.name).to.equal('2027 Q2');
    expect(versions(records, spring)).to.deep.equal([]);
    expect(keyResultsAndCheckIns(records, spring)).to.deep.equal([]);
  });

  it('still makes a whole company when asked for very few goals', () => {
    const { records } = generateCompany({ seed: 1, now: NOW, goals: 10 });
    expect(records.person.length).to.equal(MIN_PEOPLE);
    expect(danglingReferences(records)).to.deep.equal([]);
    expect(weightSums(records)).to.deep.equal([]);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateCompany({ seed: 1, now: new Date(Number.NaN) })).to.throw(RangeError);
    expect(() => generateCompany({ seed: Number.NaN, now: NOW })).to.throw(RangeError);
    expect(() => generateCompany({ seed: 1, now: NOW, goals: 0 })).to.throw(RangeError);
  });
});
