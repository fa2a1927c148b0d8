/** Types of the demo store beyond the DataAdapter contract. */
import type { Id, IsoDateTime, RecordKind } from '../../model/records.js';
import type { SeedPersonas } from '../seed/index.js';

/** The people the demo signs in as, one per role (from the demo company generator). */
export type { SeedPersonas };

/** What was seeded, kept in `meta` so a reload knows without counting. */
export interface SeedInfo {
  seed: number;
  /** The "today" the data was generated around. */
  now: IsoDateTime;
  seededAt: IsoDateTime;
  /** How long generating and writing took, in milliseconds. */
  durationMs: number;
  personas: SeedPersonas;
  activeCycleId: Id;
  counts: Partial<Record<RecordKind, number>>;
}

export interface SeedOptions {
  seed: number;
  now?: Date;
  /** About how many goals to generate; the generator's default when absent. */
  goals?: number;
  /** 0 to 1, as batches land. */
  onProgress?: (ratio: number) => void;
  /** Aborting keeps the previous data (IndexedDB) or leaves the store empty (main-thread fallback). */
  signal?: AbortSignal;
}

/**
 * What the page may want to tell a person about the store itself:
 * `versionchange` — another tab upgraded the data, this page must reload;
 * `blocked` — this page's upgrade waits for other tabs to close;
 * `terminated` — the browser closed the database (e.g. storage was cleared).
 */
export type StoreStatusEvent = { type: 'versionchange' } | { type: 'blocked' } | { type: 'terminated' };
