/**
 * Keeps only events documented with `@fires`. The analyzer also guesses
 * events from `dispatchEvent(new SomeEvent(arg))` and takes the argument's
 * name for the event name, which lists events that do not exist.
 */
function documentedEventsOnly() {
  return {
    name: 'tandem-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
        }
      }
    },
  };
}

/** Custom Elements Manifest: what Storybook's autodocs and editors read about each element. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/data/**', 'src/model/**', 'src/i18n/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [documentedEventsOnly()],
};
