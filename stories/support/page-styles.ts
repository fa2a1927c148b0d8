import type { CSSResult } from 'lit';

const adopted = new WeakSet<CSSResult>();

/**
 * Adds styles to the page (the story's document), once. Stories use it for
 * what a host page's own stylesheet would do — `::part()` rules, token
 * overrides — while keeping `token()` fallbacks, which a `<style>` element in
 * a Lit template could not interpolate.
 */
export function adoptPageStyles(styles: CSSResult): void {
  if (adopted.has(styles)) return;
  adopted.add(styles);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles.cssText);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
