/**
 * One person's goals in a cycle with every ancestor up the cascade ("why my
 * work matters"), out of 50,000 goals: what a person's own page asks for.
 *
 * Candidate: `store.getPersonGoalsWithAncestors(personId, cycleId)`, which
 * reads the `ownerId` index and then walks up by primary key. Baseline: read
 * every goal and key result, then filter and walk up in JavaScript.
 *
 * Shares the seeded store of idb-subtree; a fresh page and connection per
 * sample, with the directory loaded before the clock starts.
 */
import type { IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { TandemStore } from '../../../src/data/index.js';
import type { Goal, Id, KeyResult } from '../../../src/model/records.js';
import { defineScenario } from '../harness/scenario.js';
import { fingerprint } from '../support/idb.js';
import { DIRECTORY_METRICS, openStoreTimingDirectory, seededStore50k, type SeededStore } from '../support/seeded-store.js';

function answer(goals: readonly Goal[], keyResults: readonly KeyResult[]): string {
  return `${goals.length} goals, ${keyResults.length} key results, ids ${fingerprint(goals.map((goal) => goal.id))}`;
}

/** As the store defines it: the person's non-archived goals in the cycle, and every ancestor of them. */
function withAncestors(personId: Id, cycleId: Id, goals: readonly Goal[]): Goal[] {
  const byId = new Map<Id, Goal>();
  for (const goal of goals) byId.set(goal.id, goal);
  const result = new Map<Id, Goal>();
  for (const goal of goals) {
    if (goal.ownerId !== personId || goal.cycleId !== cycleId || goal.status === 'archived') continue;
    result.set(goal.id, goal);
  }
  for (const goal of [...result.values()]) {
    let parent = goal.parentId === null ? undefined : byId.get(goal.parentId);
    while (parent && !result.has(parent.id)) {
      result.set(parent.id, parent);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return [...result.values()];
}

export default defineScenario<SeededStore, { store: TandemStore; directory: Record<string, number> }, IDBPDatabase>({
  title: "IndexedDB: one person's goals with their ancestors, out of 50,000 goals",
  description:
    'Time for one query (goals, ancestors up the cascade, their key results) on a store of 50,000 goals, in a fresh page with an open connection. ' +
    'Candidate: store.getPersonGoalsWithAncestors over the ownerId index and primary keys. Baseline: getAll() of goals and key results, walked in JS.',
  samples: 10,
  warmup: 1,
  show: ['longtasks', 'heap'],
  metrics: DIRECTORY_METRICS,
  setup: seededStore50k,
  candidate: {
    label: 'store.getPersonGoalsWithAncestors (indexes)',
    prepare: ({ setup }) => openStoreTimingDirectory(setup.dbName),
    async run({ setup }, { store, directory }) {
      const { goals, keyResults } = await store.getPersonGoalsWithAncestors(setup.personId, setup.cycleId);
      return { check: answer(goals, keyResults), metrics: directory };
    },
    async cleanup(_context, { store }) {
      store.close();
    },
  },
  baseline: {
    label: 'getAll goals + key results, walk in JS',
    prepare: ({ setup }) => openDB(setup.dbName),
    async run({ setup }, db) {
      const tx = db.transaction(['goal', 'keyResult'], 'readonly');
      const [goals, keyResults] = (await Promise.all([tx.objectStore('goal').getAll(), tx.objectStore('keyResult').getAll()])) as [
        Goal[],
        KeyResult[],
      ];
      const found = withAncestors(setup.personId, setup.cycleId, goals);
      const ids = new Set(found.map((goal) => goal.id));
      return { check: answer(found, keyResults.filter((keyResult) => ids.has(keyResult.goalId))) };
    },
    async cleanup(_context, db) {
      db.close();
    },
  },
});
