/**
 * A 500-goal subtree out of 50,000: what a goal tree asks for when a manager
 * opens their department.
 *
 * Candidate: `store.getGoalSubtree(rootId)`, which walks the `parentId`
 * index level by level and fetches key results by the `goalId` index.
 * Baseline: read every goal and every key result in one transaction and
 * filter in JavaScript — what a store without indexes would do.
 *
 * Seeded once per run (shared with idb-person-goals); every sample opens a
 * fresh page and a fresh connection. The store's first call in a page loads
 * the people directory (for permission checks): that happens before the clock
 * starts, and is reported separately as "directory load".
 */
import type { IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { TandemStore } from '../../../src/data/index.js';
import type { Goal, Id, KeyResult } from '../../../src/model/records.js';
import { defineScenario } from '../harness/scenario.js';
import { fingerprint } from '../support/idb.js';
import { DIRECTORY_METRICS, openStoreTimingDirectory, seededStore50k, type SeededStore } from '../support/seeded-store.js';

/** The subtree the way `getGoalSubtree` defines it: the root, and every goal below it except archived ones. */
function subtreeOf(rootId: Id, goals: readonly Goal[]): Goal[] {
  const byId = new Map<Id, Goal>();
  const children = new Map<Id, Goal[]>();
  for (const goal of goals) {
    byId.set(goal.id, goal);
    if (goal.parentId === null) continue;
    const list = children.get(goal.parentId);
    if (list) list.push(goal);
    else children.set(goal.parentId, [goal]);
  }
  const root = byId.get(rootId);
  if (!root) return [];
  const result: Goal[] = [root];
  const stack = [root];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!.id) ?? []) {
      stack.push(child);
      if (child.status !== 'archived') result.push(child);
    }
  }
  return result;
}

function answer(goals: readonly Goal[], keyResults: readonly KeyResult[]): string {
  return `${goals.length} goals, ${keyResults.length} key results, ids ${fingerprint(goals.map((goal) => goal.id))}`;
}

export default defineScenario<SeededStore, { store: TandemStore; directory: Record<string, number> }, IDBPDatabase>({
  title: 'IndexedDB: a 500-goal subtree out of 50,000 goals',
  description:
    'Time for one subtree query (goals and their key results) on a store of 50,000 goals, in a fresh page with an open connection. ' +
    'Candidate: store.getGoalSubtree(rootId) over the parentId and goalId indexes. Baseline: getAll() of goals and key results, filtered in JS.',
  samples: 10,
  warmup: 1,
  show: ['longtasks', 'heap'],
  metrics: DIRECTORY_METRICS,
  setup: seededStore50k,
  candidate: {
    label: 'store.getGoalSubtree (indexes)',
    prepare: ({ setup }) => openStoreTimingDirectory(setup.dbName),
    async run({ setup }, { store, directory }) {
      const { goals, keyResults } = await store.getGoalSubtree(setup.subtreeRootId);
      return { check: answer(goals, keyResults), metrics: directory };
    },
    async cleanup(_context, { store }) {
      store.close();
    },
  },
  baseline: {
    label: 'getAll goals + key results, filter in JS',
    prepare: ({ setup }) => openDB(setup.dbName),
    async run({ setup }, db) {
      const tx = db.transaction(['goal', 'keyResult'], 'readonly');
      const [goals, keyResults] = (await Promise.all([tx.objectStore('goal').getAll(), tx.objectStore('keyResult').getAll()])) as [
        Goal[],
        KeyResult[],
      ];
      const subtree = subtreeOf(setup.subtreeRootId, goals);
      const ids = new Set(subtree.map((goal) => goal.id));
      return { check: answer(subtree, keyResults.filter((keyResult) => ids.has(keyResult.goalId))) };
    },
    async cleanup(_context, db) {
      db.close();
    },
  },
});
