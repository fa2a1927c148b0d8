import type { Id, RecordKind, RecordsByKind } from '../../model/records.js';
import type { MetaKey, MetaRecords, StoreName, WriteTx } from './backend.js';
import type { IndexKey, IndexName } from './indexes.js';

/**
 * Passes every call through to a transaction and notes which records it
 * wrote, so the store can announce exactly those once the write has landed.
 */
export class TrackingTx implements WriteTx {
  readonly changed = new Map<RecordKind, Set<Id>>();

  constructor(private readonly tx: WriteTx) {}

  private note(kind: RecordKind, id: Id): void {
    let ids = this.changed.get(kind);
    if (!ids) this.changed.set(kind, (ids = new Set()));
    ids.add(id);
  }

  get<K extends RecordKind>(kind: K, id: Id): Promise<RecordsByKind[K] | undefined> {
    return this.tx.get(kind, id);
  }

  getAll<K extends RecordKind>(kind: K): Promise<RecordsByKind[K][]> {
    return this.tx.getAll(kind);
  }

  getByIndex<K extends RecordKind>(kind: K, index: IndexName<K>, key: IndexKey): Promise<RecordsByKind[K][]> {
    return this.tx.getByIndex(kind, index, key);
  }

  count(kind: RecordKind): Promise<number> {
    return this.tx.count(kind);
  }

  getMeta<M extends MetaKey>(key: M): Promise<MetaRecords[M] | undefined> {
    return this.tx.getMeta(key);
  }

  put<K extends RecordKind>(kind: K, record: RecordsByKind[K]): Promise<void> {
    this.note(kind, record.id);
    return this.tx.put(kind, record);
  }

  delete(kind: RecordKind, id: Id): Promise<void> {
    this.note(kind, id);
    return this.tx.delete(kind, id);
  }

  clear(store: StoreName): Promise<void> {
    return this.tx.clear(store);
  }

  putMeta<M extends MetaKey>(key: M, value: MetaRecords[M]): Promise<void> {
    return this.tx.putMeta(key, value);
  }

  deleteMeta(key: MetaKey): Promise<void> {
    return this.tx.deleteMeta(key);
  }
}
