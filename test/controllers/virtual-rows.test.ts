import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { cssRowHeight, VirtualRowsController } from '../../src/controllers/virtual-rows.js';

/** A host that only plans its window: what the first render of a widget's rows asks for. */
class RowsHost extends LitElement {
  readonly rows = new VirtualRowsController(this, cssRowHeight(this, '--test-row-height', 2.5));
}
customElements.define('test-virtual-rows-host', RowsHost);

describe('VirtualRowsController', () => {
  it('plans the first window from the row height the CSS asks for, before any row is measured', async () => {
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const host = await fixture<RowsHost>(html`<test-virtual-rows-host></test-virtual-rows-host>`);
    // 2.5rem by default; four rows more than fit, for a short scroll.
    expect(host.rows.window(10_000).end).to.equal(Math.ceil(window.innerHeight / (2.5 * rootFontSize)) + 4);

    const tall = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 120px"></test-virtual-rows-host>`);
    expect(tall.rows.window(10_000).end).to.equal(Math.ceil(window.innerHeight / 120) + 4);

    const inRem = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 5rem"></test-virtual-rows-host>`);
    expect(inRem.rows.window(10_000).end).to.equal(Math.ceil(window.innerHeight / (5 * rootFontSize)) + 4);
    // Fewer rows than fit: all of them.
    expect(inRem.rows.window(3)).to.deep.include({ first: 0, end: 3, before: 0, total: 3 });
  });

  it('reads a row height it cannot resolve without layout as the default', async () => {
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const host = await fixture<HTMLElement>(html`<div style="--test-row-height: calc(2rem + 4px)"></div>`);
    expect(cssRowHeight(host, '--test-row-height', 3)()).to.equal(3 * rootFontSize);
    host.style.setProperty('--test-row-height', '44px');
    expect(cssRowHeight(host, '--test-row-height', 3)()).to.equal(44);
  });
});
