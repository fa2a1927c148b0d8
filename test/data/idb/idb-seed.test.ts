import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { AbortedError } from '../../../src/data/errors.js';
import { openDemoStore, type TandemStore } from '../../../src/data/index.js';
import type { IdbBackend } from '../../../src/data/idb/index.js';
import { RECORD_KINDS } from '../../../src/model/records.js';
import { fixtureCompany, ids } from '../../contract/fixture.js';
import { rejection } from '../../support/rejection.js';

const NOW = new Date('2026-03-16T08:00:00.000Z');
let counter = 0;
const names: string[] = [];
const stores: TandemStore[] = [];

async function openFresh(label: string, options: Parameters<typeof openDemoStore>[0] = {}): Promise<TandemStore> {
  const name = `seed-${label}-${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const store = await openDemoStore({ name, ...options });
  stores.push(store);
  return store;
}


/** Counts the Workers the page creates while `run` runs. */
async function countingWorkers<T>(run: () => Promise<T>): Promise<{ result: T; workers: number }> {
  const original = globalThis.Worker;
  let workers = 0;
  globalThis.Worker = class extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers += 1;
    }
  };
  try {
    return { result: await run(), workers };
  } finally {
    globalThis.Worker = original;
  }
}

/** Long tasks (> 50 ms) on the page while `run` runs. */
async function longTasksDuring<T>(run: () => Promise<T>): Promise<{ result: T; longTasks: number[] }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    const result = await run();
    // Entries are delivered asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, longTasks };
  } finally {
    observer.disconnect();
  }
}

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const name of names.splice(0)) await deleteDB(name);
});

describe('seeding the IndexedDB store', function () {
  this.timeout(60_000);

  it('seeds the demo company in a module Worker, with progress, personas and the active cycle', async () => {
    const store = await openFresh('worker');
    expect(await store.isSeeded()).to.equal(false);
    expect(await store.personas()).to.equal(null);
    const progress: number[] = [];
    const resets: string[] = [];
    store.subscribe((change) => resets.push(change.type));

    const started = performance.now();
    const { result: run, longTasks } = await longTasksDuring(() =>
      countingWorkers(() => store.seed({ seed: 42, now: NOW, onProgress: (ratio) => progress.push(ratio) })),
    );
    const elapsed = Math.round(performance.now() - started);
    const info = run.result;
    console.log(`demo seed: ${elapsed} ms on the page, ${info.durationMs} ms in the worker, counts ${JSON.stringify(info.counts)}, long tasks ${JSON.stringify(longTasks)}`);

    expect(run.workers).to.equal(1);
    expect(progress.length).to.be.greaterThan(0);
    expect(progress.at(-1)).to.equal(1);
    expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
    expect(resets).to.include('reset');

    expect(await store.isSeeded()).to.equal(true);
    const personas = await store.personas();
    expect(personas).to.deep.equal(info.personas);
    // Nobody was signed in: the store acts for the employee persona.
    expect((await store.getSession()).person.id).to.equal(info.personas.employee);
    expect((await store.getCycle(info.activeCycleId)).status).to.equal('active');

    // Every record the worker counted is stored.
    const db = (store.backend as IdbBackend).connection;
    for (const kind of RECORD_KINDS) {
      expect(await db.count(kind), kind).to.equal(info.counts[kind] ?? 0);
    }
    // The manager persona sees goals of their reports waiting for approval.
    await store.signIn(personas!.manager);
    const mine = await store.getPersonGoalsWithAncestors(personas!.employee, info.activeCycleId);
    expect(mine.goals.length).to.be.greaterThan(0);
  });

  it('seeding again replaces the data and keeps who is signed in', async () => {
    const store = await openFresh('again', { actorId: ids.hr });
    await store.load(fixtureCompany());
    const info = await store.seed({ seed: 1, now: NOW });
    // The fixture's HR person is not in the demo company: the employee persona takes over.
    expect((await store.getSession()).person.id).to.equal(info.personas.employee);
    await expectGone(store, ids.goalEmp1);
    await store.signIn(info.personas.hr);
    const again = await store.seed({ seed: 1, now: NOW });
    expect(again.counts).to.deep.equal(info.counts);
    expect((await store.getSession()).person.id).to.equal(info.personas.hr);
  });

  it('an aborted seed rejects with AbortedError and leaves the previous data as it was', async () => {
    const store = await openFresh('abort', { actorId: ids.hr });
    await store.load(fixtureCompany());
    const controller = new AbortController();
    const seeding = store.seed({ seed: 3, now: NOW, goals: 2000, signal: controller.signal, onProgress: () => controller.abort() });
    const error = await rejection(seeding);
    expect(error).to.be.instanceOf(AbortedError);
    expect(await store.isSeeded()).to.equal(false);
    expect((await store.getGoal(ids.goalEmp1)).title).to.equal('Make the API fast');
    expect(await store.listCycles()).to.have.length(2);
  });

  it('seeds on the main thread in small transactions when asked, or when the Worker cannot load', async () => {
    const store = await openFresh('main-thread', { seedIn: 'main-thread' });
    const progress: number[] = [];
    const { result: info, workers } = await countingWorkers(() => store.seed({ seed: 42, now: NOW, onProgress: (ratio) => progress.push(ratio) }));
    expect(workers).to.equal(0);
    expect(progress.length).to.be.greaterThan(2);
    expect(progress.at(-1)).to.equal(1);
    expect(await store.isSeeded()).to.equal(true);
    expect((await store.getSession()).person.id).to.equal(info.personas.employee);

    // A Worker that fails to load (e.g. a CSP without worker-src): the page seeds instead.
    const failing = await openFresh('worker-fails');
    const original = globalThis.Worker;
    globalThis.Worker = class extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'blocked by CSP' })), 0);
      }
      postMessage(): void {}
      terminate(): void {}
    } as unknown as typeof Worker;
    try {
      const fallback = await failing.seed({ seed: 42, now: NOW });
      expect(fallback.counts).to.deep.equal(info.counts);
    } finally {
      globalThis.Worker = original;
    }
  });
});

async function expectGone(store: TandemStore, goalId: string): Promise<void> {
  const error = await rejection(store.getGoal(goalId));
  expect(error.code).to.equal('not-found');
}
