import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/widgets/goal-tree/goal-tree.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import { ForbiddenError, NetworkError } from '../../src/data/errors.js';
import type { TandemGoalSelectEvent } from '../../src/events/goal-select.js';
import type { TandemGoalToggleEvent } from '../../src/events/goal-toggle.js';
import type { Cycle, Goal, GoalLevel, GoalStatus, KeyResult, Person, Strategy } from '../../src/model/records.js';
import type { TandemGoalTree } from '../../src/widgets/goal-tree/goal-tree.js';
import { stubAdapter } from '../support/stub-adapter.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
const NOW = new Date('2026-11-15T12:00:00.000Z');
const XSS_TITLE = 'Win <img src=x onerror="window.hacked=true"> accounts';

const cycles: Cycle[] = [
  { ...stamp, id: 'q4', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false },
];
const strategies: Strategy[] = [{ ...stamp, id: 's1', cycleId: 'q4', title: 'Growth', description: '', order: 1 }];
const person = (id: string, name: string): Person => ({
  ...stamp,
  id,
  name,
  email: `${id}@example.com`,
  title: 'Lead',
  orgUnitId: id === 'ceo' ? 'co' : 'sales',
  managerId: null,
  roles: ['employee'],
});
const people = [person('ceo', '陈静'), person('ana', 'Anna Berg'), person('li', 'Li Lei')];
const goal = (id: string, parentId: string | null, level: GoalLevel, ownerId: string, title: string, extra: Partial<Goal> = {}): Goal => ({
  ...stamp,
  id,
  cycleId: 'q4',
  level,
  ownerId,
  orgUnitId: ownerId === 'ceo' ? 'co' : 'sales',
  parentId,
  alignsTo: [],
  strategyIds: [],
  title,
  description: '',
  status: 'approved' as GoalStatus,
  weight: 50,
  visibility: 'public',
  createdAt: stamp.updatedAt,
  ...extra,
});
const keyResult = (id: string, goalId: string, title: string, current: number, extra: Partial<KeyResult> = {}): KeyResult => ({
  ...stamp,
  id,
  goalId,
  title,
  metric: 'number',
  start: 0,
  target: 10,
  current,
  unit: 'demos',
  direction: 'increase',
  weight: 100,
  due: '2026-12-31',
  lastCheckIn: null,
  ...extra,
});

function company() {
  const goals = [
    goal('co1', null, 'company', 'ceo', 'Grow revenue', { strategyIds: ['s1'], weight: 60 }),
    goal('co2', null, 'company', 'ceo', 'Delight customers', { weight: 40 }),
    goal('d1', 'co1', 'department', 'ana', 'Sales: open new markets'),
    goal('d2', 'co1', 'department', 'ana', 'Sales: renewals', { status: 'pending' }),
    goal('i1', 'd1', 'individual', 'li', XSS_TITLE, { status: 'draft' }),
    goal('i2', 'd1', 'individual', 'li', 'Book ten demos'),
  ];
  const keyResults = [
    keyResult('k1', 'co1', 'ARR to ¥50m', 40_000_000, {
      metric: 'currency',
      unit: 'CNY',
      start: 30_000_000,
      target: 50_000_000,
      lastCheckIn: { at: '2026-11-12T09:00:00.000Z', authorId: 'ceo', confidence: 0.7 },
    }),
    keyResult('k2', 'd1', 'Sign 20 new customers', 2, { target: 20, unit: 'customers' }),
    keyResult('k3', 'i2', 'Ten demos booked', 5),
    keyResult('k4', 'd2', 'Renew 90% of contracts', 50, { metric: 'percent', unit: '%', target: 90 }),
  ];
  return { goals, keyResults };
}

function companyMethods(data = company()): Partial<DataAdapter> {
  const { goals, keyResults } = data;
  const subtree = (rootId: string) => {
    const ids = new Set([rootId]);
    for (const candidate of goals) if (candidate.parentId && ids.has(candidate.parentId)) ids.add(candidate.id);
    return { goals: goals.filter((g) => ids.has(g.id)), keyResults: keyResults.filter((k) => ids.has(k.goalId)) };
  };
  return {
    listCycles: () => Promise.resolve(cycles),
    listStrategies: () => Promise.resolve(strategies),
    listGoals: (query) => Promise.resolve(goals.filter((g) => g.cycleId === query.cycleId)),
    listKeyResults: (query) => Promise.resolve(keyResults.filter((k) => query.goalIds?.includes(k.goalId))),
    listCheckIns: () => Promise.resolve([]),
    listPeople: (query) => Promise.resolve(people.filter((p) => !query?.ids || query.ids.includes(p.id))),
    getGoalSubtree: (rootId) => Promise.resolve(subtree(rootId)),
    getOrgSubtree: (id) =>
      Promise.resolve([{ ...stamp, id, name: id, kind: 'department' as const, parentId: 'co', leaderId: null }]),
    getPersonGoalsWithAncestors: (personId) => {
      const byId = new Map(goals.map((g) => [g.id, g]));
      const kept = new Map<string, Goal>();
      for (const own of goals.filter((g) => g.ownerId === personId)) {
        for (let at: Goal | undefined = own; at; at = at.parentId ? byId.get(at.parentId) : undefined) kept.set(at.id, at);
      }
      return Promise.resolve({ goals: [...kept.values()], keyResults: keyResults.filter((k) => kept.has(k.goalId)) });
    },
  };
}

const shadow = (el: Element) => el.shadowRoot!;
const treeOf = (el: Element) => shadow(el).querySelector('[role=tree]') as HTMLElement;
const rowElements = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[role=treeitem]')];
/** Rows in list order (the virtualizer may keep DOM order different from visual order). */
const rowSummary = (el: Element) =>
  rowElements(el)
    .map((row) => ({ row, top: row.getBoundingClientRect().top }))
    .sort((a, b) => a.top - b.top)
    .map(({ row }) => {
      const expanded = row.getAttribute('aria-expanded');
      return `${row.dataset['key']} L${row.getAttribute('aria-level')} ${row.getAttribute('aria-posinset')}/${row.getAttribute('aria-setsize')}${expanded === 'true' ? ' -' : expanded === 'false' ? ' +' : ''}`;
    });
const row = (el: Element, key: string) => shadow(el).querySelector<HTMLElement>(`[data-key="${key}"]`);
const focusedKey = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.dataset['key'];

async function press(el: Element, key: string): Promise<void> {
  const target = (shadow(el).activeElement as HTMLElement | null) ?? rowElements(el)[0]!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await (el as TandemGoalTree).updateComplete;
  await aTimeout(30);
}

/** Renders the tree and waits for its rows and, unless `figures` is false, for the progress and pace that follow them. */
async function renderTree(adapter: DataAdapter, attributes: { root?: string; locale?: string } = {}, figures = true): Promise<TandemGoalTree> {
  const el = await fixture<TandemGoalTree>(
    html`<tandem-goal-tree .adapter=${adapter} .now=${NOW} root=${attributes.root ?? ''} locale=${attributes.locale ?? 'en'}></tandem-goal-tree>`,
  );
  await waitUntil(() => rowElements(el).length > 0 || shadow(el).querySelector('[data-state]:not([data-state=loading])'), 'tree rendered');
  if (figures) await waitUntil(() => !shadow(el).querySelector('[role="treeitem"] [data-pending]'), 'figures worked out');
  await aTimeout(30);
  return el;
}

describe('<tandem-goal-tree>', () => {

  it('shows strategy pillars over the cascade, every row with level, set size and position', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    expect(treeOf(el).getAttribute('aria-label')).to.equal('Goals, 2026 Q4');
    expect(rowSummary(el)).to.deep.equal(['strategy:s1 L1 1/2 -', 'goal:co1 L2 1/1 +', 'strategy: L1 2/2 -', 'goal:co2 L2 1/1']);
    const co1 = row(el, 'goal:co1')!;
    expect(co1.getAttribute('aria-selected')).to.equal('false');
    expect(row(el, 'strategy:s1')!.hasAttribute('aria-selected')).to.equal(false);
    const text = co1.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Grow revenue').and.contain('Company').and.contain('Approved').and.contain('Confidence 70%').and.contain('Checked in 3 days ago');
    expect(co1.querySelector('.owner [part=name]')!.textContent).to.equal('陈静');
    // The age in its short form fits its column; the moment itself is in the title.
    expect(co1.querySelector('.when')!.getAttribute('title')).to.match(/^\w{3} \d+, 2026, \d+:\d{2}\s[AP]M$/);
    // Half from its key result (50%), half from its departments: d1 17.5% (k2 10%, children 25%), d2 ≈ 55.6%.
    expect(co1.querySelector('.percent')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Progress 43%');
    // Scores roll up, not statuses: k1 on track (0) is half; the children half is d1 alone, at risk
    // (1: k2 off track, i2 on track) — d2 is pending and i1 a draft, so neither has a pace. 0.5 rounds to the worse.
    expect(co1.querySelector('.pace')!.textContent!.trim()).to.equal('At risk');
    expect(row(el, 'strategy:s1')!.querySelector('.percent')!.textContent).to.contain('43%');
    expect(rowElements(el).filter((item) => item.tabIndex === 0)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('used on its own, reads the goals once, after its adapter said who is signed in', async () => {
    let answerSession!: () => void;
    const sessionAsked = new Promise<void>((resolve) => (answerSession = resolve));
    const ana = people.find((candidate) => candidate.id === 'ana')!;
    let sessionKnown = false;
    const reads: boolean[] = [];
    const adapter = stubAdapter({
      ...companyMethods(),
      getSession: async () => {
        await sessionAsked;
        sessionKnown = true;
        return { person: ana, roles: ana.roles };
      },
      listCycles: () => {
        reads.push(sessionKnown);
        return Promise.resolve(cycles);
      },
    });
    const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${adapter} .now=${NOW} locale="en"></tandem-goal-tree>`);
    await aTimeout(50);
    expect(reads, 'nothing read before the session is known').to.deep.equal([]);
    expect(shadow(el).querySelector('[data-state=loading]')).to.not.equal(null);
    answerSession();
    await waitUntil(() => rowElements(el).length > 0, 'rows');
    await aTimeout(50);
    expect(reads, 'one read, made for the signed-in person').to.deep.equal([true]);
  });

  it('paints the rows before their figures; when those fail, the rows stay and a retry brings the figures', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let fail = true;
    const adapter = stubAdapter({
      ...companyMethods(),
      listCheckIns: async () => {
        await held;
        if (fail) throw new NetworkError('offline');
        return [];
      },
    });
    const el = await renderTree(adapter, {}, false);
    const progressOf = (key: string) => row(el, key)!.querySelector('.progress')!;
    expect(progressOf('goal:co1').hasAttribute('data-pending')).to.equal(true);
    expect(progressOf('goal:co1').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Progress calculating');
    expect(row(el, 'goal:co1')!.querySelector('.pace')).to.equal(null);
    expect(shadow(el).querySelector('.summary')!.textContent!.trim()).to.equal('Working out progress and pace…');
    await expect(el).to.be.accessible();

    release();
    await waitUntil(() => shadow(el).querySelector('.figures-failed'), 'the failure said');
    expect(shadow(el).querySelector('.figures-failed')!.getAttribute('role')).to.equal('alert');
    expect(rowSummary(el)).to.have.length(4);
    expect(progressOf('goal:co1').hasAttribute('data-pending')).to.equal(true);

    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('.figures-failed button')!.click();
    await waitUntil(() => row(el, 'goal:co1')!.querySelector('.pace'), 'pace shown after the retry');
    expect(progressOf('goal:co1').hasAttribute('data-pending')).to.equal(false);
    expect(progressOf('goal:co1').querySelector('.percent')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Progress 43%');
    expect(shadow(el).querySelector('.figures-failed')).to.equal(null);
    expect(shadow(el).querySelector('.summary')!.textContent!.trim()).to.equal('');
  });

  it('shows a key result with its value, progress, pace and due date', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    row(el, 'goal:co1')!.focus();
    await press(el, 'ArrowRight');
    await waitUntil(() => row(el, 'keyResult:k1'));
    const k1 = row(el, 'keyResult:k1')!;
    expect(k1.querySelector('.value')!.textContent).to.equal('CN¥40,000,000 of CN¥50,000,000');
    expect(k1.querySelector('.percent')!.textContent).to.contain('50%');
    expect(k1.querySelector('.pace')!.textContent!.trim()).to.equal('On track');
    expect(k1.textContent).to.contain('Due Dec 31, 2026');
    expect(row(el, 'keyResult:k4')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows each goal\'s key results whatever order the adapter lists them in', async () => {
    const data = company();
    // As stores list them (by goal, in the goals' order), the other way round, and as this file's company has them.
    const byGoal = data.goals.flatMap((item) => data.keyResults.filter((keyResult) => keyResult.goalId === item.id));
    const orders = { byGoal, reversed: [...byGoal].reverse(), asGiven: data.keyResults };
    const open = ['strategy:s1', 'strategy:', 'goal:co1', 'goal:d1', 'goal:d2', 'goal:i2'];
    const shown: Record<string, string[]> = {};
    for (const [name, keyResults] of Object.entries(orders)) {
      const el = await fixture<TandemGoalTree>(
        html`<tandem-goal-tree .adapter=${stubAdapter(companyMethods({ goals: data.goals, keyResults }))} .now=${NOW} locale="en" .openRows=${open}></tandem-goal-tree>`,
      );
      await waitUntil(() => row(el, 'keyResult:k4') && !shadow(el).querySelector('[role="treeitem"] [data-pending]'), `${name}: rows and figures`);
      await aTimeout(30);
      shown[name] = rowSummary(el);
      // Out of the way: the next tree renders only the rows in view.
      el.remove();
    }
    expect(shown['byGoal']).to.include.members(['keyResult:k1 L3 1/3', 'keyResult:k2 L4 1/3', 'keyResult:k4 L4 1/1', 'keyResult:k3 L5 1/1']);
    expect(shown['reversed']).to.deep.equal(shown['byGoal']);
    expect(shown['asGiven']).to.deep.equal(shown['byGoal']);
  });

  it('opens the rows a host asks for (before the goals load, in place of its own choice; after, at once) and says which are open', async () => {
    const el = await fixture<TandemGoalTree>(
      html`<tandem-goal-tree .adapter=${stubAdapter(companyMethods())} .now=${NOW} locale="en" .openRows=${['strategy:s1', 'goal:co1']}></tandem-goal-tree>`,
    );
    await waitUntil(() => rowElements(el).length > 0, 'rows');
    expect(rowSummary(el)).to.deep.equal([
      'strategy:s1 L1 1/2 -',
      'goal:co1 L2 1/1 -',
      'keyResult:k1 L3 1/3',
      'goal:d1 L3 2/3 +',
      'goal:d2 L3 3/3 +',
      'strategy: L1 2/2 +',
    ]);
    expect(el.openRows).to.deep.equal(['strategy:s1', 'goal:co1']);

    row(el, 'goal:d2')!.querySelector<HTMLElement>('.twisty')!.click();
    await el.updateComplete;
    expect(el.openRows).to.have.members(['strategy:s1', 'goal:co1', 'goal:d2']);

    el.openRows = ['strategy:'];
    await el.updateComplete;
    expect(rowSummary(el)).to.deep.equal(['strategy:s1 L1 1/2 +', 'strategy: L1 2/2 -', 'goal:co2 L2 1/1']);

    // A page moving the tree to another root gives the rows for the goals on their way.
    el.root = 'goal:co1';
    el.openRows = ['goal:co1', 'goal:d1'];
    await waitUntil(() => row(el, 'goal:d1')?.getAttribute('aria-expanded') === 'true', 'the new root with its rows open');
    expect(row(el, 'goal:co1')!.getAttribute('aria-expanded')).to.equal('true');
    expect(row(el, 'goal:d2')!.getAttribute('aria-expanded')).to.equal('false');
    expect(row(el, 'strategy:')).to.equal(null);
  });

  it('reveals a row a page asks for: opens the rows above it, scrolls to it and focuses it', async () => {
    const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${stubAdapter(companyMethods())} .now=${NOW} locale="en"></tandem-goal-tree>`);
    // Asked before the goals have loaded: it waits for them.
    const shown = el.revealRow('keyResult:k3');
    expect(await shown).to.equal(true);
    expect(focusedKey(el)).to.equal('keyResult:k3');
    for (const key of ['goal:co1', 'goal:d1', 'goal:i2']) expect(row(el, key)!.getAttribute('aria-expanded'), key).to.equal('true');
    expect(el.openRows).to.include.members(['strategy:s1', 'goal:co1', 'goal:d1', 'goal:i2']);

    expect(await el.revealRow('goal:nowhere')).to.equal(false);
    // Hidden by a search: not shown, and the search stays.
    const search = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'renewals';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(await el.revealRow('goal:i1')).to.equal(false);
    expect(search.value).to.equal('renewals');
  });

  it('shows the loading state, not the previous person\'s goals, while another root loads', async () => {
    let release!: () => void;
    let held: Promise<void> = Promise.resolve();
    const methods = companyMethods();
    const adapter = stubAdapter({
      ...methods,
      getPersonGoalsWithAncestors: async (personId, cycleId, options) => {
        await held;
        return methods.getPersonGoalsWithAncestors!(personId, cycleId, options);
      },
    });
    const el = await renderTree(adapter, { root: 'person:li' });
    expect(row(el, 'goal:i2')).not.to.equal(null);
    held = new Promise<void>((resolve) => (release = resolve));
    el.root = 'person:ceo';
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-state=loading]')).not.to.equal(null);
    expect(rowElements(el)).to.have.length(0);
    release();
    await waitUntil(() => row(el, 'goal:co1'), "the CEO's goals");
    expect(row(el, 'goal:i2')).to.equal(null);
  });

  it('answers revealRow with false when the goals fail to load, asked before and after', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter = stubAdapter({
      ...companyMethods(),
      listCycles: async () => {
        await held;
        throw new NetworkError('offline');
      },
    });
    const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${adapter} .now=${NOW} locale="en"></tandem-goal-tree>`);
    const before = el.revealRow('goal:co1');
    release();
    expect(await before).to.equal(false);
    await waitUntil(() => shadow(el).querySelector('[data-state=error]'), 'the error state');
    expect(await el.revealRow('goal:co1')).to.equal(false);
  });

  it('moves, expands and collapses by keyboard, announcing toggles', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    const toggles: [string, string | null, boolean][] = [];
    el.addEventListener('tandem-goal-toggle', (event: TandemGoalToggleEvent) => toggles.push([event.kind, event.id, event.expanded]));
    rowElements(el).find((item) => item.tabIndex === 0)!.focus();
    expect(focusedKey(el)).to.equal('strategy:s1');
    await press(el, 'ArrowDown');
    expect(focusedKey(el)).to.equal('goal:co1');
    await press(el, 'ArrowRight');
    expect(row(el, 'goal:co1')!.getAttribute('aria-expanded')).to.equal('true');
    expect(focusedKey(el)).to.equal('goal:co1');
    await press(el, 'ArrowRight');
    expect(focusedKey(el)).to.equal('keyResult:k1');
    await press(el, 'ArrowDown');
    expect(focusedKey(el)).to.equal('goal:d1');
    await press(el, '*');
    expect(row(el, 'goal:d1')!.getAttribute('aria-expanded')).to.equal('true');
    expect(row(el, 'goal:d2')!.getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'ArrowLeft');
    expect(row(el, 'goal:d1')!.getAttribute('aria-expanded')).to.equal('false');
    await press(el, 'ArrowLeft');
    expect(focusedKey(el)).to.equal('goal:co1');
    await press(el, 'ArrowLeft');
    expect(row(el, 'goal:co1')!.getAttribute('aria-expanded')).to.equal('false');
    await press(el, 'ArrowLeft');
    expect(focusedKey(el)).to.equal('strategy:s1');
    await press(el, 'End');
    expect(focusedKey(el)).to.equal('goal:co2');
    await press(el, 'Home');
    expect(focusedKey(el)).to.equal('strategy:s1');
    expect(rowElements(el).filter((item) => item.tabIndex === 0).map((item) => item.dataset['key'])).to.deep.equal(['strategy:s1']);
    expect(toggles).to.deep.equal([
      ['goal', 'co1', true],
      ['goal', 'd1', true],
      ['goal', 'd2', true],
      ['goal', 'd1', false],
      ['goal', 'co1', false],
    ]);
    await expect(el).to.be.accessible();
  });

  it('jumps by type-ahead and selects with Enter, firing tandem-goal-select with the records', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    rowElements(el).find((item) => item.tabIndex === 0)!.focus();
    await press(el, 'd');
    expect(focusedKey(el)).to.equal('goal:co2');
    await press(el, 'g');
    expect(focusedKey(el)).to.equal('goal:co2', '"dg" starts no title');
    await aTimeout(600);
    await press(el, 'g');
    expect(focusedKey(el)).to.equal('strategy:s1', 'after a pause, a new search, wrapping round');
    await aTimeout(600);
    await press(el, 'g');
    expect(focusedKey(el)).to.equal('goal:co1', 'the next title starting with "g"');
    const selected = oneEvent(el, 'tandem-goal-select') as Promise<TandemGoalSelectEvent>;
    await press(el, 'Enter');
    const event = await selected;
    expect([event.kind, event.id, event.goal?.title, event.keyResult]).to.deep.equal(['goal', 'co1', 'Grow revenue', undefined]);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(row(el, 'goal:co1')!.getAttribute('aria-selected')).to.equal('true');

    await press(el, 'ArrowRight');
    await press(el, 'ArrowDown');
    const krSelected = oneEvent(el, 'tandem-goal-select') as Promise<TandemGoalSelectEvent>;
    await press(el, ' ');
    const krEvent = await krSelected;
    expect([krEvent.kind, krEvent.id, krEvent.goal?.id, krEvent.keyResult?.title]).to.deep.equal(['keyResult', 'k1', 'co1', 'ARR to ¥50m']);
  });

  it('searches: matches keep their ancestors, are highlighted, and stay text', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'IMG';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await waitUntil(() => row(el, 'goal:i1'), 'match shown');
    expect(rowSummary(el)).to.deep.equal(['strategy:s1 L1 1/1 -', 'goal:co1 L2 1/1 -', 'goal:d1 L3 1/1 -', 'goal:i1 L4 1/1']);
    const title = row(el, 'goal:i1')!.querySelector('.title')!;
    expect(title.textContent).to.equal(XSS_TITLE);
    expect(title.querySelector('mark')!.textContent).to.equal('img');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { hacked?: boolean }).hacked).to.equal(undefined);
    expect(shadow(el).querySelector('.summary')!.textContent).to.contain('1 goal or key result matches');
    // Only the count is in the live region, not the Clear filters button beside it.
    expect(shadow(el).querySelector('.summary [role=status]')!.textContent!.trim()).to.equal('1 goal or key result matches');
    await expect(el).to.be.accessible();

    input.value = 'nothing like this';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No goals match “nothing like this”.');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.summary button')!.click();
    await el.updateComplete;
    await waitUntil(() => rowElements(el).length === 4, 'filters cleared');
  });

  it('filters by status, level, owner and pace', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    const choose = async (id: string, value: string) => {
      const select = shadow(el).querySelector<HTMLSelectElement>(`select#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await aTimeout(30);
    };
    await choose('status', 'pending');
    expect(rowSummary(el)).to.deep.equal(['strategy:s1 L1 1/1 -', 'goal:co1 L2 1/1 -', 'goal:d2 L3 1/1']);
    // A search that matches, emptied by the status filter: the message blames the filters, not the search.
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'demos';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No goals match these filters.');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await choose('status', '');
    // The owner filter is a name search (a select would hold one option per owner).
    const owner = async (name: string) => {
      const input = shadow(el).querySelector<HTMLInputElement>('input#owner')!;
      input.focus();
      input.value = name;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await aTimeout(30);
    };
    expect(shadow(el).querySelectorAll('datalist#owner-names option')).to.have.length(0); // Made when the field is first used.
    await owner('li le');
    expect([...shadow(el).querySelectorAll('datalist#owner-names option')].map((option) => option.getAttribute('value'))).to.deep.equal(['Li Lei']);
    expect(rowSummary(el).map((line) => line.split(' ')[0])).to.deep.equal(['strategy:s1', 'goal:co1', 'goal:d1', 'goal:i2', 'goal:i1']);
    await choose('level', 'department');
    expect(shadow(el).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No goals match these filters.');
    await owner('');
    await choose('level', '');
    const atRisk = shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    atRisk.click();
    await el.updateComplete;
    await aTimeout(30);
    const keys = rowSummary(el).map((line) => line.split(' ')[0]);
    // k2 (2 of 20 half-way through the cycle) is off track, and pulls d1 and co1 with it; co2 has nothing to judge.
    expect(keys).to.include('keyResult:k2').and.include('goal:d1');
    expect(keys).not.to.include('goal:co2');
    expect(keys).not.to.include('keyResult:k3');
    await expect(el).to.be.accessible();
  });

  it('works out pace again when now moves', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitUntil(() => row(el, 'keyResult:k2'), 'the at-risk rows');
    // k3, 5 of 10 half-way through the cycle, is on pace; at the cycle's end it is not.
    expect(row(el, 'keyResult:k3')).to.equal(null);
    el.now = new Date('2027-01-05T12:00:00.000Z');
    await waitUntil(() => row(el, 'keyResult:k3') !== null, 'k3 behind once the cycle is over');
  });

  it('moves focus to the search field when Clear filters takes itself away', async () => {
    const el = await renderTree(stubAdapter(companyMethods()));
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'sales';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => [...shadow(el).querySelectorAll<HTMLButtonElement>('.summary button')].length > 0, 'Clear filters offered');
    const clear = shadow(el).querySelector<HTMLButtonElement>('.summary button')!;
    clear.focus();
    clear.click();
    await waitUntil(() => shadow(el).activeElement === search, 'focus on the search field');
    expect(search.value).to.equal('');
  });

  it('keeps a row closed under the at-risk filter when a change reloads the tree', async () => {
    const adapter = stubAdapter(companyMethods());
    const el = await renderTree(adapter);
    shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitUntil(() => row(el, 'keyResult:k2'), 'the at-risk matches, opened');
    row(el, 'goal:d1')!.focus();
    await press(el, 'ArrowLeft');
    expect(row(el, 'goal:d1')!.getAttribute('aria-expanded')).to.equal('false');
    adapter.emit({ type: 'records', kind: 'checkIn', ids: ['c1'], origin: 'remote' });
    await waitUntil(() => !shadow(el).querySelector('.figures-pending'), 'reloaded, figures worked out again');
    await aTimeout(100);
    expect(row(el, 'goal:d1')!.getAttribute('aria-expanded')).to.equal('false');
    expect(row(el, 'keyResult:k2')).to.equal(null);
  });

  it('root="person:…" shows the person\'s goals with their ancestors, opened down to them', async () => {
    const el = await renderTree(stubAdapter(companyMethods()), { root: 'person:li' });
    expect(rowSummary(el).map((line) => line.split(' ')[0])).to.deep.equal([
      'strategy:s1',
      'goal:co1',
      'keyResult:k1',
      'goal:d1',
      'keyResult:k2',
      'goal:i2',
      'keyResult:k3',
      'goal:i1',
    ]);
    // Rolled up over the whole cycle: co1 shows the company's figure, not the branch's.
    expect(row(el, 'goal:co1')!.querySelector('.percent')!.textContent).to.contain('43%');
    expect(row(el, 'goal:d1')!.querySelector('.pace')!.textContent!.trim()).to.equal('At risk');
  });

  it('root="goal:…" shows a goal and its cascade; a root it cannot read says so', async () => {
    const el = await renderTree(stubAdapter(companyMethods()), { root: 'goal:d1' });
    expect(rowSummary(el).map((line) => line.split(' ')[0])).to.deep.equal(['goal:d1', 'keyResult:k2', 'goal:i2', 'goal:i1']);
    const bad = await renderTree(stubAdapter(companyMethods()), { root: 'd1' });
    expect(shadow(bad).querySelector('[data-state=error]')!.textContent).to.contain('use goal:<id>, org-unit:<id>, person:<id> or me');
  });

  it('renders in Chinese', async () => {
    const el = await renderTree(stubAdapter(companyMethods()), { locale: 'zh-CN' });
    expect(treeOf(el).getAttribute('aria-label')).to.equal('目标 · 2026 Q4');
    expect(row(el, 'strategy:')!.textContent).to.contain('未关联战略');
    const co1 = row(el, 'goal:co1')!.textContent!.replace(/\s+/g, ' ');
    expect(co1).to.contain('公司').and.contain('已批准').and.contain('信心 70%').and.contain('3天前更新进展').and.contain('有风险');
    expect(shadow(el).querySelector('label[for=search]')!.textContent).to.equal('搜索');
    await expect(el).to.be.accessible();
  });

  it('reloads on a change, keeping what is open, selected and focused', async () => {
    const data = company();
    const adapter = stubAdapter(companyMethods(data));
    const el = await renderTree(adapter);
    row(el, 'goal:co1')!.focus();
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    data.goals.push(goal('d3', 'co1', 'department', 'ana', 'Sales: partners'));
    adapter.emit({ type: 'records', kind: 'goal', ids: ['d3'], origin: 'remote' });
    await waitUntil(() => row(el, 'goal:d3'), 'new goal shown');
    expect(row(el, 'goal:co1')!.getAttribute('aria-expanded')).to.equal('true');
    expect(row(el, 'goal:co1')!.getAttribute('aria-selected')).to.equal('true');
    expect(focusedKey(el)).to.equal('goal:co1');
  });

  it('with 10,000 goals keeps a few hundred rows in the DOM, and End focuses the last', async function () {
    this.timeout(20_000);
    const goals = Array.from({ length: 10_000 }, (_, index) =>
      goal(`g${String(index).padStart(5, '0')}`, null, 'company', 'ana', `Goal ${String(index).padStart(5, '0')}`),
    );
    const adapter = stubAdapter({ ...companyMethods({ goals, keyResults: [] }), listStrategies: () => Promise.resolve([]) });
    const started = performance.now();
    const el = await renderTree(adapter);
    console.log(`goal tree: 10,000 goals loaded and first rows rendered in ${Math.round(performance.now() - started)} ms`);
    expect(rowElements(el).length).to.be.within(1, 499);
    rowElements(el).find((item) => item.tabIndex === 0)!.focus();
    await press(el, 'End');
    await waitUntil(() => focusedKey(el) === 'goal:g09999', 'last row focused', { timeout: 5000 });
    const last = shadow(el).activeElement!;
    expect([last.getAttribute('aria-posinset'), last.getAttribute('aria-setsize')]).to.deep.equal(['10000', '10000']);
    expect(rowElements(el).length).to.be.below(500);
    await press(el, 'Home');
    await waitUntil(() => focusedKey(el) === 'goal:g00000', 'first row focused', { timeout: 5000 });

    // Scrolling the page to row 5,000 brings the rows there into the DOM, and only a window of them.
    const first = rowElements(el)[0]!;
    const rowHeight = first.getBoundingClientRect().height;
    window.scrollTo(0, first.getBoundingClientRect().top + window.scrollY + 5000 * rowHeight);
    const inView = () => rowElements(el).find((item) => Math.abs(item.getBoundingClientRect().top) < rowHeight);
    await waitUntil(() => inView(), 'a row at the top of the viewport', { timeout: 5000 });
    expect(Number(inView()!.getAttribute('aria-posinset'))).to.be.within(5000, 5002);
    expect(rowElements(el).length).to.be.below(100);
    window.scrollTo(0, 0);
  });

  it('scrolls inside itself with --tandem-goal-tree-max-height, bringing the rows there into the DOM', async function () {
    this.timeout(20_000);
    const goals = Array.from({ length: 2_000 }, (_, index) =>
      goal(`g${String(index).padStart(4, '0')}`, null, 'company', 'ana', `Goal ${String(index).padStart(4, '0')}`),
    );
    const adapter = stubAdapter({ ...companyMethods({ goals, keyResults: [] }), listStrategies: () => Promise.resolve([]) });
    const el = await renderTree(adapter);
    el.style.setProperty('--tandem-goal-tree-max-height', '20rem');
    const scroller = shadow(el).querySelector<HTMLElement>('.scroll')!;
    await waitUntil(() => scroller.clientHeight < scroller.scrollHeight, 'the tree scrolls inside itself');
    // Nothing else updates the tree from here: only the scroll can bring the rows.
    await waitUntil(() => !shadow(el).querySelector('[data-pending]'), 'figures on screen');
    await aTimeout(100);
    const rowHeight = rowElements(el)[0]!.getBoundingClientRect().height;
    scroller.scrollTop = 1000 * rowHeight;
    const top = () => scroller.getBoundingClientRect().top;
    const atTop = () => rowElements(el).find((item) => Math.abs(item.getBoundingClientRect().top - top()) < rowHeight / 2);
    await waitUntil(() => atTop(), 'a row at the top of the scroller');
    expect(Number(atTop()!.getAttribute('aria-posinset'))).to.be.within(1000, 1002);
    expect(rowElements(el).length).to.be.below(60);
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    let fail = true;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const adapter = stubAdapter({
      ...companyMethods(),
      listCycles: async () => {
        await gate;
        if (fail) throw new NetworkError('offline');
        return cycles;
      },
    });
    const el = await fixture<TandemGoalTree>(html`<tandem-goal-tree .adapter=${adapter} .now=${NOW} locale="en"></tandem-goal-tree>`);
    expect(shadow(el).querySelector('[data-state=loading]')).to.exist;
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => shadow(el).querySelector('[data-state=error]'), 'error state');
    expect(shadow(el).querySelector('[data-state=error]')!.textContent).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('[data-state=error] button')!.click();
    await waitUntil(() => rowElements(el).length > 0, 'recovered after retry');
  });

  it('shows forbidden as its own state, and the empty states', async () => {
    const forbidden = await renderTree(stubAdapter({ listCycles: () => Promise.reject(new ForbiddenError('goal.view')) }));
    expect(shadow(forbidden).querySelector('[data-state=forbidden]')).to.exist;
    expect(shadow(forbidden).querySelector('[data-state=forbidden] button')).to.equal(null);
    await expect(forbidden).to.be.accessible();

    const empty = await renderTree(stubAdapter({ ...companyMethods({ goals: [], keyResults: [] }) }));
    expect(shadow(empty).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No goals in this cycle yet.');
    await expect(empty).to.be.accessible();

    const noCycles = await renderTree(stubAdapter({ ...companyMethods(), listCycles: () => Promise.resolve([]) }));
    expect(shadow(noCycles).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No goal cycle has been set up yet.');
  });
});
