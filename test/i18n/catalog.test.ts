import { expect } from '@open-wc/testing';
import { catalogFor, en, LOCALES, translate, zhCN, type Catalog, type Locale } from '../../src/i18n/index.js';

const whole: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

describe('message catalogs', () => {
  it('have the same keys in every locale', () => {
    const [first, ...others] = LOCALES.map((locale) => ({ locale, keys: Object.keys(whole[locale]).sort() }));
    for (const other of others) {
      const missing = first!.keys.filter((key) => !other.keys.includes(key));
      const extra = other.keys.filter((key) => !first!.keys.includes(key));
      expect({ locale: other.locale, missing, extra }).to.deep.equal({ locale: other.locale, missing: [], extra: [] });
    }
  });

  it('load a widget’s messages only with the widget: the common ones are always there', async () => {
    expect(catalogFor('zh-CN')['state.loading']).to.equal('加载中…');
    // Nothing on this page has imported the goal tree yet.
    expect(translate('en', 'goalTree.search')).to.equal('goalTree.search');
    await import('../../src/widgets/goal-tree/goal-tree.js');
    expect(translate('en', 'goalTree.search')).to.equal(en['goalTree.search']);
    expect(translate('zh-CN', 'goalTree.search')).to.equal(zhCN['goalTree.search']);
  });
});
