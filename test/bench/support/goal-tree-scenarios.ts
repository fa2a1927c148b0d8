/**
 * The goal tree's benchmark scenarios, built for a goal count:
 * `goal-tree-render` (10,000 goals), `goal-tree-render-50k` and
 * `goal-tree-toggle` are each a line calling one of these.
 *
 * Candidate: `<tandem-goal-tree>` (as `<bench-goal-tree>`, which only opens
 * more rows on load; see bench-goal-tree.ts). Baseline:
 * `<bench-render-all-tree>`, the same data path and rows with every visible
 * row in the DOM (see render-all-tree.ts). Both read through the same
 * in-memory adapter (memory-adapter.ts) from the same generated company
 * (goal-tree-fixture.ts), built in `prepare`, before the clock.
 */
import { goalNodeKey, strategyNodeKey, UNLINKED_GROUP_KEY, type NodeKey } from '../../../src/model/goal-tree.js';
import { defineScenario, type BenchData, type BrowserScenario, type MetricDefinition, type SampleContext } from '../harness/scenario.js';
import { BenchGoalTree, type RowShape } from './bench-goal-tree.js';
import { afterNextPaint, countNodes, lastChildListChange, listFingerprint, whenDom } from './frames.js';
import { makeGoalTreeFixture, type GoalTreeFixture } from './goal-tree-fixture.js';
import { memoryAdapter, type AdapterStats } from './memory-adapter.js';
import { BenchRenderAllTree } from './render-all-tree.js';
import { served } from './served.js';

type TreeElement = BenchGoalTree | BenchRenderAllTree;

interface Prepared {
  fixture: GoalTreeFixture;
  adapter: ReturnType<typeof memoryAdapter>['adapter'];
  stats: AdapterStats;
  /** Rows open on load, beside the pillars. */
  open: ReadonlySet<NodeKey>;
  host: HTMLElement;
}

function prepare(goalCount: number, openDepartmentSubtree: boolean, data: BenchData): Prepared {
  const fixture = served(makeGoalTreeFixture(goalCount), data);
  const { adapter, stats } = memoryAdapter(fixture);
  const open = new Set<NodeKey>(fixture.parentGoalIds.map(goalNodeKey));
  if (openDepartmentSubtree) for (const id of fixture.departmentChildIds) open.add(goalNodeKey(id));
  const host = document.createElement('div');
  document.body.append(host);
  return { fixture, adapter, stats, open, host };
}

/**
 * Creates the tree with its data ready and connects it: the moment "setting the data" happens.
 * (`new`, not `createElement`: package.json marks only src/ as having side effects, so a module
 * whose class is never used as a value would be dropped from the bundle, its `define` with it.)
 */
function mount(kind: 'candidate' | 'baseline', prepared: Prepared): TreeElement {
  const { fixture, adapter, open, host } = prepared;
  let tree: TreeElement;
  if (kind === 'candidate') {
    const element = new BenchGoalTree();
    element.locale = 'en';
    element.now = fixture.now;
    // In place of what the tree opens on its own for a cycle: its pillars (as the baseline opens them).
    element.openRows = [...fixture.strategies.map((strategy) => strategyNodeKey(strategy.id)), UNLINKED_GROUP_KEY, ...open];
    element.adapter = adapter;
    tree = element;
  } else {
    const element = new BenchRenderAllTree();
    element.now = fixture.now;
    element.sessionPersonId = fixture.session.person.id;
    element.openOnLoad = open;
    element.adapter = adapter;
    tree = element;
  }
  host.append(tree);
  return tree;
}

const rowSelector = '[role="treeitem"]';
/** A figure a row shows as still being worked out. */
const FIGURE_PENDING = '[role="treeitem"] [data-pending]';
const rowKeySelector = (key: NodeKey) => `[data-key="${CSS.escape(key)}"]`;

function shape(rows: readonly RowShape[]): string {
  return `${rows.length} rows, ${listFingerprint(rows.map((row) => `${row.key}|${row.level}|${row.posInSet}/${row.setSize}|${row.expanded ? 1 : 0}`))}`;
}

/** Rows on screen: resolves after the first painted frame with a row in the DOM. */
async function firstRowsPainted(tree: TreeElement): Promise<void> {
  const root = tree.shadowRoot!;
  await whenDom(root, () => root.querySelector(rowSelector) !== null, 'the first row');
  await afterNextPaint();
}

const RENDER_METRICS: Record<string, MetricDefinition> = {
  rows: { label: 'rows in the tree (visible, in the DOM or not)', unit: 'count' },
  rowsInDom: { label: 'rows in the DOM at the painted frame', unit: 'count' },
  nodesWidget: { label: "nodes in the element's shadow tree (counted in page)", unit: 'count' },
  nodesRows: { label: 'of which in the rows (role=tree)', unit: 'count' },
  settledMs: { label: 'last row added or removed (watched 300 ms after)', unit: 'ms' },
  figuresMs: { label: 'every figure on screen (no progress pending), from the start', unit: 'ms' },
  loads: { label: 'loads started (listCycles calls)', unit: 'count' },
  loadsRead: { label: 'loads that read check-ins (then derive every figure)', unit: 'count' },
  adapterMs: { label: 'time inside the adapter', unit: 'ms' },
  loadMs: { label: 'of which loadGoalTree (reads + derived figures)', unit: 'ms' },
  forestMs: { label: 'of which buildGoalForest + groupByPillar', unit: 'ms' },
  flattenMs: { label: 'of which flattenPillarGroups', unit: 'ms' },
};

/**
 * First render: from creating and connecting the element, with its data
 * ready in memory, to the first painted frame that shows rows. The clock is
 * read inside `run` (creating the element is its first step), so the check
 * (a fingerprint of every row) is computed after it stops.
 */
export function goalTreeRenderScenario(
  goalCount: number,
  options: { samples: number; warmup?: number; timeoutMs: number; timeLimitMs?: number },
): BrowserScenario<null, Prepared, Prepared> {
  const count = goalCount.toLocaleString('en');
  const variant = (kind: 'candidate' | 'baseline', label: string) => ({
    label,
    prepare: async (context: SampleContext<null>) => prepare(goalCount, false, context.data),
    async run(_context: unknown, prepared: Prepared) {
      // Marks for a performance trace of the sample (what the timed interval is).
      const start = performance.mark('goal-tree:start').startTime;
      const tree = mount(kind, prepared);
      await firstRowsPainted(tree);
      const painted = performance.mark('goal-tree:painted').startTime;
      const root = tree.shadowRoot!;
      const rowsInDom = root.querySelectorAll(rowSelector).length;
      // After the clock: does the tree keep changing its rows (the window filling the viewport, a second load)?
      const lastChange = await lastChildListChange(root, 300);
      // The widget paints rows first and works out progress, pace and confidence after that frame: when is it all there?
      await whenDom(root, () => root.querySelector(FIGURE_PENDING) === null, 'every figure', 60_000);
      const figuresDone = performance.now();
      // Where the DOM nodes are: the rows, or the rest of the widget (toolbar, filters).
      const nodesWidget = (await countNodes(root)) - 1;
      const nodesRows = await countNodes(root.querySelector('[role="tree"]')!);
      return {
        timeMs: painted - start,
        check: shape(tree.allRows),
        metrics: {
          rows: tree.allRows.length,
          rowsInDom,
          nodesWidget,
          nodesRows,
          settledMs: (lastChange ?? painted) - start,
          figuresMs: Math.max(painted, figuresDone) - start,
          loads: prepared.stats.calls['listCycles'] ?? 0,
          loadsRead: prepared.stats.calls['listCheckIns'] ?? 0,
          adapterMs: prepared.stats.ms,
          ...(tree instanceof BenchRenderAllTree ? tree.phases : {}),
        },
      };
    },
    async cleanup(_context: unknown, prepared: Prepared) {
      prepared.host.remove();
    },
  });
  return defineScenario<null, Prepared, Prepared>({
    title: `Goal tree: first render of ${count} goals, every goal visible`,
    description:
      `A generated company of ${count} goals (5 pillars, 12 company goals, department goals, individual goals; ~3 key results a goal, ` +
      'check-ins) served from memory by an adapter whose answers are ready. Every goal with child goals is open, so every goal is a row ' +
      '(individual goals closed on their key results). Time from creating and connecting the element to the first painted frame with rows ' +
      '(rows in the DOM, then the frame after: rAF + a posted message, so layout and paint are in). ' +
      'Candidate: <tandem-goal-tree> (virtualized). Baseline: the same load, forest and flattened rows with every row rendered by lit repeat().',
    samples: options.samples,
    warmup: options.warmup ?? 1,
    timeoutMs: options.timeoutMs,
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    show: ['longtasks', 'dom-nodes', 'heap'],
    metrics: RENDER_METRICS,
    candidate: variant('candidate', '<tandem-goal-tree> (virtualized)'),
    baseline: variant('baseline', 'every row, lit repeat()'),
  });
}

interface ToggleState extends Prepared {
  tree: TreeElement;
  departmentKey: NodeKey;
  /** The department's first child row (its first key result): gone when it is closed, back when it opens. */
  firstChildKey: NodeKey;
  rowsOpen: number;
}

const TOGGLE_METRICS: Record<string, MetricDefinition> = {
  collapseMs: { label: 'collapse the department, to the painted frame', unit: 'ms' },
  expandMs: { label: 'expand it again, to the painted frame', unit: 'ms' },
  rowsHidden: { label: 'rows the department hides', unit: 'count' },
  rowsInDom: { label: 'rows in the DOM', unit: 'count' },
  emptyFrameMs: { label: 'a painted frame with nothing to do, waited for the same way (the floor)', unit: 'ms' },
};

/**
 * Lets the page go idle: a few painted frames, then 200 ms without one. A
 * click measured one frame after another waits out the frame interval
 * (~15 ms for a click that changes nothing, measured in Chromium here)
 * before its own frame; from idle, the next frame starts as soon as asked.
 */
async function settle(): Promise<void> {
  for (let frame = 0; frame < 5; frame += 1) await afterNextPaint();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Clicks a row's twisty and resolves after the first painted frame where `done()` holds. */
async function toggle(state: ToggleState, done: (root: ShadowRoot) => boolean, what: string): Promise<void> {
  const root = state.tree.shadowRoot!;
  const row = root.querySelector<HTMLElement>(rowKeySelector(state.departmentKey));
  const twisty = row?.querySelector<HTMLElement>('.twisty');
  if (!twisty) throw new Error(`The department row ${state.departmentKey} is not in the DOM.`);
  twisty.click();
  await whenDom(root, () => done(root), what);
  await afterNextPaint();
}

/**
 * Expand/collapse of a department goal at `goalCount` goals: the tree shows
 * every goal, and the department's whole subtree (its individual goals open
 * on their key results); the department row is scrolled into view. Timed:
 * a click on its twisty closes it (to the painted frame without its first
 * child row), and a second click opens it again (to the painted frame with
 * it). The sample's time is the slower of the two; both are reported.
 */
export function goalTreeToggleScenario(goalCount: number, options: { samples: number; timeoutMs: number }): BrowserScenario<null, ToggleState, ToggleState> {
  const count = goalCount.toLocaleString('en');
  const variant = (kind: 'candidate' | 'baseline', label: string) => ({
    label,
    async prepare(context: SampleContext<null>): Promise<ToggleState> {
      const prepared = prepare(goalCount, true, context.data);
      const tree = mount(kind, prepared);
      await firstRowsPainted(tree);
      const departmentKey = goalNodeKey(prepared.fixture.departmentGoalId);
      const rows = tree.allRows;
      const index = rows.findIndex((row) => row.key === departmentKey);
      const next = rows[index + 1];
      if (index === -1 || !next || !rows[index]!.expanded) throw new Error(`The department row ${departmentKey} is not open in the tree.`);
      const root = tree.shadowRoot!;
      if (tree instanceof BenchGoalTree && !(await tree.revealRow(departmentKey))) throw new Error(`The department row ${departmentKey} could not be shown.`);
      root.querySelector(rowKeySelector(departmentKey))?.scrollIntoView({ block: 'center' });
      await whenDom(root, () => root.querySelector(rowKeySelector(next.key)) !== null, 'the department row scrolled into view');
      // Let the figures (worked out in slices after the first paint), scrolling and the virtualizer's measuring finish before the clock.
      await whenDom(root, () => root.querySelector(FIGURE_PENDING) === null, 'every figure');
      await settle();
      return { ...prepared, tree, departmentKey, firstChildKey: next.key, rowsOpen: rows.length };
    },
    async run(_context: unknown, state: ToggleState) {
      const childShown = (root: ShadowRoot) => root.querySelector(rowKeySelector(state.firstChildKey)) !== null;
      const expandedIs = (root: ShadowRoot, value: boolean) =>
        root.querySelector(rowKeySelector(state.departmentKey))?.getAttribute('aria-expanded') === String(value);
      const start = performance.mark('goal-tree:start').startTime;
      await toggle(state, (root) => !childShown(root) && expandedIs(root, false), 'the department to close');
      const closed = performance.mark('goal-tree:closed').startTime;
      // Not timed: reading every row is the check's work, not the toggle's.
      const rowsClosed = state.tree.allRows.length;
      // A person's second click comes on an idle page too, not one frame after the first.
      await settle();
      const reopening = performance.mark('goal-tree:reopen').startTime;
      await toggle(state, (root) => childShown(root) && expandedIs(root, true), 'the department to open');
      const opened = performance.mark('goal-tree:painted').startTime;
      const rows = state.tree.allRows;
      await settle();
      const idle = performance.now();
      await afterNextPaint();
      const emptyFrameMs = performance.now() - idle;
      return {
        timeMs: Math.max(closed - start, opened - reopening),
        check: `${state.rowsOpen} → ${rowsClosed} → ${shape(rows)}`,
        metrics: {
          collapseMs: closed - start,
          expandMs: opened - reopening,
          rowsHidden: state.rowsOpen - rowsClosed,
          rowsInDom: state.tree.shadowRoot!.querySelectorAll(rowSelector).length,
          emptyFrameMs,
        },
      };
    },
    async cleanup(_context: unknown, state: ToggleState) {
      state.host.remove();
    },
  });
  return defineScenario<null, ToggleState, ToggleState>({
    title: `Goal tree: expand/collapse a department at ${count} goals`,
    description:
      `The ${count}-goal company of goal-tree-render, every goal visible, and one department goal (the one with the median number of ` +
      'individual goals) open down to its key results, scrolled into view. Timed: click its twisty to close it, to the painted frame ' +
      'without its rows; once the page is idle again, click again to open it, to the painted frame with them. Time is the slower of the two (both reported). ' +
      'Candidate: <tandem-goal-tree> (virtualized). Baseline: the same tree with every row rendered by lit repeat().',
    samples: options.samples,
    warmup: 1,
    timeoutMs: options.timeoutMs,
    show: ['longtasks', 'dom-nodes', 'heap'],
    metrics: TOGGLE_METRICS,
    candidate: variant('candidate', '<tandem-goal-tree> (virtualized)'),
    baseline: variant('baseline', 'every row, lit repeat()'),
  });
}
