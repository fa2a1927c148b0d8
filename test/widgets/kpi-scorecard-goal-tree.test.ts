import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/widgets/goal-tree/goal-tree.js';
import '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { formatter } from '../../src/i18n/format.js';
import { kpiCompletion } from '../../src/model/kpi.js';
import type { Kpi } from '../../src/model/records.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';
import type { TandemKpiScorecard } from '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { cellOf, NOW, renderCard, rowOf, seededStore, settled, shadow, text } from '../support/kpi-scorecard-fixture.js';

const en = formatter('en');

/** A value the key result does not have yet, on the way to its target. */
const nextValue = (kpi: Kpi) => (kpi.actual === kpi.target ? kpi.actual - 1 : kpi.target);

/**
 * The goal tree and the scorecard on one page over one store, as HR 陈静 —
 * who owns goals whose key results have KPIs following them.
 */
async function page() {
  const { store, personas, cycleId } = await seededStore('hr');
  const kpi = (await store.listKpis({ ownerId: personas.hr, cycleId })).find((candidate) => candidate.source === 'keyResult')!;
  const container = await fixture<HTMLElement>(html`<div>
    <tandem-goal-tree .adapter=${store} root="me" locale="en"></tandem-goal-tree>
    <tandem-kpi-scorecard .adapter=${store} .now=${NOW} scope="me" locale="en" style="width: 1800px"></tandem-kpi-scorecard>
  </div>`);
  const tree = container.querySelector<TandemGoalTree>('tandem-goal-tree')!;
  const card = container.querySelector<TandemKpiScorecard>('tandem-kpi-scorecard')!;
  await waitUntil(() => rowOf(card, kpi.id), 'the scorecard shows the KPI', { timeout: 15_000 });
  await settled(card);
  return { store, kpi, tree, card };
}

describe('<tandem-kpi-scorecard> with <tandem-goal-tree> on the same page', function () {
  // Two widgets over a freshly seeded company: on a busy two-core machine this takes more than the default.
  this.timeout(45_000);
  // Both widgets virtualize their rows: a page tall enough shows the tree's key result and the scorecard's KPI at once.
  before(() => setViewport({ width: 1900, height: 3000 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('moves the KPI when a check-in is made in the goal tree’s dialog, without a reload', async () => {
    const { kpi, tree, card } = await page();
    const row = () => shadow(tree).querySelector<HTMLElement>(`[data-key="keyResult:${kpi.sourceId}"]`);
    await waitUntil(() => row(), 'the key result in the tree', { timeout: 15_000 });
    const value = nextValue(kpi);
    const before = text(cellOf(rowOf(card, kpi.id), 'actual'));
    const cardElement = card;

    row()!.focus();
    row()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true, cancelable: true }));
    const dialog = () => shadow(tree).querySelector<HTMLDialogElement>('dialog.check-in')!;
    await waitUntil(() => dialog().open, 'the check-in dialog');
    for (const [name, typed] of [
      ['value', String(value)],
      ['confidence', '70'],
    ] as const) {
      const input = shadow(tree).querySelector<HTMLInputElement>(`#check-in-${name}`)!;
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    await tree.updateComplete;
    dialog().querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    const expected = en.percent(value / 100, 1);
    await waitUntil(() => text(cellOf(rowOf(card, kpi.id), 'actual')) === expected, `the scorecard shows ${expected}`, { timeout: 10_000 });
    expect(expected).not.to.equal(before);
    expect(text(cellOf(rowOf(card, kpi.id), 'completion'))).to.equal(en.percent(kpiCompletion({ ...kpi, actual: value })));
    // The same element all along: it reloaded its data, the page did not.
    expect(card === cardElement && card.isConnected).to.equal(true);
  });

  it('moves the KPI when a check-in arrives through the adapter, from anywhere', async () => {
    const { store, personas, cycleId } = await seededStore('hr');
    const kpi = (await store.listKpis({ ownerId: personas.hr, cycleId })).find((candidate) => candidate.source === 'keyResult')!;
    const card = await renderCard(store, 'me');
    const keyResult = await store.getKeyResult(kpi.sourceId!);
    const value = nextValue(kpi);
    await store.checkIn({ keyResultId: keyResult.id, keyResultVersion: keyResult.version, value, confidence: 0.6 });
    const expected = en.percent(value / 100, 1);
    await waitUntil(() => text(cellOf(rowOf(card, kpi.id), 'actual')) === expected, `the scorecard shows ${expected}`);
    // The trend gained the check-in as its latest point.
    expect(text(cellOf(rowOf(card, kpi.id), 'trend'))).to.contain(`to ${expected}`);
  });
});
