import { renameSync, rmSync } from 'node:fs';
import { ERROR_CODES, RedlineError, type ErrorCode } from '../core/model/errors';
import { threadDied } from './unforeseenFailure';
import type { ExportProgress } from '../core/model/exportProgress';
import type { StepProgress } from '../core/model/steps';
import type { ExportRequest } from './exportContent';
import type { ExportWorkerMessage, ExportWorkerRequest } from './exportWorker';
import { cannotWrite, temporarySibling, writablePath } from './files';
import { keptThreads, type KeptThreadsOptions, type LentThread } from './keptThreads';
import type { WorkerEntry } from './workerEntry';

/** Work that must be done before the export can start (the report's first whole check), with its progress. */
export interface ExportPreparation {
  run(): Promise<void>;
  progress(): StepProgress | null;
}

interface Job {
  documentId: number;
  /** The number the thread's messages about this export carry. */
  id: number;
  progress: ExportProgress | null;
  preparing: ExportPreparation | null;
  thread: LentThread | null;
  /**
   * The file the editor chose, the file written (where its links lead: writablePath), the temporary file beside
   * that, and what records the export once it is in place.
   */
  path: string;
  target: string;
  tempPath: string;
  recorded: (path: string) => void;
  /** Settles the job's promise once: the first of written, failed, cancelled wins. */
  settle: (error: Error | null) => void;
  settled: boolean;
}

export type ExportJobsOptions = KeptThreadsOptions;

const cancelledError = () => new RedlineError('cancelled', 'The export was cancelled: no file was written.');

/**
 * Exports run in a worker thread with its own read-only connection, one per document at a time, so the request
 * path keeps answering while a book-length document is read, built and written: `run` settles when the file is
 * in place, `progress` tells how far it is, `cancel` stops it at once (the worker is ended and its temporary file
 * removed). The worker writes a hidden file beside the chosen one; this side renames it into place and records
 * the export, so the chosen name only ever holds a whole file.
 *
 * Starting a thread costs far more than exporting a small document, so the thread of an export that was written
 * is kept for the next one, with its connection (keptThreads.ts: one idle thread at most, ended after `idleMs`
 * without an export and at `close`); a second document exporting meanwhile gets a thread of its own. A thread
 * that reported a failure (a document not found, a folder not there) is kept too: it cleaned up and dropped its
 * connection. The thread of a cancelled export is ended, as is one that errors or exits: the next starts afresh.
 */
export function exportJobs(databaseFile: string, entry: WorkerEntry, nativeBinding?: string, options: ExportJobsOptions = {}) {
  const threads = keptThreads<ExportWorkerMessage>(entry, options);
  const jobs = new Map<number, Job>();
  let lastId = 0;

  /**
   * Settles the job. `threadDone`: the thread finished the job itself (it wrote the file, or failed and removed
   * what it had written), so it is kept for the next; otherwise it is ended first.
   */
  const finish = (job: Job, error: Error | null, threadDone = false): void => {
    if (job.settled) return;
    job.settled = true;
    if (jobs.get(job.documentId) === job) jobs.delete(job.documentId);
    const thread = job.thread;
    const removeTemp = () => rmSync(job.tempPath, { force: true });
    if (threadDone) {
      if (error) removeTemp();
      job.settle(error);
      thread?.giveBack();
      return;
    }
    // The temporary file goes only once the thread has stopped writing it.
    if (thread) void thread.end().then(removeTemp, removeTemp).finally(() => job.settle(error));
    else {
      removeTemp();
      job.settle(error);
    }
  };

  const told = (job: Job, message: ExportWorkerMessage): void => {
    if (job.settled) return;
    if (message.kind === 'progress') job.progress = message.progress;
    else if (message.kind === 'written') {
      const { path, recorded } = job;
      try {
        renameSync(job.tempPath, job.target);
      } catch (error) {
        finish(job, cannotWrite(path, error), true);
        return;
      }
      try {
        recorded(path);
      } finally {
        finish(job, null, true);
      }
    } else {
      const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
      finish(job, new RedlineError(code, message.message), true);
    }
  };

  const startWorker = (job: Job, request: ExportRequest): void => {
    job.thread = threads.lend(job.id, {
      message: (message) => told(job, message),
      died: (death) =>
        finish(
          job,
          new RedlineError('internal', death.kind === 'error' ? threadDied('The export', death.error) : 'The export stopped before it finished.'),
        ),
    });
    // Running from now on, before the thread has loaded and said how far it is.
    job.progress = { phase: 'reading', done: 0, total: 0 };
    const start: ExportWorkerRequest = { kind: 'start', id: job.id, databaseFile, nativeBinding, export: request, tempPath: job.tempPath, path: job.path };
    job.thread.post(start);
  };

  return {
    /**
     * Writes the export `request` describes to `path`; `recorded` is called once the file is in place (the
     * caller records the export in the store). `prepare` runs first (the report waits for the whole check).
     */
    run(request: ExportRequest, path: string, recorded: (path: string) => void, prepare?: ExportPreparation): Promise<{ path: string }> {
      const { documentId } = request;
      if (jobs.has(documentId)) {
        return Promise.reject(new RedlineError('bad_input', 'This document is already being exported: wait for it, or cancel it.'));
      }
      let target: string;
      try {
        target = writablePath(path);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      let settle!: (error: Error | null) => void;
      const result = new Promise<{ path: string }>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve({ path }));
      });
      const job: Job = {
        documentId,
        id: ++lastId,
        progress: null,
        preparing: prepare ?? null,
        thread: null,
        path,
        target,
        tempPath: temporarySibling(target),
        recorded,
        settle,
        settled: false,
      };
      jobs.set(documentId, job);
      if (prepare) {
        job.progress = { phase: 'checking', done: 0, total: 0 };
        prepare.run().then(
          () => {
            job.preparing = null;
            if (!job.settled) startWorker(job, request);
          },
          (error: unknown) => finish(job, error instanceof Error ? error : new RedlineError('internal', String(error))),
        );
      } else startWorker(job, request);
      return result;
    },
    /** How far the export of a document has got; null when none is running (not started, or over). */
    progress(documentId: number): ExportProgress | null {
      const job = jobs.get(documentId);
      if (!job) return null;
      const preparing = job.preparing?.progress();
      return preparing ? { phase: 'checking', ...preparing } : job.progress;
    },
    running: (documentId: number): boolean => jobs.has(documentId),
    /** Stops the export of a document (nothing is left under its name); false when none is running. */
    cancel(documentId: number): boolean {
      const job = jobs.get(documentId);
      if (!job) return false;
      finish(job, cancelledError());
      return true;
    },
    /**
     * Stops every export and ends the idle thread (the app quitting, the store closed or swapped under it: no
     * connection to it is kept). Exports run after this start a thread afresh.
     */
    async close(): Promise<void> {
      const running = [...jobs.values()];
      const lent = running.flatMap((job) => (job.thread ? [job.thread] : []));
      for (const job of running) finish(job, cancelledError());
      await Promise.all([...lent.map((thread) => thread.end()), threads.close()]);
    },
  };
}

export type ExportJobs = ReturnType<typeof exportJobs>;
