import { describe, expect, it } from 'vitest';
import type { Steps } from '../../core/model/steps';
import { runBetweenRequests } from '../../services/betweenRequests';

/** Steps that each take `cost` on a fake clock, recording what happened. */
function work(count: number, clock: { now: number }, cost: number, log: string[]): Steps<void, void> {
  return (function* () {
    try {
      for (let i = 0; i < count; i++) {
        clock.now += cost;
        log.push(`step ${i}`);
        yield;
      }
    } finally {
      log.push('finally');
    }
  })();
}

describe('runBetweenRequests', () => {
  it('gives the event loop a turn whenever the steps have used up the budget', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const done = await runBetweenRequests(work(5, clock, 3, log), { budgetMs: 5, now: () => clock.now, pause: async () => void log.push('pause') });
    expect(done).toBe(true);
    expect(log).toEqual(['step 0', 'step 1', 'pause', 'step 2', 'step 3', 'pause', 'step 4', 'finally']);
  });

  it('stops between steps when asked, letting the steps clean up', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    let pauses = 0;
    const done = await runBetweenRequests(work(10, clock, 3, log), {
      budgetMs: 1,
      now: () => clock.now,
      pause: async () => void pauses++,
      stopped: () => pauses >= 2,
    });
    expect(done).toBe(false);
    expect(log).toEqual(['step 0', 'step 1', 'finally']);
  });

  it('runs its after-step check after every step, within the turn', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    await runBetweenRequests(work(3, clock, 3, log), {
      budgetMs: 5,
      now: () => clock.now,
      pause: async () => void log.push('pause'),
      afterStep: () => void log.push('after'),
    });
    expect(log).toEqual(['step 0', 'after', 'step 1', 'after', 'pause', 'step 2', 'after', 'finally']);
  });

  it('passes on a failing step', async () => {
    const failing = (function* () {
      yield;
      throw new Error('the store closed');
    })();
    await expect(runBetweenRequests(failing, { pause: async () => undefined })).rejects.toThrow('the store closed');
  });
});
