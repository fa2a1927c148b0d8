import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ForbiddenError, NetworkError } from '../../src/data/errors.js';
import type { TandemKpiExportEvent } from '../../src/events/kpi-export.js';
import type { TandemKpiSourceSelectEvent } from '../../src/events/kpi-source-select.js';
import { formatter } from '../../src/i18n/format.js';
import { assessKpi, KPI_STATUS_MESSAGE_KEYS, weightedKpiScore } from '../../src/model/kpi.js';
import { translate } from '../../src/i18n/locale.js';
import type { Kpi } from '../../src/model/records.js';
import type { TandemKpiScorecard } from '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { kpiTeamAdapter, TEAM_CYCLE } from '../support/kpi-team.js';
import { stubAdapter } from '../support/stub-adapter.js';
import {
  activeInShadow,
  expectFocus,
  cellOf,
  headerOf,
  kpiRows,
  NOW,
  renderCard,
  rowOf,
  seededStore,
  settled,
  shadow,
  sortButton,
  text,
  toolbarButton,
} from '../support/kpi-scorecard-fixture.js';

const en = formatter('en');
const rowIds = (el: Element) => kpiRows(el).map((row) => row.dataset['kpi']!);
const percentIn = (cell: Element | null) => Number(/(-?[\d.]+)%/.exec(text(cell))![1]);

/** The employee's view is only read: one store serves the tests that do not write. */
let employeeStore: ReturnType<typeof seededStore> | undefined;
const readOnlyEmployee = () => (employeeStore ??= seededStore('employee'));
let managerStore: ReturnType<typeof seededStore> | undefined;
const readOnlyManager = () => (managerStore ??= seededStore('manager'));

describe('<tandem-kpi-scorecard>', () => {

  describe('a person', () => {
    it('shows each KPI with completion, score, status in words, the trend said in words, and the weighted total', async () => {
      const { store, personas, cycleId } = await readOnlyEmployee();
      const el = await renderCard(store, 'me');
      const kpis = await store.listKpis({ ownerId: personas.employee, cycleId });
      const cycle = await store.getCycle(cycleId);
      expect(kpis.length).to.be.greaterThan(0);
      expect(rowIds(el).sort()).to.deep.equal(kpis.map((kpi) => kpi.id).sort());

      for (const kpi of kpis) {
        const row = rowOf(el, kpi.id)!;
        const assessment = assessKpi(kpi, cycle, NOW);
        expect(text(cellOf(row, 'status'))).to.equal(translate('en', KPI_STATUS_MESSAGE_KEYS[assessment.status]));
        expect(text(cellOf(row, 'completion'))).to.equal(en.percent(assessment.completion));
        expect(text(cellOf(row, 'score'))).to.equal(en.number(assessment.score, 1));
        // The chart is hidden from screen readers; the cell says the trend instead.
        const trend = cellOf(row, 'trend')!;
        expect(trend.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
        expect(trend.querySelector('svg path.trend-line')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+/);
        expect(text(trend.querySelector('.visually-hidden'))).to.match(/^(Rising|Falling|Flat|One measurement)/);
        expect(text(cellOf(row, 'forecast'))).to.contain(' now; at this pace ');
      }
      const score = weightedKpiScore(kpis)!;
      expect(text(shadow(el).querySelector('.summary'))).to.contain(`Weighted score ${en.number(score, 1)}`);
      // One person's scorecard has no owner column.
      expect(shadow(el).querySelector('[role=columnheader][data-column=owner]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('paints its rows first, and their trend charts and forecasts in the frame after', async () => {
      const { store } = await readOnlyEmployee();
      const el = await fixture<TandemKpiScorecard>(html`<tandem-kpi-scorecard .adapter=${store} .now=${NOW} scope="me" locale="en" style="width: 1800px"></tandem-kpi-scorecard>`);
      // Watched from the moment the rows go in, frame by frame.
      const frames: string[] = [];
      await waitUntil(() => kpiRows(el).length > 0, 'rows', { interval: 1, timeout: 15_000 });
      const first = kpiRows(el)[0]!;
      const filled = () => `${cellOf(first, 'trend')!.querySelector('svg') ? 'chart' : 'no chart'}, ${text(cellOf(first, 'forecast')) ? 'forecast' : 'no forecast'}`;
      frames.push(`${text(cellOf(first, 'status')) ? 'status' : 'no status'}, ${filled()}`);
      for (let frame = 0; frame < 3; frame += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        frames.push(filled());
      }
      expect(frames[0]).to.equal('status, no chart, no forecast');
      expect(frames.at(-1)).to.equal('chart, forecast');
      await expect(el).to.be.accessible();
    });

    it('describes a rising trend with its first and last value', async () => {
      const kpi: Kpi = {
        ...kpiTeamAdapter(1, 1).team.kpis[0]!,
        unit: '%',
        history: [
          { at: '2026-10-01T00:00:00.000Z', value: 40 },
          { at: '2026-10-15T00:00:00.000Z', value: 51 },
          { at: '2026-11-01T00:00:00.000Z', value: 62 },
        ],
        actual: 62,
      };
      const adapter = kpiTeamAdapter(1, 1);
      adapter.team.kpis.splice(0, 1, kpi);
      const el = await renderCard(adapter, 'team');
      expect(text(cellOf(rowOf(el, kpi.id), 'trend'))).to.equal('Rising from 40% to 62%');
    });

    it('refuses, with the rule’s reason, a person whose KPIs the session may not see', async () => {
      const { store, personas } = await seededStore('employee');
      const el = await renderCard(store, `person:${personas.manager}`);
      const state = shadow(el).querySelector('[data-state=forbidden]')!;
      expect(text(state)).to.contain('A KPI can be seen only by its owner, their managers and HR.');
      await expect(el).to.be.accessible();
    });
  });

  describe('a team', () => {
    it('lists the KPIs of everyone who reports to the manager, with an owner column', async () => {
      const { store, personas, cycleId } = await readOnlyManager();
      const el = await renderCard(store, 'team');
      const reports = await store.listReports(personas.manager, { recursive: true });
      const kpis = await store.listKpis({ ownerIds: reports.map((person) => person.id), cycleId });
      expect(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-rowcount')).to.equal(String(kpis.length + 1));
      expect(headerOf(el, 'owner')).to.exist;
      expect(cellOf(kpiRows(el)[0]!, 'owner')!.querySelector('[part=name]')!.textContent).to.not.equal('');
      expect(text(shadow(el).querySelector('.summary'))).to.contain(`${kpis.length} KPIs · ${reports.length} people`);
      await expect(el).to.be.accessible();
    });

    it('says so when nobody reports to the signed-in person', async () => {
      const { store } = await readOnlyEmployee();
      const el = await renderCard(store, 'team');
      expect(text(shadow(el).querySelector('[data-state=empty]'))).to.equal('Nobody reports to you, so there are no team KPIs to show.');
    });
  });

  describe('sorting', () => {
    it('sorts by a column on click, reverses on the second click, and marks the column with aria-sort', async () => {
      const { store } = await readOnlyManager();
      const el = await renderCard(store, 'team');
      const completions = () => kpiRows(el).map((row) => percentIn(cellOf(row, 'completion')));
      expect(headerOf(el, 'completion').hasAttribute('aria-sort')).to.equal(false);

      sortButton(el, 'completion').click();
      await settled(el);
      expect(headerOf(el, 'completion').getAttribute('aria-sort')).to.equal('ascending');
      const ascending = completions();
      expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));

      sortButton(el, 'completion').click();
      await settled(el);
      expect(headerOf(el, 'completion').getAttribute('aria-sort')).to.equal('descending');
      const descending = completions();
      expect(descending).to.deep.equal([...descending].sort((a, b) => b - a));
      expect(descending[0]).to.be.greaterThan(descending.at(-1)!);

      sortButton(el, 'name').click();
      await settled(el);
      expect(headerOf(el, 'completion').hasAttribute('aria-sort')).to.equal(false);
      expect(headerOf(el, 'name').getAttribute('aria-sort')).to.equal('ascending');
      const names = kpiRows(el).map((row) => text(row.querySelector('.kpi-name')));
      expect(names).to.deep.equal([...names].sort(new Intl.Collator('en').compare));
    });

    it('sorts stably: rows equal on the column keep a fixed order by name', async () => {
      const adapter = kpiTeamAdapter(20, 3);
      const el = await renderCard(adapter, 'team');
      sortButton(el, 'weight').click();
      await settled(el);
      // Every weight is equal: the order is the names', whatever the order before.
      const names = () => kpiRows(el).map((row) => text(row.querySelector('.kpi-name')));
      expect(names().slice(0, 5)).to.deep.equal(['KPI 0', 'KPI 1', 'KPI 10', 'KPI 11', 'KPI 12']);
      // Descending too: equal on the column, the rows stay in name order.
      sortButton(el, 'weight').click();
      await settled(el);
      expect(headerOf(el, 'weight').getAttribute('aria-sort')).to.equal('descending');
      expect(names().slice(0, 5)).to.deep.equal(['KPI 0', 'KPI 1', 'KPI 10', 'KPI 11', 'KPI 12']);
    });

    it('sorts from the keyboard with Enter and Space on a header', async () => {
      const { store } = await readOnlyManager();
      const el = await renderCard(store, 'team');
      sortButton(el, 'status').focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(headerOf(el, 'status').getAttribute('aria-sort')).to.equal('ascending');
      await sendKeys({ press: 'Space' });
      await settled(el);
      expect(headerOf(el, 'status').getAttribute('aria-sort')).to.equal('descending');
      expectFocus(el, sortButton(el, 'status'));
    });
  });

  describe('keyboard', () => {
    it('moves between cells with the arrows, Home, End and Ctrl+Home/End, holding one tab stop', async () => {
      const { store } = await readOnlyManager();
      const el = await renderCard(store, 'team');
      const grid = shadow(el).querySelector('[role=grid]')!;
      const tabStops = () => grid.querySelectorAll('[tabindex="0"]');
      expect(tabStops().length).to.equal(1);
      expect(tabStops()[0] === sortButton(el, 'name'), 'the first header holds the tab stop').to.equal(true);

      sortButton(el, 'name').focus();
      await sendKeys({ press: 'ArrowDown' });
      await settled(el);
      const first = kpiRows(el)[0]!;
      expectFocus(el, cellOf(first, 'name')!.querySelector('button'));

      await sendKeys({ press: 'ArrowRight' });
      await settled(el);
      expectFocus(el, cellOf(first, 'owner'));
      expect(tabStops().length).to.equal(1);
      expect(cellOf(first, 'owner')!.getAttribute('tabindex')).to.equal('0');

      await sendKeys({ press: 'End' });
      await settled(el);
      expect((activeInShadow(el) as HTMLElement).closest('[data-column]')!.getAttribute('data-column')).to.equal('actions');
      await sendKeys({ press: 'Home' });
      await settled(el);
      expectFocus(el, cellOf(first, 'name')!.querySelector('button'));

      await sendKeys({ press: 'ArrowDown' });
      await settled(el);
      expectFocus(el, cellOf(kpiRows(el)[1]!, 'name')!.querySelector('button'));
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await settled(el);
      expectFocus(el, sortButton(el, 'name'));

      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      await settled(el);
      const lastRow = (activeInShadow(el) as HTMLElement).closest('[role=row]')!;
      expect(lastRow.getAttribute('aria-rowindex')).to.equal(grid.getAttribute('aria-rowcount'));
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ up: 'Control' });
      await settled(el);
      expectFocus(el, sortButton(el, 'name'));
    });

    it('opens a KPI’s history with Enter on its name, and leaves it with the arrows', async () => {
      const { store, personas, cycleId } = await readOnlyEmployee();
      const el = await renderCard(store, 'me');
      const first = kpiRows(el)[0]!;
      const kpi = (await store.listKpis({ ownerId: personas.employee, cycleId })).find((candidate) => candidate.id === first.dataset['kpi'])!;
      const disclosure = cellOf(first, 'name')!.querySelector('button')!;
      disclosure.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
      const detail = shadow(el).querySelector(`[data-row-key="detail:${kpi.id}"]`)!;
      expect(detail.querySelectorAll('.history li').length).to.equal(Math.min(8, kpi.history.length));
      expect(text(detail)).to.contain('The target has not changed.');
      // A seeded plan was set on the quarter's second day: judged over the whole quarter.
      expect(text(detail)).to.contain('Judged over Oct 1, 2026 – Dec 31, 2026 Status');
      await sendKeys({ press: 'ArrowDown' });
      await settled(el);
      expectFocus(el, detail.querySelector('[role=gridcell]'));
      await sendKeys({ press: 'ArrowDown' });
      await settled(el);
      expectFocus(el, cellOf(kpiRows(el)[1]!, 'name')!.querySelector('button'));
      await expect(el).to.be.accessible();
    });

    it('PageDown moves a page of rows', async () => {
      const adapter = kpiTeamAdapter(50, 2);
      const el = await renderCard(adapter, 'team');
      cellOf(kpiRows(el)[0]!, 'name')!.querySelector('button')!.focus();
      await sendKeys({ press: 'PageDown' });
      await settled(el);
      const index = Number((activeInShadow(el) as HTMLElement).closest('[role=row]')!.getAttribute('aria-rowindex'));
      expect(index).to.be.greaterThan(4);
    });
  });

  describe('Space on a cell', () => {
    it('does nothing on a cell that is no control: the page does not scroll, focus stays', async () => {
      const adapter = kpiTeamAdapter(50, 2);
      const el = await renderCard(adapter, 'team');
      const owner = cellOf(kpiRows(el)[1]!, 'owner')!;
      owner.focus();
      const scrolled = window.scrollY;
      for (let press = 0; press < 2; press += 1) {
        const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true, cancelable: true });
        owner.dispatchEvent(space);
        expect(space.defaultPrevented, 'Space would scroll the page').to.equal(true);
      }
      await sendKeys({ press: 'Space' });
      await settled(el);
      expect(window.scrollY).to.equal(scrolled);
      expect(activeInShadow(el)).to.equal(owner);
    });
  });

  describe('5,000 KPIs', () => {
    it('keeps a few rows in the DOM, carries aria-rowindex, and reaches the last row from the keyboard', async () => {
      const adapter = kpiTeamAdapter(500, 10);
      const el = await renderCard(adapter, 'team');
      const grid = shadow(el).querySelector('[role=grid]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal('5001');
      expect(kpiRows(el).length).to.be.lessThan(80);
      expect(shadow(el).querySelectorAll('*').length).to.be.lessThan(3000);

      sortButton(el, 'name').focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => (activeInShadow(el) as HTMLElement | null)?.closest('[role=row]')?.getAttribute('aria-rowindex') === '5001', 'the last row focused');
      expect(kpiRows(el).length).to.be.lessThan(80);
      await expect(el).to.be.accessible();
    });

    it('scrolls to any row, past an open history panel of any height', async () => {
      window.scrollTo(0, 0);
      const adapter = kpiTeamAdapter(500, 10);
      const el = await renderCard(adapter, 'team');
      const rowAt = (index: number) => kpiRows(el).find((row) => row.getAttribute('aria-rowindex') === String(index));
      rowAt(3)!.querySelector<HTMLButtonElement>('.disclosure')!.click();
      await waitUntil(() => shadow(el).querySelector('.detail-row'), 'the history panel');
      await settled(el);
      const firstRow = rowAt(2)!.getBoundingClientRect();
      const panel = shadow(el).querySelector('.detail-row')!.getBoundingClientRect();
      // Grid row 302 (KPI 301, the panel being row 2) at the top of the viewport: aria-rowindex 303 with the header.
      window.scrollTo(0, window.scrollY + firstRow.top + 301 * firstRow.height + (panel.height - firstRow.height));
      const atTop = () => kpiRows(el).find((row) => Math.abs(row.getBoundingClientRect().top) < firstRow.height / 2);
      await waitUntil(() => atTop(), 'a row at the top of the viewport');
      expect(Number(atTop()!.getAttribute('aria-rowindex'))).to.be.within(302, 304);
      expect(kpiRows(el).length).to.be.lessThan(80);
      window.scrollTo(0, 0);
    });
  });

  describe('fitting its width', () => {
    const columnsShown = (el: TandemKpiScorecard) =>
      [...shadow(el).querySelectorAll<HTMLElement>('[role=columnheader]')].map((header) => header.dataset['column']);
    const frames = async (el: TandemKpiScorecard) => {
      for (let frame = 0; frame < 3; frame += 1) await new Promise(requestAnimationFrame);
      await settled(el);
    };

    it('gives up columns when narrowed and takes them back when widened, rendering only when the columns change', async () => {
      const el = await renderCard(kpiTeamAdapter(6, 2), 'team');
      await waitUntil(() => kpiRows(el).length > 0, 'the rows');
      await frames(el);
      const all = columnsShown(el);
      expect(all).to.include.members(['score', 'weight', 'source']);

      const view = el as unknown as { render(): unknown };
      const render = view.render.bind(el);
      let renders = 0;
      view.render = () => {
        renders += 1;
        return render();
      };
      // Narrower, every column still fits: nothing to render.
      el.style.width = '1790px';
      await frames(el);
      expect(renders, 'renders for a width that keeps the columns').to.equal(0);

      // Without "ResizeObserver loop completed with undelivered notifications" (the test fails on a page error).
      el.style.width = '700px';
      await frames(el);
      expect(renders).to.be.greaterThan(0);
      expect(columnsShown(el)).not.to.include('score');
      expect(columnsShown(el)).to.include.members(['name', 'status']);

      el.style.width = '1800px';
      await frames(el);
      expect(columnsShown(el)).to.deep.equal(all);
    });
  });

  describe('moving on the page', () => {
    it('shows its rows when content above shrinks and brings it into view, without a scroll', async () => {
      const adapter = kpiTeamAdapter(50, 4);
      const container = await fixture<HTMLElement>(html`<div>
        <div class="above" style="height: 4000px"></div>
        <tandem-kpi-scorecard .adapter=${adapter} .now=${NOW} scope="team" locale="en" style="width: 1800px"></tandem-kpi-scorecard>
      </div>`);
      const el = container.querySelector<TandemKpiScorecard>('tandem-kpi-scorecard')!;
      await waitUntil(() => shadow(el).querySelector('[role=grid]'), 'the grid', { timeout: 10_000 });
      await settled(el);
      container.querySelector<HTMLElement>('.above')!.style.height = '0';
      await waitUntil(() => kpiRows(el).length >= 8, 'the rows in view');
    });
  });

  describe('a cycle that is over', () => {
    it('shows each KPI\'s result at the end, not a forecast', async () => {
      const { store, personas, cycleId } = await readOnlyEmployee();
      const el = await renderCard(store, 'me');
      const cycle = await store.getCycle(cycleId);
      el.now = new Date(new Date(`${cycle.end}T00:00:00`).getTime() + 2 * 86_400_000);
      await settled(el);
      expect(text(headerOf(el, 'forecast'))).to.match(/^Result at /);
      const kpi = (await store.listKpis({ ownerId: personas.employee, cycleId })).find((candidate) => candidate.id === kpiRows(el)[0]!.dataset['kpi'])!;
      const spoken = text(cellOf(rowOf(el, kpi.id), 'forecast')!.querySelector('.visually-hidden'));
      expect(spoken).to.match(/^Ended at .+ on \w{3} \d+ \((Healthy|Watch|Unhealthy)\)\. Target (reached|missed)\.$/);
      expect(spoken).to.contain(`Ended at ${text(cellOf(rowOf(el, kpi.id), 'actual'))} on`);
    });
  });

  describe('export', () => {
    it('exports what is shown as CSV: BOM, sorted and filtered rows, neutralised formulas', async () => {
      const adapter = kpiTeamAdapter(3, 2);
      adapter.team.kpis[0] = { ...adapter.team.kpis[0]!, name: '=cmd|"/c calc"!A1' };
      const el = await renderCard(adapter, 'team', { columns: 'name owner target actual status' });
      sortButton(el, 'actual').click();
      await settled(el);
      const csv = el.toCsv();
      expect(csv.startsWith('\uFEFF')).to.equal(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0]).to.equal('KPI,Category,Owner,Target,Actual,Unit,Status');
      expect(lines.length).to.equal(7);
      const actuals = lines.slice(1).map((line) => Number(line.split(',').at(-3)));
      expect(actuals).to.deep.equal([...actuals].sort((a, b) => a - b));
      expect(csv).to.contain(`"'=cmd|""/c calc""!A1"`);
      expect(csv).not.to.match(/(^|,)=cmd/m);

      const search = shadow(el).querySelector<HTMLInputElement>('#kpi-search')!;
      search.value = 'Person 1';
      search.dispatchEvent(new Event('input'));
      await settled(el);
      expect(el.toCsv().slice(1).split('\r\n').length).to.equal(3);
    });

    it('exports the columns asked for, also those a narrow widget gives up to fit its width', async () => {
      const { store } = await readOnlyManager();
      const el = await renderCard(store, 'team', { width: '480px' });
      const columns = [...shadow(el).querySelectorAll('[role=columnheader]')].map((header) => header.getAttribute('data-column'));
      expect(columns, 'the grid gave them up').not.to.include.members(['target']);
      expect(columns).not.to.include('weight');
      const header = el.toCsv().slice(1).split('\r\n')[0]!.split(',');
      expect(header).to.include.members(['Target', 'Weight (%)', 'Score', 'Owner', 'Actual']);

      // A hidden widget measures 0 wide: the file is the same.
      el.style.display = 'none';
      await new Promise(requestAnimationFrame);
      await settled(el);
      expect(el.toCsv().slice(1).split('\r\n')[0]!.split(',')).to.deep.equal(header);
    });

    it('exports in Chinese, and fires a cancelable tandem-kpi-export with the file name', async () => {
      const { store, personas } = await readOnlyEmployee();
      const el = await renderCard(store, 'me', { locale: 'zh-CN' });
      const exports: TandemKpiExportEvent[] = [];
      el.addEventListener('tandem-kpi-export', (event) => {
        exports.push(event);
        event.preventDefault();
      });
      toolbarButton(el, 'export')!.click();
      expect(exports.length).to.equal(1);
      const [event] = exports;
      expect(event!.filename).to.equal('kpis-me-2026-11-23.csv');
      expect(event!.cancelable && event!.bubbles && event!.composed).to.equal(true);
      expect(event!.csv).to.equal(el.toCsv());
      const header = event!.csv.slice(1).split('\r\n')[0]!;
      expect(header.startsWith('KPI,类别,来源,权重（%）,目标值,实际值,单位,完成率（%）,得分,状态,趋势')).to.equal(true);
      expect(event!.csv).to.contain('不健康');
      expect(personas.employee).to.be.a('string');
      await settled(el);
      expect(text(shadow(el).querySelector('.announcement')), 'a cancelled export says nothing').to.equal('');
    });

    it('says what it exported, as the file downloads', async () => {
      const { store } = await readOnlyEmployee();
      const el = await renderCard(store, 'me', { locale: 'zh-CN' });
      const downloaded: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloaded.push(this.download);
      };
      try {
        toolbarButton(el, 'export')!.click();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloaded).to.deep.equal(['kpis-me-2026-11-23.csv']);
      const rows = el.toCsv().slice(1).split('\r\n').length - 1;
      await waitUntil(() => text(shadow(el).querySelector('.announcement')) !== '', 'announced');
      expect(text(shadow(el).querySelector('.announcement'))).to.equal(`已将 ${rows} 项 KPI 导出到 kpis-me-2026-11-23.csv。`);
    });
  });

  describe('filters', () => {
    const search = (el: Element) => shadow(el).querySelector<HTMLInputElement>('#kpi-search')!;
    const clearButton = (el: Element) =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((button) => text(button) === 'Clear filters');
    const filterBy = async (el: TandemKpiScorecard, value: string) => {
      search(el).value = value;
      search(el).dispatchEvent(new Event('input'));
      await settled(el);
    };

    it('moves focus to the search field when Clear filters, pressed from the keyboard, goes away', async () => {
      const adapter = kpiTeamAdapter(3, 2);
      const el = await renderCard(adapter, 'team');
      // Some rows match: the button sits in the summary.
      await filterBy(el, 'Person 1');
      clearButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(clearButton(el)).to.equal(undefined);
      expect(search(el).value).to.equal('');
      expectFocus(el, search(el));
      expect(kpiRows(el).length).to.equal(6);

      // Nothing matches: the button sits in the empty state.
      await filterBy(el, 'nothing like this');
      expect(shadow(el).querySelector('[data-state=empty]')).to.exist;
      // One live message says so, not two at once.
      const spoken = [...shadow(el).querySelectorAll('[role=status]')].map((region) => text(region)).filter(Boolean);
      expect(spoken).to.deep.equal(['No KPIs match the search and filter. Clear filters']);
      clearButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expectFocus(el, search(el));
      expect(kpiRows(el).length).to.equal(6);
    });
  });

  describe('sources', () => {
    it('links a key-result KPI back to its goal with tandem-kpi-source-select', async () => {
      const { store, personas, cycleId } = await seededStore('hr');
      const kpis = await store.listKpis({ ownerId: personas.hr, cycleId });
      const fromKeyResult = kpis.find((kpi) => kpi.source === 'keyResult')!;
      const keyResult = await store.getKeyResult(fromKeyResult.sourceId!);
      const el = await renderCard(store, 'me');
      const events: TandemKpiSourceSelectEvent[] = [];
      el.addEventListener('tandem-kpi-source-select', (event) => events.push(event));
      const link = cellOf(rowOf(el, fromKeyResult.id), 'source')!.querySelector('button')!;
      link.focus();
      await sendKeys({ press: 'Enter' });
      expect(events.length).to.equal(1);
      expect(events[0]!.source).to.equal('keyResult');
      expect(events[0]!.sourceId).to.equal(keyResult.id);
      expect(events[0]!.goal?.id).to.equal(keyResult.goalId);
      expect(events[0]!.kpi.id).to.equal(fromKeyResult.id);
    });
  });

  describe('permissions', () => {
    it('offers an employee no plan actions, and no edit on a KPI that follows a key result', async () => {
      const { store, personas, cycleId } = await seededStore('hr');
      const el = await renderCard(store, 'me');
      // HR sets others' plans, not their own: no plan actions on their own scorecard.
      expect(toolbarButton(el, 'add')).to.equal(null);
      expect(toolbarButton(el, 'profile')).to.equal(null);
      const kpis = await store.listKpis({ ownerId: personas.hr, cycleId });
      for (const kpi of kpis) {
        const edit = cellOf(rowOf(el, kpi.id), 'actions')?.querySelector('button');
        expect(Boolean(edit), kpi.name).to.equal(kpi.source !== 'keyResult');
      }
      const followed = kpis.find((kpi) => kpi.source === 'keyResult')!;
      cellOf(rowOf(el, followed.id), 'name')!.querySelector('button')!.click();
      await settled(el);
      expect(text(shadow(el).querySelector(`[data-row-key="detail:${followed.id}"]`))).to.contain(
        'Actual: This KPI follows a key result: record progress with a check-in on that key result.',
      );
    });

    it('shows the employee their own KPIs without plan actions', async () => {
      const { store } = await readOnlyEmployee();
      const el = await renderCard(store, 'me');
      expect(toolbarButton(el, 'add')).to.equal(null);
      expect(toolbarButton(el, 'profile')).to.equal(null);
      expect(shadow(el).querySelector('.cycle-setting')).to.equal(null);
    });
  });

  describe('language', () => {
    it('renders in Chinese', async () => {
      const { store } = await readOnlyEmployee();
      const el = await renderCard(store, 'me', { locale: 'zh-CN' });
      const headers = [...shadow(el).querySelectorAll('[role=columnheader]')].map((header) => text(header));
      expect(headers).to.deep.equal(['KPI', '来源', '权重', '目标值', '实际值', '完成率', '得分', '状态', '趋势', '12月31日预测', '操作']);
      expect(text(shadow(el).querySelector('.summary'))).to.match(/^加权得分 [\d.]+ \d+ 项 KPI/);
      expect(text(cellOf(kpiRows(el)[0]!, 'trend'))).to.match(/^从 .+ (升至|降至) .+$/);
      expect(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-label')).to.equal('我的 KPI · 2026 Q4');
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow widths', () => {
    it('gives up the score and weight columns first, and says so', async () => {
      const { store } = await readOnlyManager();
      const el = await renderCard(store, 'team', { width: '1100px' });
      const columns = [...shadow(el).querySelectorAll('[role=columnheader]')].map((header) => header.getAttribute('data-column'));
      expect(columns).not.to.include('score');
      expect(columns).to.include.members(['name', 'owner', 'actual', 'completion', 'status', 'actions']);
      expect(text(shadow(el).querySelector('.fit-note'))).to.match(/^Hidden to fit the width: .*Score/);
      expect(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-colcount')).to.equal(String(columns.length));
    });
  });

  describe('states', () => {
    it('shows loading while the first read is on its way', async () => {
      const adapter = stubAdapter({
        getSession: () => Promise.resolve(kpiTeamAdapter(1, 1).team.manager).then((person) => ({ person, roles: person.roles })),
        listCycles: () => new Promise(() => {}),
      });
      const el = await fixture<TandemKpiScorecard>(html`<tandem-kpi-scorecard .adapter=${adapter} scope="team"></tandem-kpi-scorecard>`);
      await waitUntil(() => shadow(el).querySelector('[data-state=loading]'), 'loading');
      await expect(el).to.be.accessible();
    });

    it('shows loading, not the previous scope\'s KPIs, while another scope loads', async () => {
      const adapter = kpiTeamAdapter(3, 2);
      const el = await renderCard(adapter, 'team');
      expect(kpiRows(el).length).to.be.greaterThan(0);
      const report = adapter.team.reports[0]!;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const all = adapter.team.kpis;
      adapter.listKpis = async () => {
        await held;
        return all.filter((kpi) => kpi.ownerId === report.id);
      };
      adapter.getPerson = (id) => Promise.resolve(adapter.team.reports.find((person) => person.id === id)!);
      el.scope = `person:${report.id}`;
      await el.updateComplete;
      expect(shadow(el).querySelector('[data-state=loading]')).not.to.equal(null);
      expect(kpiRows(el)).to.have.length(0);
      release();
      await waitUntil(() => kpiRows(el).length > 0, "the report's KPIs");
      expect(rowIds(el).every((id) => all.find((kpi) => kpi.id === id)?.ownerId === report.id)).to.equal(true);
    });

    it('shows an empty team with where KPIs come from, and the manager the actions that fill the plan', async () => {
      const adapter = kpiTeamAdapter(2, 0);
      const el = await renderCard(adapter, 'team');
      const empty = shadow(el).querySelector('[data-state=empty]')!;
      expect(text(empty)).to.contain(`Nobody here has KPIs in ${TEAM_CYCLE.name} yet.`);
      expect(text(empty)).to.contain('KPIs come from key results or a job profile, or are set by a manager.');
      expect([toolbarButton(el, 'add'), toolbarButton(el, 'profile')].map((button) => text(button))).to.deep.equal(['Add from key results', 'Apply job profile']);
      // Nothing to search or export yet.
      expect(toolbarButton(el, 'export')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that loads again', async () => {
      let fail = true;
      const team = kpiTeamAdapter(2, 2);
      const listCycles = team.listCycles.bind(team);
      const adapter = Object.assign(team, {
        listCycles: () => (fail ? Promise.reject(new NetworkError('offline')) : listCycles()),
      });
      const el = await renderCard(adapter, 'team');
      const state = shadow(el).querySelector('[data-state=error]')!;
      expect(text(state)).to.contain('The server could not be reached.');
      await expect(el).to.be.accessible();
      fail = false;
      state.querySelector('button')!.click();
      await waitUntil(() => kpiRows(el).length === 4, 'rows after the retry');
    });

    it('shows the forbidden state when the adapter refuses', async () => {
      const team = kpiTeamAdapter(2, 2);
      const adapter = Object.assign(team, { listKpis: () => Promise.reject(new ForbiddenError('kpi.list')) });
      const el = await renderCard(adapter, 'team');
      expect(shadow(el).querySelector('[data-state=forbidden]')).to.exist;
    });

    it('names a scope it does not know', async () => {
      const adapter = kpiTeamAdapter(1, 1);
      const el = await renderCard(adapter, 'department:x');
      expect(text(shadow(el).querySelector('[data-state=error]'))).to.contain('“department:x” is not a scope the scorecard knows.');
    });
  });

  describe('reloads', () => {
    it('reloads on a change notification, keeping the sort and the focused cell', async () => {
      const adapter = kpiTeamAdapter(4, 3);
      const el = await renderCard(adapter, 'team');
      sortButton(el, 'actual').click();
      await settled(el);
      const row = kpiRows(el)[2]!;
      const id = row.dataset['kpi']!;
      cellOf(row, 'actual')!.focus();
      const index = adapter.team.kpis.findIndex((kpi) => kpi.id === id);
      adapter.team.kpis[index] = { ...adapter.team.kpis[index]!, actual: 1000, version: 2 };
      adapter.emit({ type: 'records', kind: 'kpi', ids: [id], origin: 'remote' });
      await waitUntil(() => text(cellOf(rowOf(el, id), 'actual')) === '1,000 pts', 'the new actual');
      await settled(el);
      expect(headerOf(el, 'actual').getAttribute('aria-sort')).to.equal('ascending');
      expect(rowIds(el).at(-1)).to.equal(id);
      expectFocus(el, cellOf(rowOf(el, id), 'actual'));
    });

    it('reads again when put back on the page, for the changes it could not hear while away', async () => {
      const adapter = kpiTeamAdapter(4, 3);
      const el = await renderCard(adapter, 'team');
      const parent = el.parentElement!;
      const id = kpiRows(el)[0]!.dataset['kpi']!;
      el.remove();
      const index = adapter.team.kpis.findIndex((kpi) => kpi.id === id);
      adapter.team.kpis[index] = { ...adapter.team.kpis[index]!, actual: 1000, version: 2 };
      adapter.emit({ type: 'records', kind: 'kpi', ids: [id], origin: 'remote' });
      expect(text(cellOf(rowOf(el, id), 'actual'))).not.to.equal('1,000 pts');
      parent.append(el);
      await waitUntil(() => text(cellOf(rowOf(el, id), 'actual')) === '1,000 pts', 'the actual changed while away');
    });
  });
});

describe('<tandem-kpi-scorecard> when someone else signs in', () => {

  it('never shows the previous person’s KPIs while the new person’s load', async () => {
    const { store, personas, cycleId } = await seededStore('employee');
    const el = await renderCard(store, 'me');
    const employeeKpis = new Set((await store.listKpis({ ownerId: personas.employee, cycleId })).map((kpi) => kpi.id));
    expect(rowIds(el).some((id) => employeeKpis.has(id))).to.equal(true);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(...rowIds(el)));
    observer.observe(shadow(el), { subtree: true, childList: true, attributes: true });
    await store.signIn(personas.manager);
    const managerKpis = new Set((await store.listKpis({ ownerId: personas.manager, cycleId })).map((kpi) => kpi.id));
    await waitUntil(() => rowIds(el).length > 0 && rowIds(el).every((id) => managerKpis.has(id)), 'the manager’s KPIs', { timeout: 10_000 });
    observer.disconnect();
    const stale = seen.filter((id) => employeeKpis.has(id));
    expect(stale, 'employee KPI rows rendered after the manager signed in').to.deep.equal([]);
  });
});
