/**
 * Seeding on the main thread, for the memory backend and where a Worker
 * cannot be created: small write transactions with a yield to the event loop
 * between them, so no task runs long. Unlike the Worker path this is not one
 * transaction (an IndexedDB transaction cannot span a yield), so the seed
 * marker in `meta` is written last: a page closed half-way sees an unseeded
 * store and seeds again.
 */
import { RECORD_KINDS, type RecordKind, type RecordSet, type RecordsByKind } from '../../model/records.js';
import { throwIfAborted } from '../errors.js';
import type { Backend, StoreName } from './backend.js';
import { addCounts, seedSource } from './seed-source.js';
import type { Seeder } from './tandem-store.js';
import type { SeedInfo, SeedOptions } from './types.js';

/** Records per transaction: ~500 puts stay well under a 50 ms task on a slow machine. */
const CHUNK = 500;

const EVERYTHING: StoreName[] = [...RECORD_KINDS, 'meta'];

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Splits a batch into chunks of at most {@link CHUNK} records, across kinds. */
type AnyRecord = RecordsByKind[RecordKind];

function* chunksOf(records: Partial<RecordSet>): Generator<[RecordKind, AnyRecord[]][]> {
  let chunk: [RecordKind, AnyRecord[]][] = [];
  let size = 0;
  for (const kind of RECORD_KINDS) {
    const list: readonly AnyRecord[] = records[kind] ?? [];
    for (let start = 0; start < list.length; ) {
      const take = Math.min(CHUNK - size, list.length - start);
      chunk.push([kind, list.slice(start, start + take)]);
      size += take;
      start += take;
      if (size >= CHUNK) {
        yield chunk;
        chunk = [];
        size = 0;
      }
    }
  }
  if (size > 0) yield chunk;
}

async function clearAll(backend: Backend): Promise<void> {
  await backend.write(EVERYTHING, async (tx) => {
    await Promise.all(RECORD_KINDS.map((kind) => tx.clear(kind)));
    await tx.deleteMeta('seed');
    await tx.deleteMeta('personas');
  });
}

/** Clears the store, then writes the generated company batch by batch. */
export const seedInBatches: Seeder = async (backend: Backend, options: SeedOptions): Promise<SeedInfo> => {
  const started = performance.now();
  const now = options.now ?? new Date();
  throwIfAborted(options.signal);
  // Small batches: generating one is synchronous, so its size bounds the longest task.
  const source = await seedSource({ seed: options.seed, now, goals: options.goals, batchSize: CHUNK });
  await clearAll(backend);
  const counts: SeedInfo['counts'] = {};
  try {
    for (const batch of source.batches) {
      for (const chunk of chunksOf(batch.records)) {
        throwIfAborted(options.signal);
        await backend.write(
          chunk.map(([kind]) => kind),
          async (tx) => {
            const puts: Promise<void>[] = [];
            for (const [kind, list] of chunk) {
              for (const record of list) puts.push(tx.put(kind, record));
            }
            await Promise.all(puts);
          },
          { durability: 'relaxed' },
        );
        await yieldToPage();
      }
      addCounts(counts, batch.records);
      options.onProgress?.(Math.min(1, batch.progress));
    }
  } catch (error) {
    // Leave an empty store rather than half a company.
    await clearAll(backend).catch(() => undefined);
    throw error;
  }
  const { personas, activeCycleId } = source.result();
  const info: SeedInfo = {
    seed: options.seed,
    now: now.toISOString(),
    seededAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    personas,
    activeCycleId,
    counts,
  };
  await backend.write(['meta'], async (tx) => {
    await tx.putMeta('personas', personas);
    await tx.putMeta('seed', info);
  });
  return info;
};
