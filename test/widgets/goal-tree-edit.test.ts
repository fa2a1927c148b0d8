import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/goal-tree/goal-tree.js';
import type { DataAdapter, WeightChange } from '../../src/data/adapter.js';
import { NetworkError } from '../../src/data/errors.js';
import type { SeedPersonas, TandemStore } from '../../src/data/index.js';
import type { TandemGoalChangeEvent } from '../../src/events/goal-change.js';
import type { Goal, KeyResult } from '../../src/model/records.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';
import { seededMemoryStore, withMethods } from '../support/seeded-memory-store.js';

/** A fresh seeded company per test (the actions change it), signed in as a persona. */
const seededStore = (persona: keyof SeedPersonas) => seededMemoryStore(persona, { name: 'goal-tree-edit' });

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const row = (el: Element, key: string) => $(el, `[data-key="${key}"]`);
const menu = (el: Element) => $(el, '.row-menu')!;
const menuItem = (el: Element, id: string) => $(el, `.row-menu [data-item="${id}"]`);
const formDialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog.goal-form')!;
const adjustDialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog.adjust')!;
const errorOf = (el: Element, id: string) => $(el, `#${id}-error`)?.textContent?.trim();

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
  target.focus();
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

async function type(el: Element, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#${CSS.escape(id)}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await (el as TandemGoalTree).updateComplete;
}

async function submit(el: Element, dialog: HTMLDialogElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await (el as TandemGoalTree).updateComplete;
  await aTimeout(0);
}

async function renderTree(adapter: DataAdapter, root: string, locale = 'en'): Promise<TandemGoalTree> {
  const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${adapter} root=${root} locale=${locale}></tandem-goal-tree>`);
  await waitUntil(() => $(el, '[data-kind=goal]'), 'goals shown', { timeout: 10_000 });
  await aTimeout(50);
  return el;
}

async function openMenu(el: TandemGoalTree, key: string): Promise<void> {
  await waitUntil(() => row(el, key), `row ${key}`);
  press(row(el, key)!, 'F10', { shiftKey: true });
  await waitUntil(() => menu(el).matches(':popover-open'), 'menu open');
}

/** The employee's own approved goal, and a draft goal under it that they may edit freely. */
async function employeeDraft(store: TandemStore, personas: SeedPersonas): Promise<{ parent: Goal; draft: Goal }> {
  const own = await store.listGoals({ ownerId: personas.employee, status: 'approved' });
  const parent = own[0]!;
  const draft = await store.createGoal({ cycleId: parent.cycleId, level: 'individual', parentId: parent.id, title: 'Write the on-call handbook', weight: 100 });
  return { parent, draft };
}

describe('<tandem-goal-tree> create, edit, adjust', function () {
  this.timeout(30_000);

  it('opens a row menu with Shift+F10: arrows move, Escape closes and focus returns to the row; state refusals show their reason', async () => {
    const { store, personas } = await seededStore('employee');
    const [approved] = await store.listGoals({ ownerId: personas.employee, status: 'approved' });
    const el = await renderTree(store, `goal:${approved!.id}`);
    const key = `goal:${approved!.id}`;
    await openMenu(el, key);
    expect(menu(el).getAttribute('role')).to.equal('menu');
    const items = [...menu(el).querySelectorAll<HTMLElement>('[role=menuitem]')];
    expect(items.map((item) => item.dataset['item'])).to.include.members(['adjust', 'add-goal', 'add-key-result', 'history']);
    expect(shadow(el).activeElement).to.equal(items[0]);
    // The owner does not adjust their own approved goal: shown, disabled, with why.
    const adjust = menuItem(el, 'adjust')!;
    expect(adjust.getAttribute('aria-disabled')).to.equal('true');
    expect(adjust.textContent).to.contain('propose the change to your manager');
    // Named by its label, described by its reason: the reason is said once.
    const byIds = (attribute: string) => adjust.getAttribute(attribute)!.split(' ').map((id) => shadow(el).getElementById(id)!.textContent!.trim());
    expect(byIds('aria-labelledby')).to.deep.equal(['Adjust…']);
    expect(byIds('aria-describedby')[0]).to.contain('propose the change to your manager');
    expect(menuItem(el, 'add-key-result')!.getAttribute('aria-disabled')).to.equal('true');
    press(items[0]!, 'ArrowDown');
    expect(shadow(el).activeElement).to.equal(items[1]);
    press(items[1]!, 'End');
    expect(shadow(el).activeElement).to.equal(items.at(-1));
    // Escape is the popover's light dismiss.
    menu(el).hidePopover();
    await waitUntil(() => shadow(el).activeElement === row(el, key), 'focus back on the row');
    await expect(el).to.be.accessible();
  });

  it('adds a key result: rules at the field (target ≠ start), then the store has it and the new row gets focus', async () => {
    const { store, personas } = await seededStore('employee');
    const { parent, draft } = await employeeDraft(store, personas);
    const el = await renderTree(store, `goal:${parent.id}`);
    const changes: TandemGoalChangeEvent[] = [];
    el.addEventListener('tandem-goal-change', (event) => changes.push(event));
    await openMenu(el, `goal:${draft.id}`);
    menuItem(el, 'add-key-result')!.click();
    await waitUntil(() => formDialog(el)?.open, 'form open');
    await waitUntil(() => $<HTMLInputElement>(el, '#goal-form-weight')!.value === '100', 'the whole weight offered to the first key result');
    expect(shadow(el).activeElement?.id).to.equal('goal-form-title');
    await type(el, 'goal-form-title', 'Chapters reviewed');
    await type(el, 'goal-form-target', '0');
    await submit(el, formDialog(el));
    expect(errorOf(el, 'goal-form-target')).to.equal('The target must differ from the starting value.');
    expect(shadow(el).activeElement?.id).to.equal('goal-form-target');
    expect(await store.listKeyResults({ goalId: draft.id })).to.have.length(0);
    // Typed key by key: a half-typed number ("-", ".") stays in the field instead of being cleared under the next key.
    for (const [id, typed] of [['goal-form-start', '-2.5'], ['goal-form-weight', '.5e2'], ['goal-form-target', '1e']] as const) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      input.focus();
      input.select();
      await sendKeys({ type: typed });
      await (el as TandemGoalTree).updateComplete;
      expect(input.value, id).to.equal(typed);
    }
    await sendKeys({ press: 'Tab' });
    await (el as TandemGoalTree).updateComplete;
    expect(errorOf(el, 'goal-form-target')).to.equal('Enter a number.');
    await type(el, 'goal-form-start', '0');
    await type(el, 'goal-form-weight', '100');
    await type(el, 'goal-form-target', '12');
    await type(el, 'goal-form-unit', 'chapters');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'form closed');
    const [created] = await store.listKeyResults({ goalId: draft.id });
    expect(created).to.include({ title: 'Chapters reviewed', target: 12, start: 0, unit: 'chapters', weight: 100 });
    await waitUntil(() => shadow(el).activeElement === row(el, `keyResult:${created!.id}`), 'the new key result focused');
    expect(changes.at(-1)?.change).to.equal('edited');
    expect(changes.at(-1)?.keyResult?.id).to.equal(created!.id);
  });

  it('a key result added under a search that hides it does not take focus later, when the search is cleared', async () => {
    const { store, personas } = await seededStore('employee');
    const { parent, draft } = await employeeDraft(store, personas);
    const el = await renderTree(store, `goal:${parent.id}`);
    const search = $<HTMLInputElement>(el, 'input[type=search]')!;
    search.value = 'handbook';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await openMenu(el, `goal:${draft.id}`);
    menuItem(el, 'add-key-result')!.click();
    await waitUntil(() => formDialog(el)?.open, 'form open');
    await type(el, 'goal-form-title', 'Chapters reviewed');
    await type(el, 'goal-form-target', '12');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'form closed');
    const [created] = await store.listKeyResults({ goalId: draft.id });
    await aTimeout(200); // The reload that brings the new key result, hidden by the search.
    expect(row(el, `keyResult:${created!.id}`)).to.equal(null);
    search.focus();
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await aTimeout(50);
    expect(shadow(el).activeElement).to.equal(search);
    // Opening the goal shows the key result: focus stays on the row opened.
    const draftRow = row(el, `goal:${draft.id}`)!;
    if (draftRow.getAttribute('aria-expanded') === 'false') press(draftRow, 'ArrowRight');
    else draftRow.focus();
    await waitUntil(() => row(el, `keyResult:${created!.id}`), 'shown under its goal');
    await aTimeout(50);
    expect(shadow(el).activeElement).to.equal(row(el, `goal:${draft.id}`));
  });

  it('adds a child goal: the weights must sum to 100, Share equally rebalances, and the sibling changes in the same write', async () => {
    const { store, personas } = await seededStore('employee');
    const { draft } = await employeeDraft(store, personas);
    const first = await store.createGoal({ cycleId: draft.cycleId, level: 'individual', parentId: draft.id, title: 'Outline the chapters', weight: 100 });
    const el = await renderTree(store, `goal:${draft.id}`);
    await openMenu(el, `goal:${draft.id}`);
    menuItem(el, 'add-goal')!.click();
    await waitUntil(() => $(el, `[data-sibling="${first.id}"]`), 'the sibling listed with its weight');
    expect($<HTMLInputElement>(el, '#goal-form-weight')!.value).to.equal('0');
    await type(el, 'goal-form-title', 'Review with the team');
    await type(el, 'goal-form-weight', '30');
    await submit(el, formDialog(el));
    expect(errorOf(el, 'goal-form-weights')).to.equal('Weights of siblings must add up to 100% (now 130%).');
    expect((await store.listGoals({ parentId: draft.id })).length).to.equal(1);
    $<HTMLButtonElement>(el, '[data-action=share-equally]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#goal-form-weight')!.value).to.equal('50');
    expect($<HTMLInputElement>(el, `#goal-form-sibling-${CSS.escape(first.id)}`)!.value).to.equal('50');
    expect($(el, '#goal-form-weights-total')!.textContent).to.contain('100');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'form closed');
    const children = await store.listGoals({ parentId: draft.id });
    expect(children.map((goal) => [goal.title, goal.weight]).sort()).to.deep.equal([
      ['Outline the chapters', 50],
      ['Review with the team', 50],
    ]);
    expect(children.find((goal) => goal.id === first.id)!.version).to.equal(2);
  });

  it('edits a draft optimistically and rolls back on failure, keeping what was typed, with a retry', async () => {
    const { store, personas } = await seededStore('employee');
    const { parent, draft } = await employeeDraft(store, personas);
    let fail = true;
    const adapter = withMethods(store, {
      updateGoal: async (...args: Parameters<DataAdapter['updateGoal']>) => {
        await aTimeout(150);
        if (fail) throw new NetworkError('offline');
        return store.updateGoal(...args);
      },
    });
    const el = await renderTree(adapter, `goal:${parent.id}`);
    const key = `goal:${draft.id}`;
    press(row(el, key)!, 'e');
    await waitUntil(() => formDialog(el)?.open, 'form open');
    await waitUntil(() => !$<HTMLButtonElement>(el, 'dialog.goal-form button[type=submit]')!.disabled, 'form ready');
    await type(el, 'goal-form-title', 'Write and publish the on-call handbook');
    await submit(el, formDialog(el));
    expect(row(el, key)!.querySelector('.title')!.textContent).to.contain('Write and publish');
    await waitUntil(() => $(el, 'dialog.goal-form .form-error'), 'failure shown');
    expect(row(el, key)!.querySelector('.title')!.textContent!.trim()).to.equal('Write the on-call handbook');
    expect($<HTMLInputElement>(el, '#goal-form-title')!.value).to.equal('Write and publish the on-call handbook');
    fail = false;
    $<HTMLButtonElement>(el, 'dialog.goal-form .form-error button')!.click();
    await waitUntil(() => !formDialog(el)?.open, 'saved on retry');
    expect((await store.getGoal(draft.id)).title).to.equal('Write and publish the on-call handbook');
  });

  it('a goal edit that conflicts, after Load latest, keeps only what was changed: a title renamed meanwhile is not written back', async () => {
    const { store, personas } = await seededStore('employee');
    const { draft } = await employeeDraft(store, personas);
    const goal = await store.createGoal({ cycleId: draft.cycleId, level: 'individual', parentId: draft.id, title: 'Outline the chapters', weight: 100 });
    const sibling = await store.createGoal({
      cycleId: draft.cycleId,
      level: 'individual',
      parentId: draft.id,
      title: 'Review with the team',
      weight: 30,
      rebalance: [{ id: goal.id, version: goal.version, weight: 70 }],
    });
    const el = await renderTree(store, `goal:${draft.id}`);
    const key = `goal:${goal.id}`;
    await waitUntil(() => row(el, key), 'the goal shown');
    press(row(el, key)!, 'e');
    await waitUntil(() => formDialog(el)?.open && $(el, `[data-sibling="${sibling.id}"]`), 'form ready');
    await type(el, 'goal-form-weight', '60');
    await type(el, `goal-form-sibling-${sibling.id}`, '40');
    // Someone else renames the goal meanwhile.
    const renamed = await store.updateGoal(goal.id, (await store.getGoal(goal.id)).version, { title: 'Outline and draft the chapters' });
    await submit(el, formDialog(el));
    await waitUntil(() => $(el, 'dialog.goal-form [data-error=conflict]'), 'conflict shown');
    $<HTMLButtonElement>(el, 'dialog.goal-form [data-error=conflict] button')!.click();
    await waitUntil(() => $(el, 'dialog.goal-form .form-status')?.textContent?.includes('latest'), 'latest loaded');
    // The untouched title follows the store; the weights typed stay.
    expect($<HTMLInputElement>(el, '#goal-form-title')!.value).to.equal(renamed.title);
    expect($<HTMLInputElement>(el, '#goal-form-weight')!.value).to.equal('60');
    expect($<HTMLInputElement>(el, `#goal-form-sibling-${CSS.escape(sibling.id)}`)!.value).to.equal('40');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'saved');
    expect(await store.getGoal(goal.id)).to.include({ title: renamed.title, weight: 60 });
    expect((await store.getGoal(sibling.id)).weight).to.equal(40);
  });

  it('a goal edit that conflicts, after Load latest, does not write back sibling weights left as they were', async () => {
    const { store, personas } = await seededStore('employee');
    const { draft } = await employeeDraft(store, personas);
    const child = (title: string, weight: number, rebalance: WeightChange[] = []) =>
      store.createGoal({ cycleId: draft.cycleId, level: 'individual', parentId: draft.id, title, weight, rebalance });
    const goal = await child('Outline the chapters', 100);
    const first = await child('Review with the team', 30, [{ id: goal.id, version: goal.version, weight: 70 }]);
    const second = await child('Publish the handbook', 20, [{ id: goal.id, version: goal.version + 1, weight: 50 }]);
    const el = await renderTree(store, `goal:${draft.id}`);
    const key = `goal:${goal.id}`;
    await waitUntil(() => row(el, key), 'the goal shown');
    press(row(el, key)!, 'e');
    await waitUntil(() => formDialog(el)?.open && $(el, `[data-sibling="${second.id}"]`), 'form ready');
    await type(el, 'goal-form-title', 'Outline every chapter');
    // Someone else edits the goal and moves 10 points between the siblings meanwhile (the total stays 100).
    await store.updateGoal(goal.id, (await store.getGoal(goal.id)).version, { description: 'Changed underneath' });
    await store.updateGoal(first.id, first.version, { weight: 40, rebalance: [{ id: second.id, version: second.version, weight: 10 }] });
    await submit(el, formDialog(el));
    await waitUntil(() => $(el, 'dialog.goal-form [data-error=conflict]'), 'conflict shown');
    $<HTMLButtonElement>(el, 'dialog.goal-form [data-error=conflict] button')!.click();
    await waitUntil(() => $(el, 'dialog.goal-form .form-status')?.textContent?.includes('latest'), 'latest loaded');
    expect($<HTMLInputElement>(el, '#goal-form-title')!.value).to.equal('Outline every chapter');
    expect($<HTMLTextAreaElement>(el, '#goal-form-description')!.value).to.equal('Changed underneath');
    expect($<HTMLInputElement>(el, `#goal-form-sibling-${CSS.escape(first.id)}`)!.value).to.equal('40');
    expect($<HTMLInputElement>(el, `#goal-form-sibling-${CSS.escape(second.id)}`)!.value).to.equal('10');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'saved');
    expect(await store.getGoal(goal.id)).to.include({ title: 'Outline every chapter', description: 'Changed underneath', weight: 50 });
    expect((await store.getGoal(first.id)).weight).to.equal(40);
    expect((await store.getGoal(second.id)).weight).to.equal(10);
  });

  it('a key result edit that conflicts, after Load latest, keeps the target set meanwhile and sends only the title typed', async () => {
    const { store, personas } = await seededStore('employee');
    const { draft } = await employeeDraft(store, personas);
    const cycle = await store.getCycle(draft.cycleId);
    const keyResult = await store.createKeyResult({ goalId: draft.id, title: 'Chapters written', metric: 'number', unit: 'chapters', start: 0, target: 10, direction: 'increase', due: cycle.end, weight: 100 });
    const updates: Parameters<DataAdapter['updateKeyResult']>[2][] = [];
    const adapter = withMethods(store, {
      updateKeyResult: async (...args: Parameters<DataAdapter['updateKeyResult']>) => {
        updates.push(args[2]);
        return store.updateKeyResult(...args);
      },
    });
    const el = await renderTree(adapter, `goal:${draft.id}`);
    const key = `keyResult:${keyResult.id}`;
    await waitUntil(() => row(el, key), 'the key result shown');
    press(row(el, key)!, 'e');
    await waitUntil(() => formDialog(el)?.open && !$<HTMLButtonElement>(el, 'dialog.goal-form button[type=submit]')!.disabled, 'form ready');
    await type(el, 'goal-form-title', 'Chapters written and reviewed');
    // Someone else raises the target meanwhile.
    await store.updateKeyResult(keyResult.id, keyResult.version, { target: 12 });
    await submit(el, formDialog(el));
    await waitUntil(() => $(el, 'dialog.goal-form [data-error=conflict]'), 'conflict shown');
    $<HTMLButtonElement>(el, 'dialog.goal-form [data-error=conflict] button')!.click();
    await waitUntil(() => $(el, 'dialog.goal-form .form-status')?.textContent?.includes('latest'), 'latest loaded');
    expect($<HTMLInputElement>(el, '#goal-form-target')!.value).to.equal('12');
    await submit(el, formDialog(el));
    await waitUntil(() => !formDialog(el)?.open, 'saved');
    expect(await store.getKeyResult(keyResult.id)).to.include({ title: 'Chapters written and reviewed', target: 12 });
    expect(updates.at(-1)).to.deep.equal({ title: 'Chapters written and reviewed', rebalance: [] });
  });

  it('adjusts an approved goal: the reason is required, the preview says what moves, and the history records it', async () => {
    const { store, personas } = await seededStore('manager');
    const manager = await store.getPerson(personas.manager);
    const team = await store.listReports(manager.id);
    const goals = await store.listGoals({ ownerId: team[0]!.id, status: 'approved' });
    // A key result with a target to raise: a binary one (done or not) has none.
    let goal = goals[0]!;
    let keyResult: KeyResult | undefined;
    for (const candidate of goals) {
      keyResult = (await store.listKeyResults({ goalId: candidate.id })).find((found) => found.metric !== 'binary');
      goal = candidate;
      if (keyResult) break;
    }
    const el = await renderTree(store, `goal:${goal.id}`);
    const changes: TandemGoalChangeEvent[] = [];
    el.addEventListener('tandem-goal-change', (event) => changes.push(event));
    press(row(el, `goal:${goal.id}`)!, 'e');
    await waitUntil(() => adjustDialog(el)?.open, 'adjust dialog open');
    expect(shadow(el).activeElement?.id).to.equal('adjust-reason');
    // Each key result's target says its unit (a percentage's too), and a done-or-not one names no start.
    for (const each of await store.listKeyResults({ goalId: goal.id })) {
      const label = $(el, `label[for="adjust-kr-${each.id}-target"]`)!.textContent!.trim();
      const expectedLabel = each.metric === 'percent' ? 'Target (%)' : each.unit ? `Target (${each.unit})` : 'Target';
      expect(label, each.title).to.equal(expectedLabel);
      const hint = $(el, `[data-key-result="${each.id}"] > .hint`)!.textContent!.trim();
      if (each.metric === 'binary') expect(hint).to.match(/^Now: (Done|Not done)\.$/);
      else expect(hint).to.match(/^Now .+, started at .+\.$/);
    }
    const targetId = `adjust-kr-${keyResult!.id}-target`;
    const newTarget = keyResult!.target + (keyResult!.direction === 'increase' ? 5 : -1);
    // Typed key by key, a number stays as typed (a half-typed "-" is not cleared under the next key).
    const target = $<HTMLInputElement>(el, `#${targetId}`)!;
    target.focus();
    target.select();
    await sendKeys({ type: '-12' });
    await (el as TandemGoalTree).updateComplete;
    expect(target.value).to.equal('-12');
    await type(el, targetId, String(newTarget));
    expect($(el, '.adjust-preview')!.textContent).to.contain(keyResult!.title);
    await submit(el, adjustDialog(el));
    expect(errorOf(el, 'adjust-reason')).to.equal('Say why this goal is being adjusted.');
    expect(shadow(el).activeElement?.id).to.equal('adjust-reason');
    await type(el, 'adjust-reason', 'A second supplier came on line');
    // Weights that no longer add up: focus on the first weight, every weight marked and pointing at the message.
    const weightId = `adjust-kr-${keyResult!.id}-weight`;
    await type(el, weightId, String(keyResult!.weight - 10));
    await submit(el, adjustDialog(el));
    const weights = [...adjustDialog(el)!.querySelectorAll<HTMLInputElement>('input[id$="-weight"]')];
    // Ids, not elements: a failing comparison of elements is slow to report.
    expect(shadow(el).activeElement?.id).to.equal(weights[0]!.id);
    for (const weight of weights) {
      expect(weight.getAttribute('aria-invalid')).to.equal('true');
      expect(weight.getAttribute('aria-describedby')!.split(' ')).to.include('adjust-weights-error');
    }
    expect(errorOf(el, 'adjust-weights')).to.match(/^Weights of siblings must add up to 100% \(now \d+(\.\d+)?%\)\.$/);
    expect(adjustDialog(el)!.open).to.equal(true);
    await type(el, weightId, String(keyResult!.weight));
    await submit(el, adjustDialog(el));
    await waitUntil(() => !adjustDialog(el)?.open, 'adjusted');
    const [latest] = await store.listGoalChanges(goal.id);
    expect(latest).to.include({ reason: 'A second supplier came on line', authorId: personas.manager });
    expect((await store.getKeyResult(keyResult!.id)).target).to.equal(newTarget);
    expect(changes.at(-1)?.change).to.equal('adjusted');
    // The history, read-only, from the row menu.
    await openMenu(el, `goal:${goal.id}`);
    menuItem(el, 'history')!.click();
    await waitUntil(() => adjustDialog(el)?.open && $(el, `.timeline [data-change="${latest!.id}"]`), 'history shows the adjustment');
    const entry = $(el, `.timeline [data-change="${latest!.id}"]`)!;
    expect(entry.querySelector('.reason')!.textContent).to.equal('A second supplier came on line');
    expect(entry.textContent).to.contain('→');
    await expect(el).to.be.accessible();
  });

  it('an adjustment that conflicts keeps the reason, loads the latest, then saves', async () => {
    const { store, personas } = await seededStore('manager');
    const manager = await store.getPerson(personas.manager);
    const team = await store.listReports(manager.id);
    const goal = (await store.listGoals({ ownerId: team[0]!.id, status: 'approved' }))[0]!;
    const el = await renderTree(store, `goal:${goal.id}`);
    press(row(el, `goal:${goal.id}`)!, 'e');
    await waitUntil(() => adjustDialog(el)?.open, 'adjust dialog open');
    await type(el, 'adjust-title', `${goal.title} (revised)`);
    await type(el, 'adjust-reason', 'Scope narrowed');
    // Someone else adjusts the goal meanwhile.
    await store.adjustGoal(goal.id, goal.version, { reason: 'Elsewhere', description: 'Changed underneath' });
    await submit(el, adjustDialog(el));
    await waitUntil(() => $(el, 'dialog.adjust [data-error=conflict]'), 'conflict shown');
    $<HTMLButtonElement>(el, 'dialog.adjust [data-error=conflict] button')!.click();
    await waitUntil(() => $(el, 'dialog.adjust .form-status')?.textContent?.includes('latest'), 'latest loaded');
    expect($<HTMLTextAreaElement>(el, '#adjust-reason')!.value).to.equal('Scope narrowed');
    expect($<HTMLTextAreaElement>(el, '#adjust-description')!.value).to.equal('Changed underneath');
    await submit(el, adjustDialog(el));
    await waitUntil(() => !adjustDialog(el)?.open, 'adjusted');
    expect((await store.getGoal(goal.id)).title).to.equal(`${goal.title} (revised)`);
  });

  it('speaks zh-CN in the menu and the forms', async () => {
    const { store, personas } = await seededStore('employee');
    const { parent, draft } = await employeeDraft(store, personas);
    const el = await renderTree(store, `goal:${parent.id}`, 'zh-CN');
    await openMenu(el, `goal:${draft.id}`);
    expect(menuItem(el, 'add-key-result')!.textContent).to.contain('添加关键结果');
    menuItem(el, 'edit-goal')!.click();
    await waitUntil(() => formDialog(el)?.open, 'form open');
    expect($(el, '#goal-form-heading')!.textContent).to.contain('编辑目标');
    expect($(el, 'dialog.goal-form legend')!.textContent).to.contain('权重');
  });
});
