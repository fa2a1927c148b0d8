import { ADAPTER_METHODS, type ChangeListener, type DataAdapter, type DataChange } from '../../src/data/adapter.js';
import { NotFoundError } from '../../src/data/errors.js';

export interface StubAdapter extends DataAdapter {
  /** Sends a change to every subscriber, as a real adapter does after a write. */
  emit(change: DataChange): void;
  /** How many listeners are subscribed now. */
  readonly listenerCount: number;
}

/**
 * An adapter for widget tests that implements only what a test gives it;
 * any other call rejects with NotFoundError, so a test never passes by
 * accident on a method it did not expect to be called.
 */
export function stubAdapter(methods: Partial<DataAdapter>): StubAdapter {
  const listeners = new Set<ChangeListener>();
  const base = {
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(change: DataChange) {
      for (const listener of listeners) listener(change);
    },
    get listenerCount() {
      return listeners.size;
    },
  };
  return new Proxy(Object.assign(base, methods), {
    get(target, key, receiver) {
      if (key in target) return Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || !(ADAPTER_METHODS as readonly string[]).includes(key)) return undefined;
      return () => Promise.reject(new NotFoundError('goal', `unexpected call: ${key}`));
    },
  }) as StubAdapter;
}
