import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/kpi-rollup/kpi-rollup.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import { ForbiddenError, NetworkError } from '../../src/data/errors.js';
import type { SeedPersonas } from '../../src/data/index.js';
import type { TandemCycleSelectEvent } from '../../src/events/cycle-select.js';
import type { TandemOrgUnitSelectEvent } from '../../src/events/org-unit-select.js';
import type { TandemPersonSelectEvent } from '../../src/events/person-select.js';
import { formatter } from '../../src/i18n/format.js';
import { KPI_STATUS_RANK } from '../../src/model/kpi.js';
import { rollUpOrgUnit, type KpiOrgUnitRollUp } from '../../src/model/kpi-rollup.js';
import { displayName } from '../../src/model/people.js';
import type { Cycle, Id, Kpi, OrgUnit, Person, Session } from '../../src/model/records.js';
import type { TandemKpiRollup } from '../../src/widgets/kpi-rollup/kpi-rollup.js';
import { seededMemoryStore } from '../support/seeded-memory-store.js';
import { stubAdapter } from '../support/stub-adapter.js';

/** The seeded company's "today": the seed and the widget measure from the same instant. */
const NOW = new Date('2026-11-23T09:00:00.000Z');
const en = formatter('en');

/** A fresh seeded company, signed in as a persona. */
const seededStore = (persona: keyof SeedPersonas) => seededMemoryStore(persona, { name: 'kpi-rollup', now: NOW });

/** The HR view of the company is only read: one store serves every test that does not write. */
let hrStore: ReturnType<typeof seededStore> | undefined;
const readOnlyHrStore = () => (hrStore ??= seededStore('hr'));

/** What the model makes of a unit, read straight from the store: the figures the widget must show. */
async function expectedRollUp(store: DataAdapter, unitId: Id, cycleId: Id): Promise<KpiOrgUnitRollUp> {
  const [units, kpis, people, cycle] = await Promise.all([
    store.listOrgUnits(),
    store.listKpis({ orgUnitId: unitId, cycleId }),
    store.listPeople(),
    store.getCycle(cycleId),
  ]);
  return rollUpOrgUnit(unitId, { units, kpis, owners: people, directMembers: people.filter((p) => p.orgUnitId === unitId) }, cycle, NOW);
}

const shadow = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const stats = (el: Element) =>
  [...shadow(el).querySelectorAll('.stat')].map((stat) => [text(stat.querySelector('dt')), text(stat.querySelector('dd'))]);
const heading = (el: Element) => shadow(el).querySelector('h2')!;
const table = (el: Element, name: string) => shadow(el).querySelector<HTMLTableElement>(`table[data-table=${name}]`);
const unitButton = (el: Element, id: Id) => shadow(el).querySelector<HTMLButtonElement>(`button[data-unit-id="${id}"]`)!;
const crumbs = (el: Element) => [...shadow(el).querySelectorAll('.crumbs li')].map((li) => text(li));
const activeInShadow = (el: Element) => shadow(el).activeElement;

async function renderRollUp(adapter: DataAdapter, attributes: { orgUnit?: Id; locale?: string } = {}): Promise<TandemKpiRollup> {
  const el = await fixture<TandemKpiRollup>(html`<tandem-kpi-rollup
    .adapter=${adapter}
    .now=${NOW}
    .orgUnit=${attributes.orgUnit}
    locale=${attributes.locale ?? 'en'}
  ></tandem-kpi-rollup>`);
  await waitUntil(() => shadow(el).querySelector('[data-state=empty], [data-state=error], [data-state=forbidden], .stats'), 'roll-up rendered', {
    timeout: 10_000,
  });
  await el.updateComplete;
  return el;
}

/** Waits for a reload to settle (the busy marker comes and goes). */
async function settled(el: TandemKpiRollup): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[aria-busy=false], [data-state]'), 'settled', { timeout: 10_000 });
  await el.updateComplete;
}

// ── Hand-written data: a company with one department, and an HR session ─────
const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };
const cycle: Cycle = { ...stamp, id: 'q4', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false };
const units: OrgUnit[] = [
  { ...stamp, id: 'co', name: '星河物流', kind: 'company', parentId: null, leaderId: null },
  { ...stamp, id: 'ops', name: 'Operations', kind: 'department', parentId: 'co', leaderId: null },
];
const hr: Person = { ...stamp, id: 'hr', name: '陈静', email: 'hr@example.com', title: 'HRBP', orgUnitId: 'co', managerId: null, roles: ['hr'] };
const session: Session = { person: hr, roles: hr.roles };
const methods = (): Partial<DataAdapter> => ({
  getSession: () => Promise.resolve(session),
  listCycles: () => Promise.resolve([cycle]),
  listOrgUnits: () => Promise.resolve(units),
  listKpis: () => Promise.resolve([]),
  listPeople: () => Promise.resolve([]),
});

/** A manual KPI from 0 to 100 whose actual is its completion in percent. */
const manualKpi = (id: string, ownerId: Id, actual: number, thresholds = { healthy: 0.9, watch: 0.7 }): Kpi => ({
  ...stamp,
  id,
  ownerId,
  cycleId: 'q4',
  name: id,
  source: 'manual',
  sourceId: null,
  start: 0,
  target: 100,
  actual,
  unit: '%',
  direction: 'increase',
  weight: 50,
  thresholds,
  category: 'process',
  history: [],
  targetChanges: [],
  archived: false,
});

describe('<tandem-kpi-rollup>', function () {
  // Seeding the demo company in memory takes a moment on a busy machine.
  this.timeout(30_000);

  describe('for HR, on the seeded company', () => {
    it('opens on the company, with the figures the model gives', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const expected = await expectedRollUp(store, 'ou-001', cycleId);
      const el = await renderRollUp(store);

      expect(el.orgUnit).to.equal(undefined, 'the default unit is not written back to the attribute');
      expect(text(heading(el))).to.equal('澜星科技 Lanxing Tech Company');
      expect(expected.total.count).to.be.greaterThan(100);
      expect(stats(el)).to.deep.equal([
        ['Average completion', en.percent(expected.total.averageCompletion!)],
        ['Average score', `${en.number(expected.averageScore!, 1)} Each person’s weighted KPI score, averaged over people.`],
        ['KPIs', en.number(expected.total.count, 0)],
        ['People with KPIs', en.number(expected.owners, 0)],
      ]);
      const legend = (mix: string) => [...shadow(el).querySelectorAll(`[data-mix=${mix}] .legend li`)].map(text);
      const share = (count: number) => en.percent(count / expected.total.count);
      const lines = ({ healthy, watch, unhealthy }: Record<'healthy' | 'watch' | 'unhealthy', number>) => [
        `Healthy: ${healthy} (${share(healthy)})`,
        `Watch: ${watch} (${share(watch)})`,
        `Unhealthy: ${unhealthy} (${share(unhealthy)})`,
      ];
      expect(legend('now')).to.deep.equal(lines(expected.total.statusCounts));
      expect(legend('forecast')).to.deep.equal(lines(expected.forecast.statusCounts));
      // Mid-cycle the forecast tells more than today's completion against the whole quarter's target.
      expect(expected.forecast.statusCounts.healthy).to.be.greaterThan(expected.total.statusCounts.healthy);
      // The spread chart counts every KPI, and says so in its table too.
      const binCounts = [...shadow(el).querySelectorAll('.spread tbody td')].map((cell) => Number(text(cell)));
      expect(binCounts.length).to.equal(12);
      expect(binCounts.reduce((sum, count) => sum + count, 0)).to.equal(expected.total.count);
      // HR sees everything: no note that the figures are partial.
      expect(shadow(el).querySelector('.note')).to.equal(null);
    });

    it('lists each department one level down with its count, completion, score, statuses and leader', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const expected = await expectedRollUp(store, 'ou-001', cycleId);
      const el = await renderRollUp(store);
      const rows = [...table(el, 'units')!.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('th, td.number')].map((cell) => text(cell)),
      );
      expect(rows).to.deep.equal(
        expected.children.map(({ unit, rollUp, averageScore }) => [
          `${unit.name} Department`,
          en.number(rollUp.count, 0),
          rollUp.averageCompletion === null ? '— No data' : en.percent(rollUp.averageCompletion),
          averageScore === null ? '— No data' : en.number(averageScore, 1),
          String(rollUp.statusCounts.healthy),
          String(rollUp.statusCounts.watch),
          String(rollUp.statusCounts.unhealthy),
        ]),
      );
      expect(rows.map((row) => row[0])).to.include('产品与研发中心 Department');
      // The departments' KPIs and the CEO's own add up to the company's.
      const sum = expected.children.reduce((total, child) => total + child.rollUp.count, 0);
      const direct = expected.members.reduce((total, member) => total + (member.plan?.count ?? 0), 0);
      expect(sum + direct).to.equal(expected.total.count);
      const leaders = [...table(el, 'units')!.querySelectorAll('tbody tr tandem-person-chip')];
      expect(leaders.length).to.equal(expected.children.length);
      await expect(el).to.be.accessible();
    });

    it('lists the KPIs needing attention worst first, none healthy, with the people behind them', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const expected = await expectedRollUp(store, 'ou-001', cycleId);
      const el = await renderRollUp(store);
      const rows = [...table(el, 'attention')!.querySelectorAll<HTMLElement>('tbody tr')];
      expect(rows.map((row) => row.dataset['kpiId'])).to.deep.equal(expected.attention.kpis.map((entry) => entry.kpi.id));
      expect(rows.length).to.equal(10);
      // Unhealthy before watch (each KPI judged by its own thresholds), lowest completion first within each.
      const order = expected.attention.kpis.map((entry) => [KPI_STATUS_RANK[entry.assessment.status], entry.assessment.completion] as const);
      expect(order).to.deep.equal([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
      expect(rows.every((row) => text(row.querySelector('.badge')) !== 'Healthy')).to.equal(true);
      const owners = [...table(el, 'owners')!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset['personId']);
      expect(owners).to.deep.equal(expected.attention.owners.map((owner) => owner.ownerId));
      expect(new Set(owners).size).to.equal(owners.length);
    });

    it('shows as many of the worst as `worst` asks', async () => {
      const { store } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      el.worst = 3;
      await waitUntil(() => table(el, 'attention')?.querySelectorAll('tbody tr').length === 3, 'three rows');
    });

    it('drills into a department by click and climbs back by the breadcrumb, announcing each move', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      const moves: [string, string][] = [];
      el.addEventListener('tandem-org-unit-select', (event: TandemOrgUnitSelectEvent) => {
        expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
        moves.push([event.orgUnitId, event.orgUnit.name]);
      });

      unitButton(el, 'ou-002').click();
      await waitUntil(() => text(heading(el)).startsWith('产品与研发中心'), 'department shown');
      await settled(el);
      expect(moves).to.deep.equal([['ou-002', '产品与研发中心']]);
      expect(el.orgUnit).to.equal('ou-002');
      expect(el.getAttribute('org-unit')).to.equal('ou-002');
      expect(activeInShadow(el)).to.equal(heading(el), 'focus follows to the new unit');
      expect(crumbs(el)).to.deep.equal(['澜星科技 Lanxing Tech', '产品与研发中心']);
      const expected = await expectedRollUp(store, 'ou-002', cycleId);
      expect(stats(el)[2]).to.deep.equal(['KPIs', en.number(expected.total.count, 0)]);
      expect([...table(el, 'units')!.querySelectorAll('tbody th')].map((cell) => text(cell))).to.deep.equal(
        expected.children.map((child) => `${child.unit.name} Team`),
      );
      // The department head sits in the department itself.
      expect(table(el, 'members')!.querySelectorAll('tbody tr').length).to.equal(1);

      shadow(el).querySelector<HTMLButtonElement>('.crumbs button')!.click();
      await waitUntil(() => text(heading(el)).startsWith('澜星科技'), 'company shown again');
      await settled(el);
      expect(moves[1]).to.deep.equal(['ou-001', '澜星科技 Lanxing Tech']);
      expect(activeInShadow(el)).to.equal(unitButton(el, 'ou-002'), 'focus returns to the unit just left');
    });

    it('drills down and back up from the keyboard alone', async () => {
      const { store } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      unitButton(el, 'ou-003').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(heading(el)).startsWith('销售部'), 'sales shown');
      await settled(el);
      expect(activeInShadow(el)).to.equal(heading(el));

      // From the heading, Shift+Tab reaches the breadcrumb's link to the company.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(text(activeInShadow(el))).to.equal('澜星科技 Lanxing Tech');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => text(heading(el)).startsWith('澜星科技'), 'company shown');
      await settled(el);
      expect(activeInShadow(el)).to.equal(unitButton(el, 'ou-003'));
    });

    it('stays put when the host cancels the move', async () => {
      const { store } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      el.addEventListener('tandem-org-unit-select', (event) => event.preventDefault());
      unitButton(el, 'ou-002').click();
      await aTimeout(50);
      expect(el.orgUnit).to.equal(undefined);
      expect(text(heading(el))).to.contain('澜星科技');
    });

    it('fires tandem-person-select with the person when an owner is selected', async () => {
      const { store } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      const owner = table(el, 'attention')!.querySelector<HTMLButtonElement>('tbody tr button[data-select-person]')!;
      const picked: { id: Id; person: Person; bubbles: boolean; composed: boolean }[] = [];
      document.addEventListener(
        'tandem-person-select',
        (event: TandemPersonSelectEvent) => picked.push({ id: event.personId, person: event.person, bubbles: event.bubbles, composed: event.composed }),
        { once: true },
      );
      owner.click();
      expect(picked.length).to.equal(1);
      expect(picked[0]!.id).to.equal(owner.dataset['selectPerson']);
      expect(picked[0]!.person.id).to.equal(picked[0]!.id);
      expect(picked[0]!.bubbles && picked[0]!.composed).to.equal(true);
    });

    it('exports each table as CSV: BOM, header in the reader’s language, one line per row', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const expected = await expectedRollUp(store, 'ou-001', cycleId);
      const el = await renderRollUp(store);
      const units = el.csv('units');
      expect(units.startsWith('\uFEFFUnit,Kind,Leader,KPIs,Average completion (%),Average score,Healthy,Watch,Unhealthy\r\n')).to.equal(true);
      const lines = units.slice(1).split('\r\n');
      expect(lines.length).to.equal(expected.children.length + 1);
      const first = expected.children[0]!;
      const leader = await store.getPerson(first.unit.leaderId!);
      expect(lines[1]).to.equal(
        [
          first.unit.name,
          'Department',
          displayName(leader, 'en').primary,
          first.rollUp.count,
          Math.round(first.rollUp.averageCompletion! * 1000) / 10,
          Math.round(first.averageScore! * 10) / 10,
          first.rollUp.statusCounts.healthy,
          first.rollUp.statusCounts.watch,
          first.rollUp.statusCounts.unhealthy,
        ].join(','),
      );
      const attention = el.csv('attention').slice(1).split('\r\n');
      expect(attention[0]).to.equal(
        'KPI,Owner,Completion (%),Status,Actual,Target,Unit of measure,Forecast completion (%),Forecast status',
      );
      expect(attention.length).to.equal(expected.attention.kpis.length + 1);
      expect(el.csv('owners').slice(1).split('\r\n').length).to.equal(expected.attention.owners.length + 1);
    });

    it('downloads the CSV from the export button', async () => {
      const { store } = await readOnlyHrStore();
      const el = await renderRollUp(store);
      const saved: { name: string; blob: Blob }[] = [];
      const blobs = new Map<string, Blob>();
      const createObjectURL = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ name: this.download, blob: blobs.get(this.href)! });
      };
      try {
        shadow(el).querySelector<HTMLButtonElement>('button[data-export=attention]')!.click();
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(saved.map((file) => file.name)).to.deep.equal(['澜星科技 Lanxing Tech 2026 Q4 Needs attention.csv']);
      expect(saved[0]!.blob.type).to.equal('text/csv;charset=utf-8');
      // Blob.text() would drop the byte order mark: read the bytes to see that the file has it.
      const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(el.csv('attention'));
    });

    it('renders in Chinese', async () => {
      const { store, cycleId } = await readOnlyHrStore();
      const expected = await expectedRollUp(store, 'ou-001', cycleId);
      const el = await renderRollUp(store, { locale: 'zh-CN' });
      const zh = formatter('zh-CN');
      expect(stats(el)[0]).to.deep.equal(['平均完成率', zh.percent(expected.total.averageCompletion!)]);
      expect(text(heading(el))).to.equal('澜星科技 Lanxing Tech 公司');
      expect([...shadow(el).querySelectorAll('h3')].map(text)).to.deep.equal(['状态', '下级单元', '澜星科技 Lanxing Tech成员', '需要关注', '相关责任人']);
      expect(el.csv('members').split('\r\n')[0]).to.equal('\uFEFF成员,职位,KPI 数,得分,健康,需关注,不健康');
      await expect(el).to.be.accessible();
    });
  });

  describe('for a team lead (李明)', () => {
    it('opens on the team he leads, with his people, and says the figures are his to see', async () => {
      const { store, personas, cycleId } = await seededStore('manager');
      const el = await renderRollUp(store);
      expect(text(heading(el))).to.equal('智能硬件组 Team');
      expect(crumbs(el)).to.deep.equal([], 'nothing above his home unit to climb to');
      expect(text(shadow(el).querySelector('.note'))).to.equal('Counts only the KPIs you may see.');
      expect(table(el, 'units')).to.equal(null);
      const members = [...table(el, 'members')!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset['personId']);
      expect(members).to.include(personas.manager);
      expect(members).to.include(personas.employee);
      const expected = await expectedRollUp(store, 'ou-008', cycleId);
      expect(stats(el)[2]).to.deep.equal(['KPIs', en.number(expected.total.count, 0)]);
      await expect(el).to.be.accessible();
    });

    it('follows a KPI’s new actual, and a check-in on a key result, without reloading the page', async () => {
      const { store, personas, cycleId } = await seededStore('manager');
      const el = await renderRollUp(store);
      const healthyCount = () => Number(/: (\d+)/.exec(text(shadow(el).querySelector('.legend li')))?.[1]);
      const averageShown = () => text(shadow(el).querySelector('.stat dd'));
      const before = healthyCount();

      // A report's measured KPI that needs attention, set to its target by hand.
      const flagged = (await expectedRollUp(store, 'ou-008', cycleId)).attention.kpis.map((entry) => entry.kpi);
      const measured = flagged.find((kpi) => kpi.source !== 'keyResult' && kpi.ownerId !== personas.manager);
      expect(measured, 'a KPI of a report the lead may update').to.not.equal(undefined);
      await store.updateKpi(measured!.id, measured!.version, { actual: measured!.target });
      await waitUntil(() => healthyCount() === before + 1, 'the KPI now counts as healthy');
      expect(table(el, 'attention')!.querySelector(`tr[data-kpi-id="${measured!.id}"]`)).to.equal(null);

      // A KPI born from a key result moves with a check-in on the key result.
      const fromKeyResult = (await store.listKpis({ orgUnitId: 'ou-008', cycleId })).find(
        (kpi) => kpi.source === 'keyResult' && kpi.sourceId !== null && kpi.actual !== kpi.target,
      );
      expect(fromKeyResult, 'a KPI born from a key result').to.not.equal(undefined);
      const keyResult = await store.getKeyResult(fromKeyResult!.sourceId!);
      const averageBefore = averageShown();
      await store.checkIn({ keyResultId: keyResult.id, keyResultVersion: keyResult.version, value: keyResult.target, confidence: 0.9 });
      expect((await store.getKpi(fromKeyResult!.id)).actual).to.equal(keyResult.target);
      const expectedAfter = await expectedRollUp(store, 'ou-008', cycleId);
      expect(en.percent(expectedAfter.total.averageCompletion!)).to.not.equal(averageBefore, 'the check-in moves the average');
      await waitUntil(() => averageShown() === en.percent(expectedAfter.total.averageCompletion!), 'average completion followed the check-in');
      expect(text(shadow(el).querySelectorAll('.stat dd')[2])).to.equal(en.number(expectedAfter.total.count, 0));
    });
  });

  describe('keeps its place', () => {
    it('stays on the unit drilled into when data changes', async () => {
      const { store, cycleId } = await seededStore('hr');
      const el = await renderRollUp(store);
      unitButton(el, 'ou-003').click();
      await waitUntil(() => text(heading(el)).startsWith('销售部'));
      await settled(el);
      const healthyCount = () => Number(/: (\d+)/.exec(text(shadow(el).querySelector('.legend li')))?.[1]);
      const before = healthyCount();
      // A KPI born from a key result follows check-ins only: take one measured by hand that is not healthy yet.
      const { attention } = await expectedRollUp(store, 'ou-003', cycleId);
      const kpi = attention.kpis.map((entry) => entry.kpi).find((candidate) => candidate.source !== 'keyResult');
      await store.updateKpi(kpi!.id, kpi!.version, { actual: kpi!.target });
      await waitUntil(() => healthyCount() === before + 1, 'the change reached the roll-up');
      expect(text(heading(el))).to.contain('销售部');
      expect(el.orgUnit).to.equal('ou-003');
      expect(crumbs(el)).to.deep.equal(['澜星科技 Lanxing Tech', '销售部']);
    });
  });

  describe('designed states', () => {
    it('shows loading while the first read is on its way', async () => {
      const el = await fixture<TandemKpiRollup>(
        html`<tandem-kpi-rollup .adapter=${stubAdapter({ ...methods(), listCycles: () => new Promise<Cycle[]>(() => {}) })}></tandem-kpi-rollup>`,
      );
      await waitUntil(() => shadow(el).querySelector('[data-state=loading]'));
      await expect(el).to.be.accessible();
    });

    it('says when a unit has no KPIs, keeping the way back up', async () => {
      const el = await renderRollUp(stubAdapter(methods()), { orgUnit: 'ops' });
      expect(text(shadow(el).querySelector('[data-state=empty]'))).to.equal('No KPIs in Operations for this cycle.');
      expect(crumbs(el)).to.deep.equal(['星河物流', 'Operations']);
      await expect(el).to.be.accessible();
    });

    it('names a unit that does not exist as not found', async () => {
      const el = await renderRollUp(stubAdapter(methods()), { orgUnit: 'gone' });
      expect(text(shadow(el).querySelector('[data-state=error]'))).to.contain('Organisation unit could not be found');
    });

    it('shows an error with a retry that recovers', async () => {
      let fail = true;
      const adapter = stubAdapter({ ...methods(), listKpis: () => (fail ? Promise.reject(new NetworkError('offline')) : Promise.resolve([])) });
      const el = await renderRollUp(adapter);
      expect(text(shadow(el).querySelector('[data-state=error]'))).to.contain('could not be reached');
      await expect(el).to.be.accessible();
      fail = false;
      shadow(el).querySelector<HTMLButtonElement>('[data-state=error] button')!.click();
      await waitUntil(() => shadow(el).querySelector('[data-state=empty]'), 'recovered');
    });

    it('shows forbidden as its own state, without a retry', async () => {
      const el = await renderRollUp(stubAdapter({ ...methods(), listKpis: () => Promise.reject(new ForbiddenError('kpi.view')) }));
      expect(shadow(el).querySelector('[data-state=forbidden]')).to.not.equal(null);
      expect(shadow(el).querySelector('[data-state=forbidden] button')).to.equal(null);
    });

    it('says when there are no cycles', async () => {
      const el = await renderRollUp(stubAdapter({ ...methods(), listCycles: () => Promise.resolve([]) }));
      expect(text(shadow(el).querySelector('[data-state=empty]'))).to.equal('No cycles yet.');
    });

    it('renders user text as text', async () => {
      const evil = '<img src=x onerror="window.kpiRollupHacked=true">';
      const owner: Person = { ...hr, id: 'o', name: evil, roles: ['employee'], orgUnitId: 'co' };
      const kpi: Kpi = {
        ...stamp,
        id: 'k',
        ownerId: 'o',
        cycleId: 'q4',
        name: `=HYPERLINK("x") ${evil}`,
        source: 'manual',
        sourceId: null,
        start: 0,
        target: 100,
        actual: 10,
        unit: evil,
        direction: 'increase',
        weight: 100,
        thresholds: { healthy: 0.9, watch: 0.7 },
        category: 'process',
        history: [],
        targetChanges: [],
        archived: false,
      };
      const el = await renderRollUp(
        stubAdapter({ ...methods(), listKpis: () => Promise.resolve([kpi]), listPeople: () => Promise.resolve([owner]) }),
      );
      await aTimeout(20);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect((window as { kpiRollupHacked?: boolean }).kpiRollupHacked).to.equal(undefined);
      expect(text(table(el, 'attention')!.querySelector('tbody th'))).to.equal(kpi.name);
      expect(el.csv('attention').split('\r\n')[1]!.startsWith(`"'=HYPERLINK(""x"")`)).to.equal(true);
    });
  });

  describe('needs attention', () => {
    it('lists an unhealthy KPI that lenient KPIs with lower completion would crowd out', async () => {
      // Ten KPIs at 30 %, healthy by lenient thresholds; one at 50 % of a strict target is not (mid-cycle or at its end).
      const owner: Person = { ...hr, id: 'o', name: 'Owner', roles: ['employee'], orgUnitId: 'ops' };
      const lenient = Array.from({ length: 10 }, (_, index) => manualKpi(`lenient-${index}`, 'o', 30, { healthy: 0.25, watch: 0.1 }));
      const strict = manualKpi('strict', 'o', 50, { healthy: 1, watch: 0.9 });
      const el = await renderRollUp(
        stubAdapter({ ...methods(), listKpis: () => Promise.resolve([...lenient, strict]), listPeople: () => Promise.resolve([owner]) }),
      );
      expect(text(shadow(el).querySelector('[data-mix=now] .legend'))).to.contain('Unhealthy: 1');
      // Texts, not elements: a failing comparison of elements is slow to report.
      expect(text(shadow(el).querySelector('.all-healthy'))).to.equal('');
      const rows = [...(table(el, 'attention')?.querySelectorAll<HTMLElement>('tbody tr') ?? [])];
      expect(rows.map((row) => [row.dataset['kpiId'], text(row.querySelector('.badge'))])).to.deep.equal([['strict', 'Unhealthy']]);
      const owners = [...(table(el, 'owners')?.querySelectorAll<HTMLElement>('tbody tr') ?? [])].map((row) => row.dataset['personId']);
      expect(owners).to.deep.equal(['o']);
    });
  });

  describe('a cycle that is over', () => {
    it('shows where its KPIs ended, without a forecast that would only repeat it', async () => {
      const owner: Person = { ...hr, id: 'o', name: 'Owner', roles: ['employee'], orgUnitId: 'ops' };
      const kpis = [manualKpi('a', 'o', 30, { healthy: 0.9, watch: 0.7 }), manualKpi('b', 'o', 95, { healthy: 0.9, watch: 0.7 })];
      const el = await renderRollUp(stubAdapter({ ...methods(), listKpis: () => Promise.resolve(kpis), listPeople: () => Promise.resolve([owner]) }));
      const mixLabels = () => [...shadow(el).querySelectorAll('.mix-label')].map((label) => text(label));
      const forecastHeader = () => [...(table(el, 'attention')?.querySelectorAll('thead th') ?? [])].map((header) => text(header)).includes('Forecast at cycle end');
      expect(mixLabels()).to.deep.equal(['Now', 'Forecast at cycle end']);
      expect(forecastHeader()).to.equal(true);
      el.now = new Date('2027-01-05T09:00:00.000Z');
      await waitUntil(() => mixLabels().join() === "At the cycle's end", 'the result shown');
      expect(forecastHeader()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('cycle picker', () => {
    const q3: Cycle = { ...cycle, id: 'q3', name: '2026 Q3', start: '2026-07-01', end: '2026-09-30', status: 'closed' };
    const cycleSelect = (el: Element) => shadow(el).querySelector<HTMLSelectElement>('select#cycle')!;
    const pick = (el: Element, cycleId: Id) => {
      const select = cycleSelect(el);
      select.value = cycleId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };

    it('puts the select back on the cycle shown when the host cancels the pick', async () => {
      const el = await renderRollUp(stubAdapter({ ...methods(), listCycles: () => Promise.resolve([q3, cycle]) }));
      expect(cycleSelect(el).value).to.equal('q4');
      const picked: Id[] = [];
      el.addEventListener('tandem-cycle-select', (event: TandemCycleSelectEvent) => {
        picked.push(event.cycleId);
        event.preventDefault();
      });
      pick(el, 'q3');
      await el.updateComplete;
      expect(picked).to.deep.equal(['q3']);
      expect(el.cycle).to.equal(undefined);
      expect(cycleSelect(el).value).to.equal('q4');
    });

    it('keeps the cycle picked while its figures load, and shows it', async () => {
      let release: () => void = () => {};
      const q3Pending = new Promise<void>((resolve) => (release = resolve));
      const el = await renderRollUp(
        stubAdapter({
          ...methods(),
          listCycles: () => Promise.resolve([q3, cycle]),
          listKpis: async (filter) => {
            if (filter.cycleId === 'q3') await q3Pending;
            return [];
          },
        }),
      );
      pick(el, 'q3');
      await el.updateComplete;
      expect(el.cycle).to.equal('q3');
      expect(cycleSelect(el).value).to.equal('q3', 'while loading');
      release();
      await waitUntil(() => text(shadow(el).querySelector('.head .muted')).includes('Jul'), 'q3 shown');
      await settled(el);
      expect(cycleSelect(el).value).to.equal('q3');
    });
  });

  describe('session', () => {
    it('follows a reloaded session of the same person with new roles', async () => {
      // An employee of Operations, then granted HR: the same person, other roles.
      const employee: Person = { ...hr, id: 'p', name: '王芳', orgUnitId: 'ops', roles: ['employee'] };
      let roles: Person['roles'] = ['employee'];
      const adapter = stubAdapter({ ...methods(), getSession: () => Promise.resolve({ person: { ...employee, roles }, roles }) });
      const el = await renderRollUp(adapter);
      expect(text(heading(el))).to.equal('Operations Department');
      expect(text(shadow(el).querySelector('.note'))).to.equal('Counts only the KPIs you may see.');

      roles = ['employee', 'hr'];
      adapter.emit({ type: 'session', origin: 'remote' });
      await waitUntil(() => text(heading(el)).startsWith('星河物流'), 'HR opens on the company', { timeout: 5_000 });
      await settled(el);
      expect(text(shadow(el).querySelector('.note'))).to.equal('', 'HR sees every KPI');
    });
  });
});
