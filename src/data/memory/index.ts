/** The in-memory backend and a store over it: no persistence, same rules. */
import { TandemStore, type TandemStoreOptions } from '../store/tandem-store.js';
import { seedInBatches } from '../store/seeding.js';
import { createMemoryBackend } from './memory-backend.js';

export { MemoryBackend, createMemoryBackend } from './memory-backend.js';

/**
 * A store that keeps everything in memory until the page closes: for
 * browsers without IndexedDB, and for fast tests. Seeds on the main thread in
 * small batches that yield between them.
 */
export function openMemoryStore(options: TandemStoreOptions & { name?: string } = {}): Promise<TandemStore> {
  return TandemStore.create(createMemoryBackend(options.name), { seeder: seedInBatches, ...options });
}
