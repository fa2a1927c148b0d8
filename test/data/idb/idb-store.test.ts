import { expect } from '@open-wc/testing';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { DataChange } from '../../../src/data/adapter.js';
import { StorageError } from '../../../src/data/errors.js';
import { openDemoStore, type TandemStore } from '../../../src/data/index.js';
import { DB_VERSION, IdbBackend, createV1Schema } from '../../../src/data/idb/index.js';
import { INDEXES, type KeyPath } from '../../../src/data/store/indexes.js';
import type { StoreStatusEvent } from '../../../src/data/store/types.js';
import { RECORD_KINDS } from '../../../src/model/records.js';
import { fixtureCompany, ids } from '../../contract/fixture.js';
import { fixtureWithBigTree } from '../big-tree.js';
import { rejection } from '../../support/rejection.js';

let counter = 0;
const names: string[] = [];
const stores: TandemStore[] = [];

function uniqueName(label: string): string {
  const name = `idb-${label}-${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

async function open(name: string, actorId: string = ids.emp1): Promise<TandemStore> {
  const store = await openDemoStore({ name, actorId });
  stores.push(store);
  return store;
}

async function seeded(label: string, actorId: string = ids.emp1): Promise<{ name: string; store: TandemStore }> {
  const name = uniqueName(label);
  const store = await open(name, actorId);
  await store.load(fixtureCompany());
  return { name, store };
}


function waitFor(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) resolve();
      else if (performance.now() > deadline) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(check, 5);
    };
    check();
  });
}

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const name of names.splice(0)) {
    await deleteDB(name, { blocked: () => console.warn(`deleting ${name} is blocked`) });
  }
});

/** The indexes of every store as IndexedDB reports them. */
function schemaOf(db: IDBPDatabase<unknown>): Record<string, Record<string, KeyPath>> {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  const schema: Record<string, Record<string, KeyPath>> = {};
  for (const storeName of db.objectStoreNames) {
    const store = tx.objectStore(storeName);
    const indexes: Record<string, KeyPath> = {};
    for (const indexName of store.indexNames) indexes[indexName] = store.index(indexName).keyPath;
    schema[storeName] = indexes;
  }
  return schema;
}

const expectedSchema = (): Record<string, Record<string, KeyPath>> => ({
  ...Object.fromEntries(
    RECORD_KINDS.map((kind) => [
      kind,
      Object.fromEntries(Object.entries(INDEXES[kind] as Record<string, KeyPath>).map(([name, path]) => [name, typeof path === 'string' ? path : [...path]])),
    ]),
  ),
  meta: {},
});

describe('IndexedDB store: schema and upgrades', () => {
  it('creates one store per record kind with the indexes of INDEXES, and records the schema version', async () => {
    const { store } = await seeded('schema');
    const db = (store.backend as IdbBackend).connection;
    expect(db.version).to.equal(DB_VERSION);
    expect(schemaOf(db)).to.deep.equal(expectedSchema());
    const meta = (await db.get('meta', 'schema')) as { version: number };
    expect(meta.version).to.equal(DB_VERSION);
  });

  it('upgrades a version-1 database holding data without losing any, and the new indexes work', async () => {
    const name = uniqueName('upgrade');
    const fixture = fixtureCompany();
    // Build the database as version 1 of the code did: flat feedback subjects, fewer indexes.
    const v1 = await openDB(name, 1, { upgrade: (db) => createV1Schema(db) });
    const tx = v1.transaction([...RECORD_KINDS], 'readwrite');
    for (const kind of RECORD_KINDS) {
      for (const record of fixture[kind]) {
        if (kind === 'feedback') {
          const { subject, ...rest } = record as (typeof fixture.feedback)[number];
          await tx.objectStore(kind).put({ ...rest, subjectKind: subject.kind, subjectId: subject.id });
        } else {
          await tx.objectStore(kind).put(record);
        }
      }
    }
    await tx.done;
    expect([...v1.transaction('goal').store.indexNames]).to.not.include('cycleLevel');
    v1.close();

    const store = await open(name, ids.hr);
    const db = (store.backend as IdbBackend).connection;
    expect(db.version).to.equal(DB_VERSION);
    expect(schemaOf(db)).to.deep.equal(expectedSchema());
    for (const kind of RECORD_KINDS) {
      expect(await db.count(kind), kind).to.equal(fixture[kind].length);
    }
    // Feedback records now have the shape the records describe, and the subject index finds them.
    expect(await db.get('feedback', ids.feedbackPraise)).to.deep.equal(fixture.feedback.find((f) => f.id === ids.feedbackPraise));
    const thread = await store.listFeedback({ kind: 'goal', id: ids.goalEmp1 });
    expect(thread.map((f) => f.id)).to.deep.equal([ids.feedbackPraise, ids.feedbackReply]);
    // The [cycleId, level] index is new in version 2.
    expect((await db.getAllFromIndex('goal', 'cycleLevel', [ids.cycle, 'department'])).map((g: { id: string }) => g.id)).to.deep.equal([ids.goalEng]);
    expect((await store.listGoals({ cycleId: ids.cycle, level: 'company' })).map((g) => g.id)).to.deep.equal([ids.goalCompany]);
    expect((await store.listCheckIns({ authorId: ids.emp1 })).map((c) => c.id)).to.deep.equal([ids.checkIn]);
  });

  it('reopening keeps the data and the acting person', async () => {
    const { name, store } = await seeded('reopen', ids.emp1);
    await store.signIn(ids.lead);
    const goal = await store.createGoal({ cycleId: ids.cycle, level: 'individual', ownerId: ids.emp2, parentId: null, title: 'Kept', weight: 5 });
    store.close();
    const again = await openDemoStore({ name });
    stores.push(again);
    expect((await again.getSession()).person.id).to.equal(ids.lead);
    expect((await again.getGoal(goal.id)).title).to.equal('Kept');
  });
});

describe('IndexedDB store: one logical write, one transaction', () => {
  it('a failure half-way through a check-in leaves nothing of it behind', async () => {
    const { store } = await seeded('partial', ids.emp1);
    const changes: DataChange[] = [];
    store.subscribe((change) => changes.push(change));
    // Fail on the third write: the check-in and key result are already put when it fires.
    store.backend.faults.arm({ failOnWrite: 3, error: () => new DOMException('disk on fire', 'UnknownError') });
    const error = await rejection(store.checkIn({ keyResultId: ids.krLatency, keyResultVersion: 1, value: 600, confidence: 0.9, note: 'lost' }));
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).reason).to.equal('failed');

    expect(await store.getKeyResult(ids.krLatency)).to.include({ current: 700, version: 1 });
    expect((await store.listCheckIns({ keyResultId: ids.krLatency })).map((c) => c.id)).to.deep.equal([ids.checkIn]);
    expect((await store.getKpi(ids.kpiLatency)).history).to.have.length(1);
    expect((await store.listWorkLogs({ personId: ids.emp1 })).map((log) => log.id)).to.deep.equal([ids.workLog]);
    expect(changes).to.deep.equal([]);

    // The store works on: the same check-in succeeds once the fault is gone.
    const result = await store.checkIn({ keyResultId: ids.krLatency, keyResultVersion: 1, value: 600, confidence: 0.9 });
    expect(result.keyResult.current).to.equal(600);
  });

  it('a quota failure becomes StorageError("quota") and loses nothing', async () => {
    const { store } = await seeded('quota', ids.lead);
    store.backend.faults.arm({ failOnWrite: 2, error: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    const error = await rejection(
      store.adjustGoal(ids.goalEmp1, 1, { reason: 'Bigger', title: 'Make the API faster', keyResults: [{ id: ids.krLatency, version: 1, target: 200 }] }),
    );
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).reason).to.equal('quota');
    expect(error.localizedMessage('en')).to.match(/out of storage space/);
    expect(await store.getGoal(ids.goalEmp1)).to.include({ title: 'Make the API fast', version: 1 });
    expect((await store.getKpi(ids.kpiLatency)).target).to.equal(300);
    expect(await store.listGoalChanges(ids.goalEmp1)).to.have.length(1);
  });

  it('a plan that awaits something other than its transaction is reported as a storage failure', async () => {
    const { store } = await seeded('stray-await');
    const before = await store.getGoal(ids.goalEmp1Draft);
    const error = await rejection(
      store.backend.write(['goal'], async (tx) => {
        await tx.put('goal', { ...before, title: 'first half', version: 2 });
        // A timer lets the transaction auto-commit; the next request must not land elsewhere.
        await new Promise((resolve) => setTimeout(resolve, 10));
        await tx.put('goal', { ...before, title: 'second half', version: 3 });
      }),
    );
    expect(error.code).to.equal('storage');
    // IndexedDB committed the first half on its own: this is why plans await only their transaction.
    const after = await store.getGoal(ids.goalEmp1Draft);
    expect(after.title).to.not.equal('second half');
  });

  it('check-ins and review drafts use relaxed durability; other writes the default', async () => {
    const { store } = await seeded('durability', ids.emp1);
    const seen: { stores: string[]; durability: string | undefined }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, storeNames: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      if (mode === 'readwrite') seen.push({ stores: [storeNames].flat(), durability: options?.durability });
      return original.call(this, storeNames, mode, options);
    };
    try {
      await store.checkIn({ keyResultId: ids.krUptime, keyResultVersion: 1, value: 99.6, confidence: 0.8 });
      await store.saveReviewDraft(ids.reviewEmp1Self, 1, {});
      await store.submitGoal(ids.goalEmp1Draft, 1);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(seen.map((entry) => entry.durability)).to.deep.equal(['relaxed', 'relaxed', 'default']);
    expect(seen[0]!.stores).to.include.members(['checkIn', 'keyResult', 'workLog', 'kpi']);
  });
});

describe('IndexedDB store: tabs', () => {
  it('another instance on the same database hears changes as remote', async () => {
    const { name, store: first } = await seeded('broadcast', ids.emp1);
    const second = await open(name);
    const heard: DataChange[] = [];
    second.subscribe((change) => heard.push(change));

    const goal = await first.createGoal({ cycleId: ids.cycle, level: 'individual', parentId: null, title: 'Across tabs', weight: 5 });
    await waitFor(() => heard.length > 0, 'a remote change');
    expect(heard[0]).to.deep.equal({ type: 'records', kind: 'goal', ids: [goal.id], origin: 'remote' });
    // The other instance reads the same database.
    expect((await second.getGoal(goal.id)).title).to.equal('Across tabs');

    await first.signIn(ids.lead);
    await waitFor(() => heard.some((change) => change.type === 'session'), 'a remote session change');
    expect((await second.getSession()).person.id).to.equal(ids.lead);

    await first.reset();
    await waitFor(() => heard.some((change) => change.type === 'reset'), 'a remote reset');
    expect(heard.at(-1)).to.deep.equal({ type: 'reset', origin: 'remote' });
  });

  it('closes itself when another tab upgrades the database, and says so', async () => {
    const { name, store } = await seeded('versionchange');
    const events: StoreStatusEvent[] = [];
    store.onStatus((event) => events.push(event));
    let blockedCalls = 0;
    store.onBlocked(() => (blockedCalls += 1));

    const started = performance.now();
    // A newer version of the code in another tab: it must not wait on us.
    const newer = await openDB(name, DB_VERSION + 1, { blocked: () => expect.fail('the upgrade was blocked') });
    const waited = performance.now() - started;
    newer.close();

    expect(events).to.deep.equal([{ type: 'versionchange' }]);
    expect(blockedCalls).to.equal(1);
    expect(store.backend.status).to.deep.equal({ type: 'closed', reason: 'versionchange' });
    expect(waited).to.be.lessThan(1000);
    const error = await rejection(store.listCycles());
    expect(error).to.be.instanceOf(StorageError);
  });

  it('an upgrade held up by an old tab rejects with StorageError("blocked") and announces it', async () => {
    const name = uniqueName('blocked');
    // An old tab that ignores versionchange keeps its version-1 connection open.
    const old = await openDB(name, 1, { upgrade: (db) => createV1Schema(db) });
    let announced = 0;
    const error = await rejection(openDemoStore({ name, blockedTimeoutMs: 150, onBlocked: () => (announced += 1) }));
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).reason).to.equal('blocked');
    expect(announced).to.equal(1);
    // Once the old tab goes, the late connection is closed again, so nothing else stays blocked.
    old.close();
    let deleteBlocked = false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await deleteDB(name, { blocked: () => (deleteBlocked = true) });
    expect(deleteBlocked).to.equal(false);
  });
});

describe('IndexedDB store: when IndexedDB is unavailable', () => {
  it('falls back to memory without IndexedDB at all', async () => {
    const store = await openDemoStore({ name: uniqueName('none'), indexedDB: null, actorId: ids.emp1 });
    stores.push(store);
    expect(store.storage).to.equal('memory');
    await store.load(fixtureCompany());
    expect((await store.getSession()).person.id).to.equal(ids.emp1);
  });

  it('falls back to memory when opening throws a SecurityError', async () => {
    const factory = {
      open: () => {
        throw new DOMException('Access to IndexedDB is denied in this context.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await openDemoStore({ name: uniqueName('security'), indexedDB: factory });
    stores.push(store);
    expect(store.storage).to.equal('memory');
  });

  it('falls back to memory when the open request fails with InvalidStateError (private mode)', async () => {
    const factory = {
      open: () => {
        const request = new EventTarget();
        Object.defineProperty(request, 'error', { value: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') });
        setTimeout(() => request.dispatchEvent(new Event('error', { cancelable: true })), 0);
        return request;
      },
    } as unknown as IDBFactory;
    const store = await openDemoStore({ name: uniqueName('private'), indexedDB: factory, actorId: ids.hr });
    stores.push(store);
    expect(store.storage).to.equal('memory');
    await store.load(fixtureCompany());
    expect(await store.listCycles()).to.have.length(2);
  });

  it('other open failures are StorageError("failed"), not a silent fallback', async () => {
    const factory = {
      open: () => {
        const request = new EventTarget();
        Object.defineProperty(request, 'error', { value: new DOMException('The requested version is less than the existing version.', 'VersionError') });
        setTimeout(() => request.dispatchEvent(new Event('error', { cancelable: true })), 0);
        return request;
      },
    } as unknown as IDBFactory;
    const error = await rejection(openDemoStore({ name: uniqueName('version'), indexedDB: factory }));
    expect((error as StorageError).reason).to.equal('failed');
  });
});

describe('large subtrees', () => {
  it('getGoalSubtree returns every goal and key result of a large cascade', async () => {
    const store = await open(uniqueName('big-tree'), ids.sales);
    await store.load(fixtureWithBigTree(300));
    const set = await store.getGoalSubtree(ids.goalEng);
    // Engineering, the three fixture goals below it Sun Li may see (not org-unit, private or archived ones), and 300 more.
    expect(set.goals).to.have.length(1 + 3 + 300);
    expect(new Set(set.goals.map((goal) => goal.id)).size).to.equal(set.goals.length);
    expect(set.keyResults.filter((kr) => kr.id.startsWith('kr-bulk-'))).to.have.length(300);
    expect(set.keyResults.map((kr) => kr.id)).to.not.include(ids.krLatency);
  });
});
