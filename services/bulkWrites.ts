import { RedlineError } from '../core/model/errors';
import { relaySteps, type StepProgress, type Steps } from '../core/model/steps';
import { resultBetweenRequests, type BetweenRequestsOptions } from './betweenRequests';

/**
 * Bulk writes (replace all, fix all, apply to all, fix memory, undo and redo) run as steps between requests: a
 * replace in 60,000 sentences of a book takes half a minute, and the editor's saves and reads are answered
 * between its steps instead of after it. One at a time per document: an undo that lands while a replace is half
 * written would undo half of it. Their previews read the document a page a step between requests too, so they
 * go by the same lock: a preview read while a bulk write is half written would show some sentences before it
 * and some after.
 */
export function bulkWrites({
  stopping = () => {},
  ...options
}: Omit<BetweenRequestsOptions, 'stopped'> & {
  /** Asks the writes of a document to stop after their current step (true), or forgets that (false). */
  stopping?: (documentId: number, stop: boolean) => void;
} = {}) {
  /** Each document's bulk write being written, how far its steps have said they got, whether it may stop, its end. */
  const running = new Map<number, { progress: StepProgress | null; stoppable: boolean; ended: Promise<void> }>();
  /** How many bulk writes of each document have started: a preview that sees the count change was read across one. */
  const started = new Map<number, number>();
  const startedOf = (documentId: number): number => started.get(documentId) ?? 0;
  return {
    /**
     * Runs the steps `start` gives between requests and settles with what they return. `stoppable`: the write may
     * be stopped part way (its steps look at `stopping`; undo, redo and deleting may not).
     */
    async run<T>(documentId: number, start: () => Steps<StepProgress | void, T>, { stoppable = true } = {}): Promise<T> {
      if (running.has(documentId)) {
        throw new RedlineError('bad_input', 'A change to many sentences is still being written in this document: try again once it is done.');
      }
      let end = () => {};
      const job = { progress: null as StepProgress | null, stoppable, ended: new Promise<void>((resolve) => (end = resolve)) };
      running.set(documentId, job);
      started.set(documentId, startedOf(documentId) + 1);
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
        end();
      }
    },
    /**
     * Runs a bulk preview's steps (replace, fix all, apply to all, fix memory) between requests, never across a
     * bulk write of the document: asked while one runs, it waits for it to end; when one starts between its
     * steps, it is stopped and read again from the start once that write is done. It then shows the texts the
     * write left, all of them read with no bulk write between (the editor's own saves may land between its
     * steps, as they may after it: applying works the changes out again on the texts then).
     */
    async preview<T>(documentId: number, start: () => Steps<StepProgress | void, T>): Promise<T> {
      for (;;) {
        const writing = running.get(documentId);
        if (writing) {
          await writing.ended;
          continue;
        }
        const before = startedOf(documentId);
        const read = await resultBetweenRequests(
          unlessCrossed(start(), () => startedOf(documentId) !== before),
          options,
        );
        if (read.whole) return read.value;
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

/** Runs steps until `crossed` says a write came between two of them: then stops them, returning that they were cut. */
function* unlessCrossed<P, T>(steps: Steps<P, T>, crossed: () => boolean): Steps<P, { whole: true; value: T } | { whole: false }> {
  for (;;) {
    if (crossed()) {
      steps.return(undefined as never);
      return { whole: false };
    }
    const next = steps.next();
    if (next.done) return { whole: true, value: next.value };
    yield next.value;
  }
}
