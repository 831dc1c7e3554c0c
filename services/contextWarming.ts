import { runBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';
import type { CheckService } from './checkService';

/**
 * Builds the check context of the document the editor opened, between requests, so that its first save patches
 * a context that is ready instead of building one from every sentence (seconds in a book) on the request path.
 * One document at a time: opening another stops the build for the one before (nothing kept from it).
 */
export function contextWarming(checks: Pick<CheckService, 'warm'>, options: Omit<BetweenRequestsOptions, 'stopped'> = {}) {
  interface Job {
    stop: boolean;
    done: Promise<boolean>;
  }
  /** Builds still running, the stopped ones until their next step sees it. */
  const jobs = new Map<number, Job>();
  const stopAll = (except?: number) => {
    for (const [documentId, job] of jobs) if (documentId !== except) job.stop = true;
  };
  return {
    /** Starts building for a document (no-op when it is built or being built); settles when done or stopped. */
    open(documentId: number): Promise<boolean> {
      stopAll(documentId);
      const running = jobs.get(documentId);
      if (running) {
        running.stop = false; // opened again before its stop took effect: it goes on
        return running.done;
      }
      let steps: ReturnType<typeof checks.warm>;
      try {
        steps = checks.warm(documentId);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error))); // the store closed under it
      }
      if (!steps) return Promise.resolve(false);
      const job: Job = { stop: false, done: Promise.resolve(false) };
      job.done = runBetweenRequests(steps, { ...options, stopped: () => job.stop }).finally(() => {
        if (jobs.get(documentId) === job) jobs.delete(documentId);
      });
      jobs.set(documentId, job);
      return job.done;
    },
    building: (documentId: number): boolean => jobs.get(documentId)?.stop === false,
    stop: () => stopAll(),
  };
}

export type ContextWarming = ReturnType<typeof contextWarming>;
