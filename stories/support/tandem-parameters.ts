import type { Loader, StoryContext } from '@storybook/web-components-vite';
import type { DataAdapter } from '../../src/data/adapter.js';
import { isLocale, type Locale } from '../../src/i18n/locale.js';

/**
 * What a story tells the preview about Tandem, as `parameters.tandem`:
 *
 * ```ts
 * export const Loading: Story = {
 *   parameters: { tandem: { adapter: () => pendingAdapter() } },
 * };
 * ```
 *
 * - `adapter`: makes the adapter the story's `<tandem-provider>` hands to the
 *   widgets inside. It is called each time the story loads, so stub adapters
 *   start fresh (a factory may memoize to share one, as the demo-store story
 *   does), and may be async. Without it the provider has no adapter, which is
 *   right for widgets given their records directly (`.person=${…}`).
 * - `provider: false`: the story renders its own `<tandem-provider>` (the
 *   provider's own stories, and side-by-side comparisons); the preview then
 *   only paints the themed surface around it. The adapter is still made and
 *   can be read with {@link loadedAdapter}.
 */
export interface TandemParameters {
  adapter?: () => DataAdapter | Promise<DataAdapter>;
  provider?: boolean;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    tandem?: TandemParameters;
  }
}

export const THEMES_IN_STORIES = ['light', 'dark'] as const;
export type StoryTheme = (typeof THEMES_IN_STORIES)[number];

/** The `parameters.tandem` of a story, or `{}`. */
export function tandemParameters(context: Pick<StoryContext, 'parameters'>): TandemParameters {
  const value: unknown = context.parameters['tandem'];
  return typeof value === 'object' && value !== null ? (value as TandemParameters) : {};
}

/** The language chosen in the toolbar. */
export function storyLocale(context: Pick<StoryContext, 'globals'>): Locale {
  const value: unknown = context.globals['locale'];
  return isLocale(value) ? value : 'en';
}

/** The colour scheme chosen in the toolbar. */
export function storyTheme(context: Pick<StoryContext, 'globals'>): StoryTheme {
  return context.globals['theme'] === 'dark' ? 'dark' : 'light';
}

const ADAPTER_KEY = 'tandemAdapter';

/** Preview loader: makes the story's adapter before it renders (the factory may be async). */
export const loadTandemAdapter: Loader = async (context) => {
  const make = tandemParameters(context).adapter;
  return { [ADAPTER_KEY]: make ? await make() : undefined };
};

/** The adapter {@link loadTandemAdapter} made for this story, if any. */
export function loadedAdapter(context: Pick<StoryContext, 'loaded'>): DataAdapter | undefined {
  const value: unknown = context.loaded[ADAPTER_KEY];
  return (value ?? undefined) as DataAdapter | undefined;
}
