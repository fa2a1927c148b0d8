/**
 * The shape of a browser benchmark scenario. One file per scenario in
 * `test/bench/scenarios/<name>.bench.ts`, default-exporting
 * `defineScenario({...})`; the runner finds it by its name, bundles it in
 * production mode and runs it in headless Chromium.
 *
 * A scenario always has a candidate (what the kit does) and a baseline (the
 * obvious way to do the same job), measured alternately in the same run, so
 * the ratio between them means something even on a noisy shared machine.
 */

/** A value the runner can carry between the page and Node (structured as JSON). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SetupContext {
  /** The database name this setup owns: `tandem-bench-<setup key>`. */
  readonly dbName: string;
}

/**
 * How a scenario's records reach its adapter (`npm run bench -- --data json`):
 * - `built` (the default): the objects as the generator built them. V8
 *   deprecates a record shape when a later record widens one of its fields
 *   (an integer, then a fraction), and the first read of each record built
 *   before then moves it to the new shape: about 0.5 µs a record here, paid
 *   by whatever reads it first. No adapter hands records over this way.
 * - `clone`: the same records decoded by structured clone, as the kit's
 *   IndexedDB and memory stores hand them over: final shapes from the
 *   start, but every record holds its own copy of each id it refers to.
 * - `json`: parsed from JSON, as an adapter over an HTTP backend hands them
 *   over: final shapes, and copies of ids as with `clone`.
 */
export type BenchData = 'built' | 'json' | 'clone';

/** What each sample sees. */
export interface SampleContext<Setup = Json> {
  /** 0, 1, 2… per variant; warm-up samples count from -1 down and are discarded. */
  readonly sample: number;
  /**
   * A database name for this scenario and variant alone
   * (`tandem-bench-<scenario>-<variant>`), so candidate and baseline never
   * read each other's data. Deleting it before a sample is the scenario's job.
   */
  readonly dbName: string;
  /** What the scenario's setup returned, or `null` without a setup. */
  readonly setup: Setup;
  /** How the records reach the adapter (see {@link BenchData}). */
  readonly data: BenchData;
}

export interface SampleOutput {
  /**
   * What the work produced, in a form both variants share (e.g. "512 goals,
   * 1,790 key results"). The runner fails the scenario when a sample's check
   * differs from the first one's: a faster wrong answer is no result.
   */
  check?: string | number | boolean;
  /** Extra figures, by the keys declared in the scenario's `metrics`. */
  metrics?: Record<string, number>;
  /**
   * The sample's time when it is not the wall time of `run`: for a variant
   * that times part of the work and projects the whole (a baseline too slow
   * to run in full). Say so in the variant's label.
   */
  timeMs?: number;
}

export interface Variant<Setup, State> {
  /** How the report names it, e.g. "store.seed (module Worker)". */
  label: string;
  /** Untimed, before the timed run: fresh state (delete a database, build fixtures). */
  prepare?(context: SampleContext<Setup>): Promise<State>;
  /** The timed work. Resolves when the work is done (data committed, pixels rendered…). */
  run(context: SampleContext<Setup>, state: State): Promise<SampleOutput | void>;
  /** Untimed, after heap and DOM nodes were read: close connections, remove elements. */
  cleanup?(context: SampleContext<Setup>, state: State): Promise<void>;
}

/** Work shared by scenarios and done once per run, e.g. seeding 50,000 goals to query. */
export interface ScenarioSetup<Setup> {
  /** Scenarios with the same key share one setup (and its database) in a run. */
  key: string;
  /** In milliseconds, before the runner gives up. Default 600,000. */
  timeoutMs?: number;
  run(context: SetupContext): Promise<Setup>;
}

/** Built-in per-sample figures a scenario can ask the report to show beside time. */
export const STANDARD_MEASURES = ['longtasks', 'heap', 'dom-nodes'] as const;
export type StandardMeasure = (typeof STANDARD_MEASURES)[number];

export interface MetricDefinition {
  label: string;
  unit: 'ms' | 'count' | 'bytes' | 'MB';
}

export interface BrowserScenario<Setup = Json, CandidateState = unknown, BaselineState = unknown> {
  /** What the scenario is about, one line (printed, and in results JSON). */
  title: string;
  /** Why it matters and why the baseline is the one it is (kept in results JSON). */
  description: string;
  /** Timed samples per variant, unless `--samples` says otherwise. */
  samples: number;
  /** Untimed samples per variant before the timed ones (JIT, disk caches). Default 0. */
  warmup?: number;
  /** Per sample, in milliseconds, before the runner gives up. Default 120,000. */
  timeoutMs?: number;
  /**
   * Stop starting new rounds (one sample of each variant) once the scenario
   * has run this long, in milliseconds; the first timed round always runs.
   * Keeps a full run bounded when something is slow; the report says how many
   * samples were taken. Default: no limit.
   */
  timeLimitMs?: number;
  /** Which standard figures to print beside time. Default: all. (Results JSON always has them all.) */
  show?: readonly StandardMeasure[];
  /** Extra figures variants may return in `SampleOutput.metrics`. */
  metrics?: Record<string, MetricDefinition>;
  setup?: ScenarioSetup<Setup>;
  candidate: Variant<Setup, CandidateState>;
  baseline: Variant<Setup, BaselineState>;
}

/** Identity, for type inference: `export default defineScenario({...})`. */
export function defineScenario<Setup = Json, CandidateState = void, BaselineState = void>(
  scenario: BrowserScenario<Setup, CandidateState, BaselineState>,
): BrowserScenario<Setup, CandidateState, BaselineState> {
  return scenario;
}
