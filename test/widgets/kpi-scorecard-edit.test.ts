import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KpiPatch } from '../../src/data/adapter.js';
import { NetworkError } from '../../src/data/errors.js';
import type { TandemKpiChangeEvent } from '../../src/events/kpi-change.js';
import { formatter } from '../../src/i18n/format.js';
import type { Id, Kpi } from '../../src/model/records.js';
import type { TandemKpiScorecard } from '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import {
  activeInShadow,
  expectFocus,
  cellOf,
  dialogOf,
  renderCard,
  rowOf,
  seededStore,
  settled,
  shadow,
  text,
  type,
  withMethods,
} from '../support/kpi-scorecard-fixture.js';

const en = formatter('en');
const field = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`#kpi-edit-${name}`)!;
const fieldError = (el: Element, name: string) => shadow(el).getElementById(`kpi-edit-${name}-error`);
const submit = async (el: TandemKpiScorecard) => {
  shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit button[type=submit]')!.click();
  await el.updateComplete;
};
const actualText = (el: Element, id: Id) => text(cellOf(rowOf(el, id), 'actual'));

/** A manager's view of a report's KPIs, and a KPI from a job profile there (its actual and plan are the manager's to edit). */
async function managerAndReport(): Promise<{ store: Awaited<ReturnType<typeof seededStore>>['store']; personId: Id; kpi: Kpi }> {
  const { store, personas, cycleId } = await seededStore('manager');
  const personId = personas.employee;
  const kpi = (await store.listKpis({ ownerId: personId, cycleId })).find((candidate) => candidate.source === 'jobProfile')!;
  return { store, personId, kpi };
}

async function openEdit(el: TandemKpiScorecard, kpiId: Id): Promise<HTMLButtonElement> {
  const button = cellOf(rowOf(el, kpiId), 'actions')!.querySelector('button')!;
  button.click();
  await waitUntil(() => dialogOf(el, 'kpi-edit').open, 'edit dialog open');
  await el.updateComplete;
  return button;
}

describe('<tandem-kpi-scorecard> editing', () => {

  it('opens a labelled modal with focus in the first field, and gives focus back to the row on Escape', async () => {
    const { store, personId, kpi } = await managerAndReport();
    const el = await renderCard(store, `person:${personId}`);
    const button = await openEdit(el, kpi.id);
    // Its name says which KPI, with the visible word first; one label, no stray space before the colon.
    expect(button.getAttribute('aria-label')).to.equal(`Edit: ${kpi.name}`);
    const dialog = dialogOf(el, 'kpi-edit');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal(`Edit KPI: ${kpi.name}`);
    expectFocus(el, field(el, 'actual'));
    expect(field(el, 'actual').value).to.equal(String(kpi.actual));
    expect(field(el, 'target').value).to.equal(String(kpi.target));
    await expect(el).to.be.accessible();
    dialog.requestClose();
    await waitUntil(() => !dialog.open && activeInShadow(el) === button, 'focus back on the Edit button');
  });

  it('shows validation messages next to their fields, and asks for a reason when the target moves', async () => {
    const { store, personId, kpi } = await managerAndReport();
    const el = await renderCard(store, `person:${personId}`);
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', '');
    expect(text(fieldError(el, 'actual'))).to.equal('This field is required.');
    expect(field(el, 'actual').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'actual').getAttribute('aria-describedby')).to.contain('kpi-edit-actual-error');
    expect(fieldError(el, 'actual')!.parentElement === field(el, 'actual').parentElement, 'the message sits with its field').to.equal(true);

    await type(el, '#kpi-edit-weight', '150');
    expect(text(fieldError(el, 'weight'))).to.equal('Enter a value from 0 to 100.');

    await type(el, '#kpi-edit-actual', String(kpi.actual));
    await type(el, '#kpi-edit-weight', String(kpi.weight));
    await type(el, '#kpi-edit-target', String(kpi.target + 5));
    await submit(el);
    expect(dialogOf(el, 'kpi-edit').open).to.equal(true);
    expect(text(fieldError(el, 'reason'))).to.equal("Say why the target changes: the KPI's history keeps the reason.");
    expectFocus(el, shadow(el).querySelector('#kpi-edit-reason'));
    await expect(el).to.be.accessible();
  });

  it('keeps numbers exactly as they are typed, key by key, and names text that is no number', async () => {
    const { store, personId, kpi } = await managerAndReport();
    const el = await renderCard(store, `person:${personId}`);
    await openEdit(el, kpi.id);
    const actual = field(el, 'actual');
    const typeKeys = async (text: string) => {
      actual.focus();
      actual.select();
      await sendKeys({ type: text });
      await el.updateComplete;
    };
    // A half-typed "-" or "." used to read as empty, and the field was cleared under the next key: -5 became 5.
    await typeKeys('-5');
    expect(actual.value).to.equal('-5');
    await typeKeys('.75');
    expect(actual.value).to.equal('.75');
    await typeKeys('12e');
    expect(actual.value).to.equal('12e');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(text(fieldError(el, 'actual'))).to.equal('Enter a number.');
    await typeKeys('12.5');
    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'saved');
    await waitUntil(async () => (await store.getKpi(kpi.id)).actual === 12.5, 'stored as typed');
  });

  it('shows the new actual at once, stores it, and fires tandem-kpi-change', async () => {
    const { store, personId, kpi } = await managerAndReport();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter = withMethods(store, {
      updateKpi: async (id: Id, version: number, patch: KpiPatch) => {
        await held;
        return store.updateKpi(id, version, patch);
      },
    });
    const el = await renderCard(adapter, `person:${personId}`);
    const events: TandemKpiChangeEvent[] = [];
    el.addEventListener('tandem-kpi-change', (event) => events.push(event));
    await openEdit(el, kpi.id);
    const value = kpi.actual + 3;
    await type(el, '#kpi-edit-actual', String(value));
    await submit(el);
    await settled(el);
    // Saving: the row already shows it.
    expect(actualText(el, kpi.id)).to.equal(en.percent((value) / 100, 1));
    release();
    await waitUntil(() => events.length === 1, 'tandem-kpi-change');
    expect(events[0]!.change).to.equal('actual');
    // Focus is back on the row's Edit button, which says nothing of the save: the live region does.
    await waitUntil(() => text(shadow(el).querySelector('.announcement')) === `Saved: ${kpi.name}.`, 'the save announced');
    expect(events[0]!.kpi).to.include({ id: kpi.id, actual: value, version: kpi.version + 1 });
    expect((await store.getKpi(kpi.id)).actual).to.equal(value);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'closed');
    expect(actualText(el, kpi.id)).to.equal(en.percent(value / 100, 1));
  });

  it('puts the row back when the save fails, keeps what was typed, and saves on retry', async () => {
    const { store, personId, kpi } = await managerAndReport();
    let failures = 1;
    const adapter = withMethods(store, {
      updateKpi: (id: Id, version: number, patch: KpiPatch) =>
        failures-- > 0 ? Promise.reject(new NetworkError('offline')) : store.updateKpi(id, version, patch),
    });
    const el = await renderCard(adapter, `person:${personId}`);
    const before = actualText(el, kpi.id);
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(kpi.actual + 4));
    await submit(el);
    await waitUntil(() => shadow(el).querySelector('dialog.kpi-edit .form-error[role=alert]'), 'the failure');
    expect(text(shadow(el).querySelector('dialog.kpi-edit .form-error'))).to.contain('The server could not be reached.');
    expect(actualText(el, kpi.id)).to.equal(before);
    expect(field(el, 'actual').value).to.equal(String(kpi.actual + 4));
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit .form-error button')!.click();
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'saved on retry');
    expect((await store.getKpi(kpi.id)).actual).to.equal(kpi.actual + 4);
  });

  it('on a conflict, loads the latest values keeping the typed ones, then saves over the latest version', async () => {
    const { store, personId, kpi } = await managerAndReport();
    const el = await renderCard(store, `person:${personId}`);
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(kpi.actual + 6));
    // Someone else records an actual meanwhile (another tab: the store version moves on).
    const other = await store.updateKpi(kpi.id, kpi.version, { actual: kpi.actual + 1 });
    await aTimeout(50);
    await submit(el);
    await waitUntil(() => shadow(el).querySelector('dialog.kpi-edit [data-error=conflict]'), 'conflict shown');
    expect(field(el, 'actual').value).to.equal(String(kpi.actual + 6));
    shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit [data-error=conflict] button')!.click();
    await waitUntil(() => text(shadow(el).querySelector('dialog.kpi-edit .form-status')).startsWith('Latest values loaded'), 'latest loaded');
    expect(text(shadow(el).querySelector('dialog.kpi-edit .form-status'))).to.contain(`actual ${en.percent(other.actual / 100, 1)}`);
    expect(field(el, 'actual').value).to.equal(String(kpi.actual + 6));
    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'saved');
    const stored = await store.getKpi(kpi.id);
    expect(stored.actual).to.equal(kpi.actual + 6);
    expect(stored.version).to.equal(other.version + 1);
  });

  it('reopened before the reload, shows the saved values and saves again without a conflict with its own save', async () => {
    const { store, personId, kpi } = await managerAndReport();
    // No change notifications: the reload that would bring the saved KPI never comes.
    const adapter = withMethods(store, { subscribe: () => () => {} });
    const el = await renderCard(adapter, `person:${personId}`);
    const first = kpi.actual + 3;
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(first));
    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'first save');
    await settled(el);
    expect(actualText(el, kpi.id)).to.equal(en.percent(first / 100, 1));

    await openEdit(el, kpi.id);
    expect(field(el, 'actual').value).to.equal(String(first));
    expect(text(shadow(el).querySelector('dialog.kpi-edit p.hint'))).to.contain(`now ${en.percent(first / 100, 1)} of`);
    const second = kpi.actual + 5;
    await type(el, '#kpi-edit-actual', String(second));
    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open || shadow(el).querySelector('dialog.kpi-edit .form-error'), 'second save answered');
    expect(shadow(el).querySelector('dialog.kpi-edit [data-error=conflict]'), 'no conflict with the first save').to.equal(null);
    expect(dialogOf(el, 'kpi-edit').open).to.equal(false);
    const stored = await store.getKpi(kpi.id);
    expect(stored).to.include({ actual: second, version: kpi.version + 2 });
    await settled(el);
    expect(actualText(el, kpi.id)).to.equal(en.percent(second / 100, 1));
  });

  it('keeps an earlier save’s figures on the row when a later save before the reload fails', async () => {
    const { store, personId, kpi } = await managerAndReport();
    let fail = false;
    const adapter = withMethods(store, {
      subscribe: () => () => {},
      updateKpi: (id: Id, version: number, patch: KpiPatch) => (fail ? Promise.reject(new NetworkError('offline')) : store.updateKpi(id, version, patch)),
    });
    const el = await renderCard(adapter, `person:${personId}`);
    const saved = kpi.actual + 3;
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(saved));
    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'first save');

    fail = true;
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(kpi.actual + 9));
    await submit(el);
    await waitUntil(() => shadow(el).querySelector('dialog.kpi-edit .form-error[role=alert]'), 'the failure');
    await settled(el);
    expect(actualText(el, kpi.id)).to.equal(en.percent(saved / 100, 1));
    expect(field(el, 'actual').value).to.equal(String(kpi.actual + 9));

    // Retry repeats the save, over the version the first save stored.
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit .form-error button')!.click();
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'saved on retry');
    expect(await store.getKpi(kpi.id)).to.include({ actual: kpi.actual + 9, version: kpi.version + 2 });
  });

  it('after a conflict, saves only once the latest is loaded, and Retry after a failed load loads again', async () => {
    const { store, personId, kpi } = await managerAndReport();
    let loadFailures = 1;
    let saves = 0;
    let loads = 0;
    const adapter = withMethods(store, {
      updateKpi: (id: Id, version: number, patch: KpiPatch) => {
        saves += 1;
        return store.updateKpi(id, version, patch);
      },
      getKpi: (id: Id) => {
        loads += 1;
        return loadFailures-- > 0 ? Promise.reject(new NetworkError('offline')) : store.getKpi(id);
      },
    });
    const el = await renderCard(adapter, `person:${personId}`);
    const saveButton = () => shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit button[type=submit]')!;
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-actual', String(kpi.actual + 6));
    const other = await store.updateKpi(kpi.id, kpi.version, { actual: kpi.actual + 1 });
    await submit(el);
    await waitUntil(() => shadow(el).querySelector('dialog.kpi-edit [data-error=conflict]'), 'conflict shown');
    expect(saves).to.equal(1);
    expect(saveButton().getAttribute('aria-disabled'), 'Save waits for the latest').to.equal('true');
    saveButton().click();
    await el.updateComplete;
    expect(saves, 'Save does nothing until the latest is loaded').to.equal(1);

    const loadLatest = shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit [data-error=conflict] button')!;
    loadLatest.focus();
    loadLatest.click();
    // The status line and its button go as the load starts: focus moves to Save, not out of the dialog.
    expect(shadow(el).activeElement).to.equal(saveButton());
    await waitUntil(() => shadow(el).querySelector('dialog.kpi-edit .form-error[data-error=network]'), 'the failed load');
    expect(saveButton().getAttribute('aria-disabled'), 'still the stale version').to.equal('true');
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-edit .form-error button')!.click();
    await waitUntil(() => text(shadow(el).querySelector('dialog.kpi-edit .form-status')).startsWith('Latest values loaded'), 'latest loaded on retry');
    expect(loads).to.equal(2);
    expect(saves, 'Retry did not send the stale save').to.equal(1);
    expect(saveButton().getAttribute('aria-disabled')).to.equal('false');
    expect(field(el, 'actual').value).to.equal(String(kpi.actual + 6));

    await submit(el);
    await waitUntil(() => !dialogOf(el, 'kpi-edit').open, 'saved');
    expect(await store.getKpi(kpi.id)).to.include({ actual: kpi.actual + 6, version: other.version + 1 });
  });

  it('changes the target with a reason, and the history panel shows the change with who and why', async () => {
    const { store, personId, kpi } = await managerAndReport();
    const el = await renderCard(store, `person:${personId}`);
    const events: TandemKpiChangeEvent[] = [];
    el.addEventListener('tandem-kpi-change', (event) => events.push(event));
    await openEdit(el, kpi.id);
    await type(el, '#kpi-edit-target', String(kpi.target - 5));
    await type(el, '#kpi-edit-reason', 'Market shrank');
    await submit(el);
    await waitUntil(() => events.length === 1, 'saved');
    expect(events[0]!.change).to.equal('plan');
    const stored = await store.getKpi(kpi.id);
    expect(stored.targetChanges.at(-1)).to.include({ before: kpi.target, after: kpi.target - 5, reason: 'Market shrank' });
    await waitUntil(() => text(cellOf(rowOf(el, kpi.id), 'target')) === en.percent((kpi.target - 5) / 100, 1), 'new target shown');

    cellOf(rowOf(el, kpi.id), 'name')!.querySelector('button')!.click();
    await settled(el);
    const detail = shadow(el).querySelector(`[data-row-key="detail:${kpi.id}"]`)!;
    const date = en.date(stored.targetChanges.at(-1)!.at);
    expect(text(detail.querySelector('.target-changes'))).to.equal(
      `Target ${en.percent(kpi.target / 100, 1)} → ${en.percent((kpi.target - 5) / 100, 1)} on ${date} by Li Ming: Market shrank`,
    );
  });

  it('shows the employee the plan fields as locked, with the reason', async () => {
    const { store, personas, cycleId } = await seededStore('employee');
    const kpi = (await store.listKpis({ ownerId: personas.employee, cycleId }))[0]!;
    const el = await renderCard(store, 'me');
    await openEdit(el, kpi.id);
    expect(field(el, 'target')).to.equal(null);
    expect(text(shadow(el).querySelector('dialog.kpi-edit .refusal[data-field=plan]'))).to.equal(
      'Target and weight: Your KPI plan is set by your managers or HR, not by yourself.',
    );
    await expect(el).to.be.accessible();
  });
});
