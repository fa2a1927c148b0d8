import type { AdjustGoalResult } from '../data/adapter.js';
import type { Goal, KeyResult } from '../model/records.js';

/**
 * The changes `<tandem-goal-tree>` reports: a goal created, edited (itself or
 * its key results, before approval), adjusted mid-cycle, or moved through
 * approval.
 */
export const GOAL_CHANGE_KINDS = ['created', 'edited', 'adjusted', 'submitted', 'approved', 'rejected'] as const;
export type GoalChangeKind = (typeof GOAL_CHANGE_KINDS)[number];

/**
 * A goal changed through `<tandem-goal-tree>`. Fired after the adapter stored
 * the change, with the goal as stored; `keyResult` is set when a key result
 * was created or edited, `adjustment` when the goal was adjusted (with the
 * recorded before/after and the KPIs that followed). A batch approval fires
 * one per goal approved.
 */
export class TandemGoalChangeEvent extends Event {
  static readonly eventName = 'tandem-goal-change';

  constructor(
    readonly goal: Goal,
    readonly change: GoalChangeKind,
    readonly keyResult?: KeyResult,
    readonly adjustment?: AdjustGoalResult,
  ) {
    super(TandemGoalChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-goal-change': TandemGoalChangeEvent;
  }
}
