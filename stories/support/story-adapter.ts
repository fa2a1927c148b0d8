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

type AdapterMethod = Exclude<keyof DataAdapter, 'subscribe'>;

/** The options argument of an adapter call, which every method takes last. */
function optionsOf(args: readonly unknown[]): RequestOptions | undefined {
  const last = args[args.length - 1];
  return typeof last === 'object' && last !== null && 'signal' in last ? (last as RequestOptions) : undefined;
}

/** The given methods never settle (unless the caller aborts): a widget's loading state, held still. */
export function stalledAdapter(methods: readonly AdapterMethod[]): DataAdapter {
  const stalled = (...args: unknown[]) => never(optionsOf(args)?.signal);
  return storyAdapter(Object.fromEntries(methods.map((method) => [method, stalled])) as Partial<DataAdapter>);
}

/** The given methods reject with `error()`: a widget's error or forbidden state. */
export function refusingAdapter(error: () => TandemError, methods: readonly AdapterMethod[]): DataAdapter {
  const refuse = () => Promise.reject(error());
  return storyAdapter(Object.fromEntries(methods.map((method) => [method, refuse])) as Partial<DataAdapter>);
}

/** Every read waits forever: widgets stay in their loading state. */
export function pendingAdapter(): DataAdapter {
  return stalledAdapter(['getSession', 'getPerson']);
}

/** Signs in normally, but every person lookup fails with `error`. */
export function failingAdapter(error: () => TandemError): DataAdapter {
  return storyAdapter({
    getSession: async () => SESSION,
    getPerson: () => Promise.reject(error()),
  });
}
