/** Messages between the page and the seed Worker. */
import type { StorageFailure } from '../errors.js';
import type { SeedInfo } from '../store/types.js';

export type SeedWorkerRequest =
  | { type: 'seed'; name: string; seed: number; now: string; goals?: number }
  | { type: 'abort' };

export type SeedWorkerMessage =
  | { type: 'progress'; ratio: number }
  | { type: 'done'; info: SeedInfo }
  | { type: 'aborted' }
  | { type: 'error'; reason: StorageFailure; message: string };
