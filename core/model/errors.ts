/** Machine-readable reasons an operation failed; they cross IPC and reach the CLI's exit messages. */
export const ERROR_CODES = [
  'bad_request',
  'untrusted_sender',
  'unknown_channel',
  'not_found',
  'bad_input',
  'io',
  'cancelled',
  // Nothing to undo or redo: the editor is told, as of a cancel; it is no failure.
  'nothing_to_do',
  'internal',
  // The store could not be used; each message says what to do (db/storageErrors.ts).
  'disk_full',
  'read_only',
  'locked',
  'not_a_store',
  'newer_store',
  'damaged',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure with a message written for the editor. */
export class RedlineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RedlineError';
  }
}
