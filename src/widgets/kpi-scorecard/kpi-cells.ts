/**
 * One cell of a scorecard row, by column. A cell with one control (the
 * name's disclosure, a key-result source, Edit) gives focus to that control
 * (`data-focus`); other cells take focus themselves. Figures come with their
 * unit, the status in words beside its colour, the sparkline with its trend
 * in words and the forecast as one sentence for screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleProperties } from '../../directives/style-properties.js';
import type { Formatter } from '../../i18n/format.js';
import type { Translator } from '../../i18n/locale.js';
import { KPI_STATUS_MESSAGE_KEYS, type AssessedKpi } from '../../model/kpi.js';
import type { KpiScorecardColumn } from './kpi-columns.js';
import { categoryLabel, formatKpiAmount } from '../shared/kpi-format.js';
import { forecastOf, sourceOf, trendText } from './kpi-presenter.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';
import { renderSparkline } from './kpi-sparkline.js';
import { renderPersonLabel } from '../shared/person-label.js';

/**
 * Keeps what a cell shows about a row (formatted figures, the source, the
 * sparkline, the forecast) between renders: `compute` runs once per row and
 * column for as long as the scorecard keeps the memo (it starts a new one
 * when the data or the language change).
 */
export type CellMemo = <T>(row: AssessedKpi, column: KpiScorecardColumn, compute: () => T) => T;

/** What a row's cells need from the scorecard. */
export interface CellContext {
  readonly t: Translator;
  readonly format: Formatter;
  readonly data: KpiScorecardData;
  /** The row's history panel is open. */
  readonly expanded: boolean;
  /** The signed-in person may edit something on the KPI. */
  readonly editable: boolean;
  /** Where cell contents are kept between renders; without one they are worked out on every render. */
  readonly memo?: CellMemo;
  /** The trend chart and the forecast come a frame after the rows (the grid's first frame): their cells are empty till then. */
  readonly chartsLater?: boolean;
  toggleDetail(): void;
  selectSource(): void;
  edit(): void;
}

/** A memo that keeps nothing. */
const computeNow: CellMemo = (_row, _column, compute) => compute();

// Templates are written without indentation between tags where it renders nothing (flex and grid
// items): each such text node is one more node per cell to create and lay out, ×30 rows. One space
// stays between words, so the cell's text reads as before.
export function renderKpiCell(column: KpiScorecardColumn, row: AssessedKpi, isTabStop: boolean, context: CellContext): TemplateResult {
  const { t, format, data } = context;
  const memo = context.memo ?? computeNow;
  const { kpi, assessment } = row;
  const status = assessment.status;
  const tabindex = isTabStop ? 0 : -1;
  // A cell with one control gives focus to it; other cells take focus themselves.
  const plain = (content: unknown, extraClass = '') =>
    html`<div role="gridcell" class="cell ${column} ${extraClass}" data-column=${column} tabindex=${tabindex}>${content}</div>`;
  const amount = (value: number) => formatKpiAmount(value, kpi.unit, format);
  switch (column) {
    case 'name': {
      const open = context.expanded;
      return html`<div role="gridcell" class="cell name" data-column="name"><button type="button" class="disclosure" data-focus tabindex=${tabindex} aria-expanded=${open ? 'true' : 'false'} @click=${context.toggleDetail}><span class="twisty" ?data-open=${open} aria-hidden="true"></span><span class="name-text"><span class="kpi-name" title=${kpi.name}>${kpi.name}</span> <span class="meta">${memo(row, column, () => categoryLabel(kpi.category, t))}</span></span></button></div>`;
    }
    case 'owner':
      return plain(
        memo(row, column, () => {
          const owner = data.people.get(kpi.ownerId);
          return owner ? renderPersonLabel(owner, format.locale, { compact: true }) : kpi.ownerId;
        }),
      );
    case 'source': {
      const source = memo(row, column, () => sourceOf(kpi, data, t));
      if (kpi.source === 'keyResult' && source.keyResult) {
        return html`<div role="gridcell" class="cell source" data-column="source"><button type="button" class="link" data-focus tabindex=${tabindex} title=${source.name} @click=${context.selectSource}><span class="source-kind">${source.kind}</span> <span class="source-name">${source.name}</span></button></div>`;
      }
      return plain(html`<span class="source-kind">${source.kind}</span>${source.name ? html`<span class="source-name" title=${source.name}>${source.name}</span>` : nothing}`);
    }
    case 'weight':
      return plain(memo(row, column, () => format.percent(kpi.weight / 100, 1)), 'number');
    case 'target':
      return plain(memo(row, column, () => amount(kpi.target)), 'number');
    case 'actual':
      return plain(memo(row, column, () => amount(kpi.actual)), 'number');
    case 'completion': {
      const completion = memo(row, column, () => ({ width: `${(Math.min(1, assessment.completion) * 100).toFixed(1)}%`, text: format.percent(assessment.completion) }));
      return plain(
        html`<span class="bar" aria-hidden="true"><span class="fill" data-status=${status} ${styleProperties({ width: completion.width })}></span></span><span class="percent">${completion.text}</span>`,
        'number',
      );
    }
    case 'score':
      return plain(memo(row, column, () => format.number(assessment.score, 1)), 'number');
    case 'status':
      return plain(html`<span class="badge" part="status" data-status=${status}>${t(KPI_STATUS_MESSAGE_KEYS[status])}</span>`);
    case 'trend':
      if (context.chartsLater) return plain(nothing);
      return plain(
        memo(row, column, () => html`${renderSparkline(kpi.history, kpi.target, status)}<span class="visually-hidden">${trendText(kpi, { t, format })}</span>`),
      );
    case 'forecast':
      if (context.chartsLater) return plain(nothing);
      return plain(
        memo(row, column, () => {
          const forecast = forecastOf(kpi, assessment, data.cycle?.end, { t, format });
          return forecast.headline
            ? html`<span class="visually-hidden">${forecast.sentence}</span> <span class="forecast-text" aria-hidden="true" title=${forecast.sentence}><span data-status=${assessment.forecast?.status ?? nothing}>${forecast.headline}</span> <span class="meta">${forecast.reach}</span></span>`
            : html`<span class="meta">${forecast.sentence}</span>`;
        }),
      );
    case 'actions':
      return context.editable
        ? html`<div role="gridcell" class="cell actions" data-column="actions"><button type="button" class="button row-action" data-focus tabindex=${tabindex} aria-label=${t('kpiScorecard.edit.actionFor', { name: kpi.name })} @click=${context.edit}>${t('kpiScorecard.edit.action')}</button></div>`
        : plain(nothing);
  }
}
