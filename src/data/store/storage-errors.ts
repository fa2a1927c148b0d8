/**
 * Maps whatever a storage API throws (DOMExceptions, TypeErrors) to the kit's
 * typed errors, so no raw DOMException ever reaches a widget.
 */
import { AbortedError, StorageError, isTandemError, type TandemError } from '../errors.js';
import type { BackendStatus } from './backend.js';

function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

/** True for the error browsers raise when a site is out of storage space. */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  // Older engines reported quota as code 22 with other names.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error instanceof DOMException && error.code === 22);
}

/** True for the errors a browser raises when IndexedDB is off limits (private modes, blocked storage). */
export function isUnavailableError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'InvalidAccessError';
}

/** The typed error for anything a storage operation threw. TandemErrors pass through. */
export function toStorageError(error: unknown): TandemError {
  if (isTandemError(error)) return error;
  if (isQuotaError(error)) return new StorageError('quota', { cause: error });
  // A transaction aborted by a quota failure reports AbortError with the cause on tx.error.
  const cause = error instanceof DOMException || error instanceof Error ? error : undefined;
  if (errorName(error) === 'AbortError' && cause && 'cause' in cause && isQuotaError(cause.cause)) {
    return new StorageError('quota', { cause: error });
  }
  if (errorName(error) === 'SecurityError') return new StorageError('unavailable', { cause: error });
  return new StorageError('failed', { cause: error });
}

/** The error for a call on a backend that no longer serves. */
export function closedError(status: BackendStatus): TandemError {
  if (status.type === 'closed' && status.reason === 'versionchange') return new StorageError('blocked');
  return new StorageError('failed', { cause: new Error(`The store is closed (${status.type === 'closed' ? status.reason : 'open'}).`) });
}

/** The AbortedError for a signal, keeping its reason as the cause. */
export function abortedBy(signal: AbortSignal): AbortedError {
  return new AbortedError({ cause: signal.reason });
}
