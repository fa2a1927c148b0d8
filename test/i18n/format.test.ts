import { expect } from '@open-wc/testing';
import { formatter, matchLocale, translate, translateMessage, translator } from '../../src/i18n/index.js';

describe('translate', () => {
  it('returns the message in the requested language', () => {
    expect(translate('en', 'state.loading')).to.equal('Loading…');
    expect(translate('zh-CN', 'state.loading')).to.equal('加载中…');
  });

  it('fills in parameters, with English plurals', () => {
    const t = translator('en');
    expect(t('count.goals', { count: 1, formatted: '1' })).to.equal('1 goal');
    expect(t('count.goals', { count: 1200, formatted: '1,200' })).to.equal('1,200 goals');
    expect(translate('zh-CN', 'count.goals', { count: 3, formatted: '3' })).to.equal('3 个目标');
  });

  it('renders a deferred message in whichever language is current', () => {
    const message = { key: 'validation.tooLong', params: { max: 200 } } as const;
    expect(translateMessage('en', message)).to.equal('Use at most 200 characters.');
    expect(translateMessage('zh-CN', message)).to.equal('最多 200 个字符。');
    // Dates from the model's rules read as the reader's dates.
    const outside = { key: 'validation.dueOutsideCycle', params: { start: '2026-10-01', end: '2026-12-31' } } as const;
    expect(translateMessage('en', outside)).to.equal('Pick a date between Oct 1, 2026 and Dec 31, 2026.');
    expect(translateMessage('zh-CN', outside)).to.equal('请选择 2026年10月1日 至 2026年12月31日 之间的日期。');
  });
});

describe('matchLocale', () => {
  it('maps any Chinese or English tag to the supported locale', () => {
    expect(matchLocale('zh')).to.equal('zh-CN');
    expect(matchLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(matchLocale('zh_TW')).to.equal('zh-CN');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('EN')).to.equal('en');
  });

  it('returns undefined for other languages and empty tags', () => {
    expect(matchLocale('fr-FR')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
    expect(matchLocale(null)).to.equal(undefined);
  });
});

describe('formatter', () => {
  const en = formatter('en');
  const zh = formatter('zh-CN');

  it('formats numbers and percentages', () => {
    expect(en.number(1234.567)).to.equal('1,234.57');
    expect(en.number(1234.567, 0)).to.equal('1,235');
    expect(en.percent(0.825)).to.equal('83%');
    expect(en.percent(0.825, 1)).to.equal('82.5%');
    expect(zh.percent(0.5)).to.equal('50%');
  });

  it('never shows a minus on a zero (negative zero, or a small loss rounded away)', () => {
    // -0 comes out of arithmetic (Math.round(-0.004 * 100) / 100) and reached a KPI's trend as "from -0 sessions".
    expect([en.number(-0), en.number(-0.001), en.number(-0.4, 0), en.percent(-0.001), en.currency(-0.2, 'USD')]).to.deep.equal(['0', '0', '0', '0%', '$0']);
    expect([en.number(-1.5), en.percent(-0.25), zh.number(-3, 0)]).to.deep.equal(['-1.5', '-25%', '-3']);
  });

  it('formats currency in the given ISO code', () => {
    expect(en.currency(1200, 'USD')).to.equal('$1,200');
    expect(zh.currency(1200, 'CNY')).to.equal('¥1,200');
    // Cents where there are some, as many as the currency has and the caller allows; whole amounts stay whole.
    expect(en.currency(3.45, 'CNY', 2)).to.equal('CN¥3.45');
    expect(en.currency(12.5, 'USD', 2)).to.equal('$12.50');
    expect(en.currency(12.5, 'USD', 1)).to.equal('$12.5');
    expect(en.currency(3_000_000, 'CNY', 2)).to.equal('CN¥3,000,000');
    expect(en.currency(1234.5, 'JPY', 2)).to.equal('¥1,235');
    expect(en.currency(3.45, 'CNY')).to.equal('CN¥3');
  });

  it('formats calendar dates without shifting the day across time zones', () => {
    expect(en.date('2026-11-30')).to.equal('Nov 30, 2026');
    expect(zh.date('2026-11-30')).to.equal('2026年11月30日');
    expect(en.date('2026-01-01', 'short')).to.equal('1/1/26');
  });

  it('formats relative time in both languages', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(en.relativeTime('2026-11-20T12:00:00Z', now)).to.equal('3 days ago');
    expect(zh.relativeTime('2026-11-20T12:00:00Z', now)).to.equal('3天前');
    expect(en.relativeTime('2026-11-24T12:00:00Z', now)).to.equal('tomorrow');
    expect(en.relativeTime('2026-11-23T11:59:30Z', now)).to.equal('30 seconds ago');
    expect(en.relativeTime('2026-12-07T12:00:00Z', now)).to.equal('in 2 weeks');
    // The short form, for narrow cells.
    expect(en.relativeTime('2026-11-23T11:07:00Z', now, 'short')).to.equal('53 min. ago');
    expect(zh.relativeTime('2026-11-23T11:07:00Z', now, 'short')).to.equal('53分钟前');
  });

  it('shows a date it cannot read as given, instead of throwing', () => {
    const format = formatter('en');
    expect(format.date('2026-10-43T09:00:00.000Z')).to.equal('2026-10-43T09:00:00.000Z');
    expect(format.dateTime('not a date')).to.equal('not a date');
    expect(format.relativeTime('2026-13-01', new Date('2026-11-23T00:00:00Z'))).to.equal('2026-13-01');
    expect(formatter('zh-CN').date(new Date(Number.NaN))).to.equal('');
  });

  it('joins lists the way each language does', () => {
    expect(en.list(['Ann', 'Bo', 'Cy'])).to.equal('Ann, Bo, and Cy');
    expect(zh.list(['王芳', '李雷', '韩梅梅'])).to.equal('王芳、李雷和韩梅梅');
  });
});
