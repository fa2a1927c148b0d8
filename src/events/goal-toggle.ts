import type { Id } from '../model/records.js';

/** What a tree row that can expand stands for: a goal, or a strategy pillar grouping goals. */
export const GOAL_TOGGLE_KINDS = ['goal', 'strategy'] as const;
export type GoalToggleKind = (typeof GOAL_TOGGLE_KINDS)[number];

/**
 * A row of `<tandem-goal-tree>` was expanded or collapsed. `id` is the goal's
 * or the strategy pillar's id; `null` for the group of goals not linked to
 * any pillar.
 */
export class TandemGoalToggleEvent extends Event {
  static readonly eventName = 'tandem-goal-toggle';

  constructor(
    readonly kind: GoalToggleKind,
    readonly id: Id | null,
    readonly expanded: boolean,
  ) {
    super(TandemGoalToggleEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-goal-toggle': TandemGoalToggleEvent;
  }
}
