import type { DataAdapter } from '../../src/data/adapter.js';
import type { SeedPersonas } from '../../src/data/index.js';
import type { Cycle, JobProfile, Person } from '../../src/model/records.js';
import { PEOPLE, SESSION } from './people.js';
import { seededStore } from './seeded-store.js';
import { storyAdapter } from './story-adapter.js';

const stamp = { version: 1, updatedAt: '2026-10-01T00:00:00.000Z' };

export const STORY_CYCLE: Cycle = { ...stamp, id: 'c', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false };

export const STORY_PROFILE: JobProfile = {
  ...stamp,
  id: 'jp-frontend',
  title: '前端工程师 · Frontend Engineer',
  description: '',
  kpiTemplates: [
    { name: '需求按期交付率 · On-time delivery', category: 'process', unit: '%', direction: 'increase', start: 70, target: 90, weight: 50, thresholds: { healthy: 0.9, watch: 0.7 } },
    { name: '线上缺陷逃逸数 · Escaped defects', category: 'customer', unit: 'defects', direction: 'decrease', start: 12, target: 4, weight: 50, thresholds: { healthy: 0.95, watch: 0.8 } },
  ],
};

/** The story team: 王芳 (the session, a manager) and the people who report to her. */
const REPORTS: Person[] = Object.values(PEOPLE).filter((person) => person.managerId === SESSION.person.id);

/**
 * What `<tandem-kpi-scorecard scope="team">` reads, for the story team, with
 * `methods` on top: an empty plan by default, so a story overrides the one
 * read it is about (a failure, a read that never answers).
 */
export function scorecardAdapter(methods: Partial<DataAdapter> = {}): DataAdapter {
  const everyone = [SESSION.person, ...REPORTS];
  return storyAdapter({
    getSession: () => Promise.resolve(SESSION),
    listCycles: () => Promise.resolve([STORY_CYCLE]),
    listJobProfiles: () => Promise.resolve([STORY_PROFILE]),
    listReports: () => Promise.resolve(REPORTS),
    listPeople: (query) => Promise.resolve(everyone.filter((person) => !query?.ids || query.ids.includes(person.id))),
    listKpis: () => Promise.resolve([]),
    listGoals: () => Promise.resolve([]),
    listKeyResults: () => Promise.resolve([]),
    ...methods,
  });
}

/** A scope about one of the seeded company's personas: their own (`person:`) or their unit's (`org-unit:`). */
export async function personaScope(persona: keyof SeedPersonas, kind: 'person' | 'org-unit', size?: number): Promise<string> {
  const store = await seededStore({ persona, ...(size ? { goals: size } : {}) });
  const { person } = await store.getSession();
  return kind === 'person' ? `person:${person.id}` : `org-unit:${person.orgUnitId}`;
}

/** The company's top unit in a seeded store: the scope of everyone. */
export async function companyScope(size?: number): Promise<string> {
  const store = await seededStore({ persona: 'hr', ...(size ? { goals: size } : {}) });
  const units = await store.listOrgUnits();
  const top = units.find((unit) => unit.parentId === null);
  return top ? `org-unit:${top.id}` : 'me';
}
