import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/goal-tree/goal-tree.js';
import { NetworkError } from '../../src/data/errors.js';
import type { SeedPersonas } from '../../src/data/index.js';
import type { TandemCheckInEvent } from '../../src/events/check-in.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';
import {
  checkInDialog as dialogOf,
  checkInField as field,
  focusFirstCheckInRow,
  openCheckInFromKeyboard,
  renderTreeWithKeyResults as renderTree,
  typeInCheckIn as type,
} from '../support/goal-tree-check-in.js';
import { seededMemoryStore, withMethods } from '../support/seeded-memory-store.js';

/** A fresh seeded company per test (check-ins change it), signed in as a persona. */
const seededStore = (persona: keyof SeedPersonas) => seededMemoryStore(persona, { name: 'goal-tree-check-in' });

const shadow = (el: Element) => el.shadowRoot!;
const row = (el: Element, key: string) => shadow(el).querySelector<HTMLElement>(`[data-key="${key}"]`)!;
/** Key-result rows offering a check-in. */
const checkInRows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[data-kind=keyResult][aria-keyshortcuts~=C]')];

async function submit(el: TandemGoalTree): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('dialog button[type=submit]')!.click();
  await el.updateComplete;
}

const valueText = (el: Element, keyResultId: string) => row(el, `keyResult:${keyResultId}`).querySelector('.value')!.textContent!.trim();

/** A value the key result does not have yet, valid for its metric. */
function nextValue(keyResult: { metric: string; start: number; current: number; target: number }): number {
  if (keyResult.metric === 'binary') return keyResult.current >= 1 ? 0 : 1;
  if (keyResult.current !== keyResult.target) return keyResult.target;
  // At its target: a step back towards the start, which stays in the metric's range (a percent aiming down to 0 cannot go to -1).
  return keyResult.target + (keyResult.start < keyResult.target ? -1 : 1);
}

const announced = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role=status]')].map((region) => region.textContent!.trim()).filter(Boolean);

describe('<tandem-goal-tree> check-in', () => {

  it('opens from a key result with C: a labelled modal, focus in the value field, back on the row after Escape', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me');
    const id = await openCheckInFromKeyboard(el);
    const dialog = dialogOf(el);
    const keyResult = await store.getKeyResult(id);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(`Check in: ${keyResult.title}`);
    expect(shadow(el).activeElement).to.equal(field(el, 'value'));
    expect(field(el, 'value').value).to.equal(String(keyResult.current));
    await expect(el).to.be.accessible();
    // requestClose() goes through `cancel` then `close`, as Escape does.
    dialog.requestClose();
    await waitUntil(() => !dialog.open && shadow(el).activeElement === row(el, `keyResult:${id}`), 'focus back on the row');
  });

  it('shows the validation message next to the field', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me');
    await openCheckInFromKeyboard(el);
    await type(el, 'confidence', '150');
    const input = field(el, 'confidence');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = shadow(el).getElementById('check-in-confidence-error')!;
    expect(error.textContent).to.equal('Enter a percentage from 0 to 100.');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('check-in-confidence-error');
    expect(error.parentElement).to.equal(input.parentElement);
    await type(el, 'value', '');
    expect(shadow(el).getElementById('check-in-value-error')!.textContent).to.equal('This field is required.');
    await submit(el);
    expect(dialogOf(el).open).to.equal(true);
    expect(shadow(el).activeElement).to.equal(field(el, 'value'));
    await expect(el).to.be.accessible();
  });

  it('checks in: the row and the store take the value, and tandem-check-in carries the records', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me');
    const id = await openCheckInFromKeyboard(el);
    const before = await store.getKeyResult(id);
    const value = nextValue(before);
    const events: TandemCheckInEvent[] = [];
    el.addEventListener('tandem-check-in', (event) => events.push(event));
    await type(el, 'value', String(value));
    await type(el, 'confidence', '65');
    await type(el, 'note', 'Two pilots signed');
    await type(el, 'blockers', 'Legal review');
    const shownBefore = valueText(el, id);
    await submit(el);
    await waitUntil(() => events.length === 1, 'tandem-check-in');
    const [event] = events;
    expect(event!.bubbles && event!.composed).to.equal(true);
    expect(event!.checkIn).to.include({ keyResultId: id, value, confidence: 0.65, note: 'Two pilots signed', blockers: 'Legal review' });
    expect(event!.keyResult).to.include({ id, current: value, version: before.version + 1 });
    const stored = await store.listCheckIns({ keyResultId: id });
    expect(stored.at(-1)).to.deep.equal(event!.checkIn);
    await waitUntil(() => !dialogOf(el).open && shadow(el).activeElement === row(el, `keyResult:${id}`), 'closed, focus on the row');
    expect(valueText(el, id)).not.to.equal(shownBefore);
    await waitUntil(() => announced(el).includes(`Check-in saved: ${before.title}.`), 'the check-in announced');
    expect(row(el, `keyResult:${id}`).textContent).to.contain('Confidence 65%');
  });

  it('keeps the value and confidence as typed, key by key, and names text that is no number', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me');
    await openCheckInFromKeyboard(el);
    const typeKeys = async (name: string, typed: string) => {
      const input = field(el, name);
      input.focus();
      input.select();
      await sendKeys({ type: typed });
      await el.updateComplete;
      return input.value;
    };
    expect(await typeKeys('value', '-0.5')).to.equal('-0.5');
    expect(await typeKeys('value', '.25')).to.equal('.25');
    expect(await typeKeys('confidence', '7e')).to.equal('7e');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(shadow(el).getElementById('check-in-confidence-error')?.textContent?.trim()).to.equal('Enter a number.');
  });

  it('checks in again before the reload: the form starts from the saved check-in, and the save is no conflict', async () => {
    const { store } = await seededStore('employee');
    // No change notifications: the tree never reloads, as when a large company's reload is still on its way.
    const adapter = withMethods(store, { subscribe: () => () => undefined });
    const el = await renderTree(adapter, 'me');
    const id = await openCheckInFromKeyboard(el);
    const before = await store.getKeyResult(id);
    const first = nextValue(before);
    await type(el, 'value', String(first));
    await type(el, 'confidence', '60');
    const closed = oneEvent(dialogOf(el), 'close');
    await submit(el);
    await closed;
    await waitUntil(() => shadow(el).activeElement === row(el, `keyResult:${id}`), 'saved, focus on the row');
    row(el, `keyResult:${id}`).dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => dialogOf(el).open, 'opened again');
    await el.updateComplete;
    expect(field(el, 'value').value).to.equal(String(first));
    expect(field(el, 'confidence').value).to.equal('60');
    const second = nextValue({ ...before, current: first });
    await type(el, 'value', String(second));
    await submit(el);
    const message = () => dialogOf(el).querySelector('.form-error, .field-error')?.textContent?.trim() ?? '';
    await waitUntil(() => !dialogOf(el).open || message() !== '', 'saved again, or a message saying why not');
    expect(message(), 'no error in the dialog').to.equal('');
    expect(await store.getKeyResult(id)).to.include({ current: second, version: before.version + 2 });
  });

  it('keeps focus on Save while the check-in is saved, Save marked unavailable', async () => {
    const { store } = await seededStore('employee');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter = withMethods(store, {
      checkIn: async (input) => {
        await held;
        return store.checkIn(input);
      },
    });
    const el = await renderTree(adapter, 'me');
    const id = await openCheckInFromKeyboard(el);
    const checkInsBefore = (await store.listCheckIns({ keyResultId: id })).length;
    await type(el, 'value', String(nextValue(await store.getKeyResult(id))));
    const save = shadow(el).querySelector<HTMLButtonElement>('dialog button[type=submit]')!;
    save.focus();
    save.click();
    await el.updateComplete;
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(save);
    save.click(); // A second press while saving sends nothing more.
    release();
    await waitUntil(() => !dialogOf(el).open, 'saved');
    expect(await store.listCheckIns({ keyResultId: id })).to.have.length(checkInsBefore + 1);
  });

  it('shows the value at once and rolls back on failure, keeping what was typed, with the reason and a retry', async () => {
    const { store } = await seededStore('employee');
    let fail!: (error: Error) => void;
    let calls = 0;
    const adapter = withMethods(store, {
      checkIn: (input) => {
        calls += 1;
        return calls === 1 ? new Promise((_resolve, reject) => (fail = reject)) : store.checkIn(input);
      },
    });
    const el = await renderTree(adapter, 'me');
    const id = await openCheckInFromKeyboard(el);
    const before = await store.getKeyResult(id);
    const shownBefore = valueText(el, id);
    const storedBefore = (await store.listCheckIns({ keyResultId: id })).length;
    await type(el, 'value', String(nextValue(before)));
    await type(el, 'confidence', '40');
    await type(el, 'note', '客户推迟了签约');
    await submit(el);
    expect(valueText(el, id)).not.to.equal(shownBefore);
    expect(row(el, `keyResult:${id}`).textContent).to.contain('Confidence 40%');
    fail(new NetworkError('offline'));
    await waitUntil(() => shadow(el).querySelector('.form-error'), 'error shown');
    expect(valueText(el, id)).to.equal(shownBefore);
    expect(dialogOf(el).open).to.equal(true);
    expect(shadow(el).querySelector('.form-error')!.textContent).to.contain(new NetworkError('offline').localizedMessage('en'));
    expect([field(el, 'value').value, field(el, 'confidence').value, field(el, 'note').value]).to.deep.equal([
      String(nextValue(before)),
      '40',
      '客户推迟了签约',
    ]);
    expect(await store.listCheckIns({ keyResultId: id })).to.have.length(storedBefore);
    await expect(el).to.be.accessible();
    // Retry sends what was kept, and this time the store takes it.
    shadow(el).querySelector<HTMLButtonElement>('.form-error button')!.click();
    await waitUntil(() => !dialogOf(el).open, 'saved on retry');
    expect((await store.listCheckIns({ keyResultId: id })).at(-1)).to.include({ note: '客户推迟了签约', confidence: 0.4 });
  });

  it('says so on a conflict, loads the latest value keeping the typed text, then saves', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me');
    const id = await openCheckInFromKeyboard(el);
    await type(el, 'note', 'Mine');
    await type(el, 'confidence', '80');
    // The key result changes underneath: a check-in saved elsewhere.
    const stale = await store.getKeyResult(id);
    await store.checkIn({ keyResultId: id, keyResultVersion: stale.version, value: nextValue(stale), confidence: 0.5 });
    await submit(el);
    await waitUntil(() => shadow(el).querySelector('[data-error=conflict]'), 'conflict shown');
    expect(shadow(el).querySelector('[data-error=conflict]')!.textContent).to.contain('Someone checked in on this key result since you opened it');
    const loadLatest = shadow(el).querySelector<HTMLButtonElement>('[data-error=conflict] button')!;
    expect(loadLatest.textContent).to.equal('Load the latest value');
    loadLatest.click();
    await waitUntil(() => shadow(el).querySelector('.form-status')?.textContent?.includes('Latest value loaded'), 'latest loaded');
    expect(field(el, 'note').value).to.equal('Mine');
    expect(field(el, 'confidence').value).to.equal('80');
    await submit(el);
    await waitUntil(() => !dialogOf(el).open, 'saved');
    const checkIns = await store.listCheckIns({ keyResultId: id });
    expect(checkIns.at(-1)).to.include({ note: 'Mine', confidence: 0.8 });
  });

  it('offers no check-in to a person the rules do not allow (HR on an employee’s goals)', async () => {
    const { store, personas } = await seededStore('hr');
    const el = await renderTree(store, `person:${personas.employee}`);
    await aTimeout(100);
    expect(shadow(el).querySelectorAll('[data-kind=keyResult]').length).to.be.greaterThan(0);
    expect(await focusFirstCheckInRow(el), 'no row, down to the last, offers a check-in').to.equal(undefined);
    expect(checkInRows(el)).to.have.length(0);
    expect(shadow(el).querySelector('[data-action=check-in]')).to.equal(null);
  });

  it('offers it to the owner’s manager, up a management chain loaded with the tree', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await renderTree(store, `person:${personas.employee}`);
    expect(await focusFirstCheckInRow(el), 'a key result the manager may check in on').to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('speaks zh-CN', async () => {
    const { store } = await seededStore('employee');
    const el = await renderTree(store, 'me', 'zh-CN');
    const target = await focusFirstCheckInRow(el);
    expect(target!.querySelector('[data-action=check-in]')!.textContent).to.equal('更新进展');
    await openCheckInFromKeyboard(el);
    expect(shadow(el).getElementById('check-in-title')!.textContent).to.match(/^更新进展：/);
    await type(el, 'confidence', '150');
    expect(shadow(el).getElementById('check-in-confidence-error')!.textContent).to.equal('请输入 0 到 100 之间的百分比。');
    expect(shadow(el).querySelector('label[for=check-in-note]')!.textContent).to.equal('备注');
    await expect(el).to.be.accessible();
  });
});
