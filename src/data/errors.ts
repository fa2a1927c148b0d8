import type { Message } from '../i18n/catalog.js';
import { translateMessage, type Locale } from '../i18n/locale.js';
import type { Id, RecordKind } from '../model/records.js';
import type { ValidationIssue } from '../model/validation.js';

/** Why an adapter call failed. Every adapter rejects only with a {@link TandemError}. */
export const ERROR_CODES = [
  'not-found',
  'forbidden',
  'conflict',
  'validation',
  'network',
  'storage',
  'aborted',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Base of the kit's typed errors. `message` is English for logs; show a person
 * {@link TandemError.localizedMessage} in their language.
 */
export abstract class TandemError extends Error {
  abstract readonly code: ErrorCode;
  /** What to tell a person, rendered in whichever locale is current. */
  readonly userMessage: Message;

  constructor(userMessage: Message, options?: { cause?: unknown }) {
    super(translateMessage('en', userMessage), options);
    this.userMessage = userMessage;
  }

  override get name(): string {
    return this.constructor.name;
  }

  localizedMessage(locale: Locale): string {
    return translateMessage(locale, this.userMessage);
  }

  /** True when the same call may succeed if tried again unchanged. */
  get retryable(): boolean {
    return false;
  }
}

export class NotFoundError extends TandemError {
  readonly code = 'not-found';
  constructor(
    readonly kind: RecordKind,
    readonly id: Id,
  ) {
    super({ key: 'error.notFound', params: { what: kind } });
  }

  override localizedMessage(locale: Locale): string {
    // The record's name is itself a message, so it follows the locale too.
    return translateMessage(locale, {
      key: 'error.notFound',
      params: { what: translateMessage(locale, { key: `record.${this.kind}` }) },
    });
  }
}

export class ForbiddenError extends TandemError {
  readonly code = 'forbidden';
  /**
   * @param action The action that was refused, e.g. `goal.approve`, for logs and tests.
   * @param reason Why, in words a person understands (the permission rule's reason).
   */
  constructor(
    readonly action: string,
    reason?: Message,
  ) {
    super(reason ?? { key: 'error.forbidden' });
  }
}

/** A write carried a version older than the stored one: someone else changed the record. */
export class ConflictError extends TandemError {
  readonly code = 'conflict';
  constructor(
    readonly kind: RecordKind,
    readonly id: Id,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super({ key: 'error.conflict' });
  }
}

/** Values were refused; `issues` says which field and why, to show next to it. */
export class ValidationError extends TandemError {
  readonly code = 'validation';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super({ key: 'error.validation' });
  }

  /** The first issue of each field, keyed by field name. */
  get byField(): Record<string, ValidationIssue> {
    const byField: Record<string, ValidationIssue> = {};
    for (const issue of this.issues) byField[issue.field] ??= issue;
    return byField;
  }
}

export class NetworkError extends TandemError {
  readonly code = 'network';
  constructor(
    readonly reason: 'offline' | 'timeout' | 'server',
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super({ key: reason === 'timeout' ? 'error.timeout' : 'error.network' }, options);
  }

  override get retryable(): boolean {
    return this.status === undefined || this.status >= 500;
  }
}

export const STORAGE_FAILURES = ['quota', 'blocked', 'unavailable', 'failed'] as const;
export type StorageFailure = (typeof STORAGE_FAILURES)[number];

const storageMessages = {
  quota: { key: 'error.storageQuota' },
  blocked: { key: 'error.storageBlocked' },
  unavailable: { key: 'error.storageUnavailable' },
  failed: { key: 'error.storage' },
} as const satisfies Record<StorageFailure, Message>;

export class StorageError extends TandemError {
  readonly code = 'storage';
  constructor(
    readonly reason: StorageFailure,
    options?: { cause?: unknown },
  ) {
    super(storageMessages[reason], options);
  }

  override get retryable(): boolean {
    return this.reason === 'failed' || this.reason === 'blocked';
  }
}

/** The caller's AbortSignal fired; widgets ignore these. */
export class AbortedError extends TandemError {
  readonly code = 'aborted';
  constructor(options?: { cause?: unknown }) {
    super({ key: 'error.aborted' }, options);
  }
}

export function isTandemError(error: unknown): error is TandemError {
  return error instanceof TandemError;
}

/** Rejects at once with {@link AbortedError} if the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
}
