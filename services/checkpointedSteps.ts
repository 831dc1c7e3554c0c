import type { Steps } from '../core/model/steps';
import type { Store } from '../db/store';

/**
 * Runs steps that write a lot between requests (an import, a bulk write) with SQLite's automatic checkpoints
 * held off, and a checkpoint every `every` steps as a step of its own, repeating the progress before it. The
 * automatic one copies the WAL into the database file in the commit that takes it past 1,000 pages (some 25 ms
 * here), added to whichever step that is: a request waiting behind that step waited for both. Run at once, in
 * one transaction (the CLI's import, a bulk write's `run`), the steps are left as they are. Stopped or failed,
 * the steps' own cleanup runs before checkpoints are given back.
 */
export function* checkpointedSteps<P, T>(store: Pick<Store, 'checkpoints' | 'inTransaction'>, steps: Steps<P, T>, every: number): Steps<P, T> {
  if (store.inTransaction) return yield* steps;
  const resume = store.checkpoints.defer();
  let finished = false;
  try {
    for (let count = 1; ; count++) {
      const next = steps.next();
      if (next.done) {
        finished = true;
        return next.value;
      }
      yield next.value;
      if (count % every === 0) {
        store.checkpoints.run();
        yield next.value;
      }
    }
  } finally {
    try {
      if (!finished) steps.return(undefined as never);
    } finally {
      resume();
    }
  }
}
