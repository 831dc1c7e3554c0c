import { renameSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, RedlineError, type ErrorCode } from '../core/model/errors';
import type { ExportProgress } from '../core/model/exportProgress';
import type { StepProgress } from '../core/model/steps';
import type { ExportRequest } from './exportContent';
import type { ExportWorkerMessage, ExportWorkerRequest } from './exportWorker';
import { temporarySibling } from './files';
import type { WorkerEntry } from './workerEntry';

/** Work that must be done before the export can start (the report's first whole check), with its progress. */
export interface ExportPreparation {
  run(): Promise<void>;
  progress(): StepProgress | null;
}

interface Job {
  progress: ExportProgress | null;
  preparing: ExportPreparation | null;
  worker: Worker | null;
  tempPath: string;
  /** Settles the job's promise once: the first of written, failed, cancelled wins. */
  settle: (error: Error | null) => void;
  settled: boolean;
}

const cancelledError = () => new RedlineError('cancelled', 'The export was cancelled: no file was written.');

/**
 * Exports run in a worker thread with its own read-only connection, one per document at a time, so the request
 * path keeps answering while a book-length document is read, built and written: `run` settles when the file is
 * in place, `progress` tells how far it is, `cancel` stops it at once (the worker is ended and its temporary file
 * removed). The worker writes a hidden file beside the chosen one; this side renames it into place and records
 * the export, so the chosen name only ever holds a whole file.
 */
export function exportJobs(databaseFile: string, entry: WorkerEntry, nativeBinding?: string) {
  const jobs = new Map<number, Job>();

  const finish = (documentId: number, job: Job, error: Error | null): void => {
    if (job.settled) return;
    job.settled = true;
    if (jobs.get(documentId) === job) jobs.delete(documentId);
    const worker = job.worker;
    const removeTemp = () => rmSync(job.tempPath, { force: true });
    if (error === null) {
      job.settle(null);
      void worker?.terminate();
      return;
    }
    // The temporary file goes only once the thread has stopped writing it.
    if (worker) void worker.terminate().then(removeTemp, removeTemp).finally(() => job.settle(error));
    else {
      removeTemp();
      job.settle(error);
    }
  };

  const startWorker = (job: Job, request: ExportRequest, path: string, recorded: (path: string) => void): void => {
    const worker = new Worker(entry.file, { eval: entry.eval ?? false });
    job.worker = worker;
    // Running from now on, before the thread has loaded and said how far it is.
    job.progress = { phase: 'reading', done: 0, total: 0 };
    const { documentId } = request;
    worker.on('message', (message: ExportWorkerMessage) => {
      if (job.settled) return;
      if (message.kind === 'progress') job.progress = message.progress;
      else if (message.kind === 'written') {
        try {
          renameSync(job.tempPath, path);
        } catch (error) {
          finish(documentId, job, new RedlineError('io', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`));
          return;
        }
        try {
          recorded(path);
        } finally {
          finish(documentId, job, null);
        }
      } else {
        const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
        finish(documentId, job, new RedlineError(code, message.message));
      }
    });
    worker.on('error', (error) => finish(documentId, job, new RedlineError('internal', `The export failed: ${error.message}`)));
    worker.on('exit', () => finish(documentId, job, new RedlineError('internal', 'The export stopped before it finished.')));
    const start: ExportWorkerRequest = { kind: 'start', databaseFile, nativeBinding, export: request, tempPath: job.tempPath, path };
    worker.postMessage(start);
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
      let settle!: (error: Error | null) => void;
      const result = new Promise<{ path: string }>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve({ path }));
      });
      const job: Job = { progress: null, preparing: prepare ?? null, worker: null, tempPath: temporarySibling(path), settle, settled: false };
      jobs.set(documentId, job);
      if (prepare) {
        job.progress = { phase: 'checking', done: 0, total: 0 };
        prepare.run().then(
          () => {
            job.preparing = null;
            if (!job.settled) startWorker(job, request, path, recorded);
          },
          (error: unknown) => finish(documentId, job, error instanceof Error ? error : new RedlineError('internal', String(error))),
        );
      } else startWorker(job, request, path, recorded);
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
      finish(documentId, job, cancelledError());
      return true;
    },
    /** Stops every export (the app quitting, the store closed under it). */
    async close(): Promise<void> {
      const running = [...jobs.entries()];
      for (const [documentId, job] of running) finish(documentId, job, cancelledError());
      await Promise.all(running.map(([, job]) => job.worker?.terminate()));
    },
  };
}

export type ExportJobs = ReturnType<typeof exportJobs>;
