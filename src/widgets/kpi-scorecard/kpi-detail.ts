/**
 * The panel a scorecard row opens: the KPI's measurements, every change of
 * its target with who made it and why (a goal adjustment's reason travels
 * here), how it is measured, and — where the signed-in person may not change
 * it — why not.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatter } from '../../i18n/format.js';
import { translateMessage, type Locale, type Translator } from '../../i18n/locale.js';
import { kpiPeriod, type AssessedKpi } from '../../model/kpi.js';
import type { Id, Kpi } from '../../model/records.js';
import type { KpiEditRights } from './kpi-edit-flow.js';
import { formatKpiAmount } from '../shared/kpi-format.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';
import { sourceOf } from './kpi-presenter.js';

/** Measurements listed before "and N earlier": the recent ones are what a conversation is about. */
const HISTORY_SHOWN = 8;

export interface DetailContext {
  readonly t: Translator;
  readonly format: Formatter;
  readonly locale: Locale;
  nameOf(personId: Id): string;
  rights(kpi: Kpi): KpiEditRights | undefined;
}

export function renderKpiDetail(row: AssessedKpi, data: KpiScorecardData, context: DetailContext): TemplateResult {
  const { t, format } = context;
  const { kpi } = row;
  const amount = (value: number) => formatKpiAmount(value, kpi.unit, format);
  const newestFirst = [...kpi.history].reverse();
  const earlier = Math.max(0, newestFirst.length - HISTORY_SHOWN);
  const changes = [...kpi.targetChanges].reverse();
  const rights = context.rights(kpi);
  return html`<div class="detail">
    <section>
      <h3>${t('kpiScorecard.detail.history')}</h3>
      ${newestFirst.length === 0
        ? html`<p class="meta">${t('kpiScorecard.trend.none')}</p>`
        : html`<ol class="history">
            ${newestFirst.slice(0, HISTORY_SHOWN).map(
              (point) => html`<li><time datetime=${point.at}>${format.date(point.at)}</time> <span class="number">${amount(point.value)}</span></li>`,
            )}
          </ol>
          ${earlier > 0 ? html`<p class="meta">${t('kpiScorecard.detail.earlier', { count: earlier, formatted: format.number(earlier, 0) })}</p>` : nothing}`}
    </section>
    <section>
      <h3>${t('kpiScorecard.detail.targetChanges')}</h3>
      ${changes.length === 0
        ? html`<p class="meta">${t('kpiScorecard.detail.noTargetChanges')}</p>`
        : html`<ul class="target-changes">
            ${changes.map(
              (change) =>
                html`<li>
                  ${t('kpiScorecard.detail.targetChange', {
                    before: amount(change.before),
                    after: amount(change.after),
                    date: format.date(change.at),
                    author: context.nameOf(change.authorId),
                    reason: change.reason,
                  })}
                </li>`,
            )}
          </ul>`}
    </section>
    <section>
      <h3>${t('kpiScorecard.detail.about')}</h3>
      <dl>
        <dt>${t('kpiScorecard.detail.start')}</dt>
        <dd>${amount(kpi.start)}</dd>
        <dt>${t('kpiScorecard.detail.direction')}</dt>
        <dd>${t(kpi.direction === 'decrease' ? 'kpiScorecard.detail.lowerBetter' : 'kpiScorecard.detail.higherBetter')}</dd>
        ${renderPeriod(kpi, data, context)}
        <dt>${t('kpiScorecard.detail.thresholds')}</dt>
        <dd>${t('kpiScorecard.detail.thresholdValues', { healthy: format.percent(kpi.thresholds.healthy), watch: format.percent(kpi.thresholds.watch) })}</dd>
        <dt>${t('kpiScorecard.column.source')}</dt>
        <dd>${sourceSentence(row, data, t)}</dd>
      </dl>
      ${rights && !rights.actual.allowed ? html`<p class="meta">${t('kpiScorecard.edit.actualLocked', { reason: translateMessage(context.locale, rights.actual.reason) })}</p>` : nothing}
      ${rights && !rights.plan.allowed ? html`<p class="meta">${t('kpiScorecard.edit.planLocked', { reason: translateMessage(context.locale, rights.plan.reason) })}</p>` : nothing}
    </section>
  </div>`;
}

function sourceSentence(row: AssessedKpi, data: KpiScorecardData, t: Translator): string {
  const source = sourceOf(row.kpi, data, t);
  switch (row.kpi.source) {
    case 'keyResult':
      return source.keyResult && source.goal
        ? t('kpiScorecard.detail.fromKeyResult', { keyResult: source.keyResult.title, goal: source.goal.title })
        : t('kpiScorecard.detail.fromHiddenKeyResult');
    case 'jobProfile':
      return t('kpiScorecard.detail.fromProfile', { profile: source.name || source.kind });
    case 'manual':
      return t('kpiScorecard.detail.manual');
  }
}

/** The dates the status is judged over: the cycle's, or from its baseline for a plan made mid-cycle (see `kpiPeriod`). */
function renderPeriod(kpi: Kpi, data: KpiScorecardData, { t, format }: DetailContext) {
  const cycle = data.cycle;
  if (!cycle) return nothing;
  const period = kpiPeriod(kpi, cycle);
  const dates = { from: format.date(period.start), to: format.date(period.end) };
  return html`<dt>${t('kpiScorecard.detail.period')}</dt>
    <dd>${period.start === cycle.start ? t('kpiScorecard.detail.periodValue', dates) : t('kpiScorecard.detail.periodFromBaseline', dates)}</dd>`;
}
