import type { DocumentMetrics } from '../core/metrics/documentMetrics';
import type { TerOptions } from '../core/metrics/tercomTokenize';
import { ERROR_CODES, RedlineError, type ErrorCode } from '../core/model/errors';
import { threadDied } from './unforeseenFailure';
import type { StepProgress } from '../core/model/steps';
import { keptThreads, type KeptThreadsOptions, type LentThread } from './keptThreads';
import type { MetricsWorkerMessage, MetricsWorkerRequest } from './metricsWorker';
import type { WorkerEntry } from './workerEntry';

/** What the store keeps to tell whether figures measured earlier are still current. */
export interface RevisionStamps {
  /** The store's newest revision id. */
  revision(): number;
  /** Whether the document got a revision after `revision`; throws not_found for no such document. */
  revisedSince(documentId: number, revision: number): boolean;
}

/** The figures, or how far measuring them has got (ask again). */
export type MetricsAnswer = DocumentMetrics | { pending: StepProgress };

interface Job {
  documentId: number;
  thread: LentThread;
  progress: StepProgress;
}

/** Measured figures and the newest revision id of the snapshot they were measured on. */
interface Measured {
  metrics: DocumentMetrics;
  revision: number;
}

/** Figures kept for this many (document, options) pairs, the least recently asked for going first. */
const CACHED = 16;

const keyOf = (documentId: number, options: Required<TerOptions>) =>
  `${documentId}:${options.normalize ? 'n' : '-'}${options.caseSensitive ? 'c' : '-'}`;

/**
 * A document's metrics with TER options other than the stored ones (which the writes keep, migration 0009):
 * every sentence is measured again, so that runs in a worker thread (metricsWorker.ts) on its own read-only
 * connection while `answer` says how far it is. The result is kept for (document, options) and given again
 * until a revision of the document is written after the snapshot it was measured on; then it is measured again.
 * One measuring at a time: asking for another stops the one running. The thread of a measuring that ended by
 * itself is kept for the next (keptThreads.ts), so measuring a small document again does not wait for a thread
 * to start.
 */
export function metricsJobs(databaseFile: string, entry: WorkerEntry, nativeBinding?: string, threadOptions: KeptThreadsOptions = {}) {
  const threads = keptThreads<MetricsWorkerMessage>(entry, threadOptions);
  let lastId = 0;
  const jobs = new Map<string, Job>();
  const measured = new Map<string, Measured>();
  /** Why the last measuring of a key failed: told once by the next answer, which then measures again. */
  const failures = new Map<string, RedlineError>();

  /** Stops a measuring before it ends: its thread is ended at once (it only reads, nothing is left half done). */
  const stop = (key: string, job: Job) => {
    if (jobs.get(key) === job) jobs.delete(key);
    void job.thread.end();
  };

  function start(key: string, documentId: number, options: Required<TerOptions>): Job {
    for (const [other, running] of jobs) if (other !== key) stop(other, running);
    const id = ++lastId;
    let over = false;
    /** `threadDone`: the thread finished the job itself (figures or a failure it told), so it is kept. */
    const finish = (outcome: Measured | RedlineError, threadDone: boolean) => {
      if (over) return;
      over = true;
      const current = jobs.get(key) === job;
      if (current) jobs.delete(key);
      if (threadDone) job.thread.giveBack();
      else void job.thread.end();
      if (!current) return; // stopped or closed meanwhile: its outcome is not kept
      if (outcome instanceof RedlineError) return void failures.set(key, outcome);
      measured.delete(key);
      measured.set(key, outcome);
      while (measured.size > CACHED) measured.delete(measured.keys().next().value!);
    };
    const thread = threads.lend(id, {
      message: (message) => {
        if (message.kind === 'progress') job.progress = { done: message.done, total: message.total };
        else if (message.kind === 'done') finish({ metrics: message.metrics, revision: message.revision }, true);
        else {
          const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
          finish(new RedlineError(code, message.message), true);
        }
      },
      died: (death) =>
        finish(
          new RedlineError(
            'internal',
            death.kind === 'error' ? threadDied('Measuring the document', death.error) : 'Measuring the document stopped before it finished.',
          ),
          false,
        ),
    });
    const job: Job = { documentId, thread, progress: { done: 0, total: 0 } };
    jobs.set(key, job);
    const request: MetricsWorkerRequest = { kind: 'start', id, databaseFile, nativeBinding, documentId, options };
    thread.post(request);
    return job;
  }

  return {
    /**
     * The figures with these options if measured on the document as it is now; otherwise measuring starts (or
     * goes on) in the worker and the answer is how far it is. Costs the revisions written since the figures
     * were measured, never the document.
     */
    answer(documentId: number, options: TerOptions, stamps: RevisionStamps): MetricsAnswer {
      const full = { normalize: options.normalize ?? true, caseSensitive: options.caseSensitive ?? true };
      const key = keyOf(documentId, full);
      const failure = failures.get(key);
      if (failure) {
        failures.delete(key);
        throw failure;
      }
      const kept = measured.get(key);
      if (kept) {
        if (!stamps.revisedSince(documentId, kept.revision)) {
          // Nothing of this document since: the figures hold as of now, so the next look starts from here.
          kept.revision = stamps.revision();
          measured.delete(key);
          measured.set(key, kept);
          return kept.metrics;
        }
        measured.delete(key);
      } else stamps.revisedSince(documentId, stamps.revision()); // not_found for no such document, before a worker starts
      const job = jobs.get(key) ?? start(key, documentId, full);
      return { pending: job.progress };
    },
    /** Stops measuring the document (any options); false when nothing of it is being measured. */
    cancel(documentId: number): boolean {
      let cancelled = false;
      for (const [key, job] of jobs) {
        if (job.documentId !== documentId) continue;
        // Terminated at once: the worker only reads, so nothing is left half done.
        stop(key, job);
        cancelled = true;
      }
      return cancelled;
    },
    running: (documentId: number): boolean => [...jobs.values()].some((job) => job.documentId === documentId),
    /** Stops every measuring and forgets every figure (the app quitting, the store closed or swapped under it). */
    async close(): Promise<void> {
      const running = [...jobs.values()];
      jobs.clear();
      measured.clear();
      failures.clear();
      await Promise.all([...running.map((job) => job.thread.end()), threads.close()]);
    },
  };
}

export type MetricsJobs = ReturnType<typeof metricsJobs>;
