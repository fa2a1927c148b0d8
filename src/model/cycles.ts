import type { Cycle } from './records.js';

/**
 * The cycle a view opens on when none is chosen: the active one, else the one
 * that started last (between cycles, the one being planned or reviewed is
 * what people are working on).
 */
export function defaultCycle(cycles: readonly Cycle[]): Cycle | undefined {
  return cycles.find((cycle) => cycle.status === 'active') ?? [...cycles].sort((a, b) => b.start.localeCompare(a.start))[0];
}
