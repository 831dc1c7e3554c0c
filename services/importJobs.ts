import { RedlineError } from '../core/model/errors';
import type { ImportProgress } from '../core/model/importProgress';
import type { Steps } from '../core/model/steps';
import { nextTurnOfEventLoop, type Pause } from './betweenRequests';
import type { Offloaded } from './fileReads';
import { keepProcessYoungSmall } from './youngGeneration';

interface Job {
  fileName: string;
  progress: ImportProgress | null;
  cancelled: boolean;
  /** Why it was stopped, when not by the editor's Cancel. */
  stoppedBecause: string | null;
  /** Stops the file's reading in its worker thread, while it is being read. */
  stopReading: (() => void) | null;
}

/**
 * Runs imports a step at a time, by a key the caller chooses (the picked file's token), so the app answers
 * while a large file is stored: the page polls `progress` and may `cancel`. A cancelled import stops at the
 * next step and its steps clean up after themselves (see documentImport's storing). An import may first wait
 * for its file to be read in a worker thread (`runAfter`); a cancel then stops the reading at once. `afterStep`
 * runs after each step: by default it keeps the young generation small, as the rows a step makes survive it
 * (youngGeneration.ts).
 */
export function importJobs(pause: Pause = nextTurnOfEventLoop, afterStep: () => void = keepProcessYoungSmall) {
  const jobs = new Map<string, Job>();
  const cancelledError = (job: Job) =>
    new RedlineError('cancelled', `The import of ${job.fileName} was ${job.stoppedBecause ? `stopped: ${job.stoppedBecause}` : 'cancelled'}: nothing was stored.`);

  async function drive<T>(job: Job, steps: Steps<ImportProgress, T>): Promise<T> {
    for (;;) {
      if (job.cancelled) {
        try {
          steps.return(undefined as T);
        } catch {
          // Cleaning up failed (the store closing on quit): what is left stays hidden, and the app's next
          // start sweeps it; for the editor the import is cancelled all the same.
        }
        throw cancelledError(job);
      }
      const next = steps.next();
      if (next.done) return next.value;
      job.progress = next.value;
      afterStep();
      await pause();
    }
  }

  /** Stops a job at its next step, and its file's reading at once. */
  function stop(job: Job, because: string | null): void {
    job.cancelled = true;
    job.stoppedBecause = because;
    job.stopReading?.();
  }

  async function withJob<T>(key: string, fileName: string, work: (job: Job) => Promise<T>): Promise<T> {
    if (jobs.has(key)) throw new RedlineError('bad_input', `${fileName} is already being imported.`);
    const job: Job = { fileName, progress: null, cancelled: false, stoppedBecause: null, stopReading: null };
    jobs.set(key, job);
    try {
      return await work(job);
    } finally {
      jobs.delete(key);
    }
  }

  return {
    run<T>(key: string, fileName: string, steps: Steps<ImportProgress, T>): Promise<T> {
      return withJob(key, fileName, (job) => drive(job, steps));
    },
    /** Waits for the file to be read (in a worker thread), then runs the steps that store what was read. */
    runAfter<R, T>(key: string, fileName: string, reading: () => Offloaded<R>, then: (read: R) => Steps<ImportProgress, T>): Promise<T> {
      return withJob(key, fileName, async (job) => {
        job.progress = { phase: 'reading', done: 0, total: 1 };
        const offloaded = reading();
        job.stopReading = offloaded.cancel;
        let read: R;
        try {
          read = await offloaded.result;
        } catch (error) {
          throw job.cancelled ? cancelledError(job) : error;
        } finally {
          job.stopReading = null;
        }
        // The read's last part was decoded in this turn: requests waiting get the next before the first step.
        await pause();
        return drive(job, then(read));
      });
    },
    /** How far the import under this key has got; null when none is running (not started, or over). */
    progress: (key: string): ImportProgress | null => jobs.get(key)?.progress ?? null,
    /** Asks the import under this key to stop; false when none is running. */
    cancel(key: string): boolean {
      const job = jobs.get(key);
      if (job) stop(job, null);
      return job !== undefined;
    },
    /**
     * Stops every import, saying why (the store is being replaced by a backup): an import begun on one store must
     * not land in another the editor restored meanwhile.
     */
    stopAll(because: string): void {
      for (const job of jobs.values()) stop(job, because);
    },
  };
}

export type ImportJobs = ReturnType<typeof importJobs>;
