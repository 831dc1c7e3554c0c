import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { Speller } from '../../core/checks/types';
import { checkHandlers } from '../../electron/ipc/handlers/checks';
import { createServices, type ServiceOptions } from '../../services';
import { spellers, type SpellerBuild } from '../../services/spelling';
import type { WholeChecks } from '../../services/wholeChecks';
import { FIXED_TIME, onCleanup, SAMPLE, tempDir } from '../electron/support';

/** A speller that knows every word but a few slips. */
const FAKE: Speller = {
  correct: (word) => !['recieved', 'teh'].includes(word.toLowerCase()),
  suggest: (word) => (word.toLowerCase() === 'recieved' ? ['received'] : word.toLowerCase() === 'teh' ? ['the'] : []),
};

/**
 * A slow dictionary: its build takes `slices` steps, and a step runs only when the test runs the scheduled
 * work — so a request that answered while steps were left did not wait for the dictionary.
 */
function slowDictionary(slices = 3) {
  const queue: Array<() => void> = [];
  let steps = 0;
  const set = spellers({
    schedule: (task) => queue.push(task),
    build: function* (language): SpellerBuild {
      for (let i = 0; i < slices; i++) {
        steps++;
        yield;
      }
      steps++;
      return language === 'en' ? FAKE : null;
    },
    has: (language) => language === 'en' || language === 'de',
  });
  return {
    set,
    steps: () => steps,
    /** Runs one scheduled slice (what the event loop does between requests). */
    runOne: () => queue.shift()?.(),
    runAll: () => {
      while (queue.length > 0) queue.shift()!();
    },
  };
}

const MISSPELLED = 'The police recieved the reports on Monday.';

describe('building a dictionary between requests', () => {
  it('answers at once while building, a slice per turn, and the speller once built', async () => {
    const slow = slowDictionary(3);
    expect(slow.set.ifReady('en-GB')).toEqual({ loading: true });
    expect(slow.steps()).toBe(0); // nothing built on the asking request
    const ready = slow.set.ready('en');
    slow.runOne();
    expect(slow.steps()).toBe(1);
    expect(slow.set.ifReady('en')).toEqual({ loading: true });
    slow.runAll();
    expect(slow.steps()).toBe(4);
    expect(slow.set.ifReady('en')).toEqual({ speller: FAKE, loading: false });
    await expect(ready).resolves.toBe(FAKE);
  });

  it('a language without a dictionary is never loading; one whose build finds none ends without a speller', () => {
    const slow = slowDictionary(1);
    expect(slow.set.ifReady('zh')).toEqual({ loading: false });
    expect(slow.set.ifReady(null)).toEqual({ loading: false });
    expect(slow.set.ifReady('de')).toEqual({ loading: true });
    slow.runAll();
    expect(slow.set.ifReady('de')).toEqual({ loading: false });
  });

  it('`now` (the CLI, the worker threads) finishes a build under way at once', () => {
    const slow = slowDictionary(5);
    slow.set.ifReady('en');
    slow.runOne();
    expect(slow.set.now('en')).toBe(FAKE);
    expect(slow.steps()).toBe(6);
    slow.runAll(); // the scheduled slice finds nothing left to do
    expect(slow.steps()).toBe(6);
  });

  it('a build that throws leaves spelling off, never the caller', () => {
    const set = spellers({
      schedule: (task) => task(),
      build: function* (): SpellerBuild {
        yield;
        throw new Error('unreadable .dic');
      },
    });
    expect(set.ifReady('en')).toEqual({ loading: true });
    expect(set.ifReady('en')).toEqual({ loading: false });
    expect(set.now('en')).toBeUndefined();
  });
});

function openWith(databaseFile: string, options: ServiceOptions) {
  const services = createServices(databaseFile, { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding(), ...options });
  onCleanup(() => services.close());
  return services;
}

/** A store whose sample document was checked, with spelling, by an earlier run of the app. */
function checkedWithSpelling() {
  const file = join(tempDir(), 'redline.sqlite');
  const ready = spellers({
    build: function* (): SpellerBuild {
      yield;
      return FAKE;
    },
  });
  const first = openWith(file, { spellers: ready });
  const doc = first.openSample(SAMPLE);
  const [segment] = first.segments.page(doc.id, 0, 1).items;
  first.checks.document(doc.id);
  expect(first.checks.isChecked(doc.id)).toBe(true);
  return { file, ready, doc, segment };
}

const spellingFlags = (flags: ReadonlyArray<{ check: string; start: number; end: number }>, text: string) =>
  flags.filter((f) => f.check === 'spelling').map((f) => text.slice(f.start, f.end));

describe('the app checks without spelling while the dictionary is built, then with it', () => {
  it('a live check and a save do not wait; the stored flags take the spelling in once it is ready', () => {
    const slow = slowDictionary(3);
    const services = openWith(join(tempDir(), 'redline.sqlite'), { spelling: 'between-requests', spellers: slow.set });
    const doc = services.openSample(SAMPLE);
    const [first] = services.segments.page(doc.id, 0, 1).items;

    expect(services.spelling.loading(doc.id)).toBe(true);
    expect(spellingFlags(services.checks.segment(first!.id, MISSPELLED), MISSPELLED)).toEqual([]);
    expect(services.checks.document(doc.id).segments.length).toBeGreaterThan(0);
    services.segments.update(first!.id, MISSPELLED);
    const stored = services.checks.document(doc.id).segments.find((s) => s.segmentId === first!.id);
    expect(spellingFlags(stored?.flags ?? [], MISSPELLED)).toEqual([]);
    expect(services.checks.isChecked(doc.id)).toBe(true); // current, as checked without spelling
    expect(slow.steps()).toBe(0); // every answer so far came without building anything

    slow.runAll();
    expect(services.spelling.loading(doc.id)).toBe(false);
    // The stored flags were computed without spelling, which is now there: they are no longer current.
    expect(services.checks.isChecked(doc.id)).toBe(false);
    const after = services.checks.document(doc.id).segments.find((s) => s.segmentId === first!.id);
    expect(spellingFlags(after?.flags ?? [], MISSPELLED)).toEqual(['recieved']);
    expect(spellingFlags(services.checks.segment(first!.id, MISSPELLED), MISSPELLED)).toEqual(['recieved']);
  });

  it('an offer made while building says spelling is pending; asked again once built, it names the typo', () => {
    const slow = slowDictionary(3);
    const services = openWith(join(tempDir(), 'redline.sqlite'), { spelling: 'between-requests', spellers: slow.set });
    const text = 'The police received the reports on Monday.\n\nThe police received them late.\n';
    const doc = services.documents.importText({ fileName: 'police.txt', text, hasBom: false });
    const [first] = services.segments.page(doc.id, 0, 1).items;
    services.segments.update(first!.id, MISSPELLED);
    const offer = () => services.propagation.suggest(first!.id, first!.mtText, MISSPELLED).map((o) => ({ replace: o.rule.replace, misspelt: o.misspelt, spellingPending: o.spellingPending }));

    expect(offer()).toEqual([{ replace: 'recieved', misspelt: [], spellingPending: true }]);
    slow.runAll();
    expect(offer()).toEqual([{ replace: 'recieved', misspelt: ['recieved'], spellingPending: false }]);
  });

  it('a save while building, over flags stored with spelling, awaits its check; once the dictionary is there, only it is checked', async () => {
    const { file, ready, doc, segment } = checkedWithSpelling();

    // The app started again: its dictionary is being built when the editor saves.
    const slow = slowDictionary(2);
    const app = openWith(file, { spelling: 'between-requests', spellers: slow.set });
    expect(app.spelling.loading(doc.id)).toBe(true);
    app.segments.update(segment!.id, MISSPELLED);
    // Not current while it awaits its check, whatever the options.
    expect(app.checks.isChecked(doc.id)).toBe(false);
    const started: number[] = [];
    const background = {
      start: (documentId: number) => (started.push(documentId), Promise.resolve()),
      progress: () => null,
      takeFailure: () => null,
      cancel: () => false,
      close: () => Promise.resolve(),
    } as unknown as WholeChecks;
    const handlers = checkHandlers(app, background);
    expect(await handlers['checks.document']({ documentId: doc.id })).toMatchObject({ pending: { done: 0, total: 0 } });
    slow.runAll();
    // Same options as the stored flags again: the save is checked, and the document is not checked whole.
    const answer = await handlers['checks.document']({ documentId: doc.id });
    expect('pending' in answer).toBe(false);
    expect(started).toEqual([]);
    expect(app.checks.isChecked(doc.id)).toBe(true);
    const [row] = await handlers['checks.inRange']({ documentId: doc.id, from: segment!.position, to: segment!.position });
    const flags = row?.flags ?? [];
    expect(spellingFlags(flags, MISSPELLED)).toEqual(['recieved']);
    // What a whole check would store, stored by checking one sentence.
    const whole = openWith(join(tempDir(), 'copy.sqlite'), { spellers: ready });
    const copy = whole.openSample(SAMPLE);
    whole.segments.update(whole.segments.page(copy.id, 0, 1).items[0]!.id, MISSPELLED);
    expect(app.checks.document(doc.id).segments.map((s) => [s.position, s.flags])).toEqual(whole.checks.document(copy.id).segments.map((s) => [s.position, s.flags]));
  });

  it('a save while building, when the options changed meanwhile (a word added), leaves the document to be checked whole', () => {
    const { file, doc, segment } = checkedWithSpelling();

    const slow = slowDictionary(2);
    const app = openWith(file, { spelling: 'between-requests', spellers: slow.set });
    app.segments.update(segment!.id, MISSPELLED);
    app.checks.addWord('recieved');
    slow.runAll();
    expect(app.checks.catchUp(doc.id)).toBe(false); // another word list than the stored flags were computed with
    const flags = app.checks.document(doc.id).segments.find((s) => s.segmentId === segment!.id)?.flags ?? [];
    expect(spellingFlags(flags, MISSPELLED)).toEqual([]);
    expect(app.checks.isChecked(doc.id)).toBe(true);
  });

  it('the flags request says pending while the dictionary is built, so the window asks again; then the whole check starts', async () => {
    const slow = slowDictionary(2);
    const services = openWith(join(tempDir(), 'redline.sqlite'), { spelling: 'between-requests', spellers: slow.set });
    const doc = services.openSample(SAMPLE);
    const started: number[] = [];
    const background = {
      start: (documentId: number) => (started.push(documentId), Promise.resolve()),
      progress: () => null,
      running: () => false,
      takeFailure: () => null,
      cancel: () => false,
      close: () => Promise.resolve(),
    } as unknown as WholeChecks;
    const handlers = checkHandlers(services, background);
    const answer = await handlers['checks.document']({ documentId: doc.id });
    expect(answer).toEqual({ counts: {}, flagged: 0, pending: { done: 0, total: 0 } });
    expect(started).toEqual([]);
    slow.runAll();
    const next = await handlers['checks.document']({ documentId: doc.id });
    expect(next).toEqual({ counts: {}, flagged: 0, pending: { done: 0, total: 0 } });
    expect(started).toEqual([doc.id]);
  });

  it('without a worker thread (the services bound alone) the flags request says pending too, then checks with spelling', async () => {
    const slow = slowDictionary(2);
    const services = openWith(join(tempDir(), 'redline.sqlite'), { spelling: 'between-requests', spellers: slow.set });
    const doc = services.openSample(SAMPLE);
    const [first] = services.segments.page(doc.id, 0, 1).items;
    services.segments.update(first!.id, MISSPELLED);
    const handlers = checkHandlers(services);
    expect(await handlers['checks.document']({ documentId: doc.id })).toMatchObject({ pending: { done: 0, total: 0 } });
    slow.runAll();
    const answer = await handlers['checks.document']({ documentId: doc.id });
    expect('pending' in answer).toBe(false);
    const [row] = await handlers['checks.inRange']({ documentId: doc.id, from: first!.position, to: first!.position });
    const flags = row?.flags ?? [];
    expect(spellingFlags(flags, MISSPELLED)).toEqual(['recieved']);
  });
});

describe('while the dictionary is built for flags no longer current', () => {
  it('the counts the window shows agree with the flags of its rows: both as stored until the new ones', async () => {
    // Checked once, then made stale by a glossary term; reopened while the dictionary is built again.
    const { file, doc } = checkedWithSpelling();
    const first = openWith(file, {});
    first.glossary.save({ preferred: 'Zyzzyva', forbidden: ['Zizziva'] });
    first.close();
    const slow = slowDictionary(2);
    const services = openWith(file, { spelling: 'between-requests', spellers: slow.set });
    const handlers = checkHandlers(services);
    const answer = await handlers['checks.document']({ documentId: doc.id });
    expect(answer.pending).toBeDefined();
    const rows = await handlers['checks.inRange']({ documentId: doc.id, from: 1, to: doc.segmentCount });
    expect(rows.length).toBeGreaterThan(0);
    expect(answer.flagged).toBe(rows.length);
    expect(await handlers['checks.positions']({ documentId: doc.id })).toEqual(rows.map((row) => row.position));
    slow.runAll();
    services.close();
  });
});
