import type { GoalTreeNodeKind } from '../model/goal-tree.js';
import type { Goal, Id, KeyResult } from '../model/records.js';

/**
 * The person selected a goal or a key result (Enter, Space or a click in
 * `<tandem-goal-tree>`). The records come along, as the widget read them, so
 * a host can open a detail panel without a second request.
 */
export class TandemGoalSelectEvent extends Event {
  static readonly eventName = 'tandem-goal-select';

  constructor(
    readonly kind: GoalTreeNodeKind,
    readonly id: Id,
    readonly goal: Goal | undefined,
    readonly keyResult?: KeyResult,
  ) {
    super(TandemGoalSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-goal-select': TandemGoalSelectEvent;
  }
}
