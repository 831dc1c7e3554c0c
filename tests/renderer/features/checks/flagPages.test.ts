import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../../core/checks/types';
import { FlagPages } from '../../../../renderer/features/checks/flagPages';

const flag = (message: string): Flag => ({ check: 'spacing', severity: 'minor', confidence: 'sure', message, start: 0, end: 1 });

/** A store of flags by position, answering each fetch only when the test says so. */
function fakeStore(flagged: Map<number, Flag[]>) {
  const asked: Array<[number, number]> = [];
  const waiting: Array<() => void> = [];
  const fetch = (from: number, to: number) =>
    new Promise<Array<{ position: number; flags: Flag[] }>>((resolve) => {
      asked.push([from, to]);
      // What the store holds when it answers, not when it was asked.
      // Fresh objects each answer, as an IPC answer is.
      waiting.push(() =>
        resolve([...flagged].filter(([p]) => p >= from && p <= to).map(([position, flags]) => ({ position, flags: flags.map((f) => ({ ...f })) }))),
      );
    });
  const answerAll = async () => {
    for (const answer of waiting.splice(0)) answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { asked, fetch, answerAll };
}

describe('FlagPages: the stored flags of the rows in view', () => {
  it('asks for the pages holding the positions shown, once each, and only those', async () => {
    const store = fakeStore(new Map([[3, [flag('three')]], [950, [flag('nine fifty')]]]));
    const pages = new FlagPages(store.fetch, 100);
    pages.ensure([1, 2, 3, 4]);
    pages.ensure([2, 3, 4, 5]);
    // A filter shows rows far apart: their two pages, not the eight between.
    pages.ensure([3, 950]);
    expect(store.asked).toEqual([[1, 100], [901, 1000]]);
    expect(pages.at(3)).toEqual([]);
    await store.answerAll();
    expect(pages.at(3)).toEqual([flag('three')]);
    expect(pages.at(950)).toEqual([flag('nine fifty')]);
    expect(pages.at(4)).toEqual([]);
    pages.ensure([3, 950]);
    expect(store.asked).toHaveLength(2);
  });

  it('on refresh keeps showing the flags it had until the fresh answer comes, then shows that', async () => {
    const flagged = new Map([[3, [flag('before')]]]);
    const store = fakeStore(flagged);
    const pages = new FlagPages(store.fetch, 100);
    let told = 0;
    pages.subscribe(() => told++);
    pages.ensure([3]);
    await store.answerAll();
    flagged.set(3, [flag('after')]);
    flagged.set(7, [flag('new')]);
    pages.refresh();
    expect(store.asked).toEqual([[1, 100], [1, 100]]);
    expect(pages.at(3)).toEqual([flag('before')]);
    await store.answerAll();
    expect(pages.at(3)).toEqual([flag('after')]);
    expect(pages.at(7)).toEqual([flag('new')]);
    expect(told).toBe(2);
    // Flags that did not change keep their array (their row is not drawn again); changed ones are new.
    const seven = pages.at(7);
    flagged.set(3, [flag('after again')]);
    pages.refresh();
    await store.answerAll();
    expect(pages.at(7)).toBe(seven);
    expect(pages.at(3)).toEqual([flag('after again')]);
  });

  it('drops an answer asked for before a refresh: the page asked after it is the current one', async () => {
    const flagged = new Map([[3, [flag('old')]]]);
    const store = fakeStore(flagged);
    const pages = new FlagPages(store.fetch, 100);
    pages.ensure([3]);
    flagged.set(3, [flag('new')]);
    pages.refresh(); // asks again while the first answer is on its way
    flagged.set(3, [flag('newest')]);
    await store.answerAll();
    expect(store.asked).toHaveLength(2);
    expect(pages.at(3)).toEqual([flag('newest')]);
  });

  it('asks again for a page whose fetch failed at the next refresh, keeping the flags it showed meanwhile', async () => {
    let fail = false;
    let calls = 0;
    const pages = new FlagPages(async (from) => {
      calls++;
      if (fail) throw new Error('store busy');
      return [{ position: from, flags: [flag(`answer ${calls}`)] }];
    }, 50);
    pages.ensure([1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = true;
    pages.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.at(1)).toEqual([flag('answer 1')]);
    fail = false;
    pages.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(3);
    expect(pages.at(1)).toEqual([flag('answer 3')]);
  });
});
