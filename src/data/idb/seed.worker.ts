/**
 * Generates the demo company and writes it to IndexedDB off the main thread.
 *
 * Everything lands in ONE read-write transaction: the previous data is
 * cleared, each batch is generated (synchronously) and put, and the seed
 * marker written last, so the page sees either the old data or the whole new
 * company, never half of it; aborting rolls back to the old data. Generating
 * between requests keeps the transaction alive because the next puts are
 * issued in the same task as the request callback that resumed us.
 */
import { RECORD_KINDS, type RecordKind } from '../../model/records.js';
import { StorageError, isTandemError } from '../errors.js';
import { addCounts, seedSource } from '../store/seed-source.js';
import { toStorageError } from '../store/storage-errors.js';
import type { SeedInfo } from '../store/types.js';
import { unwrap } from 'idb';
import { openDatabase } from './connection.js';
import type { SeedWorkerMessage, SeedWorkerRequest } from './seed-protocol.js';

let abortCurrent: (() => void) | null = null;
/** An abort can arrive before the transaction exists (while the generator loads). */
let abortRequested = false;

function send(message: SeedWorkerMessage): void {
  postMessage(message);
}

function requestDone(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error));
    tx.addEventListener('abort', () => reject(tx.error ?? new DOMException('The seed was aborted.', 'AbortError')));
  });
}

async function seed(request: Extract<SeedWorkerRequest, { type: 'seed' }>): Promise<void> {
  const started = performance.now();
  const source = await seedSource({ seed: request.seed, now: new Date(request.now), goals: request.goals });
  const db = unwrap(await openDatabase(request.name));
  try {
    if (abortRequested) {
      send({ type: 'aborted' });
      return;
    }
    // Relaxed: a crash mid-seed loses only demo data, and it makes the long write faster.
    const tx = db.transaction([...RECORD_KINDS, 'meta'], 'readwrite', { durability: 'relaxed' });
    const done = transactionDone(tx);
    done.catch(() => undefined);
    let aborted = false;
    abortCurrent = () => {
      aborted = true;
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
    };
    for (const kind of RECORD_KINDS) tx.objectStore(kind).clear();
    const meta = tx.objectStore('meta');
    meta.delete('seed');
    meta.delete('personas');

    const counts: SeedInfo['counts'] = {};
    for (const batch of source.batches) {
      let last: IDBRequest | undefined;
      for (const [kind, records] of Object.entries(batch.records) as [RecordKind, unknown[]][]) {
        const store = tx.objectStore(kind);
        for (const record of records) last = store.put(record);
      }
      addCounts(counts, batch.records);
      // Requests complete in order: once the batch's last put is done, the batch is written.
      // An abort fails the pending request; that is the abort, not an error.
      if (last) await requestDone(last).catch((error: unknown) => {
        if (!aborted) throw error;
      });
      if (aborted) break;
      send({ type: 'progress', ratio: Math.min(1, batch.progress) });
    }
    if (aborted) {
      await done.catch(() => undefined);
      send({ type: 'aborted' });
      return;
    }
    const { personas, activeCycleId } = source.result();
    const info: SeedInfo = {
      seed: request.seed,
      now: request.now,
      seededAt: new Date().toISOString(),
      // Up to the last write; the commit after it adds little.
      durationMs: Math.round(performance.now() - started),
      personas,
      activeCycleId,
      counts,
    };
    meta.put(personas, 'personas');
    try {
      await requestDone(meta.put(info, 'seed'));
      tx.commit();
      await done;
    } catch (error) {
      // Aborted at the very end: the old data stands, as with any abort.
      if (!aborted) throw error;
      send({ type: 'aborted' });
      return;
    }
    send({ type: 'done', info });
  } finally {
    abortCurrent = null;
    db.close();
  }
}

addEventListener('message', (event: MessageEvent<SeedWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'abort') {
    abortRequested = true;
    abortCurrent?.();
    return;
  }
  seed(request).catch((error: unknown) => {
    const typed = toStorageError(error);
    const reason = typed instanceof StorageError ? typed.reason : 'failed';
    send({ type: 'error', reason, message: isTandemError(error) ? error.message : String(error) });
  });
});
