/**
 * Summaries of samples. Medians and quartiles rather than means: a shared
 * 2-core machine throws the odd sample far out, and one outlier should not
 * move the figure we compare against a budget.
 */

/**
 * @typedef {object} Stats
 * @property {number} n how many samples
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} q1 first quartile (linear interpolation)
 * @property {number} q3 third quartile
 * @property {number} mean
 * @property {number[]} samples in the order they were taken
 */

/**
 * @param {readonly number[]} sorted ascending
 * @param {number} p 0 to 1
 */
function quantile(sorted, p) {
  if (sorted.length === 1) return /** @type {number} */ (sorted[0]);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = /** @type {number} */ (sorted[lower]);
  const b = /** @type {number} */ (sorted[upper]);
  return a + (b - a) * (position - lower);
}

/**
 * @param {readonly number[]} samples
 * @returns {Stats | null} null when there is nothing to summarise
 */
export function summarize(samples) {
  const values = samples.filter((value) => Number.isFinite(value));
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: values.length,
    median: quantile(sorted, 0.5),
    min: /** @type {number} */ (sorted[0]),
    max: /** @type {number} */ (sorted[sorted.length - 1]),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    samples: [...values],
  };
}

/**
 * Candidate over baseline, by median: below 1 the candidate is cheaper.
 * @param {Stats | null | undefined} candidate
 * @param {Stats | null | undefined} baseline
 * @returns {number | null}
 */
export function ratioOf(candidate, baseline) {
  if (!candidate || !baseline || baseline.median === 0) return null;
  return candidate.median / baseline.median;
}
