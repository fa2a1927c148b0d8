import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One config, two jobs: `vite` serves the demo portal (demo/index.html) and
 * `vite build` builds the library — one ES module per source module, so each
 * widget entry pulls in only what it uses, with lit, d3 and idb left to the host.
 */
export default defineConfig({
  root: fromRoot('demo'),
  // Relative asset URLs: the seed worker must resolve next to the module that
  // starts it, wherever a host serves dist/ from (e.g. node_modules).
  base: './',
  worker: { format: 'es' },
  publicDir: fromRoot('public'),
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [projectRoot] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: fromRoot('dist'),
    emptyOutDir: true,
    target: 'es2022',
    copyPublicDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: fromRoot('src/index.ts'),
        'context/provider': fromRoot('src/context/provider.ts'),
        'model/index': fromRoot('src/model/index.ts'),
        'i18n/index': fromRoot('src/i18n/index.ts'),
        'data/index': fromRoot('src/data/index.ts'),
        'widgets/person-chip/person-chip': fromRoot('src/widgets/person-chip/person-chip.ts'),
        'widgets/org-overview/org-overview': fromRoot('src/widgets/org-overview/org-overview.ts'),
        'widgets/goal-tree/goal-tree': fromRoot('src/widgets/goal-tree/goal-tree.ts'),
        'widgets/kpi-rollup/kpi-rollup': fromRoot('src/widgets/kpi-rollup/kpi-rollup.ts'),
        'widgets/kpi-scorecard/kpi-scorecard': fromRoot('src/widgets/kpi-scorecard/kpi-scorecard.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^d3(-|\/|$)/, /^idb(\/|$)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: fromRoot('src'),
        entryFileNames: '[name].js',
      },
    },
  },
});
