#!/usr/bin/env node
/**
 * `npm run bench`: every scenario in test/bench/scenarios/, each with its
 * baseline in the same run, printed as a table and written to
 * test/bench/results/latest.json (and a timestamped copy).
 *
 *   npm run bench                               all scenarios
 *   npm run bench -- --scenario idb-subtree     one (repeat or comma-separate for more)
 *   npm run bench -- --samples 3                timed samples per variant, for every scenario
 *   npm run bench -- --list                     the scenarios and their files, nothing run
 *   npm run bench -- --verbose                  Vite's output and every page console message
 *   npm run bench -- --compile-hints            scenario pages built with V8's compile hint (see BENCHMARKS.md)
 *   npm run bench -- --data clone               records handed to the adapters as the kit's stores do (structured clone),
 *                                               or `json` as parsed from JSON (default: built)
 *
 * Scenarios:
 * - `<name>.bench.ts` runs in headless Chromium. The runner bundles it with
 *   Vite in production mode, serves the bundle on 127.0.0.1, and for every
 *   sample opens a fresh page in one persistent on-disk profile (IndexedDB in
 *   an incognito profile lives in memory, which would flatter it), runs the
 *   candidate or the baseline (alternating, ABBA order), and reads long
 *   tasks, JS heap and DOM nodes. See harness/scenario.ts.
 * - `<name>.bench.mjs` runs in Node (e.g. bundle sizes) and returns measures.
 *
 * Chromium: CHROME_PATH, else /usr/bin/chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderResults } from './lib/report.mjs';
import { ratioOf, summarize } from './lib/stats.mjs';

/**
 * @typedef {import('./lib/report.mjs').Measure} Measure
 * @typedef {import('./lib/report.mjs').Unit} Unit
 *
 * @typedef {object} NodeScenario A scenario that runs in Node (`<name>.bench.mjs`, default export).
 * @property {string} title
 * @property {string} description
 * @property {string} candidateLabel
 * @property {string} baselineLabel
 * @property {(context: { root: string; samples: number | undefined; log: (line: string) => void }) =>
 *   Promise<{ measures: Measure[]; details?: unknown }>} run
 *
 * @typedef {object} ScenarioResult
 * @property {'browser' | 'node'} kind
 * @property {string} title
 * @property {string} description
 * @property {string} candidate label
 * @property {string} baseline label
 * @property {{ candidate: number; baseline: number; warmup: number } | undefined} [samples]
 * @property {Measure[]} measures
 * @property {string[]} problems anything that makes the figures untrustworthy (bench:check fails on them)
 * @property {string[]} notes anything a reader of the figures should know (e.g. fewer samples than asked)
 * @property {unknown} [setup] what the scenario's setup chose (e.g. the subtree root)
 * @property {unknown} [details]
 * @property {number} durationMs
 * @property {string} [error]
 */

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(benchDir, '../..');
const scenariosDir = join(benchDir, 'scenarios');
const resultsDir = join(benchDir, 'results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // gc() before each timed run, so one sample's garbage is not the next one's pause.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    samples: { type: 'string' },
    list: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'compile-hints': { type: 'boolean', default: false },
    data: { type: 'string', default: 'built' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2, 23).map((line) => line.replace(/^ \* ?/, '')).join('\n'));
  process.exit(0);
}

if (!['built', 'json', 'clone'].includes(args.data)) {
  console.error(`--data is built, json or clone, not ${args.data}`);
  process.exit(2);
}

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

// ── Registry ────────────────────────────────────────────────────────────────

/** @typedef {{ name: string; file: string; kind: 'browser' | 'node' }} ScenarioFile */

/** @returns {ScenarioFile[]} */
function discoverScenarios() {
  return readdirSync(scenariosDir)
    .map((file) => {
      const match = /^(.+)\.bench\.(ts|mjs)$/.exec(file);
      if (!match) return null;
      return { name: /** @type {string} */ (match[1]), file: join(scenariosDir, file), kind: match[2] === 'ts' ? 'browser' : 'node' };
    })
    .filter(/** @returns {s is ScenarioFile} */ (s) => s !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

const allScenarios = discoverScenarios();
const wanted = (args.scenario ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
for (const name of wanted) {
  if (!allScenarios.some((scenario) => scenario.name === name)) {
    log(`No scenario named "${name}". Known: ${allScenarios.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
}
const selected = wanted.length > 0 ? allScenarios.filter((scenario) => wanted.includes(scenario.name)) : allScenarios;
const samplesOverride = args.samples === undefined ? undefined : Number.parseInt(args.samples, 10);
if (samplesOverride !== undefined && !(samplesOverride >= 1)) {
  log('--samples needs a whole number of at least 1.');
  process.exit(2);
}

if (args.list) {
  for (const scenario of allScenarios) console.log(`${scenario.name.padEnd(24)} ${scenario.kind.padEnd(8)} ${scenario.file.slice(root.length + 1)}`);
  process.exit(0);
}

// ── Machine facts ───────────────────────────────────────────────────────────

/** @param {string} command @param {string[]} commandArgs */
function tryRun(command, commandArgs) {
  try {
    return execFileSync(command, commandArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** @param {string} name */
function packageVersion(name) {
  try {
    return /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))).version;
  } catch {
    return null;
  }
}

function machineFacts() {
  const cpuList = cpus();
  const commit = tryRun('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = (tryRun('git', ['status', '--porcelain']) ?? '') !== '';
  return {
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium: /** @type {string | null} */ (null),
    vite: packageVersion('vite'),
    rolldown: packageVersion('rolldown'),
    playwrightCore: packageVersion('playwright-core'),
    compileHints: args['compile-hints'] === true,
    data: args.data,
    git: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : null,
    // These machines are shared: a load average well above the core count means other work
    // competed for the CPU, and absolute times are inflated (ratios much less so).
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    loadAverageAtEnd: /** @type {number[] | null} */ (null),
  };
}

// ── Browser scenarios: build, serve, run ───────────────────────────────────

/**
 * Bundles the harness and the scenario modules with Vite in production mode
 * (minified, lit's production build), one output file per entry, shared code
 * and Workers as chunks beside them.
 * @param {ScenarioFile[]} scenarios
 * @param {string} outDir
 */
async function buildPages(scenarios, outDir) {
  const { build } = await import('vite');
  /** @type {Record<string, string>} */
  const input = { harness: join(benchDir, 'harness/page.ts') };
  for (const scenario of scenarios) input[`scenarios/${scenario.name}`] = scenario.file;
  await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: args.verbose ? 'info' : 'error',
    publicDir: false,
    worker: { format: 'es' },
    plugins: args['compile-hints'] ? [compileHints()] : [],
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input,
        // The runner imports the entries and calls their exports: keep them.
        preserveEntrySignatures: 'strict',
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
}

/**
 * `--compile-hints`: every emitted JS file starts with V8's explicit compile
 * hint, so Chrome (136+) compiles its functions while it loads the file
 * instead of on first call, as a host may build the chunk that holds the
 * widgets it shows at once. After minifying: a comment added earlier would
 * be stripped.
 * @returns {import('vite').Plugin}
 */
function compileHints() {
  return {
    name: 'tandem-bench-compile-hints',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
      }
    },
  };
}

const MIME = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
});

const HARNESS_HTML = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Tandem bench</title></head><body></body></html>\n';

/**
 * @param {string} dir
 * @returns {Promise<{ origin: string; close: () => Promise<void> }>}
 */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      response.end(HARNESS_HTML);
      return;
    }
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * @typedef {import('./harness/page.ts').ScenarioDescription} ScenarioDescription
 * @typedef {import('./harness/page.ts').SampleReport} SampleReport
 * @typedef {SampleReport & { heapMB: number; domNodes: number }} Sample
 */

/**
 * Runs one function of the harness in a fresh page, then (optionally) reads
 * heap and DOM nodes over CDP after a GC, then closes the page.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {(page: import('playwright-core').Page) => Promise<unknown>} work
 * @param {{ timeoutMs: number; what: string; measureMemory?: boolean }} options
 */
async function inFreshPage(context, origin, work, options) {
  const page = await context.newPage();
  /** @type {string[]} */
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
    if (args.verbose) log(`  [page ${message.type()}] ${message.text()}`);
  });
  try {
    await page.goto(`${origin}/`);
    const value = await withTimeout(work(page), options.timeoutMs, options.what);
    let heapMB = NaN;
    let domNodes = NaN;
    if (options.measureMemory) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (/** @type {string} */ name) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
      heapMB = metric('JSHeapUsedSize') / 2 ** 20;
      domNodes = metric('Nodes');
      await cdp.detach();
      await page.evaluate(async () => {
        const harness = await import(/* @vite-ignore */ '/harness.js');
        await harness.finishSample();
      });
    }
    return { value, heapMB, domNodes, pageErrors };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(pageErrors.length > 0 ? `${message}\n  page errors: ${pageErrors.join(' | ')}` : message);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** @type {Map<string, unknown>} */
const setupsDone = new Map();

/**
 * Loads a scenario module in a page and reads what it declares.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {ScenarioFile} scenario
 * @returns {Promise<ScenarioDescription>}
 */
async function describeScenario(context, origin, scenario) {
  const { value } = await inFreshPage(
    context,
    origin,
    (page) =>
      page.evaluate(async (url) => {
        const [harness, module] = await Promise.all([import(/* @vite-ignore */ '/harness.js'), import(/* @vite-ignore */ url)]);
        return harness.describe(module);
      }, `/scenarios/${scenario.name}.js`),
    { timeoutMs: 30_000, what: `loading ${scenario.name}` },
  );
  return /** @type {ScenarioDescription} */ (value);
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {ScenarioFile} scenario
 * @param {ScenarioDescription} info
 * @returns {Promise<ScenarioResult>}
 */
async function runBrowserScenario(context, origin, scenario, info) {
  const started = Date.now();
  const moduleUrl = `/scenarios/${scenario.name}.js`;
  /** @type {ScenarioResult} */
  const result = {
    kind: 'browser',
    title: info.title,
    description: info.description,
    candidate: info.candidateLabel,
    baseline: info.baselineLabel,
    measures: [],
    problems: [],
    notes: [],
    durationMs: 0,
  };

  let setup = null;
  if (info.setupKey) {
    if (!setupsDone.has(info.setupKey)) {
      log(`${scenario.name}: setup "${info.setupKey}"…`);
      const setupStart = Date.now();
      const { value } = await inFreshPage(
        context,
        origin,
        (page) =>
          page.evaluate(async (url) => {
            const [harness, module] = await Promise.all([import(/* @vite-ignore */ '/harness.js'), import(/* @vite-ignore */ url)]);
            return harness.runSetup(module);
          }, moduleUrl),
        { timeoutMs: info.setupTimeoutMs, what: `setup of ${scenario.name}` },
      );
      setupsDone.set(info.setupKey, value);
      log(`${scenario.name}: setup done in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);
    }
    setup = setupsDone.get(info.setupKey) ?? null;
    result.setup = setup;
  }

  const samples = samplesOverride ?? info.samples;
  const warmup = info.warmup;
  result.samples = { candidate: samples, baseline: samples, warmup };
  /** @type {Record<'candidate' | 'baseline', Sample[]>} */
  const taken = { candidate: [], baseline: [] };
  /** @type {{ variant: string; sample: number; check: unknown }[]} */
  const checks = [];

  let rounds = 0;
  for (let round = -warmup; round < samples; round += 1) {
    if (info.timeLimitMs !== null && round > 0 && Date.now() - started > info.timeLimitMs) {
      result.notes.push(
        `stopped after ${round} of ${samples} samples per variant: the scenario's time limit of ${Math.round(info.timeLimitMs / 1000)} s was reached`,
      );
      break;
    }
    // ABBA order: a slow drift of the machine (heat, another job) weighs on both sides alike.
    const order = /** @type {const} */ (Math.abs(round) % 2 === 0 ? ['candidate', 'baseline'] : ['baseline', 'candidate']);
    for (const variant of order) {
      const { value, heapMB, domNodes } = await inFreshPage(
        context,
        origin,
        (page) =>
          page.evaluate(
            async ([url, name, which, sample, setupValue, data]) => {
              const [harness, module] = await Promise.all([import(/* @vite-ignore */ '/harness.js'), import(/* @vite-ignore */ url)]);
              return harness.runSample(module, name, which, sample, setupValue, data);
            },
            /** @type {const} */ ([moduleUrl, scenario.name, variant, round, setup, args.data]),
          ),
        { timeoutMs: info.timeoutMs, what: `${scenario.name} ${variant} sample ${round}`, measureMemory: true },
      );
      const report = /** @type {SampleReport} */ (value);
      const sample = { ...report, heapMB, domNodes };
      const label = round < 0 ? `warm-up ${-round}` : `#${round + 1}`;
      log(
        `${scenario.name}: ${variant.padEnd(9)} ${label.padEnd(9)} ${report.ms.toFixed(1).padStart(9)} ms` +
          `  long tasks ${report.longTaskCount} (${report.longTaskTotalMs.toFixed(0)} ms)  heap ${heapMB.toFixed(1)} MB` +
          (report.check === null ? '' : `  check ${JSON.stringify(report.check)}`),
      );
      if (report.check !== null) checks.push({ variant, sample: round, check: report.check });
      if (round >= 0) taken[variant].push(sample);
    }
    if (round >= 0) rounds += 1;
  }
  result.samples = { candidate: rounds, baseline: rounds, warmup };

  const reference = checks[0];
  for (const entry of checks) {
    if (reference && JSON.stringify(entry.check) !== JSON.stringify(reference.check)) {
      result.problems.push(
        `${entry.variant} sample ${entry.sample} produced ${JSON.stringify(entry.check)}, ` +
          `but ${reference.variant} sample ${reference.sample} produced ${JSON.stringify(reference.check)}`,
      );
    }
  }

  /**
   * @param {string} id
   * @param {string} label
   * @param {Unit} unit
   * @param {(sample: Sample) => number | undefined} pick
   */
  const measure = (id, label, unit, pick) => {
    const candidate = summarize(taken.candidate.map((sample) => pick(sample) ?? NaN));
    const baseline = summarize(taken.baseline.map((sample) => pick(sample) ?? NaN));
    return { id, label, unit, candidate, baseline, ratio: ratioOf(candidate, baseline) };
  };
  const show = new Set(info.show);
  /** @type {(Measure & { shown: boolean })[]} */
  const measures = [
    { ...measure('time', 'time', 'ms', (s) => s.ms), shown: true },
    { ...measure('longtasks', 'long tasks > 50 ms (count)', 'count', (s) => s.longTaskCount), shown: show.has('longtasks') },
    { ...measure('longtask-ms', 'long tasks (total)', 'ms', (s) => s.longTaskTotalMs), shown: show.has('longtasks') },
    { ...measure('longtask-max-ms', 'longest task', 'ms', (s) => s.longTaskMaxMs), shown: false },
    { ...measure('heap', 'JS heap after GC (page)', 'MB', (s) => s.heapMB), shown: show.has('heap') },
    { ...measure('dom-nodes', 'DOM nodes', 'count', (s) => s.domNodes), shown: show.has('dom-nodes') },
  ];
  for (const [key, definition] of Object.entries(info.metrics)) {
    measures.push({ ...measure(key, definition.label, /** @type {Unit} */ (definition.unit), (s) => s.metrics[key]), shown: true });
  }
  result.measures = measures;
  result.durationMs = Date.now() - started;
  return result;
}

// ── Main ────────────────────────────────────────────────────────────────────

const startedAt = new Date();
const machine = machineFacts();
/** @type {Record<string, ScenarioResult>} */
const results = {};

for (const scenario of selected.filter((s) => s.kind === 'node')) {
  const started = Date.now();
  try {
    const module = /** @type {{ default: NodeScenario }} */ (await import(pathToFileURL(scenario.file).href));
    const definition = module.default;
    const { measures, details } = await definition.run({ root, samples: samplesOverride, log });
    results[scenario.name] = {
      kind: 'node',
      title: definition.title,
      description: definition.description,
      candidate: definition.candidateLabel,
      baseline: definition.baselineLabel,
      measures: measures.map((m) => ({ ...m, shown: true })),
      problems: [],
      notes: [],
      details,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    log(`${scenario.name}: FAILED\n${error instanceof Error ? error.stack : error}`);
    results[scenario.name] = failed(scenario, error, started);
  }
}

const browserScenarios = selected.filter((s) => s.kind === 'browser');
if (browserScenarios.length > 0) {
  const outDir = mkdtempSync(join(tmpdir(), 'tandem-bench-pages-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'tandem-bench-profile-'));
  /** @type {{ origin: string; close: () => Promise<void> } | null} */
  let server = null;
  /** @type {import('playwright-core').BrowserContext | null} */
  let context = null;
  try {
    log(`building ${browserScenarios.length} browser scenario(s)…`);
    await buildPages(browserScenarios, outDir);
    server = await serve(outDir);
    const { chromium } = await import('playwright-core');
    const executablePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
    if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
    // A persistent, on-disk profile: IndexedDB in an incognito context lives in memory.
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_ARGS });
    const probe = await context.newPage();
    const cdp = await context.newCDPSession(probe);
    const version = /** @type {{ product: string }} */ (await cdp.send('Browser.getVersion'));
    machine.chromium = version.product;
    await probe.close();
    /** @type {Map<string, ScenarioDescription>} */
    const descriptions = new Map();
    for (const scenario of browserScenarios) {
      try {
        descriptions.set(scenario.name, await describeScenario(context, server.origin, scenario));
      } catch (error) {
        log(`${scenario.name}: FAILED to load\n${error instanceof Error ? error.message : error}`);
        results[scenario.name] = failed(scenario, error, Date.now());
      }
    }
    // Scenarios without a shared setup first: a setup may reuse what they leave behind
    // (the query scenarios' 50,000-goal store reuses the seed scenario's last database).
    const ordered = [...descriptions].sort(([, a], [, b]) => Number(a.setupKey !== null) - Number(b.setupKey !== null));
    for (const [name, info] of ordered) {
      const scenario = /** @type {ScenarioFile} */ (browserScenarios.find((s) => s.name === name));
      const started = Date.now();
      try {
        results[scenario.name] = await runBrowserScenario(context, server.origin, scenario, info);
      } catch (error) {
        log(`${scenario.name}: FAILED\n${error instanceof Error ? error.message : error}`);
        results[scenario.name] = failed(scenario, error, started);
      }
    }
  } catch (error) {
    log(`browser scenarios: FAILED\n${error instanceof Error ? error.stack : error}`);
    for (const scenario of browserScenarios) results[scenario.name] ??= failed(scenario, error, Date.now());
  } finally {
    await context?.close().catch(() => undefined);
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * @param {ScenarioFile} scenario
 * @param {unknown} error
 * @param {number} started
 * @returns {ScenarioResult}
 */
function failed(scenario, error, started) {
  return {
    kind: scenario.kind,
    title: scenario.name,
    description: '',
    candidate: '',
    baseline: '',
    measures: [],
    problems: [],
    notes: [],
    durationMs: Date.now() - started,
    error: error instanceof Error ? error.message : String(error),
  };
}

// Table and JSON list scenarios by name, whatever order they ran in.
/** @type {Record<string, ScenarioResult>} */
const byName = {};
for (const scenario of selected) {
  const result = results[scenario.name];
  if (result) byName[scenario.name] = result;
}
// Only the measures a scenario chose to show go in the table; the JSON keeps them all.
/** @type {Record<string, ScenarioResult>} */
const printable = {};
for (const [name, result] of Object.entries(byName)) {
  printable[name] = { ...result, measures: result.measures.filter((m) => /** @type {{ shown?: boolean }} */ (m).shown !== false) };
}
console.log('');
console.log(renderResults(printable));
for (const [name, result] of Object.entries(byName)) {
  for (const problem of result.problems) console.log(`! ${name}: ${problem}`);
  for (const note of result.notes) console.log(`  ${name}: ${note}`);
}
console.log('');
console.log(
  `${machine.cpuCount} × ${machine.cpuModel}, ${machine.chromium ?? 'no browser'}, Node ${machine.node}, ` +
    `load average ${machine.loadAverageAtStart.join(' ')} at start; ` +
    (machine.compileHints ? 'pages built with the compile hint (--compile-hints); ' : '') +
    (machine.data === 'json' ? 'records parsed from JSON (--data json); ' : '') +
    (machine.data === 'clone' ? 'records decoded by structured clone (--data clone); ' : '') +
    `ratio c/b = candidate median ÷ baseline median (below 1: candidate cheaper).`,
);

machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
const output = {
  schema: 1,
  date: startedAt.toISOString(),
  durationMs: Date.now() - startedAt.getTime(),
  machine,
  options: { scenarios: selected.map((s) => s.name), samples: samplesOverride ?? null },
  scenarios: byName,
};
mkdirSync(resultsDir, { recursive: true });
const json = `${JSON.stringify(output, null, 2)}\n`;
writeFileSync(join(resultsDir, 'latest.json'), json);
writeFileSync(join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), json);
log(`\nwrote ${join(resultsDir, 'latest.json').slice(root.length + 1)} (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`);
process.exitCode = Object.values(results).some((result) => result.error) ? 1 : 0;
