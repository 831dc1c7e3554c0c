import { Worker } from 'node:worker_threads';
import { ERROR_CODES, RedlineError, type ErrorCode } from '../core/model/errors';
import { threadDied } from './unforeseenFailure';
import type { StepProgress } from '../core/model/steps';
import type { WholeCheckMessage, WholeCheckRequest } from './wholeCheckWorker';
import type { WorkerEntry } from './workerEntry';

// Where the worker's code is: shared with the export worker (services/workerEntry.ts).
export { sourceWorkerEntry, type WorkerEntry } from './workerEntry';

interface Job {
  worker: Worker;
  progress: StepProgress | null;
  result: Promise<void>;
}

/**
 * Whole-document checks run in a worker thread, one per document at a time, so the request path keeps
 * answering: `start` returns at once (the promise settles when the flags are stored), `progress` tells how far
 * it is, `cancel` stops it with nothing stored.
 */
export function wholeChecks(databaseFile: string, entry: WorkerEntry, nativeBinding?: string) {
  const jobs = new Map<number, Job>();
  /** Why the last check of a document failed, until it is told (see `takeFailure`). */
  const failures = new Map<number, Error>();
  /** Workers ended because the store is closing: they were stopped, they did not fail. */
  const closing = new WeakSet<Worker>();
  /** Asks the check of a document to stop; false when none is running. */
  const cancel = (documentId: number): boolean => {
    const job = jobs.get(documentId);
    if (!job) return false;
    job.worker.postMessage({ kind: 'cancel' });
    return true;
  };
  return {
    start(documentId: number): Promise<void> {
      const running = jobs.get(documentId);
      if (running) return running.result;
      failures.delete(documentId);
      // One whole check at a time, for the document the editor opened last: checks of documents left behind
      // stop (nothing stored) and start again when one is opened — so opening ten large documents in turn
      // does not run ten workers on two cores.
      for (const other of jobs.keys()) cancel(other);
      const worker = new Worker(entry.file, { eval: entry.eval ?? false });
      let settle!: { resolve: () => void; reject: (error: Error) => void };
      const result = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      const job: Job = { worker, progress: null, result };
      jobs.set(documentId, job);
      let finished = false;
      // The first of done, cancelled, failed or exit tells how the check ended; the exit that ending the thread
      // itself causes comes after and changes nothing.
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        if (jobs.get(documentId) === job) jobs.delete(documentId);
        void worker.terminate();
        if (error && !(error instanceof RedlineError && error.code === 'cancelled')) failures.set(documentId, error);
        if (error) settle.reject(error);
        else settle.resolve();
      };
      worker.on('message', (message: WholeCheckMessage) => {
        if (message.kind === 'progress') job.progress = { done: message.done, total: message.total };
        else if (message.kind === 'done') finish();
        else if (message.kind === 'cancelled') finish(new RedlineError('cancelled', 'The check of the whole document was cancelled: nothing was stored.'));
        else {
          const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
          finish(new RedlineError(code, message.message));
        }
      });
      worker.on('error', (error) => finish(new RedlineError('internal', threadDied('The check of the whole document', error))));
      worker.on('exit', () =>
        finish(
          closing.has(worker)
            ? new RedlineError('cancelled', 'The check of the whole document was stopped: the store is closing.')
            : new RedlineError('internal', 'The check of the whole document stopped before it finished.'),
        ),
      );
      const request: WholeCheckRequest = { kind: 'start', databaseFile, documentId, nativeBinding };
      worker.postMessage(request);
      return result;
    },
    /** How far the check of a document has got; null when none is running. */
    progress: (documentId: number): StepProgress | null => jobs.get(documentId)?.progress ?? null,
    running: (documentId: number): boolean => jobs.has(documentId),
    /**
     * Why the last check of a document failed, once: the caller tells the editor instead of starting it again at
     * every poll; the next start tries afresh.
     */
    takeFailure(documentId: number): Error | null {
      const failure = failures.get(documentId) ?? null;
      failures.delete(documentId);
      return failure;
    },
    cancel,
    /** Stops every check (the app quitting): nothing half-stored, as each stores in one transaction. */
    async close(): Promise<void> {
      for (const job of jobs.values()) closing.add(job.worker);
      await Promise.all([...jobs.values()].map((job) => job.worker.terminate()));
      jobs.clear();
    },
  };
}

export type WholeChecks = ReturnType<typeof wholeChecks>;
