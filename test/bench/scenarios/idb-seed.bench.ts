/**
 * Seeding the IndexedDB demo store with 50,000 goals and their key results
 * (and the rest of the company the generator makes around them).
 *
 * Candidate: `store.seed()`, which generates and writes the company in a
 * module Worker. The clock runs from opening an empty database to the last
 * committed write.
 *
 * Baseline: the same records (same generator, seed and `now`), on the main
 * thread, into the same schema, one transaction per record (`await
 * db.put(...)` in a loop). Measured on these machines that costs 1–4 ms per
 * record, i.e. many minutes for the whole company, so the baseline writes an
 * evenly spaced sample of BASELINE_WRITES records (every n-th record, so the
 * mix of record kinds and sizes is the same) and projects its write time to
 * all of them: time = open + generate (both measured in full) + write time ×
 * records ÷ records written. Firing all transactions at once instead of one
 * after another was slower still.
 *
 * A fresh page and a deleted database for every sample.
 */
import { openDemoStore } from '../../../src/data/index.js';
import { openDatabase } from '../../../src/data/idb/connection.js';
import { generateCompany } from '../../../src/data/seed/index.js';
import { RECORD_KINDS, type RecordKind } from '../../../src/model/records.js';
import { defineScenario } from '../harness/scenario.js';
import { deleteDatabase } from '../support/idb.js';
import { GOAL_COUNT, NOW, SEED } from '../support/seeded-store.js';

/** How many records the baseline really writes, one transaction each. */
const BASELINE_WRITES = 2000;

export default defineScenario({
  title: 'IndexedDB: seed 50,000 goals with their key results',
  description:
    'Wall time from opening an empty database to the last committed write, and long tasks on the page meanwhile. ' +
    'Candidate: store.seed() (module Worker). Baseline: the same generated records written from the main thread, ' +
    `one transaction per record; ${BASELINE_WRITES} evenly spaced records are written and the write time is projected to all of them.`,
  samples: 5,
  // A seed of this size has taken minutes on a busy 2-core machine: bound the run, not the figure.
  timeoutMs: 600_000,
  timeLimitMs: 240_000,
  show: ['longtasks', 'heap'],
  metrics: {
    records: { label: 'records in the company', unit: 'count' },
    generateMs: { label: 'generating, on the main thread', unit: 'ms' },
    perRecordMs: { label: 'one transaction per record: per record', unit: 'ms' },
  },
  candidate: {
    label: 'store.seed() in a module Worker',
    prepare: (context) => deleteDatabase(context.dbName),
    async run(context) {
      const store = await openDemoStore({ name: context.dbName });
      const info = await store.seed({ seed: SEED, now: NOW, goals: GOAL_COUNT });
      store.close();
      const records = Object.values(info.counts).reduce((sum, count) => sum + (count ?? 0), 0);
      return { check: `${info.counts.goal ?? 0} goals, ${info.counts.keyResult ?? 0} key results`, metrics: { records } };
    },
  },
  baseline: {
    label: `main thread, a transaction per record (${BASELINE_WRITES.toLocaleString('en')} written, projected to all)`,
    prepare: (context) => deleteDatabase(context.dbName),
    async run(context) {
      const start = performance.now();
      // The store's own schema (object stores and indexes): index upkeep is part of the cost.
      const db = await openDatabase(context.dbName);
      const generateStart = performance.now();
      const { records } = generateCompany({ seed: SEED, now: NOW, goals: GOAL_COUNT });
      const generateMs = performance.now() - generateStart;

      const all: [RecordKind, unknown][] = [];
      for (const kind of RECORD_KINDS) for (const record of records[kind]) all.push([kind, record]);
      const stride = Math.max(1, Math.floor(all.length / BASELINE_WRITES));
      const writeStart = performance.now();
      let written = 0;
      for (let index = 0; index < all.length; index += stride) {
        const [kind, record] = all[index]!;
        // idb's db.put opens, writes and commits a transaction for this one record.
        await db.put(kind, record);
        written += 1;
      }
      const writeMs = performance.now() - writeStart;
      db.close();
      const perRecordMs = writeMs / written;
      return {
        check: `${records.goal.length} goals, ${records.keyResult.length} key results`,
        timeMs: writeStart - start + perRecordMs * all.length,
        metrics: { records: all.length, generateMs, perRecordMs },
      };
    },
  },
});
