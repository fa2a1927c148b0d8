import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import customElementsManifest from '../custom-elements.json';
import '../src/context/provider.js';
import { token } from '../src/styles/tokens.js';
import { adoptPageStyles } from '../stories/support/page-styles.js';
import {
  loadedAdapter,
  loadTandemAdapter,
  storyLocale,
  storyTheme,
  tandemParameters,
} from '../stories/support/tandem-parameters.js';

interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Manifest {
  modules: { declarations?: { members?: ManifestMember[] }[] }[];
}

/**
 * The manifest lists every class member, private ones included; the docs
 * tables should show only what a host can use. A field that reflects an
 * attribute is left to the attributes table, so `person-id` is not listed a
 * second time as `personId`.
 */
function publicApi<T extends Manifest>(manifest: T): T {
  const isPublic = (member: ManifestMember) =>
    (member.privacy === undefined || member.privacy === 'public') && !member.static && !member.name.startsWith('_') && !member.attribute;
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({ ...declaration, members: declaration.members?.filter(isPublic) })),
    })),
  };
}

// Autodocs read attributes, properties, events, slots, parts and custom
// properties from the manifest that `npm run analyze` writes from our JSDoc.
setCustomElementsManifest(publicApi(customElementsManifest as Manifest));

/**
 * The canvas and docs surfaces follow the toolbar's theme through the kit's
 * own tokens: the page sets `color-scheme`, and `light-dark()` in each token's
 * default does the rest — the same mechanism a host page relies on.
 */
const storyStyles = css`
  :root[data-tandem-theme='light'] {
    color-scheme: light;
  }
  :root[data-tandem-theme='dark'] {
    color-scheme: dark;
  }
  body.sb-show-main {
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }
  .tandem-story {
    color-scheme: light;
    color: ${token('color-text')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size-m')};
    line-height: ${token('line-height')};
  }
  .tandem-story[data-theme='dark'] {
    color-scheme: dark;
  }
  /* Docs pages keep Storybook's own background: each story brings its surface. */
  .tandem-story--panel {
    background: ${token('color-surface')};
    padding: ${token('space-l')};
    border-radius: ${token('radius-m')};
    border: 1px solid ${token('color-border')};
  }
  .tandem-story-caption {
    margin: 0 0 ${token('space-s')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  .tandem-matrix {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: ${token('space-l')};
  }
  .tandem-matrix--pairs {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  @media (max-width: 40rem) {
    .tandem-matrix--pairs {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .tandem-stack > .tandem-matrix {
    align-self: stretch;
  }
  .tandem-stack {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${token('space-m')};
  }
  .tandem-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xl')};
  }
  .tandem-note {
    margin: 0;
    max-width: 40rem;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
`;
adoptPageStyles(storyStyles);

/**
 * Wraps every story in `<tandem-provider>` with the toolbar's language and
 * theme, and the adapter from `parameters.tandem.adapter` (see
 * stories/support/tandem-parameters.ts for the convention). Stories with
 * `parameters.tandem.provider: false` render their own provider and get only
 * the themed surface.
 */
const withTandemProvider: Decorator = (story, context) => {
  const locale = storyLocale(context);
  const theme = storyTheme(context);
  const inDocs = context.viewMode === 'docs';
  // On the canvas the whole page is the surface; in docs, only the story's panel.
  if (!inDocs) document.documentElement.dataset['tandemTheme'] = theme;
  if (tandemParameters(context).provider === false) {
    // The story brings its own providers and their surfaces.
    return html`<div class="tandem-story" data-theme=${theme}>${story()}</div>`;
  }
  return html`<div class="tandem-story ${inDocs ? 'tandem-story--panel' : ''}" data-theme=${theme}>
    <tandem-provider locale=${locale} theme=${theme} .adapter=${loadedAdapter(context)}>${story()}</tandem-provider>
  </div>`;
};

const ARG_CATEGORY_ORDER = ['attributes', 'properties', 'events', 'slots', 'css custom properties', 'css shadow parts'];

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '中文' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  loaders: [
    // msw answers the REST adapter's requests in stories (handlers in
    // `parameters.msw`). The worker is served from staticDirs at the page's
    // own directory, so a Storybook published under a sub-path still finds it.
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        serviceWorker: { url: './mockServiceWorker.js' },
        onUnhandledRequest: 'bypass',
      });
      return worker;
    }),
    loadTandemAdapter,
  ],
  decorators: [withTandemProvider],
  argTypesEnhancers: [
    // Attributes first (what a page author writes), then properties, events,
    // slots, custom properties and parts. Events, parts and custom properties
    // from the manifest are documentation rows: only the ones a story wires
    // to its args get a control.
    (context) => {
      const rank = (category: unknown) => {
        const index = ARG_CATEGORY_ORDER.indexOf(String(category));
        return index === -1 ? ARG_CATEGORY_ORDER.length : index;
      };
      return Object.fromEntries(
        Object.entries(context.argTypes)
          .map(([name, argType]) => {
            const category: unknown = argType.table?.category;
            const docsOnly =
              (category === 'events' || category === 'css shadow parts' || category === 'css custom properties') &&
              !(name in context.initialArgs);
            return [name, docsOnly ? { ...argType, control: false as const } : argType] as const;
          })
          .sort(([, a], [, b]) => rank(a.table?.category) - rank(b.table?.category)),
      );
    },
  ],
  parameters: {
    // The theme toolbar paints the background from the tokens instead.
    backgrounds: { disable: true },
    controls: { expanded: true },
    a11y: { test: 'error' },
    options: {
      storySort: { order: ['Introduction', 'Theme', 'Widgets', ['Provider', 'Person chip']] },
    },
  },
};

export default preview;
