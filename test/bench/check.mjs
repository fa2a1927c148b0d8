#!/usr/bin/env node
/**
 * `npm run bench:check`: compares test/bench/results/latest.json (written by
 * `npm run bench`) with test/bench/budgets.json, prints every budget with its
 * figure, and exits 1 when one is exceeded, when a budgeted scenario failed
 * or produced inconsistent answers, or when it was not measured in the latest
 * run (pass `--partial` to skip budgets of scenarios the run left out).
 * Exits 2 when there are no results yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatValue } from './lib/report.mjs';

/**
 * @typedef {import('./lib/report.mjs').Measure} Measure
 * @typedef {{ title: string; scenario: string; measure: string; side?: 'candidate' | 'baseline'; stat?: string; max: number }} Budget
 * @typedef {{ measures: Measure[]; problems?: string[]; error?: string }} ScenarioResult
 */

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const latestPath = join(benchDir, 'results/latest.json');
const budgetsPath = join(benchDir, 'budgets.json');

const { values: args } = parseArgs({ options: { partial: { type: 'boolean', default: false } } });

if (!existsSync(latestPath)) {
  console.error('No benchmark results yet (test/bench/results/latest.json is missing).');
  console.error('Run `npm run bench` first, then `npm run bench:check`.');
  process.exit(2);
}

/** @type {{ date: string; machine: { cpuCount: number; cpuModel: string; chromium: string | null; loadAverageAtStart?: number[] }; scenarios: Record<string, ScenarioResult> }} */
const latest = JSON.parse(readFileSync(latestPath, 'utf8'));
/** @type {{ budgets: Budget[] }} */
const { budgets } = JSON.parse(readFileSync(budgetsPath, 'utf8'));

/** @param {string} pattern a measure id where `*` matches any run of characters */
function matcher(pattern) {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** @type {string[]} */
const failures = [];
/** @type {string[]} */
const lines = [];
const problemScenarios = new Set();

for (const budget of budgets) {
  const side = budget.side ?? 'candidate';
  const stat = budget.stat ?? 'median';
  const result = latest.scenarios[budget.scenario];
  if (!result) {
    const line = `${budget.title}: not measured (scenario "${budget.scenario}" is not in the latest run)`;
    if (args.partial) lines.push(`  skip  ${line}`);
    else {
      lines.push(`  FAIL  ${line}`);
      failures.push(line);
    }
    continue;
  }
  if (result.error) {
    const line = `${budget.title}: scenario "${budget.scenario}" failed: ${result.error.split('\n')[0]}`;
    lines.push(`  FAIL  ${line}`);
    failures.push(line);
    continue;
  }
  if ((result.problems ?? []).length > 0 && !problemScenarios.has(budget.scenario)) {
    problemScenarios.add(budget.scenario);
    for (const problem of result.problems ?? []) {
      const line = `${budget.scenario}: ${problem}`;
      lines.push(`  FAIL  ${line}`);
      failures.push(line);
    }
  }
  const pattern = matcher(budget.measure);
  const measures = result.measures.filter((measure) => pattern.test(measure.id));
  if (measures.length === 0) {
    const line = `${budget.title}: no measure "${budget.measure}" in scenario "${budget.scenario}"`;
    lines.push(`  FAIL  ${line}`);
    failures.push(line);
    continue;
  }
  for (const measure of measures) {
    const stats = measure[side];
    const value = stats ? /** @type {Record<string, unknown>} */ (stats)[stat] : undefined;
    const what = measures.length > 1 ? `${budget.title} [${measure.id}]` : budget.title;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const line = `${what}: no ${side} ${stat} recorded`;
      lines.push(`  FAIL  ${line}`);
      failures.push(line);
      continue;
    }
    const figure = `${side} ${stat} ${formatValue(value, measure.unit)} (budget ≤ ${formatValue(budget.max, measure.unit)})`;
    if (value > budget.max) {
      lines.push(`  FAIL  ${what}: ${figure}`);
      failures.push(`${what}: ${figure}`);
    } else {
      lines.push(`  ok    ${what}: ${figure}`);
    }
  }
}

const load = latest.machine.loadAverageAtStart ? `, load average ${latest.machine.loadAverageAtStart.join(' ')} at start` : '';
console.log(
  `Budgets against the run of ${latest.date} (${latest.machine.cpuCount} × ${latest.machine.cpuModel}, ${latest.machine.chromium ?? 'no browser'}${load}):`,
);
for (const line of lines) console.log(line);
if (failures.length > 0) {
  console.log(`\n${failures.length} budget check(s) failed:`);
  for (const failure of failures) console.log(`  - ${failure}`);
  process.exit(1);
}
console.log('\nEvery budget holds.');
