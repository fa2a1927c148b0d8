import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // public/mockServiceWorker.js: msw's worker, served next to iframe.html.
  staticDirs: ['../public'],
  /*
   * TypeScript and Lit's decorators: nothing to configure. Vite 8's Oxc
   * transform reads the nearest tsconfig.json per file, and ours sets
   * `experimentalDecorators: true` and `useDefineForClassFields: false`, so
   * decorators are lowered to `__decorate(...)` calls and fields are assigned
   * in the constructor (Lit's reactive accessors stay visible). Setting
   * `oxc: { decorator: { legacy: true } }` instead, without the tsconfig,
   * lowers the decorators but keeps class fields, which shadow the accessors.
   */
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Pre-bundle Lit's directive helpers with lit itself; otherwise
      // `storybook dev` serves two copies of Lit. idb is listed so the first
      // story on the IndexedDB store does not trigger a re-optimise and reload.
      optimizeDeps: { include: ['lit/directive-helpers.js', 'idb'] },
      // A static build written while `storybook dev` runs should not reload it.
      server: { watch: { ignored: ['**/storybook-static/**'] } },
      // Storybook's own docs renderer is a ~1 MB chunk; the warning is not ours to act on.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
