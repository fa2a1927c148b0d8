import '../../i18n/messages/org-overview.js';
import { defaultCycle } from '../../model/cycles.js';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TandemElement } from '../../context/tandem-element.js';
import { DataChangeController } from '../../controllers/data-change-controller.js';
import { styleProperties } from '../../directives/style-properties.js';
import type { DataAdapter } from '../../data/adapter.js';
import { NotFoundError } from '../../data/errors.js';
import { TandemCycleSelectEvent } from '../../events/cycle-select.js';
import { liveGoalCount, summariseOrg, type OrgSummary, type OrgUnitSummary } from '../../model/org-summary.js';
import type { Cycle, Id, OrgUnit, Strategy } from '../../model/records.js';
import { controlStyles, stateStyles } from '../../styles/shared.js';
import { panelStyles } from '../../styles/parts.js';
import { token } from '../../styles/tokens.js';
import '../person-chip/person-chip.js';
import { renderEmpty, renderError, renderLoading } from '../shared/states.js';

/** What a load was made for: figures made for one scope must never stand in for another's. */
interface OverviewScope {
  adapter: DataAdapter;
  rootId: Id | undefined;
  /** How many times the signed-in person had changed when the load began. */
  sessionChanges: number;
}

interface OverviewData {
  scope: OverviewScope;
  cycles: Cycle[];
  cycle: Cycle | undefined;
  summary: OrgSummary;
  strategies: Strategy[];
}

/**
 * The organisation at a glance for one goal cycle: head counts, goals and
 * pending approvals, and each org unit with its leader, people and goal mix,
 * rolled up the org tree. The page a portal opens on.
 *
 * @summary Org units, people and goal counts for a cycle.
 *
 * @fires tandem-cycle-select - The person picked another cycle. `event.cycleId` is its id; the widget shows it unless the event is cancelled.
 *
 * @csspart stats - The row of headline figures.
 * @csspart table - The org unit table.
 * @csspart state - The loading, empty, error or forbidden message.
 *
 * @cssprop --tandem-org-overview-indent - Indent per level of the org tree (default 1.25rem).
 */
@customElement('tandem-org-overview')
export class TandemOrgOverview extends TandemElement {
  static override styles = [
    TandemElement.styles,
    controlStyles,
    stateStyles,
    panelStyles,
    css`
      :host {
        --_indent: var(--tandem-org-overview-indent, 1.25rem);
      }

      .head {
        justify-content: space-between;
      }

      .cycle-dates {
        color: ${token('color-text-muted')};
      }

      .busy {
        display: inline-flex;
        align-items: center;
        gap: ${token('space-xs')};
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }

      .busy .state-spinner {
        width: 0.875rem;
        height: 0.875rem;
      }

      .stats {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: ${token('space-m')};
        margin: 0;
        padding: ${token('space-l')};
      }

      .stat {
        padding: ${token('space-m')};
        border-radius: ${token('radius-s')};
        background: ${token('color-surface-sunken')};
      }

      .stat dt {
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }

      .stat dd {
        margin: 0;
        font-size: ${token('font-size-xl')};
        font-weight: ${token('font-weight-strong')};
        font-variant-numeric: tabular-nums;
      }

      .table-wrap {
        overflow-x: auto;
        padding: 0 ${token('space-l')} ${token('space-l')};
      }

      table {
        width: 100%;
        border-collapse: collapse;
      }

      caption {
        text-align: start;
        padding-bottom: ${token('space-s')};
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }

      th,
      td {
        padding: ${token('space-s')};
        border-bottom: 1px solid ${token('color-border')};
        text-align: start;
        vertical-align: middle;
      }

      thead th {
        background: ${token('color-surface-sunken')};
        font-size: ${token('font-size-s')};
        font-weight: ${token('font-weight-strong')};
      }

      tbody th {
        font-weight: normal;
      }

      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-m')};
        margin: ${token('space-s')} 0 0;
        padding: 0;
        list-style: none;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }

      .legend li {
        display: inline-flex;
        align-items: center;
        gap: ${token('space-xs')};
      }

      .swatch {
        width: 0.75rem;
        height: 0.5rem;
        border-radius: 999px;
      }

      td.number,
      th.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }

      .unit {
        display: grid;
        padding-inline-start: calc(var(--_depth) * var(--_indent));
      }

      .unit-name {
        font-weight: ${token('font-weight-strong')};
      }

      .unit-kind,
      .muted {
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }

      .mix {
        display: flex;
        width: 8rem;
        height: 0.5rem;
        overflow: hidden;
        border-radius: 999px;
        background: ${token('color-neutral-soft')};
      }

      .mix span {
        display: block;
        height: 100%;
      }

      .approved {
        background: ${token('color-on-track')};
      }

      .pending {
        background: ${token('color-at-risk')};
      }

      .rejected {
        background: ${token('color-off-track')};
      }

      .draft {
        background: ${token('color-text-muted')};
      }
    `,
  ];

  private readonly overviewTask = new Task(this, {
    task: async ([adapter, cycleId, rootId], { signal }) => this.load(adapter, cycleId, rootId, signal),
    args: () => [this.dataAdapter, this.cycle, this.root] as const,
  });

  /** Reloads when people, units, cycles, goals or strategy change, here or in another tab. */
  protected readonly changes = new DataChangeController(this, {
    adapter: () => this.dataAdapter,
    kinds: ['orgUnit', 'person', 'cycle', 'goal', 'strategy'],
    onChange: (change) => {
      // Another person sees other goals: their reload must not show the last person's figures meanwhile.
      if (change.type === 'session') this.sessionChanges += 1;
      void this.overviewTask.run();
    },
  });

  private sessionChanges = 0;

  /** The goal cycle to count; unset: the active cycle. */
  @property()
  cycle: Id | undefined;

  /** The org unit to start from; unset: the whole company. */
  @property()
  root: Id | undefined;

  protected override render() {
    const shown = this.overviewTask.value;
    return this.overviewTask.render({
      initial: () => renderLoading(this.t),
      // A reload (another cycle, a change announced by the adapter) keeps the figures on screen, marked busy:
      // blanking them would also remove the cycle selector the person may be using, and drop focus to <body>.
      // Another root, adapter or signed-in person is another scope, whose old figures must not stay.
      pending: () => (shown && this.isCurrentScope(shown.scope) ? this.renderOverview(shown, true) : renderLoading(this.t)),
      error: (error) => renderError(error, this.t, this.activeLocale, () => void this.overviewTask.run()),
      complete: (data) => (data ? this.renderOverview(data, false) : renderLoading(this.t)),
    });
  }

  private isCurrentScope({ adapter, rootId, sessionChanges }: OverviewScope): boolean {
    return adapter === this.dataAdapter && rootId === this.root && sessionChanges === this.sessionChanges;
  }

  private async load(
    adapter: DataAdapter | undefined,
    cycleId: Id | undefined,
    rootId: Id | undefined,
    signal: AbortSignal,
  ): Promise<OverviewData | undefined> {
    if (!adapter) return undefined;
    const scope: OverviewScope = { adapter, rootId, sessionChanges: this.sessionChanges };
    const options = { signal };
    const [cycles, units, people] = await Promise.all([
      adapter.listCycles(options),
      rootId ? adapter.getOrgSubtree(rootId, options) : adapter.listOrgUnits(options),
      adapter.listPeople(rootId ? { orgUnitId: rootId, includeSubunits: true } : {}, options),
    ]);
    const cycle = cycleId ? cycles.find((candidate) => candidate.id === cycleId) : defaultCycle(cycles);
    // A host may link a cycle since deleted: say so (with a retry) rather than show "no cycles" and zeros.
    if (cycleId && !cycle) throw new NotFoundError('cycle', cycleId);
    const [goals, strategies] = cycle
      ? await Promise.all([adapter.listGoals({ cycleId: cycle.id }, options), adapter.listStrategies(cycle.id, options)])
      : [[], []];
    const unitIds = new Set(units.map((unit: OrgUnit) => unit.id));
    const goalsInScope = goals.filter((goal) => unitIds.has(goal.orgUnitId));
    return { scope, cycles, cycle, summary: summariseOrg(units, people, goalsInScope), strategies };
  }

  private selectCycle(cycleId: Id): void {
    const event = new TandemCycleSelectEvent(cycleId);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.cycle = cycleId;
    // Nothing changed that would re-render, but the select shows the refused pick: render, and `live` puts it back.
    else this.requestUpdate();
  }

  /** The cycle the selector shows: while another one loads, that one (the figures beside it are marked busy). */
  private selectedCycleId(cycles: readonly Cycle[], shown: Cycle, busy: boolean): Id {
    if (!busy) return shown.id;
    const requested = this.cycle ?? defaultCycle(cycles)?.id;
    return cycles.find((candidate) => candidate.id === requested)?.id ?? shown.id;
  }

  private renderOverview({ cycles, cycle, summary, strategies }: OverviewData, busy: boolean) {
    const { t, format } = this;
    const ariaBusy = busy ? 'true' : 'false';
    if (summary.rows.length === 0) return html`<div aria-busy=${ariaBusy}>${renderEmpty(t('orgOverview.empty'))}</div>`;
    const liveGoals = liveGoalCount(summary.goals);
    const selectedId = cycle ? this.selectedCycleId(cycles, cycle, busy) : undefined;
    return html`
      <section aria-label=${t('orgOverview.label')} aria-busy=${ariaBusy}>
        <div class="head panel-head">
          ${cycle
            ? html`<div class="field">
                  <label for="cycle">${t('orgOverview.cycle')}</label>
                  <select
                    id="cycle"
                    .value=${live(selectedId)}
                    @change=${(event: Event) => this.selectCycle((event.target as HTMLSelectElement).value)}
                  >
                    ${cycles.map(
                      (option) =>
                        html`<option value=${option.id} ?selected=${option.id === selectedId}>
                          ${option.name} · ${t(`cycleStatus.${option.status}`)}
                        </option>`,
                    )}
                  </select>
                </div>
                <span class="cycle-dates">
                  ${t('orgOverview.cycleDates', { start: format.date(cycle.start), end: format.date(cycle.end) })}
                </span>`
            : html`<span class="muted">${t('orgOverview.noCycles')}</span>`}
          ${busy
            ? html`<span class="busy"><span class="state-spinner" aria-hidden="true"></span>${t('orgOverview.updating')}</span>`
            : nothing}
        </div>
        <dl class="stats" part="stats">
          ${this.renderStat(t('orgOverview.people'), summary.people)}
          ${this.renderStat(t('orgOverview.units'), summary.rows.length)}
          ${this.renderStat(t('orgOverview.goals'), liveGoals)}
          ${this.renderStat(t('orgOverview.pendingApproval'), summary.goals.pending)}
          ${this.renderStat(t('orgOverview.strategy'), strategies.length)}
        </dl>
        <div class="table-wrap">
          <table part="table">
            <caption>${t('orgOverview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('orgOverview.unit')}</th>
                <th scope="col">${t('orgOverview.leader')}</th>
                <th scope="col" class="number">${t('orgOverview.people')}</th>
                <th scope="col" class="number">${t('orgOverview.goals')}</th>
                <th scope="col">${t('orgOverview.goalMix')}</th>
              </tr>
            </thead>
            <tbody>
              ${summary.rows.map((row) => this.renderRow(row))}
            </tbody>
          </table>
          <ul class="legend" aria-hidden="true">
            ${(['approved', 'pending', 'draft', 'rejected'] as const).map(
              (status) => html`<li><span class="swatch ${status}"></span>${t(`goalStatus.${status}`)}</li>`,
            )}
          </ul>
        </div>
      </section>
    `;
  }

  private renderStat(label: string, value: number) {
    return html`<div class="stat"><dt>${label}</dt><dd>${this.format.number(value, 0)}</dd></div>`;
  }

  private renderRow({ unit, depth, leader, headcount, goals }: OrgUnitSummary) {
    const live = liveGoalCount(goals);
    const share = (count: number) => ({ width: live === 0 ? '0' : `${(count / live) * 100}%` });
    const n = (count: number) => this.format.number(count, 0);
    return html`<tr>
      <th scope="row">
        <span class="unit" ${styleProperties({ '--_depth': String(depth) })}>
          <span class="unit-name">${unit.name}</span>
          <span class="unit-kind">${this.t(`orgUnitKind.${unit.kind}`)}</span>
        </span>
      </th>
      <td>
        ${leader
          ? html`<tandem-person-chip .person=${leader}></tandem-person-chip>`
          : html`<span class="muted">${this.t('orgOverview.noLeader')}</span>`}
      </td>
      <td class="number">${n(headcount)}</td>
      <td class="number">${n(live)}</td>
      <td>
        <span
          class="mix"
          role="img"
          aria-label=${this.t('orgOverview.goalMixLabel', {
            approved: n(goals.approved),
            pending: n(goals.pending),
            draft: n(goals.draft),
            rejected: n(goals.rejected),
          })}
        >
          <span class="approved" ${styleProperties(share(goals.approved))}></span>
          <span class="pending" ${styleProperties(share(goals.pending))}></span>
          <span class="draft" ${styleProperties(share(goals.draft))}></span>
          <span class="rejected" ${styleProperties(share(goals.rejected))}></span>
        </span>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-org-overview': TandemOrgOverview;
  }
}
