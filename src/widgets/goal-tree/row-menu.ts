/**
 * The "more actions" menu of a goal tree row (WAI-ARIA menu button pattern):
 * what the person may do on the row, with each key shortcut, and actions
 * they cannot take right now shown disabled with the reason.
 */
import { html, nothing } from 'lit';
import type { NodeKey } from '../../model/goal-tree.js';
import { TreeFlow } from './tree-flow.js';

export interface RowMenuItem {
  readonly id: string;
  readonly label: string;
  /** The key that does the same on the row, shown in the menu. */
  readonly shortcut?: string;
  /** Set: shown disabled with this reason. */
  readonly disabledReason?: string;
  readonly run: () => void;
}

interface OpenMenu {
  readonly rowKey: NodeKey;
  readonly label: string;
  readonly items: readonly RowMenuItem[];
  readonly anchor: HTMLElement | null;
}

export class RowMenu extends TreeFlow {
  private menu: OpenMenu | null = null;
  /** Focus goes back to the row unless an item opened a dialog (which returns it itself). */
  private returnFocus = true;

  get isOpen(): boolean {
    return this.menu !== null;
  }

  open(rowKey: NodeKey, label: string, items: readonly RowMenuItem[], anchor: HTMLElement | null): void {
    if (items.length === 0) return;
    this.menu = { rowKey, label, items, anchor };
    this.returnFocus = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const element = this.element();
    if (!element) return;
    if (this.menu && !element.matches(':popover-open')) {
      element.showPopover();
      this.place(element, this.menu.anchor);
      this.items()[0]?.focus();
    } else if (!this.menu && element.matches(':popover-open')) {
      element.hidePopover();
    }
  }

  private element(): HTMLElement | null {
    return this.dialogRoot?.querySelector<HTMLElement>('.row-menu') ?? null;
  }

  private items(): HTMLElement[] {
    return [...(this.element()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  /** Under the button that opened it (or the row), kept inside the viewport. Set through the CSSOM, which a strict CSP allows. */
  private place(element: HTMLElement, anchor: HTMLElement | null): void {
    const rowSelector = `[data-key="${CSS.escape(this.menu?.rowKey ?? '')}"]`;
    // Opened from the keyboard: under the row's own menu button, where a mouse would have opened it.
    const row =
      anchor ??
      this.dialogRoot?.querySelector<HTMLElement>(`${rowSelector} [data-action="menu"]`) ??
      this.dialogRoot?.querySelector<HTMLElement>(rowSelector) ??
      null;
    const box = row?.getBoundingClientRect();
    if (!box) return;
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 4;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 4) : below;
    element.style.setProperty('left', `${left}px`);
    element.style.setProperty('top', `${top}px`);
  }

  private close(focusRow: boolean): void {
    const menu = this.menu;
    if (!menu) return;
    this.menu = null;
    this.host.requestUpdate();
    if (focusRow) void this.tree.focusRow(menu.rowKey);
  }

  private readonly onToggle = (event: Event): void => {
    // Light dismiss (Escape, a click elsewhere) closes the popover itself.
    if ((event as ToggleEvent).newState === 'closed' && this.menu) this.close(this.returnFocus);
  };

  private run(item: RowMenuItem): void {
    if (item.disabledReason) return;
    this.returnFocus = false;
    this.close(false);
    item.run();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.items();
    const at = items.indexOf(event.target as HTMLElement);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[(at + 1) % items.length];
        break;
      case 'ArrowUp':
        next = items[(at - 1 + items.length) % items.length];
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items[items.length - 1];
        break;
      case 'Tab':
        event.preventDefault();
        this.close(true);
        return;
      default:
        if (event.key.length === 1 && event.key.trim() !== '') {
          // A shortcut letter runs its item, as on the row.
          const item = this.menu?.items.find((candidate) => candidate.shortcut?.toLowerCase() === event.key.toLowerCase());
          if (item) {
            event.preventDefault();
            this.run(item);
          }
        }
        return;
    }
    event.preventDefault();
    next?.focus();
  };

  render() {
    const menu = this.menu;
    return html`<div class="row-menu" role="menu" popover="auto" aria-label=${menu?.label ?? nothing} @toggle=${this.onToggle} @keydown=${this.onKeyDown}>
      ${menu?.items.map(
        (item) => html`<button
          type="button"
          role="menuitem"
          tabindex="-1"
          data-item=${item.id}
          aria-disabled=${item.disabledReason ? 'true' : nothing}
          aria-labelledby=${`row-menu-${item.id}-label`}
          aria-describedby=${item.disabledReason ? `row-menu-${item.id}-reason` : nothing}
          aria-keyshortcuts=${item.shortcut ?? nothing}
          @click=${() => this.run(item)}
        >
          <!-- Named by its label alone: the reason inside the button is its description, not said twice. -->
          <span class="item-label" id=${`row-menu-${item.id}-label`}>${item.label}</span>
          ${item.shortcut ? html`<kbd aria-hidden="true">${item.shortcut}</kbd>` : nothing}
          ${item.disabledReason
            ? html`<span class="item-reason" id=${`row-menu-${item.id}-reason`}>${item.disabledReason}</span>`
            : nothing}
        </button>`,
      ) ?? nothing}
    </div>`;
  }
}
