/** Machine-readable reasons an operation failed; they cross IPC and reach the CLI's exit messages. */
export const ERROR_CODES = [
  'bad_request',
  'untrusted_sender',
  'unknown_channel',
  'not_found',
  'bad_input',
  'io',
  'cancelled',
  'internal',
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
