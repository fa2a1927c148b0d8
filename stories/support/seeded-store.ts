import type { DataAdapter } from '../../src/data/adapter.js';
import { openMemoryStore } from '../../src/data/index.js';
import type { SeedPersonas } from '../../src/data/index.js';

const stores = new Map<string, Promise<DataAdapter>>();

/**
 * A memory store holding a generated company, signed in as one of its
 * personas. Memoized per size and persona, so switching stories or the
 * toolbar does not seed again; nothing is kept after the page closes.
 */
export function seededStore(options: { goals?: number; persona?: keyof SeedPersonas } = {}): Promise<DataAdapter> {
  const persona = options.persona ?? 'hr';
  const key = `${options.goals ?? 'demo'}|${persona}`;
  let store = stores.get(key);
  if (!store) {
    store = (async () => {
      const opened = await openMemoryStore({ name: `storybook-${key}` });
      await opened.seed({ seed: 2026, goals: options.goals });
      const personas = await opened.personas();
      if (personas) await opened.signIn(personas[persona]);
      return opened;
    })();
    stores.set(key, store);
  }
  return store;
}
