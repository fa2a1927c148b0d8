/**
 * Seeds an IndexedDB backend from a module Worker so the page has no long
 * task (a 50,000-goal seed is a 1.7 s task on the main thread). Falls back to
 * batched main-thread writes when the Worker cannot be created or loaded.
 */
import { AbortedError, StorageError } from '../errors.js';
import type { Backend } from '../store/backend.js';
import { seedInBatches } from '../store/seeding.js';
import type { Seeder } from '../store/tandem-store.js';
import type { SeedInfo, SeedOptions } from '../store/types.js';
import type { SeedWorkerMessage, SeedWorkerRequest } from './seed-protocol.js';

/** The parts of the Trusted Types API used here (not yet in TypeScript's DOM library). */
interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypeFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;

/**
 * The worker's URL as a TrustedScriptURL where the page enforces Trusted
 * Types (`require-trusted-types-for 'script'`), through a policy named
 * `tandem` that the page's `trusted-types` directive must allow. It only
 * lets same-origin script URLs through.
 */
function trustedScriptUrl(url: URL): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypeFactory }).trustedTypes;
  if (!factory) return url.href;
  if (scriptUrlPolicy === undefined) {
    try {
      scriptUrlPolicy = factory.createPolicy('tandem', {
        createScriptURL(input) {
          if (new URL(input, location.href).origin !== location.origin) throw new TypeError(`Refusing a cross-origin script: ${input}`);
          return input;
        },
      });
    } catch {
      // Not allowed by the page (or taken): the Worker is refused and the page seeds instead.
      scriptUrlPolicy = null;
    }
  }
  // A TrustedScriptURL stands in for the string wherever the DOM takes a script URL.
  return scriptUrlPolicy ? (scriptUrlPolicy.createScriptURL(url.href) as string) : url.href;
}

function createSeedWorker(): Worker | null {
  if (typeof globalThis.Worker === 'undefined') return null;
  // Named `Worker` on purpose: bundlers (Vite, webpack) and the test server recognise the literal
  // `new Worker(new URL('./x.ts', import.meta.url))` and build the worker; this one also goes
  // through Trusted Types.
  const Worker = class extends globalThis.Worker {
    constructor(url: URL, options: WorkerOptions) {
      super(trustedScriptUrl(url), options);
    }
  };
  try {
    return new Worker(new URL('./seed.worker.ts', import.meta.url), { type: 'module', name: 'tandem-seed' });
  } catch {
    return null;
  }
}

/**
 * Seeds in a module Worker: one transaction, so an abort (or a closed tab)
 * keeps the previous data. Progress arrives as batches are written.
 */
export const seedInWorker: Seeder = (backend: Backend, options: SeedOptions): Promise<SeedInfo> => {
  const worker = createSeedWorker();
  if (!worker) return seedInBatches(backend, options);
  const { signal } = options;
  return new Promise<SeedInfo>((resolve, reject) => {
    let heard = false;
    const onAbort = (): void => worker.postMessage({ type: 'abort' } satisfies SeedWorkerRequest);
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    worker.addEventListener('message', (event: MessageEvent<SeedWorkerMessage>) => {
      heard = true;
      const message = event.data;
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.ratio);
          break;
        case 'done':
          finish();
          resolve(message.info);
          break;
        case 'aborted':
          finish();
          reject(new AbortedError({ cause: signal?.reason }));
          break;
        case 'error':
          finish();
          reject(new StorageError(message.reason, { cause: new Error(message.message) }));
          break;
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      // The worker script could not load (an old bundler, a strict CSP): seed on the page instead.
      if (!heard) seedInBatches(backend, options).then(resolve, reject);
      else reject(new StorageError('failed', { cause: event.error }));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({
      type: 'seed',
      name: backend.name,
      seed: options.seed,
      now: (options.now ?? new Date()).toISOString(),
      goals: options.goals,
    } satisfies SeedWorkerRequest);
  });
};
