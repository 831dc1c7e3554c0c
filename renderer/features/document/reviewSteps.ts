import { afterTimeout, type Later } from '../../lib/later';

/**
 * Ctrl+Enter (confirm and go to the next unconfirmed sentence) pressed again before the caret has reached the
 * sentence the last press went to: each press acted on the row the caret was still on, so five quick presses
 * confirmed one or two sentences and skipped the rest. Steps now run one at a time, each after the caret has
 * reached where the step before it went, so each press acts on the sentence the one before it showed.
 */

/** How long a step waits for the caret to reach where the step before it went (a row that never takes it). */
export const ARRIVAL_MS = 1500;

export function reviewSteps(later: Later = afterTimeout) {
  let tail: Promise<void> = Promise.resolve();
  /** The position the newest step sent the caret to, until the caret gets there. */
  let awaited: { position: number; arrived: () => void } | null = null;
  let caret = 0;

  const arrival = (position: number): Promise<void> =>
    new Promise((resolve) => {
      if (caret === position) return resolve();
      const cancel = later(ARRIVAL_MS, () => done());
      const done = () => {
        cancel();
        awaited = null;
        resolve();
      };
      awaited = { position, arrived: done };
    });

  return {
    /**
     * Runs `step` once the steps before it have run and the caret has followed them. `step` does its work on the
     * caret's sentence and gives the position it sends the caret to (null: it stays).
     */
    run(step: () => Promise<number | null>): Promise<void> {
      const result = tail.then(async () => {
        const target = await step();
        if (target !== null) await arrival(target);
      });
      // One step failing must not stop the next press from running.
      tail = result.catch(() => undefined);
      return result;
    },
    /** The caret is on `position` (the active row changed). */
    moved(position: number): void {
      caret = position;
      if (awaited?.position === position) awaited.arrived();
    },
  };
}

export type ReviewSteps = ReturnType<typeof reviewSteps>;
