import { RedlineError } from '../core/model/errors';
import type { ImportProgress } from '../core/model/importProgress';
import type { Steps } from '../core/model/steps';
import { nextTurnOfEventLoop, type Pause } from './betweenRequests';

interface Job {
  fileName: string;
  progress: ImportProgress | null;
  cancelled: boolean;
}

/**
 * Runs imports a step at a time, by a key the caller chooses (the picked file's token), so the app answers
 * while a large file is stored: the page polls `progress` and may `cancel`. A cancelled import stops at the
 * next step and its steps clean up after themselves (see documentImport's storing).
 */
export function importJobs(pause: Pause = nextTurnOfEventLoop) {
  const jobs = new Map<string, Job>();
  return {
    async run<T>(key: string, fileName: string, steps: Steps<ImportProgress, T>): Promise<T> {
      if (jobs.has(key)) throw new RedlineError('bad_input', `${fileName} is already being imported.`);
      const job: Job = { fileName, progress: null, cancelled: false };
      jobs.set(key, job);
      try {
        for (;;) {
          if (job.cancelled) {
            try {
              steps.return(undefined as T);
            } catch {
              // Cleaning up failed (the store closing on quit): what is left stays hidden, and the app's next
              // start sweeps it; for the editor the import is cancelled all the same.
            }
            throw new RedlineError('cancelled', `The import of ${fileName} was cancelled: nothing was stored.`);
          }
          const next = steps.next();
          if (next.done) return next.value;
          job.progress = next.value;
          await pause();
        }
      } finally {
        jobs.delete(key);
      }
    },
    /** How far the import under this key has got; null when none is running (not started, or over). */
    progress: (key: string): ImportProgress | null => jobs.get(key)?.progress ?? null,
    /** Asks the import under this key to stop; false when none is running. */
    cancel(key: string): boolean {
      const job = jobs.get(key);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },
  };
}

export type ImportJobs = ReturnType<typeof importJobs>;
