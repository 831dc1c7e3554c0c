/**
 * The thread side of a job worker (exportWorker.ts, metricsWorker.ts): answering the request it is started with
 * (or each request in turn, for a thread kept between jobs), and telling a failure in the words the request path
 * would use (storage failures as what to do).
 */
import { parentPort } from 'node:worker_threads';
import { RedlineError } from '../core/model/errors';
import { inStorageWords } from '../db/storageErrors';

export interface JobFailed {
  kind: 'failed';
  code: string;
  message: string;
}

/** A failed job's message: a RedlineError as it is, an SQLite failure in words, anything else as internal. */
export function jobFailed(error: unknown, databaseFile: string): JobFailed {
  const words = error instanceof RedlineError ? error : inStorageWords(error, { path: databaseFile });
  const code = words instanceof RedlineError ? words.code : 'internal';
  return { kind: 'failed', code, message: words instanceof Error ? words.message : String(words) };
}

/** In a worker thread: runs the job for the first message, posting what it reports, then lets the thread end. */
export function answerFirstRequest<Request, Message>(run: (request: Request, post: (message: Message) => void) => void): void {
  const port = parentPort;
  if (!port) return;
  port.once('message', (request: Request) => {
    run(request, (message) => port.postMessage(message));
    port.close();
  });
}

/**
 * In a worker thread kept between jobs: runs the job for each message, one after another (a job runs to its end
 * before the next message is read), posting what it reports. The thread lives until its starter ends it.
 */
export function answerEachRequest<Request, Message>(run: (request: Request, post: (message: Message) => void) => void): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: Request) => run(request, (message) => port.postMessage(message)));
}
