import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { fileReads } from '../../../services/fileReads';
import { sourceWorkerEntry } from '../../../services/workerEntry';
import { FIXTURE_TEXT, SAMPLE, openTestServices, scriptedDialogs } from '../support';

/** The thread the app reads picked files in, kept for every test here as the app keeps it. */
const reads = fileReads(sourceWorkerEntry('fileReadWorker'));
afterAll(() => reads.close());

/** Each test runs twice: the files read on the request path, and in their worker thread as the app reads them. */
const WAYS = [
  ['on the request path', false],
  ['in the file-read thread', true],
] as const;

/** The real document handlers over real services, with open dialogs answered from a script. */
function setup(inThread: boolean) {
  const test = openTestServices();
  const dialogs = scriptedDialogs();
  const handlers = createHandlers(test.services, dialogs, SAMPLE, inThread ? { fileReads: reads } : {}) as Handlers;
  const pick = async (path: string) => {
    dialogs.openAnswers.push(path);
    const picked = await handlers['documents.pickFile']({});
    if (!picked) throw new Error('the scripted dialog picked nothing');
    return picked;
  };
  return { ...test, handlers, pick };
}

describe.each(WAYS)('importing a picked file in steps, read %s', (_way, inThread) => {
  it('answers progress polls while it runs, and opens the document at the end', async () => {
    const { handlers, pick, dir } = setup(inThread);
    const path = join(dir, 'large.txt');
    writeFileSync(path, Array.from({ length: 40 }, () => FIXTURE_TEXT.trim()).join('\n\n'));
    const { token } = await pick(path);
    expect(await handlers['documents.importProgress']({ token })).toBeNull();
    const running = handlers['documents.importPicked']({ token });
    const polls = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      polls.push(await handlers['documents.importProgress']({ token }));
    }
    expect(polls.some((p) => p !== null)).toBe(true);
    const doc = await running;
    expect(doc.fileName).toBe('large.txt');
    expect(await handlers['documents.importProgress']({ token })).toBeNull();
  });

  it('stops at the editor’s cancel: a cancelled error, no document, and the file can be imported again', async () => {
    const { handlers, pick, dir, services } = setup(inThread);
    const path = join(dir, 'large.txt');
    writeFileSync(path, Array.from({ length: 40 }, () => FIXTURE_TEXT.trim()).join('\n\n'));
    const { token } = await pick(path);
    const running = handlers['documents.importPicked']({ token });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await handlers['documents.cancelImport']({ token })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(services.documents.list()).toEqual([]);
    expect(await handlers['documents.cancelImport']({ token })).toEqual({ cancelled: false });
    expect((await handlers['documents.importPicked']({ token })).fileName).toBe('large.txt');
  });

  it('stops when a backup is restored meanwhile: an import begun on one store does not land in the restored one', async () => {
    const { handlers, pick, dir, services, clock } = setup(inThread);
    const backup = await services.backups.now();
    clock.now += 1000;
    const path = join(dir, 'large.txt');
    writeFileSync(path, Array.from({ length: 40 }, () => FIXTURE_TEXT.trim()).join('\n\n'));
    const { token } = await pick(path);
    const outcome = Promise.resolve(handlers['documents.importPicked']({ token })).then(
      () => null,
      (error: unknown) => error,
    );
    await services.restoreBackup(basename(backup.path));
    expect(await outcome).toMatchObject({ code: 'cancelled', message: expect.stringContaining('restored') });
    expect(services.documents.list()).toEqual([]);
    // The file can be imported into the restored store.
    expect((await handlers['documents.importPicked']({ token })).fileName).toBe('large.txt');
  });
});

describe.each(WAYS)('a picked text with a picked source text, read %s', (_way, inThread) => {
  const MT = 'The situation remains tense. Thirteen officers were killed. Many were wounded.\n\nThe airport was destroyed.';
  const SOURCE = 'Ситуация остаётся напряжённой. Погибли тринадцать силовиков, многие ранены.\n\nАэропорт разрушен.';

  async function pickPair() {
    const ctx = setup(inThread);
    writeFileSync(join(ctx.dir, 'mt.txt'), MT);
    writeFileSync(join(ctx.dir, 'src.txt'), SOURCE);
    const mt = await ctx.pick(join(ctx.dir, 'mt.txt'));
    const source = await ctx.pick(join(ctx.dir, 'src.txt'));
    return { ...ctx, mt, source };
  }

  it('is aligned for review: both sides’ sentences, the MT paragraphs, and a row per aligned pair', async () => {
    const { handlers, mt, source } = await pickPair();
    const alignment = await handlers['documents.alignPicked']({ token: mt.token, source: { token: source.token } });
    expect(alignment.source).toHaveLength(3);
    expect(alignment.target).toEqual(['The situation remains tense.', 'Thirteen officers were killed.', 'Many were wounded.', 'The airport was destroyed.']);
    expect(alignment.paragraphs).toEqual([1, 1, 1, 2]);
    expect(alignment.counts).toEqual([
      [1, 1],
      [1, 2],
      [1, 1],
    ]);
  });

  it('is stored as the editor fixed the alignment, with each row’s source beside its MT, and exports unchanged', async () => {
    const { handlers, services, mt, source, dir } = await pickPair();
    const doc = await handlers['documents.importPicked']({
      token: mt.token,
      source: { token: source.token, counts: [[2, 3], [1, 1]] },
    });
    expect(services.segments.page(doc.id, 0, 10).items.map((s) => [s.sourceText, s.mtText])).toEqual([
      [
        'Ситуация остаётся напряжённой. Погибли тринадцать силовиков, многие ранены.',
        'The situation remains tense. Thirteen officers were killed. Many were wounded.',
      ],
      ['Аэропорт разрушен.', 'The airport was destroyed.'],
    ]);
    const out = join(dir, 'out.txt');
    services.documents.exportToFile(doc.id, out);
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(MT);
  });

  it('aligns in steps like an import: progress to poll, and a cancel', async () => {
    const { handlers, mt, source } = await pickPair();
    const running = handlers['documents.alignPicked']({ token: mt.token, source: { token: source.token } });
    expect(await handlers['documents.importProgress']({ token: mt.token })).toEqual({ phase: 'reading', done: 0, total: 1 });
    expect(await handlers['documents.cancelImport']({ token: mt.token })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect((await handlers['documents.alignPicked']({ token: mt.token, source: { token: source.token } })).counts).toHaveLength(3);
  });

  it('refuses an alignment that does not fit the files, storing nothing', async () => {
    const { handlers, services, mt, source } = await pickPair();
    await expect(
      handlers['documents.importPicked']({ token: mt.token, source: { token: source.token, counts: [[2, 2], [1, 1]] } }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('Align them again') });
    expect(services.documents.list()).toEqual([]);
  });
});
