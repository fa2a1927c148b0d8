/**
 * The demo store: IndexedDB when the browser allows it, memory otherwise.
 */
import type { Id } from '../../model/records.js';
import { StorageError } from '../errors.js';
import { createMemoryBackend } from '../memory/memory-backend.js';
import type { Backend } from '../store/backend.js';
import { seedInBatches } from '../store/seeding.js';
import { TandemStore } from '../store/tandem-store.js';
import { openDatabase } from './connection.js';
import { IdbBackend } from './idb-backend.js';
import { seedInWorker } from './seed-client.js';

export { DB_VERSION, createV1Schema, upgradeSchema } from './schema.js';
export { IdbBackend } from './idb-backend.js';
export { openDatabase, type OpenDatabaseOptions } from './connection.js';

export interface OpenDemoStoreOptions {
  /** The IndexedDB database name; tabs on the same name share data. Default `tandem-demo`. */
  name?: string;
  /** Who to act for; otherwise the person saved last time, or the employee persona. */
  actorId?: Id;
  /** `memory` skips IndexedDB (tests, or a host that wants nothing kept). Default `auto`. */
  backend?: 'auto' | 'memory';
  /** The IndexedDB factory to use; `null` acts as a browser without IndexedDB. For tests and shims. */
  indexedDB?: IDBFactory | null;
  /** How long an upgrade waits on other tabs before rejecting with `StorageError('blocked')`. Default 3 s. */
  blockedTimeoutMs?: number;
  /** Called when opening waits on other tabs to close: the page can ask the person to close them. */
  onBlocked?: () => void;
  /** Where to generate demo data: a module Worker (default) or the main thread in batches. */
  seedIn?: 'worker' | 'main-thread';
  /** The clock for timestamps; tests pin it. */
  clock?: () => Date;
}

/**
 * Opens the demo store. Falls back to memory (and says so in
 * `store.storage`) where IndexedDB is unavailable, e.g. in some private
 * modes; rejects with `StorageError('blocked')` when an older tab holds an
 * upgrade up, or `StorageError('failed')` when the database cannot be opened.
 */
export async function openDemoStore(options: OpenDemoStoreOptions = {}): Promise<TandemStore> {
  const name = options.name ?? 'tandem-demo';
  let backend: Backend;
  if (options.backend === 'memory') {
    backend = createMemoryBackend(name);
  } else {
    try {
      const db = await openDatabase(name, {
        factory: options.indexedDB,
        blockedTimeoutMs: options.blockedTimeoutMs,
        onBlocked: options.onBlocked,
      });
      backend = new IdbBackend(db, name);
    } catch (error) {
      if (!(error instanceof StorageError && error.reason === 'unavailable')) throw error;
      // Private modes and locked-down profiles: keep working, in memory, and let the UI say so.
      backend = createMemoryBackend(name);
    }
  }
  const seeder = backend.storage === 'indexeddb' && options.seedIn !== 'main-thread' ? seedInWorker : seedInBatches;
  return TandemStore.create(backend, { actorId: options.actorId, clock: options.clock, seeder });
}
