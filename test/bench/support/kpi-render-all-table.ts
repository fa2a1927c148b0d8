/**
 * The KPI scorecard benchmarks' baseline: `<bench-kpi-render-all-table>`, the
 * obvious non-virtualized scorecard. The same data path as the widget
 * (`getSession`, then `loadKpiScorecard` through the same adapter,
 * `assessKpi` for every KPI, the widget's unsorted order, `kpiComparator`
 * with the same collator to sort), then a plain `<table>` with **every row
 * in the DOM** by lit `repeat()` (keyed, so a sort moves rows), each row's
 * cells from the widget's own `renderKpiCell` (the same markup: owner avatar,
 * source, figures, completion bar, status badge, SVG sparkline with its
 * path, forecast, Edit) under the widget's stylesheet. Header cells are
 * buttons that sort, as the widget's. No toolbar, summary, keyboard model or
 * dialogs: that flatters the baseline.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TandemElement } from '../../../src/context/tandem-element.js';
import type { DataAdapter } from '../../../src/data/adapter.js';
import { styleProperties } from '../../../src/directives/style-properties.js';
import { assessKpi, kpiComparator, type AssessedKpi, type KpiSortKey } from '../../../src/model/kpi.js';
import { displayName } from '../../../src/model/people.js';
import type { Id } from '../../../src/model/records.js';
import { controlStyles, stateStyles } from '../../../src/styles/shared.js';
import { renderKpiCell, type CellContext } from '../../../src/widgets/kpi-scorecard/kpi-cells.js';
import { COLUMN_MESSAGE_KEYS, COLUMN_SORT_KEYS, columnLayout, KPI_SCORECARD_COLUMNS } from '../../../src/widgets/kpi-scorecard/kpi-columns.js';
import { scorecardCsv } from '../../../src/widgets/kpi-scorecard/kpi-scorecard-csv.js';
import { loadKpiScorecard, type KpiScorecardData } from '../../../src/widgets/kpi-scorecard/kpi-scorecard-data.js';
import { kpiScorecardStyles } from '../../../src/widgets/kpi-scorecard/kpi-scorecard.styles.js';
import '../../../src/widgets/person-chip/person-chip.js';

export class BenchKpiRenderAllTable extends TandemElement {
  static override styles = [TandemElement.styles, controlStyles, stateStyles, kpiScorecardStyles];

  static define(): void {
    if (!customElements.get('bench-kpi-render-all-table')) customElements.define('bench-kpi-render-all-table', BenchKpiRenderAllTable);
  }

  scope = 'team';
  now: Date | undefined;
  /** The adapter to read through (set before connecting); the element's own `adapter` stays unset, so no session controller runs twice. */
  source: DataAdapter | undefined;
  /** Milliseconds of its own steps, for the report. */
  readonly phases: Record<string, number> = {};

  private data: KpiScorecardData | undefined;
  private shown: AssessedKpi[] = [];
  private sortKey: KpiSortKey | null = null;
  private sortDirection: 'ascending' | 'descending' = 'ascending';
  /** Every column: the fixture's director may edit every KPI, so the widget shows actions too (the CSV check compares columns). */
  private readonly columns = [...KPI_SCORECARD_COLUMNS];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const adapter = this.source!;
    const controller = new AbortController();
    let mark = performance.now();
    const session = await adapter.getSession({ signal: controller.signal });
    const data = await loadKpiScorecard(adapter, { cycleId: undefined, scope: this.scope, actor: session.person }, controller.signal);
    this.phases['loadMs'] = performance.now() - mark;
    mark = performance.now();
    const now = this.now ?? new Date();
    const period = data.cycle ?? { start: '', end: '' };
    const assessed = data.kpis.map((kpi) => ({ kpi, assessment: assessKpi(kpi, period, now) }));
    const owners = new Map(data.members.map((person, index) => [person.id, index]));
    this.shown = assessed.sort(
      (a, b) => (owners.get(a.kpi.ownerId) ?? 0) - (owners.get(b.kpi.ownerId) ?? 0) || b.kpi.weight - a.kpi.weight || (a.kpi.id < b.kpi.id ? -1 : 1),
    );
    this.phases['assessMs'] = performance.now() - mark;
    this.data = data;
    this.requestUpdate();
  }

  private nameOf(personId: Id): string {
    const person = this.data?.people.get(personId);
    return person ? displayName(person, this.activeLocale).primary : personId;
  }

  sortBy(key: KpiSortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
    const names = new Map<Id, string>();
    const ownerName = (id: Id) => names.get(id) ?? (names.set(id, this.nameOf(id)), names.get(id)!);
    const compare = kpiComparator(key, { ownerName, collator: new Intl.Collator(this.activeLocale), descending: this.sortDirection === 'descending' });
    this.shown = [...this.shown].sort(compare);
    this.requestUpdate();
  }

  /** The same CSV the widget's `toCsv()` gives for the same rows and columns. */
  toCsv(): string {
    if (!this.data) return '';
    return scorecardCsv(this.shown, this.columns, this.data, { t: this.t, format: this.format, nameOf: (id) => this.nameOf(id) });
  }

  protected override render() {
    const data = this.data;
    if (!data) return nothing;
    const { t, format } = this;
    const layout = columnLayout(this.columns);
    return html`<table class="grid" role="grid" aria-rowcount=${this.shown.length + 1} ${styleProperties({ '--_columns': layout.template, '--_min-width': layout.minWidth })}>
      <thead class="head">
        <tr role="row" class="header-row" aria-rowindex="1">
          ${this.columns.map((column) => {
            const key = COLUMN_SORT_KEYS[column];
            const label = t(COLUMN_MESSAGE_KEYS[column]);
            return html`<th role="columnheader" class="cell header-cell" data-column=${column} aria-sort=${key && key === this.sortKey ? this.sortDirection : nothing}>
              ${key ? html`<button type="button" class="sort" @click=${() => this.sortBy(key)}><span>${label}</span></button>` : label}
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          this.shown,
          (row) => row.kpi.id,
          (row, index) => {
            const cells: CellContext = {
              t,
              format,
              data,
              expanded: false,
              editable: true,
              toggleDetail: () => {},
              selectSource: () => {},
              edit: () => {},
            };
            return html`<tr role="row" class="row" part="row" data-row-key=${`kpi:${row.kpi.id}`} data-kpi=${row.kpi.id} aria-rowindex=${index + 2}>
              ${this.columns.map((column) => renderKpiCell(column, row, false, cells))}
            </tr>`;
          },
        )}
      </tbody>
    </table>`;
  }
}
