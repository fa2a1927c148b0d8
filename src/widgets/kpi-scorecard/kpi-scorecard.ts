import '../../i18n/messages/kpi-scorecard.js';
import { Announcer } from '../../controllers/announcer.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { TandemElement } from '../../context/tandem-element.js';
import { DataChangeController } from '../../controllers/data-change-controller.js';
import { GridNavigation, type GridCell } from '../../controllers/grid-navigation.js';
import { cssRowHeight, uniformSlots, VirtualRowsController, type RowSlots } from '../../controllers/virtual-rows.js';
import { ForbiddenError } from '../../data/errors.js';
import { styleProperties } from '../../directives/style-properties.js';
import { TandemKpiExportEvent } from '../../events/kpi-export.js';
import { TandemKpiSourceSelectEvent } from '../../events/kpi-source-select.js';
import {
  isPeriodOver,
  assessKpi,
  KPI_STATUS_MESSAGE_KEYS,
  KPI_STATUSES,
  sortKpis,
  weightedKpiScore,
  type AssessedKpi,
  type KpiAssessment,
  type KpiSortKey,
  type KpiStatus,
} from '../../model/kpi.js';
import { displayName } from '../../model/people.js';
import type { Id, Kpi } from '../../model/records.js';
import { validateSiblingWeights } from '../../model/validation.js';
import { controlStyles, stateStyles } from '../../styles/shared.js';
import { renderError, renderLoading } from '../shared/states.js';
import { KpiAddFlow } from './kpi-add-flow.js';
import { KpiAutoFlow } from './kpi-auto-flow.js';
import { COLUMN_MESSAGE_KEYS, COLUMN_SORT_KEYS, columnLayout, fitColumns, parseColumns, type KpiScorecardColumn } from './kpi-columns.js';
import { renderKpiCell, type CellContext, type CellMemo } from './kpi-cells.js';
import { renderKpiDetail } from './kpi-detail.js';
import { KpiEditFlow } from './kpi-edit-flow.js';
import { formatShortDate } from '../shared/kpi-format.js';
import { sourceOf } from './kpi-presenter.js';
import { KpiProfileFlow } from './kpi-profile-flow.js';
import { BadScopeError, isPersonScope, loadKpiScorecard, scopeSlug, type KpiScorecardData } from './kpi-scorecard-data.js';
import { scorecardCsv } from './kpi-scorecard-csv.js';
import { kpiScorecardStyles, ROW_HEIGHT_REM } from './kpi-scorecard.styles.js';
import type { ScorecardAccess } from './scorecard-flow.js';
import { afterNextPaint } from '../shared/frames.js';

/** A row of the grid: a KPI, or the detail panel opened under one. */
interface GridRow {
  readonly key: string;
  readonly kind: 'kpi' | 'detail';
  readonly row: AssessedKpi;
}

/** An assessed KPI and its grid row, made together: a sort or filter lists 5,000 rows without looking each one's up. */
class AssessedRow implements AssessedKpi {
  readonly grid: GridRow;

  constructor(
    readonly kpi: Kpi,
    readonly assessment: KpiAssessment,
  ) {
    this.grid = { key: kpiKey(kpi.id), kind: 'kpi', row: this };
  }
}

/** The header row's key in focus positions. */
const HEADER = 'header';
/** The detail row's one cell. */
const DETAIL = 'detail';

/** Slots (common row heights) a history panel is taken to fill until it is measured. */
const DETAIL_SLOTS_GUESS = 5;

/** How long a reload waits for more change notifications: unnoticeable, and long enough to gather a batch's. */
const RELOAD_DELAY_MS = 80;

const kpiKey = (id: Id) => `kpi:${id}`;
const detailKey = (id: Id) => `detail:${id}`;

/** People named in the group summary's warning about weights; the rest are counted. */
const WEIGHT_WARNINGS_NAMED = 3;

/**
 * A scorecard of KPIs: for one person, the people who report to the
 * signed-in manager, or an org unit. Each row shows the KPI and its category,
 * its owner, where it came from (a key result — linked back to its goal —, a
 * job profile, or set by hand), weight, target, actual, completion, the
 * points it scores, its status from its thresholds (in words as well as
 * colour), a sparkline of its history (said in words to screen readers) and
 * where it will stand at the end of the cycle at its present pace.
 *
 * A WAI-ARIA data grid: sort by any column (click a header, or Enter or
 * Space on it; again to reverse), move between cells with the arrow keys,
 * Home/End (with Ctrl: the first or last cell of the grid), PageUp/PageDown.
 * One cell holds the tab stop. Only the rows in view are in the DOM, so
 * 5,000 KPIs open as fast as 50; rows carry `aria-rowindex` for the rest.
 *
 * Actions follow the permission rules: the owner, their managers and HR
 * record an actual (not on a KPI that follows a key result: its check-ins
 * do), managers and HR change target and weight (a target change keeps its
 * reason in the KPI's history), add KPIs from key results, and apply a job
 * profile's KPI plan; HR turns the cycle's automatic KPIs on or off. Edits
 * show at once and go back if refused, keeping what was typed; a conflict
 * offers the latest values. The name opens the KPI's history and target
 * changes. Export CSV saves the rows shown with the columns asked for, the
 * same on a phone as on a desk.
 *
 * Figures reload whenever the data changes — a check-in in a
 * `<tandem-goal-tree>` on the same page moves the KPIs that follow its key
 * result — keeping the sort, filters, open rows and focus.
 *
 * @summary A person's, a team's or an org unit's KPIs: target, actual, trend, forecast and score.
 *
 * @fires tandem-kpi-change - A KPI was saved or created. `event.kpi` is the KPI as stored, `event.change` is `actual`, `plan` (target or weight) or `created` (from a key result, a job profile, or the cycle's automatic KPIs; one event per KPI).
 * @fires tandem-kpi-source-select - The person activated a KPI's source. `event.source` is `keyResult`, `event.sourceId` the key result's id, `event.keyResult` and `event.goal` the records, `event.kpi` the KPI.
 * @fires tandem-kpi-export - Before the CSV downloads; cancelable. `event.csv` is the file's text, `event.filename` its name (`kpis-<scope>-<date>.csv`).
 *
 * @csspart toolbar - The search, status filter and actions above the grid.
 * @csspart summary - The score and status counts above the grid.
 * @csspart grid - The grid (role `grid`); it scrolls with the page unless `--tandem-kpi-scorecard-max-height` is set.
 * @csspart row - One KPI's row.
 * @csspart status - A status badge.
 * @csspart sparkline - A row's trend chart (SVG).
 * @csspart detail - The history panel opened under a row.
 * @csspart cycle-setting - HR's switch for the cycle's automatic KPIs.
 * @csspart state - The loading, empty, error or forbidden message.
 * @csspart dialog - The edit, add-from-key-results and job-profile dialogs.
 *
 * @cssprop --tandem-kpi-scorecard-row-height - Height of a KPI row (default 3.5rem).
 * @cssprop --tandem-kpi-scorecard-max-height - Height after which the grid scrolls inside the widget (default none: the page scrolls).
 * @cssprop --tandem-kpi-scorecard-sparkline-color - The trend line (default the accent colour).
 * @cssprop --tandem-kpi-scorecard-target-color - The sparkline's target rule (default the border colour).
 */
@customElement('tandem-kpi-scorecard')
export class TandemKpiScorecard extends TandemElement {
  static override styles = [TandemElement.styles, controlStyles, stateStyles, kpiScorecardStyles];

  private readonly cardTask = new Task(this, {
    task: async ([adapter, cycle, scope, actor], { signal }) =>
      adapter && actor ? loadKpiScorecard(adapter, { cycleId: cycle, scope, actor }, signal) : undefined,
    args: () => [this.sessionAdapter, this.cycle, this.scope, this.session?.person] as const,
  });

  /** Reloads when KPIs or anything they follow change (a check-in moves a KPI's actual), keeping sort, filters and focus. */
  protected readonly changes = new DataChangeController(this, {
    adapter: () => this.dataAdapter,
    kinds: ['kpi', 'keyResult', 'checkIn', 'goal', 'cycle', 'person', 'jobProfile'],
    onChange: () => this.scheduleReload(),
  });

  /** The timer of a reload asked for by change notifications, while it waits. */
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  /** What the flows read from and ask of the scorecard. */
  private readonly access: ScorecardAccess = this.createAccess();

  private readonly editFlow = new KpiEditFlow(this, this.access);
  private readonly addFlow = new KpiAddFlow(this, this.access);
  private readonly profileFlow = new KpiProfileFlow(this, this.access);
  private readonly autoFlow = new KpiAutoFlow(this, this.access);

  /** Arrow keys, Home/End, PageUp/PageDown and the one tab stop of the grid. */
  private readonly grid = new GridNavigation(
    this,
    {
      headerKey: HEADER,
      rowKeyAt: (index) => this.gridRows[index]?.key,
      indexOf: (rowKey) => this.rowIndexOf(rowKey),
      rowCount: () => this.gridRows.length,
      columnsOf: (rowKey) => this.columnsOf(rowKey),
      root: () => this.renderRoot,
      reveal: (index) => void this.virtualRows.include(index),
      rendered: () => {
        const { first, end } = this.virtualRows.renderedRows;
        return { first, last: end - 1 };
      },
    },
    'name',
  );

  /** The data last loaded, kept while a reload runs so the grid stays in place. */
  private loaded: KpiScorecardData | undefined;
  /**
   * What the loaded data was read for: the signed-in person (another person
   * signing in must not see it while theirs loads), the scope and the cycle.
   */
  private loadedAsked: { personId: Id | undefined; scope: string | undefined; cycle: Id | undefined } | undefined;
  private assessedFor: { data: KpiScorecardData; pending: unknown; now: Date | undefined } | undefined;
  private assessed: AssessedRow[] = [];
  /**
   * Whether the signed-in person may edit something on a KPI, by id, worked
   * out when a row first shows it: the permission rules for 5,000 KPIs cost
   * ~10 ms before the first paint, for rows mostly never scrolled to.
   */
  private editable = new Map<Id, boolean>();
  /** Whether any KPI is editable (the actions column); `undefined` until asked. */
  private anyEditable: boolean | undefined;
  /**
   * The assessed KPIs in order, by sort key and direction (`''`: the
   * unsorted order), for the assessment and language they were sorted in:
   * sorting again by a column and direction sorted before costs no sort.
   */
  private orders = new Map<string, AssessedRow[]>();
  private ordersFor: readonly unknown[] = [];
  /**
   * Cell contents by row and column (see CellMemo): a row renders several
   * times as the window moves and the widget updates (focus moves, filters),
   * with the same figures. Rows are new objects whenever they are assessed
   * again, so a WeakMap forgets them.
   */
  private cellContents = new WeakMap<AssessedKpi, Map<KpiScorecardColumn, unknown>>();
  private cellContentsFor: readonly unknown[] = [];
  private readonly cellMemo: CellMemo = <T,>(row: AssessedKpi, column: KpiScorecardColumn, compute: () => T): T => {
    let contents = this.cellContents.get(row);
    if (!contents) this.cellContents.set(row, (contents = new Map()));
    if (!contents.has(column)) contents.set(column, compute());
    return contents.get(column) as T;
  };
  /**
   * The grid's first frame leaves the trend charts and forecasts out: fitting
   * a line and drawing a chart for each row on screen took a fifth of it. They
   * follow in the next frame, unnoticed.
   */
  private charts: 'later' | 'coming' | 'shown' = 'later';
  private shown: readonly AssessedRow[] = [];
  /** What the rows were last filtered and sorted for. */
  private arrangedFor: readonly unknown[] | undefined;
  private gridRows: GridRow[] = [];
  /** Grid rows' positions by key, built when first asked (keyboard and focus), not before the first paint. */
  private rowIndex: Map<string, number> | undefined;
  private columnsShown: KpiScorecardColumn[] = [];
  /** Columns asked for but given up to fit the width. */
  private columnsHidden: KpiScorecardColumn[] = [];
  /** The frame that renders the columns fitted to a new width. */
  private fitFrame = 0;
  /** Watches the widget's width, to fit the columns to it. */
  private readonly resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const width = Math.round((entry.contentRect.width / rem) * 10) / 10;
      if (width === this.availableRem) continue;
      this.availableRem = width;
      // Before the rows are shown, the first render reads the width. After, only new columns render: the first frame
      // reports the width between its layout and its paint, and a width that keeps the columns must not render and
      // lay out every row again before that paint. Rendering inside the observer's delivery would resize the page under
      // it ("ResizeObserver loop completed with undelivered notifications"): the next frame shows the new columns.
      const view = this.loaded;
      if (!view || fitColumns(this.visibleColumns(view), width).join() === this.columnsShown.join()) continue;
      this.fitFrame ||= requestAnimationFrame(() => {
        this.fitFrame = 0;
        this.requestUpdate();
      });
    }
  });
  /** Only the rows in view are in the DOM (see VirtualRowsController). */
  private readonly virtualRows = new VirtualRowsController(this, cssRowHeight(this, '--tandem-kpi-scorecard-row-height', ROW_HEIGHT_REM));
  /** History panels' heights in slots (common row heights), by row key, as last measured. */
  private detailSlots = new Map<string, number>();
  /** Where the grid's rows sit, panels taller than rows (see `rowSlots`). */
  private slots: RowSlots = uniformSlots(0);
  private panelFrame = 0;

  @state()
  private sortKey: KpiSortKey | null = null;

  @state()
  private sortDirection: 'ascending' | 'descending' = 'ascending';

  @state()
  private searchText = '';

  @state()
  private statusFilter: KpiStatus | '' = '';

  /** KPIs whose history panel is open. */
  @state()
  private expanded: ReadonlySet<Id> = new Set();

  /** The widget's width in rem, for fitting columns to it; unknown until measured. Renders only when the columns change. */
  private availableRem: number | undefined;

  /** The outcome of the last action without a dialog left open, for the live region. */
  private readonly announcer = new Announcer(this);

  /**
   * Whose KPIs: `me` (the default), `person:<id>`, `team` (everyone who
   * reports to the signed-in person, directly or further down) or
   * `org-unit:<id>` (a unit and the units below it).
   */
  @property()
  scope: string | undefined;

  /** The cycle to show; unset: the active cycle. */
  @property()
  cycle: Id | undefined;

  /**
   * The columns to show, separated by spaces (`name owner target actual
   * status`); unset: all. The name is always shown, the owner never for one
   * person, actions only where the signed-in person may edit something.
   */
  @property()
  columns: string | undefined;

  /** The moment forecasts and the export's date are measured at; unset: now. For stories, tests and replays. */
  @property({ attribute: false })
  now: Date | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    clearTimeout(this.reloadTimer);
    cancelAnimationFrame(this.panelFrame);
    this.panelFrame = 0;
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.cardTask.value;
    if (data && data !== this.loaded) {
      this.loaded = data;
      this.loadedAsked = { personId: this.session?.person.id, scope: this.scope, cycle: this.cycle };
      this.editFlow.dropReloaded(data);
      this.autoFlow.dropReloaded(data.cycle);
    }
    const view = this.loaded;
    if (!view) return;
    const pending = this.editFlow.revision;
    const assessedFor = this.assessedFor;
    if (!assessedFor || assessedFor.data !== view || assessedFor.pending !== pending || assessedFor.now !== this.now) {
      this.assess(view);
      this.assessedFor = { data: view, pending, now: this.now };
    }
    // Contents are in the language and of the data they were worked out for.
    if (this.cellContentsFor[0] !== this.format || this.cellContentsFor[1] !== view) {
      this.cellContents = new WeakMap();
      this.cellContentsFor = [this.format, view];
    }
    const asked = this.visibleColumns(view);
    this.columnsShown = fitColumns(asked, this.availableRem ?? Number.POSITIVE_INFINITY);
    this.columnsHidden = asked.filter((column) => !this.columnsShown.includes(column));
    // Filter and sort only when something they depend on changed: focus moves re-render too, and 5,000 rows should not re-sort on every key.
    const arrangement = [this.assessed, this.sortKey, this.sortDirection, this.searchText, this.statusFilter, this.expanded, this.activeLocale] as const;
    if (!this.arrangedFor || arrangement.some((value, index) => value !== this.arrangedFor![index])) {
      this.arrange();
      this.arrangedFor = arrangement;
    }
  }

  /** Every KPI with its completion, status, score and forecast, and what the person may edit. */
  private assess(data: KpiScorecardData): void {
    const now = this.now ?? new Date();
    const period = data.cycle ?? { start: '', end: '' };
    this.assessed = data.kpis.map((stored) => {
      const kpi = this.editFlow.effective(stored);
      return new AssessedRow(kpi, assessKpi(kpi, period, now));
    });
    this.editable = new Map();
    this.anyEditable = undefined;
  }

  /** Whether the signed-in person may edit something on a KPI (figures on their way do not change who may). */
  private isEditable(kpi: Kpi): boolean {
    let editable = this.editable.get(kpi.id);
    if (editable === undefined) {
      editable = this.editFlow.allowed(kpi);
      this.editable.set(kpi.id, editable);
    }
    return editable;
  }

  private visibleColumns(data: KpiScorecardData): KpiScorecardColumn[] {
    return parseColumns(this.columns).filter((column) => {
      if (column === 'owner') return !isPersonScope(data.scope);
      if (column === 'actions') return (this.anyEditable ??= data.kpis.some((kpi) => this.editFlow.allowed(kpi)));
      return true;
    });
  }

  /** Filters and sorts the assessed KPIs, and lays out the grid's rows with open history panels. */
  private arrange(): void {
    const text = this.searchText.trim().toLocaleLowerCase(this.activeLocale);
    const status = this.statusFilter;
    let rows = this.ordered(this.sortKey ?? '', this.sortDirection === 'descending');
    // The order is total (ties end on the id), so filtering the sorted list equals sorting the filtered one.
    if (text || status) {
      rows = rows.filter(
        ({ kpi, assessment }) =>
          (!status || assessment.status === status) &&
          (!text ||
            kpi.name.toLocaleLowerCase(this.activeLocale).includes(text) ||
            this.nameOf(kpi.ownerId).toLocaleLowerCase(this.activeLocale).includes(text)),
      );
    }
    this.shown = rows;
    const gridRows: GridRow[] = [];
    for (const row of rows) {
      gridRows.push(row.grid);
      if (this.expanded.has(row.kpi.id)) gridRows.push({ key: detailKey(row.kpi.id), kind: 'detail', row });
    }
    this.gridRows = gridRows;
    this.rowIndex = undefined;
    this.slots = this.rowSlots();
  }

  /**
   * Where the grid's rows sit: each KPI row one slot (its fixed height), each
   * open history panel as many slots as it was measured to fill (a guess
   * until it has shown), so scrolling finds rows past panels of any height.
   */
  private rowSlots(): RowSlots {
    if (this.expanded.size === 0) return uniformSlots(this.gridRows.length);
    const panels: { index: number; extra: number }[] = [];
    this.gridRows.forEach((row, index) => {
      if (row.kind === 'detail') panels.push({ index, extra: (this.detailSlots.get(row.key) ?? DETAIL_SLOTS_GUESS) - 1 });
    });
    const extraBefore = (index: number) => panels.reduce((sum, panel) => (panel.index < index ? sum + panel.extra : sum), 0);
    return {
      total: this.gridRows.length + extraBefore(Number.POSITIVE_INFINITY),
      slotOf: (index) => index + extraBefore(index),
      rowAtSlot: (slot) => {
        let extra = 0;
        for (const panel of panels) {
          if (slot < panel.index + extra) break;
          if (slot < panel.index + extra + panel.extra + 1) return panel.index;
          extra += panel.extra;
        }
        return Math.floor(slot - extra);
      },
    };
  }

  /** Open history panels are as tall as their contents: measured once laid out, and the rows below placed by it. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.expanded.size > 0 && this.panelFrame === 0) {
      this.panelFrame = requestAnimationFrame(() => {
        this.panelFrame = 0;
        this.measurePanels();
      });
    }
  }

  private measurePanels(): void {
    const body = this.renderRoot.querySelector('.body');
    const rowHeight = body?.querySelector(':scope > .row')?.getBoundingClientRect().height;
    if (!body || !rowHeight) return;
    let moved = false;
    for (const panel of body.querySelectorAll<HTMLElement>(':scope > .detail-row')) {
      const key = panel.dataset['rowKey'];
      const slots = panel.getBoundingClientRect().height / rowHeight;
      if (key === undefined || Math.abs((this.detailSlots.get(key) ?? 0) - slots) < 0.01) continue;
      this.detailSlots.set(key, slots);
      moved = true;
    }
    if (moved) {
      this.slots = this.rowSlots();
      this.requestUpdate();
    }
  }

  private rowIndexOf(rowKey: string): number | undefined {
    if (!this.rowIndex) {
      this.rowIndex = new Map();
      this.gridRows.forEach((row, index) => this.rowIndex!.set(row.key, index));
    }
    return this.rowIndex.get(rowKey);
  }

  /**
   * The assessed KPIs in order of a sort key (`''`: unsorted), sorted once
   * per assessment, language and direction. Descending is not ascending
   * reversed: rows tied on the column stay in name order.
   */
  private ordered(key: KpiSortKey | '', descending: boolean): readonly AssessedRow[] {
    const basis = [this.assessed, this.activeLocale, this.loaded] as const;
    if (basis.some((value, index) => value !== this.ordersFor[index])) {
      this.orders = new Map();
      this.ordersFor = basis;
    }
    const orderKey = key && descending ? `${key} descending` : key;
    let rows = this.orders.get(orderKey);
    if (!rows) {
      if (key) {
        const names = new Map<Id, string>();
        const ownerName = (id: Id) => names.get(id) ?? (names.set(id, this.nameOf(id)), names.get(id)!);
        rows = sortKpis(this.assessed, key, { ownerName, collator: new Intl.Collator(this.activeLocale), descending });
      } else {
        // Unsorted: person by person (as the adapter lists them), heaviest KPI first — how a plan is read.
        const owners = new Map(this.loaded?.members.map((person, index) => [person.id, index]));
        // Ids ranked by the engine's sort (code-unit order) so the row sort compares numbers only: it runs before the first paint.
        const idRank = new Map<Id, number>();
        this.assessed
          .map(({ kpi }) => kpi.id)
          .sort()
          .forEach((id, index) => idRank.set(id, index));
        const decorated = this.assessed.map(({ kpi }, index) => ({ index, owner: owners.get(kpi.ownerId) ?? 0, weight: kpi.weight, id: idRank.get(kpi.id)! }));
        decorated.sort((a, b) => a.owner - b.owner || b.weight - a.weight || a.id - b.id);
        rows = decorated.map((entry) => this.assessed[entry.index]!);
      }
      this.orders.set(orderKey, rows);
    }
    return rows;
  }

  /**
   * Reloads shortly after the last change notification: a batch (the
   * cycle's automatic KPIs, a job profile) announces one change per record,
   * and one read after the batch beats a hundred aborted ones.
   */
  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.cardTask.run();
    }, RELOAD_DELAY_MS);
  }

  private nameOf(personId: Id): string {
    const person = this.loaded?.people.get(personId);
    return person ? displayName(person, this.activeLocale).primary : personId;
  }

  private createAccess(): ScorecardAccess {
    // The flows see the scorecard's protected state through this one object, read at the time of use.
    const card = this;
    return {
      get adapter() {
        return card.dataAdapter;
      },
      get person() {
        return card.session?.person;
      },
      get data() {
        return card.loaded;
      },
      get t() {
        return card.t;
      },
      get format() {
        return card.format;
      },
      get locale() {
        return card.activeLocale;
      },
      nameOf: (personId) => card.nameOf(personId),
      focusKpi: (kpiId) => card.grid.focusCell(kpiKey(kpiId), card.grid.active.column),
      focusToolbar: (action) => card.renderRoot.querySelector<HTMLElement>(`.toolbar [data-action="${action}"]`)?.focus(),
      reload: () => void card.cardTask.run(),
      announce: (message) => card.announcer.say(message, card.activeLocale),
      dispatch: (event) => card.dispatchEvent(event),
    };
  }

  // ── Intent ────────────────────────────────────────────────────────────────

  private sortBy(key: KpiSortKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
  }

  private toggleDetail(kpiId: Id): void {
    const next = new Set(this.expanded);
    if (next.has(kpiId)) next.delete(kpiId);
    else next.add(kpiId);
    this.expanded = next;
  }

  private selectSource(row: AssessedKpi): void {
    const data = this.loaded;
    const { kpi } = row;
    if (!data || kpi.source !== 'keyResult' || !kpi.sourceId) return;
    const source = sourceOf(kpi, data, this.t);
    this.dispatchEvent(new TandemKpiSourceSelectEvent(kpi, 'keyResult', kpi.sourceId, { goal: source.goal, keyResult: source.keyResult }));
  }

  /**
   * Opens the edit dialog on the KPI as stored (its version goes with the
   * save): as the last save returned it while the reload has not brought it
   * yet. Focus comes back to this Edit button.
   */
  private openEdit(kpiId: Id): void {
    const loaded = this.loaded?.kpis.find((kpi) => kpi.id === kpiId);
    if (!loaded) return;
    this.grid.setActive(kpiKey(kpiId), 'actions');
    this.editFlow.open(this.editFlow.latest(loaded));
  }

  /**
   * Clears the search and status filter. The Clear filters button goes with
   * them, and focus would fall to the page: it goes to the search field, where
   * filtering starts again.
   */
  private clearFilters(): void {
    this.searchText = '';
    this.statusFilter = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#kpi-search')?.focus());
  }

  // ── Keyboard and focus ────────────────────────────────────────────────────

  private columnsOf(rowKey: string): readonly string[] {
    return rowKey.startsWith('detail:') ? [DETAIL] : this.columnsShown;
  }

  // ── Public methods ────────────────────────────────────────────────────────

  /**
   * The KPIs shown as CSV: the rows in their current order and filter, in
   * the current language, with the columns the `columns` attribute asks for
   * — including those the grid gives up to fit a narrow width (or a hidden
   * widget's width of 0), so the file does not depend on the screen it was
   * exported from. `''` before the data has loaded.
   */
  toCsv(): string {
    const data = this.loaded;
    if (!data) return '';
    return scorecardCsv(this.shown, this.visibleColumns(data), data, { t: this.t, format: this.format, nameOf: (id) => this.nameOf(id) });
  }

  /**
   * Downloads {@link toCsv} — the rows shown, with every column asked for,
   * whatever the width — as `kpis-<scope>-<date>.csv`, unless a
   * `tandem-kpi-export` listener cancels it.
   */
  exportCsv(): void {
    const data = this.loaded;
    if (!data) return;
    const now = this.now ?? new Date();
    const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const filename = `kpis-${scopeSlug(data.scope)}-${date}.csv`;
    const event = new TandemKpiExportEvent(this.toCsv(), filename);
    if (!this.dispatchEvent(event)) return;
    const url = URL.createObjectURL(new Blob([event.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    const rows = this.shown.length;
    this.announcer.say(this.t('kpiScorecard.exported', { count: rows, formatted: this.format.number(rows, 0), filename }), this.activeLocale);
    // Revoked later, not at once: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // ── Render ────────────────────────────────────────────────────────────────

  protected override render() {
    return html`${this.renderTask()} ${this.editFlow.render()} ${this.addFlow.render()} ${this.profileFlow.render()}`;
  }

  private renderTask() {
    return this.cardTask.render({
      initial: () => renderLoading(this.t),
      // A reload keeps the grid (and focus) in place; a first load, or one for another scope, cycle or person, shows the loading state.
      pending: () => (this.loaded && this.showsAsked() ? this.renderCard(this.loaded) : renderLoading(this.t)),
      error: (error) => this.renderFailure(error),
      complete: (data) => (data && this.loaded ? this.renderCard(this.loaded) : renderLoading(this.t)),
    });
  }

  private renderFailure(error: unknown) {
    if (error instanceof BadScopeError) {
      return html`<div class="state" data-state="error" part="state" role="alert">${this.t('kpiScorecard.badScope', { scope: error.scope })}</div>`;
    }
    if (error instanceof ForbiddenError) {
      // The rule's reason says whose KPIs these are and who may see them.
      return html`<div class="state" data-state="forbidden" part="state" role="alert">
        <span>${this.t('state.forbidden')}</span>
        <span class="state-detail">${error.localizedMessage(this.activeLocale)}</span>
      </div>`;
    }
    return renderError(error, this.t, this.activeLocale, () => void this.cardTask.run());
  }

  /** Whether the loaded data is of what is asked now: the same scope and cycle, read for the person signed in. */
  private showsAsked(): boolean {
    const asked = this.loadedAsked;
    return asked !== undefined && asked.personId === this.session?.person.id && asked.scope === this.scope && asked.cycle === this.cycle;
  }

  private renderCard(data: KpiScorecardData) {
    if (this.charts === 'later') {
      this.charts = 'coming';
      void afterNextPaint().then(() => {
        this.charts = 'shown';
        this.requestUpdate();
      });
    }
    return html`${this.renderToolbar(data)} ${this.autoFlow.render()}
      ${data.kpis.length > 0 || data.hiddenCount > 0 ? html`<div class="summary" part="summary">${this.renderSummary(data)}</div>` : nothing}
      <div class="announcement" role="status">${this.announcer.textIn(this.activeLocale)}</div>
      ${this.renderBody(data)}`;
  }

  private renderBody(data: KpiScorecardData) {
    const { t } = this;
    if (!data.cycle) return this.renderEmpty(t('kpiScorecard.empty.noCycle'), false);
    if (data.members.length === 0) {
      if (data.hiddenCount > 0) return this.renderEmpty(t('kpiScorecard.empty.allHidden'), false);
      return this.renderEmpty(t(data.scope.kind === 'team' ? 'kpiScorecard.empty.noReports' : 'kpiScorecard.empty.noPeople'), false);
    }
    if (data.kpis.length === 0) {
      const message =
        data.scope.kind === 'me'
          ? t('kpiScorecard.empty.mine', { cycle: data.cycle.name })
          : data.subject
            ? t('kpiScorecard.empty.person', { name: this.nameOf(data.subject.id), cycle: data.cycle.name })
            : t('kpiScorecard.empty.group', { cycle: data.cycle.name });
      return this.renderEmpty(message, true);
    }
    if (this.shown.length === 0) {
      // The one message said when nothing matches: the summary's count stays quiet then.
      return html`<div class="state" data-state="empty" part="state" role="status">
        <span>${t('kpiScorecard.noMatch')}</span>
        <button type="button" class="button" @click=${this.clearFilters}>${t('kpiScorecard.clearFilters')}</button>
      </div>`;
    }
    return this.renderGrid(data);
  }

  /**
   * The empty state: what is missing and where KPIs come from. The actions
   * that would fill the plan are the toolbar's, right above, where they stay
   * once the plan has KPIs (and where focus returns after their dialogs).
   */
  private renderEmpty(message: string, explain: boolean) {
    return html`<div class="state" data-state="empty" part="state" role="status">
      <span>${message}</span>
      ${explain ? html`<span class="state-detail">${this.t('kpiScorecard.empty.hint')}</span>` : nothing}
    </div>`;
  }

  private renderToolbar(data: KpiScorecardData) {
    const { t } = this;
    const hasKpis = data.kpis.length > 0;
    if (!hasKpis && !this.addFlow.allowed() && !this.profileFlow.allowed()) return nothing;
    return html`<div class="toolbar panel-head" part="toolbar">
      ${hasKpis
        ? html`<div class="filters" role="search" aria-label=${t('kpiScorecard.filters')}>
            <div class="field search">
              <label for="kpi-search">${t('kpiScorecard.search')}</label>
              <input
                id="kpi-search"
                type="search"
                autocomplete="off"
                placeholder=${t(isPersonScope(data.scope) ? 'kpiScorecard.searchPlaceholder' : 'kpiScorecard.searchPlaceholderPeople')}
                .value=${this.searchText}
                @input=${(event: Event) => (this.searchText = (event.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="kpi-status">${t('kpiScorecard.column.status')}</label>
              <select id="kpi-status" @change=${(event: Event) => (this.statusFilter = (event.target as HTMLSelectElement).value as KpiStatus | '')}>
                <option value="" ?selected=${this.statusFilter === ''}>${t('kpiScorecard.anyStatus')}</option>
                ${KPI_STATUSES.map(
                  (status) => html`<option value=${status} ?selected=${this.statusFilter === status}>${t(KPI_STATUS_MESSAGE_KEYS[status])}</option>`,
                )}
              </select>
            </div>
          </div>`
        : nothing}
      <div class="actions">
        ${this.addFlow.allowed()
          ? html`<button type="button" class="button" data-action="add" @click=${() => this.addFlow.open()}>${t('kpiScorecard.add.action')}</button>`
          : nothing}
        ${this.profileFlow.allowed()
          ? html`<button type="button" class="button" data-action="profile" @click=${() => this.profileFlow.open()}>${t('kpiScorecard.profile.action')}</button>`
          : nothing}
        ${hasKpis
          ? html`<button type="button" class="button" data-action="export" ?disabled=${this.shown.length === 0} @click=${() => this.exportCsv()}>
              ${t('kpiScorecard.export')}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  /** A person's weighted score and status counts; for a group, the counts and how many people. */
  private renderSummary(data: KpiScorecardData) {
    const { t, format } = this;
    const counts: Record<KpiStatus, number> = { healthy: 0, watch: 0, unhealthy: 0 };
    for (const { assessment } of this.assessed) counts[assessment.status] += 1;
    const total = this.assessed.length;
    const number = (count: number) => ({ count, formatted: format.number(count, 0) });
    const statusList = html`<ul class="status-counts" aria-label=${t('kpiScorecard.summary.statuses')}>
      ${KPI_STATUSES.map(
        (status) => html`<li><span class="dot" data-status=${status} aria-hidden="true"></span>${t(KPI_STATUS_MESSAGE_KEYS[status])} ${format.number(counts[status], 0)}</li>`,
      )}
    </ul>`;
    let lead: TemplateResult | typeof nothing = nothing;
    if (isPersonScope(data.scope) && total > 0) {
      const score = weightedKpiScore(this.assessed.map(({ kpi }) => kpi));
      const weights = this.assessed.map(({ kpi }) => kpi.weight);
      const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
      lead = html`<span class="score">${t('kpiScorecard.summary.score', { score: score === null ? '—' : format.number(score, 1) })}</span>
        <span>${t('kpiScorecard.summary.count', number(total))}</span>
        ${validateSiblingWeights(weights).length > 0
          ? html`<span class="weights-warning">${t('kpiScorecard.summary.weights', { total: format.number(weightTotal, 1) })}</span>`
          : nothing}`;
    } else if (total > 0) {
      const weightsOf = new Map<Id, number[]>();
      for (const { kpi } of this.assessed) {
        const weights = weightsOf.get(kpi.ownerId);
        if (weights) weights.push(kpi.weight);
        else weightsOf.set(kpi.ownerId, [kpi.weight]);
      }
      // A plan grown by a job profile or added key results can pass 100%: say whose, as a person's own scorecard does.
      const off = [...weightsOf].filter(([, weights]) => validateSiblingWeights(weights).length > 0);
      const named = off
        .slice(0, WEIGHT_WARNINGS_NAMED)
        .map(([ownerId, weights]) => `${this.nameOf(ownerId)} ${format.number(weights.reduce((sum, weight) => sum + weight, 0), 1)}%`);
      lead = html`<span>${t('kpiScorecard.summary.count', number(total))} · ${t('count.people', number(weightsOf.size))}</span>
        ${off.length > 0
          ? html`<span class="weights-warning"
              >${t('kpiScorecard.summary.weightsOff', { ...number(off.length), people: format.list(named), more: off.length - named.length })}</span
            >`
          : nothing}`;
    }
    const hidden = this.columnsHidden.map((column) => t(COLUMN_MESSAGE_KEYS[column]));
    return html`${lead} ${total > 0 ? statusList : nothing}
      ${hidden.length > 0 && total > 0 ? html`<span class="fit-note">${t('kpiScorecard.summary.fit', { columns: format.list(hidden) })}</span>` : nothing}
      ${data.hiddenCount > 0 ? html`<span class="hidden-note">${t('kpiScorecard.summary.hidden', number(data.hiddenCount))}</span>` : nothing}
      <span role="status"
        >${(this.searchText.trim() || this.statusFilter) && this.shown.length > 0 ? t('kpiScorecard.matches', number(this.shown.length)) : nothing}</span
      >
      ${(this.searchText.trim() || this.statusFilter) && this.shown.length > 0
        ? html`<button type="button" class="button" @click=${this.clearFilters}>${t('kpiScorecard.clearFilters')}</button>`
        : nothing}`;
  }

  private gridLabel(data: KpiScorecardData): string {
    const { t } = this;
    const cycle = data.cycle?.name ?? '';
    switch (data.scope.kind) {
      case 'me':
        return t('kpiScorecard.label.mine', { cycle });
      case 'person':
        return t('kpiScorecard.label.person', { name: data.subject ? this.nameOf(data.subject.id) : '', cycle });
      case 'team':
        return t('kpiScorecard.label.team', { cycle });
      case 'orgUnit':
        return t('kpiScorecard.label.orgUnit', { unit: data.orgUnit?.name ?? '', cycle });
    }
  }

  private renderGrid(data: KpiScorecardData) {
    const columns = this.columnsShown;
    const layout = columnLayout(columns);
    // The window first: the tab stop falls back to a row in it.
    const { first, end, before, total } = this.virtualRows.window(this.gridRows.length, this.slots);
    const tabStop = this.grid.tabStop();
    return html`<div class="scroll">
      <div
        class="grid"
        part="grid"
        role="grid"
        aria-label=${this.gridLabel(data)}
        aria-rowcount=${this.gridRows.length + 1}
        aria-colcount=${columns.length}
        ${styleProperties({ '--_columns': layout.template, '--_min-width': layout.minWidth })}
        @keydown=${this.grid.onKeyDown}
        @focusin=${this.grid.onFocusIn}
      >
        <div role="rowgroup" class="head">
          <div role="row" class="header-row" aria-rowindex="1" data-row-key=${HEADER}>
            ${columns.map((column) => this.renderHeaderCell(column, tabStop.rowKey === HEADER && tabStop.column === column))}
          </div>
        </div>
        <div
          role="rowgroup"
          class="body"
          ${styleProperties({ height: `calc(var(--_row-height) * ${total})`, 'padding-top': `calc(var(--_row-height) * ${before})` })}
          ${ref(this.attachBody)}
        >
          ${repeat(
            this.gridRows.slice(first, end),
            // Keyed by position, not by KPI: after a sort or a reload the row elements in view are kept and only their
            // changed parts updated, not rebuilt. Focus follows the KPI, not the element (GridNavigation.keepFocus).
            (_row, offset) => first + offset,
            (row, offset) => this.renderRow(row, first + offset, tabStop),
          )}
        </div>
      </div>
    </div>`;
  }

  private readonly attachBody = (element: Element | undefined): void => this.virtualRows.attach(element);

  private renderHeaderCell(column: KpiScorecardColumn, isTabStop: boolean) {
    const { t } = this;
    const sortKey = COLUMN_SORT_KEYS[column];
    const cycle = this.loaded?.cycle;
    // A cycle that is over has a result at its end, not a forecast.
    const label =
      column === 'forecast' && cycle
        ? t(isPeriodOver(cycle, this.now ?? new Date()) ? 'kpiScorecard.column.resultAt' : 'kpiScorecard.column.forecastAt', {
            date: formatShortDate(cycle.end, cycle.end, this.format),
          })
        : t(COLUMN_MESSAGE_KEYS[column]);
    const sorted = sortKey !== null && sortKey === this.sortKey;
    if (sortKey === null) {
      return html`<div role="columnheader" class="cell header-cell" data-column=${column} tabindex=${isTabStop ? 0 : -1}>${label}</div>`;
    }
    return html`<div role="columnheader" class="cell header-cell" data-column=${column} aria-sort=${sorted ? this.sortDirection : nothing}>
      <button type="button" class="sort" data-focus tabindex=${isTabStop ? 0 : -1} @click=${() => this.sortBy(sortKey)}>
        <span>${label}</span>
        <span class="sort-mark" data-direction=${sorted ? this.sortDirection : 'none'} aria-hidden="true"></span>
      </button>
    </div>`;
  }

  private renderRow(row: GridRow, index: number, tabStop: GridCell): TemplateResult {
    const stop = (column: string) => tabStop.rowKey === row.key && tabStop.column === column;
    if (row.kind === 'detail') {
      return html`<div role="row" class="detail-row" data-row-key=${row.key} aria-rowindex=${index + 2}>
        <div role="gridcell" class="detail-cell" part="detail" data-column=${DETAIL} aria-colspan=${this.columnsShown.length} tabindex=${stop(DETAIL) ? 0 : -1}>
          ${renderKpiDetail(row.row, this.loaded!, this.detailContext())}
        </div>
      </div>`;
    }
    const { kpi } = row.row;
    const cells: CellContext = {
      t: this.t,
      format: this.format,
      data: this.loaded!,
      expanded: this.expanded.has(kpi.id),
      editable: this.isEditable(kpi),
      memo: this.cellMemo,
      chartsLater: this.charts !== 'shown',
      toggleDetail: () => this.toggleDetail(kpi.id),
      selectSource: () => this.selectSource(row.row),
      edit: () => this.openEdit(kpi.id),
    };
    return html`<div role="row" class="row" part="row" data-row-key=${row.key} data-kpi=${kpi.id} aria-rowindex=${index + 2}>
      ${this.columnsShown.map((column) => renderKpiCell(column, row.row, stop(column), cells))}
    </div>`;
  }

  private detailContext() {
    return { t: this.t, format: this.format, locale: this.activeLocale, nameOf: (id: Id) => this.nameOf(id), rights: (kpi: Kpi) => this.editFlow.rights(kpi) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-kpi-scorecard': TandemKpiScorecard;
  }
}
