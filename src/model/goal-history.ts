/**
 * A goal's adjustment history as people read it: each change as a list of
 * "what moved from what to what", from the before/after snapshots the store
 * records with every mid-cycle adjustment.
 */
import type { GoalChange, GoalSnapshot, Id, IsoDate, KeyResultSnapshot } from './records.js';

export const GOAL_SNAPSHOT_FIELDS = ['title', 'description', 'weight'] as const;
export const KEY_RESULT_SNAPSHOT_FIELDS = ['title', 'target', 'weight', 'due'] as const;

export type GoalChangeField = (typeof GOAL_SNAPSHOT_FIELDS)[number];
export type KeyResultChangeField = (typeof KEY_RESULT_SNAPSHOT_FIELDS)[number];

/** One field that moved in an adjustment. */
export type FieldChange =
  | { readonly subject: 'goal'; readonly field: GoalChangeField; readonly before: string | number; readonly after: string | number }
  | {
      readonly subject: 'keyResult';
      readonly keyResultId: Id;
      readonly field: KeyResultChangeField;
      readonly before: string | number | IsoDate;
      readonly after: string | number | IsoDate;
    };

/** The fields an adjustment moved, the goal's first, then each key result's in the order recorded. */
export function fieldChanges(change: Pick<GoalChange, 'before' | 'after'>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of GOAL_SNAPSHOT_FIELDS) {
    const before = change.before[field];
    const after = change.after[field];
    if (before !== undefined && after !== undefined && before !== after) changes.push({ subject: 'goal', field, before, after });
  }
  const beforeById = new Map<Id, KeyResultSnapshot>((change.before.keyResults ?? []).map((snapshot) => [snapshot.id, snapshot]));
  for (const after of change.after.keyResults ?? []) {
    const before = beforeById.get(after.id);
    if (!before) continue;
    for (const field of KEY_RESULT_SNAPSHOT_FIELDS) {
      const old = before[field];
      const next = after[field];
      if (old !== undefined && next !== undefined && old !== next) {
        changes.push({ subject: 'keyResult', keyResultId: after.id, field, before: old, after: next });
      }
    }
  }
  return changes;
}

/** Whether a snapshot holds anything (an adjustment that only restated values records empty snapshots). */
export function isEmptySnapshot(snapshot: GoalSnapshot): boolean {
  return GOAL_SNAPSHOT_FIELDS.every((field) => snapshot[field] === undefined) && (snapshot.keyResults ?? []).length === 0;
}
