/**
 * The data layer: the adapter contract, typed errors, and the embedded store
 * (IndexedDB with a memory fallback) that implements it.
 */
export * from './adapter.js';
export * from './errors.js';
export { openDemoStore, type OpenDemoStoreOptions } from './idb/index.js';
export { openMemoryStore } from './memory/index.js';
export { TandemStore, channelName, type Seeder, type TandemStoreOptions } from './store/tandem-store.js';
export type { Backend, BackendStatus, ReadTx, StorageKind, WriteTx } from './store/backend.js';
export type { SeedInfo, SeedOptions, SeedPersonas, StoreStatusEvent } from './store/types.js';
