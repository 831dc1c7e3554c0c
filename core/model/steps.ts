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

/**
 * Maps items a slice at a time, yielding how far it has got after each slice but the last; items mapped to null
 * are left out. For work per item that adds up (looking up 60,000 chosen sentences) before a write's first step.
 */
export function* mapSteps<T, U>(items: readonly T[], each: (item: T) => U | null, slice: number): Steps<StepProgress, U[]> {
  const mapped: U[] = [];
  for (let i = 0; i < items.length; i++) {
    const result = each(items[i]!);
    if (result !== null) mapped.push(result);
    if ((i + 1) % slice === 0 && i + 1 < items.length) yield { done: i + 1, total: items.length };
  }
  return mapped;
}
