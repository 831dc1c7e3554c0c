/**
 * Failures no one foresaw, in a background thread: the window is told in general words, and the error's own text
 * (SQL, paths, a stack) goes to the log only, as the IPC dispatcher does for the request path.
 */

export const UNFORESEEN_FAILURE = 'Something went wrong in the background; the details are in the log.';

export function logUnforeseen(error: unknown): void {
  console.error('[background job] failed', error);
}

/** What to tell of a thread that died of an unforeseen error, once it is logged. */
export function threadDied(what: string, error: Error, log: (error: unknown) => void = logUnforeseen): string {
  log(error);
  return `${what} failed; the details are in the log.`;
}
