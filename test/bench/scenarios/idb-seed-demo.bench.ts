/**
 * Seeding the demo company (≈60 people, ≈220 goals, ≈9,000 records in all)
 * into IndexedDB: what a person waits for on the demo's first load.
 *
 * Candidate: `store.seed()` in a module Worker (the default).
 * Baseline: the kit's own fallback for pages that cannot start the Worker —
 * the same records written from the main thread in batches that yield
 * between them. Both end with the same data; the figures say what moving the
 * work off the page buys (long tasks) and costs (time).
 *
 * A fresh page and a deleted database for every sample.
 */
import { openDemoStore } from '../../../src/data/index.js';
import { defineScenario } from '../harness/scenario.js';
import { deleteDatabase } from '../support/idb.js';
import { NOW } from '../support/seeded-store.js';

/** The demo portal's seed. */
const DEMO_SEED = 2026;

function seedDemo(seedIn: 'worker' | 'main-thread') {
  return async (context: { dbName: string }) => {
    const store = await openDemoStore({ name: context.dbName, seedIn });
    const info = await store.seed({ seed: DEMO_SEED, now: NOW });
    store.close();
    const records = Object.values(info.counts).reduce((sum, count) => sum + (count ?? 0), 0);
    return { check: `${info.counts.goal ?? 0} goals, ${records} records` };
  };
}

export default defineScenario({
  title: 'IndexedDB: seed the demo company',
  description:
    'Wall time from opening an empty database to the last committed write, and long tasks on the page meanwhile. ' +
    'Candidate: store.seed() in a module Worker. Baseline: the same seed written from the main thread in yielding batches.',
  samples: 6,
  show: ['longtasks', 'heap'],
  candidate: {
    label: 'store.seed() in a module Worker',
    prepare: (context) => deleteDatabase(context.dbName),
    run: seedDemo('worker'),
  },
  baseline: {
    label: 'main thread, batches of 500 that yield',
    prepare: (context) => deleteDatabase(context.dbName),
    run: seedDemo('main-thread'),
  },
});
