/**
 * A `DataAdapter` answering exactly what `loadKpiScorecard` reads for a
 * `team` scope from the KPI fixture (cycles, job profiles, the director's
 * reports, management chains by id, the cycle's KPIs by owners, the cycle's
 * goals, their key results) plus `getSession` and `subscribe`. Answers are
 * the fixture's own arrays (or lookups) in already resolved promises; any
 * other call rejects and says so on the console, so a widget that starts
 * reading something new fails the sample. Same idea as memory-adapter.ts
 * (the goal tree's), with `stats` counting calls and time inside.
 */
import type { DataAdapter, GoalQuery, KeyResultQuery, KpiQuery, PeopleQuery, RequestOptions } from '../../../src/data/adapter.js';
import { AbortedError, StorageError } from '../../../src/data/errors.js';
import type { Id, Person } from '../../../src/model/records.js';
import type { KpiFixture } from './kpi-fixture.js';
import type { AdapterStats } from './memory-adapter.js';

export function kpiMemoryAdapter(fixture: KpiFixture): { adapter: DataAdapter; stats: AdapterStats } {
  const stats: AdapterStats = { calls: {}, ms: 0 };
  const peopleById = new Map<Id, Person>(fixture.people.map((person) => [person.id, person]));
  const reportIds = new Set(fixture.reports.map((person) => person.id));

  function answer<T>(method: string, options: RequestOptions | undefined, compute: () => T): Promise<T> {
    const start = performance.now();
    stats.calls[method] = (stats.calls[method] ?? 0) + 1;
    try {
      if (options?.signal?.aborted) return Promise.reject(new AbortedError());
      return Promise.resolve(compute());
    } finally {
      stats.ms += performance.now() - start;
    }
  }
  const refuse = (what: string): never => {
    throw new Error(`bench adapter: ${what}`);
  };

  const served = {
    getSession: (options?: RequestOptions) => answer('getSession', options, () => fixture.session),
    listCycles: (options?: RequestOptions) => answer('listCycles', options, () => fixture.cycles),
    listJobProfiles: (options?: RequestOptions) => answer('listJobProfiles', options, () => fixture.jobProfiles),
    listReports: (managerId: Id, query?: { recursive?: boolean }, options?: RequestOptions) =>
      answer('listReports', options, () =>
        managerId === fixture.session.person.id && query?.recursive ? fixture.reports : refuse(`listReports answers the director's recursive reports only, got ${managerId}`),
      ),
    listPeople: (query: PeopleQuery = {}, options?: RequestOptions) =>
      answer('listPeople', options, () => {
        if (!query.ids || query.orgUnitId !== undefined || query.text !== undefined) refuse(`listPeople answers { ids } only, got ${JSON.stringify(Object.keys(query))}`);
        const found: Person[] = [];
        for (const id of query.ids!) {
          const person = peopleById.get(id);
          if (person) found.push(person);
        }
        return found;
      }),
    listKpis: (query: KpiQuery, options?: RequestOptions) =>
      answer('listKpis', options, () => {
        if (query.cycleId !== fixture.cycle.id) return [];
        const owners = (query as { ownerIds?: Id[] }).ownerIds;
        if (!owners) refuse(`listKpis answers { cycleId, ownerIds } only, got ${JSON.stringify(Object.keys(query))}`);
        // The scorecard asks for every report's KPIs: that answer is the fixture's list.
        if (owners!.length === reportIds.size && owners!.every((id) => reportIds.has(id))) return fixture.kpis;
        const set = new Set(owners);
        return fixture.kpis.filter((kpi) => set.has(kpi.ownerId));
      }),
    listGoals: (query: GoalQuery, options?: RequestOptions) =>
      answer('listGoals', options, () => {
        const keys = Object.keys(query).filter((key) => query[key as keyof GoalQuery] !== undefined);
        if (keys.length !== 1 || keys[0] !== 'cycleId') refuse(`listGoals answers { cycleId } only, got ${JSON.stringify(query)}`);
        return query.cycleId === fixture.cycle.id ? fixture.goals : [];
      }),
    listKeyResults: (query: KeyResultQuery, options?: RequestOptions) =>
      answer('listKeyResults', options, () => {
        const wanted = query.goalIds ?? (query.goalId ? [query.goalId] : []);
        if (wanted.length === fixture.goals.length) return fixture.keyResults;
        const set = new Set(wanted);
        return fixture.keyResults.filter((keyResult) => set.has(keyResult.goalId));
      }),
    subscribe: (): (() => void) => {
      stats.calls['subscribe'] = (stats.calls['subscribe'] ?? 0) + 1;
      return () => {};
    },
  };

  const adapter = new Proxy(served, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !(property in target)) {
        if (property === 'then') return undefined;
        return () => {
          const error = new Error(`bench adapter: ${property}() is not served (the KPI scorecard benchmark serves a team scope's reads only)`);
          console.error(error.message);
          return Promise.reject(new StorageError('failed', { cause: error }));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as DataAdapter;
  return { adapter, stats };
}
