/**
 * The scorecard's columns: which there are, in what order, which sort key
 * each sorts by, how wide each is, and the `columns` attribute that picks
 * some of them.
 */
import type { MessageKey } from '../../i18n/catalog.js';
import type { KpiSortKey } from '../../model/kpi.js';

/** Every column, in display order. */
export const KPI_SCORECARD_COLUMNS = [
  'name',
  'owner',
  'source',
  'weight',
  'target',
  'actual',
  'completion',
  'score',
  'status',
  'trend',
  'forecast',
  'actions',
] as const;
export type KpiScorecardColumn = (typeof KPI_SCORECARD_COLUMNS)[number];

/** The sort key of each sortable column; trend and actions do not sort. */
export const COLUMN_SORT_KEYS: Readonly<Record<KpiScorecardColumn, KpiSortKey | null>> = {
  name: 'name',
  owner: 'owner',
  source: 'source',
  weight: 'weight',
  target: 'target',
  actual: 'actual',
  completion: 'completion',
  score: 'score',
  status: 'status',
  trend: null,
  forecast: 'forecast',
  actions: null,
};

export const COLUMN_MESSAGE_KEYS = {
  name: 'kpiScorecard.column.name',
  owner: 'kpiScorecard.column.owner',
  source: 'kpiScorecard.column.source',
  weight: 'kpiScorecard.column.weight',
  target: 'kpiScorecard.column.target',
  actual: 'kpiScorecard.column.actual',
  completion: 'kpiScorecard.column.completion',
  score: 'kpiScorecard.column.score',
  status: 'kpiScorecard.column.status',
  trend: 'kpiScorecard.column.trend',
  forecast: 'kpiScorecard.column.forecast',
  actions: 'kpiScorecard.column.actions',
} as const satisfies Readonly<Record<KpiScorecardColumn, MessageKey>>;

/**
 * Column widths in rem; the name column takes what is left beyond its
 * minimum. Fixed widths keep the header and the virtualized rows aligned
 * without measuring either.
 */
const COLUMN_WIDTHS: Readonly<Record<Exclude<KpiScorecardColumn, 'name'>, number>> = {
  owner: 8,
  source: 8,
  weight: 3.75,
  target: 6,
  actual: 6,
  completion: 6,
  score: 3.5,
  status: 5.25,
  trend: 5.5,
  forecast: 8.5,
  actions: 4.5,
};
const NAME_MIN_WIDTH = 12;
/** Matches the rows' column gap in the styles. */
const COLUMN_GAP = 0.375;
/** The rows' inline padding, both sides. */
const ROW_PADDING = 1.5;

/**
 * Columns given up, in this order, when the widget is too narrow for all it
 * was asked to show: figures that others imply first (score is completion ×
 * weight), then the source (the history panel names it too); the name,
 * owner, actual, completion, status and actions never.
 */
export const FIT_DROP_ORDER = ['score', 'weight', 'source', 'trend', 'target', 'forecast'] as const satisfies readonly KpiScorecardColumn[];

/** The width the columns need at least, in rem: tracks, gaps and the rows' padding. */
export function columnsWidth(columns: readonly KpiScorecardColumn[]): number {
  const tracks = columns.reduce((sum, column) => sum + (column === 'name' ? NAME_MIN_WIDTH : COLUMN_WIDTHS[column]), 0);
  return tracks + COLUMN_GAP * Math.max(0, columns.length - 1) + ROW_PADDING;
}

/** The CSS grid track list for the columns shown, and the width below which the grid scrolls sideways. */
export function columnLayout(columns: readonly KpiScorecardColumn[]): { template: string; minWidth: string } {
  const tracks = columns.map((column) => (column === 'name' ? `minmax(${NAME_MIN_WIDTH}rem, 1fr)` : `${COLUMN_WIDTHS[column]}rem`));
  return { template: tracks.join(' '), minWidth: `${columnsWidth(columns)}rem` };
}

/**
 * The columns that fit `available` rem, giving up columns in
 * {@link FIT_DROP_ORDER}; what is left scrolls sideways if it still does not fit.
 */
export function fitColumns(columns: readonly KpiScorecardColumn[], available: number): KpiScorecardColumn[] {
  let fitted = [...columns];
  for (const column of FIT_DROP_ORDER) {
    if (columnsWidth(fitted) <= available) break;
    fitted = fitted.filter((candidate) => candidate !== column);
  }
  return fitted;
}

export function isScorecardColumn(value: string): value is KpiScorecardColumn {
  return (KPI_SCORECARD_COLUMNS as readonly string[]).includes(value);
}

/**
 * The columns a `columns` attribute asks for (names separated by spaces or
 * commas), in display order; unknown names are ignored, the name column is
 * always there. Unset or empty: every column.
 */
export function parseColumns(value: string | undefined): KpiScorecardColumn[] {
  const asked = new Set((value ?? '').split(/[\s,]+/).filter(isScorecardColumn));
  if (asked.size === 0) return [...KPI_SCORECARD_COLUMNS];
  asked.add('name');
  return KPI_SCORECARD_COLUMNS.filter((column) => asked.has(column));
}
