import { expect } from '@open-wc/testing';
import { liveGoalCount, summariseOrg } from '../../src/model/org-summary.js';
import type { Goal, GoalStatus, OrgUnit, Person } from '../../src/model/records.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
const unit = (id: string, parentId: string | null, leaderId: string | null = null): OrgUnit => ({
  ...stamp,
  id,
  name: id,
  kind: parentId ? 'team' : 'company',
  parentId,
  leaderId,
});
const person = (id: string, orgUnitId: string): Person => ({
  ...stamp,
  id,
  name: id,
  email: `${id}@example.com`,
  title: 'Engineer',
  orgUnitId,
  managerId: null,
  roles: ['employee'],
});
const goal = (id: string, orgUnitId: string, status: GoalStatus): Goal => ({
  ...stamp,
  id,
  cycleId: 'c',
  level: 'individual',
  ownerId: 'p',
  orgUnitId,
  parentId: null,
  alignsTo: [],
  strategyIds: [],
  title: id,
  description: '',
  status,
  weight: 100,
  visibility: 'public',
  createdAt: stamp.updatedAt,
});

describe('summariseOrg', () => {
  const units = [unit('co', null, 'ceo'), unit('sales', 'co'), unit('east', 'sales'), unit('rnd', 'co')];
  const people = [person('ceo', 'co'), person('s1', 'sales'), person('e1', 'east'), person('e2', 'east'), person('r1', 'rnd')];
  const goals = [
    goal('g1', 'co', 'approved'),
    goal('g2', 'sales', 'pending'),
    goal('g3', 'east', 'approved'),
    goal('g4', 'east', 'draft'),
    goal('g5', 'rnd', 'archived'),
  ];

  it('orders units depth-first with their depth', () => {
    const { rows } = summariseOrg(units, people, goals);
    expect(rows.map((row) => [row.unit.id, row.depth])).to.deep.equal([
      ['co', 0],
      ['sales', 1],
      ['east', 2],
      ['rnd', 1],
    ]);
  });

  it('rolls head counts and goal counts up the tree', () => {
    const { rows, people: total, goals: totals } = summariseOrg(units, people, goals);
    const byId = new Map(rows.map((row) => [row.unit.id, row]));
    expect(byId.get('co')!.headcount).to.equal(5);
    expect(byId.get('sales')!.headcount).to.equal(3);
    expect(byId.get('east')!.headcount).to.equal(2);
    expect(byId.get('sales')!.goals).to.deep.equal({ draft: 1, pending: 1, approved: 1, rejected: 0, archived: 0 });
    expect(liveGoalCount(byId.get('co')!.goals)).to.equal(4);
    expect(byId.get('co')!.goals.archived).to.equal(1);
    expect(byId.get('co')!.leader!.id).to.equal('ceo');
    expect(total).to.equal(5);
    expect(totals.approved).to.equal(2);
  });

  it('treats units whose parent is absent as roots and survives a parent loop', () => {
    const looped = [{ ...unit('a', 'b') }, { ...unit('b', 'a') }, unit('x', 'missing')];
    const { rows } = summariseOrg(looped, [], []);
    expect(rows.map((row) => row.unit.id)).to.deep.equal(['x', 'a', 'b']);
  });
});
