/**
 * A `DataAdapter` that answers the goal tree's reads from a fixture already
 * in memory: every answer is ready before the clock starts (lists are the
 * fixture's own arrays, `ids` queries are map lookups), and every promise is
 * already resolved. What a benchmark measures through it is the widget, not
 * storage.
 *
 * It serves what `loadGoalTree` reads for a cycle scope (cycles, goals, key
 * results, check-ins, people and their managers, strategies) and what every
 * widget asks of an adapter (session, subscribe). Anything else rejects,
 * and says so on the console, so a widget that starts reading something new
 * fails the scenario instead of being measured against a half-answer.
 * Each call honours `options.signal`, as the contract asks.
 *
 * `stats` counts calls by method and the time spent inside them, so a
 * scenario can show that the adapter is not where the time goes (and how
 * many times the widget loaded).
 */
import type { CheckInQuery, DataAdapter, GoalQuery, KeyResultQuery, PeopleQuery, RequestOptions } from '../../../src/data/adapter.js';
import { AbortedError, StorageError } from '../../../src/data/errors.js';
import type { CheckIn, Cycle, Goal, Id, KeyResult, Person, Session, Strategy } from '../../../src/model/records.js';
import type { GoalTreeFixture } from './goal-tree-fixture.js';

export interface AdapterStats {
  calls: Record<string, number>;
  /** Milliseconds spent inside adapter methods (synchronously: every answer is immediate). */
  ms: number;
}

export interface MemoryAdapter {
  adapter: DataAdapter;
  stats: AdapterStats;
}

export function memoryAdapter(fixture: GoalTreeFixture): MemoryAdapter {
  const stats: AdapterStats = { calls: {}, ms: 0 };
  const peopleById = new Map<Id, Person>(fixture.people.map((person) => [person.id, person]));
  const goalIds = new Set(fixture.goals.map((goal) => goal.id));

  /** Counts and times a call, honours its signal, and answers with an already resolved promise. */
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

  const served = {
    getSession: (options?: RequestOptions): Promise<Session> => answer('getSession', options, () => fixture.session),
    listCycles: (options?: RequestOptions): Promise<Cycle[]> => answer('listCycles', options, () => fixture.cycles),
    listStrategies: (cycleId: Id, options?: RequestOptions): Promise<Strategy[]> =>
      answer('listStrategies', options, () => (cycleId === fixture.cycle.id ? fixture.strategies : [])),
    listGoals: (query: GoalQuery, options?: RequestOptions): Promise<Goal[]> =>
      answer('listGoals', options, () => {
        const keys = Object.keys(query).filter((key) => query[key as keyof GoalQuery] !== undefined);
        if (keys.length !== 1 || keys[0] !== 'cycleId') throw new Error(`bench adapter: listGoals answers { cycleId } only, got ${JSON.stringify(query)}`);
        return query.cycleId === fixture.cycle.id ? fixture.goals : [];
      }),
    listKeyResults: (query: KeyResultQuery, options?: RequestOptions): Promise<KeyResult[]> =>
      answer('listKeyResults', options, () => {
        const wanted = query.goalIds ?? (query.goalId ? [query.goalId] : []);
        // The tree asks for the key results of every goal it listed: that answer is the fixture's list.
        if (wanted.length === goalIds.size && wanted.every((id) => goalIds.has(id))) return fixture.keyResults;
        const set = new Set(wanted);
        return fixture.keyResults.filter((keyResult) => set.has(keyResult.goalId));
      }),
    listCheckIns: (query: CheckInQuery, options?: RequestOptions): Promise<CheckIn[]> =>
      answer('listCheckIns', options, () => {
        const wanted = query.keyResultIds ?? (query.keyResultId ? [query.keyResultId] : []);
        if (query.authorId === undefined && wanted.length === fixture.keyResults.length) return fixture.checkIns;
        const set = new Set(wanted);
        return fixture.checkIns.filter((checkIn) => set.has(checkIn.keyResultId) && (query.authorId === undefined || checkIn.authorId === query.authorId));
      }),
    listPeople: (query: PeopleQuery = {}, options?: RequestOptions): Promise<Person[]> =>
      answer('listPeople', options, () => {
        if (!query.ids || query.orgUnitId !== undefined || query.text !== undefined) {
          throw new Error(`bench adapter: listPeople answers { ids } only, got ${JSON.stringify(Object.keys(query))}`);
        }
        const found: Person[] = [];
        for (const id of query.ids) {
          const person = peopleById.get(id);
          if (person) found.push(person);
        }
        return found;
      }),
    subscribe: (): (() => void) => {
      stats.calls['subscribe'] = (stats.calls['subscribe'] ?? 0) + 1;
      return () => {};
    },
  };

  const adapter = new Proxy(served, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !(property in target)) {
        if (property === 'then') return undefined; // Not a thenable.
        return () => {
          const error = new Error(`bench adapter: ${property}() is not served (the goal tree benchmark serves a cycle's reads only)`);
          console.error(error.message);
          return Promise.reject(new StorageError('failed', { cause: error }));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as DataAdapter;

  return { adapter, stats };
}
