/**
 * The in-page half of the runner. `run.mjs` opens a fresh page per sample,
 * imports this module and a scenario module, and calls these functions
 * through `page.evaluate`. Time and long tasks are measured here, inside the
 * page; heap and DOM nodes are read by the runner over CDP after a forced GC.
 */
import type { BenchData, BrowserScenario, SampleContext, SampleOutput, StandardMeasure } from './scenario.js';

type AnyScenario = BrowserScenario<unknown, unknown, unknown>;
export type VariantName = 'candidate' | 'baseline';

export interface ScenarioDescription {
  title: string;
  description: string;
  samples: number;
  warmup: number;
  timeoutMs: number;
  timeLimitMs: number | null;
  show: readonly StandardMeasure[];
  metrics: Record<string, { label: string; unit: string }>;
  setupKey: string | null;
  setupTimeoutMs: number;
  candidateLabel: string;
  baselineLabel: string;
}

export interface SampleReport {
  ms: number;
  longTaskCount: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  check: string | number | boolean | null;
  metrics: Record<string, number>;
}

// Long tasks are observed from the moment the harness loads, before any
// sample starts; each sample keeps those that overlap its timed interval.
const longTasks: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
observer.observe({ type: 'longtask', buffered: true });

/** The scenario's module default export, checked enough to give a clear error. */
function scenarioOf(module: unknown): AnyScenario {
  const scenario = (module as { default?: unknown } | null)?.default as Partial<AnyScenario> | undefined;
  if (!scenario || typeof scenario.candidate?.run !== 'function' || typeof scenario.baseline?.run !== 'function') {
    throw new Error('A scenario module must `export default defineScenario({ candidate, baseline, ... })`.');
  }
  return scenario as AnyScenario;
}

export function describe(module: unknown): ScenarioDescription {
  const scenario = scenarioOf(module);
  return {
    title: scenario.title,
    description: scenario.description,
    samples: scenario.samples,
    warmup: scenario.warmup ?? 0,
    timeoutMs: scenario.timeoutMs ?? 120_000,
    timeLimitMs: scenario.timeLimitMs ?? null,
    show: scenario.show ?? ['longtasks', 'heap', 'dom-nodes'],
    metrics: scenario.metrics ?? {},
    setupKey: scenario.setup?.key ?? null,
    setupTimeoutMs: scenario.setup?.timeoutMs ?? 600_000,
    candidateLabel: scenario.candidate.label,
    baselineLabel: scenario.baseline.label,
  };
}

export async function runSetup(module: unknown): Promise<unknown> {
  const scenario = scenarioOf(module);
  if (!scenario.setup) return null;
  return scenario.setup.run({ dbName: `tandem-bench-${scenario.setup.key}` });
}

/** Lets queued work and the performance timeline's delivery of entries run. */
function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function collectGarbage(): void {
  // Present when Chromium runs with --js-flags=--expose-gc (the runner passes it).
  (globalThis as { gc?: () => void }).gc?.();
}

interface Pending {
  scenario: AnyScenario;
  variant: VariantName;
  context: SampleContext<unknown>;
  state: unknown;
}
let pending: Pending | null = null;

export async function runSample(
  module: unknown,
  scenarioName: string,
  variant: VariantName,
  sample: number,
  setup: unknown,
  data: BenchData = 'built',
): Promise<SampleReport> {
  const scenario = scenarioOf(module);
  const context: SampleContext<unknown> = { sample, setup, data, dbName: `tandem-bench-${scenarioName}-${variant}` };
  const chosen = scenario[variant];
  const state = await chosen.prepare?.(context);
  pending = { scenario, variant, context, state };
  collectGarbage();
  await settle(20);

  const start = performance.now();
  const output: SampleOutput | void = await chosen.run(context, state);
  const end = performance.now();

  // A long task is reported after it ends, on a later task: give it time to arrive.
  await settle(100);
  longTasks.push(...observer.takeRecords());
  const overlapping = longTasks.filter((task) => task.startTime < end && task.startTime + task.duration > start);
  return {
    ms: output?.timeMs ?? end - start,
    longTaskCount: overlapping.length,
    longTaskTotalMs: overlapping.reduce((total, task) => total + task.duration, 0),
    longTaskMaxMs: overlapping.reduce((max, task) => Math.max(max, task.duration), 0),
    check: output?.check ?? null,
    metrics: output?.metrics ?? {},
  };
}

/** After the runner has read heap and DOM nodes. */
export async function finishSample(): Promise<void> {
  const done = pending;
  pending = null;
  if (!done) return;
  await done.scenario[done.variant].cleanup?.(done.context, done.state);
}
