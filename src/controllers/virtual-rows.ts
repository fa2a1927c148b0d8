import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the viewport, so a short scroll shows rows already there. */
const OVERSCAN = 4;
/** Rows are never shorter than this (px): what the first render, before any row was measured, plans for. */
const SHORTEST_ROW_GUESS = 36;

/** The rows to render: `first` up to, not including, `end`. */
export interface RowWindow {
  readonly first: number;
  readonly end: number;
}

/**
 * Windowing for a list of rows of one fixed height (a virtualized tree or
 * table): which rows to put in the DOM for what is on screen.
 *
 * The host renders rows `first` to `end` into one element (`attach` it) and
 * leaves room for the others with CSS: the list is as tall as all rows, and
 * padded at the top by the rows before `first`, e.g.
 * `height: calc(var(--row) * var(--count)); padding-top: calc(var(--row) * var(--first))`.
 * Nothing is measured but one row's height and the list's position, so a
 * list of 50,000 rows costs what its window costs.
 *
 * Why not @lit-labs/virtualizer: it measures every row it renders, so each
 * change of the list (a row opened or closed) waited on a layout pass of
 * every row in view, and it reported its range by an event that updated the
 * host a second time; rows of one height need neither.
 *
 * The window follows scrolling of the page and of every scrolling ancestor
 * (also across shadow roots), and moves only when the rows in view leave it.
 */
export class VirtualRowsController implements ReactiveController {
  private first = 0;
  private end = 0;
  private count = 0;
  /** One row's height in px; 0 until a row was measured. */
  private rowHeight = 0;
  private list: HTMLElement | undefined;
  private clippers: Element[] = [];
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resize', this.schedule, { passive: true });
    window.addEventListener('scroll', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.schedule);
    window.removeEventListener('scroll', this.schedule);
    this.listenToClippers([]);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.list = undefined;
  }

  hostUpdated(): void {
    // The list may have grown or shrunk under a still viewport (a row opened or closed).
    if (this.list) this.schedule();
  }

  /** The rows to render for a list of `count` rows; call from `render`. */
  window(count: number): RowWindow {
    this.count = count;
    if (this.rowHeight === 0 && this.end === 0) this.end = Math.ceil(window.innerHeight / SHORTEST_ROW_GUESS) + OVERSCAN;
    // The window asked for, within the list; where the list now ends before it (rows closed), it starts earlier to stay full.
    const end = Math.min(this.end, count);
    const first = Math.max(0, Math.min(this.first, end - (this.end - this.first)));
    return { first, end };
  }

  /** The element whose children are the rows; call after each render (a `ref`). */
  attach(list: Element | undefined): void {
    const element = list instanceof HTMLElement ? list : undefined;
    if (element === this.list) return;
    this.list = element;
    this.listenToClippers(element ? clippingAncestors(element) : []);
    if (element) this.schedule();
  }

  /** Puts row `index` in the DOM (on the next update, awaited); the caller then scrolls it into view or focuses it. */
  async include(index: number): Promise<void> {
    const { first, end } = this.window(this.count);
    if (index >= first && index < end) return;
    const size = Math.max(1, this.end - this.first);
    this.first = Math.max(0, index - OVERSCAN);
    this.end = Math.max(this.first + size, index + 1);
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  private readonly schedule = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.measure);
  };

  private readonly measure = (): void => {
    this.frame = 0;
    const list = this.list;
    if (!list?.isConnected) return;
    const row = list.firstElementChild;
    const height = row ? row.getBoundingClientRect().height : 0;
    if (height > 0) this.rowHeight = height;
    if (this.rowHeight === 0) return;

    const listTop = list.getBoundingClientRect().top;
    let top = 0;
    let bottom = window.innerHeight;
    for (const clipper of this.clippers) {
      const box = clipper.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
    const count = this.count;
    const visibleFirst = Math.min(count, Math.max(0, Math.floor((top - listTop) / this.rowHeight)));
    const visibleEnd = Math.min(count, Math.max(visibleFirst, Math.ceil((bottom - listTop) / this.rowHeight)));
    const covered = this.first <= visibleFirst && this.end >= visibleEnd;
    // Keep the window while it covers the view and is not much larger than needed (the first guess, a jump, a smaller viewport).
    if (covered && this.end - this.first <= visibleEnd - visibleFirst + 3 * OVERSCAN) return;
    const first = Math.max(0, visibleFirst - OVERSCAN);
    // Off screen (above or below the view): still a few rows, so the tree keeps a row to tab to.
    const end = Math.min(count, Math.max(visibleEnd + OVERSCAN, first + OVERSCAN));
    if (first === this.first && end === this.end) return;
    this.first = first;
    this.end = end;
    this.host.requestUpdate();
  };

  private listenToClippers(clippers: Element[]): void {
    for (const clipper of this.clippers) clipper.removeEventListener('scroll', this.schedule);
    this.clippers = clippers;
    for (const clipper of clippers) clipper.addEventListener('scroll', this.schedule, { passive: true });
  }
}

/** Ancestors that clip or scroll their content, nearest first, through shadow roots up to the document. */
function clippingAncestors(element: Element): Element[] {
  const clippers: Element[] = [];
  let at: Node | null = element.parentNode;
  while (at) {
    if (at instanceof ShadowRoot) {
      at = at.host;
      continue;
    }
    if (!(at instanceof Element) || at === document.documentElement) break;
    const overflow = getComputedStyle(at).overflowY;
    if (overflow !== 'visible') clippers.push(at);
    at = at.parentNode;
  }
  return clippers;
}
