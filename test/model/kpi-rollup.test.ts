import { expect } from '@open-wc/testing';
import { defaultCycle } from '../../src/model/cycles.js';
import { assessKpi, rollUpKpis } from '../../src/model/kpi.js';
import {
  averageOwnerScore,
  childUnitsOf,
  defaultRollUpUnit,
  groupKpisByChildUnit,
  kpisNeedingAttention,
  rollUpOrgUnit,
  rollUpTrail,
  statusShares,
} from '../../src/model/kpi-rollup.js';
import type { Cycle, Kpi, OrgUnit, Person, Role } from '../../src/model/records.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
const PERIOD = { start: '2026-10-01', end: '2026-12-31' };
// At the period's end status is plain completion, which keeps the figures below easy to read.
const NOW = new Date('2026-12-31T23:00:00.000Z');

const unit = (id: string, parentId: string | null, leaderId: string | null = null): OrgUnit => ({
  ...stamp,
  id,
  name: id,
  kind: parentId === null ? 'company' : id.startsWith('team') ? 'team' : 'department',
  parentId,
  leaderId,
});
const person = (id: string, orgUnitId: string, roles: Role[] = ['employee']): Person => ({
  ...stamp,
  id,
  name: id,
  email: `${id}@example.com`,
  title: 'Engineer',
  orgUnitId,
  managerId: null,
  roles,
});
/** A KPI from 0 to 100 whose actual is its completion in percent. */
const kpi = (id: string, ownerId: string, actual: number, weight = 50): Kpi => ({
  ...stamp,
  id,
  ownerId,
  cycleId: 'q4',
  name: id,
  source: 'manual',
  sourceId: null,
  start: 0,
  target: 100,
  actual,
  unit: '%',
  direction: 'increase',
  weight,
  thresholds: { healthy: 0.9, watch: 0.7 },
  category: 'process',
  history: [],
  targetChanges: [],
  archived: false,
});

// co ─┬─ sales ─┬─ team-east
//     │         └─ team-west
//     └─ rnd
const units = [
  unit('co', null, 'ceo'),
  unit('sales', 'co', 'head'),
  unit('team-east', 'sales', 'east-lead'),
  unit('team-west', 'sales'),
  unit('rnd', 'co', 'rnd-lead'),
];
const people = [
  person('ceo', 'co', ['employee', 'manager', 'admin']),
  person('hr', 'co', ['employee', 'hr']),
  person('head', 'sales', ['employee', 'manager']),
  person('east-lead', 'team-east', ['employee', 'manager']),
  person('e1', 'team-east'),
  person('w1', 'team-west'),
  person('rnd-lead', 'rnd', ['employee', 'manager']),
];

describe('defaultRollUpUnit', () => {
  it('opens the company for HR and administrators', () => {
    expect(defaultRollUpUnit(people.find((p) => p.id === 'hr')!, units)?.id).to.equal('co');
    expect(defaultRollUpUnit(people.find((p) => p.id === 'ceo')!, units)?.id).to.equal('co');
  });

  it('opens the highest unit a manager leads, else the person’s own unit', () => {
    const both = [...units.slice(0, 2), { ...unit('team-east', 'sales'), leaderId: 'head' }, ...units.slice(3)];
    expect(defaultRollUpUnit(person('head', 'team-east', ['manager']), both)?.id).to.equal('sales');
    expect(defaultRollUpUnit(people.find((p) => p.id === 'east-lead')!, units)?.id).to.equal('team-east');
    expect(defaultRollUpUnit(people.find((p) => p.id === 'w1')!, units)?.id).to.equal('team-west');
  });

  it('is undefined when the person’s unit is unknown', () => {
    expect(defaultRollUpUnit(person('x', 'gone'), units)).to.equal(undefined);
  });
});

describe('rollUpTrail', () => {
  it('runs from the home unit down to the unit shown', () => {
    expect(rollUpTrail('team-east', 'sales', units).map((u) => u.id)).to.deep.equal(['sales', 'team-east']);
    expect(rollUpTrail('sales', 'sales', units).map((u) => u.id)).to.deep.equal(['sales']);
  });

  it('runs from the company when the unit lies outside home, or there is no home', () => {
    expect(rollUpTrail('rnd', 'sales', units).map((u) => u.id)).to.deep.equal(['co', 'rnd']);
    expect(rollUpTrail('team-west', undefined, units).map((u) => u.id)).to.deep.equal(['co', 'sales', 'team-west']);
  });

  it('stops at a unit it does not know, and survives a parent loop', () => {
    expect(rollUpTrail('gone', 'co', units)).to.deep.equal([]);
    const looped = [{ ...unit('a', 'b') }, { ...unit('b', 'a') }];
    expect(rollUpTrail('a', undefined, looped).map((u) => u.id)).to.deep.equal(['b', 'a']);
  });
});

describe('childUnitsOf and groupKpisByChildUnit', () => {
  const unitOf = new Map(people.map((p) => [p.id, p.orgUnitId]));
  const kpis = [kpi('k-ceo', 'ceo', 50), kpi('k-e1', 'e1', 80), kpi('k-w1', 'w1', 95), kpi('k-rnd', 'rnd-lead', 60), kpi('k-who', 'stranger', 10)];

  it('lists the units one level down, in order', () => {
    expect(childUnitsOf('sales', units).map((u) => u.id)).to.deep.equal(['team-east', 'team-west']);
    expect(childUnitsOf('rnd', units)).to.deep.equal([]);
  });

  it('puts each KPI under the child its owner sits in at any depth; the unit’s own people and unknown owners in rest', () => {
    const groups = groupKpisByChildUnit('co', units, kpis, (id) => unitOf.get(id));
    expect(groups.children.map(({ unit: child, kpis: owned }) => [child.id, owned.map((k) => k.id)])).to.deep.equal([
      ['sales', ['k-e1', 'k-w1']],
      ['rnd', ['k-rnd']],
    ]);
    expect(groups.rest.map((k) => k.id)).to.deep.equal(['k-ceo', 'k-who']);
  });

  it('keeps children without KPIs, and leaves a leaf unit everything in rest', () => {
    const groups = groupKpisByChildUnit('sales', units, [kpis[2]!], (id) => unitOf.get(id));
    expect(groups.children.map(({ unit: child, kpis: owned }) => [child.id, owned.length])).to.deep.equal([
      ['team-east', 0],
      ['team-west', 1],
    ]);
    expect(groupKpisByChildUnit('team-east', units, [kpis[1]!], (id) => unitOf.get(id)).rest.map((k) => k.id)).to.deep.equal(['k-e1']);
  });
});

describe('averageOwnerScore and statusShares', () => {
  it('averages people, not KPIs', () => {
    // e1: one KPI at 80 % → 80; w1: two at 100 % and 40 %, weights 50/50 → 70. Mean of people: 75 (of KPIs it would be 73.3).
    const rollUp = rollUpKpis([kpi('a', 'e1', 80), kpi('b', 'w1', 100), kpi('c', 'w1', 40)], PERIOD, NOW);
    expect(averageOwnerScore(rollUp)).to.be.closeTo(75, 1e-9);
  });

  it('is null with no scored owner', () => {
    expect(averageOwnerScore(rollUpKpis([], PERIOD, NOW))).to.equal(null);
    expect(averageOwnerScore(rollUpKpis([kpi('a', 'e1', 80, 0)], PERIOD, NOW))).to.equal(null);
  });

  it('gives each status its share, all 0 with nothing counted', () => {
    expect(statusShares({ healthy: 2, watch: 1, unhealthy: 1 })).to.deep.equal({ healthy: 0.5, watch: 0.25, unhealthy: 0.25 });
    expect(statusShares({ healthy: 0, watch: 0, unhealthy: 0 })).to.deep.equal({ healthy: 0, watch: 0, unhealthy: 0 });
  });
});

/** Assessed KPIs and their owners' plans, as a roll-up holds them. */
function assessed(kpis: readonly Kpi[]) {
  return { entries: kpis.map((one) => ({ kpi: one, assessment: assessKpi(one, PERIOD, NOW) })), byOwner: rollUpKpis(kpis, PERIOD, NOW).byOwner };
}

describe('kpisNeedingAttention', () => {
  it('drops healthy KPIs and lists their owners once, worst first', () => {
    const { entries, byOwner } = assessed([kpi('a', 'e1', 30), kpi('b', 'w1', 75), kpi('c', 'e1', 60), kpi('d', 'w1', 95), kpi('e', 'ceo', 100)]);
    const { kpis, owners } = kpisNeedingAttention(entries, byOwner);
    expect(kpis.map((entry) => [entry.kpi.id, entry.assessment.status])).to.deep.equal([
      ['a', 'unhealthy'],
      ['c', 'unhealthy'],
      ['b', 'watch'],
    ]);
    expect(owners.map((owner) => [owner.ownerId, owner.flagged, owner.plan.count, owner.plan.statusCounts.unhealthy])).to.deep.equal([
      ['e1', 2, 2, 2],
      ['w1', 1, 2, 0],
    ]);
  });

  it('is empty when everything is healthy', () => {
    const { entries, byOwner } = assessed([kpi('a', 'e1', 100)]);
    const { kpis, owners } = kpisNeedingAttention(entries, byOwner);
    expect(kpis).to.deep.equal([]);
    expect(owners).to.deep.equal([]);
  });

  it('orders by status before completion: each KPI is judged by its own thresholds', () => {
    // 'watch' at 40 % of a lenient target (healthy from 50 %, watch from 30 %) is less urgent than 'unhealthy' at 60 % of a strict one.
    const lenient = { ...kpi('lenient', 'e1', 40), thresholds: { healthy: 0.5, watch: 0.3 } };
    const strict = { ...kpi('strict', 'w1', 60), thresholds: { healthy: 0.95, watch: 0.8 } };
    const { entries, byOwner } = assessed([lenient, kpi('b-watch', 'e1', 75), kpi('a-watch', 'e1', 75), strict]);
    const { kpis, owners } = kpisNeedingAttention(entries, byOwner, 3);
    expect(kpis.map((entry) => [entry.kpi.id, entry.assessment.status])).to.deep.equal([
      ['strict', 'unhealthy'],
      ['lenient', 'watch'],
      // Equal completion: by name.
      ['a-watch', 'watch'],
    ]);
    expect(owners.map((owner) => [owner.ownerId, owner.flagged])).to.deep.equal([
      ['w1', 1],
      ['e1', 2],
    ]);
    expect(kpisNeedingAttention(entries, byOwner, 0).kpis).to.deep.equal([]);
  });
});

describe('rollUpOrgUnit', () => {
  const kpis = [
    kpi('k-ceo', 'ceo', 100),
    kpi('k-head', 'head', 50),
    kpi('k-e1a', 'e1', 80),
    kpi('k-e1b', 'e1', 20),
    kpi('k-w1', 'w1', 95),
    kpi('k-rnd', 'rnd-lead', 70),
  ];

  it('rolls the company up, one line per department, the people in the company unit itself, and what needs attention', () => {
    const result = rollUpOrgUnit(
      'co',
      { units, kpis, owners: people, directMembers: people.filter((p) => p.orgUnitId === 'co') },
      PERIOD,
      NOW,
      { worst: 3 },
    );
    expect(result.total.count).to.equal(6);
    // (100 + 50 + 80 + 20 + 95 + 70) / 6
    expect(result.total.averageCompletion).to.be.closeTo(415 / 600, 1e-9);
    expect(result.total.statusCounts).to.deep.equal({ healthy: 2, watch: 2, unhealthy: 2 });
    expect(result.owners).to.equal(5);
    // People's scores: ceo 100, head 50, e1 50, w1 95, rnd-lead 70 → 73.
    expect(result.averageScore).to.be.closeTo(73, 1e-9);

    expect(result.children.map((child) => [child.unit.id, child.rollUp.count, child.rollUp.statusCounts])).to.deep.equal([
      ['sales', 4, { healthy: 1, watch: 1, unhealthy: 2 }],
      ['rnd', 1, { healthy: 0, watch: 1, unhealthy: 0 }],
    ]);
    const [sales, rnd] = result.children;
    // Sales: the head (50 %), e1 (80 %, 20 %) and w1 (95 %); scores 50, 50 and 95.
    expect(sales!.rollUp.averageCompletion).to.be.closeTo(2.45 / 4, 1e-9);
    expect(sales!.averageScore).to.be.closeTo(65, 1e-9);
    expect(rnd!.rollUp.averageCompletion).to.be.closeTo(0.7, 1e-9);
    expect(rnd!.averageScore).to.be.closeTo(70, 1e-9);
    expect(result.members.map((member) => [member.personId, member.plan?.count ?? null])).to.deep.equal([
      ['ceo', 1],
      ['hr', null],
    ]);
    expect(result.attention.kpis.map((entry) => entry.kpi.id)).to.deep.equal(['k-e1b', 'k-head', 'k-rnd']);
    expect(result.attention.owners.map((owner) => owner.ownerId)).to.deep.equal(['e1', 'head', 'rnd-lead']);
  });

  it('finds an unhealthy KPI however many lenient ones complete less', () => {
    // Ten KPIs at 30 % are healthy by their lenient thresholds; the one at 50 % of a strict target is not.
    const lenient = Array.from({ length: 10 }, (_, index) => ({
      ...kpi(`lenient-${index}`, 'e1', 30),
      thresholds: { healthy: 0.25, watch: 0.1 },
    }));
    const strict = { ...kpi('strict', 'w1', 50), thresholds: { healthy: 1, watch: 0.9 } };
    const result = rollUpOrgUnit('sales', { units, kpis: [...lenient, strict], owners: people, directMembers: [] }, PERIOD, NOW);
    expect(result.total.statusCounts).to.deep.equal({ healthy: 10, watch: 0, unhealthy: 1 });
    expect(result.attention.kpis.map((entry) => [entry.kpi.id, entry.assessment.status])).to.deep.equal([['strict', 'unhealthy']]);
    expect(result.attention.owners.map((owner) => [owner.ownerId, owner.flagged])).to.deep.equal([['w1', 1]]);
  });

  it('gives each KPI’s completion, and where the KPIs are heading by the period’s end', () => {
    // Measured from 0 on 1 Oct to 40 on 1 Nov: the line reaches ≈ 119 by 31 Dec (healthy, capped).
    const rising: Kpi = {
      ...kpi('rising', 'e1', 40),
      history: [
        { at: '2026-10-01T00:00:00.000Z', value: 0 },
        { at: '2026-11-01T00:00:00.000Z', value: 40 },
      ],
    };
    // Stuck at 30 since October: heading for 30 % (unhealthy).
    const stuck: Kpi = {
      ...kpi('stuck', 'w1', 30),
      history: [
        { at: '2026-10-01T00:00:00.000Z', value: 30 },
        { at: '2026-11-01T00:00:00.000Z', value: 30 },
      ],
    };
    const result = rollUpOrgUnit(
      'sales',
      { units, kpis: [rising, stuck, kpi('new', 'w1', 0)], owners: people, directMembers: [] },
      PERIOD,
      NOW,
    );
    expect(result.completions).to.deep.equal([0.4, 0.3, 0]);
    expect(result.total.statusCounts).to.deep.equal({ healthy: 0, watch: 0, unhealthy: 3 });
    expect(result.forecast).to.deep.equal({ statusCounts: { healthy: 1, watch: 0, unhealthy: 1 }, unforecast: 1 });
  });

  it('for a team, lists the whole team, with owners from elsewhere after its own people', () => {
    const result = rollUpOrgUnit(
      'team-east',
      { units, kpis: [kpis[2]!, kpis[3]!, kpi('k-x', 'visitor', 10)], owners: people, directMembers: people.filter((p) => p.orgUnitId === 'team-east') },
      PERIOD,
      NOW,
    );
    expect(result.children).to.deep.equal([]);
    expect(result.members.map((member) => [member.personId, member.plan?.score ?? null])).to.deep.equal([
      ['east-lead', null],
      ['e1', 50],
      ['visitor', 10],
    ]);
  });
});

describe('defaultCycle', () => {
  const cycle = (id: string, start: string, status: Cycle['status']): Cycle => ({
    ...stamp,
    id,
    name: id,
    start,
    end: start,
    status,
    autoKpiFromKeyResults: false,
  });

  it('picks the active cycle, else the one that started last', () => {
    expect(defaultCycle([cycle('a', '2026-01-01', 'closed'), cycle('b', '2026-04-01', 'active'), cycle('c', '2026-07-01', 'planning')])?.id).to.equal('b');
    expect(defaultCycle([cycle('a', '2026-01-01', 'closed'), cycle('c', '2026-07-01', 'planning')])?.id).to.equal('c');
    expect(defaultCycle([])).to.equal(undefined);
  });
});
