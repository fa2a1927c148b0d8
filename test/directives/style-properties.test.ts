import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProperties, type StyleProperties } from '../../src/directives/style-properties.js';

describe('styleProperties', () => {
  const draw = (container: HTMLElement, properties: StyleProperties) =>
    render(html`<span ${styleProperties(properties)}></span>`, container);

  it('sets, changes and removes properties (the CSP test proves no style attribute is written)', () => {
    const container = document.createElement('div');
    draw(container, { width: '40%', '--_depth': '2' });
    const span = container.querySelector('span')!;
    expect(span.style.getPropertyValue('width')).to.equal('40%');
    expect(span.style.getPropertyValue('--_depth')).to.equal('2');

    draw(container, { width: '10%', '--_depth': undefined });
    expect(span.style.getPropertyValue('width')).to.equal('10%');
    expect(span.style.getPropertyValue('--_depth')).to.equal('');
  });

  it('refuses to be bound to an attribute', () => {
    const container = document.createElement('div');
    expect(() => render(html`<span style=${styleProperties({ width: '1px' })}></span>`, container)).to.throw(
      /belongs on an element/,
    );
  });
});
