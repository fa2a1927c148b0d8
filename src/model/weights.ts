/**
 * Sibling weights: goals under one parent and key results of one goal are
 * shares of 100 (see `validateSiblingWeights`). These helpers keep a set of
 * shares summing to 100 as people add, edit and rebalance.
 */

/** A total as people read it: to hundredths, without binary noise (`33.33 + 33.33 + 33.34` is 100). */
export function weightTotal(weights: readonly number[]): number {
  const hundredths = weights.reduce((sum, weight) => sum + (Number.isFinite(weight) ? Math.round(weight * 100) : 0), 0);
  return hundredths / 100;
}

/**
 * `total` split into `count` equal shares to hundredths, the first shares
 * taking the leftover hundredths so the parts sum to `total` exactly:
 * 100 in 3 → 33.34, 33.33, 33.33. Whole shares stay whole (100 in 4 → 25 each).
 */
export function shareEqually(total: number, count: number): number[] {
  if (count <= 0) return [];
  const hundredths = Math.max(0, Math.round(total * 100));
  const base = Math.floor(hundredths / count);
  const extra = hundredths - base * count;
  return Array.from({ length: count }, (_, index) => (base + (index < extra ? 1 : 0)) / 100);
}

/**
 * The weight a new sibling starts with: what the others leave of 100 (never
 * below 0). With no siblings it is the whole 100.
 */
export function remainingWeight(siblingWeights: readonly number[]): number {
  return Math.max(0, weightTotal([100, ...siblingWeights.map((weight) => -weight)]));
}
