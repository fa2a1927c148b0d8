import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the viewport, so a short scroll shows rows already there. */
const OVERSCAN = 4;
/** What the first render plans for when the host names no row height (px). */
const SHORTEST_ROW_GUESS = 36;

/**
 * The row height the host's CSS asks for, before any row is laid out: the
 * custom property `property` on the host, else `fallbackRem`, in px (only
 * `px` and `rem` are read; anything else counts as the fallback). The first
 * render then puts the rows that fit in the DOM, not a screenful of the
 * shortest rows (a third more, laid out for nothing, and cut back a frame later).
 */
export function cssRowHeight(host: Element, property: string, fallbackRem: number): () => number {
  return () => {
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const value = getComputedStyle(host).getPropertyValue(property).trim();
    const match = /^(\d*\.?\d+)(px|rem)$/.exec(value);
    if (!match) return fallbackRem * rootFontSize;
    const amount = Number(match[1]);
    return match[2] === 'px' ? amount : amount * rootFontSize;
  };
}

/**
 * Where rows sit in a list whose rows are one height (a slot) except a few
 * taller ones (an open panel), measured in slots: a row of the common height
 * takes one, a panel as many (or as fractions) as it is tall.
 */
export interface RowSlots {
  /** Slots in the whole list. */
  readonly total: number;
  /** Slots taken by the rows before `index`. */
  slotOf(index: number): number;
  /** The row that covers `slot` (a list position counted in slots, 0 at the top). */
  rowAtSlot(slot: number): number;
}

/** Every row one slot. */
export function uniformSlots(count: number): RowSlots {
  return { total: count, slotOf: (index) => index, rowAtSlot: (slot) => Math.floor(slot) };
}

/** The rows to render, `first` up to (not including) `end`, and the room to leave for the rest, in slots. */
export interface RowWindow {
  readonly first: number;
  readonly end: number;
  /** Slots above `first`: the list's top padding. */
  readonly before: number;
  /** Slots in the whole list: its height. */
  readonly total: number;
}

/**
 * Windowing for a long list of rows (a virtualized tree or grid): which rows
 * to put in the DOM for what is on screen.
 *
 * The host renders rows `first` to `end` into one element (`attach` it) and
 * leaves room for the others with CSS lengths, not custom properties (an
 * inherited property set on the list would restyle every row each time the
 * window moves): `height: calc(<row height> * total)` and
 * `padding-top: calc(<row height> * before)`. Nothing is measured but the
 * rendered rows' extent and the list's position, so a list of 50,000 rows
 * costs what its window costs.
 *
 * Why not @lit-labs/virtualizer: it measures every row it renders and starts
 * from a guess of 100 px a row, so a first render laid the rows out twice;
 * each change of the list (a row opened or closed) waited on a layout pass of
 * every row in view; and it reported its range by an event that updated the
 * host a second time. Rows of one height need none of that.
 *
 * The window follows scrolling of the page and of every scrolling ancestor
 * (also across shadow roots), and content above the list growing or
 * shrinking; it moves only when the rows in view leave it.
 */
export class VirtualRowsController implements ReactiveController {
  private first = 0;
  private end = 0;
  private count = 0;
  private slots: RowSlots = uniformSlots(0);
  /** What was last rendered. */
  private rendered: { first: number; end: number } = { first: 0, end: 0 };
  /** One slot's height in px; 0 until rows were measured. */
  private slotHeight = 0;
  private list: HTMLElement | undefined;
  private clippers: Element[] = [];
  /** The list the clippers were found for: found once it is in the document (a first render attaches it before). */
  private clippersOf: HTMLElement | undefined;
  private frame = 0;
  /** The overscan is missing around rows that cover the view (the first frame paints without it): added a frame later. */
  private overscanDue = false;
  /** The row after the last one in view at the last frame; -1 before any. */
  private visibleEnd = -1;
  /**
   * The host's top in the viewport at the last frame, from an intersection observer: read without forcing a
   * layout in the middle of a render. `undefined` before the first frame (data ready at once): the top of the viewport.
   */
  private hostTop: number | undefined;
  private readonly placement = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (entry) this.hostTop = entry.boundingClientRect.top;
  });
  /** Content above the list may move it without a scroll (a widget loading higher on the page). */
  private readonly resizes = new ResizeObserver(() => this.schedule());

  /** `rowHeightGuess`: a common row's height in px before any is measured (see {@link cssRowHeight}). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly rowHeightGuess: () => number = () => SHORTEST_ROW_GUESS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resize', this.schedule, { passive: true });
    window.addEventListener('scroll', this.schedule, { passive: true });
    this.resizes.observe(document.documentElement);
    this.resizes.observe(this.host);
    this.placement.observe(this.host);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.schedule);
    window.removeEventListener('scroll', this.schedule);
    this.resizes.disconnect();
    this.placement.disconnect();
    this.listenToClippers([]);
    this.clippersOf = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.list = undefined;
  }

  hostUpdated(): void {
    // The list may have grown or shrunk under a still viewport (a row opened or closed).
    if (this.list) this.schedule();
  }

  /** The rows in the DOM as last rendered: `first` up to (not including) `end`. */
  get renderedRows(): { readonly first: number; readonly end: number } {
    return this.rendered;
  }

  /** One slot's (a common row's) height in px; 0 until rows were on screen. */
  get rowHeight(): number {
    return this.slotHeight;
  }

  /** The rows to render for a list of `count` rows (placed by `slots` when not all are one height); call from `render`. */
  window(count: number, slots: RowSlots = uniformSlots(count)): RowWindow {
    this.slots = slots;
    if (this.slotHeight === 0 && this.end === 0) {
      // The first render, before any row was laid out: the rows that fit between the widget's top and the
      // viewport's bottom, and no more, so the first frame lays out only rows it may show. The overscan follows that frame.
      const top = Math.min(window.innerHeight, Math.max(0, this.hostTop ?? 0));
      this.end = Math.max(OVERSCAN, Math.ceil((window.innerHeight - top) / Math.max(1, this.rowHeightGuess())));
    } else if (count !== this.count && this.visibleEnd > this.first && this.visibleEnd < this.end && !this.focusBelowView()) {
      // The list changed under a still view (rows opened or closed, a filter): the rows below the view would all be
      // new, made and laid out for nothing in the frame that shows the change. They follow a frame later.
      this.end = this.visibleEnd;
    }
    this.count = count;
    // The window asked for, within the list; where the list now ends before it (rows closed), it starts earlier to stay full.
    const end = Math.min(this.end, count);
    const first = Math.max(0, Math.min(this.first, end - (this.end - this.first)));
    this.rendered = { first, end };
    return { first, end, before: slots.slotOf(first), total: slots.total };
  }

  /** Whether focus is on a rendered row below the view, which cutting the window there would drop. */
  private focusBelowView(): boolean {
    const list = this.list;
    const root = list?.getRootNode();
    let row = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    // The row itself, or a control inside it.
    while (row && row.parentElement !== list) row = row.parentElement;
    if (!list || !row) return false;
    return this.rendered.first + Array.prototype.indexOf.call(list.children, row) >= this.visibleEnd;
  }

  /** The element whose children are the rows; call after each render (a `ref`). */
  attach(list: Element | undefined): void {
    const element = list instanceof HTMLElement ? list : undefined;
    if (element === this.list) return;
    this.list = element;
    this.listenToClippers([]);
    this.clippersOf = undefined;
    if (element) this.schedule();
  }

  /** Puts row `index` in the DOM (on the next update, awaited); the caller then scrolls it into view or focuses it. */
  async include(index: number): Promise<void> {
    const { first, end } = this.window(this.count, this.slots);
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
    if (this.clippersOf !== list) {
      this.listenToClippers(clippingAncestors(list));
      this.clippersOf = list;
    }
    const { slots, rendered } = this;
    const firstRow = list.firstElementChild;
    const lastRow = list.lastElementChild;
    const renderedSlots = slots.slotOf(rendered.end) - slots.slotOf(rendered.first);
    if (firstRow && lastRow && renderedSlots > 0) {
      const extent = lastRow.getBoundingClientRect().bottom - firstRow.getBoundingClientRect().top;
      if (extent > 0) this.slotHeight = extent / renderedSlots;
    }
    if (this.slotHeight === 0) return;

    const listTop = list.getBoundingClientRect().top;
    let top = 0;
    let bottom = window.innerHeight;
    for (const clipper of this.clippers) {
      const box = clipper.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
    const count = this.count;
    const rowAt = (px: number) => Math.min(count, Math.max(0, slots.rowAtSlot(Math.max(0, (px - listTop) / this.slotHeight))));
    const visibleFirst = rowAt(top);
    const visibleEnd = Math.min(count, Math.max(visibleFirst, rowAt(bottom) + 1));
    this.visibleEnd = visibleEnd;
    const covered = this.first <= visibleFirst && this.end >= visibleEnd;
    const first = Math.max(0, visibleFirst - OVERSCAN);
    // Keep the window while it covers the view and is not much larger than needed (the first guess, a jump, a smaller viewport).
    if (covered && this.end - this.first <= visibleEnd - visibleFirst + 3 * OVERSCAN) {
      const overscanned = this.first <= first && this.end >= Math.min(count, visibleEnd + OVERSCAN);
      if (overscanned) {
        this.overscanDue = false;
        return;
      }
      // Rows already cover the view: this frame paints them as they are, the next adds the overscan.
      if (!this.overscanDue) {
        this.overscanDue = true;
        this.schedule();
        return;
      }
    }
    this.overscanDue = false;
    // Off screen (above or below the view): still a few rows, so the list keeps a row to tab to.
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
