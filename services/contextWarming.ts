import { runBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';
import type { CheckService } from './checkService';

/**
 * Builds the check context of the document the editor opened, between requests, so that its first save patches
 * a context that is ready instead of building one from every sentence (seconds in a book) on the request path.
 * One document at a time: opening another stops the build for the one before (nothing kept from it).
 */
export function contextWarming(checks: Pick<CheckService, 'warm'>, options: Omit<BetweenRequestsOptions, 'stopped'> = {}) {
  let current: { documentId: number; stop: boolean; done: Promise<boolean> } | null = null;
  return {
    /** Starts building for a document (no-op when it is built or being built); settles when done or stopped. */
    open(documentId: number): Promise<boolean> {
      if (current && !current.stop && current.documentId === documentId) return current.done;
      if (current) current.stop = true;
      let steps: ReturnType<typeof checks.warm>;
      try {
        steps = checks.warm(documentId);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error))); // the store closed under it
      }
      if (!steps) return Promise.resolve(false);
      const job = { documentId, stop: false, done: Promise.resolve(false) };
      job.done = runBetweenRequests(steps, { ...options, stopped: () => job.stop }).finally(() => {
        if (current === job) current = null;
      });
      current = job;
      return job.done;
    },
    building: (documentId: number): boolean => current?.documentId === documentId,
    stop(): void {
      if (current) current.stop = true;
    },
  };
}

export type ContextWarming = ReturnType<typeof contextWarming>;
