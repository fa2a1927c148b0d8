/**
 * What the goal tree's action flows (check-in, approval, create and edit,
 * adjustment) share: the access they get to the tree, a base controller, and
 * the pieces of their dialogs that look and behave the same in each.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../data/adapter.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/locale.js';
import type { NodeKey } from '../../model/goal-tree.js';
import type { Goal, Id, KeyResult, Person } from '../../model/records.js';
import type { GoalTreeData } from './goal-tree-data.js';

// The dialog pieces every widget shares, re-exported for the tree's flows.
export { failureOf, renderSaveStatus, reopened, syncDialog, type SaveState, type SaveStatus } from '../shared/dialog-flow.js';

/** What a flow reads from and asks of the tree; the tree implements it over its protected state. */
export interface GoalTreeAccess {
  readonly adapter: DataAdapter | undefined;
  /** The signed-in person. */
  readonly person: Person | undefined;
  /** The data the tree shows now; `undefined` before the first load. */
  readonly data: GoalTreeData | undefined;
  readonly t: Translator;
  readonly format: Formatter;
  readonly locale: Locale;
  readonly now: Date | undefined;
  /** Moves the tab stop to a row and focuses it (after a dialog closes). */
  focusRow(key: NodeKey): Promise<void>;
  /** Focuses the row last focused (scrolled back if the person scrolled away), else the first row rendered: where focus goes when a control above the rows goes away. */
  focusTabStop(): Promise<void>;
  /**
   * Shows a row once the store's change reaches the tree (a new goal or key
   * result), opening `parentKey` so it is in view, then focuses it.
   */
  reveal(key: NodeKey, parentKey?: NodeKey): void;
  /** Loads the tree again (after a conflict, when the person asks for the latest). */
  reload(): void;
  /** Sends an event from the tree element. */
  dispatch(event: Event): void;
  /**
   * Says what an action did, politely: focus returns to a row whose text
   * barely changes ("Pending approval"), so a screen reader hears the outcome here.
   */
  announce(message: string): void;
}

/**
 * A flow is a controller of the tree: it keeps its own state, asks the tree
 * to render when that changes, and renders its own dialog.
 */
export abstract class TreeFlow implements ReactiveController {
  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    protected readonly tree: GoalTreeAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  protected get dialogRoot(): ParentNode | null {
    return (this.host as HTMLElement & { renderRoot?: ParentNode }).renderRoot ?? null;
  }

  /** The dialog element this flow rendered, by its class. */
  protected dialog(className: string): HTMLDialogElement | null {
    return this.dialogRoot?.querySelector<HTMLDialogElement>(`dialog.${className}`) ?? null;
  }

  /** Focuses a control of the flow's dialog once the host has rendered. */
  protected async focusControl(className: string, selector: string): Promise<void> {
    await this.host.updateComplete;
    this.dialog(className)?.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** An edit on its way or just saved: rows show it until the reload brings the stored record. */
interface PendingEdit<T> {
  readonly patch: Partial<T>;
  /** The record's version once saved; `undefined` while the save is on its way. */
  readonly version?: number;
}

/**
 * Edits of goals and key results shown before the store's copy reaches the
 * tree (optimistic updates), shared by the edit and adjustment flows.
 */
export class PendingEdits {
  private goals: ReadonlyMap<Id, PendingEdit<Goal>> = new Map();
  private keyResults: ReadonlyMap<Id, PendingEdit<KeyResult>> = new Map();

  constructor(private readonly changed: () => void) {}

  goal(goal: Goal): Goal {
    const edit = this.goals.get(goal.id);
    return edit ? { ...goal, ...edit.patch } : goal;
  }

  keyResult(keyResult: KeyResult): KeyResult {
    const edit = this.keyResults.get(keyResult.id);
    return edit ? { ...keyResult, ...edit.patch } : keyResult;
  }

  /** `undefined` takes the edit back (the save failed). */
  setGoal(id: Id, edit: PendingEdit<Goal> | undefined): void {
    this.goals = withEntry(this.goals, id, edit);
    this.changed();
  }

  setKeyResult(id: Id, edit: PendingEdit<KeyResult> | undefined): void {
    this.keyResults = withEntry(this.keyResults, id, edit);
    this.changed();
  }

  /** Saved edits the loaded data now holds are shown from it. */
  dropReloaded(goals: readonly Goal[], keyResults: readonly KeyResult[]): void {
    this.goals = withoutReloaded(this.goals, goals);
    this.keyResults = withoutReloaded(this.keyResults, keyResults);
  }
}

function withEntry<T>(map: ReadonlyMap<Id, T>, id: Id, value: T | undefined): ReadonlyMap<Id, T> {
  const next = new Map(map);
  if (value === undefined) next.delete(id);
  else next.set(id, value);
  return next;
}

function withoutReloaded<T extends { id: Id; version: number }>(edits: ReadonlyMap<Id, PendingEdit<T>>, records: readonly T[]) {
  if (edits.size === 0) return edits;
  const next = new Map(edits);
  for (const record of records) {
    const saved = next.get(record.id)?.version;
    if (saved !== undefined && record.version >= saved) next.delete(record.id);
  }
  return next.size === edits.size ? edits : next;
}

/** The unit a key result's value is typed in: `%` for percentages, none for done/not done. */
export function unitOf(keyResult: Pick<KeyResult, 'metric' | 'unit'>): string {
  return keyResult.metric === 'percent' ? '%' : keyResult.metric === 'binary' ? '' : keyResult.unit;
}

/**
 * How a key result's amounts read: each number formatted for its metric, and
 * the unit written once after (empty where the number carries it: a
 * percentage, a currency amount). Binary key results read as done / not done.
 */
function amountParts(keyResult: Pick<KeyResult, 'metric' | 'unit'>, format: Formatter): { value: (amount: number) => string; unit: string } {
  if (keyResult.metric === 'percent') {
    // Two decimals: rates such as a 0.34% crash rate are common key results.
    return { value: (amount) => format.percent(amount / 100, 2), unit: '' };
  }
  if (keyResult.metric === 'currency') {
    try {
      format.currency(0, keyResult.unit);
      return { value: (amount) => format.currency(amount, keyResult.unit, 2), unit: '' };
    } catch {
      // Not an ISO 4217 code (bad data): the number with the unit as written.
    }
  }
  return { value: (amount) => format.number(amount), unit: keyResult.unit ? ` ${keyResult.unit}` : '' };
}

/** A key result amount as people read it: `¥1.2m`, `34.5%`, `1,200 users`; binary is done / not done. */
export function formatAmount(keyResult: Pick<KeyResult, 'metric' | 'unit'>, amount: number, tree: Pick<GoalTreeAccess, 't' | 'format'>): string {
  if (keyResult.metric === 'binary') return tree.t(amount >= 1 ? 'goalTree.done' : 'goalTree.notDone');
  const { value, unit } = amountParts(keyResult, tree.format);
  return `${value(amount)}${unit}`;
}

/** "40 of 100 users", "¥1.2m of ¥2m", "Done". */
export function formatKeyResultValue(keyResult: KeyResult, tree: Pick<GoalTreeAccess, 't' | 'format'>): string {
  const { t } = tree;
  if (keyResult.metric === 'binary') return t(keyResult.current >= 1 ? 'goalTree.done' : 'goalTree.notDone');
  const { value, unit } = amountParts(keyResult, tree.format);
  return `${t('goalTree.valueOfTarget', { current: value(keyResult.current), target: value(keyResult.target) })}${unit}`;
}
