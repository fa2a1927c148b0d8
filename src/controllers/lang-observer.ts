/**
 * Watches `lang` attributes anywhere in the document so that widgets without
 * an explicit locale follow the page's language when it changes at run time.
 * One MutationObserver serves every widget.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

export function observeLang(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const notify of listeners) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** The nearest `lang` attribute up the tree, crossing shadow roots to their hosts. */
export function nearestLang(node: Node): string | null {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang');
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}
