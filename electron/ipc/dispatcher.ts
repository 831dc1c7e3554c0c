import { z } from 'zod';
import { isChannel, type Channel, contract, type Contract, type ResponseOf } from '../../core/ipc';
import { RedlineError } from '../../core/model/errors';
import { fail, ok, type Result } from '../../core/model/result';
import { inStorageWords } from '../../db/storageErrors';

/** What a handler receives: the request after validation (defaults applied, unknown keys refused). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;

/** One plain function per channel; they may throw RedlineError, which becomes an error envelope. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface DispatcherOptions {
  /** Decides whether the frame at this URL may call main at all. */
  isTrustedSender: (senderUrl: string | undefined) => boolean;
  /** Where unexpected failures are reported (their details never cross IPC). */
  logError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: string, senderUrl: string | undefined, request: unknown) => Promise<Result<unknown>>;

/**
 * The one gate between the renderer and main: checks the channel and the sender, validates the request,
 * calls the handler, validates the response, and always answers with an envelope.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  const logError = options.logError ?? ((channel, error) => console.error(`[ipc] ${channel} failed`, error));

  return async (channel, senderUrl, request) => {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no IPC channel named ${String(channel)}.`);
    if (!options.isTrustedSender(senderUrl)) {
      return fail('untrusted_sender', `Refused ${channel}: the calling page is not part of Redline.`);
    }
    const schema = contract[channel];
    const parsed = schema.request.safeParse(request);
    if (!parsed.success) {
      return fail('bad_request', `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}`);
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = schema.response.safeParse(value);
      if (!checked.success) {
        logError(channel, checked.error);
        return fail('internal', `Redline produced an invalid answer for ${channel}.`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof RedlineError) return fail(error.code, error.message);
      logError(channel, error);
      // A storage failure (disk full, read-only, locked, damaged) is told in words with what to do.
      const storage = inStorageWords(error);
      if (storage instanceof RedlineError) return fail(storage.code, storage.message);
      // Only the log sees the details: messages of unexpected errors carry paths and SQL, not editor advice.
      return fail('internal', `Something went wrong in ${channel}.`);
    }
  };
}
