/**
 * The scorecard as CSV: the rows shown, in the order shown, with the columns
 * asked for (not only those that fit the width), headed in the reader's language. Figures go out as plain numbers
 * (a spreadsheet sums `77.5`, not `77.5%` or `CN¥3,000,000`), each with the
 * unit in a column of its own; words (status, trend, forecast) as the grid
 * says them. `toCsv` adds the byte-order mark and neutralises formulas.
 */
import { KPI_STATUS_MESSAGE_KEYS, type AssessedKpi } from '../../model/kpi.js';
import { toCsv, type CsvCell } from '../../model/csv.js';
import { COLUMN_MESSAGE_KEYS, type KpiScorecardColumn } from './kpi-columns.js';
import { categoryLabel } from '../shared/kpi-format.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';
import { forecastOf, sourceOf, trendText, type I18n } from './kpi-presenter.js';

/** Rounds for a file: at most `digits` decimals, no float noise (`77.50000001` → `77.5`). */
function rounded(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface CsvColumn {
  readonly header: string;
  readonly cell: (row: AssessedKpi) => CsvCell;
}

export function scorecardCsv(
  rows: readonly AssessedKpi[],
  columns: readonly KpiScorecardColumn[],
  data: KpiScorecardData,
  i18n: I18n & { nameOf: (personId: string) => string },
): string {
  const { t } = i18n;
  const csvColumns: CsvColumn[] = [];
  const header = (column: KpiScorecardColumn) => t(COLUMN_MESSAGE_KEYS[column]);
  const lastFigureColumn = columns.includes('actual') ? 'actual' : columns.includes('target') ? 'target' : undefined;
  for (const column of columns) {
    switch (column) {
      case 'name':
        csvColumns.push({ header: header('name'), cell: ({ kpi }) => kpi.name });
        csvColumns.push({ header: t('kpiScorecard.csv.category'), cell: ({ kpi }) => categoryLabel(kpi.category, t) });
        break;
      case 'owner':
        csvColumns.push({ header: header('owner'), cell: ({ kpi }) => i18n.nameOf(kpi.ownerId) });
        break;
      case 'source':
        csvColumns.push({
          header: header('source'),
          cell: ({ kpi }) => {
            const source = sourceOf(kpi, data, t);
            return source.name ? `${source.kind}: ${source.name}` : source.kind;
          },
        });
        break;
      case 'weight':
        csvColumns.push({ header: t('kpiScorecard.csv.weight'), cell: ({ kpi }) => rounded(kpi.weight, 2) });
        break;
      case 'target':
        csvColumns.push({ header: header('target'), cell: ({ kpi }) => kpi.target });
        break;
      case 'actual':
        csvColumns.push({ header: header('actual'), cell: ({ kpi }) => kpi.actual });
        break;
      case 'completion':
        csvColumns.push({ header: t('kpiScorecard.csv.completion'), cell: ({ assessment }) => rounded(assessment.completion * 100, 1) });
        break;
      case 'score':
        csvColumns.push({ header: header('score'), cell: ({ assessment }) => rounded(assessment.score, 2) });
        break;
      case 'status':
        csvColumns.push({ header: header('status'), cell: ({ assessment }) => t(KPI_STATUS_MESSAGE_KEYS[assessment.status]) });
        break;
      case 'trend':
        csvColumns.push({ header: header('trend'), cell: ({ kpi }) => trendText(kpi, i18n) });
        break;
      case 'forecast':
        csvColumns.push({
          header: t('kpiScorecard.csv.forecast'),
          cell: ({ assessment }) => (assessment.forecast ? rounded(assessment.forecast.projected, 2) : null),
        });
        csvColumns.push({
          header: t('kpiScorecard.csv.forecastNote'),
          cell: ({ kpi, assessment }) => forecastOf(kpi, assessment, data.cycle?.end, i18n).reach,
        });
        break;
      case 'actions':
        // Buttons, not data.
        break;
    }
    // The unit once, after the target and actual it applies to.
    if (column === lastFigureColumn) csvColumns.push({ header: t('kpiScorecard.csv.unit'), cell: ({ kpi }) => kpi.unit });
  }
  return toCsv([csvColumns.map((column) => column.header), ...rows.map((row) => csvColumns.map((column) => column.cell(row)))]);
}
