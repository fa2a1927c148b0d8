import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A cell of a grid: its row's key and its column's name. */
export interface GridCell {
  readonly rowKey: string;
  readonly column: string;
}

export interface GridNavigationOptions {
  /** The header row's key; it comes first and is always in the DOM. */
  readonly headerKey: string;
  /** The body row at an index (0 is the first row under the header). */
  rowKeyAt(index: number): string | undefined;
  /** The index of a body row; `undefined` for the header or a row no longer there. */
  indexOf(rowKey: string): number | undefined;
  rowCount(): number;
  /** The columns a row has, in order: every column for a data row, one for a row that spans them. */
  columnsOf(rowKey: string): readonly string[];
  /** Where the rows are rendered (the host's shadow root). */
  root(): ParentNode;
  /** Brings a body row into the DOM: a virtualizer renders only the rows in view. */
  reveal(index: number): void;
  /** The body rows in the DOM, as the virtualizer last reported; `last < first` before it has. */
  rendered(): { readonly first: number; readonly last: number };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Rows PageUp and PageDown move by before the virtualizer has reported what is in view. */
const DEFAULT_PAGE_ROWS = 10;

/**
 * Keyboard navigation of a WAI-ARIA data grid whose body rows are
 * virtualized (APG "Data Grid"): one cell holds the tab stop (roving
 * tabindex); arrow keys move between cells, Home/End to the row's ends,
 * Ctrl+Home/End to the grid's corners, PageUp/PageDown by the rows in view.
 * A cell's focus goes to its one control (`[data-focus]`) when it has one,
 * else to the cell; rows carry `data-row-key` and cells `data-column`.
 *
 * Moving up or down keeps the column; a row with fewer columns (a panel
 * spanning the grid) takes its first, and the column is picked up again
 * below it. When the host re-renders rows (a reload, a new sort) the
 * virtualizer moves their elements, which drops focus: it is put back on the
 * same cell.
 */
export class GridNavigation implements ReactiveController {
  /** The cell holding the tab stop. */
  active: GridCell;
  /** The column vertical moves keep, through rows that lack it. */
  private preferredColumn: string;
  private focusWasInGrid = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GridNavigationOptions,
    firstColumn: string,
  ) {
    this.active = { rowKey: options.headerKey, column: firstColumn };
    this.preferredColumn = firstColumn;
    host.addController(this);
  }

  hostUpdate(): void {
    this.focusWasInGrid ||= this.host.shadowRoot?.activeElement?.closest('[role=grid]') != null;
  }

  hostUpdated(): void {
    if (this.focusWasInGrid) void this.keepFocus();
  }

  /** Makes a cell the tab stop without moving focus (a click on its control already did). */
  setActive(rowKey: string, column: string): void {
    if (rowKey === this.active.rowKey && column === this.active.column) return;
    this.active = { rowKey, column };
    if (this.options.columnsOf(rowKey).length > 1) this.preferredColumn = column;
    this.host.requestUpdate();
  }

  /** Whether a cell holds the tab stop in this render. */
  isTabStop(rowKey: string, column: string): boolean {
    const stop = this.tabStop();
    return stop.rowKey === rowKey && stop.column === column;
  }

  /**
   * The cell holding the tab stop: the active one, or — when its row is
   * scrolled out of the DOM — the same column of the first row in view, so
   * Tab still lands in the grid where the person is looking.
   */
  tabStop(): GridCell {
    const { headerKey, indexOf, rowKeyAt, rowCount } = this.options;
    const { rowKey } = this.active;
    // The header first: looking a row up may index every row (5,000 KPIs), which the first render need not.
    if (rowKey === headerKey) return this.active;
    const index = indexOf(rowKey);
    const { first, last } = this.options.rendered();
    const known = last >= first;
    if (index !== undefined && (!known || (index >= first && index <= last))) return this.active;
    const fallback = rowKeyAt(known ? Math.min(first, rowCount() - 1) : 0);
    if (fallback === undefined) return { rowKey: headerKey, column: this.preferredColumn };
    return { rowKey: fallback, column: this.columnIn(fallback) };
  }

  /** The preferred column if the row has it, else its first. */
  private columnIn(rowKey: string): string {
    const columns = this.options.columnsOf(rowKey);
    return columns.includes(this.preferredColumn) ? this.preferredColumn : (columns[0] ?? this.preferredColumn);
  }

  private positionOf(rowKey: string): number {
    return rowKey === this.options.headerKey ? 0 : (this.options.indexOf(rowKey) ?? -1) + 1;
  }

  /** Positions count the header as 0 and the first body row as 1. */
  private keyAtPosition(position: number): string | undefined {
    return position === 0 ? this.options.headerKey : this.options.rowKeyAt(position - 1);
  }

  /** The cell a key press moves to, or `undefined` when the key is not the grid's. */
  private targetOf(event: KeyboardEvent, from: GridCell): GridCell | undefined {
    const columns = this.options.columnsOf(from.rowKey);
    const at = Math.max(0, columns.indexOf(from.column));
    const lastPosition = this.options.rowCount();
    const { first, last } = this.options.rendered();
    const page = last >= first ? Math.max(1, last - first - 1) : DEFAULT_PAGE_ROWS;
    const vertical = (to: number): GridCell | undefined => {
      const rowKey = this.keyAtPosition(Math.max(0, Math.min(lastPosition, to)));
      return rowKey === undefined ? undefined : { rowKey, column: this.columnIn(rowKey) };
    };
    const position = this.positionOf(from.rowKey);
    const corner = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowRight':
        return { rowKey: from.rowKey, column: columns[Math.min(columns.length - 1, at + 1)] ?? from.column };
      case 'ArrowLeft':
        return { rowKey: from.rowKey, column: columns[Math.max(0, at - 1)] ?? from.column };
      case 'ArrowDown':
        return vertical(position + 1);
      case 'ArrowUp':
        return vertical(position - 1);
      case 'PageDown':
        return vertical(position + page);
      case 'PageUp':
        return vertical(position - page);
      case 'Home': {
        const rowKey = corner ? this.options.headerKey : from.rowKey;
        return { rowKey, column: this.options.columnsOf(rowKey)[0] ?? from.column };
      }
      case 'End': {
        const rowKey = corner ? (this.keyAtPosition(lastPosition) ?? from.rowKey) : from.rowKey;
        return { rowKey, column: this.options.columnsOf(rowKey).at(-1) ?? from.column };
      }
      default:
        return undefined;
    }
  }

  /** For the grid's `keydown`. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    // Space on a cell that is no control would scroll the page, which took the focused row out of the window.
    if (event.key === ' ' && isCellItself(event)) {
      event.preventDefault();
      return;
    }
    if (event.altKey || event.shiftKey) return;
    const cell = this.cellOfEvent(event);
    if (!cell) return;
    const target = this.targetOf(event, cell);
    if (!target) return;
    event.preventDefault();
    void this.focusCell(target.rowKey, target.column);
  };

  /** For the grid's `focusin`: a click or Tab into a cell makes it the tab stop. */
  readonly onFocusIn = (event: FocusEvent): void => {
    const cell = this.cellOfEvent(event);
    if (cell) this.setActive(cell.rowKey, cell.column);
  };

  /** The cell an event happened in. */
  private cellOfEvent(event: Event): GridCell | undefined {
    for (const target of event.composedPath()) {
      if (!(target instanceof HTMLElement)) continue;
      const column = target.dataset['column'];
      const rowKey = target.closest<HTMLElement>('[data-row-key]')?.dataset['rowKey'];
      if (column && rowKey) return { rowKey, column };
      if (target.getAttribute('role') === 'grid') return undefined;
    }
    return undefined;
  }

  /**
   * Moves the tab stop to a cell and focuses it, bringing its row into the
   * DOM first if it is virtualized away. A row that is gone (filtered out,
   * deleted) sends focus to the header.
   */
  async focusCell(rowKey: string, column: string): Promise<void> {
    const { headerKey, indexOf, columnsOf } = this.options;
    const row = rowKey === headerKey || indexOf(rowKey) !== undefined ? rowKey : headerKey;
    const columns = columnsOf(row);
    this.setActive(row, columns.includes(column) ? column : (columns[0] ?? column));
    await this.host.updateComplete;
    const { rowKey: activeRow, column: activeColumn } = this.active;
    let element = this.focusTarget(activeRow, activeColumn);
    const index = indexOf(activeRow);
    if (!element && index !== undefined) {
      this.options.reveal(index);
      for (let frame = 0; frame < 30 && !element; frame += 1) {
        await nextFrame();
        element = this.focusTarget(activeRow, activeColumn);
      }
    }
    element?.focus();
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** The element of a cell that takes focus: its one control, or the cell itself. */
  private focusTarget(rowKey: string, column: string): HTMLElement | null {
    const row = this.options.root().querySelector<HTMLElement>(`[data-row-key="${CSS.escape(rowKey)}"]`);
    const cell = row?.querySelector<HTMLElement>(`[data-column="${CSS.escape(column)}"]`);
    return cell?.querySelector<HTMLElement>('[data-focus]') ?? cell ?? null;
  }

  /**
   * Puts focus back on the active cell if an update dropped it (the
   * virtualizer moved the focused row's element) or left it on an element
   * that now shows another row. Checked once the
   * virtualizer has laid out, two frames on; focus that went elsewhere on
   * purpose (a dialog, another control) is left alone.
   */
  private async keepFocus(): Promise<void> {
    await nextFrame();
    await nextFrame();
    this.focusWasInGrid = false;
    const active = this.host.shadowRoot?.activeElement;
    // A row element may stay in place and show another row (a virtualizer keyed by position): focus follows the active row.
    const focusedRow = active?.closest<HTMLElement>('[role=grid] [data-row-key]')?.dataset['rowKey'];
    if (active && (focusedRow === undefined || focusedRow === this.active.rowKey)) return;
    if (document.activeElement !== this.host && document.activeElement !== document.body) return;
    await this.focusCell(this.active.rowKey, this.active.column);
  }
}

/** Whether a key went to a grid cell or header itself, not to a control inside it (a button, a field). */
function isCellItself(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  const role = target.getAttribute('role');
  return role === 'gridcell' || role === 'columnheader' || role === 'rowheader';
}
