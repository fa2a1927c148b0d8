import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/goal-tree/goal-tree.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import { ConflictError, NetworkError } from '../../src/data/errors.js';
import type { SeedPersonas, TandemStore } from '../../src/data/index.js';
import type { TandemGoalChangeEvent } from '../../src/events/goal-change.js';
import { displayName } from '../../src/model/people.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';
import { seededMemoryStore, withMethods } from '../support/seeded-memory-store.js';

/** A fresh seeded company per test (the actions change it), signed in as a persona. */
const seededStore = (persona: keyof SeedPersonas) => seededMemoryStore(persona, { name: 'goal-tree-approval' });

const shadow = (el: Element) => el.shadowRoot!;
const approvalDialog = (el: Element) => shadow(el).querySelector<HTMLDialogElement>('dialog.approval')!;
const comment = (el: Element) => shadow(el).querySelector<HTMLTextAreaElement>('#approval-comment')!;
const row = (el: Element, goalId: string) => shadow(el).querySelector<HTMLElement>(`[data-key="goal:${goalId}"]`)!;
/** Goal rows the signed-in person may decide on (they carry the batch mark's state). */
const decidableRows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[data-kind=goal][aria-checked]')];
const goalIdOf = (rowElement: HTMLElement) => rowElement.dataset['key']!.slice('goal:'.length);
const statusText = (el: Element, goalId: string) => row(el, goalId).querySelector('.status')!.textContent!.trim();

function press(target: HTMLElement, key: string): void {
  target.focus();
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** The manager's team, filtered to goals pending approval so they are all in view. */
async function managerTree(adapter: DataAdapter, store: TandemStore, personas: SeedPersonas, locale = 'en'): Promise<TandemGoalTree> {
  const manager = await store.getPerson(personas.manager);
  const el = await fixture<TandemGoalTree>(
    html`<tandem-goal-tree .adapter=${adapter} root=${`org-unit:${manager.orgUnitId}`} locale=${locale}></tandem-goal-tree>`,
  );
  await waitUntil(() => shadow(el).querySelector('#status'), 'tree shown', { timeout: 10_000 });
  const status = shadow(el).querySelector<HTMLSelectElement>('#status')!;
  status.value = 'pending';
  status.dispatchEvent(new Event('change'));
  await waitUntil(() => decidableRows(el).length >= 2, 'pending goals the manager may decide');
  await aTimeout(50);
  return el;
}

/** The goal changes while still pending: rejected, then submitted again by its owner (version + 2). */
async function changeUnderneath(store: TandemStore, personas: SeedPersonas, goalId: string): Promise<void> {
  const goal = await store.getGoal(goalId);
  const rejected = await store.rejectGoal(goalId, goal.version, 'Elsewhere');
  await store.signIn(goal.ownerId);
  await store.submitGoal(goalId, rejected.version);
  await store.signIn(personas.manager);
}

async function openDecision(el: TandemGoalTree, rowElement: HTMLElement): Promise<void> {
  press(rowElement, 'a');
  await waitUntil(() => approvalDialog(el).open, 'dialog open');
  await el.updateComplete;
}

async function typeComment(el: TandemGoalTree, text: string): Promise<void> {
  comment(el).value = text;
  comment(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const decisionButton = (el: Element, decision: 'approve' | 'reject') =>
  shadow(el).querySelector<HTMLButtonElement>(`dialog.approval [data-decision=${decision}]`)!;

const announced = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role=status]')].map((region) => region.textContent!.trim()).filter(Boolean);

describe('<tandem-goal-tree> approval', () => {

  it('approves by keyboard: A opens a labelled dialog, Approve updates the store and fires tandem-goal-change', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const target = decidableRows(el)[0]!;
    const id = goalIdOf(target);
    expect(target.getAttribute('aria-keyshortcuts')).to.contain('A');
    const events: TandemGoalChangeEvent[] = [];
    el.addEventListener('tandem-goal-change', (event) => events.push(event));
    await openDecision(el, target);
    const goal = await store.getGoal(id);
    const owner = displayName(await store.getPerson(goal.ownerId), 'en').primary;
    const dialog = approvalDialog(el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(shadow(el).getElementById('approval-title')!.textContent).to.equal(`Approve or reject: ${goal.title}`);
    expect(dialog.querySelector('.hint')!.textContent).to.equal(`Owner: ${owner}`);
    expect(shadow(el).activeElement).to.equal(comment(el));
    await expect(el).to.be.accessible();
    await typeComment(el, 'Well scoped');
    decisionButton(el, 'approve').click();
    await waitUntil(() => events.length === 1, 'tandem-goal-change');
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(events[0]!.change).to.equal('approved');
    expect(events[0]!.goal).to.include({ id, status: 'approved', version: goal.version + 1 });
    expect((await store.getGoal(id)).status).to.equal('approved');
    // Back on the row, or on the one that took its place once the reload drops it from the "pending" filter.
    await waitUntil(() => !dialog.open && shadow(el).activeElement?.getAttribute('role') === 'treeitem', 'closed, focus back in the rows');
    // The row says little of it: a live region says what happened.
    await waitUntil(() => announced(el).includes(`Approved: ${goal.title}.`), 'the approval announced');
    // Switched to Chinese, the English message is gone rather than left in the other language.
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(announced(el).some((message) => message.startsWith('Approved:'))).to.equal(false);
  });

  it('keeps focus in the tree when the approved goal leaves the "pending" filter', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const rows = decidableRows(el);
    const [id, nextId] = [goalIdOf(rows[0]!), goalIdOf(rows[1]!)];
    await openDecision(el, rows[0]!);
    decisionButton(el, 'approve').click();
    await waitUntil(() => !approvalDialog(el).open && row(el, id) === null, 'approved, and out of the filtered rows', { timeout: 5_000 });
    await waitUntil(() => shadow(el).activeElement?.getAttribute('role') === 'treeitem', 'focus on a row, not the page');
    const focused = shadow(el).activeElement as HTMLElement;
    expect(focused.tabIndex).to.equal(0);
    expect(shadow(el).querySelectorAll('[role=treeitem][tabindex="0"]').length).to.equal(1);
    // The row that took the approved goal's place (or the goal's parent, rendered above it).
    expect([`goal:${nextId}`, rows[0]!.previousElementSibling?.getAttribute('data-key')]).to.include(focused.dataset['key']);
  });

  it('rejects only with a comment: the message shows next to the field, then the rejection goes through', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const id = goalIdOf(decidableRows(el)[0]!);
    const events: TandemGoalChangeEvent[] = [];
    el.addEventListener('tandem-goal-change', (event) => events.push(event));
    await openDecision(el, row(el, id));
    decisionButton(el, 'reject').click();
    await el.updateComplete;
    const error = shadow(el).getElementById('approval-comment-error')!;
    expect(error.textContent).to.equal('Say why this goal is being rejected, so its owner knows what to change.');
    expect(error.parentElement).to.equal(comment(el).parentElement);
    expect(comment(el).getAttribute('aria-invalid')).to.equal('true');
    expect(comment(el).getAttribute('aria-describedby')!.split(' ')).to.include('approval-comment-error');
    expect(approvalDialog(el).open).to.equal(true);
    expect((await store.getGoal(id)).status).to.equal('pending');
    await expect(el).to.be.accessible();
    await typeComment(el, 'Targets are too low');
    decisionButton(el, 'reject').click();
    await waitUntil(() => events.length === 1, 'rejected');
    expect(events[0]!.change).to.equal('rejected');
    expect(await store.getGoal(id)).to.include({ status: 'rejected' });
  });

  it('batch approves marked goals: one changed underneath fails and is listed with its reason', async () => {
    const { store, personas } = await seededStore('manager');
    let second: string | undefined;
    // The second goal changes underneath while the batch is on its way: rejected elsewhere, then submitted again by its owner.
    const adapter = withMethods(store, {
      approveGoals: async (items, text) => {
        await changeUnderneath(store, personas, second!);
        return store.approveGoals(items, text);
      },
    });
    const el = await managerTree(adapter, store, personas);
    const [first, secondId] = decidableRows(el).map(goalIdOf);
    second = secondId;
    expect(row(el, first!).getAttribute('aria-checked')).to.equal('false');
    press(row(el, first!), 'x');
    await waitUntil(() => row(el, first!).getAttribute('aria-checked') === 'true', 'first marked');
    // Space marks too, as in any tree of checkable rows.
    press(row(el, second!), ' ');
    await waitUntil(() => row(el, second!).getAttribute('aria-checked') === 'true', 'second marked');
    const bar = shadow(el).querySelector<HTMLElement>('.approval-bar')!;
    expect(bar.hidden).to.equal(false);
    expect(bar.textContent).to.contain('2 goals marked');
    await expect(el).to.be.accessible();
    const stale = await store.getGoal(second!);
    const events: TandemGoalChangeEvent[] = [];
    el.addEventListener('tandem-goal-change', (event) => events.push(event));
    bar.querySelector<HTMLButtonElement>('button[data-variant=primary]')!.click();
    await waitUntil(() => shadow(el).querySelector('.batch-outcome'), 'outcome shown');
    const outcome = shadow(el).querySelector('.batch-outcome')!;
    expect(outcome.textContent).to.contain('1 goal approved.');
    expect(outcome.textContent).to.contain('1 goal was not approved:');
    // The outcome is said once, without the buttons of the bar around it.
    await waitUntil(() => announced(el).includes('1 goal approved. 1 goal was not approved:'), 'the outcome announced');
    expect(shadow(el).querySelector('.approval-bar')!.getAttribute('role')).to.equal(null);
    const failed = outcome.querySelector(`[data-goal="${second}"]`)!;
    expect(failed.textContent).to.contain(stale.title);
    expect(failed.textContent).to.contain(new ConflictError('goal', stale.id, stale.version, stale.version + 2).localizedMessage('en'));
    expect(events.map((event) => [event.goal.id, event.change])).to.deep.equal([[first, 'approved']]);
    expect((await store.getGoal(first!)).status).to.equal('approved');
    await expect(el).to.be.accessible();
  });

  it('keeps a mark made while a batch approval is on its way', async () => {
    const { store, personas } = await seededStore('manager');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter = withMethods(store, {
      approveGoals: async (items, text) => {
        await held;
        return store.approveGoals(items, text);
      },
    });
    const el = await managerTree(adapter, store, personas);
    const [first, second, third] = decidableRows(el).map(goalIdOf);
    for (const id of [first!, second!]) {
      press(row(el, id), 'x');
      await waitUntil(() => row(el, id).getAttribute('aria-checked') === 'true', `${id} marked`);
    }
    shadow(el).querySelector<HTMLButtonElement>('.approval-bar button[data-variant=primary]')!.click();
    await el.updateComplete;
    press(row(el, third!), 'x');
    await waitUntil(() => row(el, third!).getAttribute('aria-checked') === 'true', 'the third marked during the batch');
    release();
    await waitUntil(() => shadow(el).querySelector('.batch-outcome'), 'outcome shown');
    await el.updateComplete;
    expect(row(el, third!).getAttribute('aria-checked')).to.equal('true');
    expect(shadow(el).querySelector('.approval-bar')!.textContent).to.contain('1 goal marked');
  });

  it('keeps focus through a batch approval: on its outcome, then back on the rows; Clear marks too', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const [first, second, third] = decidableRows(el).map(goalIdOf);
    for (const id of [first!, second!]) {
      press(row(el, id), 'x');
      await waitUntil(() => row(el, id).getAttribute('aria-checked') === 'true', `${id} marked`);
    }
    const approve = shadow(el).querySelector<HTMLButtonElement>('.approval-bar button[data-variant=primary]')!;
    approve.focus();
    approve.click();
    await waitUntil(() => shadow(el).querySelector('.batch-outcome'), 'outcome shown');
    await waitUntil(() => shadow(el).activeElement?.closest('.batch-outcome') != null, 'focus on the outcome');
    (shadow(el).activeElement as HTMLButtonElement).click();
    await waitUntil(() => shadow(el).activeElement?.getAttribute('role') === 'treeitem', 'focus back on the rows');

    press(row(el, third!), 'x');
    await waitUntil(() => row(el, third!).getAttribute('aria-checked') === 'true', 'marked');
    const clear = [...shadow(el).querySelectorAll<HTMLButtonElement>('.approval-bar button')].find((button) => button.textContent!.includes('Clear marks'))!;
    clear.focus();
    clear.click();
    await waitUntil(() => shadow(el).activeElement?.getAttribute('role') === 'treeitem', 'focus on the rows after Clear marks');
  });

  it('gives focus back to the row the person was on when the bar goes, even one scrolled out of the DOM', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const id = goalIdOf(decidableRows(el)[0]!);
    press(row(el, id), 'x');
    await waitUntil(() => row(el, id).getAttribute('aria-checked') === 'true', 'marked');

    // Every goal open, in a short scroller: far more rows than the DOM holds.
    const status = shadow(el).querySelector<HTMLSelectElement>('#status')!;
    status.value = '';
    status.dispatchEvent(new Event('change'));
    const goals = await store.listGoals({ cycleId: (await store.listCycles())[0]!.id });
    el.openRows = [...el.openRows, ...goals.map((goal) => `goal:${goal.id}`)];
    el.style.setProperty('--tandem-goal-tree-max-height', '8rem');
    await el.updateComplete;
    const scroller = shadow(el).querySelector<HTMLElement>('.scroll')!;
    await waitUntil(() => scroller.scrollHeight > scroller.clientHeight * 6, 'more rows than the window holds');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => !row(el, id), 'the marked row scrolled out of the DOM');

    const clear = [...shadow(el).querySelectorAll<HTMLButtonElement>('.approval-bar button')].find((button) => button.textContent!.includes('Clear marks'))!;
    clear.focus();
    clear.click();
    await waitUntil(() => (shadow(el).activeElement as HTMLElement | null)?.dataset['key'] === `goal:${id}`, 'focus back on the marked row');
  });

  it('offers an employee Submit on their own draft, and no Approve', async () => {
    const { store } = await seededStore('employee');
    const events: TandemGoalChangeEvent[] = [];
    const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${store} root="me" locale="en"></tandem-goal-tree>`);
    el.addEventListener('tandem-goal-change', (event) => events.push(event));
    await waitUntil(() => shadow(el).querySelector('[role=treeitem]'), 'the tree', { timeout: 10_000 });
    // The draft is below the fold, and only rows near the viewport are in the DOM: scroll as a person would.
    for (let step = 0; step < 40 && !shadow(el).querySelector('[data-action=submit]'); step += 1) {
      window.scrollBy(0, 200);
      await aTimeout(50);
    }
    expect(shadow(el).querySelector('[data-action=submit]'), 'a draft to submit').to.not.equal(null);
    expect(shadow(el).querySelector('[data-action=decide]')).to.equal(null);
    expect(decidableRows(el)).to.have.length(0);
    const target = shadow(el).querySelector<HTMLElement>('[data-action=submit]')!.closest<HTMLElement>('[role=treeitem]')!;
    const id = goalIdOf(target);
    expect(target.getAttribute('aria-keyshortcuts')).to.contain('S');
    await expect(el).to.be.accessible();
    press(target, 's');
    await waitUntil(() => statusText(el, id) === 'Pending approval', 'shown pending at once');
    await waitUntil(() => events.length === 1, 'submitted');
    expect(events[0]!.change).to.equal('submitted');
    expect((await store.getGoal(id)).status).to.equal('pending');
  });

  it('shows the decision at once and rolls back on failure, keeping the comment, with the reason and a retry', async () => {
    const { store, personas } = await seededStore('manager');
    let fail!: (error: Error) => void;
    let calls = 0;
    const adapter = withMethods(store, {
      approveGoal: (id, version, text) => {
        calls += 1;
        return calls === 1 ? new Promise((_resolve, reject) => (fail = reject)) : store.approveGoal(id, version, text);
      },
    });
    const el = await managerTree(adapter, store, personas);
    const id = goalIdOf(decidableRows(el)[0]!);
    await openDecision(el, row(el, id));
    await typeComment(el, '目标清晰，同意');
    decisionButton(el, 'approve').click();
    await waitUntil(() => statusText(el, id) === 'Approved', 'shown approved at once');
    fail(new NetworkError('offline'));
    await waitUntil(() => shadow(el).querySelector('dialog.approval .form-error'), 'error shown');
    expect(statusText(el, id)).to.equal('Pending approval');
    expect(approvalDialog(el).open).to.equal(true);
    expect(comment(el).value).to.equal('目标清晰，同意');
    expect(shadow(el).querySelector('dialog.approval .form-error')!.textContent).to.contain(new NetworkError('offline').localizedMessage('en'));
    expect((await store.getGoal(id)).status).to.equal('pending');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('dialog.approval .form-error button')!.click();
    await waitUntil(() => !approvalDialog(el).open, 'approved on retry');
    expect((await store.getGoal(id)).status).to.equal('approved');
  });

  it('says so on a conflict and reloads the goal, keeping the comment', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas);
    const id = goalIdOf(decidableRows(el)[0]!);
    await openDecision(el, row(el, id));
    await typeComment(el, 'Mine');
    await changeUnderneath(store, personas, id);
    decisionButton(el, 'approve').click();
    await waitUntil(() => shadow(el).querySelector('dialog.approval [data-error=conflict]'), 'conflict shown');
    expect(shadow(el).querySelector('dialog.approval [data-error=conflict]')!.textContent).to.contain('This goal changed since you opened it');
    shadow(el).querySelector<HTMLButtonElement>('dialog.approval [data-error=conflict] button')!.click();
    await waitUntil(() => shadow(el).querySelector('dialog.approval .form-status')?.textContent?.includes('Latest version loaded'), 'reloaded');
    expect(comment(el).value).to.equal('Mine');
    decisionButton(el, 'approve').click();
    await waitUntil(() => !approvalDialog(el).open, 'approved after the reload');
    expect(await store.getGoal(id)).to.include({ status: 'approved', decisionComment: 'Mine' });
  });

  it('speaks zh-CN', async () => {
    const { store, personas } = await seededStore('manager');
    const el = await managerTree(store, store, personas, 'zh-CN');
    const target = decidableRows(el)[0]!;
    expect(target.querySelector('[data-action=decide]')!.textContent!.trim()).to.equal('审批');
    await openDecision(el, target);
    expect(shadow(el).getElementById('approval-title')!.textContent).to.match(/^批准或驳回：/);
    expect(shadow(el).querySelector('label[for=approval-comment]')!.textContent).to.equal('审批意见');
    expect(decisionButton(el, 'approve').textContent!.trim()).to.equal('批准');
    expect(decisionButton(el, 'reject').textContent!.trim()).to.equal('驳回');
    await expect(el).to.be.accessible();
  });
});
