import { expect } from '@open-wc/testing';
import type { DataChange } from '../../../src/data/adapter.js';
import { ForbiddenError, NotFoundError, StorageError } from '../../../src/data/errors.js';
import { TandemStore, openMemoryStore } from '../../../src/data/index.js';
import { createMemoryBackend } from '../../../src/data/memory/index.js';
import type { Goal } from '../../../src/model/records.js';
import { fixtureCompany, ids } from '../../contract/fixture.js';
import { fixtureWithBigTree } from '../big-tree.js';
import { rejection } from '../../support/rejection.js';


const personas = { employee: ids.emp1, manager: ids.lead, hr: ids.hr, admin: ids.ceo };

describe('memory backend', () => {
  it('copies records in and out, as IndexedDB does', async () => {
    const backend = createMemoryBackend();
    const goal = fixtureCompany().goal[0]!;
    await backend.write(['goal'], (tx) => tx.put('goal', goal));
    goal.title = 'changed by the caller afterwards';
    const read = await backend.read(['goal'], (tx) => tx.get('goal', goal.id));
    expect(read!.title).to.equal('Win the mid-market');
    read!.title = 'changed by a reader';
    expect((await backend.read(['goal'], (tx) => tx.get('goal', goal.id)))!.title).to.equal('Win the mid-market');
  });

  it('indexes like IndexedDB: null keys are left out, compound keys match exactly', async () => {
    const backend = createMemoryBackend();
    await backend.write(['goal'], async (tx) => {
      for (const goal of fixtureCompany().goal) await tx.put('goal', goal);
    });
    const roots = await backend.read(['goal'], (tx) => tx.getByIndex('goal', 'parentId', 'null'));
    expect(roots).to.deep.equal([]);
    const departments = await backend.read(['goal'], (tx) => tx.getByIndex('goal', 'cycleLevel', [ids.cycle, 'department']));
    expect(departments.map((goal) => goal.id)).to.deep.equal([ids.goalEng]);
    const children = await backend.read(['goal'], (tx) => tx.getByIndex('goal', 'parentId', ids.goalCompany));
    expect(children.map((goal) => goal.id)).to.deep.equal([ids.goalEng, ids.goalSales].sort());
  });

  it('a transaction sees its own writes, others see them only after commit', async () => {
    const backend = createMemoryBackend();
    const goal = fixtureCompany().goal[1]!;
    let outside: Goal | undefined = goal;
    await backend.write(['goal'], async (tx) => {
      await tx.put('goal', goal);
      expect((await tx.getByIndex('goal', 'parentId', ids.goalCompany)).map((g) => g.id)).to.deep.equal([goal.id]);
      await tx.put('goal', { ...goal, parentId: null });
      expect(await tx.getByIndex('goal', 'parentId', ids.goalCompany)).to.deep.equal([]);
      // A read started meanwhile waits for this transaction and then sees what it committed.
      void backend.read(['goal'], (read) => read.get('goal', goal.id)).then((value) => (outside = value));
      expect(outside).to.equal(goal);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(outside!.parentId).to.equal(null);
  });

  it('a failing plan leaves nothing behind; the store stays usable', async () => {
    const backend = createMemoryBackend();
    const [first, second] = fixtureCompany().goal;
    const error = await rejection(
      backend.write(['goal'], async (tx) => {
        await tx.put('goal', first!);
        throw new ForbiddenError('test');
      }),
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(await backend.read(['goal'], (tx) => tx.count('goal'))).to.equal(0);
    backend.faults.arm({ failOnWrite: 2, error: () => new DOMException('full', 'QuotaExceededError') });
    const quota = await rejection(
      backend.write(['goal'], async (tx) => {
        await tx.put('goal', first!);
        await tx.put('goal', second!);
      }),
    );
    expect((quota as StorageError).reason).to.equal('quota');
    expect(await backend.read(['goal'], (tx) => tx.count('goal'))).to.equal(0);
    await backend.write(['goal'], (tx) => tx.put('goal', first!));
    expect(await backend.read(['goal'], (tx) => tx.count('goal'))).to.equal(1);
  });

  it('refuses stores outside the transaction’s scope and writes in a read', async () => {
    const backend = createMemoryBackend();
    const scope = await rejection(backend.write(['goal'], (tx) => tx.put('kpi', fixtureCompany().kpi[0]!)));
    expect((scope as StorageError).reason).to.equal('failed');
    const readOnly = await rejection(
      backend.read(['goal'], (tx) => (tx as unknown as { put: (kind: string, record: unknown) => Promise<void> }).put('goal', fixtureCompany().goal[0])),
    );
    expect(readOnly.code).to.equal('storage');
  });

  it('runs write transactions one at a time, so concurrent read-modify-writes do not lose updates', async () => {
    const backend = createMemoryBackend();
    const goal = fixtureCompany().goal[0]!;
    await backend.write(['goal'], (tx) => tx.put('goal', { ...goal, weight: 0 }));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        backend.write(['goal'], async (tx) => {
          const current = (await tx.get('goal', goal.id))!;
          await tx.put('goal', { ...current, weight: current.weight + 1 });
        }),
      ),
    );
    expect((await backend.read(['goal'], (tx) => tx.get('goal', goal.id)))!.weight).to.equal(10);
  });
});

describe('demo store tools', () => {
  it('a store without an acting person refuses with Forbidden', async () => {
    const store = await openMemoryStore();
    await store.load(fixtureCompany());
    expect(await rejection(store.getSession())).to.be.instanceOf(ForbiddenError);
    expect(await rejection(store.listGoals({}))).to.be.instanceOf(ForbiddenError);
  });

  it('acts for the saved person, else the employee persona', async () => {
    const backend = createMemoryBackend();
    const first = await TandemStore.create(backend);
    await first.load(fixtureCompany(), personas);
    expect(await first.personas()).to.deep.equal(personas);
    const second = await TandemStore.create(backend);
    expect((await second.getSession()).person.id).to.equal(ids.emp1);
    await second.signIn(ids.hr);
    const third = await TandemStore.create(backend);
    expect((await third.getSession()).person.id).to.equal(ids.hr);
  });

  it('signIn changes the acting person and announces a session change', async () => {
    const store = await openMemoryStore({ actorId: ids.emp1 });
    await store.load(fixtureCompany());
    const changes: DataChange[] = [];
    store.subscribe((change) => changes.push(change));
    const session = await store.signIn(ids.lead);
    expect(session.person.id).to.equal(ids.lead);
    expect(changes).to.deep.equal([{ type: 'session', origin: 'local' }]);
    expect((await store.getSession()).person.id).to.equal(ids.lead);
    expect(await rejection(store.signIn('p-nobody'))).to.be.instanceOf(NotFoundError);
  });

  it('load and reset replace everything and announce a reset', async () => {
    const store = await openMemoryStore({ actorId: ids.hr });
    const changes: DataChange[] = [];
    store.subscribe((change) => changes.push(change));
    await store.load(fixtureCompany(), personas);
    expect(await store.listCycles()).to.have.length(2);
    expect(await store.isSeeded()).to.equal(false);
    await store.reset();
    expect(changes).to.deep.equal([
      { type: 'reset', origin: 'local' },
      { type: 'reset', origin: 'local' },
    ]);
    expect(await store.personas()).to.equal(null);
    // The acting person no longer exists until data comes back.
    expect(await rejection(store.listCycles())).to.be.instanceOf(ForbiddenError);
    await store.load(fixtureCompany());
    expect((await store.getSession()).person.id).to.equal(ids.hr);
  });

  it('one failing listener does not keep the others from hearing', async () => {
    const store = await openMemoryStore({ actorId: ids.emp1 });
    await store.load(fixtureCompany());
    const heard: DataChange[] = [];
    const reported: unknown[] = [];
    const originalReportError = globalThis.reportError;
    globalThis.reportError = (error: unknown) => reported.push(error);
    try {
      store.subscribe(() => {
        throw new Error('listener bug');
      });
      store.subscribe((change) => heard.push(change));
      await store.submitGoal(ids.goalEmp1Draft, 1);
    } finally {
      globalThis.reportError = originalReportError;
    }
    // The broken listener's error is reported (to the console), not swallowed.
    expect(reported.map(String)).to.deep.equal(['Error: listener bug']);
    expect(heard).to.have.length(1);
  });

  it('a closed store rejects with StorageError', async () => {
    const store = await openMemoryStore({ actorId: ids.emp1 });
    await store.load(fixtureCompany());
    store.close();
    expect(await rejection(store.listCycles())).to.be.instanceOf(StorageError);
  });

  it('the clock option stamps writes', async () => {
    const store = await openMemoryStore({ actorId: ids.emp1, clock: () => new Date('2026-02-03T04:05:06.000Z') });
    await store.load(fixtureCompany());
    const result = await store.checkIn({ keyResultId: ids.krUptime, keyResultVersion: 1, value: 99.6, confidence: 0.5 });
    expect(result.checkIn.at).to.equal('2026-02-03T04:05:06.000Z');
    expect(result.keyResult.updatedAt).to.equal('2026-02-03T04:05:06.000Z');
    expect(result.workLog.week).to.equal('2026-W06');
  });
});

describe('large subtrees', () => {
  it('getGoalSubtree returns every goal and key result of a large cascade', async () => {
    const store = await openMemoryStore({ actorId: ids.sales });
    await store.load(fixtureWithBigTree(300));
    const set = await store.getGoalSubtree(ids.goalEng);
    // Engineering, the three fixture goals below it Sun Li may see (not org-unit, private or archived ones), and 300 more.
    expect(set.goals).to.have.length(1 + 3 + 300);
    expect(new Set(set.goals.map((goal) => goal.id)).size).to.equal(set.goals.length);
    expect(set.keyResults.filter((kr) => kr.id.startsWith('kr-bulk-'))).to.have.length(300);
    expect(set.keyResults.map((kr) => kr.id)).to.not.include(ids.krLatency);
  });
});

describe('key results in their goals\' order', () => {
  // A tree paints sooner when each goal's key results come together, in the order of the goals (see DataAdapter.listKeyResults).
  it('lists key results grouped by goal, in the order the goals were asked for, and so do the goal sets', async () => {
    const store = await openMemoryStore({ actorId: ids.hr });
    await store.load(fixtureWithBigTree(40));
    const runsOf = (keyResults: readonly { goalId: string }[]) =>
      keyResults.map((keyResult) => keyResult.goalId).filter((goalId, at, all) => at === 0 || all[at - 1] !== goalId);
    const goals = await store.listGoals({ cycleId: ids.cycle });
    for (const asked of [goals, [...goals].reverse()]) {
      const keyResults = await store.listKeyResults({ goalIds: asked.map((goal) => goal.id) });
      expect(keyResults.length).to.be.greaterThan(40);
      const withKeyResults = asked.map((goal) => goal.id).filter((id) => keyResults.some((keyResult) => keyResult.goalId === id));
      expect(runsOf(keyResults)).to.deep.equal(withKeyResults);
    }
    for (const set of [await store.getGoalSubtree(ids.goalEng), await store.getPersonGoalsWithAncestors(ids.emp1, ids.cycle)]) {
      const withKeyResults = set.goals.map((goal) => goal.id).filter((id) => set.keyResults.some((keyResult) => keyResult.goalId === id));
      expect(runsOf(set.keyResults)).to.deep.equal(withKeyResults);
    }
  });
});
