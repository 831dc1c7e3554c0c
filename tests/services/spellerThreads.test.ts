import { describe, expect, it } from 'vitest';
import { spellerThreads } from '../../services/spellerThreads';
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

  it('a thread that dies leaves spelling off for its language (never loading, no flags), and the other checks alone', async () => {
    const spellers = spellerThreads({ file: 'process.exit(0)', eval: true });
    expect(spellers.ifReady('de')).toEqual({ loading: true });
    await until(() => !spellers.ifReady('de').loading);
    expect(spellers.ifReady('de')).toEqual({ loading: false });
    expect(spellers.now('de')).toBeUndefined();
  });
});
