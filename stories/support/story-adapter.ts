import { ADAPTER_METHODS, type DataAdapter, type RequestOptions } from '../../src/data/adapter.js';
import { AbortedError, NotFoundError, StorageError, type TandemError } from '../../src/data/errors.js';
import type { Id, Person, Session } from '../../src/model/records.js';
import { PEOPLE, SESSION } from './people.js';

const adapterMethods: ReadonlySet<string> = new Set(ADAPTER_METHODS);

/**
 * A data adapter for stories that implements only the methods it is given.
 * Any other method of the contract rejects with a StorageError whose `cause`
 * names the method, so a story that starts needing more fails visibly rather
 * than hanging. `subscribe` defaults to a listener that never hears anything.
 */
export function storyAdapter(methods: Partial<DataAdapter>): DataAdapter {
  const implemented: Partial<DataAdapter> = { subscribe: () => () => {}, ...methods };
  return new Proxy(implemented, {
    get(target, key, receiver) {
      if (key in target) return Reflect.get(target, key, receiver);
      if (typeof key === 'string' && adapterMethods.has(key)) {
        return () => Promise.reject(new StorageError('unavailable', { cause: new Error(`The story adapter has no ${key}().`) }));
      }
      return undefined;
    },
  }) as DataAdapter;
}

/** Resolves after `ms`, or rejects with AbortedError when the widget gives up first. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError({ cause: signal.reason }));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AbortedError({ cause: signal.reason }));
    });
  });
}

/** Never settles, unless the caller aborts: the loading state, held still. */
function never(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new AbortedError({ cause: signal.reason })));
  });
}

export interface PeopleAdapterOptions {
  people?: readonly Person[];
  session?: Session;
  /** Simulated latency of every call. */
  latencyMs?: number;
}

/** Serves the story people and signs in as the story session. */
export function peopleAdapter({ people = Object.values(PEOPLE), session = SESSION, latencyMs = 0 }: PeopleAdapterOptions = {}): DataAdapter {
  const byId = new Map<Id, Person>(people.map((p) => [p.id, p]));
  return storyAdapter({
    async getSession(options?: RequestOptions) {
      if (latencyMs) await delay(latencyMs, options?.signal);
      return session;
    },
    async getPerson(id: Id, options?: RequestOptions) {
      if (latencyMs) await delay(latencyMs, options?.signal);
      const found = byId.get(id);
      if (!found) throw new NotFoundError('person', id);
      return found;
    },
  });
}

/** Every read waits forever: widgets stay in their loading state. */
export function pendingAdapter(): DataAdapter {
  return storyAdapter({
    getSession: (options?: RequestOptions) => never(options?.signal),
    getPerson: (_id: Id, options?: RequestOptions) => never(options?.signal),
  });
}

/** Signs in normally, but every person lookup fails with `error`. */
export function failingAdapter(error: () => TandemError): DataAdapter {
  return storyAdapter({
    getSession: async () => SESSION,
    getPerson: () => Promise.reject(error()),
  });
}
