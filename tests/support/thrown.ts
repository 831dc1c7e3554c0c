import { expect } from 'vitest';
import { RedlineError } from '../../core/model/errors';

/** The RedlineError `work` throws; fails the test when it throws nothing, or something else. */
export function thrown(work: () => unknown): RedlineError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RedlineError);
    return error as RedlineError;
  }
  throw new Error('expected a RedlineError, but nothing was thrown');
}

/** The message of the RedlineError('bad_input') `work` throws; fails the test on any other outcome. */
export function badInput(work: () => unknown): string {
  const error = thrown(work);
  expect(error.code).toBe('bad_input');
  return error.message;
}
