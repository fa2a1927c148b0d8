import type { BenchData } from '../harness/scenario.js';

/**
 * A fixture's records as the adapter hands them over (see {@link BenchData}):
 * as built, or round-tripped through JSON (its `now` stays a Date). Untimed:
 * called in `prepare`.
 */
export function served<Fixture extends { readonly now: Date }>(fixture: Fixture, data: BenchData): Fixture {
  if (data === 'built') return fixture;
  return { ...(JSON.parse(JSON.stringify(fixture)) as Fixture), now: fixture.now };
}
