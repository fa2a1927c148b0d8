/**
 * Bundle size: what a host downloads for the whole kit and for one widget.
 *
 * Every entry is built the way a host's bundler would see it (Vite/rolldown,
 * lib mode, minified, es2022, production exports of lit), and gzipped at
 * level 9 with Node's zlib:
 * - `kit`: src/index.ts with lit, @lit/*, d3 and idb bundled in, so every
 *   shared part is counted once;
 * - each widget under src/widgets/<name>/<name>.ts, the same way, and again
 *   with the shared dependencies (lit, @lit/*, @lit-labs/*, d3, idb) external:
 *   the bytes the widget itself adds to a page that already has them.
 * Baseline: the same entry with `import * as d3 from 'd3'` kept alive, i.e.
 * what the entry would weigh without named, tree-shaken d3 imports.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ratioOf, summarize } from '../lib/stats.mjs';

/**
 * @typedef {import('../lib/report.mjs').Measure} Measure
 * @typedef {{ bytes: number; gzipBytes: number; entryGzipBytes: number; files: number; largestModules: [module: string, renderedBytes: number][] }} BuildSize
 */

/** Shared by every widget: counted once for a page, excluded from a widget's own size. */
const SHARED_DEPENDENCIES = [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^d3(-|\/|$)/, /^idb(\/|$)/];

/** The lib entry id of a baseline build; the plugin below supplies its source. */
const ALL_D3_ENTRY = '@tandem-bench/all-d3-entry.js';

/**
 * @param {string} entry absolute path of the real entry
 * @returns {import('vite').Plugin}
 */
function allOfD3(entry) {
  const id = '\0tandem-bench-all-d3-entry';
  return {
    name: 'tandem-bench-all-d3',
    enforce: 'pre',
    // Lib mode resolves the entry against the root first, hence endsWith.
    resolveId: (source) => (source.endsWith(ALL_D3_ENTRY) ? id : null),
    load: (loaded) =>
      loaded === id
        ? [
            `export * from ${JSON.stringify(entry)};`,
            `import * as d3 from 'd3';`,
            // Kept alive on purpose: this is the bundle without tree-shaking of d3.
            `globalThis.__tandemBenchAllOfD3 = d3;`,
          ].join('\n')
        : null,
  };
}

/**
 * Builds one entry in memory and measures every JS file it emits (an entry
 * that starts a Worker or lazy-loads a part emits more than one).
 * @param {string} root
 * @param {string} entry absolute path
 * @param {{ external?: boolean; allOfD3?: boolean }} options
 * @returns {Promise<BuildSize>}
 */
async function measureBuild(root, entry, options = {}) {
  const output = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'error',
    publicDir: false,
    plugins: options.allOfD3 ? [allOfD3(entry)] : [],
    build: {
      write: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: options.allOfD3 ? ALL_D3_ENTRY : entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: options.external ? SHARED_DEPENDENCIES : [] },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  let bytes = 0;
  let gzipBytes = 0;
  // The entry chunk alone: what loads before a widget first renders (chunks it imports on demand come later, if ever).
  let entryGzipBytes = 0;
  let files = 0;
  /** @type {Map<string, number>} */
  const modules = new Map();
  for (const result of results) {
    if (!('output' in result)) throw new Error('Vite returned a watcher instead of a build.');
    for (const file of result.output) {
      if (!file.fileName.endsWith('.js')) continue;
      const code = file.type === 'chunk' ? file.code : file.source;
      const buffer = Buffer.from(code);
      bytes += buffer.length;
      const gzipped = gzipSync(buffer, { level: 9 }).length;
      gzipBytes += gzipped;
      if (file.type === 'chunk' && file.isEntry) entryGzipBytes += gzipped;
      files += 1;
      if (file.type !== 'chunk') continue;
      for (const [id, info] of Object.entries(file.modules)) {
        const name = id.startsWith(root) ? id.slice(root.length + 1) : id;
        modules.set(name, (modules.get(name) ?? 0) + info.renderedLength);
      }
    }
  }
  // Where the bytes come from (minified, before gzip): the first place to look when a size grows.
  const largestModules = /** @type {[string, number][]} */ ([...modules].sort((a, b) => b[1] - a[1]).slice(0, 10));
  return { bytes, gzipBytes, entryGzipBytes, files, largestModules };
}

/**
 * Widget entries: every src/widgets/<name>/<name>.ts (a folder without such a
 * file, like `shared`, holds helpers, not a widget).
 * @param {string} root
 */
export function discoverWidgets(root) {
  const dir = join(root, 'src/widgets');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, `${entry.name}.ts`)))
    .map((entry) => ({ name: entry.name, entry: join(dir, entry.name, `${entry.name}.ts`) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * @param {string} id
 * @param {string} label
 * @param {number} candidate
 * @param {number | null} baseline
 * @returns {Measure}
 */
function sizeMeasure(id, label, candidate, baseline) {
  const c = summarize([candidate]);
  const b = baseline === null ? null : summarize([baseline]);
  return { id, label, unit: 'bytes', candidate: c, baseline: b, ratio: ratioOf(c, b) };
}

/** @type {import('../run.mjs').NodeScenario} */
export default {
  title: 'Bundle size, gzip -9: whole kit and each widget entry',
  description:
    'Minified es2022 lib builds of src/index.ts and every src/widgets/<name>/<name>.ts. "gz" bundles lit, @lit/*, d3 and idb in ' +
    '(each counted once); "gz, shared deps external" leaves them out. Both count every chunk, those a widget loads on demand too; ' +
    '"before first use" is the entry chunk alone. Baseline: the same entry also importing all of d3, kept alive.',
  candidateLabel: 'named d3 imports (as written)',
  baselineLabel: "same entry + import * as d3 from 'd3'",
  async run({ root, log }) {
    /** @type {Measure[]} */
    const measures = [];
    /** @type {Record<string, BuildSize>} */
    const builds = {};
    const entries = [{ name: 'kit', entry: join(root, 'src/index.ts'), kit: true }, ...discoverWidgets(root).map((w) => ({ ...w, kit: false }))];
    for (const { name, entry, kit } of entries) {
      log(`bundle: ${name}`);
      const bundled = await measureBuild(root, entry);
      const allD3 = await measureBuild(root, entry, { allOfD3: true });
      const external = await measureBuild(root, entry, { external: true });
      builds[name] = bundled;
      builds[`${name} (all of d3)`] = allD3;
      builds[`${name} (shared deps external)`] = external;
      const prefix = kit ? 'kit' : `widget:${name}`;
      const title = kit ? 'whole kit (src/index.ts)' : name;
      measures.push(sizeMeasure(`${prefix}:gz`, `${title}: gz, lit + d3 parts included`, bundled.gzipBytes, allD3.gzipBytes));
      measures.push(sizeMeasure(`${prefix}:gz-shared-external`, `${title}: gz, shared deps external`, external.gzipBytes, null));
      if (external.files > 1) {
        measures.push(
          sizeMeasure(`${prefix}:gz-shared-external-entry`, `${title}: of which before first use (entry chunk)`, external.entryGzipBytes, null),
        );
      }
    }
    return { measures, details: { builds } };
  },
};
