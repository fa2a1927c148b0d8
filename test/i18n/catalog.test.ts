import { expect } from '@open-wc/testing';
import { catalogFor, LOCALES } from '../../src/i18n/index.js';

describe('message catalogs', () => {
  it('have the same keys in every locale', () => {
    const [first, ...others] = LOCALES.map((locale) => ({ locale, keys: Object.keys(catalogFor(locale)).sort() }));
    for (const other of others) {
      const missing = first!.keys.filter((key) => !other.keys.includes(key));
      const extra = other.keys.filter((key) => !first!.keys.includes(key));
      expect({ locale: other.locale, missing, extra }).to.deep.equal({ locale: other.locale, missing: [], extra: [] });
    }
  });
});
