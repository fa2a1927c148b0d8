import '../../i18n/messages/kpi-rollup.js';
import { Task, TaskStatus } from '@lit/task';
import { bin, max, scaleLinear } from 'd3';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TandemElement } from '../../context/tandem-element.js';
import { DataChangeController } from '../../controllers/data-change-controller.js';
import { styleProperties } from '../../directives/style-properties.js';
import { TandemCycleSelectEvent } from '../../events/cycle-select.js';
import { TandemOrgUnitSelectEvent } from '../../events/org-unit-select.js';
import { TandemPersonSelectEvent } from '../../events/person-select.js';
import { toCsv, type CsvCell } from '../../model/csv.js';
import { statusShares, type KpiOrgUnitRollUp } from '../../model/kpi-rollup.js';
import {
  DEFAULT_WORST_KPI_COUNT,
  isPeriodOver,
  KPI_COMPLETION_CAP,
  KPI_STATUS_MESSAGE_KEYS,
  KPI_STATUSES,
  type KpiStatus,
} from '../../model/kpi.js';
import { displayName } from '../../model/people.js';
import type { Id, Kpi, OrgUnit, Person } from '../../model/records.js';
import { controlStyles, stateStyles } from '../../styles/shared.js';
// The scorecard's reading of KPI units, so a KPI reads the same in both widgets.
import { formatKpiAmount } from '../shared/kpi-format.js';
import '../person-chip/person-chip.js';
import { renderEmpty, renderError, renderLoading } from '../shared/states.js';
import { loadKpiRollup, type KpiRollupData } from './kpi-rollup-data.js';
import { kpiRollupStyles } from './kpi-rollup.styles.js';

/** The tables the roll-up shows and exports, in page order. */
export const KPI_ROLLUP_TABLES = ['units', 'members', 'attention', 'owners'] as const;
export type KpiRollupTable = (typeof KPI_ROLLUP_TABLES)[number];

/** The completion spread's bins: tenths of the target, up to the cap (over-achievement shows too). */
const SPREAD_THRESHOLDS = Array.from({ length: Math.round(KPI_COMPLETION_CAP * 10) - 1 }, (_, index) => (index + 1) / 10);

/** The spread chart's drawing box, in SVG user units; CSS scales it to the widget. */
const CHART = { width: 480, height: 140, top: 16, right: 10, bottom: 22, left: 10 } as const;

/** Where focus goes once a unit moved to has loaded: its heading, or the row of the unit we came up from. */
interface PendingFocus {
  readonly unitId: Id;
  readonly rowUnitId: Id | null;
}

/** Characters file systems refuse in a name. */
const UNSAFE_FILE_CHARACTERS = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A ratio as a CSV percentage, one decimal: a number a spreadsheet can sum, not text with a % sign. */
const csvPercent = (ratio: number | null | undefined): CsvCell =>
  ratio === null || ratio === undefined ? null : Math.round(ratio * 1000) / 10;
const csvScore = (score: number | null | undefined): CsvCell => (score === null || score === undefined ? null : Math.round(score * 10) / 10);

/**
 * The KPIs of an org unit at a glance, for the manager's Monday: average
 * completion, average score, how many KPIs are healthy, worth watching or
 * unhealthy, how completion spreads, each unit one level down (drill into
 * it; the breadcrumb climbs back), the people who sit in the unit itself, and
 * the KPIs that need attention with the people behind them.
 *
 * Figures count the KPIs the signed-in person may see (their own, their
 * reports', or everyone's for HR); the adapter leaves out the rest, and the
 * widget says so to anyone who is not HR.
 *
 * Drilling into a unit or climbing the breadcrumb fires
 * `tandem-org-unit-select` and, unless it is cancelled, moves `org-unit`
 * there; focus follows to the new unit's heading (or, going up, to the row
 * of the unit just left). Selecting a person fires `tandem-person-select`
 * so the host can open their scorecard. Each table exports as CSV.
 *
 * The widget reloads when KPIs, check-ins, key results, people, org units or
 * cycles change (here or in another tab), staying on the unit it shows and
 * keeping the figures on screen while it does.
 *
 * @summary Average completion, status mix and the KPIs needing attention in an org unit, with drill-down.
 *
 * @fires tandem-org-unit-select - The person drilled into a unit or climbed the breadcrumb. `event.orgUnitId` and `event.orgUnit` name the unit; the widget moves there unless the event is cancelled.
 * @fires tandem-person-select - The person selected someone (a member or the owner of a KPI needing attention). `event.personId` and `event.person` name them.
 * @fires tandem-cycle-select - The person picked another cycle. `event.cycleId` is its id; the widget shows it unless the event is cancelled.
 *
 * @csspart breadcrumb - The trail of units above the one shown.
 * @csspart stats - The headline figures.
 * @csspart distribution - The status bar with its legend.
 * @csspart chart - The completion spread chart.
 * @csspart table - Each table: units, people, KPIs needing attention, people behind them.
 * @csspart state - The loading, empty, error or forbidden message.
 *
 * @cssprop --tandem-kpi-rollup-healthy-color - Healthy in the bars and legends (default: the on-track colour).
 * @cssprop --tandem-kpi-rollup-watch-color - Watch (default: the at-risk colour).
 * @cssprop --tandem-kpi-rollup-unhealthy-color - Unhealthy (default: the off-track colour).
 * @cssprop --tandem-kpi-rollup-chart-height - Height of the completion spread chart (default 9rem).
 */
@customElement('tandem-kpi-rollup')
export class TandemKpiRollup extends TandemElement {
  static override styles = [TandemElement.styles, controlStyles, stateStyles, kpiRollupStyles];

  private readonly rollUpTask = new Task(this, {
    task: async ([adapter, cycleId, orgUnitId, session, worst], { signal }) =>
      adapter ? loadKpiRollup(adapter, { cycleId, orgUnitId, session, now: this.now ?? new Date(), worst }, signal) : undefined,
    // The whole session, not the person's id: a reloaded session with the same person may bring other roles
    // (HR granted sees every KPI, and opens on the company). `now` moves the forecasts.
    args: () => [this.sessionAdapter, this.cycle, this.orgUnit, this.session, this.worst, this.now?.getTime()] as const,
  });

  /** Reloads when anything behind the figures changes, staying on the unit shown. */
  protected readonly changes = new DataChangeController(this, {
    adapter: () => this.dataAdapter,
    kinds: ['kpi', 'checkIn', 'keyResult', 'person', 'orgUnit', 'cycle'],
    onChange: () => void this.rollUpTask.run(),
  });

  private pendingFocus: PendingFocus | null = null;

  @query('h2')
  private heading!: HTMLElement | null;

  /** The goal cycle whose KPIs count; unset: the active cycle. */
  @property()
  cycle: Id | undefined;

  /**
   * The org unit to roll up; the widget moves it as the person drills down.
   * Unset: the signed-in person's — the whole company for HR, the highest
   * unit a manager leads, else their own unit.
   */
  @property({ attribute: 'org-unit', reflect: true })
  orgUnit: Id | undefined;

  /** How many of the worst KPIs "needs attention" lists at most (healthy ones never). */
  @property({ type: Number })
  worst = DEFAULT_WORST_KPI_COUNT;

  /** The moment forecasts are measured at; unset: now. For stories, tests and replays. */
  @property({ attribute: false })
  now: Date | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.applyPendingFocus();
  }

  // ── Navigation ─────────────────────────────────────────────────────────

  private moveTo(unit: OrgUnit, rowUnitId: Id | null): void {
    if (unit.id === this.orgUnit && this.rollUpTask.value?.unit?.id === unit.id) return;
    const event = new TandemOrgUnitSelectEvent(unit.id, unit);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.pendingFocus = { unitId: unit.id, rowUnitId };
    this.orgUnit = unit.id;
  }

  private applyPendingFocus(): void {
    const pending = this.pendingFocus;
    if (!pending) return;
    const status = this.rollUpTask.status;
    if (status === TaskStatus.ERROR) {
      this.pendingFocus = null;
      return;
    }
    if (status !== TaskStatus.COMPLETE || this.rollUpTask.value?.unit?.id !== pending.unitId) return;
    this.pendingFocus = null;
    const row = pending.rowUnitId
      ? this.renderRoot.querySelector<HTMLElement>(`[data-unit-id="${CSS.escape(pending.rowUnitId)}"]`)
      : null;
    (row ?? this.heading)?.focus();
  }

  private selectCycle(cycleId: Id): void {
    const event = new TandemCycleSelectEvent(cycleId);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.cycle = cycleId;
    // Cancelled, nothing the select is bound to changed: render anyway, so its live value puts it back.
    else this.requestUpdate();
  }

  private selectPerson(person: Person): void {
    this.dispatchEvent(new TandemPersonSelectEvent(person.id, person));
  }

  // ── Public ─────────────────────────────────────────────────────────────

  /**
   * The rows of one table as CSV (UTF-8 with BOM, CRLF, formula-like text
   * neutralised), in the current language: what the export button saves.
   * Only the header row while nothing is loaded.
   */
  csv(table: KpiRollupTable): string {
    const data = this.rollUpTask.value;
    const rows: CsvCell[][] = [this.csvHeader(table)];
    if (data?.rollUp) rows.push(...this.csvRows(table, data, data.rollUp));
    return toCsv(rows);
  }

  /** Saves one table as a CSV file. */
  exportCsv(table: KpiRollupTable): void {
    const data = this.rollUpTask.value;
    const name = [data?.unit?.name, data?.cycle?.name, this.tableName(table)]
      .filter((part): part is string => Boolean(part))
      .join(' ')
      .replace(UNSAFE_FILE_CHARACTERS, '-');
    const url = URL.createObjectURL(new Blob([this.csv(table)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.csv`;
    link.hidden = true;
    // Some browsers ignore a click on a link that is not in a document.
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in Safari, which reads the URL
    // after the click returns; FileSaver.js waits 40 s for the same reason.
    setTimeout(() => URL.revokeObjectURL(url), 40_000);
  }

  // ── Rendering ──────────────────────────────────────────────────────────

  protected override render() {
    const shown = this.rollUpTask.value;
    return this.rollUpTask.render({
      initial: () => renderLoading(this.t),
      // A reload (a change, a drill-down) keeps the figures on screen, marked busy, rather than blanking them.
      pending: () => (shown ? this.renderRollUp(shown, true) : renderLoading(this.t)),
      error: (error) => renderError(error, this.t, this.activeLocale, () => void this.rollUpTask.run()),
      complete: (data) => (data ? this.renderRollUp(data, false) : renderLoading(this.t)),
    });
  }

  private renderRollUp(data: KpiRollupData, busy: boolean) {
    const { t } = this;
    const { unit, cycle, rollUp } = data;
    let body: TemplateResult;
    if (!unit) body = renderEmpty(t('kpiRollup.noUnits'));
    else if (!cycle) body = renderEmpty(t('kpiRollup.noCycles'));
    else if (!rollUp || rollUp.total.count === 0) body = renderEmpty(t('kpiRollup.empty', { unit: unit.name }));
    else body = this.renderFigures(data, unit, rollUp);
    return html`<section class="rollup" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
      ${this.renderHead(data, busy)}
      ${data.seesAll || !unit ? nothing : html`<p class="note">${t('kpiRollup.visibleOnly')}</p>`} ${body}
    </section>`;
  }

  private renderHead({ cycles, cycle, unit, trail }: KpiRollupData, busy: boolean) {
    const { t, format } = this;
    // The select's value is live(): a cancelled tandem-cycle-select changes nothing bound here, so only a comparison with
    // the DOM puts the select back. It names the cycle asked for, which stays picked while its figures load. `?selected`
    // covers the first render, where the value is set before the options exist.
    return html`<div class="head panel-head">
      <div class="where">
        ${trail.length > 1 ? this.renderTrail(trail) : nothing}
        <h2 id="heading" tabindex="-1">
          ${unit ? html`${unit.name} <span class="kind">${t(`orgUnitKind.${unit.kind}`)}</span>` : t('kpiRollup.label')}
        </h2>
      </div>
      <div class="controls">
        ${busy
          ? html`<span class="busy"><span class="state-spinner" aria-hidden="true"></span>${t('kpiRollup.updating')}</span>`
          : nothing}
        ${cycle
          ? html`<div class="field">
                <label for="cycle">${t('kpiRollup.cycle')}</label>
                <select
                  id="cycle"
                  .value=${live(this.cycle ?? cycle.id)}
                  @change=${(event: Event) => this.selectCycle((event.target as HTMLSelectElement).value)}
                >
                  ${cycles.map(
                    (option) =>
                      html`<option value=${option.id} ?selected=${option.id === cycle.id}>
                        ${option.name} · ${t(`cycleStatus.${option.status}`)}
                      </option>`,
                  )}
                </select>
              </div>
              <span class="muted">${t('kpiRollup.cycleDates', { start: format.date(cycle.start), end: format.date(cycle.end) })}</span>`
          : nothing}
      </div>
    </div>`;
  }

  private renderTrail(trail: readonly OrgUnit[]) {
    const last = trail.length - 1;
    return html`<nav class="crumbs" part="breadcrumb" aria-label=${this.t('kpiRollup.breadcrumb')}>
      <ol>
        ${trail.map((unit, index) =>
          index === last
            ? html`<li><span aria-current="page">${unit.name}</span></li>`
            : html`<li>
                <button type="button" class="link" @click=${() => this.moveTo(unit, trail[index + 1]?.id ?? null)}>${unit.name}</button>
              </li>`,
        )}
      </ol>
    </nav>`;
  }

  private renderFigures(data: KpiRollupData, unit: OrgUnit, rollUp: KpiOrgUnitRollUp) {
    return html`<div class="headline">
        ${this.renderStats(rollUp)}
        <div class="panel">${this.renderDistribution(data, rollUp)} ${this.renderSpread(rollUp.completions)}</div>
      </div>
      ${rollUp.children.length > 0 ? this.renderUnits(data, rollUp) : nothing}
      ${rollUp.members.length > 0 ? this.renderMembers(data, unit, rollUp) : nothing} ${this.renderAttention(data, rollUp)}`;
  }

  private renderStats(rollUp: KpiOrgUnitRollUp) {
    const { t, format } = this;
    const { total } = rollUp;
    return html`<dl class="stats" part="stats">
      <div class="stat">
        <dt>${t('kpiRollup.averageCompletion')}</dt>
        <dd>${this.maybe(total.averageCompletion, (value) => format.percent(value))}</dd>
      </div>
      <div class="stat">
        <dt>${t('kpiRollup.averageScore')}</dt>
        <dd>
          ${this.maybe(rollUp.averageScore, (value) => format.number(value, 1))}
          <span class="hint">${t('kpiRollup.averageScoreHint')}</span>
        </dd>
      </div>
      <div class="stat">
        <dt>${t('kpiRollup.kpis')}</dt>
        <dd>${format.number(total.count, 0)}</dd>
      </div>
      <div class="stat">
        <dt>${t('kpiRollup.owners')}</dt>
        <dd>${format.number(rollUp.owners, 0)}</dd>
      </div>
    </dl>`;
  }

  /**
   * The status mix now and as forecast for the cycle's end: a bar for the eye,
   * and the same counts and shares as text beside it. Both shares are of all
   * KPIs, so KPIs too new to forecast leave the forecast bar short.
   */
  private renderDistribution(data: KpiRollupData, rollUp: KpiOrgUnitRollUp) {
    const { t, format } = this;
    const { count } = rollUp.total;
    const { unforecast } = rollUp.forecast;
    // A cycle that is over has its result: a forecast at its end would only repeat it.
    if (this.cycleEnded(data)) {
      return html`<div class="panel" part="distribution">
        <h3 id="distribution-heading">${t('kpiRollup.status')}</h3>
        ${this.renderMixWithLegend('now', t('kpiRollup.statusEnded'), rollUp.total.statusCounts, count)}
      </div>`;
    }
    return html`<div class="panel" part="distribution">
      <h3 id="distribution-heading">${t('kpiRollup.status')}</h3>
      ${this.renderMixWithLegend('now', t('kpiRollup.statusNow'), rollUp.total.statusCounts, count)}
      ${this.renderMixWithLegend('forecast', t('kpiRollup.forecast'), rollUp.forecast.statusCounts, count)}
      ${unforecast > 0 ? html`<p class="muted">${t('kpiRollup.unforecast', { count: format.number(unforecast, 0) })}</p>` : nothing}
    </div>`;
  }

  /** Whether the cycle shown is over at `now`: its figures are results. */
  private cycleEnded(data: KpiRollupData): boolean {
    return data.cycle !== undefined && isPeriodOver(data.cycle, this.now ?? new Date());
  }

  private renderMixWithLegend(id: string, label: string, counts: Readonly<Record<KpiStatus, number>>, of: number) {
    const { t, format } = this;
    return html`<div class="mix-group" data-mix=${id}>
      <span class="mix-label" id="mix-${id}">${label}</span>
      ${this.renderMix(counts, { large: true, of })}
      <ul class="legend" aria-labelledby="distribution-heading mix-${id}">
        ${KPI_STATUSES.map(
          (status) =>
            html`<li>
              <span class="swatch" data-status=${status} aria-hidden="true"></span>
              ${t('kpiRollup.statusCount', {
                status: t(KPI_STATUS_MESSAGE_KEYS[status]),
                count: format.number(counts[status], 0),
                share: format.percent(of > 0 ? counts[status] / of : 0),
              })}
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** A stacked bar of statuses; shares are of `of` (default: the counts' sum), the rest left as track. */
  private renderMix(counts: Readonly<Record<KpiStatus, number>>, options: { large?: boolean; of?: number } = {}) {
    const shares = options.of === undefined ? statusShares(counts) : null;
    const share = (status: KpiStatus) => shares?.[status] ?? (options.of ? counts[status] / options.of : 0);
    return html`<span class="mix ${options.large ? 'large' : ''}" aria-hidden="true">
      ${KPI_STATUSES.map((status) => html`<span data-status=${status} ${styleProperties({ width: `${share(status) * 100}%` })}></span>`)}
    </span>`;
  }

  /**
   * How completion spreads over the KPIs, in tenths of the target. d3 bins
   * and scales the data; Lit draws the SVG, so it is styled by CSS (and
   * themes) like the rest. The numbers above the bars and a table for
   * screen readers carry what the bars show.
   */
  private renderSpread(completions: readonly number[]) {
    const { t, format } = this;
    const bins = bin<number, number>().domain([0, KPI_COMPLETION_CAP]).thresholds(SPREAD_THRESHOLDS)(completions);
    const x = scaleLinear()
      .domain([0, KPI_COMPLETION_CAP])
      .range([CHART.left, CHART.width - CHART.right]);
    const y = scaleLinear()
      .domain([0, max(bins, (entry) => entry.length) ?? 0])
      .nice()
      .range([CHART.height - CHART.bottom, CHART.top]);
    const base = y(0);
    const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2];
    const label = (from: number, to: number) => t('kpiRollup.spreadBin', { from: format.percent(from), to: format.percent(to) });
    return html`<figure class="spread" part="chart">
      <figcaption>${t('kpiRollup.spread')}</figcaption>
      <svg viewBox="0 0 ${CHART.width} ${CHART.height}" aria-hidden="true" focusable="false">
        ${bins.map((entry) => {
          const from = x(entry.x0 ?? 0);
          const to = x(entry.x1 ?? 0);
          const top = y(entry.length);
          return svg`<rect class="bar" x=${from + 1} y=${top} width=${Math.max(0, to - from - 2)} height=${base - top}></rect>
            ${entry.length > 0 ? svg`<text class="count" x=${(from + to) / 2} y=${top - 4} text-anchor="middle">${format.number(entry.length, 0)}</text>` : nothing}`;
        })}
        <line class="baseline" x1=${CHART.left} x2=${CHART.width - CHART.right} y1=${base} y2=${base}></line>
        <line class="target" x1=${x(1)} x2=${x(1)} y1=${CHART.top - 8} y2=${base}></line>
        ${ticks.map(
          (tick) =>
            svg`<text class="tick" x=${x(tick)} y=${CHART.height - 6} text-anchor=${tick === 0 ? 'start' : tick === KPI_COMPLETION_CAP ? 'end' : 'middle'}>${format.percent(tick)}</text>`,
        )}
      </svg>
      <table class="visually-hidden">
        <caption>
          ${t('kpiRollup.spread')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('kpiRollup.completion')}</th>
            <th scope="col">${t('kpiRollup.kpis')}</th>
          </tr>
        </thead>
        <tbody>
          ${bins.map(
            (entry) =>
              html`<tr>
                <th scope="row">${label(entry.x0 ?? 0, entry.x1 ?? 0)}</th>
                <td>${format.number(entry.length, 0)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }

  private renderBlockHead(heading: string, headingId: string, table: KpiRollupTable) {
    return html`<div class="block-head">
      <h3 id=${headingId}>${heading}</h3>
      <button type="button" class="button" data-export=${table} @click=${() => this.exportCsv(table)}>
        ${this.t('kpiRollup.export')}<span class="visually-hidden">${this.t('kpiRollup.exportWhich', { table: heading })}</span>
      </button>
    </div>`;
  }

  private renderStatusHeaders() {
    return KPI_STATUSES.map(
      (status) => html`<th scope="col" class="number">
        <span class="swatched"><span class="swatch" data-status=${status} aria-hidden="true"></span>${this.t(KPI_STATUS_MESSAGE_KEYS[status])}</span>
      </th>`,
    );
  }

  private renderStatusCells(counts: Readonly<Record<KpiStatus, number>> | undefined) {
    return KPI_STATUSES.map((status) => html`<td class="number">${counts ? this.format.number(counts[status], 0) : this.renderNoData()}</td>`);
  }

  private renderUnits(data: KpiRollupData, rollUp: KpiOrgUnitRollUp) {
    const { t, format } = this;
    return html`<section class="block" aria-labelledby="units-heading">
      ${this.renderBlockHead(t('kpiRollup.byUnit'), 'units-heading', 'units')}
      <div class="table-wrap">
        <table part="table" data-table="units">
          <caption>${t('kpiRollup.byUnitCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('kpiRollup.unit')}</th>
              <th scope="col">${t('kpiRollup.leader')}</th>
              <th scope="col" class="number">${t('kpiRollup.kpis')}</th>
              <th scope="col" class="number">${t('kpiRollup.averageCompletion')}</th>
              <th scope="col" class="number">${t('kpiRollup.averageScore')}</th>
              ${this.renderStatusHeaders()}
              <th scope="col">${t('kpiRollup.distribution')}</th>
            </tr>
          </thead>
          <tbody>
            ${rollUp.children.map(({ unit, rollUp: child, averageScore }) => {
              const leader = unit.leaderId ? data.people.get(unit.leaderId) : undefined;
              return html`<tr>
                <th scope="row">
                  <span class="unit-cell">
                    <button type="button" class="link" data-unit-id=${unit.id} @click=${() => this.moveTo(unit, null)}>${unit.name}</button>
                    <span class="kind">${t(`orgUnitKind.${unit.kind}`)}</span>
                  </span>
                </th>
                <td>
                  ${leader
                    ? html`<tandem-person-chip compact .person=${leader}></tandem-person-chip>`
                    : html`<span class="muted">${t('kpiRollup.noLeader')}</span>`}
                </td>
                <td class="number">${format.number(child.count, 0)}</td>
                <td class="number">${this.maybe(child.averageCompletion, (value) => format.percent(value))}</td>
                <td class="number">${this.maybe(averageScore, (value) => format.number(value, 1))}</td>
                ${this.renderStatusCells(child.statusCounts)}
                <td class="mix-cell">${this.renderMix(child.statusCounts)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderMembers(data: KpiRollupData, unit: OrgUnit, rollUp: KpiOrgUnitRollUp) {
    const { t, format } = this;
    const heading = t('kpiRollup.members', { unit: unit.name });
    return html`<section class="block" aria-labelledby="members-heading">
      ${this.renderBlockHead(heading, 'members-heading', 'members')}
      <div class="table-wrap">
        <table part="table" data-table="members">
          <caption>${t('kpiRollup.membersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('kpiRollup.person')}</th>
              <th scope="col" class="number">${t('kpiRollup.kpis')}</th>
              <th scope="col" class="number">${t('kpiRollup.score')}</th>
              ${this.renderStatusHeaders()}
              <th scope="col">${t('kpiRollup.distribution')}</th>
            </tr>
          </thead>
          <tbody>
            ${rollUp.members.map(
              ({ personId, plan }) => html`<tr data-person-id=${personId}>
                <th scope="row">${this.renderPerson(data, personId, false)}</th>
                <td class="number">${plan ? format.number(plan.count, 0) : html`<span class="muted">${t('kpiRollup.noKpis')}</span>`}</td>
                <td class="number">${this.maybe(plan?.score ?? null, (value) => format.number(value, 1))}</td>
                ${this.renderStatusCells(plan?.statusCounts)}
                <td class="mix-cell">${plan ? this.renderMix(plan.statusCounts) : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderAttention(data: KpiRollupData, rollUp: KpiOrgUnitRollUp) {
    const { t, format } = this;
    const { kpis, owners } = rollUp.attention;
    const ended = this.cycleEnded(data);
    if (kpis.length === 0) {
      return html`<section class="block" aria-labelledby="attention-heading">
        <h3 id="attention-heading">${t('kpiRollup.attention')}</h3>
        <p class="all-healthy">${t('kpiRollup.allHealthy')}</p>
      </section>`;
    }
    return html`<section class="block" aria-labelledby="attention-heading">
        ${this.renderBlockHead(t('kpiRollup.attention'), 'attention-heading', 'attention')}
        <div class="table-wrap">
          <table part="table" data-table="attention">
            <caption>${t('kpiRollup.attentionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('kpiRollup.kpi')}</th>
                <th scope="col">${t('kpiRollup.owner')}</th>
                <th scope="col" class="number">${t('kpiRollup.completion')}</th>
                <th scope="col">${t('kpiRollup.status')}</th>
                <th scope="col" class="number">${t('kpiRollup.actualTarget')}</th>
                ${ended ? nothing : html`<th scope="col">${t('kpiRollup.forecast')}</th>`}
              </tr>
            </thead>
            <tbody>
              ${kpis.map(
                ({ kpi, assessment }) => html`<tr data-kpi-id=${kpi.id}>
                  <th scope="row" class="kpi-name">${kpi.name}</th>
                  <td>${this.renderPerson(data, kpi.ownerId, true)}</td>
                  <td class="number">${format.percent(assessment.completion)}</td>
                  <td>${this.renderStatus(assessment.status)}</td>
                  <td class="number">${this.actualOfTarget(kpi)}</td>
                  ${ended
                    ? nothing
                    : html`<td>
                        ${assessment.forecast
                          ? html`<span class="swatched"
                              >${format.percent(assessment.forecast.completion)} ${this.renderStatus(assessment.forecast.status)}</span
                            >`
                          : this.renderNoData()}
                      </td>`}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section class="block" aria-labelledby="owners-heading">
        ${this.renderBlockHead(t('kpiRollup.peopleBehind'), 'owners-heading', 'owners')}
        <div class="table-wrap">
          <table part="table" data-table="owners">
            <caption>${t('kpiRollup.peopleBehindCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('kpiRollup.person')}</th>
                <th scope="col" class="number">${t('kpiRollup.score')}</th>
                <th scope="col" class="number">${t('kpiRollup.kpis')}</th>
                <th scope="col" class="number">${t('kpiRollup.flagged')}</th>
                <th scope="col" class="number">${t(KPI_STATUS_MESSAGE_KEYS.unhealthy)}</th>
              </tr>
            </thead>
            <tbody>
              ${owners.map(
                ({ ownerId, flagged, plan }) => html`<tr data-person-id=${ownerId}>
                  <th scope="row">${this.renderPerson(data, ownerId, false)}</th>
                  <td class="number">${this.maybe(plan.score, (value) => format.number(value, 1))}</td>
                  <td class="number">${format.number(plan.count, 0)}</td>
                  <td class="number">${format.number(flagged, 0)}</td>
                  <td class="number">${format.number(plan.statusCounts.unhealthy, 0)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>`;
  }

  /** A person as a button that selects them; their id, muted, when the adapter did not return them. */
  private renderPerson(data: KpiRollupData, personId: Id, compact: boolean) {
    const person = data.people.get(personId);
    if (!person) return html`<span class="muted">${personId}</span>`;
    return html`<button type="button" class="person" data-select-person=${person.id} @click=${() => this.selectPerson(person)}>
      <tandem-person-chip ?compact=${compact} .person=${person}></tandem-person-chip>
    </button>`;
  }

  private renderStatus(status: KpiStatus) {
    return html`<span class="badge" data-status=${status}>${this.t(KPI_STATUS_MESSAGE_KEYS[status])}</span>`;
  }

  private renderNoData() {
    return html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.t('kpiRollup.noData')}</span>`;
  }

  private maybe(value: number | null, show: (value: number) => string) {
    return value === null ? this.renderNoData() : show(value);
  }

  private actualOfTarget(kpi: Kpi): string {
    const { format } = this;
    return this.t('kpiRollup.actualOfTarget', {
      actual: formatKpiAmount(kpi.actual, kpi.unit, format),
      target: formatKpiAmount(kpi.target, kpi.unit, format),
    });
  }

  // ── CSV ────────────────────────────────────────────────────────────────

  private tableName(table: KpiRollupTable): string {
    const { t } = this;
    const unit = this.rollUpTask.value?.unit;
    switch (table) {
      case 'units':
        return t('kpiRollup.byUnit');
      case 'members':
        return unit ? t('kpiRollup.members', { unit: unit.name }) : t('kpiRollup.person');
      case 'attention':
        return t('kpiRollup.attention');
      case 'owners':
        return t('kpiRollup.peopleBehind');
    }
  }

  private csvHeader(table: KpiRollupTable): CsvCell[] {
    const { t } = this;
    const statuses = KPI_STATUSES.map((status) => t(KPI_STATUS_MESSAGE_KEYS[status]));
    switch (table) {
      case 'units':
        return [
          t('kpiRollup.unit'),
          t('kpiRollup.kind'),
          t('kpiRollup.leader'),
          t('kpiRollup.kpis'),
          t('kpiRollup.csv.averageCompletion'),
          t('kpiRollup.averageScore'),
          ...statuses,
        ];
      case 'members':
        return [t('kpiRollup.person'), t('kpiRollup.jobTitle'), t('kpiRollup.kpis'), t('kpiRollup.score'), ...statuses];
      case 'attention':
        return [
          t('kpiRollup.kpi'),
          t('kpiRollup.owner'),
          t('kpiRollup.csv.completion'),
          t('kpiRollup.status'),
          t('kpiRollup.csv.actual'),
          t('kpiRollup.csv.target'),
          t('kpiRollup.csv.measure'),
          t('kpiRollup.csv.forecast'),
          t('kpiRollup.csv.forecastStatus'),
        ];
      case 'owners':
        return [t('kpiRollup.person'), t('kpiRollup.jobTitle'), t('kpiRollup.score'), t('kpiRollup.kpis'), t('kpiRollup.flagged'), statuses[2]];
    }
  }

  private csvRows(table: KpiRollupTable, data: KpiRollupData, rollUp: KpiOrgUnitRollUp): CsvCell[][] {
    const { t } = this;
    const nameOf = (id: Id | null | undefined): string => {
      const person = id ? data.people.get(id) : undefined;
      return person ? displayName(person, this.activeLocale).primary : (id ?? '');
    };
    const counts = (statusCounts: Readonly<Record<KpiStatus, number>> | undefined): CsvCell[] =>
      KPI_STATUSES.map((status) => statusCounts?.[status] ?? null);
    switch (table) {
      case 'units':
        return rollUp.children.map(({ unit, rollUp: child, averageScore }) => [
          unit.name,
          t(`orgUnitKind.${unit.kind}`),
          nameOf(unit.leaderId),
          child.count,
          csvPercent(child.averageCompletion),
          csvScore(averageScore),
          ...counts(child.statusCounts),
        ]);
      case 'members':
        return rollUp.members.map(({ personId, plan }) => [
          nameOf(personId),
          data.people.get(personId)?.title ?? null,
          plan?.count ?? 0,
          csvScore(plan?.score),
          ...counts(plan?.statusCounts),
        ]);
      case 'attention':
        return rollUp.attention.kpis.map(({ kpi, assessment }) => [
          kpi.name,
          nameOf(kpi.ownerId),
          csvPercent(assessment.completion),
          t(KPI_STATUS_MESSAGE_KEYS[assessment.status]),
          kpi.actual,
          kpi.target,
          kpi.unit,
          csvPercent(assessment.forecast?.completion),
          assessment.forecast ? t(KPI_STATUS_MESSAGE_KEYS[assessment.forecast.status]) : null,
        ]);
      case 'owners':
        return rollUp.attention.owners.map(({ ownerId, flagged, plan }) => [
          nameOf(ownerId),
          data.people.get(ownerId)?.title ?? null,
          csvScore(plan.score),
          plan.count,
          flagged,
          plan.statusCounts.unhealthy,
        ]);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-kpi-rollup': TandemKpiRollup;
  }
}
