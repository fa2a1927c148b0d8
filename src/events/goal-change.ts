import type { Goal } from '../model/records.js';

/** The lifecycle changes `<tandem-goal-tree>` reports, one per approval step. */
export const GOAL_CHANGE_KINDS = ['submitted', 'approved', 'rejected'] as const;
export type GoalChangeKind = (typeof GOAL_CHANGE_KINDS)[number];

/**
 * A goal's status changed through `<tandem-goal-tree>`'s approval actions.
 * Fired after the adapter stored the change, with the goal as stored (its new
 * status and version); a batch approval fires one per goal approved.
 */
export class TandemGoalChangeEvent extends Event {
  static readonly eventName = 'tandem-goal-change';

  constructor(
    readonly goal: Goal,
    readonly change: GoalChangeKind,
  ) {
    super(TandemGoalChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-goal-change': TandemGoalChangeEvent;
  }
}
