/**
 * The IndexedDB schema and its migrations.
 *
 * Version history:
 * - 1: one store per record kind with the first indexes. Feedback kept its
 *   subject flat (`subjectKind`, `subjectId`) with an index over the pair.
 * - 2: feedback stores `subject: { kind, id }` as the records describe it (the
 *   index moves to `subject.kind` + `subject.id`); goals gain `status` and
 *   `[cycleId, level]` indexes, check-ins `authorId`, work logs
 *   `[personId, week]`. Existing data is migrated in the upgrade transaction.
 *
 * Each step runs in the browser's upgrade transaction, so a failed migration
 * aborts the upgrade and leaves the previous version's data as it was.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { RECORD_KINDS, type RecordKind } from '../../model/records.js';
import { INDEXES, type KeyPath } from '../store/indexes.js';

/** The schema version this code writes. */
export const DB_VERSION = 2;

/** The database and transaction an upgrade works on. */
export type UpgradeDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Indexes as version 1 had them. */
const V1_INDEXES: { readonly [K in RecordKind]: Readonly<Record<string, KeyPath>> } = {
  person: { orgUnitId: 'orgUnitId', managerId: 'managerId' },
  orgUnit: { parentId: 'parentId' },
  cycle: {},
  strategy: { cycleId: 'cycleId' },
  goal: { cycleId: 'cycleId', parentId: 'parentId', ownerId: 'ownerId', orgUnitId: 'orgUnitId' },
  keyResult: { goalId: 'goalId' },
  checkIn: { keyResultId: 'keyResultId', goalId: 'goalId' },
  goalChange: { goalId: 'goalId' },
  kpi: { ownerId: 'ownerId', cycleId: 'cycleId', sourceId: 'sourceId' },
  workLog: { personId: 'personId' },
  reviewTemplate: {},
  review: { revieweeId: 'revieweeId', raterId: 'raterId', cycleId: 'cycleId' },
  feedback: { subject: ['subjectKind', 'subjectId'], authorId: 'authorId' },
  training: {},
  trainingRecord: { personId: 'personId', trainingId: 'trainingId' },
  jobProfile: {},
};

function asKeyPath(keyPath: KeyPath): string | string[] {
  return typeof keyPath === 'string' ? keyPath : [...keyPath];
}

/**
 * Creates the version-1 schema in an empty database. Exported so tests can
 * build a version-1 database holding data and check the upgrade from it.
 */
export function createV1Schema(db: UpgradeDb): void {
  for (const kind of RECORD_KINDS) {
    const store = db.createObjectStore(kind, { keyPath: 'id' });
    for (const [name, keyPath] of Object.entries(V1_INDEXES[kind])) store.createIndex(name, asKeyPath(keyPath));
  }
  db.createObjectStore('meta');
}

/** A version-1 feedback record: the subject was stored flat. */
export interface FeedbackV1 {
  id: string;
  subjectKind: string;
  subjectId: string;
  [field: string]: unknown;
}

function isFeedbackV1(value: unknown): value is FeedbackV1 {
  return typeof value === 'object' && value !== null && 'subjectKind' in value && 'subjectId' in value;
}

/** Version 1 → 2: new indexes, and feedback records get their nested subject. */
async function migrateV1ToV2(tx: UpgradeTx): Promise<void> {
  for (const kind of RECORD_KINDS) {
    const store = tx.objectStore(kind);
    for (const [name, keyPath] of Object.entries(INDEXES[kind] as Readonly<Record<string, KeyPath>>)) {
      const wanted = asKeyPath(keyPath);
      if (store.indexNames.contains(name)) {
        const existing = store.index(name).keyPath;
        if (JSON.stringify(existing) === JSON.stringify(wanted)) continue;
        store.deleteIndex(name);
      }
      store.createIndex(name, wanted);
    }
  }
  const feedback = tx.objectStore('feedback');
  let cursor = await feedback.openCursor();
  while (cursor) {
    const value: unknown = cursor.value;
    if (isFeedbackV1(value)) {
      const { subjectKind, subjectId, ...rest } = value;
      await cursor.update({ ...rest, subject: { kind: subjectKind, id: subjectId } });
    }
    cursor = await cursor.continue();
  }
}

/**
 * Brings a database from `oldVersion` to {@link DB_VERSION}, one step at a
 * time. Runs inside the upgrade transaction; awaits only its requests.
 */
export async function upgradeSchema(db: UpgradeDb, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) createV1Schema(db);
  if (oldVersion < 2) await migrateV1ToV2(tx);
  await tx.objectStore('meta').put({ version: DB_VERSION, migratedAt: new Date().toISOString() }, 'schema');
}
