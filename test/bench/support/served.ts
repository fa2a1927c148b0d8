import type { BenchData } from '../harness/scenario.js';

/**
 * A fixture's records as the adapter hands them over (see {@link BenchData}):
 * as built, decoded by structured clone, or round-tripped through JSON (its
 * `now` stays a Date). Untimed:
 * called in `prepare`.
 */
export function served<Fixture extends { readonly now: Date }>(fixture: Fixture, data: BenchData): Fixture {
  if (data === 'built') return fixture;
  if (data === 'clone') return { ...structuredClone(fixture), now: fixture.now };
  return { ...(JSON.parse(JSON.stringify(fixture)) as Fixture), now: fixture.now };
}
