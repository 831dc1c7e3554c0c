import { RedlineError } from '../core/model/errors';
import { relaySteps, type StepProgress, type Steps } from '../core/model/steps';
import { resultBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';

/**
 * Bulk writes (replace all, fix all, apply to all, fix memory, undo and redo) run as steps between requests: a
 * replace in 60,000 sentences of a book takes half a minute, and the editor's saves and reads are answered
 * between its steps instead of after it. One at a time per document: an undo that lands while a replace is half
 * written would undo half of it.
 */
export function bulkWrites({ stop = () => {}, ...options }: Omit<BetweenRequestsOptions, 'stopped'> & { stop?: (documentId: number) => void } = {}) {
  /** Each document's bulk write being written, and how far its steps have said they got. */
  const running = new Map<number, { progress: StepProgress | null }>();
  return {
    /** Runs the steps `start` gives between requests and settles with what they return. */
    async run<T>(documentId: number, start: () => Steps<StepProgress | void, T>): Promise<T> {
      if (running.has(documentId)) {
        throw new RedlineError('bad_input', 'A change to many sentences is still being written in this document: try again once it is done.');
      }
      const job = { progress: null as StepProgress | null };
      running.set(documentId, job);
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
      }
    },
    /** Whether a bulk write of the document is being written. */
    running: (documentId: number): boolean => running.has(documentId),
    /** How far the document's bulk write has got: null when none runs, or before its first step ends. */
    progress: (documentId: number): StepProgress | null => running.get(documentId)?.progress ?? null,
    /** Asks the document's bulk write to stop after its current step; false when none runs. */
    stop(documentId: number): boolean {
      if (!running.has(documentId)) return false;
      stop(documentId);
      return true;
    },
  };
}

export type BulkWrites = ReturnType<typeof bulkWrites>;
