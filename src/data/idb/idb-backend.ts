/**
 * The IndexedDB backend: one object store per record kind, the indexes of
 * `INDEXES`, and a `meta` store. Each `write` is one read-write transaction;
 * the plan's reads and writes await only this transaction's requests, so the
 * transaction stays alive until the plan is done and commits once.
 */
import type { IDBPDatabase, IDBPObjectStore, IDBPTransaction } from 'idb';
import { unwrap } from 'idb';
import type { Id, RecordKind, RecordsByKind } from '../../model/records.js';
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
import type { IndexKey, IndexName } from '../store/indexes.js';
import { closedError, toStorageError } from '../store/storage-errors.js';

type AnyTx = IDBPTransaction<unknown, string[], IDBTransactionMode>;
type ReadWriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;

function toIdbKey(key: IndexKey): IDBValidKey {
  return typeof key === 'string' || typeof key === 'number' ? key : [...key];
}

/** Settles quietly as well, so a write the plan forgot to await never becomes an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<void> {
  const settled = promise.then(() => undefined);
  settled.catch(() => undefined);
  return settled;
}

class IdbReadTx implements ReadTx {
  constructor(protected readonly tx: AnyTx) {}

  get<K extends RecordKind>(kind: K, id: Id): Promise<RecordsByKind[K] | undefined> {
    return this.tx.objectStore(kind).get(id);
  }

  getAll<K extends RecordKind>(kind: K): Promise<RecordsByKind[K][]> {
    return this.tx.objectStore(kind).getAll();
  }

  getByIndex<K extends RecordKind>(kind: K, index: IndexName<K>, key: IndexKey): Promise<RecordsByKind[K][]> {
    return this.tx.objectStore(kind).index(index).getAll(toIdbKey(key));
  }

  count(kind: RecordKind): Promise<number> {
    return this.tx.objectStore(kind).count();
  }

  getMeta<M extends MetaKey>(key: M): Promise<MetaRecords[M] | undefined> {
    return this.tx.objectStore('meta').get(key);
  }
}

class IdbWriteTx extends IdbReadTx implements WriteTx {
  constructor(
    private readonly writeTx: ReadWriteTx,
    private readonly faults: FaultInjector,
  ) {
    super(writeTx);
  }

  private store(name: StoreName): IDBPObjectStore<unknown, string[], StoreName, 'readwrite'> {
    this.faults.beforeWrite(name);
    return this.writeTx.objectStore(name);
  }

  put<K extends RecordKind>(kind: K, record: RecordsByKind[K]): Promise<void> {
    return quiet(this.store(kind).put(record));
  }

  delete(kind: RecordKind, id: Id): Promise<void> {
    return quiet(this.store(kind).delete(id));
  }

  clear(name: StoreName): Promise<void> {
    return quiet(this.store(name).clear());
  }

  putMeta<M extends MetaKey>(key: M, value: MetaRecords[M]): Promise<void> {
    return quiet(this.store('meta').put(value, key));
  }

  deleteMeta(key: MetaKey): Promise<void> {
    return quiet(this.store('meta').delete(key));
  }
}

/** Wraps an open connection. The connection closes itself when another tab needs to upgrade. */
export class IdbBackend implements Backend {
  readonly storage = 'indexeddb';
  readonly faults = new FaultInjector();
  private current: BackendStatus = { type: 'open' };
  private readonly listeners = new Set<(status: BackendStatus) => void>();

  constructor(
    private readonly db: IDBPDatabase<unknown>,
    readonly name: string,
  ) {
    const raw = unwrap(db);
    // Another tab opens a newer version: an open connection would block it
    // for as long as this page lives, so step aside and let the page reload.
    raw.addEventListener('versionchange', () => this.stop('versionchange'));
    // The browser closed it (storage cleared by the user, disk failure).
    raw.addEventListener('close', () => this.stop('terminated'));
  }

  get status(): BackendStatus {
    return this.current;
  }

  /** The raw connection, for tests that inspect the schema. */
  get connection(): IDBPDatabase<unknown> {
    return this.db;
  }

  private stop(reason: 'closed' | 'versionchange' | 'terminated'): void {
    if (this.current.type === 'closed') return;
    this.db.close();
    this.current = { type: 'closed', reason };
    if (reason === 'closed') return;
    for (const listener of this.listeners) listener(this.current);
  }

  private open(): IDBPDatabase<unknown> {
    if (this.current.type === 'closed') throw closedError(this.current);
    return this.db;
  }

  async read<T>(scope: readonly StoreName[], plan: (tx: ReadTx) => Promise<T>): Promise<T> {
    try {
      const tx = this.open().transaction([...scope], 'readonly');
      return await plan(new IdbReadTx(tx));
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async write<T>(scope: readonly StoreName[], plan: (tx: WriteTx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    let tx: ReadWriteTx;
    try {
      tx = this.open().transaction([...scope], 'readwrite', { durability: options.durability ?? 'default' });
    } catch (error) {
      throw toStorageError(error);
    }
    const done = tx.done;
    done.catch(() => undefined);
    try {
      const result = await plan(new IdbWriteTx(tx, this.faults));
      // Commit now rather than on the next task: fewer chances for a stray await to matter.
      tx.commit();
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already committed or aborted: the error below tells which.
      }
      throw toStorageError(error);
    }
  }

  onStatusChange(listener: (status: BackendStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stop('closed');
  }
}
