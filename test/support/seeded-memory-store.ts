import type { DataAdapter } from '../../src/data/adapter.js';
import { openMemoryStore, type SeedPersonas, type TandemStore } from '../../src/data/index.js';
import type { Id } from '../../src/model/records.js';

let storeCount = 0;

/**
 * A fresh seeded company (seed 2026) in memory, signed in as a persona: tests
 * that write get their own store. `now` fixes the seed's clock.
 */
export async function seededMemoryStore(
  persona: keyof SeedPersonas,
  options: { name: string; now?: Date; clock?: () => Date },
): Promise<{ store: TandemStore; personas: SeedPersonas; cycleId: Id }> {
  storeCount += 1;
  const store = await openMemoryStore({ name: `${options.name}-${storeCount}`, ...(options.clock ? { clock: options.clock } : {}) });
  const info = await store.seed(options.now ? { seed: 2026, now: options.now } : { seed: 2026 });
  await store.signIn(info.personas[persona]);
  return { store, personas: info.personas, cycleId: info.activeCycleId };
}

/** The store, with some of its methods replaced (to inject failures or hold a save in flight). */
export function withMethods(store: TandemStore, methods: Partial<DataAdapter>): DataAdapter {
  return new Proxy(store, {
    get(target, key) {
      if (key in methods) return methods[key as keyof DataAdapter];
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as DataAdapter;
}
