/**
 * One demo store of 50,000 goals, seeded once per run and shared by the query
 * scenarios (setup key `store-50k`), with the subtree root and the person they
 * query chosen from the data itself, so the choice follows the generator.
 */
import { openDB } from 'idb';
import { openDemoStore, type TandemStore } from '../../../src/data/index.js';
import type { SeedInfo } from '../../../src/data/store/types.js';
import type { Goal, Id } from '../../../src/model/records.js';
import type { ScenarioSetup } from '../harness/scenario.js';
import { deleteDatabase, longTasksDuring } from './idb.js';

/** The seed every storage scenario uses: same seed, same company, same records. */
export const SEED = 2026;
/** A fixed "today", so the records do not change with the date of the run. */
export const NOW = new Date('2026-05-11T02:00:00.000Z');
export const GOAL_COUNT = 50_000;
/** The subtree size the subtree scenario looks for. */
export const SUBTREE_TARGET = 500;

/**
 * The database the seed scenario (idb-seed) leaves behind after its last
 * sample: the same generator, seed, `now` and size, so the same records. The
 * runner runs scenarios without a setup first, so when both run, the 50,000
 * goals are seeded once less (a seed is the slowest thing in the suite).
 */
const SEED_SCENARIO_DB = 'tandem-bench-idb-seed-candidate';

/** The seed scenario's database, if it holds a complete seed of the same company. */
async function reusableSeed(): Promise<string | null> {
  const existing = await indexedDB.databases();
  if (!existing.some((database) => database.name === SEED_SCENARIO_DB)) return null;
  const db = await openDB(SEED_SCENARIO_DB);
  try {
    if (!db.objectStoreNames.contains('meta')) return null;
    const info = (await db.get('meta', 'seed')) as SeedInfo | undefined;
    const goals = info?.counts.goal ?? 0;
    const same = info?.seed === SEED && info.now === NOW.toISOString() && Math.abs(goals - GOAL_COUNT) <= GOAL_COUNT * 0.05;
    return same ? SEED_SCENARIO_DB : null;
  } finally {
    db.close();
  }
}

export interface SeededStore {
  dbName: string;
  /** True when the seed scenario's database was reused instead of seeding again. */
  reused: boolean;
  goals: number;
  keyResults: number;
  /** Who the store acts for: HR sees every goal, so the kit's answer and the baseline's are the same set. */
  actorId: Id;
  cycleId: Id;
  /** The goal whose subtree (itself and every goal below it, archived ones left out) is closest to 500 goals. */
  subtreeRootId: Id;
  subtreeGoals: number;
  /** The demo's employee persona (the "my goals" view), or another owner of goals in the cycle. */
  personId: Id;
  personGoals: number;
  /** Records of each kind in the seeded company, as the seed reported them. */
  counts: Partial<Record<string, number>>;
}

/** Non-archived goals at and below each goal, the way `getGoalSubtree` counts them. */
function subtreeSizes(goals: readonly Goal[]): Map<Id, number> {
  const children = new Map<Id, Goal[]>();
  for (const goal of goals) {
    if (goal.parentId === null) continue;
    const list = children.get(goal.parentId);
    if (list) list.push(goal);
    else children.set(goal.parentId, [goal]);
  }
  const sizes = new Map<Id, number>();
  const sizeOf = (goal: Goal): number => {
    // Iterative post-order: the cascade is only a few levels deep, but stay safe.
    const stack: [Goal, boolean][] = [[goal, false]];
    while (stack.length > 0) {
      const [current, expanded] = stack.pop()!;
      if (sizes.has(current.id)) continue;
      const kids = children.get(current.id) ?? [];
      if (!expanded) {
        stack.push([current, true]);
        for (const kid of kids) if (!sizes.has(kid.id)) stack.push([kid, false]);
        continue;
      }
      let size = current.status === 'archived' ? 0 : 1;
      for (const kid of kids) size += sizes.get(kid.id) ?? 0;
      sizes.set(current.id, size);
    }
    return sizes.get(goal.id) ?? 0;
  };
  for (const goal of goals) sizeOf(goal);
  return sizes;
}

export const seededStore50k: ScenarioSetup<SeededStore> = {
  key: 'store-50k',
  async run(context) {
    const reused = await reusableSeed();
    const dbName = reused ?? context.dbName;
    if (!reused) await deleteDatabase(dbName);
    const store = await openDemoStore({ name: dbName });
    if (!reused) await store.seed({ seed: SEED, now: NOW, goals: GOAL_COUNT });
    const personas = await store.personas();
    const seedDb = await openDB(dbName);
    const info = (await seedDb.get('meta', 'seed')) as SeedInfo | undefined;
    seedDb.close();
    if (!personas || !info) throw new Error(`The store "${dbName}" is not seeded.`);
    await store.signIn(personas.hr);
    store.close();

    const db = await openDB(dbName);
    const goals = (await db.getAll('goal')) as Goal[];
    const keyResults = await db.count('keyResult');
    db.close();

    const sizes = subtreeSizes(goals);
    let root: Goal | undefined;
    let rootSize = 0;
    for (const goal of goals) {
      if (goal.status === 'archived' || goal.cycleId !== info.activeCycleId) continue;
      const size = sizes.get(goal.id) ?? 0;
      if (!root || Math.abs(size - SUBTREE_TARGET) < Math.abs(rootSize - SUBTREE_TARGET)) {
        root = goal;
        rootSize = size;
      }
    }
    if (!root) throw new Error('The seeded store has no goal in its active cycle.');

    const ownGoals = (personId: Id): number =>
      goals.filter((goal) => goal.ownerId === personId && goal.cycleId === info.activeCycleId && goal.status !== 'archived').length;
    let personId = info.personas.employee;
    if (ownGoals(personId) === 0) {
      const individual = goals.find((goal) => goal.level === 'individual' && goal.cycleId === info.activeCycleId && goal.status !== 'archived');
      if (!individual) throw new Error('The seeded store has no individual goal in its active cycle.');
      personId = individual.ownerId;
    }

    return {
      dbName,
      reused: reused !== null,
      goals: goals.length,
      keyResults,
      actorId: personas.hr,
      cycleId: info.activeCycleId,
      subtreeRootId: root.id,
      subtreeGoals: rootSize,
      personId,
      personGoals: ownGoals(personId),
      counts: info.counts,
    };
  },
};

/** The metrics of {@link openStoreTimingDirectory}, for a scenario's `metrics`. */
export const DIRECTORY_METRICS = {
  directoryMs: { label: 'directory load before the first query (untimed)', unit: 'ms' },
  directoryLongTaskMs: { label: 'directory load: long tasks (total)', unit: 'ms' },
} as const;

/**
 * Opens the seeded store and makes its first call, untimed by the scenario:
 * that call loads every person and org unit for the permission checks, which
 * the figures report apart from the query itself.
 */
export async function openStoreTimingDirectory(
  dbName: string,
): Promise<{ store: TandemStore; directory: { directoryMs: number; directoryLongTaskMs: number } }> {
  const store = await openDemoStore({ name: dbName });
  const load = await longTasksDuring(() => store.getSession());
  return { store, directory: { directoryMs: load.ms, directoryLongTaskMs: load.totalMs } };
}
