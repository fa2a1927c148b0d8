import { createContext } from '@lit/context';
import type { DataAdapter } from '../data/adapter.js';
import type { Locale } from '../i18n/locale.js';
import type { Session } from '../model/records.js';

/** The data source every widget inside a provider reads and writes through. */
export const adapterContext = createContext<DataAdapter | undefined>(Symbol.for('tandem.adapter'));

/** The person the kit acts for, and their roles. `undefined` while loading. */
export const sessionContext = createContext<Session | undefined>(Symbol.for('tandem.session'));

/** The language every widget inside renders in. */
export const localeContext = createContext<Locale | undefined>(Symbol.for('tandem.locale'));
