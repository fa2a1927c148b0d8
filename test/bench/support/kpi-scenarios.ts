/**
 * The KPI scorecard's benchmark scenarios (issue 6 item 9): first render of
 * 5,000 KPIs, and a sort by a column header, `<tandem-kpi-scorecard>`
 * (virtualized ARIA grid) against `<bench-kpi-render-all-table>` (every row
 * in a plain table; kpi-render-all-table.ts), both reading the same
 * fixture (kpi-fixture.ts) through the same in-memory adapter
 * (kpi-memory-adapter.ts), built in `prepare`, before the clock.
 */
import { defineScenario, type BenchData, type BrowserScenario, type MetricDefinition, type SampleContext } from '../harness/scenario.js';
import { TandemKpiScorecard } from '../../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { afterNextPaint, countNodes, listFingerprint, whenDom } from './frames.js';
import { makeKpiFixture, type KpiFixture } from './kpi-fixture.js';
import { kpiMemoryAdapter } from './kpi-memory-adapter.js';
import { BenchKpiRenderAllTable } from './kpi-render-all-table.js';
import type { AdapterStats } from './memory-adapter.js';
import { served } from './served.js';

type Kind = 'candidate' | 'baseline';
type Card = TandemKpiScorecard | BenchKpiRenderAllTable;

interface Prepared {
  fixture: KpiFixture;
  adapter: ReturnType<typeof kpiMemoryAdapter>['adapter'];
  stats: AdapterStats;
  host: HTMLElement;
  /** The KPI first by name (then id), what row 1 shows after the sort. */
  firstByName: string;
}

function prepare(data: BenchData): Prepared {
  const fixture = served(makeKpiFixture(), data);
  const { adapter, stats } = kpiMemoryAdapter(fixture);
  const collator = new Intl.Collator('en');
  const first = [...fixture.kpis].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
  const host = document.createElement('div');
  // Wide enough for every column, so the widget's column fitting drops none (and both variants show the same columns).
  host.style.width = '1500px';
  document.body.append(host);
  return { fixture, adapter, stats, host, firstByName: first.id };
}

function mount(kind: Kind, prepared: Prepared): Card {
  const { fixture, adapter, host } = prepared;
  let card: Card;
  if (kind === 'candidate') {
    const element = new TandemKpiScorecard();
    element.locale = 'en';
    element.scope = 'team';
    element.now = fixture.now;
    element.adapter = adapter;
    card = element;
  } else {
    BenchKpiRenderAllTable.define();
    const element = new BenchKpiRenderAllTable();
    element.locale = 'en';
    element.scope = 'team';
    element.now = fixture.now;
    element.source = adapter;
    card = element;
  }
  host.append(card);
  return card;
}

const rowSelector = '[role="row"][data-kpi]';

/**
 * Long tasks inside the clock alone. The runner counts those overlapping the
 * whole of `run`, which here includes the check (`toCsv()` of 5,000 rows, one
 * long task of its own) and counting nodes, after the clock has stopped.
 */
const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });

async function longTasksBetween(start: number, end: number): Promise<{ longTasksClock: number; longTasksClockMs: number }> {
  // A long task is reported after it ends, on a later task.
  await new Promise((resolve) => setTimeout(resolve, 50));
  longTasks.push(...longTaskObserver.takeRecords());
  const inside = longTasks.filter((task) => task.startTime < end && task.startTime + task.duration > start);
  return { longTasksClock: inside.length, longTasksClockMs: inside.reduce((sum, task) => sum + task.duration, 0) };
}

async function firstRowsPainted(card: Card): Promise<void> {
  const root = card.shadowRoot!;
  await whenDom(root, () => root.querySelector(rowSelector) !== null, 'the first KPI row');
  await afterNextPaint();
}

function csvShape(card: Card): string {
  const csv = card.toCsv();
  const lines = csv.split(/\r?\n/).filter((line) => line !== '');
  return `${lines.length - 1} rows, csv ${listFingerprint(lines)}`;
}

const METRICS: Record<string, MetricDefinition> = {
  rowsInDom: { label: 'rows in the DOM at the painted frame', unit: 'count' },
  filledMs: { label: 'every cell on screen, trend charts and forecasts included (they follow the rows by a frame)', unit: 'ms' },
  longTasksClock: { label: 'long tasks > 50 ms inside the clock (count)', unit: 'count' },
  longTasksClockMs: { label: 'long tasks inside the clock (total)', unit: 'ms' },
  nodesWidget: { label: "nodes in the element's shadow tree (counted in page)", unit: 'count' },
  adapterMs: { label: 'time inside the adapter', unit: 'ms' },
  loadMs: { label: 'baseline: getSession + loadKpiScorecard', unit: 'ms' },
  assessMs: { label: 'baseline: assessKpi ×5,000 + first order', unit: 'ms' },
};

const DESCRIPTION_DATA =
  'A director\'s team scope: 1,000 reports (20 leads × 49), five KPIs each = 5,000 KPIs of the active cycle with 4–12 measurements each ' +
  '(a sparkline per row), 40 % from key results, 30 % job profiles, 30 % manual; served from memory by an adapter whose answers are ready. ' +
  'Candidate: <tandem-kpi-scorecard scope="team"> (virtualized ARIA grid). Baseline: the same load and assessment, every row in a plain ' +
  '<table> by lit repeat(), cells from the widget\'s renderKpiCell under its stylesheet.';

export function kpiRenderScenario(options: { samples: number; warmup?: number }): BrowserScenario<null, Prepared, Prepared> {
  const variant = (kind: Kind, label: string) => ({
    label,
    prepare: async (context: SampleContext<null>) => prepare(context.data),
    async run(_context: unknown, prepared: Prepared) {
      const start = performance.mark('kpi:start').startTime;
      const card = mount(kind, prepared);
      await firstRowsPainted(card);
      const painted = performance.mark('kpi:painted').startTime;
      const root = card.shadowRoot!;
      const rowsInDom = root.querySelectorAll(rowSelector).length;
      // The widget paints its trend charts and forecasts a frame after the rows: until they are on screen too.
      await whenDom(root, () => root.querySelector(`${rowSelector} [data-column="trend"] svg`) !== null, 'the trend charts');
      await afterNextPaint();
      const filled = performance.now();
      const clockTasks = await longTasksBetween(start, painted);
      const nodesWidget = (await countNodes(root)) - 1;
      return {
        timeMs: painted - start,
        check: csvShape(card),
        metrics: {
          rowsInDom,
          filledMs: filled - start,
          ...clockTasks,
          nodesWidget,
          adapterMs: prepared.stats.ms,
          ...(card instanceof BenchKpiRenderAllTable ? card.phases : {}),
        },
      };
    },
    async cleanup(_context: unknown, prepared: Prepared) {
      prepared.host.remove();
    },
  });
  return defineScenario<null, Prepared, Prepared>({
    title: 'KPI scorecard: first render of 5,000 KPIs',
    description: `${DESCRIPTION_DATA} Time from creating and connecting the element (data ready, nothing loaded) to the first painted frame with KPI rows (rAF + posted message).`,
    samples: options.samples,
    warmup: options.warmup ?? 1,
    timeoutMs: 120_000,
    show: ['longtasks', 'dom-nodes', 'heap'],
    metrics: METRICS,
    candidate: variant('candidate', '<tandem-kpi-scorecard> (virtualized)'),
    baseline: variant('baseline', 'every row, plain <table>'),
  });
}

interface SortState extends Prepared {
  card: Card;
}

export function kpiSortScenario(options: { samples: number; warmup?: number }): BrowserScenario<null, SortState, SortState> {
  const variant = (kind: Kind, label: string) => ({
    label,
    async prepare(context: SampleContext<null>): Promise<SortState> {
      const prepared = prepare(context.data);
      const card = mount(kind, prepared);
      await firstRowsPainted(card);
      for (let frame = 0; frame < 5; frame += 1) await afterNextPaint();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ...prepared, card };
    },
    async run(_context: unknown, state: SortState) {
      const root = state.card.shadowRoot!;
      const button = root.querySelector<HTMLElement>('[role="columnheader"][data-column="name"] button.sort');
      if (!button) throw new Error('No sort button on the name column.');
      const firstRow = `${rowSelector}[aria-rowindex="2"]`;
      const before = root.querySelector(firstRow)?.getAttribute('data-kpi');
      if (before === state.firstByName) throw new Error('Row 1 is already the first by name: the sort would not show.');
      const start = performance.mark('kpi:sort').startTime;
      button.click();
      await whenDom(
        root,
        () =>
          root.querySelector('[role="columnheader"][data-column="name"]')?.getAttribute('aria-sort') === 'ascending' &&
          root.querySelector(firstRow)?.getAttribute('data-kpi') === state.firstByName,
        'the rows sorted by name',
      );
      await afterNextPaint();
      const painted = performance.mark('kpi:sorted').startTime;
      const clockTasks = await longTasksBetween(start, painted);
      return {
        timeMs: painted - start,
        check: csvShape(state.card),
        metrics: { rowsInDom: root.querySelectorAll(rowSelector).length, ...clockTasks },
      };
    },
    async cleanup(_context: unknown, state: SortState) {
      state.host.remove();
    },
  });
  return defineScenario<null, SortState, SortState>({
    title: 'KPI scorecard: sort 5,000 KPIs by name (header click)',
    description: `${DESCRIPTION_DATA} Rendered and settled before the clock (owner by owner, heaviest first). Timed: click() on the Name column header's sort button, to the first painted frame where the header says aria-sort="ascending" and row 1 (aria-rowindex 2) is the KPI first by name.`,
    samples: options.samples,
    warmup: options.warmup ?? 1,
    timeoutMs: 120_000,
    show: ['longtasks', 'dom-nodes', 'heap'],
    metrics: { rowsInDom: METRICS['rowsInDom']!, longTasksClock: METRICS['longTasksClock']!, longTasksClockMs: METRICS['longTasksClockMs']! },
    candidate: variant('candidate', '<tandem-kpi-scorecard> (virtualized)'),
    baseline: variant('baseline', 'every row, plain <table>'),
  });
}
