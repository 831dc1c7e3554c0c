import { describe, expect, it } from 'vitest';
import { flagJumps } from '../../../../renderer/features/checks/flagJumps';

/** Flagged sentences at 20, 30, 40: `find` answers the next after a position, when the test says so. */
function fakeNearest() {
  const asked: number[] = [];
  const waiting: Array<() => void> = [];
  const find = (from: number) =>
    new Promise<number | null>((resolve) => {
      asked.push(from);
      waiting.push(() => resolve([20, 30, 40].find((p) => p > from) ?? null));
    });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Answers every question asked, and those asked because of an answer, until none is left. */
  const answerAll = async () => {
    for (await tick(); waiting.length > 0; await tick()) for (const answer of waiting.splice(0)) answer();
  };
  return { asked, find, answerAll };
}

describe('flagJumps: F8 pressed before the caret has moved', () => {
  it('goes on from where the jump before lands, each press to the next flagged sentence', async () => {
    const store = fakeNearest();
    const jumps = flagJumps();
    // Three presses while the caret is still on 10: one answer is asked for at a time, each from the last landing.
    const landings = [jumps.next(10, store.find), jumps.next(10, store.find), jumps.next(10, store.find)];
    await store.answerAll();
    expect(await Promise.all(landings)).toEqual([20, 30, 40]);
    expect(store.asked).toEqual([10, 20, 30]);
  });

  it('goes on from the last landing while the caret follows the jumps a jump behind', async () => {
    const store = fakeNearest();
    const jumps = flagJumps();
    const first = jumps.next(10, store.find);
    const second = jumps.next(10, store.find);
    await store.answerAll();
    expect([await first, await second]).toEqual([20, 30]);
    jumps.moved(30); // the caret reaches the newest landing
    const third = jumps.next(30, store.find);
    await store.answerAll();
    expect(await third).toBe(40);
  });

  it('keeps the chain while a jump is on its way, whatever the caret does meanwhile', async () => {
    const store = fakeNearest();
    const jumps = flagJumps();
    const first = jumps.next(10, store.find);
    const second = jumps.next(10, store.find);
    jumps.moved(20); // drawn while the second is still asked
    await store.answerAll();
    expect([await first, await second]).toEqual([20, 30]);
  });

  it('starts again from an earlier landing the editor clicked back to', async () => {
    const store = fakeNearest();
    const jumps = flagJumps();
    const first = jumps.next(10, store.find);
    await store.answerAll();
    jumps.moved((await first)!);
    const second = jumps.next(20, store.find);
    await store.answerAll();
    jumps.moved((await second)!);
    jumps.moved(20); // clicked back on the first landing
    const third = jumps.next(20, store.find);
    await store.answerAll();
    expect(await third).toBe(30);
  });

  it('starts from the caret once it has moved by itself', async () => {
    const store = fakeNearest();
    const jumps = flagJumps();
    const first = jumps.next(10, store.find);
    await store.answerAll();
    expect(await first).toBe(20);
    jumps.moved(20);
    jumps.moved(5); // the editor clicked sentence 5
    const next = jumps.next(5, store.find);
    await store.answerAll();
    expect(await next).toBe(20);
    expect(store.asked).toEqual([10, 5]);
  });

  it('a jump that finds nothing leaves the next to start from the caret; a failed one does not stop the next', async () => {
    const jumps = flagJumps();
    const nothing = jumps.next(50, async () => null);
    expect(await nothing).toBeNull();
    const failed = jumps.next(50, async () => {
      throw new Error('the store is closed');
    });
    await expect(failed).rejects.toThrow('the store is closed');
    const asked: number[] = [];
    expect(await jumps.next(50, async (from) => (asked.push(from), 60))).toBe(60);
    expect(asked).toEqual([50]);
  });
});
