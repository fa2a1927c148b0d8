/**
 * Opening the IndexedDB database: upgrade, blocked upgrades, and the errors
 * that mean "IndexedDB is not available here". Written on idb's `wrap`
 * rather than `openDB` so a test (or a host with a shim) can pass its own
 * `IDBFactory`.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { StorageError } from '../errors.js';
import { isUnavailableError, toStorageError } from '../store/storage-errors.js';
import { DB_VERSION, upgradeSchema, type UpgradeTx } from './schema.js';

export interface OpenDatabaseOptions {
  /** The IndexedDB factory; `globalThis.indexedDB` by default. `null` means there is none. */
  factory?: IDBFactory | null;
  /**
   * How long to wait for other tabs to close an older connection before
   * rejecting with `StorageError('blocked')`. Default 3 s.
   */
  blockedTimeoutMs?: number;
  /** Called as soon as the upgrade is blocked, so the page can ask to close other tabs. */
  onBlocked?: () => void;
  /** The version to open; tests only. */
  version?: number;
}

function defaultFactory(): IDBFactory | null {
  return typeof indexedDB === 'undefined' ? null : indexedDB;
}

/**
 * Opens (creating or upgrading) the database. Rejects with
 * `StorageError('unavailable')` when IndexedDB cannot be used here,
 * `StorageError('blocked')` when an older tab holds the upgrade up, and
 * `StorageError('failed')` for anything else (e.g. a failed migration, which
 * leaves the old data untouched).
 */
export function openDatabase(name: string, options: OpenDatabaseOptions = {}): Promise<IDBPDatabase<unknown>> {
  const factory = options.factory === undefined ? defaultFactory() : options.factory;
  if (!factory) return Promise.reject(new StorageError('unavailable'));
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, options.version ?? DB_VERSION);
  } catch (error) {
    // Some private modes throw at once instead of failing the request.
    return Promise.reject(isUnavailableError(error) ? new StorageError('unavailable', { cause: error }) : toStorageError(error));
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let migrationError: unknown;
    const settle = (outcome: () => void): void => {
      if (timer !== undefined) clearTimeout(timer);
      if (settled) return;
      settled = true;
      outcome();
    };

    request.addEventListener('upgradeneeded', (event) => {
      const tx = request.transaction;
      if (!tx) return;
      // idb types a wrapped transaction by its mode at compile time; this one is the upgrade's.
      upgradeSchema(wrap(request.result), event.oldVersion, wrap(tx) as unknown as UpgradeTx).catch((error: unknown) => {
        migrationError = error;
        try {
          tx.abort();
        } catch {
          // Already finished: the request's error event reports it.
        }
      });
    });
    request.addEventListener('blocked', () => {
      options.onBlocked?.();
      timer ??= setTimeout(() => settle(() => reject(new StorageError('blocked'))), options.blockedTimeoutMs ?? 3000);
    });
    request.addEventListener('success', () => {
      const db = request.result;
      // The caller gave up waiting (blocked): do not leak the late connection.
      if (settled) db.close();
      settle(() => resolve(wrap(db)));
    });
    request.addEventListener('error', (event) => {
      // Handled here: without this the error also surfaces as an uncaught window error.
      event.preventDefault();
      const error = request.error;
      settle(() => {
        if (isUnavailableError(error)) reject(new StorageError('unavailable', { cause: error }));
        else reject(new StorageError('failed', { cause: migrationError ?? error }));
      });
    });
  });
}
