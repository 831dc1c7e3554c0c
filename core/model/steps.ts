/**
 * Long work written as a generator that yields how far it has got: a caller with an event loop runs it a step
 * at a time (showing progress, able to stop between steps), a caller without one runs it to the end.
 */
export interface StepProgress {
  done: number;
  total: number;
}

export type Steps<P, T> = Generator<P, T, void>;

/** Runs steps to their end and returns their result. */
export function runToEnd<T>(steps: Steps<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs inner steps within outer ones, reporting each inner progress as the outer kind (a phase, an offset). */
export function* relaySteps<P, Q, T>(steps: Steps<P, T>, report: (progress: P) => Q): Steps<Q, T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield report(next.value);
  }
}
