/**
 * The printed table. One row per measure: candidate median and spread,
 * baseline median and spread, and their ratio (candidate ÷ baseline: below 1
 * the candidate is cheaper).
 */

/**
 * @typedef {import('./stats.mjs').Stats} Stats
 *
 * @typedef {'ms' | 'bytes' | 'MB' | 'count'} Unit
 *
 * @typedef {object} Measure
 * @property {string} id stable name budgets refer to, e.g. `time` or `widget:goal-tree:gz`
 * @property {string} label what a reader sees
 * @property {Unit} unit
 * @property {Stats | null} candidate
 * @property {Stats | null} baseline
 * @property {number | null} ratio candidate median ÷ baseline median
 */

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * @param {number} value
 * @param {Unit} unit
 */
export function formatValue(value, unit) {
  switch (unit) {
    case 'ms':
      if (value < 10) return `${value.toFixed(2)} ms`;
      if (value < 100) return `${value.toFixed(1)} ms`;
      return `${numberFormat.format(value)} ms`;
    case 'bytes':
      return `${(value / 1000).toFixed(1)} kB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'count':
      return Number.isInteger(value) ? numberFormat.format(value) : value.toFixed(1);
  }
}

/**
 * @param {Stats | null} stats
 * @param {Unit} unit
 */
function formatSpread(stats, unit) {
  if (!stats || stats.n < 2) return '';
  if (stats.min === stats.max) return 'all equal';
  const strip = (/** @type {string} */ text) => text.replace(/ (ms|kB|MB)$/, '');
  return `${strip(formatValue(stats.min, unit))}–${formatValue(stats.max, unit)}`;
}

/** @param {number | null} ratio */
export function formatRatio(ratio) {
  if (ratio === null || !Number.isFinite(ratio)) return '';
  if (ratio === 0) return '0';
  if (ratio < 1) return `${ratio.toFixed(ratio < 0.01 ? 4 : ratio < 0.1 ? 3 : 2)} (${(1 / ratio).toFixed(1)}× less)`;
  return `${ratio.toFixed(2)}`;
}

/**
 * @param {string[][]} rows first row is the header
 * @returns {string}
 */
function renderTable(rows) {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, column) => {
        const pad = (widths[column] ?? 0) - [...cell].length;
        // Numbers read best right-aligned; the first two columns are names.
        return column < 2 ? cell + ' '.repeat(pad) : ' '.repeat(pad) + cell;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/**
 * @param {Record<string, { measures: Measure[]; error?: string; samples?: { candidate: number; baseline: number } }>} scenarios
 * @returns {string}
 */
export function renderResults(scenarios) {
  /** @type {string[][]} */
  const rows = [['scenario', 'measure', 'candidate', 'spread (min–max)', 'baseline', 'spread (min–max)', 'ratio c/b']];
  for (const [name, result] of Object.entries(scenarios)) {
    if (result.error) {
      rows.push([name, `FAILED: ${result.error.split('\n')[0]}`, '', '', '', '', '']);
      continue;
    }
    result.measures.forEach((measure, index) => {
      rows.push([
        index === 0 ? name : '',
        measure.label,
        measure.candidate ? formatValue(measure.candidate.median, measure.unit) : '',
        formatSpread(measure.candidate, measure.unit),
        measure.baseline ? formatValue(measure.baseline.median, measure.unit) : '',
        formatSpread(measure.baseline, measure.unit),
        formatRatio(measure.ratio),
      ]);
    });
  }
  return renderTable(rows);
}
