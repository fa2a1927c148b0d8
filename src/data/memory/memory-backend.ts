/**
 * A backend over plain Maps: for browsers where IndexedDB is unavailable (some
 * private modes) and for fast tests. It keeps IndexedDB's semantics where
 * the domain logic could notice: records are copied in and out, index keys
 * follow the same validity rule, transactions run one at a time, and a
 * write's changes are staged and applied only when its plan succeeds.
 */
import type { Id, RecordKind, RecordsByKind } from '../../model/records.js';
import { RECORD_KINDS } from '../../model/records.js';
import {
  FaultInjector,
  type Backend,
  type BackendStatus,
  type MetaKey,
  type MetaRecords,
  type ReadTx,
  type StoreName,
  type WriteOptions,
  type WriteTx,
} from '../store/backend.js';
import { indexKeyOf, indexesOf, serializeKey, type IndexKey, type IndexName, type KeyPath } from '../store/indexes.js';
import { closedError, toStorageError } from '../store/storage-errors.js';

type Key = string;
const DELETED = Symbol('deleted');
type Staged = unknown | typeof DELETED;

interface MemoryIndex {
  keyPath: KeyPath;
  /** Serialized index key → primary keys. */
  entries: Map<string, Set<Key>>;
}

/** One object store: records by primary key, and its indexes. */
class MemoryStore {
  readonly records = new Map<Key, unknown>();
  readonly indexes = new Map<string, MemoryIndex>();

  constructor(kind: StoreName) {
    if (kind === 'meta') return;
    for (const [name, keyPath] of indexesOf(kind)) this.indexes.set(name, { keyPath, entries: new Map() });
  }

  put(key: Key, value: unknown): void {
    this.remove(key);
    this.records.set(key, value);
    for (const index of this.indexes.values()) {
      const indexKey = indexKeyOf(value, index.keyPath);
      if (indexKey === undefined) continue;
      const serialized = serializeKey(indexKey);
      let keys = index.entries.get(serialized);
      if (!keys) index.entries.set(serialized, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(key: Key): void {
    const old = this.records.get(key);
    if (old === undefined) return;
    this.records.delete(key);
    for (const index of this.indexes.values()) {
      const indexKey = indexKeyOf(old, index.keyPath);
      if (indexKey === undefined) continue;
      const serialized = serializeKey(indexKey);
      const keys = index.entries.get(serialized);
      keys?.delete(key);
      if (keys?.size === 0) index.entries.delete(serialized);
    }
  }

  clear(): void {
    this.records.clear();
    for (const index of this.indexes.values()) index.entries.clear();
  }
}

// IndexedDB orders string keys by code unit, as `<` does.
const byKey = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

function notInScope(store: StoreName): DOMException {
  return new DOMException(`Store "${store}" is not in this transaction's scope.`, 'NotFoundError');
}

/** A transaction's view: committed data with its own staged writes on top. */
class MemoryTx implements WriteTx {
  private readonly staged = new Map<StoreName, Map<Key, Staged>>();
  private readonly cleared = new Set<StoreName>();

  constructor(
    private readonly stores: ReadonlyMap<StoreName, MemoryStore>,
    private readonly scope: ReadonlySet<StoreName>,
    private readonly writable: boolean,
    private readonly faults: FaultInjector,
  ) {}

  private store(name: StoreName): MemoryStore {
    if (!this.scope.has(name)) throw notInScope(name);
    return this.stores.get(name)!;
  }

  private lookup(name: StoreName, key: Key): unknown {
    const store = this.store(name);
    const staged = this.staged.get(name);
    if (staged?.has(key)) {
      const value = staged.get(key);
      return value === DELETED ? undefined : value;
    }
    return this.cleared.has(name) ? undefined : store.records.get(key);
  }

  private keysOf(name: StoreName, committed: Iterable<Key>): Key[] {
    const keys = new Set<Key>(this.cleared.has(name) ? [] : committed);
    for (const key of this.staged.get(name)?.keys() ?? []) keys.add(key);
    return [...keys].sort(byKey);
  }

  async get<K extends RecordKind>(kind: K, id: Id): Promise<RecordsByKind[K] | undefined> {
    const value = this.lookup(kind, id);
    return value === undefined ? undefined : (structuredClone(value) as RecordsByKind[K]);
  }

  async getAll<K extends RecordKind>(kind: K): Promise<RecordsByKind[K][]> {
    const keys = this.keysOf(kind, this.store(kind).records.keys());
    const values: RecordsByKind[K][] = [];
    for (const key of keys) {
      const value = this.lookup(kind, key);
      if (value !== undefined) values.push(structuredClone(value) as RecordsByKind[K]);
    }
    return values;
  }

  async getByIndex<K extends RecordKind>(kind: K, index: IndexName<K>, key: IndexKey): Promise<RecordsByKind[K][]> {
    const memoryIndex = this.store(kind).indexes.get(index);
    if (!memoryIndex) throw new DOMException(`Index "${index}" does not exist on "${kind}".`, 'NotFoundError');
    const wanted = serializeKey(key);
    const candidates = this.keysOf(kind, memoryIndex.entries.get(wanted) ?? []);
    const values: RecordsByKind[K][] = [];
    for (const candidate of candidates) {
      const value = this.lookup(kind, candidate);
      if (value === undefined) continue;
      const valueKey = indexKeyOf(value, memoryIndex.keyPath);
      if (valueKey !== undefined && serializeKey(valueKey) === wanted) values.push(structuredClone(value) as RecordsByKind[K]);
    }
    return values;
  }

  async count(kind: RecordKind): Promise<number> {
    return (await this.getAll(kind)).length;
  }

  async getMeta<M extends MetaKey>(key: M): Promise<MetaRecords[M] | undefined> {
    const value = this.lookup('meta', key);
    return value === undefined ? undefined : (structuredClone(value) as MetaRecords[M]);
  }

  private stage(name: StoreName, key: Key, value: Staged): void {
    if (!this.writable) throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
    this.store(name);
    this.faults.beforeWrite(name);
    let staged = this.staged.get(name);
    if (!staged) this.staged.set(name, (staged = new Map()));
    // Cloning now, as IndexedDB does, so later changes by the caller do not leak in.
    staged.set(key, value === DELETED ? DELETED : structuredClone(value));
  }

  async put<K extends RecordKind>(kind: K, record: RecordsByKind[K]): Promise<void> {
    this.stage(kind, record.id, record);
  }

  async delete(kind: RecordKind, id: Id): Promise<void> {
    this.stage(kind, id, DELETED);
  }

  async clear(name: StoreName): Promise<void> {
    if (!this.writable) throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
    this.store(name);
    this.faults.beforeWrite(name);
    this.cleared.add(name);
    this.staged.delete(name);
  }

  async putMeta<M extends MetaKey>(key: M, value: MetaRecords[M]): Promise<void> {
    this.stage('meta', key, value);
  }

  async deleteMeta(key: MetaKey): Promise<void> {
    this.stage('meta', key, DELETED);
  }

  /** Applies the staged writes; synchronous, so nothing can interleave. */
  commit(): void {
    for (const name of this.cleared) this.stores.get(name)!.clear();
    for (const [name, staged] of this.staged) {
      const store = this.stores.get(name)!;
      for (const [key, value] of staged) {
        if (value === DELETED) store.remove(key);
        else store.put(key, value);
      }
    }
  }
}

/**
 * Creates an empty memory backend. `name` only labels it: two memory
 * backends never share data, even with the same name.
 */
export function createMemoryBackend(name = 'tandem-memory'): MemoryBackend {
  return new MemoryBackend(name);
}

/** Records in Maps, with IndexedDB's transaction and index semantics (see the module comment). */
export class MemoryBackend implements Backend {
  readonly storage = 'memory';
  readonly faults = new FaultInjector();
  private readonly stores = new Map<StoreName, MemoryStore>();
  private tail: Promise<unknown> = Promise.resolve();
  private current: BackendStatus = { type: 'open' };

  constructor(readonly name: string) {
    for (const kind of [...RECORD_KINDS, 'meta'] as const) this.stores.set(kind, new MemoryStore(kind));
  }

  get status(): BackendStatus {
    return this.current;
  }

  /** Transactions run one at a time, as overlapping IndexedDB read-write transactions do. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  read<T>(scope: readonly StoreName[], plan: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      if (this.current.type === 'closed') throw closedError(this.current);
      try {
        return await plan(new MemoryTx(this.stores, new Set(scope), false, this.faults));
      } catch (error) {
        throw toStorageError(error);
      }
    });
  }

  write<T>(scope: readonly StoreName[], plan: (tx: WriteTx) => Promise<T>, _options?: WriteOptions): Promise<T> {
    return this.enqueue(async () => {
      if (this.current.type === 'closed') throw closedError(this.current);
      const tx = new MemoryTx(this.stores, new Set(scope), true, this.faults);
      try {
        const result = await plan(tx);
        tx.commit();
        return result;
      } catch (error) {
        throw toStorageError(error);
      }
    });
  }

  onStatusChange(): () => void {
    // A memory backend only ever closes when asked to.
    return () => undefined;
  }

  close(): void {
    this.current = { type: 'closed', reason: 'closed' };
  }
}
