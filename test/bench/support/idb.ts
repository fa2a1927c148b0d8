/** IndexedDB chores shared by the storage scenarios. */

/**
 * Deletes a database and waits until it is gone. A fresh page per sample
 * means no connection of ours is left open; if another one is (a page the
 * browser has not torn down yet), `blocked` fires and the delete completes
 * once it closes — give up after `timeoutMs` rather than hang the run.
 */
export function deleteDatabase(name: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(() => reject(new Error(`Deleting database "${name}" was blocked for ${timeoutMs} ms.`)), timeoutMs);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`Deleting database "${name}" failed.`));
    };
  });
}

/** A cheap, order-independent fingerprint of a set of ids, so two answers can be compared without shipping them. */
export function fingerprint(ids: Iterable<string>): string {
  let count = 0;
  let sum = 0;
  let xor = 0;
  for (const id of ids) {
    let hash = 0x811c9dc5;
    for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
    count += 1;
    sum = (sum + (hash >>> 0)) % 4294967296;
    xor ^= hash;
  }
  return `${count}:${sum.toString(16)}:${(xor >>> 0).toString(16)}`;
}

/**
 * Long tasks on the page while `work` runs, for untimed phases worth
 * reporting (e.g. the store's directory load before a query). The harness
 * counts long tasks of the timed run itself.
 */
export async function longTasksDuring<T>(work: () => Promise<T>): Promise<{ value: T; count: number; totalMs: number; ms: number }> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const value = await work();
  const end = performance.now();
  // A long task is reported on a later task, after it ends.
  await new Promise((resolve) => setTimeout(resolve, 100));
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const overlapping = entries.filter((task) => task.startTime < end && task.startTime + task.duration > start);
  return { value, ms: end - start, count: overlapping.length, totalMs: overlapping.reduce((sum, task) => sum + task.duration, 0) };
}
