/**
 * Loaded in an iframe by idb-trusted-types.test.ts: seeds the IndexedDB demo
 * store under a Content-Security-Policy that requires Trusted Types, and
 * reports whether the seed ran in a Worker and any policy violation.
 */
import { deleteDB } from 'idb';
import { openDemoStore } from '../../../src/data/index.js';

export interface TrustedTypesReport {
  type: 'tandem-tt-report';
  workers: number;
  seededGoals: number;
  violations: string[];
  error?: string;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));

let workers = 0;
const OriginalWorker = globalThis.Worker;
globalThis.Worker = class extends OriginalWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workers += 1;
  }
};

async function run(): Promise<TrustedTypesReport> {
  const name = `tt-${Math.random().toString(36).slice(2)}`;
  const store = await openDemoStore({ name });
  try {
    const info = await store.seed({ seed: 5, now: new Date('2026-03-16T08:00:00.000Z') });
    return { type: 'tandem-tt-report', workers, seededGoals: info.counts.goal ?? 0, violations };
  } finally {
    store.close();
    await deleteDB(name);
  }
}

run()
  .catch((error: unknown): TrustedTypesReport => ({ type: 'tandem-tt-report', workers, seededGoals: 0, violations, error: String(error) }))
  .then((report) => parent.postMessage(report, location.origin));
