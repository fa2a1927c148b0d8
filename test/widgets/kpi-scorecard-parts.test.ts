import { expect } from '@open-wc/testing';
import { formatter } from '../../src/i18n/format.js';
import { columnsWidth, fitColumns, KPI_SCORECARD_COLUMNS, parseColumns } from '../../src/widgets/kpi-scorecard/kpi-columns.js';
import { formatKpiAmount, formatShortDate, isCurrencyUnit } from '../../src/widgets/shared/kpi-format.js';
import { parseScope, scopeSlug } from '../../src/widgets/kpi-scorecard/kpi-scorecard-data.js';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklineGeometry } from '../../src/widgets/kpi-scorecard/kpi-sparkline.js';

const en = formatter('en');
const zh = formatter('zh-CN');

describe('KPI scorecard parts', () => {
  describe('scope', () => {
    it('parses the scope attribute', () => {
      expect(parseScope(undefined)).to.deep.equal({ kind: 'me' });
      expect(parseScope(' team ')).to.deep.equal({ kind: 'team' });
      expect(parseScope('person:p-1')).to.deep.equal({ kind: 'person', id: 'p-1' });
      expect(parseScope('org-unit:ou-2')).to.deep.equal({ kind: 'orgUnit', id: 'ou-2' });
      expect(parseScope('person:')).to.equal(null);
      expect(parseScope('goal:g-1')).to.equal(null);
    });

    it('makes a file-name-safe slug', () => {
      expect(scopeSlug({ kind: 'me' })).to.equal('me');
      expect(scopeSlug({ kind: 'orgUnit', id: 'ou-008' })).to.equal('org-unit-ou-008');
      expect(scopeSlug({ kind: 'person', id: '../x/y' })).to.equal('person-..-x-y');
    });
  });

  describe('columns', () => {
    it('reads the columns attribute in display order, always with the name', () => {
      expect(parseColumns(undefined)).to.deep.equal([...KPI_SCORECARD_COLUMNS]);
      expect(parseColumns('status, actual owner bogus')).to.deep.equal(['name', 'owner', 'actual', 'status']);
    });

    it('gives up score, weight, then source to fit, never the name, owner, actual, completion, status or actions', () => {
      const all = [...KPI_SCORECARD_COLUMNS];
      expect(fitColumns(all, columnsWidth(all))).to.deep.equal(all);
      const narrow = fitColumns(all, columnsWidth(all) - 1);
      expect(narrow).to.deep.equal(all.filter((column) => column !== 'score'));
      const narrowest = fitColumns(all, 10);
      expect(narrowest).to.deep.equal(['name', 'owner', 'actual', 'completion', 'status', 'actions']);
    });
  });

  describe('amounts', () => {
    it('formats percentages, currencies and other units in each language', () => {
      expect(formatKpiAmount(77.5, '%', en)).to.equal('77.5%');
      expect(formatKpiAmount(0.26, '%', en), 'a small rate keeps its hundredths').to.equal('0.26%');
      expect(formatKpiAmount(99.95, '%', zh), 'an uptime target is not rounded to 100').to.equal('99.95%');
      expect(formatKpiAmount(0.26, '%', en, 1), 'a projection: one decimal').to.equal('0.3%');
      expect(formatKpiAmount(3_000_000, 'CNY', en)).to.equal('CN¥3,000,000');
      expect(formatKpiAmount(3_000_000, 'CNY', zh)).to.equal('¥3,000,000');
      expect(formatKpiAmount(3.45, 'CNY', en), 'a unit cost keeps its cents').to.equal('CN¥3.45');
      expect(formatKpiAmount(7.25, 'defects', en)).to.equal('7.25 defects');
      expect(formatKpiAmount(7.25, 'defects', en, 1)).to.equal('7.3 defects');
      expect(formatKpiAmount(42, 'NPS', en)).to.equal('42 NPS');
      expect(formatKpiAmount(Number.NaN, '%', en)).to.equal('—');
    });

    it('knows currencies from Intl, not from the shape of the unit', () => {
      expect(isCurrencyUnit('USD')).to.equal(true);
      expect(isCurrencyUnit('MQL')).to.equal(false);
      expect(isCurrencyUnit('cny')).to.equal(false);
    });

    it('drops the year of a date in the same year', () => {
      expect(formatShortDate('2026-12-15', '2026-12-31', en)).to.equal('Dec 15');
      expect(formatShortDate('2026-12-15', '2026-12-31', zh)).to.equal('12月15日');
      expect(formatShortDate('2027-01-04', '2026-12-31', en)).to.equal('Jan 4, 2027');
    });
  });

  describe('sparkline', () => {
    it('spans the chart, with the target inside the vertical range', () => {
      const geometry = sparklineGeometry(
        [
          { at: '2026-10-01T00:00:00.000Z', value: 0 },
          { at: '2026-10-11T00:00:00.000Z', value: 50 },
        ],
        100,
      )!;
      expect(geometry.path).to.equal('M3,25L93,14');
      expect(geometry.last).to.deep.equal({ x: SPARKLINE_WIDTH - 3, y: 14 });
      expect(geometry.targetY).to.equal(3);
      expect(geometry.last.y).to.be.within(0, SPARKLINE_HEIGHT);
    });

    it('draws nothing without measurements, and a point for one', () => {
      expect(sparklineGeometry([], 10)).to.equal(null);
      const single = sparklineGeometry([{ at: '2026-10-01T00:00:00.000Z', value: 4 }], 4)!;
      expect(single.path).to.match(/^M3,/);
    });
  });
});
