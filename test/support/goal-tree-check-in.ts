/** Reaching a goal tree's check-in from the keyboard, for the tests of the check-in and of dialogs. */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/widgets/goal-tree/goal-tree.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';

const shadow = (el: Element) => el.shadowRoot!;

export const checkInDialog = (el: Element) => shadow(el).querySelector<HTMLDialogElement>('dialog.check-in')!;
export const checkInField = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`#check-in-${name}`)!;

/** A goal tree rooted at `root`, once its key results show. */
export async function renderTreeWithKeyResults(adapter: DataAdapter, root: string, locale = 'en'): Promise<TandemGoalTree> {
  const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${adapter} root=${root} locale=${locale}></tandem-goal-tree>`);
  await waitUntil(() => shadow(el).querySelector('[data-kind=keyResult]'), 'key results shown', { timeout: 10_000 });
  await aTimeout(50);
  return el;
}

/** Types into a check-in field as a person does: input, then change. */
export async function typeInCheckIn(el: TandemGoalTree, name: string, value: string): Promise<void> {
  const input = checkInField(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/**
 * Moves the focus down the rows, as someone on the keyboard would (the rows
 * below the window are not in the DOM until then), to the first key result
 * that offers a check-in; `undefined` after the last row.
 */
export async function focusFirstCheckInRow(el: TandemGoalTree): Promise<HTMLElement | undefined> {
  const offersCheckIn = (row: Element | null) => row instanceof HTMLElement && row.matches('[data-kind=keyResult][aria-keyshortcuts~=C]');
  shadow(el).querySelector<HTMLElement>('[role=treeitem][tabindex="0"]')!.focus();
  for (;;) {
    const focused = shadow(el).activeElement;
    if (offersCheckIn(focused)) return focused as HTMLElement;
    focused!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    await nextFrame();
    if (shadow(el).activeElement === focused) return undefined;
  }
}

/** The first key result the signed-in person may check in on, its dialog opened with C; resolves to the key result's id. */
export async function openCheckInFromKeyboard(el: TandemGoalTree): Promise<string> {
  const target = (await focusFirstCheckInRow(el))!;
  expect(target, 'a key result to check in on').to.not.equal(undefined);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true, cancelable: true }));
  await waitUntil(() => checkInDialog(el).open, 'dialog open');
  await el.updateComplete;
  return target.dataset['key']!.slice('keyResult:'.length);
}
