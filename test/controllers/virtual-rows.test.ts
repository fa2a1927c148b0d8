import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { cssRowHeight, VirtualRowsController } from '../../src/controllers/virtual-rows.js';

/** A host that only plans its window: what the first render of a widget's rows asks for. */
class RowsHost extends LitElement {
  readonly rows = new VirtualRowsController(this, cssRowHeight(this, '--test-row-height', 2.5));
}
customElements.define('test-virtual-rows-host', RowsHost);

/** A list of 1,000 rows of 40 px, windowed as the widgets window theirs. */
class RowsList extends LitElement {
  static override properties = { count: { type: Number } };
  readonly rows = new VirtualRowsController(this, () => 40);
  count = 1_000;

  protected override render() {
    const { first, end, before, total } = this.rows.window(this.count);
    const rows = Array.from({ length: end - first }, (_, offset) => litHtml`<div style="height: 40px" tabindex="-1">Row ${first + offset}</div>`);
    return litHtml`<div style="height: ${40 * total}px; padding-top: ${40 * before}px; box-sizing: border-box" ${ref((list) => this.rows.attach(list))}>${rows}</div>`;
  }
}
customElements.define('test-virtual-rows-list', RowsList);

/** Once a frame has told the controller where the host is (its intersection observer reports after the frame, later on a busy page). */
const placed = (host: RowsHost) =>
  waitUntil(() => (host.rows as unknown as { hostTop: number | undefined }).hostTop !== undefined, 'the host placed by a frame');
/** The rows that fit between a host's top and the viewport's bottom. */
const fitting = (host: Element, rowHeight: number) => Math.ceil((window.innerHeight - Math.max(0, host.getBoundingClientRect().top)) / rowHeight);

describe('VirtualRowsController', () => {
  it('plans the first window from the row height the CSS asks for, before any row is measured: the rows that fit below its top', async () => {
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const host = await fixture<RowsHost>(html`<test-virtual-rows-host></test-virtual-rows-host>`);
    // 2.5rem by default.
    expect(host.rows.window(10_000).end).to.equal(fitting(host, 2.5 * rootFontSize));

    const tall = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 120px"></test-virtual-rows-host>`);
    expect(tall.rows.window(10_000).end).to.equal(fitting(tall, 120));

    const inRem = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 5rem"></test-virtual-rows-host>`);
    expect(inRem.rows.window(10_000).end).to.equal(fitting(inRem, 5 * rootFontSize));

    // Lower on the page, fewer, once a frame has placed the host (read without forcing a layout); below the fold, still a few rows to tab to.
    const lower = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 40px; display: block; margin-top: 300px"></test-virtual-rows-host>`);
    await placed(lower);
    expect(lower.rows.window(10_000).end).to.equal(fitting(lower, 40));
    const below = await fixture<RowsHost>(html`<test-virtual-rows-host style="display: block; margin-top: 200vh"></test-virtual-rows-host>`);
    await placed(below);
    expect(below.rows.window(10_000).end).to.equal(4);
    // Rows asked for before any frame (data ready at once) fill the viewport: the host's place is not known yet.
    const early = await fixture<RowsHost>(html`<test-virtual-rows-host style="--test-row-height: 40px; display: block; margin-top: 300px"></test-virtual-rows-host>`);
    expect(early.rows.window(10_000).end).to.equal(Math.ceil(window.innerHeight / 40));
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

  it('paints the rows in view first, and adds the rows beyond them a frame later', async () => {
    const list = await fixture<RowsList>(html`<test-virtual-rows-list style="display: block"></test-virtual-rows-list>`);
    const rowsInDom = () => list.shadowRoot!.querySelectorAll('div > div').length;
    const inView = fitting(list, 40);
    expect(rowsInDom(), 'the first render').to.equal(inView);
    for (let frame = 0; frame < 4; frame += 1) await nextFrame();
    await list.updateComplete;
    expect(rowsInDom(), 'with four rows beyond the view').to.equal(inView + 4);
  });

  it('shows a changed list with the rows in view, and adds the rows below them a frame later', async () => {
    const list = await fixture<RowsList>(html`<test-virtual-rows-list style="display: block"></test-virtual-rows-list>`);
    const rows = () => [...list.shadowRoot!.querySelectorAll<HTMLElement>('div > div')];
    const inView = fitting(list, 40);
    const settled = async () => {
      for (let frame = 0; frame < 4; frame += 1) await nextFrame();
      await list.updateComplete;
    };
    await settled();
    expect(rows().length, 'settled, with the rows beyond the view').to.equal(inView + 4);

    // Rows closed above the bottom of the view: every row below it would be new.
    list.count = 900;
    await list.updateComplete;
    expect(rows().length, 'the frame that shows the change').to.equal(inView);
    await settled();
    expect(rows().length, 'a frame later').to.equal(inView + 4);

    // Focus on a row below the view stays: that row is not cut.
    const below = rows()[inView + 1]!;
    below.focus({ preventScroll: true });
    list.count = 800;
    await list.updateComplete;
    expect(rows().length, 'with focus below the view').to.equal(inView + 4);
    expect(list.shadowRoot!.activeElement?.textContent).to.equal(`Row ${inView + 1}`);
  });
});
