import { RedlineError } from '../core/model/errors';
import type { Steps } from '../core/model/steps';
import { resultBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';

/**
 * Bulk writes (replace all, fix all, apply to all, fix memory, undo and redo) run as steps between requests: a
 * replace in 60,000 sentences of a book takes half a minute, and the editor's saves and reads are answered
 * between its steps instead of after it. One at a time per document: an undo that lands while a replace is half
 * written would undo half of it.
 */
export function bulkWrites(options: Omit<BetweenRequestsOptions, 'stopped'> = {}) {
  const running = new Set<number>();
  return {
    /** Runs the steps `start` gives between requests and settles with what they return. */
    async run<T>(documentId: number, start: () => Steps<unknown, T>): Promise<T> {
      if (running.has(documentId)) {
        throw new RedlineError('bad_input', 'A change to many sentences is still being written in this document: try again once it is done.');
      }
      running.add(documentId);
      try {
        return await resultBetweenRequests(start(), options);
      } finally {
        running.delete(documentId);
      }
    },
    /** Whether a bulk write of the document is being written. */
    running: (documentId: number): boolean => running.has(documentId),
  };
}

export type BulkWrites = ReturnType<typeof bulkWrites>;
