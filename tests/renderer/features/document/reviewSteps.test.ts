import { describe, expect, it } from 'vitest';
import { ARRIVAL_MS, reviewSteps } from '../../../../renderer/features/document/reviewSteps';

/** A clock the test moves: `later` work runs when the test says the time has come. */
function fakeLater() {
  let now = 0;
  const timers: Array<{ at: number; work: () => void; cancelled: boolean }> = [];
  const later = (ms: number, work: () => void) => {
    const timer = { at: now + ms, work, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.cancelled) continue;
      if (timer.at <= now) timer.work();
      else timers.push(timer);
    }
  };
  return { later, advance };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reviewSteps: Ctrl+Enter pressed before the caret has moved', () => {
  it('runs each press after the caret has reached where the press before it went', async () => {
    const clock = fakeLater();
    const steps = reviewSteps(clock.later);
    let caret = 1;
    steps.moved(caret);
    const confirmed: number[] = [];
    // Each step confirms the caret's sentence and sends the caret to the next one.
    const confirmAndNext = () =>
      steps.run(async () => {
        confirmed.push(caret);
        return caret + 1;
      });
    const presses = [confirmAndNext(), confirmAndNext(), confirmAndNext()];
    await settle();
    expect(confirmed).toEqual([1]); // the second waits for the caret
    steps.moved((caret = 2));
    await settle();
    expect(confirmed).toEqual([1, 2]);
    steps.moved((caret = 3));
    await settle();
    steps.moved((caret = 4));
    await Promise.all(presses);
    expect(confirmed).toEqual([1, 2, 3]);
  });

  it('goes on after a while when the caret never gets there, and after a step that failed', async () => {
    const clock = fakeLater();
    const steps = reviewSteps(clock.later);
    const ran: string[] = [];
    const first = steps.run(async () => (ran.push('first'), 7));
    const failing = steps.run(async () => {
      ran.push('failing');
      throw new Error('the store refused');
    });
    const last = steps.run(async () => (ran.push('last'), null));
    await settle();
    expect(ran).toEqual(['first']);
    clock.advance(ARRIVAL_MS - 1);
    await settle();
    expect(ran).toEqual(['first']);
    clock.advance(1);
    await first;
    await expect(failing).rejects.toThrow('the store refused');
    await last;
    expect(ran).toEqual(['first', 'failing', 'last']);
  });

  it('does not wait when the step leaves the caret where it is', async () => {
    const steps = reviewSteps(fakeLater().later);
    steps.moved(4);
    await steps.run(async () => 4);
    await steps.run(async () => null);
  });
});
