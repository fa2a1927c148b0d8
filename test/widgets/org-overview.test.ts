import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/org-overview/org-overview.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import { ForbiddenError, NetworkError, NotFoundError } from '../../src/data/errors.js';
import type { Cycle, Goal, GoalStatus, OrgUnit, Person } from '../../src/model/records.js';
import type { TandemOrgOverview } from '../../src/widgets/org-overview/org-overview.js';
import { stubAdapter } from '../support/stub-adapter.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
const units: OrgUnit[] = [
  { ...stamp, id: 'co', name: '星河物流', kind: 'company', parentId: null, leaderId: 'ceo' },
  { ...stamp, id: 'sales', name: 'Sales', kind: 'department', parentId: 'co', leaderId: null },
];
const person = (id: string, name: string, orgUnitId: string): Person => ({
  ...stamp,
  id,
  name,
  email: `${id}@example.com`,
  title: 'Lead',
  orgUnitId,
  managerId: null,
  roles: ['employee'],
});
const people = [person('ceo', '陈静', 'co'), person('s1', 'Anna Berg', 'sales'), person('s2', 'Li Lei', 'sales')];
const cycles: Cycle[] = [
  { ...stamp, id: 'q3', name: '2026 Q3', start: '2026-07-01', end: '2026-09-30', status: 'closed', autoKpiFromKeyResults: false },
  { ...stamp, id: 'q4', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false },
];
const goal = (id: string, orgUnitId: string, status: GoalStatus, cycleId = 'q4'): Goal => ({
  ...stamp,
  id,
  cycleId,
  level: 'department',
  ownerId: 's1',
  orgUnitId,
  parentId: null,
  alignsTo: [],
  strategyIds: [],
  title: id,
  description: '',
  status,
  weight: 100,
  visibility: 'public',
  createdAt: stamp.updatedAt,
});
const goals = [goal('g1', 'co', 'approved'), goal('g2', 'sales', 'pending'), goal('g3', 'sales', 'approved'), goal('old', 'sales', 'approved', 'q3')];

function companyMethods(): Partial<DataAdapter> {
  return {
    listCycles: () => Promise.resolve(cycles),
    listOrgUnits: () => Promise.resolve(units),
    listPeople: () => Promise.resolve(people),
    listGoals: (query) => Promise.resolve(goals.filter((candidate) => candidate.cycleId === query.cycleId)),
    listStrategies: () => Promise.resolve([]),
  };
}

const companyAdapter = () => stubAdapter(companyMethods());

/** A promise the test settles when it chooses, to hold a load pending. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const shadow = (el: Element) => el.shadowRoot!;
const statValues = (el: Element) =>
  [...shadow(el).querySelectorAll('.stat')].map((stat) => [stat.querySelector('dt')!.textContent, stat.querySelector('dd')!.textContent]);

describe('<tandem-org-overview>', () => {
  it('shows the active cycle with head counts and goals rolled up the org tree', async () => {
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${companyAdapter()}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('table'), 'table rendered');
    expect(statValues(el)).to.deep.equal([
      ['People', '3'],
      ['Org units', '2'],
      ['Goals', '3'],
      ['Pending approval', '1'],
      ['Strategy pillars', '0'],
    ]);
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td.number')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).to.deep.equal([
      ['星河物流 Company', '3', '3'],
      ['Sales Department', '2', '2'],
    ]);
    expect(shadow(el).querySelector('select')!.value).to.equal('q4');
    await expect(el).to.be.accessible();
  });

  it('switches cycle from its selector, announcing it first', async () => {
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${companyAdapter()}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('select'));
    const picked: string[] = [];
    el.addEventListener('tandem-cycle-select', (event) => picked.push(event.cycleId));
    const select = shadow(el).querySelector('select')!;
    select.value = 'q3';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => statValues(el)[2]?.[1] === '1', 'q3 has one goal');
    expect(picked).to.deep.equal(['q3']);
    expect(el.cycle).to.equal('q3');
  });

  it('renders in Chinese, with Chinese number and date formats', async () => {
    const el = await fixture<TandemOrgOverview>(
      html`<tandem-org-overview locale="zh-CN" .adapter=${companyAdapter()}></tandem-org-overview>`,
    );
    await waitUntil(() => shadow(el).querySelector('table'));
    expect(statValues(el)[0]).to.deep.equal(['人数', '3']);
    expect(shadow(el).querySelector('.cycle-dates')!.textContent!.trim()).to.equal('2026年10月1日 至 2026年12月31日');
    expect(shadow(el).querySelector('option')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('2026 Q3 · 已关闭');
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    let fail = true;
    const flaky = stubAdapter({
      ...companyMethods(),
      listCycles: () => (fail ? Promise.reject(new NetworkError('offline')) : Promise.resolve(cycles)),
    });
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${flaky}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('[data-state=error]'), 'error state');
    expect(shadow(el).querySelector('[data-state=error]')!.textContent).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('[data-state=error] button')!.click();
    await waitUntil(() => shadow(el).querySelector('table'), 'recovered after retry');
  });

  it('shows forbidden as its own state, without a retry', async () => {
    const el = await fixture<TandemOrgOverview>(
      html`<tandem-org-overview .adapter=${stubAdapter({ listCycles: () => Promise.reject(new ForbiddenError('org.view')) })}></tandem-org-overview>`,
    );
    await waitUntil(() => shadow(el).querySelector('[data-state=forbidden]'));
    expect(shadow(el).querySelector('[data-state=forbidden] button')).to.equal(null);
  });

  it('shows the empty state when there are no org units', async () => {
    const el = await fixture<TandemOrgOverview>(
      html`<tandem-org-overview .adapter=${stubAdapter({ ...companyMethods(), listOrgUnits: () => Promise.resolve([]) })}></tandem-org-overview>`,
    );
    await waitUntil(() => shadow(el).querySelector('[data-state=empty]'));
    expect(shadow(el).querySelector('[data-state=empty]')!.textContent!.trim()).to.equal('No organisation units yet.');
  });

  it('reloads when the adapter announces goal changes', async () => {
    const adapter = companyAdapter();
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${adapter}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('table'));
    goals.push(goal('g-new', 'sales', 'pending'));
    adapter.emit({ type: 'records', kind: 'goal', ids: ['g-new'], origin: 'remote' });
    await waitUntil(() => statValues(el)[3]?.[1] === '2', 'pending count followed the change');
    goals.pop();
  });

  it('keeps the cycle selector, and its focus, while another cycle loads, marking the figures busy', async () => {
    const held = gate();
    const adapter = stubAdapter({
      ...companyMethods(),
      listGoals: async (query) => {
        if (query.cycleId === 'q3') await held.opened;
        return goals.filter((candidate) => candidate.cycleId === query.cycleId);
      },
    });
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${adapter}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('table'));
    const select = shadow(el).querySelector('select')!;
    select.focus();
    select.value = 'q3';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const section = () => shadow(el).querySelector('section');
    expect(Boolean(shadow(el).querySelector('[data-state=loading]')), 'loading state').to.equal(false);
    expect(select.isConnected).to.equal(true);
    expect(shadow(el).activeElement === select, 'the cycle select has focus').to.equal(true);
    expect(select.value).to.equal('q3');
    expect(section()?.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelector('.busy')?.textContent).to.contain('Updating');
    await expect(el).to.be.accessible();
    held.open();
    await waitUntil(() => statValues(el)[2]?.[1] === '1', 'q3 has one goal');
    expect(section()?.getAttribute('aria-busy')).to.equal('false');
    expect(Boolean(shadow(el).querySelector('.busy')), 'updating indicator').to.equal(false);
    expect(shadow(el).querySelector('select') === select, 'the same select').to.equal(true);
    expect(shadow(el).activeElement === select, 'the cycle select has focus').to.equal(true);
    expect(select.value).to.equal('q3');
  });

  it('keeps the figures, marked busy, while a change announced by the adapter reloads them', async () => {
    let held: ReturnType<typeof gate> | undefined;
    const adapter = stubAdapter({
      ...companyMethods(),
      listGoals: async (query) => {
        await held?.opened;
        return goals.filter((candidate) => candidate.cycleId === query.cycleId);
      },
    });
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${adapter}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('table'));
    const select = shadow(el).querySelector('select')!;
    select.focus();
    held = gate();
    adapter.emit({ type: 'records', kind: 'goal', ids: ['g1'], origin: 'remote' });
    await el.updateComplete;
    expect(shadow(el).querySelector('section')?.getAttribute('aria-busy')).to.equal('true');
    expect(statValues(el)[2]).to.deep.equal(['Goals', '3']);
    expect(shadow(el).activeElement === select, 'the cycle select has focus').to.equal(true);
    held.open();
    await waitUntil(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false', 'reloaded');
    expect(shadow(el).activeElement === select, 'the cycle select has focus').to.equal(true);
  });

  it('shows loading, not the old figures, while another root or another signed-in person loads', async () => {
    let held: ReturnType<typeof gate> | undefined;
    const adapter = stubAdapter({
      ...companyMethods(),
      getOrgSubtree: async (rootId) => {
        await held?.opened;
        return units.filter((unit) => unit.id === rootId);
      },
      listPeople: async (query) => {
        await held?.opened;
        return people.filter((candidate) => !query?.orgUnitId || candidate.orgUnitId === query.orgUnitId);
      },
    });
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${adapter}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('table'));

    held = gate();
    el.root = 'sales';
    await el.updateComplete;
    expect(Boolean(shadow(el).querySelector('[data-state=loading]')), 'loading state').to.equal(true);
    expect(Boolean(shadow(el).querySelector('.stats')), 'figures').to.equal(false);
    held.open();
    await waitUntil(() => statValues(el)[0]?.[1] === '2', 'the sales unit has two people');

    held = gate();
    adapter.emit({ type: 'session', origin: 'remote' });
    await el.updateComplete;
    expect(Boolean(shadow(el).querySelector('[data-state=loading]')), 'loading state').to.equal(true);
    expect(Boolean(shadow(el).querySelector('.stats')), 'figures').to.equal(false);
    held.open();
    await waitUntil(() => shadow(el).querySelector('table'), 'loaded for the new person');
  });

  it('puts the cycle selector back when the host cancels tandem-cycle-select', async () => {
    const el = await fixture<TandemOrgOverview>(html`<tandem-org-overview .adapter=${companyAdapter()}></tandem-org-overview>`);
    await waitUntil(() => shadow(el).querySelector('select'));
    const picked: string[] = [];
    el.addEventListener('tandem-cycle-select', (event) => {
      picked.push(event.cycleId);
      event.preventDefault();
    });
    const select = shadow(el).querySelector('select')!;
    select.value = 'q3';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(picked).to.deep.equal(['q3']);
    expect(el.cycle).to.equal(undefined);
    expect(select.value).to.equal('q4');
    expect(statValues(el)[2]).to.deep.equal(['Goals', '3']);
  });

  it('shows a not-found error with a retry for a cycle that does not exist, not "no cycles" and zeros', async () => {
    const el = await fixture<TandemOrgOverview>(
      html`<tandem-org-overview cycle="deleted" .adapter=${companyAdapter()}></tandem-org-overview>`,
    );
    await waitUntil(() => shadow(el).querySelector('[data-state=error]'), 'error state');
    const error = shadow(el).querySelector('[data-state=error]')!;
    expect(error.textContent).to.contain(new NotFoundError('cycle', 'deleted').localizedMessage('en'));
    expect(Boolean(error.querySelector('button')), 'retry button').to.equal(true);
    expect(Boolean(shadow(el).querySelector('.stats')), 'figures').to.equal(false);
    await expect(el).to.be.accessible();
  });
});
