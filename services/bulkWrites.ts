import { RedlineError } from '../core/model/errors';
import { relaySteps, type StepProgress, type Steps } from '../core/model/steps';
import { resultBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';

/**
 * Bulk writes (replace all, fix all, apply to all, fix memory, undo and redo) run as steps between requests: a
 * replace in 60,000 sentences of a book takes half a minute, and the editor's saves and reads are answered
 * between its steps instead of after it. One at a time per document: an undo that lands while a replace is half
 * written would undo half of it.
 */
export function bulkWrites({
  stopping = () => {},
  ...options
}: Omit<BetweenRequestsOptions, 'stopped'> & {
  /** Asks the writes of a document to stop after their current step (true), or forgets that (false). */
  stopping?: (documentId: number, stop: boolean) => void;
} = {}) {
  /** Each document's bulk write being written, how far its steps have said they got, and whether it may stop. */
  const running = new Map<number, { progress: StepProgress | null; stoppable: boolean }>();
  return {
    /**
     * Runs the steps `start` gives between requests and settles with what they return. `stoppable`: the write may
     * be stopped part way (its steps look at `stopping`; undo, redo and deleting may not).
     */
    async run<T>(documentId: number, start: () => Steps<StepProgress | void, T>, { stoppable = true } = {}): Promise<T> {
      if (running.has(documentId)) {
        throw new RedlineError('bad_input', 'A change to many sentences is still being written in this document: try again once it is done.');
      }
      const job = { progress: null as StepProgress | null, stoppable };
      running.set(documentId, job);
      stopping(documentId, false);
      try {
        const steps = start();
        return await resultBetweenRequests(
          relaySteps(steps, (progress) => {
            if (progress) job.progress = progress;
          }),
          options,
        );
      } finally {
        running.delete(documentId);
        stopping(documentId, false);
      }
    },
    /** Whether a bulk write of the document is being written. */
    running: (documentId: number): boolean => running.has(documentId),
    /** How far the document's bulk write has got, and whether it may stop: null when none runs, or before its first step ends. */
    progress(documentId: number): (StepProgress & { stoppable: boolean }) | null {
      const job = running.get(documentId);
      return job?.progress ? { ...job.progress, stoppable: job.stoppable } : null;
    },
    /** Asks the document's bulk write to stop after its current step; false when none runs or it may not stop. */
    stop(documentId: number): boolean {
      if (!running.get(documentId)?.stoppable) return false;
      stopping(documentId, true);
      return true;
    },
  };
}

export type BulkWrites = ReturnType<typeof bulkWrites>;
