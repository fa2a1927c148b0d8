/**
 * The small storage interface the domain logic of {@link TandemStore} is
 * written against, so the same rules run on IndexedDB and on plain Maps.
 *
 * A logical write is one call of {@link Backend.write}: the plan reads what it
 * needs to check, then writes, inside one transaction, and either all of it
 * lands or none of it does. The plan may await only the operations of the
 * transaction it was given (and plain synchronous code): an IndexedDB
 * transaction commits on its own as soon as a task passes with no request
 * pending, so awaiting a timer, a fetch or another transaction would end it
 * early and make the next request throw.
 */
import type { Id, RecordKind, RecordsByKind } from '../../model/records.js';
import type { IndexKey, IndexName } from './indexes.js';
import type { SeedInfo, SeedPersonas } from './types.js';

/** The object stores of a backend: one per record kind, plus `meta`. */
export type StoreName = RecordKind | 'meta';

/** What the `meta` store holds, by key. */
export interface MetaRecords {
  /** The person the store acts for, kept across reloads. */
  actingPersonId: Id;
  /** How the demo data was generated; absent until seeded. */
  seed: SeedInfo;
  /** The demo personas (also inside `seed`, kept apart for fixtures loaded with personas). */
  personas: SeedPersonas;
  /** The schema version the data was last written or migrated by. */
  schema: { version: number; migratedAt: string };
}
export type MetaKey = keyof MetaRecords;

/** Reads inside one transaction. Results are copies: changing them changes nothing stored. */
export interface ReadTx {
  get<K extends RecordKind>(kind: K, id: Id): Promise<RecordsByKind[K] | undefined>;
  getAll<K extends RecordKind>(kind: K): Promise<RecordsByKind[K][]>;
  /** Records whose index key equals `key` exactly, in primary-key order. */
  getByIndex<K extends RecordKind>(kind: K, index: IndexName<K>, key: IndexKey): Promise<RecordsByKind[K][]>;
  count(kind: RecordKind): Promise<number>;
  getMeta<M extends MetaKey>(key: M): Promise<MetaRecords[M] | undefined>;
}

/** Reads and writes inside one transaction; nothing is visible to others until it commits. */
export interface WriteTx extends ReadTx {
  put<K extends RecordKind>(kind: K, record: RecordsByKind[K]): Promise<void>;
  delete(kind: RecordKind, id: Id): Promise<void>;
  clear(store: StoreName): Promise<void>;
  putMeta<M extends MetaKey>(key: M, value: MetaRecords[M]): Promise<void>;
  deleteMeta(key: MetaKey): Promise<void>;
}

export interface WriteOptions {
  /**
   * `relaxed` lets the browser acknowledge before data reaches the disk:
   * measured 1.9× faster for many small writes, used for check-ins and drafts.
   */
  durability?: 'default' | 'relaxed';
}

/** Where records are kept. */
export type StorageKind = 'indexeddb' | 'memory';

/**
 * Why a backend stopped serving: `versionchange` when another tab upgrades
 * the database (this page must reload), `terminated` when the browser closed
 * the connection (storage cleared, disk error).
 */
export type BackendStatus =
  | { type: 'open' }
  | { type: 'closed'; reason: 'closed' | 'versionchange' | 'terminated' };

export interface Backend {
  readonly storage: StorageKind;
  /** The database name; other tabs on the same name share the data (IndexedDB only). */
  readonly name: string;
  /** Fault injection for tests: makes a later write fail part-way. */
  readonly faults: FaultInjector;
  readonly status: BackendStatus;
  /** Runs `plan` in one read-only transaction over `scope`. */
  read<T>(scope: readonly StoreName[], plan: (tx: ReadTx) => Promise<T>): Promise<T>;
  /**
   * Runs `plan` in one read-write transaction over `scope` and resolves once
   * it has committed. If the plan throws, nothing it wrote lands and the
   * error is passed on (mapped to a `TandemError` if it is not one).
   */
  write<T>(scope: readonly StoreName[], plan: (tx: WriteTx) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Called when the backend stops serving for a reason other than `close()`. */
  onStatusChange(listener: (status: BackendStatus) => void): () => void;
  close(): void;
}

/** A planned failure: the `failOnWrite`-th put/delete/clear of the next write transaction throws `error()`. */
export interface FaultPlan {
  failOnWrite: number;
  error: () => unknown;
  /** Only count writes to these stores. */
  stores?: readonly StoreName[];
}

/**
 * Lets a test make a write fail half-way through, to check that nothing of it
 * lands. Disarmed after it fires once.
 */
export class FaultInjector {
  private plan: FaultPlan | null = null;
  private count = 0;

  /** Arms a failure for the next write transaction(s) until it fires. */
  arm(plan: FaultPlan): void {
    this.plan = plan;
    this.count = 0;
  }

  disarm(): void {
    this.plan = null;
  }

  get armed(): boolean {
    return this.plan !== null;
  }

  /** Backends call this before each write operation. */
  beforeWrite(store: StoreName): void {
    const plan = this.plan;
    if (!plan || (plan.stores && !plan.stores.includes(store))) return;
    this.count += 1;
    if (this.count >= plan.failOnWrite) {
      this.plan = null;
      throw plan.error();
    }
  }
}

/** Every store name, for transactions that touch everything (load, reset, seed). */
export function allStores(kinds: readonly RecordKind[]): StoreName[] {
  return [...kinds, 'meta'];
}
