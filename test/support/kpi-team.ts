import type { Cycle, JobProfile, Kpi, Person, Session } from '../../src/model/records.js';
import { stubAdapter, type StubAdapter } from './stub-adapter.js';

const updatedAt = '2026-10-01T00:00:00.000Z';

export const TEAM_CYCLE: Cycle = {
  id: 'c-q4',
  version: 1,
  updatedAt,
  name: '2026 Q4',
  start: '2026-10-01',
  end: '2026-12-31',
  status: 'active',
  autoKpiFromKeyResults: false,
};

const PROFILE: JobProfile = { id: 'jp-eng', version: 1, updatedAt, title: 'Software Engineer', description: '', kpiTemplates: [] };

function person(id: string, name: string, managerId: string | null, roles: Person['roles'] = ['employee']): Person {
  return { id, version: 1, updatedAt, name, email: `${id}@example.com`, title: 'Engineer', orgUnitId: 'ou-eng', managerId, roles };
}

/**
 * A manager with `people` reports of `perPerson` KPIs each, measured every
 * two weeks of the cycle: a deterministic team of any size for widget tests
 * (5,000 KPIs for the virtualization check), without seeding a store.
 */
export function kpiTeam(people: number, perPerson: number): { manager: Person; reports: Person[]; kpis: Kpi[] } {
  const manager = person('p-lead', 'Li Ming', null, ['employee', 'manager']);
  const reports = Array.from({ length: people }, (_, index) => person(`p-${String(index).padStart(4, '0')}`, `Person ${index}`, manager.id));
  const kpis: Kpi[] = [];
  for (const [personIndex, report] of reports.entries()) {
    for (let k = 0; k < perPerson; k += 1) {
      const n = personIndex * perPerson + k;
      const target = 100 + (n % 7) * 10;
      const actual = 40 + ((n * 37) % 90);
      kpis.push({
        id: `kpi-${String(n).padStart(5, '0')}`,
        version: 1,
        updatedAt,
        ownerId: report.id,
        cycleId: TEAM_CYCLE.id,
        name: `KPI ${n}`,
        source: 'jobProfile',
        sourceId: PROFILE.id,
        start: 0,
        target,
        actual,
        unit: 'pts',
        direction: 'increase',
        weight: 100 / perPerson,
        thresholds: { healthy: 0.9, watch: 0.7 },
        category: 'process',
        history: [0, 1, 2, 3].map((step) => ({ at: new Date(Date.UTC(2026, 9, 1 + step * 14, 9)).toISOString(), value: Math.round((actual * (step + 1)) / 4) })),
        targetChanges: [],
        archived: false,
      });
    }
  }
  return { manager, reports, kpis };
}

/** An adapter serving a {@link kpiTeam} to its manager: what `<tandem-kpi-scorecard scope="team">` reads. */
export function kpiTeamAdapter(people: number, perPerson: number): StubAdapter & { team: ReturnType<typeof kpiTeam> } {
  const team = kpiTeam(people, perPerson);
  const everyone = [team.manager, ...team.reports];
  const session: Session = { person: team.manager, roles: team.manager.roles };
  const adapter = stubAdapter({
    getSession: () => Promise.resolve(session),
    listCycles: () => Promise.resolve([TEAM_CYCLE]),
    listJobProfiles: () => Promise.resolve([PROFILE]),
    listReports: () => Promise.resolve(team.reports),
    listPeople: (query) => Promise.resolve(everyone.filter((candidate) => !query?.ids || query.ids.includes(candidate.id))),
    listKpis: () => Promise.resolve(team.kpis),
    listGoals: () => Promise.resolve([]),
    listKeyResults: () => Promise.resolve([]),
  });
  return Object.assign(adapter, { team });
}
