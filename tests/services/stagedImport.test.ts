import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../core/model/importProgress';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { createServices } from '../../services';
import { importJobs } from '../../services/importJobs';
import { thrown } from '../support/thrown';
import { documentImporter, PARTS_PER_STEP } from '../../services/documentImport';
import { fixedClock, openMemoryStore } from '../db/testDb';
import { FIXTURE_TEXT, FIXTURE_SEGMENTS, onCleanup, openTestServices, tempDir } from '../electron/support';

/** The sample article 60 times over: 5,460 sentences, enough for several storing steps. */
function writeLargeText(dir: string): string {
  const path = join(dir, 'large.txt');
  writeFileSync(path, Array.from({ length: 60 }, () => FIXTURE_TEXT.trim()).join('\n\n'));
  return path;
}

/** Runs an import to its first step that stored sentences (the one before stores the document's row); how many. */
function untilStoring(steps: Iterator<ImportProgress>): number {
  for (let next = steps.next(); !next.done; next = steps.next()) if (next.value.phase === 'storing' && next.value.done > 0) return next.value.done;
  throw new Error('the import ended before it stored anything in steps');
}

/** Rows in the file itself, hidden or not: what a half-finished import would leave behind. */
function rowCounts(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true, nativeBinding: nodeNativeBinding() });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: count('documents'), segments: count('segments'), revisions: count('revisions') };
  } finally {
    db.close();
  }
}

describe('an import in steps', () => {
  it('reports reading, splitting and storing, each moving forward, and ends with the whole document', () => {
    const { services, dir } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    const seen: ImportProgress[] = [];
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value);
      next = steps.next();
    }
    expect(next.value.segmentCount).toBe(FIXTURE_SEGMENTS * 60);
    expect(seen.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'splitting', 'storing']);
    const storing = seen.filter((p) => p.phase === 'storing');
    expect(storing.length).toBeGreaterThan(2);
    expect(storing.map((p) => p.done)).toEqual([...storing.map((p) => p.done)].sort((a, b) => a - b));
    expect(storing.at(-1)).toEqual({ phase: 'storing', done: FIXTURE_SEGMENTS * 60, total: FIXTURE_SEGMENTS * 60 });
  });

  it('stores the document’s row in a step of its own, before any sentence', () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    let next = steps.next();
    while (!next.done && next.value.phase !== 'storing') next = steps.next();
    expect(next.value).toEqual({ phase: 'storing', done: 0, total: FIXTURE_SEGMENTS * 60 });
    expect(rowCounts(databaseFile)).toEqual({ documents: 1, segments: 0, revisions: 0 });
    steps.return(undefined as never);
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });
  });

  it('keeps the document out of the library and search until its last sentence is stored', () => {
    const { services, dir } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    expect(services.documents.list()).toEqual([]);
    expect(services.search.search('Tokayev')).toEqual({ hits: [], total: { count: 0, atLeast: false }, next: null });
    for (let next = steps.next(); !next.done; ) next = steps.next();
    expect(services.documents.list()).toHaveLength(1);
  });

  it('leaves nothing behind when stopped halfway (a cancel)', () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    expect(rowCounts(databaseFile).segments).toBeGreaterThan(0);
    steps.return(undefined as never);
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });
    expect(services.documents.list()).toEqual([]);
  });

  it('sweeps what an import cut short by a crash left, the next time the store opens, between requests', async () => {
    const { services, dir, databaseFile } = openTestServices();
    services.openSample({ fileName: 'kept.txt', title: 'Kept', text: FIXTURE_TEXT });
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    services.close(); // the process dies here: the generator never finishes nor cleans up
    const cli = createServices(databaseFile, { nativeBinding: nodeNativeBinding() });
    cli.close();
    expect(rowCounts(databaseFile).documents).toBe(2); // only the store's owner, the app, sweeps
    const app = createServices(databaseFile, { nativeBinding: nodeNativeBinding(), ownsStore: true });
    onCleanup(() => app.close());
    expect(app.documents.list().map((d) => d.title)).toEqual(['Kept']);
    // An import the app starts meanwhile is its own: the sweep takes only what was hidden when the store opened.
    const meanwhile = app.documents.importFileSteps(writeLargeText(dir));
    const storedMeanwhile = untilStoring(meanwhile);
    expect(storedMeanwhile).toBeGreaterThan(0);
    expect(await app.whenHiddenRemoved()).toBe(true);
    expect(rowCounts(databaseFile)).toMatchObject({ documents: 2, segments: FIXTURE_SEGMENTS + storedMeanwhile });
    let next = meanwhile.next();
    while (!next.done) next = meanwhile.next();
    expect(app.documents.list().map((d) => [d.title, d.segmentCount])).toEqual([
      ['large', FIXTURE_SEGMENTS * 60],
      ['Kept', FIXTURE_SEGMENTS],
    ]);
  });

  it('leaves a large cancelled import hidden and removes it between requests; a small one at once', async () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    let stored = 0;
    while (stored < 3) {
      const next = steps.next();
      if (next.done) throw new Error('the import ended before three storing steps');
      if (next.value.phase === 'storing') stored++;
    }
    steps.return(undefined as never);
    expect(services.documents.list()).toEqual([]);
    // Still there, hidden (but for a first few milliseconds' worth): a book's sentences deleted at once would hold
    // the app's requests. Steps are bounded by time, so three storing steps (the first stores the document's row)
    // hold at least two 500-sentence batches, not a fixed count.
    expect(rowCounts(databaseFile)).toMatchObject({ documents: 1 });
    expect(rowCounts(databaseFile).segments).toBeGreaterThan(500);
    const deadline = Date.now() + 20_000;
    while (rowCounts(databaseFile).documents > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });

    const small = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(small);
    small.return(undefined as never);
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });
  });

  it('shares the store with another process: the CLI importing meanwhile neither sweeps the import nor takes its id', () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    const cli = createServices(databaseFile, { nativeBinding: nodeNativeBinding() });
    const small = join(dir, 'small.txt');
    writeFileSync(small, FIXTURE_TEXT);
    const fromCli = cli.documents.importFile(small);
    cli.close();
    let next = steps.next();
    while (!next.done) next = steps.next();
    expect(next.value.id).not.toBe(fromCli.id);
    expect(services.documents.list().map((d) => [d.fileName, d.segmentCount])).toEqual([
      ['small.txt', FIXTURE_SEGMENTS],
      ['large.txt', FIXTURE_SEGMENTS * 60],
    ]);
  });

  it('leaves alone the document that took its id, when cancelled after its hidden document was swept', async () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    for (let stored = 0; stored < 3; ) if ((steps.next().value as ImportProgress).phase === 'storing') stored++;
    // Another owner of the store sweeps the hidden import, and its next document takes the freed id.
    const other = createServices(databaseFile, { nativeBinding: nodeNativeBinding(), ownsStore: true });
    expect(await other.whenHiddenRemoved()).toBe(true);
    const taken = other.openSample({ fileName: 'kept.txt', title: 'Kept', text: FIXTURE_TEXT });
    other.close();
    steps.return(undefined as never);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rowCounts(databaseFile)).toMatchObject({ documents: 1, segments: FIXTURE_SEGMENTS });
    expect(services.documents.summary(taken.id).segmentCount).toBe(FIXTURE_SEGMENTS);
  });

  it('hands a cancelled import with a large skeleton to removal between requests, however few its sentences', () => {
    const store = openMemoryStore();
    const discarded: number[] = [];
    const importer = documentImporter(store, fixedClock, (id) => store.documents.summary(id)!, (id) => discarded.push(id));
    const dir = tempDir();
    const path = join(dir, 'skeleton.xlf');
    const header = `<header><note>${'Notes kept around the sentences. '.repeat(100_000)}</note></header>`;
    writeFileSync(
      path,
      `<?xml version="1.0"?><xliff version="1.2"><file original="a" source-language="en" target-language="de" datatype="plaintext">${header}<body>` +
        '<trans-unit id="1"><source>One.</source><target>Eins.</target></trans-unit></body></file></xliff>',
    );
    const steps = importer.importFileSteps(path);
    // The document's row, then two steps of skeleton parts and the sentence.
    for (let stored = 0; stored < 3; ) if ((steps.next().value as ImportProgress).phase === 'storing') stored++;
    steps.return(undefined as never);
    // Still there, hidden, for the removal between requests: its skeleton's parts deleted at once would hold the app.
    expect(discarded).toHaveLength(1);
    expect(store.documents.isImporting(discarded[0]!)).toBe(true);
  });

  it('holds off automatic WAL checkpoints while it stores, runs them as steps of their own, and restores them', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'store.db'), { clock: fixedClock, nativeBinding: nodeNativeBinding() });
    onCleanup(() => db.close());
    const store = createStore(db);
    const automatic = () => db.pragma('wal_autocheckpoint', { simple: true });
    let checkpoints = 0;
    const run = store.checkpoints.run;
    store.checkpoints.run = () => {
      checkpoints++;
      run();
    };
    const importer = documentImporter(store, fixedClock, (id) => store.documents.summary(id)!, () => {});
    const seen = new Set<unknown>();
    const steps = importer.importFileSteps(writeLargeText(dir));
    for (let next = steps.next(); !next.done; next = steps.next()) if (next.value.phase === 'storing') seen.add(automatic());
    expect([...seen]).toEqual([0]);
    expect(checkpoints).toBeGreaterThan(0);
    expect(automatic()).toBe(1000);
    // A cancel gives them back too.
    const cancelled = importer.importFileSteps(writeLargeText(dir));
    untilStoring(cancelled);
    expect(automatic()).toBe(0);
    cancelled.return(undefined as never);
    expect(automatic()).toBe(1000);
  });

  it('stops with a clear error, writing nothing, when its hidden document was swept from under it', async () => {
    const { services, dir, databaseFile } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    const other = createServices(databaseFile, { nativeBinding: nodeNativeBinding(), ownsStore: true });
    const kept = other.openSample({ fileName: 'kept.txt', title: 'Kept', text: FIXTURE_TEXT });
    expect(await other.whenHiddenRemoved()).toBe(true);
    other.close();
    const error = thrown(() => {
      for (let next = steps.next(); !next.done; ) next = steps.next();
    });
    expect(error).toMatchObject({ code: 'io', message: 'The import of large.txt was interrupted: nothing was stored. Open it again.' });
    expect(services.documents.list().map((d) => [d.id, d.segmentCount])).toEqual([[kept.id, FIXTURE_SEGMENTS]]);
    expect(rowCounts(databaseFile)).toMatchObject({ documents: 1, segments: FIXTURE_SEGMENTS });
  });

  it('cannot be deleted as a document while it is being imported', () => {
    const { services, dir } = openTestServices();
    const steps = services.documents.importFileSteps(writeLargeText(dir));
    untilStoring(steps);
    expect(thrown(() => services.documents.remove(1)).code).toBe('not_found');
    for (let next = steps.next(); !next.done; ) next = steps.next();
    expect(services.documents.list()).toHaveLength(1);
  });
});

describe('a large skeleton', () => {
  /** An XLIFF whose skeleton (everything around its sentences) runs over several steps' share. */
  function writeLargeXliff(dir: string): string {
    const note = 'x'.repeat(200);
    const units = Array.from(
      { length: 12_000 },
      (_, i) => `<trans-unit id="u${i}"><source>Sentence ${i}.</source><target>Satz ${i}.</target><note>${note} 😀</note></trans-unit>`,
    );
    const path = join(dir, 'large.xlf');
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file original="a" source-language="en" target-language="de" datatype="plaintext"><body>\n${units.join('\n')}\n</body></file></xliff>\n`);
    return path;
  }

  it('is stored a part a step beside the sentences, exports byte for byte, and is deleted a part a step', () => {
    const { services, dir, databaseFile } = openTestServices();
    const path = writeLargeXliff(dir);
    const parts = () => {
      const db = new Database(databaseFile, { readonly: true, nativeBinding: nodeNativeBinding() });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM document_skeleton_parts').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const steps = services.documents.importFileSteps(path);
    const storing: number[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) if (next.value.phase === 'storing') storing.push(parts());
    // At most PARTS_PER_STEP more with each step until all are in: never the whole skeleton in one write.
    const all = storing.at(-1)!;
    expect(all).toBeGreaterThan(2 * PARTS_PER_STEP);
    expect(storing.map((n, i) => n - (storing[i - 1] ?? 0)).every((added) => added >= 0 && added <= PARTS_PER_STEP)).toBe(true);
    expect(services.documents.exportBytes(next.value.id).equals(readFileSync(path))).toBe(true);
    const removing = services.documents.removeSteps(next.value.id);
    let removed = 0;
    for (let r = removing.next(); !r.done; r = removing.next()) removed++;
    expect(removed).toBeGreaterThanOrEqual(all);
    expect(parts()).toBe(0);
  });
});

describe('import jobs', () => {
  it('tell how far an import is while it runs, and nothing once it is over', async () => {
    const { services, dir } = openTestServices();
    const seen: Array<ImportProgress | null> = [];
    const jobs = importJobs(async () => {
      seen.push(jobs.progress('token'));
    });
    const doc = await jobs.run('token', 'large.txt', services.documents.importFileSteps(writeLargeText(dir)));
    expect(doc.segmentCount).toBe(FIXTURE_SEGMENTS * 60);
    expect(seen[0]).toEqual({ phase: 'reading', done: 0, total: 1 });
    expect(seen.at(-1)).toMatchObject({ phase: 'storing' });
    expect(jobs.progress('token')).toBeNull();
  });

  it('stop a cancelled import at the next step, store nothing and say so', async () => {
    const { services, dir, databaseFile } = openTestServices();
    const jobs = importJobs(async () => {
      if (jobs.progress('token')?.phase === 'storing') expect(jobs.cancel('token')).toBe(true);
    });
    const outcome = jobs.run('token', 'large.txt', services.documents.importFileSteps(writeLargeText(dir)));
    await expect(outcome).rejects.toMatchObject({ code: 'cancelled', message: 'The import of large.txt was cancelled: nothing was stored.' });
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });
    expect(jobs.progress('token')).toBeNull();
  });

  it('keep the young generation small after each step, then let requests in; a step waits a turn after the read', async () => {
    const { services } = openTestServices();
    const order: string[] = [];
    const jobs = importJobs(
      async () => void order.push('pause'),
      () => order.push('afterStep'),
    );
    const read = { kind: 'text' as const, fileName: 'large.txt', text: Array.from({ length: 60 }, () => FIXTURE_TEXT.trim()).join('\n\n'), encoding: 'utf-8', hasBom: false };
    const result = Promise.resolve(read).then((r) => (order.push('read'), r));
    await jobs.runAfter('token', 'large.txt', () => ({ result, cancel: () => undefined }), (r) =>
      (function* () {
        order.push('step');
        return yield* services.documents.importReadSteps(r);
      })(),
    );
    expect(order.slice(0, 3)).toEqual(['read', 'pause', 'step']);
    const after = order.slice(3);
    expect(after.length).toBeGreaterThan(6);
    // Each step is followed by its collection check, then a turn for requests.
    expect(after).toEqual(Array.from({ length: after.length / 2 }, () => ['afterStep', 'pause']).flat());
  });

  it('stop the reading of a file read elsewhere at a cancel, without waiting for it, and store nothing', async () => {
    const { services, databaseFile } = openTestServices();
    const jobs = importJobs();
    let stops = 0;
    // A read that never ends unless stopped, as a thread reading a huge file.
    const reading = () => {
      let stop!: () => void;
      const result = new Promise<never>((_resolve, reject) => (stop = () => reject(new Error('stopped'))));
      return { result, cancel: () => (stops++, stop()) };
    };
    const outcome = jobs.runAfter('token', 'huge.sdlxliff', reading, () => services.documents.importFileSteps('never read'));
    expect(jobs.progress('token')).toEqual({ phase: 'reading', done: 0, total: 1 });
    expect(jobs.cancel('token')).toBe(true);
    await expect(outcome).rejects.toMatchObject({ code: 'cancelled', message: 'The import of huge.sdlxliff was cancelled: nothing was stored.' });
    expect(stops).toBe(1);
    expect(rowCounts(databaseFile)).toEqual({ documents: 0, segments: 0, revisions: 0 });
    expect(jobs.progress('token')).toBeNull();
  });

  it('store what was read elsewhere in steps, once it is read', async () => {
    const { services, dir } = openTestServices();
    const jobs = importJobs();
    const read = { kind: 'text' as const, fileName: 'large.txt', text: Array.from({ length: 60 }, () => FIXTURE_TEXT.trim()).join('\n\n'), encoding: 'utf-8', hasBom: false };
    const doc = await jobs.runAfter('token', 'large.txt', () => ({ result: Promise.resolve(read), cancel: () => undefined }), (r) =>
      services.documents.importReadSteps(r),
    );
    expect(doc.segmentCount).toBe(FIXTURE_SEGMENTS * 60);
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(services.documents.exportBytes(
      services.documents.importFile(writeLargeText(dir)).id,
    ).toString('utf8'));
  });

  it('refuse a second import of the same file while the first runs, and a cancel of none', async () => {
    const { services, dir } = openTestServices();
    const path = writeLargeText(dir);
    const jobs = importJobs();
    const first = jobs.run('token', 'large.txt', services.documents.importFileSteps(path));
    await expect(jobs.run('token', 'large.txt', services.documents.importFileSteps(path))).rejects.toMatchObject({
      code: 'bad_input',
      message: 'large.txt is already being imported.',
    });
    await first;
    expect(jobs.cancel('token')).toBe(false);
    expect(services.documents.list()).toHaveLength(1);
  });

  it('pass on a failed import’s error, and store nothing', async () => {
    const { services, dir, databaseFile } = openTestServices();
    const path = join(dir, 'broken.xlf');
    writeFileSync(path, '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source>');
    const jobs = importJobs(async () => undefined);
    await expect(jobs.run('token', 'broken.xlf', services.documents.importFileSteps(path))).rejects.toMatchObject({ code: 'bad_input' });
    expect(rowCounts(databaseFile).documents).toBe(0);
  });
});
