/**
 * A team of 1,000 people with 5,000 KPIs of the active cycle, for the KPI
 * scorecard benchmarks (`kpi-scorecard-render`, `kpi-scorecard-sort`).
 * Deterministic: the same fixture every time.
 *
 * Shape: a CEO; under them the session's person, a director (manager) whose
 * `team` scope is the benchmark's; 20 team leads report to the director, 49
 * specialists to each lead: 1,000 reports, five KPIs each. KPI sources: 40 %
 * key results (one approved goal per person with two key results; the KPI
 * points at one of them), 30 % job profiles (5 profiles), 30 % set by hand.
 * Every KPI has 4–12 measurements over the cycle up to `now` (so a sparkline
 * path per row), thresholds, both directions, the five categories; one in
 * eight has a target change by the person's lead. Names repeat across people
 * (as plans do), so sorting by name exercises the tie-breaks.
 */
import type { Cycle, Goal, Id, JobProfile, KeyResult, Kpi, KpiSource, Person, Session } from '../../../src/model/records.js';

export interface KpiFixture {
  readonly now: Date;
  readonly cycles: Cycle[];
  readonly cycle: Cycle;
  /** Everyone: the CEO, the director (the session), leads and specialists. */
  readonly people: Person[];
  /** The director's reports, recursively (what `listReports(director, { recursive: true })` answers). */
  readonly reports: Person[];
  readonly session: Session;
  readonly goals: Goal[];
  readonly keyResults: KeyResult[];
  readonly jobProfiles: JobProfile[];
  readonly kpis: Kpi[];
}

const DAY_MS = 86_400_000;
const CYCLE_START = Date.UTC(2026, 3, 1);
const CYCLE_END = Date.UTC(2026, 5, 30);
const NOW = Date.UTC(2026, 4, 11, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);
const pad = (n: number) => String(n).padStart(5, '0');

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Alex', 'Bea', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mei', 'Noor', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tao'];
const FAMILY = ['Andersen', 'Bauer', 'Costa', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Jensen', 'Kim', 'Li', 'Moreau', 'Nowak', 'Okafor', 'Park', 'Rossi', 'Silva', 'Wang', 'Zhou'];
const HAN_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const HAN_GIVEN = ['芳', '伟', '娜', '敏', '静', '磊', '洋', '婷', '杰', '军'];
const KPI_NAMES: readonly { name: string; category: string; unit: string; direction: 'increase' | 'decrease'; start: number; target: number }[] = [
  { name: 'Revenue booked', category: 'financial', unit: 'USD', direction: 'increase', start: 0, target: 250_000 },
  { name: 'Gross margin', category: 'financial', unit: '%', direction: 'increase', start: 38, target: 45 },
  { name: 'Operating cost', category: 'financial', unit: 'USD', direction: 'decrease', start: 90_000, target: 70_000 },
  { name: 'Net promoter score', category: 'customer', unit: 'points', direction: 'increase', start: 20, target: 45 },
  { name: 'Tickets resolved in a day', category: 'customer', unit: '%', direction: 'increase', start: 60, target: 85 },
  { name: 'Churned accounts', category: 'customer', unit: 'accounts', direction: 'decrease', start: 40, target: 15 },
  { name: 'Deploys a week', category: 'process', unit: 'deploys', direction: 'increase', start: 3, target: 12 },
  { name: 'Lead time', category: 'process', unit: 'days', direction: 'decrease', start: 12, target: 4 },
  { name: 'Defects escaped', category: 'process', unit: 'defects', direction: 'decrease', start: 30, target: 8 },
  { name: 'Training hours', category: 'learning', unit: 'hours', direction: 'increase', start: 0, target: 40 },
  { name: 'Certifications', category: 'learning', unit: 'certificates', direction: 'increase', start: 0, target: 3 },
  { name: 'Mentoring sessions', category: 'learning', unit: 'sessions', direction: 'increase', start: 0, target: 12 },
  { name: 'Key result delivery', category: 'OKR', unit: '%', direction: 'increase', start: 0, target: 100 },
];

export function makeKpiFixture(kpisPerPerson = 5, leads = 20, perLead = 49): KpiFixture {
  const next = random(2026_0511);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const updatedAt = iso(CYCLE_START - 10 * DAY_MS);
  const cycle: Cycle = { id: 'cycle-2026-q2', version: 1, updatedAt, name: '2026 Q2', start: isoDate(CYCLE_START), end: isoDate(CYCLE_END), status: 'active', autoKpiFromKeyResults: false };
  const cycles: Cycle[] = [
    { id: 'cycle-2026-q1', version: 2, updatedAt, name: '2026 Q1', start: '2026-01-01', end: '2026-03-31', status: 'closed', autoKpiFromKeyResults: false },
    cycle,
  ];

  const people: Person[] = [];
  let personSeq = 0;
  const newPerson = (managerId: Id | null, title: string, roles: Person['roles'], unit: Id): Person => {
    personSeq += 1;
    const han = next() < 0.35;
    const latin = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const person: Person = {
      id: `p-${pad(personSeq)}`,
      version: 1,
      updatedAt,
      name: han ? `${pick(HAN_FAMILY)}${pick(HAN_GIVEN)}${next() < 0.5 ? pick(HAN_GIVEN) : ''}` : latin,
      ...(han ? { nameAlt: latin } : {}),
      email: `person${personSeq}@tandem.example`,
      title,
      orgUnitId: unit,
      managerId,
      roles,
    };
    people.push(person);
    return person;
  };
  const ceo = newPerson(null, 'Chief Executive Officer', ['employee', 'manager'], 'unit-company');
  const director = newPerson(ceo.id, 'Director of Operations', ['employee', 'manager'], 'unit-ops');
  const reports: Person[] = [];
  const leadOf = new Map<Id, Id>();
  for (let l = 0; l < leads; l += 1) {
    const unit = `unit-ops-${l + 1}`;
    const lead = newPerson(director.id, 'Team lead', ['employee', 'manager'], unit);
    reports.push(lead);
    leadOf.set(lead.id, director.id);
    for (let s = 0; s < perLead; s += 1) {
      const member = newPerson(lead.id, 'Specialist', ['employee'], unit);
      reports.push(member);
      leadOf.set(member.id, lead.id);
    }
  }

  const jobProfiles: JobProfile[] = Array.from({ length: 5 }, (_, index) => ({
    id: `jp-${index + 1}`,
    version: 1,
    updatedAt,
    title: ['Account executive', 'Support engineer', 'Software engineer', 'Analyst', 'Team lead'][index]!,
    description: '',
    kpiTemplates: [],
  }));

  const goals: Goal[] = [];
  const keyResults: KeyResult[] = [];
  const kpis: Kpi[] = [];
  let kpiSeq = 0;
  for (const person of reports) {
    const goal: Goal = {
      id: `g-${person.id}`,
      version: 1,
      updatedAt,
      cycleId: cycle.id,
      level: 'individual',
      ownerId: person.id,
      orgUnitId: person.orgUnitId,
      parentId: null,
      alignsTo: [],
      strategyIds: [],
      title: `Deliver the ${pick(['quarterly plan', 'migration', 'launch', 'renewals', 'onboarding'])}`,
      description: '',
      status: 'approved',
      weight: 100,
      visibility: 'public',
      createdAt: iso(CYCLE_START - 5 * DAY_MS),
    };
    goals.push(goal);
    const krs = [0, 1].map((k): KeyResult => ({
      id: `kr-${person.id}-${k + 1}`,
      version: 1,
      updatedAt,
      goalId: goal.id,
      title: k === 0 ? 'Reach the milestone plan' : 'Raise customer adoption',
      metric: 'number',
      start: 0,
      target: 100,
      current: Math.round(next() * 80),
      unit: '%',
      direction: 'increase',
      weight: 50,
      due: cycle.end,
      lastCheckIn: null,
    }));
    keyResults.push(...krs);

    for (let k = 0; k < kpisPerPerson; k += 1) {
      kpiSeq += 1;
      const template = pick(KPI_NAMES);
      const roll = next();
      const source: KpiSource = roll < 0.4 ? 'keyResult' : roll < 0.7 ? 'jobProfile' : 'manual';
      const sourceId = source === 'keyResult' ? krs[k % 2]!.id : source === 'jobProfile' ? pick(jobProfiles).id : null;
      const span = template.target - template.start;
      // Where the KPI stands now: anywhere from well behind to a little ahead.
      const reached = 0.15 + next() * 1.0;
      const points = 4 + Math.floor(next() * 9);
      const history = Array.from({ length: points }, (_, index) => {
        const at = CYCLE_START + ((NOW - CYCLE_START) * (index + 1)) / points;
        const share = (reached * (index + 1)) / points + (next() - 0.5) * 0.08;
        return { at: iso(Math.round(at)), value: Math.round((template.start + span * share) * 100) / 100 };
      });
      const actual = history[history.length - 1]!.value;
      const targetChanges =
        next() < 0.125
          ? [{ at: iso(CYCLE_START + 14 * DAY_MS), authorId: leadOf.get(person.id)!, reason: 'Adjusted with the goal', before: template.target * 0.9, after: template.target }]
          : [];
      kpis.push({
        id: `kpi-${pad(kpiSeq)}`,
        version: 1,
        updatedAt,
        ownerId: person.id,
        cycleId: cycle.id,
        name: template.name,
        source,
        sourceId,
        start: template.start,
        target: template.target,
        actual,
        unit: template.unit,
        direction: template.direction,
        weight: 20,
        thresholds: { healthy: 0.9, watch: 0.7 },
        category: template.category,
        history,
        targetChanges,
        archived: false,
      });
    }
  }

  return { now: new Date(NOW), cycles, cycle, people, reports, session: { person: director, roles: director.roles }, goals, keyResults, jobProfiles, kpis };
}
