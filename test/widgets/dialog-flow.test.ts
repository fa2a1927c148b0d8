import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/widgets/goal-tree/goal-tree.js';
import type { TandemCheckInEvent } from '../../src/events/check-in.js';
import { syncDialog } from '../../src/widgets/shared/dialog-flow.js';
import type { TandemKpiScorecard } from '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import {
  checkInDialog as dialogOf,
  checkInField as field,
  openCheckInFromKeyboard,
  renderTreeWithKeyResults,
  typeInCheckIn as type,
} from '../support/goal-tree-check-in.js';
import { seededMemoryStore } from '../support/seeded-memory-store.js';
import { dialogOf as scorecardDialog, kpiRows, renderCard, seededStore as seededScorecardStore, settled, text, toolbarButton } from '../support/kpi-scorecard-fixture.js';

const shadow = (el: Element) => el.shadowRoot!;
const row = (el: Element, key: string) => shadow(el).querySelector<HTMLElement>(`[data-key="${key}"]`)!;

/** Lets queued tasks (a dialog's `close` event, a reopening) and a few frames pass. */
async function quiet(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await aTimeout(50);
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

/** Counts `showModal()` calls while a test runs; `restore()` puts the browser's own back. */
function spyShowModal(): { readonly calls: number; restore(): void } {
  const original = HTMLDialogElement.prototype.showModal;
  let calls = 0;
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    calls += 1;
    return original.call(this);
  };
  return {
    get calls() {
      return calls;
    },
    restore: () => void (HTMLDialogElement.prototype.showModal = original),
  };
}

/** Whether an element takes room on the page (a visually hidden one is at most 1px square). */
const takesRoom = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 1 || box.height > 1;
};

describe('dialog flow', () => {

  describe('syncDialog', () => {
    let dialog: HTMLDialogElement;
    beforeEach(async () => {
      dialog = await fixture<HTMLDialogElement>(html`<dialog><input /></dialog>`);
    });

    it('opens a dialog with focus in its field when there is a draft, and closes it when there is not', () => {
      syncDialog(dialog, true, 'input');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(document.activeElement).to.equal(dialog.querySelector('input'));
      syncDialog(dialog, false, 'input');
      expect(dialog.open).to.equal(false);
    });

    it('does not reopen a dialog closed before its close event, and opens it again for the next draft', async () => {
      const spy = spyShowModal();
      try {
        let closes = 0;
        dialog.addEventListener('close', () => (closes += 1));
        syncDialog(dialog, true, 'input');
        expect(spy.calls).to.equal(1);
        // A save closes the dialog; an update runs before the `close` event, the draft still set.
        dialog.close();
        syncDialog(dialog, true, 'input');
        expect(dialog.open, 'still closed').to.equal(false);
        await waitUntil(() => closes === 1, 'close event');
        // The close handler forgets the draft.
        syncDialog(dialog, false, 'input');
        await quiet({ updateComplete: Promise.resolve() });
        expect(closes).to.equal(1);
        expect(spy.calls).to.equal(1);
        // A new draft later opens it again.
        syncDialog(dialog, true, 'input');
        expect(dialog.matches(':modal')).to.equal(true);
        expect(spy.calls).to.equal(2);
      } finally {
        spy.restore();
      }
    });

    it('opens for a new draft set in the close event itself, before any update saw the dialog without one', async () => {
      syncDialog(dialog, true, 'input');
      dialog.close();
      await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
      syncDialog(dialog, true, 'input');
      expect(dialog.open).to.equal(true);
    });
  });

  describe('in the goal tree', () => {
    let spy: ReturnType<typeof spyShowModal> | undefined;
    afterEach(() => spy?.restore());

    it('opens the next check-in even when it is asked for before the last one\'s close event', async () => {
      const { store } = await seededMemoryStore('employee', { name: 'dialog-flow' });
      const el = await renderTreeWithKeyResults(store, 'me');
      const id = await openCheckInFromKeyboard(el);
      const dialog = dialogOf(el);
      const keyResult = await store.getKeyResult(id);
      await type(el, 'value', String(keyResult.current === keyResult.target ? keyResult.current - 1 : keyResult.target));
      // The moment the dialog closes (a microtask after close(), before its close event's task), C on the row again.
      const reopen = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (dialog.open) return;
          observer.disconnect();
          shadow(el).querySelector<HTMLElement>(`[data-key="keyResult:${id}"]`)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true, cancelable: true }));
          resolve();
        });
        observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
      });
      shadow(el).querySelector<HTMLButtonElement>('dialog.check-in button[type=submit]')!.click();
      await reopen;
      await quiet(el);
      expect(dialog.open, 'the second check-in is open, the first one\'s close event notwithstanding').to.equal(true);
      expect(shadow(el).activeElement).to.equal(field(el, 'value'));
    });

    it('closes once after a successful check-in, without showing the dialog again', async () => {
      const { store } = await seededMemoryStore('employee', { name: 'dialog-flow' });
      const el = await renderTreeWithKeyResults(store, 'me');
      const id = await openCheckInFromKeyboard(el);
      const dialog = dialogOf(el);
      let closes = 0;
      dialog.addEventListener('close', () => (closes += 1));
      const focusedInDialog: Element[] = [];
      el.shadowRoot!.addEventListener('focusin', (event) => {
        if (dialog.contains(event.target as Node)) focusedInDialog.push(event.target as Element);
      });
      const events: TandemCheckInEvent[] = [];
      el.addEventListener('tandem-check-in', (event) => events.push(event));
      const keyResult = await store.getKeyResult(id);
      await type(el, 'value', String(keyResult.current === keyResult.target ? keyResult.current - 1 : keyResult.target));
      await type(el, 'confidence', '70');
      spy = spyShowModal();
      shadow(el).querySelector<HTMLButtonElement>('dialog.check-in button[type=submit]')!.click();
      await waitUntil(() => events.length === 1, 'tandem-check-in');
      await waitUntil(() => !dialog.open && shadow(el).activeElement === row(el, `keyResult:${id}`), 'closed, focus on the row');
      await quiet(el);
      expect(dialog.open, 'stays closed').to.equal(false);
      expect(closes, 'close events').to.equal(1);
      expect(spy.calls, 'showModal after the save').to.equal(0);
      expect(focusedInDialog, 'focus never went back into the dialog').to.deep.equal([]);
      expect(shadow(el).activeElement).to.equal(row(el, `keyResult:${id}`));

      // The next check-in opens the dialog again, focus in its first field.
      await openCheckInFromKeyboard(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(shadow(el).activeElement).to.equal(field(el, 'value'));
      expect(spy.calls).to.equal(1);
    });

    it('closes once on Escape, gives focus back to the row, and opens again afterwards', async () => {
      const { store } = await seededMemoryStore('employee', { name: 'dialog-flow' });
      const el = await renderTreeWithKeyResults(store, 'me');
      const id = await openCheckInFromKeyboard(el);
      const dialog = dialogOf(el);
      let closes = 0;
      dialog.addEventListener('close', () => (closes += 1));
      // requestClose() goes through `cancel` then `close`, as Escape does.
      dialog.requestClose();
      await waitUntil(() => !dialog.open && shadow(el).activeElement === row(el, `keyResult:${id}`), 'focus back on the row');
      await quiet(el);
      expect(dialog.open).to.equal(false);
      expect(closes).to.equal(1);
      await openCheckInFromKeyboard(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(shadow(el).activeElement).to.equal(field(el, 'value'));
    });

    it('keeps the empty status line of a dialog rendered (a live region), taking no room', async () => {
      const { store } = await seededMemoryStore('employee', { name: 'dialog-flow' });
      const el = await renderTreeWithKeyResults(store, 'me');
      await openCheckInFromKeyboard(el);
      const status = shadow(el).querySelector<HTMLElement>('dialog.check-in .form-status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.equal('');
      const style = getComputedStyle(status);
      expect(style.display).to.not.equal('none');
      expect(style.visibility).to.equal('visible');
      expect(takesRoom(status), 'takes no room').to.equal(false);
      // Nor does it add a gap of the form's grid: the actions follow the last field's block directly.
      const before = status.previousElementSibling!.getBoundingClientRect();
      const actions = shadow(el).querySelector('dialog.check-in .dialog-actions')!.getBoundingClientRect();
      const gap = parseFloat(getComputedStyle(status.parentElement!).rowGap);
      expect(actions.top - before.bottom).to.be.closeTo(gap, 1);
    });
  });

  describe('in the KPI scorecard', () => {
    it('keeps the empty announcement rendered (a live region), taking no room, and shows it as before when it has text', async () => {
      const { store, personas } = await seededScorecardStore('manager');
      const el: TandemKpiScorecard = await renderCard(store, `person:${personas.employee}`);
      const announcement = shadow(el).querySelector<HTMLElement>('.announcement')!;
      expect(announcement.getAttribute('role')).to.equal('status');
      expect(text(announcement)).to.equal('');
      expect(getComputedStyle(announcement).display).to.not.equal('none');
      expect(getComputedStyle(announcement).visibility).to.equal('visible');
      expect(takesRoom(announcement), 'takes no room').to.equal(false);

      // Adding a KPI announces it, in the line's usual place and padding.
      const before = kpiRows(el).length;
      toolbarButton(el, 'add')!.click();
      await waitUntil(() => scorecardDialog(el, 'kpi-add').open, 'dialog open');
      await el.updateComplete;
      shadow(el).querySelector<HTMLInputElement>('dialog.kpi-add input[type=checkbox]')!.click();
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-add button[type=submit]')!.click();
      await waitUntil(() => kpiRows(el).length === before + 1, 'the new KPI shown');
      await waitUntil(() => text(announcement) === '1 KPI added.', 'announced');
      await settled(el);
      const style = getComputedStyle(announcement);
      expect(style.position).to.equal('static');
      expect(parseFloat(style.paddingLeft)).to.be.greaterThan(0);
      expect(parseFloat(style.paddingBottom)).to.be.greaterThan(0);
      expect(takesRoom(announcement)).to.equal(true);
    });
  });
});
