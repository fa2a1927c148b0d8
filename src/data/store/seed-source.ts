/**
 * The demo company generator as the seeders consume it: batches of records
 * with a progress ratio, then the personas and the active cycle. Loaded with
 * a dynamic import so hosts that never seed do not download the generator.
 */
import type { Id, RecordKind, RecordSet } from '../../model/records.js';
import type { SeedPersonas } from './types.js';

/** One batch of generated records. */
export interface SeedBatch {
  /** 0 to 1: how much of the company has been generated with this batch. */
  progress: number;
  records: Partial<RecordSet>;
}

/** The generator's batches, and its result once they are all taken. */
export interface SeedSource {
  batches: Iterable<SeedBatch>;
  /** Available once every batch has been taken. */
  result(): { personas: SeedPersonas; activeCycleId: Id };
}

/** Starts the demo company generator; `batchSize` bounds the records (and work) per batch. */
export async function seedSource(options: { seed: number; now: Date; goals?: number; batchSize?: number }): Promise<SeedSource> {
  const { generateCompanyInBatches } = await import('../seed/index.js');
  const generator = generateCompanyInBatches(options);
  let final: { personas: SeedPersonas; activeCycleId: Id } | undefined;
  const batches: Iterable<SeedBatch> = {
    *[Symbol.iterator]() {
      for (;;) {
        const step = generator.next();
        if (step.done) {
          final = { personas: step.value.personas, activeCycleId: step.value.activeCycleId };
          return;
        }
        yield step.value;
      }
    },
  };
  return {
    batches,
    result() {
      if (!final) throw new Error('The seed generator has not finished.');
      return final;
    },
  };
}

/** Counts records by kind, for the seed info. */
export function addCounts(counts: Partial<Record<RecordKind, number>>, records: Partial<RecordSet>): void {
  for (const [kind, list] of Object.entries(records) as [RecordKind, unknown[]][]) {
    counts[kind] = (counts[kind] ?? 0) + list.length;
  }
}
