import { expect } from '@open-wc/testing';
import { SeededRandom } from '../../../src/data/seed/random.js';
import { isoWeekOf, quarterContaining, toIsoDate, toIsoDateTime } from '../../../src/data/seed/calendar.js';
import { apportion, fillTemplate, formatMoney, groupDigits, roundToStep, splitHundred } from '../../../src/data/seed/text.js';

describe('SeededRandom', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).not.to.deep.equal(draw(43));
  });

  it('draws uniformly enough: floats in [0, 1) with a mean near ½, ints inside their bounds', () => {
    const random = new SeededRandom(1);
    let sum = 0;
    for (let index = 0; index < 20_000; index += 1) {
      const value = random.next();
      expect(value >= 0 && value < 1).to.equal(true);
      sum += value;
    }
    expect(sum / 20_000).to.be.closeTo(0.5, 0.01);
    const seen = new Set<number>();
    for (let index = 0; index < 2000; index += 1) seen.add(random.int(3, 7));
    expect([...seen].sort()).to.deep.equal([3, 4, 5, 6, 7]);
  });

  it('picks by weight, shuffles into a permutation and samples distinct items', () => {
    const random = new SeededRandom('weights');
    let heavy = 0;
    for (let index = 0; index < 10_000; index += 1) if (random.pickWeighted([['light', 1], ['heavy', 3]] as const) === 'heavy') heavy += 1;
    expect(heavy / 10_000).to.be.closeTo(0.75, 0.02);
    const items = Array.from({ length: 20 }, (_, index) => index);
    const shuffled = random.shuffle(items);
    expect(shuffled).not.to.deep.equal(items);
    expect([...shuffled].sort((a, b) => a - b)).to.deep.equal(items);
    const sample = random.sample(items, 5);
    expect(new Set(sample).size).to.equal(5);
    expect(() => random.pick([])).to.throw(RangeError);
  });

  it('keeps normal-ish values bounded around their mean', () => {
    const random = new SeededRandom(9);
    const values = Array.from({ length: 10_000 }, () => random.normal(10, 2));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).to.be.closeTo(10, 0.1);
    expect(Math.min(...values)).to.be.greaterThan(10 - 3.5 * 2);
    expect(Math.max(...values)).to.be.lessThan(10 + 3.5 * 2);
  });

  it('forks streams that depend on the label and the seed, not on draws already made', () => {
    const used = new SeededRandom(5);
    used.next();
    used.next();
    expect(used.fork('goals').nextUint32()).to.equal(new SeededRandom(5).fork('goals').nextUint32());
    expect(new SeededRandom(5).fork('goals').nextUint32()).not.to.equal(new SeededRandom(5).fork('people').nextUint32());
  });
});

describe('seed text and calendar helpers', () => {
  it('splits 100 exactly among any number of siblings', () => {
    expect(splitHundred([3, 3, 4])).to.deep.equal([30, 30, 40]);
    expect(splitHundred([1])).to.deep.equal([100]);
    for (const count of [2, 5, 6, 37, 100, 101, 777]) {
      const weights = splitHundred(Array.from({ length: count }, (_, index) => 1 + (index % 3)));
      expect(Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 100), String(count)).to.be.lessThan(1e-6);
      expect(Math.min(...weights)).to.be.greaterThan(0);
    }
    expect(apportion(10, [1, 1, 1], 2)).to.deep.equal([3, 3, 4]);
    expect(apportion(7, [0, 5, 2])).to.deep.equal([0, 5, 2]);
  });

  it('formats timestamps exactly as Date#toISOString does', () => {
    for (const ms of [0, 1, 999, 86_399_999, Date.UTC(2026, 1, 28, 23, 59, 59, 999), Date.UTC(2028, 1, 29, 12), 1_800_000_000_123.7]) {
      expect(toIsoDateTime(ms)).to.equal(new Date(Math.floor(ms)).toISOString());
      expect(toIsoDate(ms)).to.equal(new Date(ms).toISOString().slice(0, 10));
    }
  });

  it('names ISO weeks by their Thursday and quarters by their months', () => {
    expect(isoWeekOf(Date.UTC(2026, 0, 1))).to.equal('2026-W01');
    expect(isoWeekOf(Date.UTC(2027, 0, 1))).to.equal('2026-W53');
    expect(isoWeekOf(Date.UTC(2024, 11, 30))).to.equal('2025-W01');
    expect(isoWeekOf(Date.UTC(2026, 2, 2, 9))).to.equal('2026-W10');
    const quarter = quarterContaining(Date.UTC(2026, 10, 23));
    expect([quarter.year, quarter.quarter, toIsoDate(quarter.startMs), toIsoDate(quarter.endMs)]).to.deep.equal([2026, 4, '2026-10-01', '2026-12-31']);
  });

  it('writes numbers, money and templates as people read them', () => {
    expect(groupDigits(1234567.5, 1)).to.equal('1,234,567.5');
    expect(groupDigits(300, 0)).to.equal('300');
    expect(groupDigits(0.35, 2)).to.equal('0.35');
    expect(roundToStep(0.1 + 0.2, 0.1)).to.equal(0.3);
    expect(roundToStep(12.345, 0.05)).to.equal(12.35);
    expect(formatMoney(12_500_000, 'CNY', 'zh')).to.equal('1,250 万元');
    expect(formatMoney(450_000_000, 'CNY', 'zh')).to.equal('4.5 亿元');
    expect(formatMoney(12_500_000, 'USD', 'en')).to.equal('USD 12.5M');
    expect(fillTemplate('将{region}次日达覆盖率提升至 {target}', { region: '华东区' }, { target: '95%' })).to.equal('将华东区次日达覆盖率提升至 95%');
    expect(fillTemplate('{missing} stays', {})).to.equal('{missing} stays');
    // Chinese joins: a space between Chinese and Latin or digits, none between two Chinese characters.
    const chinese = fillTemplate('提升{product}硬件良率，从 {start} 降至 {target}', { product: '星环手表 S3' }, { start: '273 元', target: '247 元' }, true);
    expect(chinese).to.equal('提升星环手表 S3 硬件良率，从 273 元降至 247 元');
  });
});
