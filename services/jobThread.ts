/**
 * The thread side of a job worker kept between jobs (exportWorker.ts, metricsWorker.ts; keptThreads.ts keeps
 * them): answering each request in turn on a connection kept between them, and telling a failure in the words
 * the request path would use (storage failures as what to do).
 */
import { parentPort } from 'node:worker_threads';
import { RedlineError } from '../core/model/errors';
import { openReadOnly } from '../db/readOnlyConnection';
import { inStorageWords } from '../db/storageErrors';
import { createStore, type Store } from '../db/store';
import { logUnforeseen, UNFORESEEN_FAILURE } from './unforeseenFailure';

export interface JobFailed {
  kind: 'failed';
  code: string;
  message: string;
}

/**
 * A failed job's message: a RedlineError as it is, an SQLite failure in words, anything else as internal — in
 * general words, since its own message carries SQL and paths, not advice (the dispatcher does the same).
 */
export function jobFailed(error: unknown, databaseFile: string, log: (error: unknown) => void = logUnforeseen): JobFailed {
  const words = error instanceof RedlineError ? error : inStorageWords(error, { path: databaseFile });
  if (words instanceof RedlineError) return { kind: 'failed', code: words.code, message: words.message };
  log(error);
  return { kind: 'failed', code: 'internal', message: UNFORESEEN_FAILURE };
}


/**
 * In a worker thread kept between jobs: runs the job for each message, one after another (a job runs to its end
 * before the next message is read), posting what it reports. The thread lives until its starter ends it.
 */
export function answerEachRequest<Request, Message>(
  run: (request: Request, post: (message: Message, transfer?: readonly ArrayBuffer[]) => void) => void,
): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: Request) => run(request, (message, transfer) => port.postMessage(message, transfer)));
}

/** Where a request says to read from. */
export interface StoreRequest {
  databaseFile: string;
  nativeBinding?: string | undefined;
}

/**
 * The read-only connection a thread keeps from one job to the next (with the statements its repositories
 * prepared), for the store the requests name. Nothing read is kept beside it: each job reads in a transaction of
 * its own, so it sees every write committed before it began. A job that fails drops it; the next opens it again.
 */
export function keptConnection() {
  let kept: (StoreRequest & { db: ReturnType<typeof openReadOnly>; store: Store }) | null = null;
  const drop = (): void => {
    const dropped = kept;
    kept = null;
    dropped?.db.close();
  };
  return {
    of(request: StoreRequest): { db: ReturnType<typeof openReadOnly>; store: Store } {
      if (kept && kept.databaseFile === request.databaseFile && kept.nativeBinding === request.nativeBinding) return kept;
      drop();
      const db = openReadOnly(request.databaseFile, { nativeBinding: request.nativeBinding });
      kept = { databaseFile: request.databaseFile, nativeBinding: request.nativeBinding, db, store: createStore(db) };
      return kept;
    },
    drop,
  };
}
