import { isTandemError, type TandemError } from '../../src/data/errors.js';

/** The kit's typed error a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<TandemError> {
  try {
    await promise;
  } catch (error) {
    if (!isTandemError(error)) throw new Error(`Expected a TandemError, got ${String(error)}`);
    return error;
  }
  throw new Error('Expected the call to reject, but it resolved');
}
