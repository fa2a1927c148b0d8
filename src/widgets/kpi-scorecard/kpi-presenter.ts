/**
 * The words a scorecard row says about a KPI — where it came from, which way
 * it went, where it is heading — shared by the grid and the CSV export so
 * the file says exactly what the screen does.
 */
import type { Formatter } from '../../i18n/format.js';
import type { Translator } from '../../i18n/locale.js';
import { KPI_SOURCE_MESSAGE_KEYS, KPI_STATUS_MESSAGE_KEYS, type KpiAssessment } from '../../model/kpi.js';
import { kpiTrend } from '../../model/kpi-scorecard.js';
import type { Goal, JobProfile, KeyResult, Kpi } from '../../model/records.js';
import { formatKpiAmount, formatShortDate } from '../shared/kpi-format.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';

export interface I18n {
  readonly t: Translator;
  readonly format: Formatter;
}

export interface KpiSourceView {
  /** Key result, job profile or manual, in the reader's language. */
  readonly kind: string;
  /** What it came from: the key result's goal, the profile's title; empty for manual KPIs or a source the session cannot see. */
  readonly name: string;
  readonly keyResult?: KeyResult;
  readonly goal?: Goal;
  readonly jobProfile?: JobProfile;
}

export function sourceOf(kpi: Kpi, data: KpiScorecardData, t: Translator): KpiSourceView {
  const kind = t(KPI_SOURCE_MESSAGE_KEYS[kpi.source]);
  if (kpi.source === 'keyResult' && kpi.sourceId) {
    const keyResult = data.keyResults.get(kpi.sourceId);
    const goal = keyResult ? data.goals.get(keyResult.goalId) : undefined;
    return { kind, name: goal?.title ?? '', ...(keyResult ? { keyResult } : {}), ...(goal ? { goal } : {}) };
  }
  if (kpi.source === 'jobProfile' && kpi.sourceId) {
    const jobProfile = data.jobProfiles.get(kpi.sourceId);
    return { kind, name: jobProfile?.title ?? '', ...(jobProfile ? { jobProfile } : {}) };
  }
  return { kind, name: '' };
}

/** "Rising from 40% to 62%": the sparkline in words, for screen readers and the CSV. */
export function trendText(kpi: Kpi, { t, format }: I18n): string {
  const trend = kpiTrend(kpi.history);
  const amount = (value: number) => formatKpiAmount(value, kpi.unit, format);
  switch (trend.kind) {
    case 'none':
      return t('kpiScorecard.trend.none');
    case 'single':
      return t('kpiScorecard.trend.single', { value: amount(trend.value) });
    case 'flat':
      return t('kpiScorecard.trend.flat', { value: amount(trend.to) });
    case 'rising':
      return t('kpiScorecard.trend.rising', { from: amount(trend.from), to: amount(trend.to) });
    case 'falling':
      return t('kpiScorecard.trend.falling', { from: amount(trend.from), to: amount(trend.to) });
  }
}

export interface ForecastView {
  /** The projected value at the end of the cycle, "80%"; empty without a forecast. */
  readonly headline: string;
  /** "Target by Dec 15", "Target reached", "Target only by Jan 27", "Misses the target at this pace"; empty without a forecast. */
  readonly reach: string;
  /** The whole of it as one sentence: "62% now; at this pace 80% by Dec 31. Target by Dec 15." */
  readonly sentence: string;
}

export function forecastOf(kpi: Kpi, assessment: KpiAssessment, periodEnd: string | undefined, { t, format }: I18n): ForecastView {
  const forecast = assessment.forecast;
  const amount = (value: number) => formatKpiAmount(value, kpi.unit, format);
  if (!forecast || !periodEnd) {
    const none = t('kpiScorecard.forecast.none');
    return { headline: '', reach: '', sentence: none };
  }
  const date = formatShortDate(periodEnd, periodEnd, format);
  const projected = formatKpiAmount(forecast.projected, kpi.unit, format, 1);
  // The date is the cycle's end for every row: the column header says it once.
  const headline = projected;
  const sign = kpi.direction === 'decrease' ? -1 : 1;
  const reached = (kpi.actual - kpi.target) * sign >= 0;
  const reachesOn = forecast.reachesTargetOn;
  let reach: string;
  if (forecast.final) {
    // The period is over: what it came to, not a pace.
    reach = t(reached ? 'kpiScorecard.forecast.reached' : 'kpiScorecard.forecast.missed');
    const status = t(KPI_STATUS_MESSAGE_KEYS[forecast.status]);
    return { headline, reach, sentence: t('kpiScorecard.forecast.ended', { value: amount(kpi.actual), date, status, reach }) };
  }
  if (reached) reach = t('kpiScorecard.forecast.reached');
  else if (!reachesOn) reach = t('kpiScorecard.forecast.misses');
  else {
    // After the period ends the target is missed for this cycle: say so, with when it would come.
    const on = formatShortDate(reachesOn, periodEnd, format);
    reach = reachesOn <= periodEnd ? t('kpiScorecard.forecast.reaches', { date: on }) : t('kpiScorecard.forecast.late', { date: on });
  }
  const sentence = t('kpiScorecard.forecast.sentence', {
    now: amount(kpi.actual),
    value: projected,
    date,
    status: t(KPI_STATUS_MESSAGE_KEYS[forecast.status]),
    reach,
  });
  return { headline, reach, sentence };
}
