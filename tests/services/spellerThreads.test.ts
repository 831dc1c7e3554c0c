import { describe, expect, it } from 'vitest';
import type { Speller } from '../../core/checks/types';
import { spellerThreads } from '../../services/spellerThreads';
import { spellers } from '../../services/spelling';
import { ANSWER, ANSWERED, ASKED, DONE, READY, READY_YES, REQUEST, STATE } from '../../services/spellerProtocol';
import { sourceWorkerEntry } from '../../services/workerEntry';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('spellers in threads of their own', () => {
  it('answers loading while the thread builds the dictionary, then asks it word by word through shared memory', async () => {
    const spellers = spellerThreads(sourceWorkerEntry('spellerWorker'));
    expect(spellers.ifReady('en-GB')).toEqual({ loading: true });
    // The main thread is free meanwhile: its event loop turns while the thread builds.
    let turns = 0;
    const ticking = setInterval(() => turns++, 1);
    const speller = await spellers.ready('en');
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(speller).toBeDefined();
    expect(spellers.ifReady('en')).toEqual({ speller, loading: false });
    expect(speller!.correct('house')).toBe(true);
    expect(speller!.correct('hosue')).toBe(false);
    expect(speller!.suggest('hosue')).toContain('house');
    expect(speller!.correct('Zürich’s')).toBe(speller!.correct('Zürich’s')); // non-ASCII words cross intact, answers are remembered
    expect(speller!.listed!('house')).toBe(true);
    expect(spellers.now('en')).toBe(speller);
    // A language Redline has no dictionary for starts no thread and is never loading.
    expect(spellers.ifReady('xx')).toEqual({ loading: false });
    expect(spellers.now(null)).toBeUndefined();
  }, 120_000);

  it('a question answered late gets no answer (the word passes, unremembered); the late answer is dropped and the next question answered', async () => {
    // A stand-in thread speaking the protocol (services/spellerProtocol.ts): ready at once, every word misspelled,
    // its first answer 0.8 s late — past the wait of the asking side.
    const slowFirst = `
      const { workerData } = require('node:worker_threads');
      const w = new Int32Array(workerData.control);
      Atomics.store(w, ${READY}, ${READY_YES});
      let answered = 0;
      for (;;) {
        const state = Atomics.load(w, ${STATE});
        if (state !== ${REQUEST}) { Atomics.wait(w, ${STATE}, state, 1000); continue; }
        if (answered++ === 0) { const start = Date.now(); while (Date.now() - start < 800); }
        Atomics.store(w, ${ANSWER}, 0);
        Atomics.store(w, ${ANSWERED}, Atomics.load(w, ${ASKED}));
        Atomics.store(w, ${STATE}, ${DONE});
        Atomics.notify(w, ${STATE});
      }`;
    const threads = spellerThreads({ file: slowFirst, eval: true }, spellers({ has: () => false }));
    const speller = (await threads.ready('en'))!;
    expect(speller.correct('teh')).toBe(true); // no answer in time: not flagged
    expect(speller.correct('teh')).toBe(false); // asked again, answered
    expect(speller.correct('hte')).toBe(false);
    expect(threads.ifReady('en')).toEqual({ speller, loading: false }); // one late answer does not end the thread
  });

  it('a thread that dies is replaced by the fallback (a speller built in the main process), so spelling stays on', async () => {
    const fake: Speller = { correct: (word) => word !== 'Hause', suggest: () => ['Hause'] };
    const fallback = spellers({
      // eslint-disable-next-line require-yield -- a build done at once: no slice to yield between
      build: function* () {
        return fake;
      },
      schedule: (task) => setImmediate(task),
      has: () => true,
    });
    const threads = spellerThreads({ file: 'process.exit(0)', eval: true }, fallback);
    expect(threads.ifReady('de')).toEqual({ loading: true });
    await until(() => threads.ifReady('de').speller !== undefined);
    expect(threads.ifReady('de')).toEqual({ speller: fake, loading: false });
    expect(threads.now('de')).toBe(fake);
  });

  it('a thread that dies with no fallback dictionary leaves spelling off, never loading, and the other checks alone', async () => {
    const threads = spellerThreads({ file: 'process.exit(0)', eval: true }, spellers({ has: () => false }));
    await until(() => !threads.ifReady('fr').loading);
    expect(threads.ifReady('fr')).toEqual({ loading: false });
    expect(threads.now('fr')).toBeUndefined();
  });
});
