import '../../i18n/messages/goal-tree.js';
import { Announcer } from '../../controllers/announcer.js';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { TandemElement } from '../../context/tandem-element.js';
import { isTandemError } from '../../data/errors.js';
import { DataChangeController } from '../../controllers/data-change-controller.js';
import { cssRowHeight, VirtualRowsController } from '../../controllers/virtual-rows.js';
import { styleProperties } from '../../directives/style-properties.js';
import { TandemGoalSelectEvent } from '../../events/goal-select.js';
import { TandemGoalToggleEvent } from '../../events/goal-toggle.js';
import {
  ancestorsOf,
  buildGoalForest,
  confirmKeyResultOrder,
  filterForest,
  goalNodeKey,
  groupByPillar,
  highlightRanges,
  matchesQuery,
  type GoalForest,
  type GoalTreeNode,
  type KeyResultNode,
  type NodeKey,
  type PillarGroup,
  VisibleRows,
} from '../../model/goal-tree.js';
import { translateMessage, type Locale } from '../../i18n/locale.js';
import { PACE_MESSAGE_KEYS, type PaceStatus } from '../../model/pace.js';
import { displayName } from '../../model/people.js';
import { canAdjustGoal, canEditGoal, canEditKeyResults, type Decision } from '../../model/permissions.js';
import { keyResultProgress, weightedMean } from '../../model/progress.js';
import { GOAL_LEVELS, type Goal, type GoalLevel, type GoalStatus, type Id, type KeyResult } from '../../model/records.js';
import { controlStyles, stateStyles } from '../../styles/shared.js';
import { renderEmpty, renderError, renderLoading } from '../shared/states.js';
import { personLabelStyles, renderPersonLabel } from '../shared/person-label.js';
import { BadRootError, loadGoalTree, loadGoalTreeFigures, type GoalTreeData, type GoalTreeFigures } from './goal-tree-data.js';
import { afterNextPaint } from '../shared/frames.js';
import { goalTreeStyles, ROW_HEIGHT_REM } from './goal-tree.styles.js';
import type { AdjustFlow } from './adjust-flow.js';
import { ApprovalFlow } from './approval-flow.js';
import { CheckInFlow } from './check-in-flow.js';
import type { GoalFormFlow } from './goal-form-flow.js';
import { RowMenu, type RowMenuItem } from './row-menu.js';
import { formatKeyResultValue, PendingEdits, type GoalTreeAccess } from './tree-flow.js';

/** The statuses a person can filter by; archived goals are not in the tree. */
const FILTER_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const satisfies readonly GoalStatus[];

/**
 * Refusals that mean the goal is none of the person's business: the action is
 * hidden. Other refusals (the goal's state) show the action disabled with why.
 */
const RELATIONAL_REFUSALS: ReadonlySet<string> = new Set(['permission.notOwnerManagerOrHr', 'permission.notOwner', 'permission.notManager', 'permission.notOwnerOrManager']);

/** Names offered under the owner filter as the person types. */
const OWNER_SUGGESTIONS = 50;

interface OwnerName {
  readonly id: Id;
  readonly label: string;
  readonly names: readonly string[];
}

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
  readonly locale: Locale;
  readonly forest: GoalForest;
  /** Whether the forest took the key results to come in their goals' order (checked after the first paint). */
  readonly keyResultOrderAssumed: boolean;
  /** `null`: no pillar level (see `usePillars`). */
  readonly groups: PillarGroup[] | null;
  /** Each grouped root's pillar row. */
  readonly groupOf: ReadonlyMap<NodeKey, NodeKey>;
  readonly goalsById: ReadonlyMap<Id, Goal>;
  /** Cycle and root the data was loaded for: expansion is kept while they stay. */
  readonly scopeKey: string;
  /** The `cycle` and `root` asked for when the view was made. */
  readonly askedFor: { readonly cycle: Id | undefined; readonly root: string | undefined };
}

/**
 * The goal cascade as a keyboard-navigable tree: strategy pillars, then
 * company, department and individual goals, with key results as leaves.
 * Each row shows the owner, level, approval status, progress rolled up the
 * cascade, pace (on track, at risk, off track), confidence and the latest
 * check-in; a key result shows its value against the target and its due date.
 *
 * Only the rows in view are in the DOM: the visible tree is one list, read
 * row by row as the view needs it (`VisibleRows`), and windowed to what is
 * on screen. Every row carries `aria-level`, `aria-setsize` and
 * `aria-posinset` (WAI-ARIA tree view), since the browser cannot count rows
 * that are not there. Rows paint first; progress, pace, confidence and
 * check-in ages follow a moment later (read "calculating" until then), and
 * if they cannot be worked out the rows stay, with the reason and a retry.
 *
 * Keyboard: ↑/↓ move, → expands or enters, ← collapses or goes to the parent,
 * Home/End, Enter or Space selects (Space marks a pending goal the person may
 * decide; see Approval), `*` expands the row's siblings, and typing letters
 * jumps to the next title starting with them.
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
 * comment (required to reject) and Approve / Reject; `X` or Space (or the
 * row's checkbox) marks such goals, and the bar above the tree approves the marked
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
 * @fires tandem-goal-change - A goal changed and the store has it. `event.goal` is the goal as stored; `event.change` is `created`, `edited`, `adjusted`, `submitted`, `approved` or `rejected`; `event.keyResult` is the key result when one was created or edited, `event.adjustment` the recorded before/after of an adjustment. A batch approval fires one per goal approved.
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
  static override styles = [TandemElement.styles, controlStyles, stateStyles, personLabelStyles, goalTreeStyles];

  private readonly treeTask = new Task(this, {
    task: async ([adapter, cycleId, root, sessionPersonId], { signal }) =>
      adapter ? loadGoalTree(adapter, { cycleId, root, sessionPersonId, now: this.now ?? new Date() }, signal) : undefined,
    args: () => [this.sessionAdapter, this.cycle, this.root, this.session?.person.id] as const,
  });

  /**
   * Progress, pace, confidence and check-in ages, worked out after the rows
   * are on screen (see `loadGoalTreeFigures`). Until the first figures
   * arrive the rows show them as pending; on a reload the previous figures
   * stay until the new ones are ready.
   */
  private readonly figuresTask = new Task(this, {
    task: async ([adapter, data, now], { signal }) => (adapter && data ? loadGoalTreeFigures(adapter, data, now ?? new Date(), signal) : undefined),
    args: () => [this.dataAdapter, this.treeTask.value, this.now] as const,
  });

  /** Reloads when goals, key results, check-ins, people, cycles or strategy change, keeping what is open and selected. */
  protected readonly changes = new DataChangeController(this, {
    adapter: () => this.dataAdapter,
    kinds: ['goal', 'keyResult', 'checkIn', 'person', 'cycle', 'strategy'],
    onChange: () => void this.treeTask.run(),
  });

  private view: TreeView | undefined;
  /** Who the view's goals were read for. */
  private viewFor: Id | undefined;
  private readonly ownerNamesByView = new WeakMap<TreeView, readonly OwnerName[]>();
  /** The figures the at-risk filter last read. */
  private filteredWith: GoalTreeFigures | undefined;
  /** Each pillar's progress, for the figures it was worked out from. */
  private readonly pillarProgress = new WeakMap<GoalTreeFigures, Map<NodeKey, number | null>>();
  /** Data whose key results did not come in their goals' order: its forest is built without assuming it. */
  private keyResultsOutOfOrder: GoalTreeData | undefined;
  /** The last forest whose key-result order was sent to be checked. */
  private orderCheckedFor: GoalForest | undefined;
  /** What the rows were flattened from last. */
  private flattened: { view: TreeView; expanded: ReadonlySet<NodeKey>; only: Set<NodeKey> | null } | undefined;

  /** What the action flows may read and ask of the tree. */
  private readonly access: GoalTreeAccess = (() => {
    const tree = this;
    return {
      get adapter() {
        return tree.dataAdapter;
      },
      get person() {
        return tree.session?.person;
      },
      get data() {
        return tree.view?.data;
      },
      get t() {
        return tree.t;
      },
      get format() {
        return tree.format;
      },
      get locale() {
        return tree.activeLocale;
      },
      get now() {
        return tree.now;
      },
      focusRow: (key: NodeKey) => tree.focusRow(key),
      focusTabStop: async () => {
        // The row the person was on, brought back into the DOM if they scrolled it away; else the first row rendered.
        const key = tree.focusKey;
        if (key !== null && tree.indexOf(key) !== undefined) return tree.focusRow(key);
        await tree.updateComplete;
        tree.renderRoot.querySelector<HTMLElement>('.rows > [role="treeitem"][tabindex="0"]')?.focus();
      },
      reveal: (key: NodeKey, parentKey?: NodeKey) => tree.reveal(key, parentKey),
      reload: () => void tree.treeTask.run(),
      dispatch: (event: Event) => void tree.dispatchEvent(event),
      announce: (message: string) => tree.announcer.say(message, tree.activeLocale),
    };
  })();

  /** What the last action did, for screen readers (see `GoalTreeAccess.announce`). */
  private readonly announcer = new Announcer(this);

  private readonly edits = new PendingEdits(() => this.requestUpdate());
  private readonly checkIns = new CheckInFlow(this, this.access);
  private readonly approvals = new ApprovalFlow(this, this.access);
  /**
   * The create/edit and adjust dialogs, loaded when first opened: most visits
   * only read the tree, and they are over a third of its script.
   */
  private forms: GoalFormFlow | undefined;
  private adjustments: AdjustFlow | undefined;
  private readonly menu = new RowMenu(this, this.access);
  /** Calls of `revealRow` made before the goals loaded, waiting for them. */
  private readonly viewWaiters: (() => void)[] = [];
  /** A row to focus once a reload brings it (a goal or key result just created). */
  private revealKey: NodeKey | null = null;
  private only: Set<NodeKey> | null = null;
  private matchCount = 0;
  /** The rows the tree shows, read on demand (only those on screen are). */
  private visible: VisibleRows | undefined;
  /** Rows of {@link visible} read so far, by index. */
  private treeRows = new Map<number, TreeRow>();
  private readonly virtualRows = new VirtualRowsController(this, cssRowHeight(this, '--tandem-goal-tree-row-height', ROW_HEIGHT_REM));
  private appliedFilters = '';
  private typed = '';
  private typedAt = 0;

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

  @state()
  private searchText = '';

  @state()
  private statusFilter: GoalStatus | '' = '';

  @state()
  private levelFilter: GoalLevel | '' = '';

  @state()
  /** A name, or part of one: goals whose owner it matches. */
  private ownerFilter = '';

  @state()
  private atRiskOnly = false;

  /** A dialog's script could not be loaded (see `withFlow`). */
  @state()
  private flowFailed = false;

  /** Whether the owner field was used: its suggestions are made from then on. */
  @state()
  private ownerSuggestions = false;

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

  /** Rows asked for by `openRows` before the goals loaded: they replace the tree's own choice when they do. */
  private openRowsAsked: ReadonlySet<NodeKey> | null = null;

  /**
   * The rows open (outside a search or filter): `goal:<id>`, and
   * `strategy:<id>` for a pillar (`strategy:` for goals serving none), as
   * `tandem-goal-toggle` reports them. Set it to open rows, e.g. those a
   * person had open last time: set before the goals load, it replaces what
   * the tree opens on its own (the pillars, and the path down to the goals
   * the scope is about); set after, it applies at once. Rows not in the tree
   * are kept, and open if they come. `undefined`: the tree's own choice.
   */
  get openRows(): string[] {
    return [...(this.openRowsAsked ?? this.expanded)];
  }

  set openRows(keys: Iterable<string> | undefined) {
    const open = keys === undefined ? null : new Set(keys);
    // Set with a new root or cycle (a page switching people), the rows are for the goals on their way.
    const view = this.view;
    if (!view || view.askedFor.root !== this.root || view.askedFor.cycle !== this.cycle) this.openRowsAsked = open;
    else if (open) this.expanded = open;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.treeTask.value;
    const locale = this.activeLocale;
    let rebuilt = false;
    let newScope = false;
    const outOfOrder = data !== undefined && data === this.keyResultsOutOfOrder && this.view?.keyResultOrderAssumed === true;
    if (data && (data !== this.view?.data || locale !== this.view.locale || outOfOrder)) {
      const previousScope = this.view?.scopeKey;
      this.view = this.buildView(data, locale);
      this.viewFor = this.session?.person.id;
      rebuilt = true;
      newScope = this.view.scopeKey !== previousScope;
      if (newScope) this.resetTreeState(this.view);
    }
    const filters = [this.searchText.trim(), this.statusFilter, this.levelFilter, this.ownerFilter.trim(), this.atRiskOnly].join('\u0000');
    const filtersChanged = filters !== this.appliedFilters;
    this.appliedFilters = filters;
    // The at-risk filter reads pace, which arrives after the rows.
    const figures = this.atRiskOnly ? this.figures : undefined;
    const paceArrived = figures !== this.filteredWith;
    // Only the filter's first figures open its matches: a reload's keep what the person closed since.
    const firstPace = paceArrived && this.filteredWith === undefined;
    this.filteredWith = figures;
    if (this.view && (rebuilt || filtersChanged || paceArrived)) this.applyFilters(this.view, filtersChanged || newScope || firstPace);
    const focusedAt = this.focusKey === null ? undefined : this.indexOf(this.focusKey);
    if (this.view) this.flatten(this.view);
    if (focusedAt !== undefined) this.keepFocusInTree(focusedAt);
    if (rebuilt) {
      this.checkIns.dropReloaded(data!);
      this.approvals.dropReloaded(data!);
      this.edits.dropReloaded(data!.goals, data!.keyResults);
    }
    // A failed load answers `revealRow` too (no row is shown), instead of leaving it waiting.
    if (this.view || this.treeTask.status === TaskStatus.ERROR) for (const resolve of this.viewWaiters.splice(0)) resolve();
    if (this.revealKey !== null && this.visible?.indexOf(this.revealKey) !== undefined) {
      const key = this.revealKey;
      this.revealKey = null;
      void this.focusRow(key);
    } else if (this.revealKey !== null && (filtersChanged || newScope || (rebuilt && this.view?.forest.nodes.has(this.revealKey)))) {
      // Loaded but hidden by a search or filter, or the person moved on: focus must not jump to it later, mid-typing.
      this.revealKey = null;
    }
  }

  /**
   * The focused row left the tree (approved out of a "pending" filter, closed
   * under a reload, deleted by someone else): its place goes to the row now at
   * its index, and so does focus if it was on the row, instead of falling to
   * the page.
   */
  private keepFocusInTree(formerIndex: number): void {
    const key = this.focusKey;
    if (key === null || this.indexOf(key) !== undefined) return;
    const hadFocus = this.rowElement(key) !== null && this.rowElement(key) === this.shadowRoot?.activeElement;
    const successor = this.rowAt(Math.min(formerIndex, this.rowCount - 1));
    this.focusKey = successor?.key ?? null;
    if (successor && hadFocus) void this.focusRow(successor.key);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    if (view?.keyResultOrderAssumed && this.orderCheckedFor !== view.forest) {
      this.orderCheckedFor = view.forest;
      void this.checkKeyResultOrder(view);
    }
  }

  /**
   * The rows went on screen with each goal's key results found by a search
   * that takes them to come in their goals' order, as stores list them. Once
   * painted, one pass checks it; if they came otherwise, the view is built
   * again from what they really are.
   */
  private async checkKeyResultOrder(view: TreeView): Promise<void> {
    await afterNextPaint();
    if (this.view !== view || confirmKeyResultOrder(view.forest)) return;
    this.keyResultsOutOfOrder = view.data;
    this.requestUpdate();
  }

  private buildView(data: GoalTreeData, locale: Locale): TreeView {
    // The search goes wrong on key results in another order: data found so is built from one pass over them.
    const keyResultOrderAssumed = data !== this.keyResultsOutOfOrder;
    const forest = buildGoalForest(data.goals, data.keyResults, { locale, keyResultsInGoalOrder: keyResultOrderAssumed });
    const usePillars = (data.scope.kind === 'cycle' || data.scope.kind === 'person' || data.scope.kind === 'me') && data.strategies.length > 0;
    const groups = usePillars ? groupByPillar(forest, data.strategies) : null;
    let goalsById: ReadonlyMap<Id, Goal> | undefined;
    const groupOf = new Map<NodeKey, NodeKey>();
    for (const group of groups ?? []) {
      for (const root of group.roots) groupOf.set(root.key, group.key);
    }
    return {
      data,
      locale,
      forest,
      keyResultOrderAssumed,
      groups,
      groupOf,
      // Built when a filter or an event first needs it: the first rows do not.
      get goalsById() {
        return (goalsById ??= new Map(data.goals.map((goal) => [goal.id, goal])));
      },
      scopeKey: `${data.cycle?.id ?? ''}|${this.root ?? ''}|${data.scope.kind === 'me' ? (this.session?.person.id ?? '') : ''}`,
      askedFor: { cycle: this.cycle, root: this.root },
    };
  }

  /**
   * A new scope opens fresh: pillars open, and the path down to what the
   * scope is about (the root goal; a person's own goals).
   */
  private resetTreeState(view: TreeView): void {
    this.selectedKey = null;
    this.focusKey = null;
    if (this.openRowsAsked) {
      this.expanded = this.openRowsAsked;
      this.openRowsAsked = null;
      return;
    }
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
  }

  /** The owners of the view's goals, by name in the view's language, with every name they go by (searched). */
  private ownerNames(view: TreeView): readonly OwnerName[] {
    let names = this.ownerNamesByView.get(view);
    if (!names) {
      const collator = new Intl.Collator(view.locale);
      names = [...view.data.people.values()]
        .map((person) => {
          const shown = displayName(person, view.locale);
          return { id: person.id, label: shown.primary, names: [person.name, person.nameAlt ?? ''].filter(Boolean) };
        })
        .sort((a, b) => collator.compare(a.label, b.label));
      this.ownerNamesByView.set(view, names);
    }
    return names;
  }

  private get filtering(): boolean {
    return this.searchText.trim() !== '' || this.statusFilter !== '' || this.levelFilter !== '' || this.ownerFilter.trim() !== '' || this.atRiskOnly;
  }

  /** `reopen`: open the matches' ancestors afresh (new filters or scope); otherwise keep what the person opened. */
  private applyFilters(view: TreeView, reopen: boolean): void {
    if (!this.filtering) {
      this.only = null;
      this.matchCount = 0;
      return;
    }
    const { forest, goalsById } = view;
    const figures = this.figures;
    const text = this.searchText.trim();
    const { statusFilter, levelFilter, atRiskOnly } = this;
    const ownerText = this.ownerFilter.trim();
    const owners = ownerText ? new Set(this.ownerNames(view).filter((owner) => owner.names.some((name) => matchesQuery(name, ownerText))).map((owner) => owner.id)) : null;
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
      if (owners && !owners.has(goal.ownerId)) return false;
      if (atRiskOnly) {
        const pace = node.kind === 'goal' ? figures?.pace.get(node.id) : figures?.keyResultPace.get(node.id);
        if (!needsAttention(pace)) return false;
      }
      const title = node.kind === 'goal' ? node.goal.title : node.keyResult.title;
      if (text && !matchesQuery(title, text)) return false;
      count += 1;
      return true;
    });
    const before = this.only;
    this.only = only;
    this.matchCount = count;
    // Open every kept row (a kept row with kept children is an ancestor of a match), or, for the same filters
    // after a reload, the rows kept now and not before: new matches show, and what the person closed stays closed.
    const opening = reopen || !before ? only : [...only].filter((key) => !before.has(key));
    const open = new Set(reopen ? [] : this.filterExpanded);
    for (const key of opening) {
      open.add(key);
      const group = view.groupOf.get(key);
      if (group) open.add(group);
    }
    if (reopen || open.size !== this.filterExpanded.size) this.filterExpanded = open;
  }

  private flatten(view: TreeView): void {
    const expanded = this.only ? this.filterExpanded : this.expanded;
    // Focus moves and scrolling update the element too; the rows change only with these.
    const inputs = this.flattened;
    if (inputs && inputs.view === view && inputs.expanded === expanded && inputs.only === this.only) return;
    this.flattened = { view, expanded, only: this.only };
    this.visible = new VisibleRows(view.forest, view.groups, expanded, this.only ? { only: this.only } : {});
    this.treeRows = new Map();
  }

  /** The latest figures worked out (for this data, or the one before while a reload's are on their way). */
  private get figures(): GoalTreeFigures | undefined {
    return this.figuresTask.value;
  }

  private pillarProgressOf(group: PillarGroup): number | null | undefined {
    const figures = this.figures;
    if (!figures) return undefined;
    let byGroup = this.pillarProgress.get(figures);
    if (!byGroup) {
      byGroup = new Map();
      this.pillarProgress.set(figures, byGroup);
    }
    if (!byGroup.has(group.key)) {
      byGroup.set(group.key, weightedMean(group.roots.map((root) => ({ value: figures.progress.get(root.id) ?? 0, weight: root.goal.weight }))));
    }
    return byGroup.get(group.key);
  }

  private get rowCount(): number {
    return this.visible?.length ?? 0;
  }

  /** The row at `index` of the visible tree. */
  private rowAt(index: number): TreeRow | undefined {
    let row = this.treeRows.get(index);
    if (row) return row;
    const visible = this.visible?.at(index);
    if (!visible) return undefined;
    if ('group' in visible) {
      row = { ...visible, key: visible.group.key, parentKey: null };
    } else {
      const node = visible.node;
      row = {
        key: node.key,
        level: visible.level,
        setSize: visible.setSize,
        posInSet: visible.posInSet,
        hasChildren: visible.hasChildren,
        expanded: visible.expanded,
        parentKey: node.parentKey ?? this.view?.groupOf.get(node.key) ?? null,
        node,
      };
    }
    this.treeRows.set(index, row);
    return row;
  }

  private indexOf(key: NodeKey): number | undefined {
    return this.visible?.indexOf(key);
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
    return node.kind === 'goal' ? this.edits.goal(node.goal).title : this.edits.keyResult(node.keyResult).title;
  }

  /** Opens `parentKey` and focuses `key` once the tree has it (the store's change reloads the tree). */
  private reveal(key: NodeKey, parentKey?: NodeKey): void {
    if (parentKey !== undefined) {
      if (this.only) this.filterExpanded = new Set([...this.filterExpanded, parentKey]);
      else this.expanded = new Set([...this.expanded, parentKey]);
    }
    this.revealKey = key;
    this.requestUpdate();
  }

  /**
   * Shows a goal or key result (`goal:<id>`, `keyResult:<id>`): opens the
   * rows above it, scrolls it into view and moves the focus to it, as a link
   * from elsewhere on the page would; called before the goals have loaded,
   * it waits for them. Resolves to whether the row is shown: not when it is
   * not in the tree, or when the search or filters hide it.
   */
  async revealRow(key: string): Promise<boolean> {
    if (!this.view && this.treeTask.status !== TaskStatus.ERROR) await new Promise<void>((resolve) => this.viewWaiters.push(resolve));
    await this.updateComplete;
    const view = this.view;
    if (!view || !view.forest.nodes.has(key) || (this.only && !this.only.has(key))) return false;
    const ancestors = ancestorsOf(view.forest, key);
    const group = view.groupOf.get(ancestors.at(-1) ?? key);
    const above = group === undefined ? ancestors : [...ancestors, group];
    const open = this.only ? this.filterExpanded : this.expanded;
    if (above.some((ancestor) => !open.has(ancestor))) {
      if (this.only) this.filterExpanded = new Set([...open, ...above]);
      else this.expanded = new Set([...open, ...above]);
    }
    await this.focusRow(key);
    return this.rowElement(key) !== null;
  }

  /** Moves the tab stop to a row and focuses it, scrolling it into the DOM first if it is virtualized away. */
  private async focusRow(key: NodeKey): Promise<void> {
    const previous = this.focusKey;
    this.focusKey = key;
    await this.updateComplete;
    let target = key;
    // The row left the tree meanwhile (a dialog closing on a goal approved out of a filter): the row that took its place keeps focus.
    if (this.indexOf(key) === undefined && previous !== null && this.indexOf(previous) !== undefined) {
      target = previous;
      this.focusKey = previous;
    }
    const index = this.indexOf(target);
    if (index === undefined) return;
    await this.virtualRows.include(index);
    const element = this.rowElement(target);
    element?.scrollIntoView({ block: 'nearest' });
    element?.focus({ preventScroll: true });
  }

  private rowElement(key: NodeKey): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.rows > [data-key="${CSS.escape(key)}"]`);
  }

  private rowOfEvent(event: Event): TreeRow | undefined {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLElement && target.dataset['key'] !== undefined) {
        const index = this.indexOf(target.dataset['key']);
        return index === undefined ? undefined : this.rowAt(index);
      }
      if (target instanceof HTMLElement && target.classList.contains('rows')) return undefined;
    }
    return undefined;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const row = this.rowOfEvent(event);
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = this.indexOf(row.key)!;
    let target: TreeRow | undefined;
    // Action keys are not taken for type-ahead on a row offering them, unless they continue a prefix being typed.
    const actionKey = performance.now() - this.typedAt > TYPE_AHEAD_MS ? event.key.toLowerCase() : '';
    if (actionKey === 'c' && this.mayCheckIn(row)) {
      event.preventDefault();
      this.openCheckIn(row);
      return;
    }
    const goal = this.rowGoal(row);
    if (goal && actionKey === 's' && this.approvals.maySubmit(goal)) {
      event.preventDefault();
      void this.approvals.submit(goal);
      return;
    }
    if (actionKey === 'e' && this.editAction(row)?.allowed) {
      event.preventDefault();
      this.runEdit(row);
      return;
    }
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      this.openMenu(row, null);
      return;
    }
    // Space on a row with a checkbox (aria-checked) toggles it, as in a tree of checkable items; elsewhere it selects.
    if (goal && (actionKey === 'a' || actionKey === 'x' || event.key === ' ') && this.approvals.mayDecide(goal)) {
      event.preventDefault();
      if (actionKey === 'a') this.openDecision(row, goal);
      else this.approvals.toggleMark(goal.id);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        target = this.rowAt(index + 1);
        break;
      case 'ArrowUp':
        target = this.rowAt(index - 1);
        break;
      case 'Home':
        target = this.rowAt(0);
        break;
      case 'End':
        target = this.rowAt(this.rowCount - 1);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) this.setExpanded(row, true);
        else if (row.expanded) target = this.rowAt(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) this.setExpanded(row, false);
        else if (row.parentKey !== null) target = this.rowAt(this.indexOf(row.parentKey) ?? -1);
        break;
      case 'Enter':
      case ' ':
        this.activate(row);
        break;
      case '*':
        for (const sibling of this.siblingsOf(row)) this.setExpanded(sibling, true);
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
    const count = this.rowCount;
    for (let step = 0; step < count; step += 1) {
      const candidate = this.rowAt((start + step) % count)!;
      if (this.titleOf(candidate).toLocaleLowerCase(this.activeLocale).startsWith(prefix)) return candidate;
    }
    return undefined;
  }

  /** A row and its siblings, as shown (their parent is open, since the row is shown). */
  private siblingsOf(row: TreeRow): TreeRow[] {
    const visible = this.visible;
    if (!visible) return [];
    const siblingKeys =
      row.parentKey !== null
        ? visible.childrenOf(row.parentKey).map((node) => node.key)
        : row.group
          ? (this.view?.groups ?? []).map((group) => group.key)
          : (this.view?.forest.roots ?? []).map((root) => root.key);
    const siblings: TreeRow[] = [];
    for (const key of siblingKeys) {
      const sibling = this.rowAt(visible.indexOf(key) ?? -1);
      if (sibling) siblings.push(sibling);
    }
    return siblings;
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
    if (action === 'menu') {
      const button = event.composedPath().find((target): target is HTMLElement => target instanceof HTMLElement && target.dataset['action'] === 'menu');
      this.openMenu(row, button ?? null);
      return;
    }
    const goal = this.rowGoal(row);
    if (goal && action === 'submit' && this.approvals.maySubmit(goal)) {
      void this.approvals.submit(goal);
      return;
    }
    if (goal && action === 'decide' && this.approvals.mayDecide(goal)) {
      this.openDecision(row, goal);
      return;
    }
    if (goal && action === 'mark' && this.approvals.mayDecide(goal)) {
      this.approvals.toggleMark(goal.id);
      return;
    }
    if (onTwisty) this.setExpanded(row, !row.expanded);
    else this.activate(row);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = this.rowOfEvent(event);
    if (row && row.key !== this.focusKey) this.focusKey = row.key;
    if (row?.node && this.session) this.prefetchFlows();
  };

  /**
   * Someone signed in is working in the rows: fetch the dialogs' script now,
   * so E or a menu item opens its dialog without waiting for it. (A failure
   * here is said when a dialog is asked for.)
   */
  private prefetchFlows(): void {
    if (this.forms && this.adjustments) return;
    this.formFlow().catch(() => undefined);
    this.adjustFlow().catch(() => undefined);
  }

  // ── Actions ───────────────────────────────────────────────────────────────

  /** A goal row's goal, with any status change on its way applied. */
  private rowGoal(row: TreeRow): Goal | undefined {
    return row.node?.kind === 'goal' ? this.approvals.effectiveGoal(row.node.goal) : undefined;
  }

  /** Whether the signed-in person may check in on a row's key result. */
  private mayCheckIn(row: TreeRow): boolean {
    const node = row.node;
    return node?.kind === 'keyResult' && this.checkIns.allowed(this.parentGoal(node));
  }

  /** A key result's goal, as the forest holds it. */
  private parentGoal(node: KeyResultNode): Goal | undefined {
    const parent = node.parentKey === null ? undefined : this.view?.forest.nodes.get(node.parentKey);
    return parent?.kind === 'goal' ? parent.goal : undefined;
  }

  private openCheckIn(row: TreeRow): void {
    if (row.node?.kind !== 'keyResult') return;
    this.focusKey = row.key;
    this.checkIns.open(row.key, row.node.keyResult);
  }

  private openDecision(row: TreeRow, goal: Goal): void {
    this.focusKey = row.key;
    this.approvals.openDecision(row.key, goal);
  }

  /** A key result row's goal, as stored with any change on its way. */
  private keyResultGoal(row: TreeRow): Goal | undefined {
    const node = row.node;
    if (node?.kind !== 'keyResult') return undefined;
    const goal = this.parentGoal(node);
    return goal && this.approvals.effectiveGoal(this.edits.goal(goal));
  }

  /**
   * What `E` does on a row: edit a goal or key result before approval, or
   * adjust an approved goal (the owner's managers and HR). `undefined`: the
   * person has nothing to do with the goal, so the action is not offered.
   */
  private editAction(row: TreeRow): { kind: 'edit-goal' | 'adjust' | 'edit-key-result'; allowed: boolean; reason?: string } | undefined {
    const person = this.session?.person;
    const directory = this.view?.data.directory;
    const goal = this.rowGoal(row) ?? this.keyResultGoal(row);
    if (!person || !directory || !goal) return undefined;
    const outcome = (kind: 'edit-goal' | 'adjust' | 'edit-key-result', decision: Decision) =>
      decision.allowed ? { kind, allowed: true } : RELATIONAL_REFUSALS.has(decision.reason.key) ? undefined : { kind, allowed: false, reason: translateMessage(this.activeLocale, decision.reason) };
    if (goal.status === 'approved') {
      const adjust = canAdjustGoal(person, goal, directory);
      // The owner is told who adjusts; people with no part in the goal are not offered it.
      return adjust.allowed || person.id === goal.ownerId ? outcome('adjust', adjust) : undefined;
    }
    if (row.node?.kind === 'keyResult') return outcome('edit-key-result', canEditKeyResults(person, goal, directory));
    return outcome('edit-goal', canEditGoal(person, goal, directory));
  }

  private runEdit(row: TreeRow): void {
    const action = this.editAction(row);
    const node = row.node;
    const goal = this.rowGoal(row) ?? this.keyResultGoal(row);
    if (!action?.allowed || !node || !goal) return;
    this.focusKey = row.key;
    if (action.kind === 'adjust') this.withFlow(this.adjustFlow(), (flow) => flow.openAdjust(row.key, goal));
    else if (action.kind === 'edit-goal') this.withFlow(this.formFlow(), (flow) => flow.openEditGoal(row.key, goal));
    else if (node.kind === 'keyResult') this.withFlow(this.formFlow(), (flow) => flow.openEditKeyResult(row.key, goal, node.keyResult));
  }

  /** Everything the person may do on a row, for its menu; actions refused by the goal's state show with the reason. */
  private menuItems(row: TreeRow): RowMenuItem[] {
    const { t } = this;
    const person = this.session?.person;
    const directory = this.view?.data.directory;
    const node = row.node;
    const goal = this.rowGoal(row) ?? this.keyResultGoal(row);
    if (!person || !directory || !node || !goal) return [];
    const items: RowMenuItem[] = [];
    const reasonOf = (decision: Decision) => (decision.allowed ? undefined : translateMessage(this.activeLocale, decision.reason));
    if (node.kind === 'keyResult' && this.mayCheckIn(row)) {
      items.push({ id: 'check-in', label: t('goalTree.checkIn.action'), shortcut: 'C', run: () => this.openCheckIn(row) });
    }
    const edit = this.editAction(row);
    if (edit) {
      const label = edit.kind === 'adjust' ? t('goalTree.menu.adjust') : edit.kind === 'edit-goal' ? t('goalTree.menu.editGoal') : t('goalTree.menu.editKeyResult');
      items.push({ id: edit.kind, label, shortcut: 'E', ...(edit.reason ? { disabledReason: edit.reason } : {}), run: () => this.runEdit(row) });
    }
    if (node.kind === 'goal') {
      if (goal.status !== 'archived') {
        items.push({ id: 'add-goal', label: t('goalTree.menu.addGoal'), run: () => ((this.focusKey = row.key), this.withFlow(this.formFlow(), (flow) => flow.openCreateGoal(row.key, goal))) });
      }
      const addKeyResult = canEditKeyResults(person, goal, directory);
      if (addKeyResult.allowed || !RELATIONAL_REFUSALS.has(addKeyResult.reason.key)) {
        const reason = reasonOf(addKeyResult);
        items.push({
          id: 'add-key-result',
          label: t('goalTree.menu.addKeyResult'),
          ...(reason ? { disabledReason: reason } : {}),
          run: () => ((this.focusKey = row.key), this.withFlow(this.formFlow(), (flow) => flow.openCreateKeyResult(row.key, goal))),
        });
      }
      if (this.approvals.maySubmit(goal)) items.push({ id: 'submit', label: t('goalTree.approval.submit'), shortcut: 'S', run: () => void this.approvals.submit(goal) });
      if (this.approvals.mayDecide(goal)) {
        items.push({ id: 'decide', label: t('goalTree.approval.decide'), shortcut: 'A', run: () => this.openDecision(row, goal) });
      }
    }
    items.push({ id: 'history', label: t('goalTree.menu.history'), run: () => ((this.focusKey = row.key), this.withFlow(this.adjustFlow(), (flow) => flow.openHistory(row.key, goal))) });
    return items;
  }

  /** Opens a dialog once its flow has loaded; if it cannot load (offline), says so above the tree. */
  private withFlow<F>(loading: Promise<F>, open: (flow: F) => void): void {
    loading.then(
      (flow) => {
        this.flowFailed = false;
        open(flow);
      },
      () => (this.flowFailed = true),
    );
  }

  private async formFlow(): Promise<GoalFormFlow> {
    if (!this.forms) {
      const { GoalFormFlow } = await import('./goal-form-flow.js');
      this.forms ??= new GoalFormFlow(this, this.access, this.edits);
    }
    return this.forms;
  }

  private async adjustFlow(): Promise<AdjustFlow> {
    if (!this.adjustments) {
      const { AdjustFlow } = await import('./adjust-flow.js');
      this.adjustments ??= new AdjustFlow(this, this.access, this.edits);
    }
    return this.adjustments;
  }

  private openMenu(row: TreeRow, anchor: HTMLElement | null): void {
    this.focusKey = row.key;
    this.menu.open(row.key, this.t('goalTree.menu.label', { title: this.titleOf(row) }), this.menuItems(row), anchor);
  }

  /** Whether the search is the only filter at work: then it alone is what matched nothing. */
  private searchOnly(): boolean {
    return this.searchText.trim() !== '' && !this.statusFilter && !this.levelFilter && !this.ownerFilter.trim() && !this.atRiskOnly;
  }

  /** Clears every filter. Its button goes with them: focus goes to the search field, where finding starts again, not to the page. */
  private clearFilters(): void {
    this.searchText = '';
    this.statusFilter = '';
    this.levelFilter = '';
    this.ownerFilter = '';
    this.atRiskOnly = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus());
  }

  // ── Render ────────────────────────────────────────────────────────────────

  protected override render() {
    return html`${this.renderTreeTask()}<div class="visually-hidden" role="status">${this.announcer.textIn(this.activeLocale)}</div>${this.checkIns.render()}${this.approvals.renderDialog()}${this.forms?.render() ?? nothing}${this.adjustments?.render() ?? nothing}${this.menu.render()}`;
  }

  private renderTreeTask() {
    return this.treeTask.render({
      initial: () => renderLoading(this.t),
      // A reload keeps the tree (and focus) in place; a first load, or one for another root or cycle, shows the loading state.
      // Not when someone else signed in either: the goals were read with the previous person's rights.
      pending: () => (this.view && this.showsAsked(this.view) ? this.renderTree(this.view) : renderLoading(this.t)),
      error: (error) =>
        error instanceof BadRootError
          ? html`<div class="state" data-state="error" part="state" role="alert">${this.t('goalTree.badRoot', { root: error.root })}</div>`
          : renderError(error, this.t, this.activeLocale, () => void this.treeTask.run()),
      complete: (data) => (data && this.view ? this.renderTree(this.view) : renderLoading(this.t)),
    });
  }

  /** Whether a view is of what is asked now: the same root and cycle, read for the person signed in. */
  private showsAsked(view: TreeView): boolean {
    return this.viewFor === this.session?.person.id && view.askedFor.root === this.root && view.askedFor.cycle === this.cycle;
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
      <div class="summary">
        <span class="summary-status" role="status">${this.renderSummary()}</span>${this.filtering
          ? html`<button type="button" class="button" @click=${this.clearFilters}>${t('goalTree.clearFilters')}</button>`
          : nothing}
      </div>
      ${this.renderFiguresFailure()} ${this.renderFlowFailure()} ${this.approvals.renderBar()}
      <div class="scroll">
        ${this.rowCount > 0
          ? this.renderRows(label)
          : this.atRiskOnly && !this.figures
            ? renderEmpty(t('goalTree.figuresPending'))
            : renderEmpty(this.searchOnly() ? t('goalTree.noMatch', { query: this.searchText.trim() }) : t('goalTree.noMatchFilters'))}
      </div>
    `;
  }

  private renderFlowFailure() {
    if (!this.flowFailed) return nothing;
    return html`<div class="figures-failed" part="state" role="alert">
      <span>${this.t('goalTree.actionFailed')}</span>
      <button type="button" class="button" @click=${() => (this.flowFailed = false)}>${this.t('goalTree.dismiss')}</button>
    </div>`;
  }

  /** The rows stay usable when their figures fail; the failure is said once, above them, with a retry. */
  private renderFiguresFailure() {
    if (this.figuresTask.status !== TaskStatus.ERROR) return nothing;
    const error = this.figuresTask.error;
    const reason = isTandemError(error) ? error.localizedMessage(this.activeLocale) : this.t('state.error');
    return html`<div class="figures-failed" part="state" role="alert">
      <span>${this.t('goalTree.figuresFailed', { reason })}</span>
      <button type="button" class="button" @click=${() => void this.figuresTask.run()}>${this.t('action.retry')}</button>
    </div>`;
  }

  /** The rows on screen, in a list as tall as all of them (see VirtualRowsController). */
  private renderRows(label: string) {
    const count = this.rowCount;
    const { first, end, before, total } = this.virtualRows.window(count);
    const rows: TreeRow[] = [];
    for (let index = first; index < end; index += 1) rows.push(this.rowAt(index)!);
    const tabStop = this.tabStopKey(rows);
    return html`<div
      part="tree"
      role="tree"
      class="rows"
      aria-label=${label}
      ${styleProperties({ height: `calc(var(--_row-height) * ${total})`, 'padding-top': `calc(var(--_row-height) * ${before})` })}
      ${ref(this.attachRows)}
      @keydown=${this.onKeyDown}
      @click=${this.onClick}
      @focusin=${this.onFocusIn}
    >
      ${repeat(
        rows,
        (row) => row.key,
        (row) => this.renderRow(row, row.key === tabStop),
      )}
    </div>`;
  }

  private readonly attachRows = (element: Element | undefined): void => this.virtualRows.attach(element);

  private renderSummary() {
    // Figures can take seconds for a large company read from a store: say what the pulsing bars mean (the at-risk filter's empty state says it already).
    const pending =
      !this.figures && !this.atRiskOnly && this.figuresTask.status === TaskStatus.PENDING
        ? html`<span class="figures-pending">${this.t('goalTree.figuresPending')}</span>`
        : nothing;
    if (!this.filtering) return pending;
    const count = this.matchCount;
    // Clear filters sits outside this live region, so only the count is said.
    return html`${pending}<span>${this.t('goalTree.matches', { count, formatted: this.format.number(count, 0) })}</span>`;
  }

  private renderToolbar(view: TreeView) {
    const { t } = this;
    // Suggestions only: a company-wide tree has thousands of owners, which a list of options would put in the DOM.
    // Named and sorted once the field is first used: thousands of names are not worth sorting before the rows show.
    const ownerText = this.ownerFilter.trim();
    const named = this.ownerSuggestions ? this.ownerNames(view) : [];
    const owners = (ownerText ? named.filter((owner) => owner.names.some((name) => matchesQuery(name, ownerText))) : named).slice(0, OWNER_SUGGESTIONS);
    const selectValue = (event: Event) => (event.target as HTMLSelectElement).value;
    return html`<div class="toolbar panel-head" part="toolbar" role="search" aria-label=${t('goalTree.filters')}>
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
        <input
          id="owner"
          type="search"
          autocomplete="off"
          list="owner-names"
          placeholder=${t('goalTree.anyOwner')}
          .value=${this.ownerFilter}
          @focus=${() => (this.ownerSuggestions = true)}
          @input=${(event: Event) => (this.ownerFilter = (event.target as HTMLInputElement).value)}
        />
        <datalist id="owner-names">
          ${owners.map((owner) => html`<option value=${owner.label}></option>`)}
        </datalist>
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
  private tabStopKey(rendered: readonly TreeRow[]): NodeKey | undefined {
    const focused = this.focusKey === null ? undefined : rendered.find((row) => row.key === this.focusKey);
    return (focused ?? rendered[0])?.key;
  }

  private renderRow(row: TreeRow, tabStop: boolean): TemplateResult {
    const node = row.node;
    const kind = row.group ? 'strategy' : node!.kind;
    const mayCheckIn = this.mayCheckIn(row);
    const goal = this.rowGoal(row);
    const maySubmit = goal !== undefined && this.approvals.maySubmit(goal);
    const mayDecide = goal !== undefined && this.approvals.mayDecide(goal);
    const mayEdit = node !== undefined && this.editAction(row)?.allowed === true;
    const shortcuts = [mayCheckIn ? 'C' : '', mayEdit ? 'E' : '', maySubmit ? 'S' : '', mayDecide ? 'A X' : '', node ? 'Shift+F10' : '']
      .filter(Boolean)
      .join(' ');
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
      aria-checked=${mayDecide ? String(this.approvals.isMarked(goal.id)) : nothing}
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
        ${node ? this.renderRowActions(row, goal, maySubmit, mayDecide) : nothing}
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
      ${this.renderProgress(this.pillarProgressOf(group), null)}
      <span class="cell"></span>
      <span class="cell confidence"></span>
      <span class="cell when"></span>`;
  }

  /**
   * A row's buttons: submit and decide on goals, and the menu of everything
   * else. Out of the tab order like the check-in button: the row's keys reach
   * them (Shift+F10 opens the menu).
   */
  private renderRowActions(row: TreeRow, goal: Goal | undefined, maySubmit: boolean, mayDecide: boolean) {
    const { t } = this;
    return html`<span class="row-actions">
      ${goal && maySubmit
        ? html`<button type="button" class="button row-action" data-action="submit" tabindex="-1">${t('goalTree.approval.submit')}</button>`
        : nothing}
      ${goal && mayDecide
        ? html`<span class="mark" data-action="mark" ?data-marked=${this.approvals.isMarked(goal.id)} aria-hidden="true" title=${t('goalTree.approval.mark', { title: goal.title })}></span>
            <button type="button" class="button row-action" data-action="decide" tabindex="-1">${t('goalTree.approval.decide')}</button>`
        : nothing}
      <button
        type="button"
        class="button row-action menu-button"
        data-action="menu"
        tabindex="-1"
        aria-haspopup="menu"
        aria-label=${t('goalTree.menu.label', { title: this.titleOf(row) })}
        title=${t('goalTree.menu.label', { title: this.titleOf(row) })}
      >
        <span aria-hidden="true">⋯</span>
      </button>
    </span>`;
  }

  private renderGoalCells(stored: Goal) {
    const { t, format } = this;
    const goal = this.approvals.effectiveGoal(this.edits.goal(stored));
    const data = this.view!.data;
    const owner = data.people.get(goal.ownerId);
    const figures = this.figures;
    const known = figures?.progress.has(goal.id) === true;
    const pace = figures?.pace.get(goal.id) ?? null;
    const confidence = figures?.confidence.get(goal.id) ?? null;
    const lastCheckIn = figures?.lastCheckInAt.get(goal.id);
    return html`<span class="cell owner">
        ${owner ? renderPersonLabel(owner, this.activeLocale, { compact: true }) : nothing}
      </span>
      <span class="cell state-cell"><span class="badge status" data-status=${goal.status}>${t(`goalStatus.${goal.status}`)}</span></span>
      ${this.renderProgress(known ? (figures!.progress.get(goal.id) ?? 0) : undefined, pace)} ${this.renderPace(pace)}
      <span class="cell confidence">${confidence === null ? nothing : t('goalTree.confidence', { value: format.percent(confidence) })}</span>
      <span class="cell when" title=${known && lastCheckIn ? format.dateTime(lastCheckIn) : nothing}>
        ${!known
          ? nothing
          : lastCheckIn
            ? // The short form ("53 min. ago") fits the column where the long one was cut off; the title has the moment.
              t('goalTree.checkedIn', { ago: format.relativeTime(lastCheckIn, this.now, 'short') })
            : t('goalTree.noCheckIns')}
      </span>`;
  }

  private renderKeyResultCells(stored: KeyResult, mayCheckIn: boolean) {
    const { t, format } = this;
    const pace = this.figures?.keyResultPace.get(stored.id) ?? null;
    const pending = this.checkIns.pending(stored.id);
    const edited = this.edits.keyResult(stored);
    const keyResult = pending ? { ...edited, current: pending.value } : edited;
    // An edit or check-in on its way moves the bar at once.
    const progress = keyResultProgress(keyResult);
    const confidence = pending ? pending.confidence : keyResult.lastCheckIn?.confidence;
    return html`<span class="cell owner">
        ${mayCheckIn
          ? html`<button type="button" class="button row-action check-in" data-action="check-in" tabindex="-1">${t('goalTree.checkIn.action')}</button>`
          : nothing}
      </span>
      <span class="cell state-cell value">${formatKeyResultValue(keyResult, this.access)}</span>
      ${this.renderProgress(progress, pace)} ${this.renderPace(pace)}
      <span class="cell confidence">${confidence === undefined ? nothing : t('goalTree.confidence', { value: format.percent(confidence) })}</span>
      <span class="cell when">${t('goalTree.due', { date: format.date(keyResult.due) })}</span>`;
  }

  /** `undefined`: not worked out yet; `null`: nothing to show. */
  private renderProgress(progress: number | null | undefined, pace: PaceStatus | null) {
    if (progress === null) return html`<span class="cell progress"></span>`;
    if (progress === undefined) {
      return html`<span class="cell progress" data-pending>
        <span class="bar" aria-hidden="true"></span>
        <span class="visually-hidden">${this.t('goalTree.progress')} ${this.t('goalTree.calculating')}</span>
      </span>`;
    }
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

}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-goal-tree': TandemGoalTree;
  }
}
