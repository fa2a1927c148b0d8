import { nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS property names (`width`, `--_depth`) and their values; `undefined` removes one. */
export type StyleProperties = Readonly<Record<string, string | undefined>>;

/**
 * Sets inline style properties through the CSSOM, always. Lit's `styleMap`
 * writes a `style` attribute on first render, which a strict CSP without
 * `'unsafe-inline'` blocks (measured: every styleMap in a table reported a
 * `style-src-attr` violation); `style.setProperty` is not subject to it.
 *
 * Use on an element, not an attribute: `<span ${styleProperties({ width: '40%' })}>`.
 */
class StylePropertiesDirective extends Directive {
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('styleProperties() belongs on an element: <span ${styleProperties({...})}>');
    }
  }

  render(_properties: StyleProperties): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      next.add(name);
    }
    for (const name of this.applied) if (!next.has(name)) style.removeProperty(name);
    this.applied = next;
    return nothing;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
