import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { TandemElement } from '../../context/tandem-element.js';
import { DataChangeController } from '../../controllers/data-change-controller.js';
import { ConflictError, TandemError } from '../../data/errors.js';
import { styleProperties } from '../../directives/style-properties.js';
import { TandemCheckInEvent } from '../../events/check-in.js';
import { TandemGoalChangeEvent, type GoalChangeKind } from '../../events/goal-change.js';
import { TandemGoalSelectEvent } from '../../events/goal-select.js';
import { TandemGoalToggleEvent } from '../../events/goal-toggle.js';
import { translateMessage } from '../../i18n/locale.js';
import {
  ancestorsOf,
  buildGoalForest,
  filterForest,
  flattenPillarGroups,
  flattenVisible,
  goalNodeKey,
  groupByPillar,
  highlightRanges,
  matchesQuery,
  type GoalForest,
  type GoalTreeNode,
  type NodeKey,
  type PillarGroup,
} from '../../model/goal-tree.js';
import { PACE_MESSAGE_KEYS, type PaceStatus } from '../../model/pace.js';
import { displayName } from '../../model/people.js';
import { canCheckIn, canDecideGoal, canSubmitGoal } from '../../model/permissions.js';
import { keyResultProgress, weightedMean } from '../../model/progress.js';
import { GOAL_LEVELS, type Goal, type GoalLevel, type GoalStatus, type Id, type KeyResult } from '../../model/records.js';
import { validateCheckInFields, validateRejection, type ValidationIssue } from '../../model/validation.js';
import { controlStyles, stateStyles } from '../../styles/shared.js';
import '../person-chip/person-chip.js';
import { renderEmpty, renderError, renderLoading } from '../shared/states.js';
import { BadRootError, loadGoalTree, type GoalTreeData } from './goal-tree-data.js';
import { goalTreeStyles } from './goal-tree.styles.js';

/** The statuses a person can filter by; archived goals are not in the tree. */
const FILTER_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const satisfies readonly GoalStatus[];

/** Keys typed within this long of each other make one type-ahead prefix (the APG's suggestion). */
const TYPE_AHEAD_MS = 500;

/** One row of the tree as shown: a strategy pillar, a goal or a key result. */
interface TreeRow {
  readonly key: NodeKey;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** The row ArrowLeft goes to; `null` at the top. */
  readonly parentKey: NodeKey | null;
  readonly node?: GoalTreeNode;
  readonly group?: PillarGroup;
}

/** What the tree derives from loaded data for the current language. */
interface TreeView {
  readonly data: GoalTreeData;
  readonly locale: string;
  readonly forest: GoalForest;
  /** `null`: no pillar level (see `usePillars`). */
  readonly groups: PillarGroup[] | null;
  /** Each grouped root's pillar row. */
  readonly groupOf: ReadonlyMap<NodeKey, NodeKey>;
  readonly pillarProgress: ReadonlyMap<NodeKey, number | null>;
  readonly goalsById: ReadonlyMap<Id, Goal>;
  /** Cycle and root the data was loaded for: expansion is kept while they stay. */
  readonly scopeKey: string;
}

/** The check-in form's fields, in the order they are shown and validated. */
const CHECK_IN_FIELDS = ['value', 'confidence', 'note', 'blockers'] as const;
type CheckInField = (typeof CHECK_IN_FIELDS)[number];

/** The check-in dialog: what the person typed, kept through failures, conflicts and reloads. */
interface CheckInDraft {
  /** The key result as the form last read it: its `version` goes with the save. */
  readonly keyResult: KeyResult;
  readonly rowKey: NodeKey;
  readonly fields: Readonly<Record<CheckInField, string>>;
  /** Fields whose message shows: changed ones, and all after a save was tried. */
  readonly touched: ReadonlySet<CheckInField>;
  readonly status: 'editing' | 'saving' | 'failed' | 'conflict' | 'reloading';
  readonly error?: TandemError | undefined;
  /** The latest value was loaded after a conflict. */
  readonly reloaded?: boolean;
}

/** A check-in on its way or just saved: the row shows it until the reload brings the stored key result. */
interface PendingCheckIn {
  readonly value: number;
  readonly confidence: number;
  /** The key result's version once saved; `undefined` while the save is on its way. */
  readonly version?: number;
}

/** The approval dialog: the comment typed is kept through failures, conflicts and reloads. */
interface DecisionDraft {
  /** The goal as the dialog last read it: its `version` goes with the decision. */
  readonly goal: Goal;
  readonly rowKey: NodeKey;
  readonly comment: string;
  /** The comment's message shows once a rejection was tried. */
  readonly touched: boolean;
  readonly status: 'editing' | 'saving' | 'failed' | 'conflict' | 'reloading';
  /** The decision last tried, for the retry. */
  readonly decision?: 'approve' | 'reject';
  readonly error?: TandemError | undefined;
  readonly reloaded?: boolean;
}

/** A status change on its way or just saved: the row shows it until the reload brings the stored goal. */
interface PendingStatus {
  readonly status: GoalStatus;
  /** The goal's version once saved; `undefined` while the change is on its way. */
  readonly version?: number;
}

/** A failed submission, shown above the tree (submitting has no dialog to show it in). */
interface SubmitFailure {
  readonly title: string;
  readonly error: TandemError | undefined;
}

/** What a batch approval did. `error`: the whole request failed. */
interface BatchOutcome {
  readonly approved: number;
  readonly failed: readonly { readonly id: Id; readonly title: string; readonly message: string }[];
  readonly error?: string;
}

/** A failed save as a dialog shows it: a conflict, or another failure with its typed error. */
function failureOf(error: unknown): { status: 'conflict' | 'failed'; error: TandemError | undefined } {
  return { status: error instanceof ConflictError ? 'conflict' : 'failed', error: error instanceof TandemError ? error : undefined };
}

/** Opens a modal dialog with focus in its first field when it has something to show, and closes it when not. */
function syncDialog(dialog: HTMLDialogElement | null, open: boolean, focusSelector: string): void {
  if (!dialog) return;
  if (open && !dialog.open) {
    dialog.showModal();
    dialog.querySelector<HTMLElement>(focusSelector)?.focus();
  } else if (!open && dialog.open) {
    dialog.close();
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The goal cascade as a keyboard-navigable tree: strategy pillars, then
 * company, department and individual goals, with key results as leaves.
 * Each row shows the owner, level, approval status, progress rolled up the
 * cascade, pace (on track, at risk, off track), confidence and the latest
 * check-in; a key result shows its value against the target and its due date.
 *
 * Only the rows in view are in the DOM (the visible tree is flattened into one
 * list and virtualized), so 10,000 goals open as fast as 100. Every row
 * carries `aria-level`, `aria-setsize` and `aria-posinset` (WAI-ARIA tree
 * view), since the browser cannot count rows that are not there.
 *
 * Keyboard: ↑/↓ move, → expands or enters, ← collapses or goes to the parent,
 * Home/End, Enter or Space selects, `*` expands the row's siblings, and typing
 * letters jumps to the next title starting with them.
 *
 * Check-ins: on a key result the signed-in person may check in on (its goal
 * is approved and they own it or manage its owner; see `canCheckIn`), `C` or
 * the row's "Check in" button opens a dialog for the value, confidence, a
 * note and blockers. The row shows the new value at once; if the save fails
 * it goes back, and the dialog keeps what was typed with the reason and a
 * retry. Where the person may not check in the action is hidden: the goal's
 * status badge already says when a goal is not approved yet, and repeating
 * the reason on every key result would drown the tree. (`C` is not taken
 * for type-ahead on such a row, unless it continues a prefix being typed.)
 *
 * Approval: on a goal the signed-in person owns that is a draft or was
 * rejected (`canSubmitGoal`), `S` or the row's "Submit" button submits it for
 * approval. On a pending goal they may decide (`canDecideGoal`: the owner's
 * managers or HR), `A` or "Decide" opens a dialog with the goal, its owner, a
 * comment (required to reject) and Approve / Reject; `X` (or the row's
 * checkbox) marks such goals, and the bar above the tree approves the marked
 * ones at once, listing any that failed with the reason. Status changes show
 * at once and go back on failure, keeping the comment typed.
 *
 * `root` scopes the tree: `goal:<id>` (a goal and its cascade),
 * `org-unit:<id>` (the goals of a unit and the units below it),
 * `person:<id>` (a person's goals with their ancestors) or `me` (the
 * signed-in person's). Figures are rolled up over the whole cycle, so a
 * company goal above "my goals" shows the company's progress, not mine.
 *
 * @summary Browse, search and filter the goal cascade.
 *
 * @fires tandem-goal-select - A goal or key result was selected (Enter, Space or click). `event.kind` is `goal` or `keyResult`, `event.id` its id, `event.goal` the goal (for a key result, its goal) and `event.keyResult` the key result.
 * @fires tandem-check-in - A check-in on a key result was saved. `event.checkIn` is the stored check-in, `event.keyResult` the key result with its new value and version.
 * @fires tandem-goal-change - A goal was submitted, approved or rejected and the store has it. `event.goal` is the goal as stored, `event.change` is `submitted`, `approved` or `rejected`. A batch approval fires one per goal approved.
 * @fires tandem-goal-toggle - A row was expanded or collapsed. `event.kind` is `goal` or `strategy`, `event.id` the goal's or pillar's id (`null` for goals not linked to strategy), `event.expanded` the new state.
 *
 * @csspart toolbar - The search box and filters.
 * @csspart tree - The tree (role `tree`); it scrolls with the page unless `--tandem-goal-tree-max-height` is set.
 * @csspart row - One row: a strategy pillar, goal or key result.
 * @csspart match - A highlighted search match inside a title.
 * @csspart state - The loading, empty, error or forbidden message.
 * @csspart dialog - The check-in and approval dialogs.
 * @csspart approval-bar - The bar that approves the marked goals, and reports what it did.
 *
 * @cssprop --tandem-goal-tree-indent - Indent per level (default 1.25rem).
 * @cssprop --tandem-goal-tree-row-height - Minimum row height (default 2.75rem).
 * @cssprop --tandem-goal-tree-max-height - Height after which the tree scrolls inside the widget (default none: the page scrolls).
 */
@customElement('tandem-goal-tree')
export class TandemGoalTree extends TandemElement {
  static override styles = [TandemElement.styles, controlStyles, stateStyles, goalTreeStyles];

  private readonly treeTask = new Task(this, {
    task: async ([adapter, cycleId, root, sessionPersonId], { signal }) =>
      adapter ? loadGoalTree(adapter, { cycleId, root, sessionPersonId, now: this.now ?? new Date() }, signal) : undefined,
    args: () => [this.dataAdapter, this.cycle, this.root, this.session?.person.id] as const,
  });

  /** Reloads when goals, key results, check-ins, people, cycles or strategy change, keeping what is open and selected. */
  protected readonly changes = new DataChangeController(this, {
    adapter: () => this.dataAdapter,
    kinds: ['goal', 'keyResult', 'checkIn', 'person', 'cycle', 'strategy'],
    onChange: () => void this.treeTask.run(),
  });

  private view: TreeView | undefined;
  private only: Set<NodeKey> | null = null;
  private matchCount = 0;
  private rows: TreeRow[] = [];
  private rowIndex = new Map<NodeKey, number>();
  private appliedFilters = '';
  private typed = '';
  private typedAt = 0;

  @query('lit-virtualizer')
  private virtualizer!: LitVirtualizer<TreeRow> | null;

  @query('dialog.check-in')
  private checkInDialog!: HTMLDialogElement | null;

  @query('dialog.approval')
  private approvalDialog!: HTMLDialogElement | null;

  /** The check-in being written; `null`: the dialog is closed. */
  @state()
  private checkInDraft: CheckInDraft | null = null;

  /** Check-ins shown before the tree reloads them, by key result id. */
  @state()
  private pendingCheckIns: ReadonlyMap<Id, PendingCheckIn> = new Map();

  /** The approval being decided; `null`: the dialog is closed. */
  @state()
  private decisionDraft: DecisionDraft | null = null;

  /** Status changes shown before the tree reloads them, by goal id. */
  @state()
  private pendingStatuses: ReadonlyMap<Id, PendingStatus> = new Map();

  /** Pending goals marked for batch approval. */
  @state()
  private marked: ReadonlySet<Id> = new Set();

  @state()
  private batchStatus: 'idle' | 'approving' = 'idle';

  @state()
  private batchOutcome: BatchOutcome | null = null;

  @state()
  private submitFailure: SubmitFailure | null = null;

  /** Rows the person opened (without a search or filter). */
  @state()
  private expanded: ReadonlySet<NodeKey> = new Set();

  /** Rows open while searching or filtering: every match's ancestors, then as the person toggles. */
  @state()
  private filterExpanded: ReadonlySet<NodeKey> = new Set();

  @state()
  private selectedKey: NodeKey | null = null;

  /** The row that holds the tab stop (roving tabindex). */
  @state()
  private focusKey: NodeKey | null = null;

  /** The rows the virtualizer has in the DOM. */
  @state()
  private rendered = { first: 0, last: -1 };

  @state()
  private searchText = '';

  @state()
  private statusFilter: GoalStatus | '' = '';

  @state()
  private levelFilter: GoalLevel | '' = '';

  @state()
  private ownerFilter: Id | '' = '';

  @state()
  private atRiskOnly = false;

  /** The goal cycle to show; unset: the active cycle. Ignored with `root="goal:…"` (the goal's cycle). */
  @property()
  cycle: Id | undefined;

  /**
   * Where the tree starts: `goal:<id>`, `org-unit:<id>`, `person:<id>` or
   * `me` (the signed-in person). Unset: every goal of the cycle.
   */
  @property()
  root: string | undefined;

  /** The moment pace and check-in ages are measured at; unset: now. For stories, tests and replays. */
  @property({ attribute: false })
  now: Date | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.treeTask.value;
    const locale = this.activeLocale;
    let rebuilt = false;
    let newScope = false;
    if (data && (data !== this.view?.data || locale !== this.view.locale)) {
      const previousScope = this.view?.scopeKey;
      this.view = this.buildView(data, locale);
      rebuilt = true;
      newScope = this.view.scopeKey !== previousScope;
      if (newScope) this.resetTreeState(this.view);
    }
    const filters = [this.searchText.trim(), this.statusFilter, this.levelFilter, this.ownerFilter, this.atRiskOnly].join('\u0000');
    const filtersChanged = filters !== this.appliedFilters;
    this.appliedFilters = filters;
    if (this.view && (rebuilt || filtersChanged)) this.applyFilters(this.view, filtersChanged || newScope);
    if (this.view) this.flatten(this.view);
    if (rebuilt && this.pendingCheckIns.size > 0) this.dropReloadedCheckIns(data!);
    if (rebuilt && this.pendingStatuses.size > 0) this.dropReloadedStatuses(data!);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    syncDialog(this.checkInDialog, this.checkInDraft !== null, '#check-in-value');
    syncDialog(this.approvalDialog, this.decisionDraft !== null, '#approval-comment');
  }

  /** Status changes the loaded data now holds are shown from it, no longer from memory. */
  private dropReloadedStatuses(data: GoalTreeData): void {
    const pending = new Map(this.pendingStatuses);
    for (const goal of data.goals) {
      const saved = pending.get(goal.id)?.version;
      if (saved !== undefined && goal.version >= saved) pending.delete(goal.id);
    }
    if (pending.size !== this.pendingStatuses.size) this.pendingStatuses = pending;
  }

  /** Saved check-ins the loaded data now holds are shown from it, no longer from memory. */
  private dropReloadedCheckIns(data: GoalTreeData): void {
    const pending = new Map(this.pendingCheckIns);
    for (const keyResult of data.keyResults) {
      const saved = pending.get(keyResult.id)?.version;
      if (saved !== undefined && keyResult.version >= saved) pending.delete(keyResult.id);
    }
    if (pending.size !== this.pendingCheckIns.size) this.pendingCheckIns = pending;
  }

  private buildView(data: GoalTreeData, locale: string): TreeView {
    const forest = buildGoalForest(data.goals, data.keyResults, { locale });
    const usePillars = (data.scope.kind === 'cycle' || data.scope.kind === 'person' || data.scope.kind === 'me') && data.strategies.length > 0;
    const groups = usePillars ? groupByPillar(forest, data.strategies) : null;
    const groupOf = new Map<NodeKey, NodeKey>();
    const pillarProgress = new Map<NodeKey, number | null>();
    for (const group of groups ?? []) {
      for (const root of group.roots) groupOf.set(root.key, group.key);
      pillarProgress.set(
        group.key,
        weightedMean(group.roots.map((root) => ({ value: data.progress.get(root.id) ?? 0, weight: root.goal.weight }))),
      );
    }
    return {
      data,
      locale,
      forest,
      groups,
      groupOf,
      pillarProgress,
      goalsById: new Map(data.goals.map((goal) => [goal.id, goal])),
      scopeKey: `${data.cycle?.id ?? ''}|${this.root ?? ''}|${data.scope.kind === 'me' ? (this.session?.person.id ?? '') : ''}`,
    };
  }

  /**
   * A new scope opens fresh: pillars open, and the path down to what the
   * scope is about (the root goal; a person's own goals).
   */
  private resetTreeState(view: TreeView): void {
    const open = new Set<NodeKey>();
    for (const group of view.groups ?? []) open.add(group.key);
    const { scope, focusGoalIds } = view.data;
    if (scope.kind === 'goal') open.add(goalNodeKey(scope.id));
    // A unit's tree starts at its own goals, a handful: open them to show the people's goals below.
    if (scope.kind === 'orgUnit') for (const root of view.forest.roots) open.add(root.key);
    for (const id of focusGoalIds) {
      const key = goalNodeKey(id);
      open.add(key);
      for (const ancestor of ancestorsOf(view.forest, key)) open.add(ancestor);
      const root = [key, ...ancestorsOf(view.forest, key)].pop() as NodeKey;
      const group = view.groupOf.get(root);
      if (group) open.add(group);
    }
    this.expanded = open;
    this.selectedKey = null;
    this.focusKey = null;
  }

  private get filtering(): boolean {
    return this.searchText.trim() !== '' || this.statusFilter !== '' || this.levelFilter !== '' || this.ownerFilter !== '' || this.atRiskOnly;
  }

  /** `reopen`: open the matches' ancestors afresh (new filters or scope); otherwise keep what the person opened. */
  private applyFilters(view: TreeView, reopen: boolean): void {
    if (!this.filtering) {
      this.only = null;
      this.matchCount = 0;
      return;
    }
    const { data, forest, goalsById } = view;
    const text = this.searchText.trim();
    const { statusFilter, levelFilter, ownerFilter, atRiskOnly } = this;
    // Status, level and owner describe goals: with only those set, the tree lists goals.
    // A key result matches the search or the pace filter itself, under a goal that passes the rest.
    const keyResultsCanMatch = text !== '' || atRiskOnly;
    const needsAttention = (pace: PaceStatus | null | undefined) => pace === 'at-risk' || pace === 'off-track';
    let count = 0;
    const only = filterForest(forest, (node) => {
      const goal = node.kind === 'goal' ? node.goal : goalsById.get(node.keyResult.goalId);
      if (!goal) return false;
      if (node.kind === 'keyResult' && !keyResultsCanMatch) return false;
      if (statusFilter && goal.status !== statusFilter) return false;
      if (levelFilter && goal.level !== levelFilter) return false;
      if (ownerFilter && goal.ownerId !== ownerFilter) return false;
      if (atRiskOnly) {
        const pace = node.kind === 'goal' ? data.pace.get(node.id) : data.keyResultPace.get(node.id);
        if (!needsAttention(pace)) return false;
      }
      const title = node.kind === 'goal' ? node.goal.title : node.keyResult.title;
      if (text && !matchesQuery(title, text)) return false;
      count += 1;
      return true;
    });
    this.only = only;
    this.matchCount = count;
    if (reopen) {
      // Open every kept row: a kept row with kept children is an ancestor of a match.
      const open = new Set(only);
      for (const root of forest.roots) {
        const group = view.groupOf.get(root.key);
        if (group && only.has(root.key)) open.add(group);
      }
      this.filterExpanded = open;
    }
  }

  private flatten(view: TreeView): void {
    const expanded = this.only ? this.filterExpanded : this.expanded;
    const options = this.only ? { only: this.only } : {};
    const flat = view.groups ? flattenPillarGroups(view.forest, view.groups, expanded, options) : flattenVisible(view.forest, expanded, options);
    const rows: TreeRow[] = new Array<TreeRow>(flat.length);
    const index = new Map<NodeKey, number>();
    for (let at = 0; at < flat.length; at += 1) {
      const row = flat[at]!;
      let treeRow: TreeRow;
      if ('group' in row) {
        treeRow = { ...row, key: row.group.key, parentKey: null };
      } else {
        const node = row.node;
        treeRow = {
          key: node.key,
          level: row.level,
          setSize: row.setSize,
          posInSet: row.posInSet,
          hasChildren: row.hasChildren,
          expanded: row.expanded,
          parentKey: node.parentKey ?? view.groupOf.get(node.key) ?? null,
          node,
        };
      }
      rows[at] = treeRow;
      index.set(treeRow.key, at);
    }
    this.rows = rows;
    this.rowIndex = index;
  }

  // ── Intent ────────────────────────────────────────────────────────────────

  private setExpanded(row: TreeRow, open: boolean): void {
    if (!row.hasChildren || row.expanded === open) return;
    const next = new Set(this.only ? this.filterExpanded : this.expanded);
    if (open) next.add(row.key);
    else next.delete(row.key);
    if (this.only) this.filterExpanded = next;
    else this.expanded = next;
    const event = row.group
      ? new TandemGoalToggleEvent('strategy', row.group.strategy?.id ?? null, open)
      : new TandemGoalToggleEvent('goal', row.node!.id, open);
    this.dispatchEvent(event);
  }

  private activate(row: TreeRow): void {
    const node = row.node;
    if (!node) {
      this.setExpanded(row, !row.expanded);
      return;
    }
    this.selectedKey = row.key;
    const goalsById = this.view?.goalsById;
    this.dispatchEvent(
      node.kind === 'goal'
        ? new TandemGoalSelectEvent('goal', node.id, node.goal)
        : new TandemGoalSelectEvent('keyResult', node.id, goalsById?.get(node.keyResult.goalId), node.keyResult),
    );
  }

  private titleOf(row: TreeRow): string {
    if (row.group) return row.group.strategy?.title ?? this.t('goalTree.unlinked');
    const node = row.node!;
    return node.kind === 'goal' ? node.goal.title : node.keyResult.title;
  }

  /** Moves the tab stop to a row and focuses it, scrolling it into the DOM first if it is virtualized away. */
  private async focusRow(key: NodeKey): Promise<void> {
    this.focusKey = key;
    await this.updateComplete;
    const index = this.rowIndex.get(key);
    if (index === undefined) return;
    let element = this.rowElement(key);
    if (!element) {
      this.virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 30 && !element; frame += 1) {
        await nextFrame();
        element = this.rowElement(key);
      }
    }
    element?.focus();
  }

  private rowElement(key: NodeKey): HTMLElement | null {
    return this.virtualizer?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null;
  }

  private rowOfEvent(event: Event): TreeRow | undefined {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLElement && target.dataset['key'] !== undefined) {
        const index = this.rowIndex.get(target.dataset['key']);
        return index === undefined ? undefined : this.rows[index];
      }
      if (target === this.virtualizer) return undefined;
    }
    return undefined;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const row = this.rowOfEvent(event);
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = this.rowIndex.get(row.key)!;
    const rows = this.rows;
    let target: TreeRow | undefined;
    // Action keys are not taken for type-ahead on a row offering them, unless they continue a prefix being typed.
    const actionKey = performance.now() - this.typedAt > TYPE_AHEAD_MS ? event.key.toLowerCase() : '';
    if (actionKey === 'c' && this.mayCheckIn(row)) {
      event.preventDefault();
      this.openCheckIn(row);
      return;
    }
    const goal = this.rowGoal(row);
    if (goal && actionKey === 's' && this.maySubmit(goal)) {
      event.preventDefault();
      void this.submitGoal(goal);
      return;
    }
    if (goal && (actionKey === 'a' || actionKey === 'x') && this.mayDecide(goal)) {
      event.preventDefault();
      if (actionKey === 'a') this.openDecision(row, goal);
      else this.toggleMark(goal.id);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        target = rows[index + 1];
        break;
      case 'ArrowUp':
        target = rows[index - 1];
        break;
      case 'Home':
        target = rows[0];
        break;
      case 'End':
        target = rows[rows.length - 1];
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) this.setExpanded(row, true);
        else if (row.expanded) target = rows[index + 1];
        break;
      case 'ArrowLeft':
        if (row.expanded) this.setExpanded(row, false);
        else if (row.parentKey !== null) target = rows[this.rowIndex.get(row.parentKey) ?? -1];
        break;
      case 'Enter':
      case ' ':
        this.activate(row);
        break;
      case '*':
        for (const sibling of rows) {
          if (sibling.parentKey === row.parentKey && sibling.level === row.level) this.setExpanded(sibling, true);
        }
        break;
      default:
        if (event.key.length === 1 && event.key.trim() !== '') {
          target = this.typeAhead(event.key, index);
          break;
        }
        return;
    }
    event.preventDefault();
    if (target) void this.focusRow(target.key);
  };

  /** The next row, after `from` and wrapping round, whose title starts with what was typed. */
  private typeAhead(key: string, from: number): TreeRow | undefined {
    const now = performance.now();
    this.typed = now - this.typedAt > TYPE_AHEAD_MS ? key : this.typed + key;
    this.typedAt = now;
    const prefix = this.typed.toLocaleLowerCase(this.activeLocale);
    // A new search starts after the current row; a longer prefix may still match the current row.
    const start = this.typed.length === 1 ? from + 1 : from;
    const rows = this.rows;
    for (let step = 0; step < rows.length; step += 1) {
      const candidate = rows[(start + step) % rows.length]!;
      if (this.titleOf(candidate).toLocaleLowerCase(this.activeLocale).startsWith(prefix)) return candidate;
    }
    return undefined;
  }

  private readonly onClick = (event: MouseEvent): void => {
    const row = this.rowOfEvent(event);
    if (!row) return;
    const onTwisty = event.composedPath().some((target) => target instanceof HTMLElement && target.classList.contains('twisty'));
    this.focusKey = row.key;
    const onCheckIn = event.composedPath().some((target) => target instanceof HTMLElement && target.dataset['action'] === 'check-in');
    if (onCheckIn && this.mayCheckIn(row)) {
      this.openCheckIn(row);
      return;
    }
    const action = event
      .composedPath()
      .find((target): target is HTMLElement => target instanceof HTMLElement && target.dataset['action'] !== undefined)?.dataset['action'];
    const goal = this.rowGoal(row);
    if (goal && action === 'submit' && this.maySubmit(goal)) {
      void this.submitGoal(goal);
      return;
    }
    if (goal && action === 'decide' && this.mayDecide(goal)) {
      this.openDecision(row, goal);
      return;
    }
    if (goal && action === 'mark' && this.mayDecide(goal)) {
      this.toggleMark(goal.id);
      return;
    }
    if (onTwisty) this.setExpanded(row, !row.expanded);
    else this.activate(row);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = this.rowOfEvent(event);
    if (row && row.key !== this.focusKey) this.focusKey = row.key;
  };

  private readonly onRangeChanged = (event: RangeChangedEvent): void => {
    const { first, last } = event;
    if (first !== this.rendered.first || last !== this.rendered.last) this.rendered = { first, last };
  };

  private clearFilters(): void {
    this.searchText = '';
    this.statusFilter = '';
    this.levelFilter = '';
    this.ownerFilter = '';
    this.atRiskOnly = false;
  }

  // ── Check-in ──────────────────────────────────────────────────────────────

  /** Whether the signed-in person may check in on a row's key result (`canCheckIn` on its goal). */
  private mayCheckIn(row: TreeRow): boolean {
    const node = row.node;
    const person = this.session?.person;
    if (node?.kind !== 'keyResult' || !person || !this.view) return false;
    const goal = this.view.goalsById.get(node.keyResult.goalId);
    return goal !== undefined && canCheckIn(person, goal, this.view.data.directory).allowed;
  }

  private openCheckIn(row: TreeRow): void {
    const keyResult = row.node?.kind === 'keyResult' ? row.node.keyResult : undefined;
    if (!keyResult) return;
    const confidence = keyResult.lastCheckIn?.confidence;
    this.focusKey = row.key;
    this.checkInDraft = {
      keyResult,
      rowKey: row.key,
      fields: {
        value: String(keyResult.current),
        confidence: confidence === undefined ? '' : String(Math.round(confidence * 100)),
        note: '',
        blockers: '',
      },
      touched: new Set(),
      status: 'editing',
    };
  }

  /** What the form holds, as the adapter takes it: confidence typed in percent, stored 0 to 1. */
  private checkInInput(fields: CheckInDraft['fields']) {
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    const percent = number(fields.confidence);
    return {
      value: number(fields.value),
      confidence: percent === undefined ? undefined : percent / 100,
      note: fields.note,
      blockers: fields.blockers,
    };
  }

  /** The first issue of each field, as text to show next to it. */
  private checkInIssues(draft: CheckInDraft): Partial<Record<CheckInField, string>> {
    const messages: Partial<Record<CheckInField, string>> = {};
    for (const issue of validateCheckInFields(this.checkInInput(draft.fields), draft.keyResult)) {
      const field = issue.field as CheckInField;
      messages[field] ??= this.checkInMessage(issue);
    }
    return messages;
  }

  private checkInMessage(issue: ValidationIssue): string {
    // The rule's range is 0 to 1, as stored; the person types a percentage.
    if (issue.field === 'confidence' && issue.message.key === 'validation.outOfRange') return this.t('goalTree.checkIn.confidenceRange');
    return translateMessage(this.activeLocale, issue.message);
  }

  private editCheckIn(field: CheckInField, value: string, touch: boolean): void {
    const draft = this.checkInDraft;
    if (!draft) return;
    const touched = touch && !draft.touched.has(field) ? new Set([...draft.touched, field]) : draft.touched;
    this.checkInDraft = { ...draft, fields: { ...draft.fields, [field]: value }, touched };
  }

  private setPendingCheckIn(keyResultId: Id, pending: PendingCheckIn | undefined): void {
    const next = new Map(this.pendingCheckIns);
    if (pending) next.set(keyResultId, pending);
    else next.delete(keyResultId);
    this.pendingCheckIns = next;
  }

  private readonly onCheckInSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.saveCheckIn();
  };

  /**
   * Saves optimistically: the row shows the new value at once, and goes back
   * if the adapter refuses. The dialog stays open while saving, so a failure
   * is shown where the person typed, with their text kept.
   */
  private async saveCheckIn(): Promise<void> {
    const draft = this.checkInDraft;
    const adapter = this.dataAdapter;
    if (!draft || !adapter || draft.status === 'saving' || draft.status === 'reloading') return;
    const issues = this.checkInIssues(draft);
    const invalid = CHECK_IN_FIELDS.find((field) => issues[field] !== undefined);
    if (invalid) {
      this.checkInDraft = { ...draft, touched: new Set(CHECK_IN_FIELDS) };
      await this.updateComplete;
      this.checkInDialog?.querySelector<HTMLElement>(`#check-in-${invalid}`)?.focus();
      return;
    }
    const input = this.checkInInput(draft.fields) as { value: number; confidence: number; note: string; blockers: string };
    const { keyResult } = draft;
    this.setPendingCheckIn(keyResult.id, { value: input.value, confidence: input.confidence });
    this.checkInDraft = { ...draft, status: 'saving', error: undefined };
    try {
      const result = await adapter.checkIn({
        keyResultId: keyResult.id,
        keyResultVersion: keyResult.version,
        value: input.value,
        confidence: input.confidence,
        note: input.note,
        blockers: input.blockers,
      });
      this.setPendingCheckIn(keyResult.id, { value: input.value, confidence: input.confidence, version: result.keyResult.version });
      if (this.checkInDraft?.keyResult.id === keyResult.id) this.closeCheckIn();
      this.dispatchEvent(new TandemCheckInEvent(result.checkIn, result.keyResult));
    } catch (error) {
      this.setPendingCheckIn(keyResult.id, undefined);
      const current = this.checkInDraft;
      if (current?.keyResult.id !== keyResult.id) return;
      this.checkInDraft = {
        ...current,
        status: error instanceof ConflictError ? 'conflict' : 'failed',
        error: error instanceof TandemError ? error : undefined,
        reloaded: false,
      };
    }
  }

  /** After a conflict: the key result as stored now, for its value and version; the typed text stays. */
  private async loadLatestForCheckIn(): Promise<void> {
    const draft = this.checkInDraft;
    const adapter = this.dataAdapter;
    if (!draft || !adapter) return;
    this.checkInDraft = { ...draft, status: 'reloading' };
    try {
      const latest = await adapter.getKeyResult(draft.keyResult.id);
      const current = this.checkInDraft;
      if (current?.keyResult.id !== latest.id) return;
      this.checkInDraft = { ...current, keyResult: latest, status: 'editing', error: undefined, reloaded: true };
    } catch (error) {
      const current = this.checkInDraft;
      if (current?.keyResult.id !== draft.keyResult.id) return;
      this.checkInDraft = { ...current, status: 'failed', error: error instanceof TandemError ? error : undefined };
    }
  }

  private closeCheckIn(): void {
    this.checkInDialog?.close();
  }

  /** The dialog closed (saved, cancelled or Escape): focus goes back to the row it was opened from. */
  private readonly onCheckInClose = (): void => {
    const draft = this.checkInDraft;
    if (!draft) return;
    this.checkInDraft = null;
    void this.focusRow(draft.rowKey);
  };

  private readonly onCheckInCancel = (event: Event): void => {
    // Escape while saving would hide a failure that comes back: wait for the answer.
    if (this.checkInDraft?.status === 'saving') event.preventDefault();
  };

  // ── Approval ──────────────────────────────────────────────────────────────

  /** A goal row's goal, with any status change on its way applied. */
  private rowGoal(row: TreeRow): Goal | undefined {
    return row.node?.kind === 'goal' ? this.effectiveGoal(row.node.goal) : undefined;
  }

  private effectiveGoal(goal: Goal): Goal {
    const pending = this.pendingStatuses.get(goal.id);
    return pending ? { ...goal, status: pending.status } : goal;
  }

  /** `canSubmitGoal` for the signed-in person. */
  private maySubmit(goal: Goal): boolean {
    const person = this.session?.person;
    return person !== undefined && this.view !== undefined && canSubmitGoal(person, goal, this.view.data.directory).allowed;
  }

  /** `canDecideGoal` for the signed-in person: the management chains come with the tree's data. */
  private mayDecide(goal: Goal): boolean {
    const person = this.session?.person;
    return person !== undefined && this.view !== undefined && canDecideGoal(person, goal, this.view.data.directory).allowed;
  }

  private setPendingStatus(goalId: Id, pending: PendingStatus | undefined): void {
    const next = new Map(this.pendingStatuses);
    if (pending) next.set(goalId, pending);
    else next.delete(goalId);
    this.pendingStatuses = next;
  }

  /** Submits optimistically: the row shows "Pending approval" at once, and goes back with the reason if refused. */
  private async submitGoal(goal: Goal): Promise<void> {
    const adapter = this.dataAdapter;
    if (!adapter) return;
    this.submitFailure = null;
    this.setPendingStatus(goal.id, { status: 'pending' });
    try {
      const stored = await adapter.submitGoal(goal.id, goal.version);
      this.setPendingStatus(goal.id, { status: stored.status, version: stored.version });
      this.dispatchEvent(new TandemGoalChangeEvent(stored, 'submitted'));
    } catch (error) {
      this.setPendingStatus(goal.id, undefined);
      this.submitFailure = { title: goal.title, error: error instanceof TandemError ? error : undefined };
    }
  }

  private toggleMark(goalId: Id): void {
    const next = new Set(this.marked);
    if (next.has(goalId)) next.delete(goalId);
    else next.add(goalId);
    this.marked = next;
    this.batchOutcome = null;
  }

  /** Marked goals still pending that the person may decide (a reload may have changed them). */
  private markedGoals(): Goal[] {
    const goalsById = this.view?.goalsById;
    if (!goalsById) return [];
    return [...this.marked].flatMap((id) => {
      const goal = goalsById.get(id);
      return goal && this.mayDecide(this.effectiveGoal(goal)) ? [goal] : [];
    });
  }

  /** Approves the marked goals in one request; each succeeds or fails on its own, and the failures are listed with their reasons. */
  private async approveMarked(): Promise<void> {
    const adapter = this.dataAdapter;
    const goals = this.markedGoals();
    if (!adapter || goals.length === 0 || this.batchStatus === 'approving') return;
    this.batchStatus = 'approving';
    this.batchOutcome = null;
    for (const goal of goals) this.setPendingStatus(goal.id, { status: 'approved' });
    const titles = new Map(goals.map((goal) => [goal.id, goal.title]));
    try {
      const result = await adapter.approveGoals(goals.map((goal) => ({ id: goal.id, version: goal.version })));
      for (const stored of result.succeeded) this.setPendingStatus(stored.id, { status: stored.status, version: stored.version });
      for (const { id } of result.failed) this.setPendingStatus(id, undefined);
      this.batchOutcome = {
        approved: result.succeeded.length,
        failed: result.failed.map(({ id, error }) => ({ id, title: titles.get(id) ?? id, message: error.localizedMessage(this.activeLocale) })),
      };
      this.marked = new Set(result.failed.map(({ id }) => id));
      for (const stored of result.succeeded) this.dispatchEvent(new TandemGoalChangeEvent(stored, 'approved'));
    } catch (error) {
      for (const goal of goals) this.setPendingStatus(goal.id, undefined);
      const reason = error instanceof TandemError ? error.localizedMessage(this.activeLocale) : this.t('state.error');
      this.batchOutcome = { approved: 0, failed: [], error: reason };
    } finally {
      this.batchStatus = 'idle';
    }
  }

  private openDecision(row: TreeRow, goal: Goal): void {
    this.focusKey = row.key;
    this.decisionDraft = { goal, rowKey: row.key, comment: '', touched: false, status: 'editing' };
  }

  /** The comment's message, once a rejection was tried without one. */
  private rejectionIssue(draft: DecisionDraft): string | undefined {
    if (!draft.touched) return undefined;
    const issue = validateRejection({ comment: draft.comment })[0];
    return issue ? translateMessage(this.activeLocale, issue.message) : undefined;
  }

  private readonly onDecisionSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.decide('approve');
  };

  /**
   * Decides optimistically: the row shows the new status at once and goes
   * back if the adapter refuses; the dialog stays open while saving, so a
   * failure shows where the comment was typed, with the comment kept.
   */
  private async decide(decision: 'approve' | 'reject'): Promise<void> {
    const draft = this.decisionDraft;
    const adapter = this.dataAdapter;
    if (!draft || !adapter || draft.status === 'saving' || draft.status === 'reloading') return;
    if (decision === 'reject' && validateRejection({ comment: draft.comment }).length > 0) {
      this.decisionDraft = { ...draft, touched: true };
      await this.updateComplete;
      this.approvalDialog?.querySelector<HTMLElement>('#approval-comment')?.focus();
      return;
    }
    const { goal } = draft;
    const comment = draft.comment.trim();
    this.setPendingStatus(goal.id, { status: decision === 'approve' ? 'approved' : 'rejected' });
    this.decisionDraft = { ...draft, status: 'saving', decision, error: undefined };
    try {
      const stored =
        decision === 'approve'
          ? await adapter.approveGoal(goal.id, goal.version, comment || undefined)
          : await adapter.rejectGoal(goal.id, goal.version, comment);
      this.setPendingStatus(goal.id, { status: stored.status, version: stored.version });
      if (this.marked.has(goal.id)) this.toggleMark(goal.id);
      if (this.decisionDraft?.goal.id === goal.id) this.closeDecision();
      const change: GoalChangeKind = decision === 'approve' ? 'approved' : 'rejected';
      this.dispatchEvent(new TandemGoalChangeEvent(stored, change));
    } catch (error) {
      this.setPendingStatus(goal.id, undefined);
      const current = this.decisionDraft;
      if (current?.goal.id !== goal.id) return;
      this.decisionDraft = { ...current, ...failureOf(error), reloaded: false };
    }
  }

  /** After a conflict: the goal as stored now, for its version; the comment stays. */
  private async reloadDecisionGoal(): Promise<void> {
    const draft = this.decisionDraft;
    const adapter = this.dataAdapter;
    if (!draft || !adapter) return;
    this.decisionDraft = { ...draft, status: 'reloading' };
    try {
      const latest = await adapter.getGoal(draft.goal.id);
      const current = this.decisionDraft;
      if (current?.goal.id !== latest.id) return;
      this.decisionDraft = { ...current, goal: latest, status: 'editing', error: undefined, reloaded: true };
    } catch (error) {
      const current = this.decisionDraft;
      if (current?.goal.id !== draft.goal.id) return;
      this.decisionDraft = { ...current, status: 'failed', error: error instanceof TandemError ? error : undefined };
    }
  }

  private closeDecision(): void {
    this.approvalDialog?.close();
  }

  /** The dialog closed (decided, cancelled or Escape): focus goes back to the row it was opened from. */
  private readonly onDecisionClose = (): void => {
    const draft = this.decisionDraft;
    if (!draft) return;
    this.decisionDraft = null;
    void this.focusRow(draft.rowKey);
  };

  private readonly onDecisionCancel = (event: Event): void => {
    if (this.decisionDraft?.status === 'saving') event.preventDefault();
  };

  // ── Render ────────────────────────────────────────────────────────────────

  protected override render() {
    return html`${this.renderTreeTask()}${this.renderCheckInDialog()}${this.renderApprovalDialog()}`;
  }

  private renderTreeTask() {
    return this.treeTask.render({
      initial: () => renderLoading(this.t),
      // A reload keeps the tree (and focus) in place; only the first load shows the loading state.
      pending: () => (this.view ? this.renderTree(this.view) : renderLoading(this.t)),
      error: (error) =>
        error instanceof BadRootError
          ? html`<div class="state" data-state="error" part="state" role="alert">${this.t('goalTree.badRoot', { root: error.root })}</div>`
          : renderError(error, this.t, this.activeLocale, () => void this.treeTask.run()),
      complete: (data) => (data && this.view ? this.renderTree(this.view) : renderLoading(this.t)),
    });
  }

  private renderTree(view: TreeView) {
    const { t } = this;
    const { data } = view;
    if (!data.cycle && data.scope.kind !== 'goal') return renderEmpty(t('goalTree.noCycles'));
    if (data.goals.length === 0) {
      return renderEmpty(t(data.scope.kind === 'person' || data.scope.kind === 'me' ? 'goalTree.emptyPerson' : 'goalTree.empty'));
    }
    const label = data.cycle ? t('goalTree.label', { cycle: data.cycle.name }) : t('goalTree.labelNoCycle');
    return html`
      ${this.renderToolbar(view)}
      <div class="summary" role="status">${this.renderSummary()}</div>
      ${this.renderApprovalBar()}
      <div class="scroll">
        ${this.rows.length === 0
          ? renderEmpty(this.searchText.trim() ? t('goalTree.noMatch', { query: this.searchText.trim() }) : t('goalTree.noMatchFilters'))
          : html`<lit-virtualizer
              part="tree"
              role="tree"
              aria-label=${label}
              .items=${this.rows}
              .keyFunction=${(row: TreeRow) => row.key}
              .renderItem=${(row: TreeRow) => this.renderRow(row)}
              @keydown=${this.onKeyDown}
              @click=${this.onClick}
              @focusin=${this.onFocusIn}
              @rangeChanged=${this.onRangeChanged}
            ></lit-virtualizer>`}
      </div>
    `;
  }

  private renderSummary() {
    if (!this.filtering) return nothing;
    const count = this.matchCount;
    return html`<span>${this.t('goalTree.matches', { count, formatted: this.format.number(count, 0) })}</span>
      <button type="button" class="button" @click=${this.clearFilters}>${this.t('goalTree.clearFilters')}</button>`;
  }

  private renderToolbar(view: TreeView) {
    const { t } = this;
    const owners = [...view.data.people.values()]
      .map((person) => ({ id: person.id, name: displayName(person, this.activeLocale).primary }))
      .sort((a, b) => a.name.localeCompare(b.name, this.activeLocale));
    const selectValue = (event: Event) => (event.target as HTMLSelectElement).value;
    return html`<div class="toolbar" part="toolbar" role="search" aria-label=${t('goalTree.filters')}>
      <div class="field search">
        <label for="search">${t('goalTree.search')}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          placeholder=${t('goalTree.searchPlaceholder')}
          .value=${this.searchText}
          @input=${(event: Event) => (this.searchText = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="status">${t('goalTree.status')}</label>
        <select id="status" @change=${(event: Event) => (this.statusFilter = selectValue(event) as GoalStatus | '')}>
          <option value="" ?selected=${this.statusFilter === ''}>${t('goalTree.anyStatus')}</option>
          ${FILTER_STATUSES.map(
            (status) => html`<option value=${status} ?selected=${this.statusFilter === status}>${t(`goalStatus.${status}`)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="level">${t('goalTree.level')}</label>
        <select id="level" @change=${(event: Event) => (this.levelFilter = selectValue(event) as GoalLevel | '')}>
          <option value="" ?selected=${this.levelFilter === ''}>${t('goalTree.anyLevel')}</option>
          ${GOAL_LEVELS.map(
            (level) => html`<option value=${level} ?selected=${this.levelFilter === level}>${t(`goalLevel.${level}`)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="owner">${t('goalTree.owner')}</label>
        <select id="owner" @change=${(event: Event) => (this.ownerFilter = selectValue(event))}>
          <option value="" ?selected=${this.ownerFilter === ''}>${t('goalTree.anyOwner')}</option>
          ${owners.map((owner) => html`<option value=${owner.id} ?selected=${this.ownerFilter === owner.id}>${owner.name}</option>`)}
        </select>
      </div>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.atRiskOnly}
          @change=${(event: Event) => (this.atRiskOnly = (event.target as HTMLInputElement).checked)}
        />
        ${t('goalTree.atRiskOnly')}
      </label>
    </div>`;
  }

  /** The row holding the tab stop: the focused row, or the first rendered one when it is scrolled away. */
  private tabStopKey(): NodeKey | undefined {
    const { first, last } = this.rendered;
    // Before the virtualizer reports its first range, every row counts as rendered.
    const known = last >= first;
    const index = this.focusKey === null ? undefined : this.rowIndex.get(this.focusKey);
    if (index !== undefined && (!known || (index >= first && index <= last))) return this.focusKey!;
    return this.rows[known ? Math.min(first, this.rows.length - 1) : 0]?.key;
  }

  private renderRow(row: TreeRow): TemplateResult {
    const node = row.node;
    const tabStop = row.key === this.tabStopKey();
    const kind = row.group ? 'strategy' : node!.kind;
    const mayCheckIn = this.mayCheckIn(row);
    const goal = this.rowGoal(row);
    const maySubmit = goal !== undefined && this.maySubmit(goal);
    const mayDecide = goal !== undefined && this.mayDecide(goal);
    const shortcuts = [mayCheckIn ? 'C' : '', maySubmit ? 'S' : '', mayDecide ? 'A X' : ''].filter(Boolean).join(' ');
    return html`<div
      role="treeitem"
      part="row"
      class="row"
      data-key=${row.key}
      data-kind=${kind}
      aria-level=${row.level}
      aria-setsize=${row.setSize}
      aria-posinset=${row.posInSet}
      aria-expanded=${row.hasChildren ? String(row.expanded) : nothing}
      aria-selected=${node ? String(row.key === this.selectedKey) : nothing}
      aria-checked=${mayDecide ? String(this.marked.has(goal.id)) : nothing}
      aria-keyshortcuts=${shortcuts || nothing}
      tabindex=${tabStop ? 0 : -1}
    >
      <span class="cell title-cell" ${styleProperties({ '--_depth': String(row.level - 1) })}>
        <span class="twisty" ?data-open=${row.expanded} ?data-leaf=${!row.hasChildren} aria-hidden="true"></span>
        ${node?.kind === 'keyResult' ? html`<span class="kr-mark" aria-hidden="true">KR</span>` : nothing}
        <span class="title-text">
          <span class="title" title=${this.titleOf(row)}>${this.renderTitle(this.titleOf(row))}</span>
          ${this.renderMeta(row)}
        </span>
        ${goal ? this.renderGoalActions(goal, maySubmit, mayDecide) : nothing}
      </span>
      ${row.group ? this.renderPillarCells(row.group) : node!.kind === 'goal' ? this.renderGoalCells(node!.goal) : this.renderKeyResultCells(node!.keyResult, mayCheckIn)}
    </div>`;
  }

  /** The line under a title: what the row is (pillar, level), so the cascade reads without a column for it. */
  private renderMeta(row: TreeRow) {
    const { t } = this;
    const node = row.node;
    const text = row.group ? t('goalTree.pillar') : node?.kind === 'goal' ? t(`goalLevel.${node.goal.level}`) : undefined;
    return text ? html`<span class="meta">${text}</span>` : nothing;
  }

  /** A title with the search matches marked: text nodes only, never HTML. */
  private renderTitle(title: string) {
    const text = this.searchText.trim();
    const ranges = text ? highlightRanges(title, text) : [];
    if (ranges.length === 0) return title;
    const pieces: (string | TemplateResult)[] = [];
    let at = 0;
    for (const { start, end } of ranges) {
      if (start > at) pieces.push(title.slice(at, start));
      pieces.push(html`<mark part="match">${title.slice(start, end)}</mark>`);
      at = end;
    }
    if (at < title.length) pieces.push(title.slice(at));
    return pieces;
  }

  private renderPillarCells(group: PillarGroup) {
    const { t, format } = this;
    const count = group.roots.length;
    return html`<span class="cell owner"></span>
      <span class="cell state-cell muted">${t('count.goals', { count, formatted: format.number(count, 0) })}</span>
      ${this.renderProgress(this.view?.pillarProgress.get(group.key) ?? null, null)}
      <span class="cell"></span>
      <span class="cell confidence"></span>
      <span class="cell when"></span>`;
  }

  /** A goal row's approval buttons; out of the tab order like the check-in button: the row's keys reach them. */
  private renderGoalActions(goal: Goal, maySubmit: boolean, mayDecide: boolean) {
    if (!maySubmit && !mayDecide) return nothing;
    const { t } = this;
    return html`<span class="row-actions">
      ${maySubmit
        ? html`<button type="button" class="button row-action" data-action="submit" tabindex="-1">
            ${t('goalTree.approval.submit')}
          </button>`
        : nothing}
      ${mayDecide
        ? html`<span class="mark" data-action="mark" ?data-marked=${this.marked.has(goal.id)} aria-hidden="true" title=${t('goalTree.approval.mark', { title: goal.title })}></span>
            <button type="button" class="button row-action" data-action="decide" tabindex="-1">
              ${t('goalTree.approval.decide')}
            </button>`
        : nothing}
    </span>`;
  }

  private renderGoalCells(stored: Goal) {
    const { t, format } = this;
    const goal = this.effectiveGoal(stored);
    const data = this.view!.data;
    const owner = data.people.get(goal.ownerId);
    const pace = data.pace.get(goal.id) ?? null;
    const confidence = data.confidence.get(goal.id) ?? null;
    const lastCheckIn = data.lastCheckInAt.get(goal.id);
    return html`<span class="cell owner">
        ${owner ? html`<tandem-person-chip compact .person=${owner}></tandem-person-chip>` : nothing}
      </span>
      <span class="cell state-cell"><span class="badge status" data-status=${goal.status}>${t(`goalStatus.${goal.status}`)}</span></span>
      ${this.renderProgress(data.progress.get(goal.id) ?? 0, pace)} ${this.renderPace(pace)}
      <span class="cell confidence">${confidence === null ? nothing : t('goalTree.confidence', { value: format.percent(confidence) })}</span>
      <span class="cell when">
        ${lastCheckIn ? t('goalTree.checkedIn', { ago: format.relativeTime(lastCheckIn, this.now) }) : t('goalTree.noCheckIns')}
      </span>`;
  }

  private renderKeyResultCells(stored: KeyResult, mayCheckIn: boolean) {
    const { t, format } = this;
    const { data } = this.view!;
    const assessment = data.assessments.get(stored.id);
    const pace = data.keyResultPace.get(stored.id) ?? null;
    const pending = this.pendingCheckIns.get(stored.id);
    const keyResult = pending ? { ...stored, current: pending.value } : stored;
    const progress = pending ? keyResultProgress(keyResult) : (assessment?.progress ?? 0);
    const confidence = pending ? pending.confidence : keyResult.lastCheckIn?.confidence;
    return html`<span class="cell owner">
        ${mayCheckIn
          ? html`<button type="button" class="button check-in" data-action="check-in" tabindex="-1">${t('goalTree.checkIn.action')}</button>`
          : nothing}
      </span>
      <span class="cell state-cell value">${this.formatValue(keyResult)}</span>
      ${this.renderProgress(progress, pace)} ${this.renderPace(pace)}
      <span class="cell confidence">${confidence === undefined ? nothing : t('goalTree.confidence', { value: format.percent(confidence) })}</span>
      <span class="cell when">${t('goalTree.due', { date: format.date(keyResult.due) })}</span>`;
  }

  private renderProgress(progress: number | null, pace: PaceStatus | null) {
    if (progress === null) return html`<span class="cell progress"></span>`;
    return html`<span class="cell progress">
      <span class="bar" aria-hidden="true"><span class="fill" data-pace=${pace ?? nothing} ${styleProperties({ width: `${progress * 100}%` })}></span></span>
      <span class="percent"><span class="visually-hidden">${this.t('goalTree.progress')}</span> ${this.format.percent(progress)}</span>
    </span>`;
  }

  private renderPace(pace: PaceStatus | null) {
    return html`<span class="cell">
      ${pace ? html`<span class="badge pace" data-pace=${pace}>${this.t(PACE_MESSAGE_KEYS[pace])}</span>` : nothing}
    </span>`;
  }

  private renderCheckInDialog() {
    const draft = this.checkInDraft;
    return html`<dialog part="dialog" class="check-in" aria-labelledby="check-in-title" @close=${this.onCheckInClose} @cancel=${this.onCheckInCancel}>
      ${draft ? this.renderCheckInForm(draft) : nothing}
    </dialog>`;
  }

  private renderCheckInForm(draft: CheckInDraft) {
    const { t } = this;
    const { keyResult, fields, touched, status } = draft;
    const issues = this.checkInIssues(draft);
    const shown = (field: CheckInField) => (touched.has(field) ? issues[field] : undefined);
    const busy = status === 'saving' || status === 'reloading';
    const unit = keyResult.metric === 'percent' ? '%' : keyResult.metric === 'binary' ? '' : keyResult.unit;
    const field = (name: CheckInField, label: string, control: (describedBy: string | typeof nothing) => TemplateResult, hint?: string) => {
      const error = shown(name);
      const describedBy = [error ? `check-in-${name}-error` : '', hint ? `check-in-${name}-hint` : ''].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${`check-in-${name}`}>${label}</label>
        ${control(describedBy || nothing)}
        ${hint ? html`<span class="hint" id=${`check-in-${name}-hint`}>${hint}</span>` : nothing}
        ${error ? html`<span class="field-error" id=${`check-in-${name}-error`}>${error}</span>` : nothing}
      </div>`;
    };
    const onInput = (name: CheckInField) => (event: Event) =>
      this.editCheckIn(name, (event.target as HTMLInputElement | HTMLTextAreaElement).value, false);
    const onChange = (name: CheckInField) => (event: Event) =>
      this.editCheckIn(name, (event.target as HTMLInputElement | HTMLTextAreaElement).value, true);
    return html`<form novalidate @submit=${this.onCheckInSubmit}>
      <h2 id="check-in-title">${t('goalTree.checkIn.title', { title: keyResult.title })}</h2>
      <p class="hint">${t('goalTree.checkIn.now', { value: this.formatValue(keyResult) })}</p>
      ${field(
        'value',
        unit ? t('goalTree.checkIn.valueUnit', { unit }) : t('goalTree.checkIn.value'),
        (describedBy) => html`<input
          id="check-in-value"
          name="value"
          type="number"
          step="any"
          inputmode="decimal"
          .value=${fields.value}
          aria-invalid=${shown('value') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('value')}
          @change=${onChange('value')}
        />`,
        keyResult.metric === 'binary' ? t('goalTree.checkIn.binaryHint') : undefined,
      )}
      ${field(
        'confidence',
        t('goalTree.checkIn.confidence'),
        (describedBy) => html`<input
          id="check-in-confidence"
          name="confidence"
          type="number"
          min="0"
          max="100"
          step="1"
          inputmode="numeric"
          .value=${fields.confidence}
          aria-invalid=${shown('confidence') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('confidence')}
          @change=${onChange('confidence')}
        />`,
        t('goalTree.checkIn.confidenceHint'),
      )}
      ${field(
        'note',
        t('goalTree.checkIn.note'),
        (describedBy) => html`<textarea
          id="check-in-note"
          name="note"
          rows="3"
          .value=${fields.note}
          aria-invalid=${shown('note') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('note')}
          @change=${onChange('note')}
        ></textarea>`,
      )}
      ${field(
        'blockers',
        t('goalTree.checkIn.blockers'),
        (describedBy) => html`<textarea
          id="check-in-blockers"
          name="blockers"
          rows="2"
          .value=${fields.blockers}
          aria-invalid=${shown('blockers') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('blockers')}
          @change=${onChange('blockers')}
        ></textarea>`,
        t('goalTree.checkIn.blockersHint'),
      )}
      ${this.renderCheckInStatus(draft)}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${this.closeCheckIn} ?disabled=${status === 'saving'}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" ?disabled=${busy}>
          ${status === 'saving' ? t('goalTree.checkIn.saving') : t('goalTree.checkIn.save')}
        </button>
      </div>
    </form>`;
  }

  private renderCheckInStatus(draft: CheckInDraft) {
    const { t } = this;
    return this.renderDialogStatus(draft, {
      conflict: t('goalTree.checkIn.conflict'),
      reloadLabel: t('goalTree.checkIn.loadLatest'),
      reload: () => void this.loadLatestForCheckIn(),
      retry: () => void this.saveCheckIn(),
      reloaded: t('goalTree.checkIn.loadedLatest', { value: this.formatValue(draft.keyResult) }),
    });
  }

  /**
   * A dialog's save outcome, shared by the check-in and approval dialogs: a
   * conflict with a way to load the latest, another failure with its reason
   * and a retry, or (in a live region) the note that the latest was loaded.
   */
  private renderDialogStatus(
    draft: { status: string; error?: TandemError | undefined; reloaded?: boolean },
    text: { conflict: string; reloadLabel: string; reload: () => void; retry: () => void; reloaded: string },
  ) {
    const { t } = this;
    if (draft.status === 'conflict') {
      return html`<div class="form-error" role="alert" data-error="conflict">
        <span>${text.conflict}</span>
        <button type="button" class="button" @click=${text.reload}>${text.reloadLabel}</button>
      </div>`;
    }
    if (draft.status === 'failed') {
      return html`<div class="form-error" role="alert" data-error=${draft.error?.code ?? 'unknown'}>
        <span>${draft.error ? draft.error.localizedMessage(this.activeLocale) : t('state.error')}</span>
        <button type="button" class="button" @click=${text.retry}>${t('action.retry')}</button>
      </div>`;
    }
    return html`<div class="form-status" role="status">${draft.reloaded ? text.reloaded : nothing}</div>`;
  }

  private renderApprovalDialog() {
    const draft = this.decisionDraft;
    return html`<dialog part="dialog" class="approval" aria-labelledby="approval-title" @close=${this.onDecisionClose} @cancel=${this.onDecisionCancel}>
      ${draft ? this.renderDecisionForm(draft) : nothing}
    </dialog>`;
  }

  private renderDecisionForm(draft: DecisionDraft) {
    const { t } = this;
    const { goal, status } = draft;
    const owner = this.view?.data.people.get(goal.ownerId);
    const error = this.rejectionIssue(draft);
    const busy = status === 'saving' || status === 'reloading';
    const describedBy = ['approval-comment-hint', error ? 'approval-comment-error' : ''].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${this.onDecisionSubmit}>
      <h2 id="approval-title">${t('goalTree.approval.title', { title: goal.title })}</h2>
      ${owner ? html`<p class="hint">${t('goalTree.approval.owner', { name: displayName(owner, this.activeLocale).primary })}</p>` : nothing}
      <div class="field">
        <label for="approval-comment">${t('goalTree.approval.comment')}</label>
        <textarea
          id="approval-comment"
          name="comment"
          rows="3"
          .value=${draft.comment}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(event: Event) => {
            if (this.decisionDraft) this.decisionDraft = { ...this.decisionDraft, comment: (event.target as HTMLTextAreaElement).value };
          }}
        ></textarea>
        <span class="hint" id="approval-comment-hint">${t('goalTree.approval.commentHint')}</span>
        ${error ? html`<span class="field-error" id="approval-comment-error">${error}</span>` : nothing}
      </div>
      ${this.renderDialogStatus(draft, {
        conflict: t('goalTree.approval.conflict'),
        reloadLabel: t('goalTree.approval.reload'),
        reload: () => void this.reloadDecisionGoal(),
        retry: () => void this.decide(draft.decision ?? 'approve'),
        reloaded: t('goalTree.approval.reloaded'),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${this.closeDecision} ?disabled=${status === 'saving'}>${t('action.cancel')}</button>
        <button type="button" class="button" data-decision="reject" ?disabled=${busy} @click=${() => void this.decide('reject')}>
          ${status === 'saving' && draft.decision === 'reject' ? t('goalTree.approval.saving') : t('goalTree.approval.reject')}
        </button>
        <button type="submit" class="button" data-decision="approve" data-variant="primary" ?disabled=${busy}>
          ${status === 'saving' && draft.decision === 'approve' ? t('goalTree.approval.saving') : t('goalTree.approval.approve')}
        </button>
      </div>
    </form>`;
  }

  /** Above the tree: the marked goals with the button that approves them, what a batch did, or a failed submission. */
  private renderApprovalBar() {
    const { t, format } = this;
    const count = this.markedGoals().length;
    const outcome = this.batchOutcome;
    const failure = this.submitFailure;
    const number = (n: number) => ({ count: n, formatted: format.number(n, 0) });
    return html`<div class="approval-bar" part="approval-bar" role="status" ?hidden=${count === 0 && !outcome && !failure}>
      ${count > 0
        ? html`<span>${t('goalTree.approval.marked', number(count))}</span>
            <button type="button" class="button" data-variant="primary" ?disabled=${this.batchStatus === 'approving'} @click=${() => void this.approveMarked()}>
              ${this.batchStatus === 'approving' ? t('goalTree.approval.approving') : t('goalTree.approval.approveMarked', number(count))}
            </button>
            <button type="button" class="button" @click=${() => (this.marked = new Set())}>${t('goalTree.approval.clearMarks')}</button>`
        : nothing}
      ${outcome
        ? html`<div class="batch-outcome">
            ${outcome.error
              ? html`<span class="batch-error">${t('goalTree.approval.batchError', { reason: outcome.error })}</span>`
              : html`<span>${t('goalTree.approval.batchApproved', number(outcome.approved))}</span>`}
            ${outcome.failed.length > 0
              ? html`<span>${t('goalTree.approval.batchFailed', number(outcome.failed.length))}</span>
                  <ul class="batch-failed">
                    ${outcome.failed.map((item) => html`<li data-goal=${item.id}><strong>${item.title}</strong>: ${item.message}</li>`)}
                  </ul>`
              : nothing}
            <button type="button" class="button" @click=${() => (this.batchOutcome = null)}>${t('goalTree.approval.dismiss')}</button>
          </div>`
        : nothing}
      ${failure ? this.renderSubmitFailure(failure) : nothing}
    </div>`;
  }

  private renderSubmitFailure(failure: SubmitFailure) {
    const { t } = this;
    const conflict = failure.error instanceof ConflictError;
    const reason = failure.error ? failure.error.localizedMessage(this.activeLocale) : t('state.error');
    return html`<div class="form-error" data-error=${conflict ? 'conflict' : (failure.error?.code ?? 'unknown')}>
      <span>${conflict ? t('goalTree.approval.submitConflict', { title: failure.title }) : t('goalTree.approval.submitFailed', { title: failure.title, reason })}</span>
      ${conflict
        ? html`<button type="button" class="button" @click=${() => ((this.submitFailure = null), void this.treeTask.run())}>${t('goalTree.approval.reloadTree')}</button>`
        : nothing}
      <button type="button" class="button" @click=${() => (this.submitFailure = null)}>${t('goalTree.approval.dismiss')}</button>
    </div>`;
  }

  /** "40 of 100 users", "¥1.2m of ¥2m", "Done". */
  private formatValue(keyResult: KeyResult): string {
    const { t, format } = this;
    if (keyResult.metric === 'binary') return t(keyResult.current >= 1 ? 'goalTree.done' : 'goalTree.notDone');
    let value = (amount: number) => format.number(amount);
    let unit = keyResult.unit ? ` ${keyResult.unit}` : '';
    if (keyResult.metric === 'percent') {
      // Two decimals: rates such as a 0.34% crash rate are common key results.
      value = (amount) => format.percent(amount / 100, 2);
      unit = '';
    } else if (keyResult.metric === 'currency') {
      try {
        format.currency(0, keyResult.unit);
        value = (amount) => format.currency(amount, keyResult.unit);
        unit = '';
      } catch {
        // Not an ISO 4217 code (bad data): show the number with the unit as written.
      }
    }
    return `${t('goalTree.valueOfTarget', { current: value(keyResult.current), target: value(keyResult.target) })}${unit}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-goal-tree': TandemGoalTree;
  }
}
