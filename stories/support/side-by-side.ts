import { html, type TemplateResult } from 'lit';
import '../../src/context/provider.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { StoryTheme } from './tandem-parameters.js';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };
const THEME_NAMES: Record<Locale, Record<StoryTheme, string>> = {
  en: { light: 'Light', dark: 'Dark' },
  'zh-CN': { light: '浅色', dark: '深色' },
};

export interface Combination {
  locale: Locale;
  theme: StoryTheme;
}

/** English and Chinese, light and dark: the four views every widget must get right. */
export const ALL_COMBINATIONS: readonly Combination[] = [
  { locale: 'en', theme: 'light' },
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'en', theme: 'dark' },
  { locale: 'zh-CN', theme: 'dark' },
];

/**
 * Renders the same content in several languages and themes at once, each in
 * its own `<tandem-provider>` on its own themed surface. Use it in stories
 * with `parameters: { tandem: { provider: false } }`, passing the story's
 * adapter from `loadedAdapter(context)`.
 */
export function sideBySide(
  content: (combination: Combination) => TemplateResult,
  adapter: DataAdapter | undefined,
  combinations: readonly Combination[] = ALL_COMBINATIONS,
): TemplateResult {
  return html`<div class="tandem-matrix tandem-matrix--pairs">
    ${combinations.map(
      (combination) => html`<section class="tandem-story tandem-story--panel" data-theme=${combination.theme} aria-label=${caption(combination)}>
        <p class="tandem-story-caption" lang=${combination.locale}>${caption(combination)}</p>
        <tandem-provider locale=${combination.locale} theme=${combination.theme} .adapter=${adapter}>${content(combination)}</tandem-provider>
      </section>`,
    )}
  </div>`;
}

function caption({ locale, theme }: Combination): string {
  return `${LOCALE_NAMES[locale]} · ${THEME_NAMES[locale][theme]}`;
}
