/**
 * The cycle setting "turn approved key results into KPIs automatically"
 * (HR only). The store applies it when a goal is approved; a goal approved
 * before the setting was turned on would never be converted, so turning it
 * on also converts the key results of the cycle's goals approved already —
 * one request each, as a manager would, with what could not be converted
 * reported with its reason (nobody sets their own plan, HR included).
 * Turning it off keeps the KPIs made so far.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isTandemError } from '../../data/errors.js';
import { TandemKpiChangeEvent } from '../../events/kpi-change.js';
import { keyResultsWithoutKpi } from '../../model/kpi-scorecard.js';
import { canManageCycles } from '../../model/permissions.js';
import type { Cycle } from '../../model/records.js';
import { ScorecardFlow } from './scorecard-flow.js';

interface AutoOutcome {
  readonly created: number;
  /** Refusals by reason, so one rule refusing fifty key results reads as one line. */
  readonly failures: ReadonlyMap<string, number>;
  /** The setting itself could not be saved. */
  readonly error?: string;
}

export class KpiAutoFlow extends ScorecardFlow {
  private status: 'idle' | 'saving' | 'converting' = 'idle';
  /** The value on its way: the switch shows it until the cycle reloads. */
  private pendingValue: boolean | undefined;
  private progress = { done: 0, total: 0 };
  private outcome: AutoOutcome | null = null;

  /** Whether the signed-in person may change the cycle's setting. */
  allowed(): boolean {
    const person = this.card.person;
    return person !== undefined && this.card.data?.cycle !== undefined && canManageCycles(person).allowed;
  }

  private setStatus(status: KpiAutoFlow['status']): void {
    this.status = status;
    this.host.requestUpdate();
  }

  /** The setting's value as shown: the one on its way, else the cycle's. */
  private value(cycle: Cycle): boolean {
    return this.pendingValue ?? cycle.autoKpiFromKeyResults;
  }

  /** Drops the value on its way once the loaded cycle holds it. */
  dropReloaded(cycle: Cycle | undefined): void {
    if (this.pendingValue !== undefined && this.status === 'idle' && cycle?.autoKpiFromKeyResults === this.pendingValue) {
      this.pendingValue = undefined;
      this.host.requestUpdate();
    }
  }

  private async change(on: boolean): Promise<void> {
    const adapter = this.card.adapter;
    const cycle = this.card.data?.cycle;
    if (!adapter || !cycle || this.status !== 'idle') return;
    const { t } = this.card;
    this.pendingValue = on;
    this.outcome = null;
    this.setStatus('saving');
    try {
      await adapter.updateCycle(cycle.id, cycle.version, { autoKpiFromKeyResults: on });
    } catch (error) {
      this.pendingValue = undefined;
      this.outcome = { created: 0, failures: new Map(), error: isTandemError(error) ? error.localizedMessage(this.card.locale) : t('state.error') };
      this.setStatus('idle');
      return;
    }
    if (on) await this.convertApproved(cycle);
    this.setStatus('idle');
    if (!on) this.card.announce(t('kpiScorecard.auto.off'));
  }

  /** Converts the key results of the cycle's approved goals that no KPI follows yet. */
  private async convertApproved(cycle: Cycle): Promise<void> {
    const adapter = this.card.adapter;
    if (!adapter) return;
    const { t, format } = this.card;
    const failures = new Map<string, number>();
    let created = 0;
    const fail = (error: unknown) => {
      const reason = isTandemError(error) ? error.localizedMessage(this.card.locale) : t('state.error');
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    };
    try {
      const goals = await adapter.listGoals({ cycleId: cycle.id, status: 'approved' });
      const [keyResults, kpis] = await Promise.all([
        goals.length > 0 ? adapter.listKeyResults({ goalIds: goals.map((goal) => goal.id) }) : Promise.resolve([]),
        adapter.listKpis({ cycleId: cycle.id }),
      ]);
      const candidates = keyResultsWithoutKpi(keyResults, new Map(goals.map((goal) => [goal.id, goal])), kpis);
      this.progress = { done: 0, total: candidates.length };
      this.setStatus('converting');
      for (const keyResult of candidates) {
        try {
          const kpi = await adapter.createKpiFromKeyResult(keyResult.id);
          created += 1;
          this.card.dispatch(new TandemKpiChangeEvent(kpi, 'created'));
        } catch (error) {
          fail(error);
        }
        this.progress = { done: this.progress.done + 1, total: candidates.length };
        this.host.requestUpdate();
      }
    } catch (error) {
      fail(error);
    }
    this.outcome = { created, failures };
    this.card.announce(t('kpiScorecard.auto.converted', { count: created, formatted: format.number(created, 0) }));
  }

  render(): TemplateResult | typeof nothing {
    const cycle = this.card.data?.cycle;
    if (!cycle || !this.allowed()) return nothing;
    const { t, format } = this.card;
    const busy = this.status !== 'idle';
    const outcome = this.outcome;
    return html`<div class="cycle-setting" part="cycle-setting">
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          data-action="auto-kpi"
          .checked=${this.value(cycle)}
          aria-disabled=${busy ? 'true' : 'false'}
          aria-describedby="auto-kpi-hint"
          @click=${(event: Event) => {
            // Busy: the switch keeps its state, and its focus (a disabled one would drop focus to the page).
            if (this.status !== 'idle') event.preventDefault();
          }}
          @change=${(event: Event) => void this.change((event.target as HTMLInputElement).checked)}
        />
        ${t('kpiScorecard.auto.label')}
      </label>
      <span class="hint" id="auto-kpi-hint">${t('kpiScorecard.auto.hint', { cycle: cycle.name })}</span>
      ${this.status === 'converting'
        ? html`<progress
            max=${Math.max(1, this.progress.total)}
            .value=${this.progress.done}
            aria-label=${t('kpiScorecard.auto.progress', { done: format.number(this.progress.done, 0), total: format.number(this.progress.total, 0) })}
          ></progress>`
        : nothing}
      ${outcome ? this.renderOutcome(outcome) : nothing}
    </div>`;
  }

  private renderOutcome(outcome: AutoOutcome): TemplateResult {
    const { t, format } = this.card;
    if (outcome.error) {
      return html`<div class="form-error" role="alert">
        <span>${t('kpiScorecard.auto.failed', { reason: outcome.error })}</span>
        <button type="button" class="button" @click=${() => ((this.outcome = null), this.host.requestUpdate())}>${t('kpiScorecard.dismiss')}</button>
      </div>`;
    }
    const failed = [...outcome.failures.values()].reduce((sum, count) => sum + count, 0);
    return html`<div class="auto-outcome">
      <span>${t('kpiScorecard.auto.converted', { count: outcome.created, formatted: format.number(outcome.created, 0) })}</span>
      ${failed > 0
        ? html`<span>${t('kpiScorecard.auto.notConverted', { count: failed, formatted: format.number(failed, 0) })}</span>
            <ul class="failures">
              ${[...outcome.failures].map(([reason, count]) => html`<li>${reason} (${format.number(count, 0)})</li>`)}
            </ul>`
        : nothing}
      <button type="button" class="button" @click=${() => ((this.outcome = null), this.host.requestUpdate())}>${t('kpiScorecard.dismiss')}</button>
    </div>`;
  }
}
