import type { Steps } from '../core/model/steps';
import { keepProcessYoungSmall } from './youngGeneration';

/** Lets other work (requests, progress polls, a cancel) run before the next step. */
export type Pause = () => Promise<void>;

export const nextTurnOfEventLoop: Pause = () => new Promise((resolve) => setImmediate(resolve));

export interface BetweenRequestsOptions {
  /** How long steps may run before the event loop gets a turn (a request then waits at most this and a step). */
  budgetMs?: number;
  pause?: Pause;
  now?: () => number;
  /** Asked before each step: true stops the work there (its generator returns, its `finally` runs). */
  stopped?: () => boolean;
  /** Run after each step; by default keeps the young generation small (youngGeneration.ts). */
  afterStep?: () => void;
}

/**
 * Runs work written as steps in the app's own process without holding up its requests: steps run until the
 * budget is spent, then the event loop gets a turn. Settles true when the steps ran to their end, false when
 * stopped.
 */
export async function runBetweenRequests(steps: Steps<unknown, unknown>, options: BetweenRequestsOptions = {}): Promise<boolean> {
  const { budgetMs = 4, pause = nextTurnOfEventLoop, now = () => performance.now(), stopped = () => false, afterStep = keepProcessYoungSmall } = options;
  for (;;) {
    const turn = now();
    do {
      if (stopped()) {
        steps.return(undefined);
        return false;
      }
      if (steps.next().done) return true;
      afterStep();
    } while (now() - turn < budgetMs);
    await pause();
  }
}

/** Runs steps between requests (see runBetweenRequests) and settles with what they return. */
export async function resultBetweenRequests<T>(steps: Steps<unknown, T>, options: Omit<BetweenRequestsOptions, 'stopped'> = {}): Promise<T> {
  let result: { value: T } | null = null;
  await runBetweenRequests(
    (function* () {
      result = { value: yield* steps };
    })(),
    options,
  );
  return result!.value;
}
