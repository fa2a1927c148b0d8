import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TandemKpiChangeEvent } from '../../src/events/kpi-change.js';
import { keyResultsWithoutKpi } from '../../src/model/kpi-scorecard.js';
import type { Id } from '../../src/model/records.js';
import type { TandemStore } from '../../src/data/index.js';
import { NOW, cellOf, dialogOf, expectFocus, kpiRows, renderCard, rowOf, seededStore, settled, shadow, text, toolbarButton } from '../support/kpi-scorecard-fixture.js';
import { seededMemoryStore, withMethods } from '../support/seeded-memory-store.js';

/** Key results of the person's approved goals that no KPI follows yet, read from the store. */
async function candidatesOf(store: TandemStore, personId: Id, cycleId: Id) {
  const goals = await store.listGoals({ cycleId, ownerId: personId });
  const keyResults = await store.listKeyResults({ goalIds: goals.map((goal) => goal.id) });
  const kpis = await store.listKpis({ ownerId: personId, cycleId });
  return keyResultsWithoutKpi(keyResults, new Map(goals.map((goal) => [goal.id, goal])), kpis);
}

describe('<tandem-kpi-scorecard> plans', () => {

  it('turns a key result into a KPI that follows it', async () => {
    const { store, personas, cycleId } = await seededStore('manager');
    const personId = personas.employee;
    const candidates = await candidatesOf(store, personId, cycleId);
    expect(candidates.length).to.be.greaterThan(0);
    const el = await renderCard(store, `person:${personId}`);
    const before = kpiRows(el).length;
    const events: TandemKpiChangeEvent[] = [];
    el.addEventListener('tandem-kpi-change', (event) => events.push(event));

    const add = toolbarButton(el, 'add')!;
    add.click();
    await waitUntil(() => dialogOf(el, 'kpi-add').open, 'dialog open');
    await el.updateComplete;
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('dialog.kpi-add input[type=checkbox]')];
    expect(boxes.map((box) => box.value)).to.deep.equal(candidates.map((keyResult) => keyResult.id));
    expectFocus(el, boxes[0]);
    await expect(el).to.be.accessible();

    boxes[0]!.click();
    await el.updateComplete;
    const submit = shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-add button[type=submit]')!;
    expect(text(submit)).to.equal('Add 1 KPI');
    submit.click();
    await waitUntil(() => !dialogOf(el, 'kpi-add').open, 'dialog closed');
    await waitUntil(() => kpiRows(el).length === before + 1, 'the new KPI shown');
    expect(events.map((event) => [event.change, event.kpi.sourceId])).to.deep.equal([['created', candidates[0]!.id]]);
    const created = events[0]!.kpi;
    expect(created).to.include({ ownerId: personId, source: 'keyResult', name: candidates[0]!.title });
    expect(text(cellOf(rowOf(el, created.id), 'source'))).to.match(/^Key result /);
    expect(text(shadow(el).querySelector('.announcement'))).to.equal('1 KPI added.');
    await settled(el);
  });

  it('applies a job profile to a team member: the profile’s KPIs join their plan', async () => {
    // The store's clock is the widget's: the plan is made on the day the scorecard shows, late in the quarter.
    const { store, personas, cycleId } = await seededMemoryStore('manager', { name: 'kpi-scorecard', now: NOW, clock: () => NOW });
    const profiles = await store.listJobProfiles();
    const employee = await store.getPerson(personas.employee);
    const profile = profiles.find((candidate) => candidate.id !== employee.jobProfileId)!;
    const el = await renderCard(store, 'team');
    const rowCount = () => Number(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-rowcount'));
    const rowsBefore = rowCount();
    const weightsWarning = () => text(shadow(el).querySelector('.weights-warning'));
    expect(weightsWarning(), 'the seeded plans add up').to.equal('');
    const events: TandemKpiChangeEvent[] = [];
    el.addEventListener('tandem-kpi-change', (event) => events.push(event));

    toolbarButton(el, 'profile')!.click();
    await waitUntil(() => dialogOf(el, 'kpi-profile').open, 'dialog open');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const person = shadow(el).querySelector<HTMLSelectElement>('#kpi-profile-person')!;
    person.value = employee.id;
    person.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('#kpi-profile-profile')!;
    select.value = profile.id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('dialog.kpi-profile .templates li').length).to.equal(profile.kpiTemplates.length);
    // On top of a plan that adds up already, the dialog says what the weights will come to.
    const added = profile.kpiTemplates.reduce((sum, template) => sum + template.weight, 0);
    expect(text(shadow(el).querySelector('dialog.kpi-profile .weights-after'))).to.equal(
      `With these, ${employee.nameAlt}'s KPI weights add up to ${100 + added}%, not 100%: adjust the weights after applying.`,
    );
    shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-profile button[type=submit]')!.click();

    await waitUntil(() => !dialogOf(el, 'kpi-profile').open, 'applied');
    expect(events.length).to.equal(profile.kpiTemplates.length);
    expect(events.every((event) => event.change === 'created' && event.kpi.ownerId === employee.id && event.kpi.sourceId === profile.id)).to.equal(true);
    await waitUntil(() => rowCount() === rowsBefore + profile.kpiTemplates.length, 'the new KPIs counted in the grid');
    const stored = await store.listKpis({ ownerId: employee.id, cycleId });
    expect(stored.filter((kpi) => kpi.sourceId === profile.id).length).to.equal(profile.kpiTemplates.length);
    expect(text(shadow(el).querySelector('.announcement'))).to.equal(
      `${profile.kpiTemplates.length} KPIs of ${profile.title} added to the plan of ${employee.nameAlt}.`,
    );
    expect((await store.getPerson(employee.id)).jobProfileId).to.equal(profile.id);
    // The profile's weights came on top of a full plan: the team's summary names whose plan passes 100%.
    expect(weightsWarning()).to.match(new RegExp(`^Weights do not add up to 100% for ${employee.nameAlt} \\d+%\\.$`));

    // Made today, well into the quarter, and still at their baselines: nothing of them is due yet, so none opens red.
    const search = shadow(el).querySelector<HTMLInputElement>('#kpi-search')!;
    search.value = employee.nameAlt!;
    search.dispatchEvent(new Event('input'));
    await settled(el);
    for (const event of events) expect(text(cellOf(rowOf(el, event.kpi.id), 'status')), event.kpi.name).to.equal('Healthy');
    const assigned = events[0]!.kpi;
    cellOf(rowOf(el, assigned.id), 'name')!.querySelector('button')!.click();
    await settled(el);
    const detail = shadow(el).querySelector(`[data-row-key="detail:${assigned.id}"]`)!;
    expect(text(detail)).to.contain("Judged over Nov 23, 2026 – Dec 31, 2026: from the day it was set, not the cycle's first day");
  });

  it('keeps Apply reachable with no profile chosen, and then says at the field that one is needed', async () => {
    const { store } = await seededStore('manager');
    const el = await renderCard(store, 'team');
    toolbarButton(el, 'profile')!.click();
    await waitUntil(() => dialogOf(el, 'kpi-profile').open, 'dialog open');
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('#kpi-profile-profile')!;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const apply = shadow(el).querySelector<HTMLButtonElement>('dialog.kpi-profile button[type=submit]')!;
    apply.focus();
    expect(shadow(el).activeElement, 'Apply takes focus: Tab reaches it').to.equal(apply);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === select, 'focus on the profile field');
    expect(dialogOf(el, 'kpi-profile').open).to.equal(true);
    expect(text(shadow(el).querySelector('#kpi-profile-profile-error'))).to.equal('This field is required.');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('lets HR turn the cycle’s automatic KPIs on, converting the goals approved already', async () => {
    const { store, cycleId } = await seededStore('hr');
    const kpisBefore = (await store.listKpis({ cycleId })).length;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter = withMethods(store, {
      updateCycle: async (...args: Parameters<TandemStore['updateCycle']>) => {
        await held;
        return store.updateCycle(...args);
      },
    });
    const el = await renderCard(adapter, 'me');
    const toggle = shadow(el).querySelector<HTMLInputElement>('.cycle-setting input[role=switch]')!;
    expect(toggle.checked).to.equal(false);
    await expect(el).to.be.accessible();
    const events: TandemKpiChangeEvent[] = [];
    el.addEventListener('tandem-kpi-change', (event) => events.push(event));

    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    // Busy while the setting is saved and the goals converted: marked so, still focused, and another press changes nothing.
    expect(toggle.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(toggle);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.checked).to.equal(true);
    release();
    await waitUntil(() => shadow(el).querySelector('.auto-outcome'), 'converted', { timeout: 20_000 });
    expect(shadow(el).activeElement, 'focus stays on the switch').to.equal(toggle);
    expect(toggle.getAttribute('aria-disabled')).to.equal('false');
    expect((await store.getCycle(cycleId)).autoKpiFromKeyResults).to.equal(true);
    const kpisAfter = (await store.listKpis({ cycleId })).length;
    expect(events.length).to.be.greaterThan(0);
    expect(kpisAfter - kpisBefore).to.equal(events.length);
    const outcome = text(shadow(el).querySelector('.auto-outcome'));
    expect(outcome).to.contain(`${events.length} key results became KPIs.`);
    // HR's own goals are left to HR's managers: nobody sets their own plan.
    expect(outcome).to.contain('Your KPI plan is set by your managers or HR, not by yourself.');
    await settled(el);
    expect(shadow(el).querySelector<HTMLInputElement>('.cycle-setting input[role=switch]')!.checked).to.equal(true);
  });
});
