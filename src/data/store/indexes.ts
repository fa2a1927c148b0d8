/**
 * The secondary indexes every backend keeps, by record kind. One list serves
 * the IndexedDB schema (each entry becomes an `IDBIndex`) and the memory
 * backend (each entry becomes a Map), so a query plan works the same on both.
 *
 * Key paths follow IndexedDB's rules on both backends: a record whose key is
 * missing or not a valid key (e.g. `parentId: null`) is simply not in that
 * index, so "top of the cascade" queries filter instead of looking up `null`.
 */
import type { RecordKind } from '../../model/records.js';

/** A key path: one property (dotted for nested ones) or several for a compound key. */
export type KeyPath = string | readonly string[];

/** The secondary indexes by record kind: index name → key path. */
export const INDEXES = {
  person: { orgUnitId: 'orgUnitId', managerId: 'managerId' },
  orgUnit: { parentId: 'parentId' },
  cycle: {},
  strategy: { cycleId: 'cycleId' },
  goal: {
    cycleId: 'cycleId',
    parentId: 'parentId',
    ownerId: 'ownerId',
    orgUnitId: 'orgUnitId',
    status: 'status',
    cycleLevel: ['cycleId', 'level'],
  },
  keyResult: { goalId: 'goalId' },
  checkIn: { keyResultId: 'keyResultId', authorId: 'authorId', goalId: 'goalId' },
  goalChange: { goalId: 'goalId' },
  kpi: { ownerId: 'ownerId', cycleId: 'cycleId', sourceId: 'sourceId' },
  workLog: { personId: 'personId', personWeek: ['personId', 'week'] },
  reviewTemplate: {},
  review: { revieweeId: 'revieweeId', raterId: 'raterId', cycleId: 'cycleId' },
  feedback: { subject: ['subject.kind', 'subject.id'], authorId: 'authorId' },
  training: {},
  trainingRecord: { personId: 'personId', trainingId: 'trainingId' },
  jobProfile: {},
} as const satisfies { readonly [K in RecordKind]: Readonly<Record<string, KeyPath>> };

/** The index names a record kind has. */
export type IndexName<K extends RecordKind> = keyof (typeof INDEXES)[K] & string;

/** A key to look up in an index: one value, or a tuple for a compound index. */
export type IndexKey = string | number | readonly (string | number)[];

/** The index definitions of a kind as plain entries (for schema building and the memory backend). */
export function indexesOf(kind: RecordKind): [name: string, keyPath: KeyPath][] {
  return Object.entries(INDEXES[kind] as Readonly<Record<string, KeyPath>>);
}

function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isValidKeyPart(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}

/**
 * The index key of a record under a key path, or `undefined` when the record
 * is not in that index — the same rule IndexedDB applies (strings and numbers
 * are the only key types our records use).
 */
export function indexKeyOf(record: unknown, keyPath: KeyPath): IndexKey | undefined {
  if (typeof keyPath === 'string') {
    const value = valueAt(record, keyPath);
    return isValidKeyPart(value) ? value : undefined;
  }
  const parts: (string | number)[] = [];
  for (const path of keyPath) {
    const value = valueAt(record, path);
    if (!isValidKeyPart(value)) return undefined;
    parts.push(value);
  }
  return parts;
}

/** A stable string for a key, so keys of different types never collide ("1" vs 1). */
export function serializeKey(key: IndexKey): string {
  return JSON.stringify(key);
}
