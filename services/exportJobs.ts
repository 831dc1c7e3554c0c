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

/** A worker thread, kept between exports, and the export it is running now. */
interface Thread {
  worker: Worker;
  job: Job | null;
  /** Errored, exited or ended: never given another export. */
  ended: boolean;
}

interface Job {
  documentId: number;
  /** The number the thread's messages about this export carry. */
  id: number;
  progress: ExportProgress | null;
  preparing: ExportPreparation | null;
  thread: Thread | null;
  /** The file the editor chose, the temporary file beside it, and what records the export once it is in place. */
  path: string;
  tempPath: string;
  recorded: (path: string) => void;
  /** Settles the job's promise once: the first of written, failed, cancelled wins. */
  settle: (error: Error | null) => void;
  settled: boolean;
}

export interface ExportJobsOptions {
  /** How long a thread is kept idle after an export before it is ended (60 s). */
  idleMs?: number;
  /** Starts a worker thread: `new Worker` on the entry (tests count the starts through it). */
  startThread?: (entry: WorkerEntry) => Worker;
}

const IDLE_MS = 60_000;

const newThread = (entry: WorkerEntry) => new Worker(entry.file, { eval: entry.eval ?? false });

const cancelledError = () => new RedlineError('cancelled', 'The export was cancelled: no file was written.');

/**
 * Exports run in a worker thread with its own read-only connection, one per document at a time, so the request
 * path keeps answering while a book-length document is read, built and written: `run` settles when the file is
 * in place, `progress` tells how far it is, `cancel` stops it at once (the worker is ended and its temporary file
 * removed). The worker writes a hidden file beside the chosen one; this side renames it into place and records
 * the export, so the chosen name only ever holds a whole file.
 *
 * Starting a thread (loading its code, opening its connection) costs far more than exporting a small document, so
 * a thread whose export was written is kept for the next one, with its connection: one idle thread at most,
 * ended after `idleMs` without an export and at `close`. A second document exporting while it is busy gets a
 * thread of its own. A thread that is cancelled, fails, errors or exits is ended and never given another export.
 */
export function exportJobs(databaseFile: string, entry: WorkerEntry, nativeBinding?: string, options: ExportJobsOptions = {}) {
  const idleMs = options.idleMs ?? IDLE_MS;
  const startThread = options.startThread ?? newThread;
  const jobs = new Map<number, Job>();
  /** The thread kept for the next export, and the timer that ends it. */
  let idle: { thread: Thread; timer: NodeJS.Timeout } | null = null;
  let lastId = 0;

  const end = (thread: Thread): Promise<number> => {
    thread.ended = true;
    thread.job = null;
    if (idle?.thread === thread) {
      clearTimeout(idle.timer);
      idle = null;
    }
    return thread.worker.terminate();
  };

  /** The idle thread if there is one, else a new one. */
  const take = (): Thread => {
    if (idle) {
      const { thread, timer } = idle;
      clearTimeout(timer);
      idle = null;
      thread.worker.ref();
      return thread;
    }
    const thread: Thread = { worker: startThread(entry), job: null, ended: false };
    thread.worker.on('message', (message: ExportWorkerMessage) => {
      const job = thread.job;
      if (job && message.id === job.id) told(job, message);
    });
    // A thread that errors or exits fails its export, or leaves the idle place if it was waiting there.
    const died = (error: Error) => {
      const job = thread.job;
      void end(thread);
      if (job) finish(job, error);
    };
    thread.worker.on('error', (error) => died(new RedlineError('internal', `The export failed: ${error.message}`)));
    thread.worker.on('exit', () => died(new RedlineError('internal', 'The export stopped before it finished.')));
    return thread;
  };

  /** A thread whose export was written: kept for the next if none is, ended otherwise. */
  const release = (thread: Thread): void => {
    thread.job = null;
    if (thread.ended) return;
    if (idle) {
      void end(thread);
      return;
    }
    // Not holding the process open (the CLI, tests) while it waits.
    thread.worker.unref();
    const timer = setTimeout(() => void end(thread), idleMs);
    timer.unref();
    idle = { thread, timer };
  };

  const finish = (job: Job, error: Error | null): void => {
    if (job.settled) return;
    job.settled = true;
    if (jobs.get(job.documentId) === job) jobs.delete(job.documentId);
    const thread = job.thread;
    job.thread = null;
    const removeTemp = () => rmSync(job.tempPath, { force: true });
    if (error === null) {
      job.settle(null);
      if (thread) release(thread);
      return;
    }
    // The temporary file goes only once the thread has stopped writing it.
    if (thread) void end(thread).then(removeTemp, removeTemp).finally(() => job.settle(error));
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
        renameSync(job.tempPath, path);
      } catch (error) {
        finish(job, new RedlineError('io', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`));
        return;
      }
      try {
        recorded(path);
      } finally {
        finish(job, null);
      }
    } else {
      const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
      finish(job, new RedlineError(code, message.message));
    }
  };

  const startWorker = (job: Job, request: ExportRequest): void => {
    const thread = take();
    thread.job = job;
    job.thread = thread;
    // Running from now on, before the thread has loaded and said how far it is.
    job.progress = { phase: 'reading', done: 0, total: 0 };
    const start: ExportWorkerRequest = { kind: 'start', id: job.id, databaseFile, nativeBinding, export: request, tempPath: job.tempPath, path: job.path };
    thread.worker.postMessage(start);
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
      const job: Job = {
        documentId,
        id: ++lastId,
        progress: null,
        preparing: prepare ?? null,
        thread: null,
        path,
        tempPath: temporarySibling(path),
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
      const threads = [...jobs.values()].flatMap((job) => (job.thread ? [job.thread] : []));
      if (idle) threads.push(idle.thread);
      for (const job of [...jobs.values()]) finish(job, cancelledError());
      await Promise.all(threads.map((thread) => end(thread)));
    },
  };
}

export type ExportJobs = ReturnType<typeof exportJobs>;
