import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import type { ExportProgress } from '../../../core/model/exportProgress';
import type { Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { exportJobs } from '../../../services/exportJobs';
import { wholeChecks } from '../../../services/wholeChecks';
import { sourceWorkerEntry } from '../../../services/workerEntry';
import { onCleanup, openTestServices, SAMPLE, scriptedDialogs } from '../support';

/** The handlers as main builds them: exports and whole checks in worker threads over the test's store file. */
function appHandlers() {
  const test = openTestServices();
  const dialogs = scriptedDialogs();
  const exports = exportJobs(test.databaseFile, sourceWorkerEntry('exportWorker'), nodeNativeBinding());
  const background = wholeChecks(test.databaseFile, sourceWorkerEntry('wholeCheckWorker'), nodeNativeBinding());
  onCleanup(() => {
    void exports.close();
    void background.close();
  });
  const handlers = createHandlers(test.services, dialogs, SAMPLE, { background, exports }) as Handlers;
  return { ...test, dialogs, handlers, exports, background };
}

const failure = async (promise: unknown) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

describe('export handlers with the export worker', () => {
  it('a TMX of a text with its source names the languages the checks detected, not "und"', async () => {
    const { services, dialogs, handlers, dir } = appHandlers();
    const mt = join(dir, 'mt.txt');
    const src = join(dir, 'src.txt');
    writeFileSync(mt, 'The situation in the country remains very tense today. Thirteen police officers were killed yesterday in the city.');
    writeFileSync(src, 'Ситуация в стране сегодня остаётся очень напряжённой. Вчера в городе погибли тринадцать полицейских.');
    const doc = services.documents.importWithSource(mt, src);
    const [first] = services.segments.page(doc.id, 0, 1).items;
    services.segments.setStatus(first!.id, 'approved');
    const out = join(dir, 'pairs.tmx');
    dialogs.saveAnswers.push(out);
    expect(await handlers['documents.exportText']({ documentId: doc.id, as: 'tmx' })).toEqual({ path: out });
    const tmx = readFileSync(out, 'utf8');
    expect(tmx).toContain('srclang="ru"');
    expect(tmx).toContain('<tuv xml:lang="en">');
  });

  it('documents.exportText writes each kind through the worker, as the request path would, and null when the dialog is cancelled', async () => {
    const { services, dialogs, handlers, dir } = appHandlers();
    const doc = services.openSample(SAMPLE);
    const text = join(dir, 'clean.txt');
    const csv = join(dir, 'table.csv');
    dialogs.saveAnswers.push(text, csv, null);
    expect(await handlers['documents.exportText']({ documentId: doc.id })).toEqual({ path: text });
    expect(readFileSync(text).equals(services.documents.exportBytes(doc.id))).toBe(true);
    expect(await handlers['documents.exportText']({ documentId: doc.id, as: 'csv' })).toEqual({ path: csv });
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('\uFEFFposition,source,mt,final,status,note,reject_reason');
    expect(await handlers['documents.exportText']({ documentId: doc.id })).toBeNull();
    expect(dialogs.suggestedNames).toEqual(['kazakhstan-mt.edited.txt', 'kazakhstan-mt.edited.csv', 'kazakhstan-mt.edited.txt']);
    expect(await handlers['documents.exportProgress']({ documentId: doc.id })).toBeNull();
    expect(await handlers['documents.cancelExport']({ documentId: doc.id })).toEqual({ cancelled: false });
  });

  it('documents.cancelExport stops a running export: the call answers cancelled and no file is written; another export may then start', async () => {
    const { services, dialogs, handlers, dir } = appHandlers();
    const { id } = services.documents.importText({ fileName: 'book.txt', text: Array(60).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    const out = join(dir, 'book.csv');
    dialogs.saveAnswers.push(out);
    const exporting = handlers['documents.exportText']({ documentId: id, as: 'csv' });
    let progress: ExportProgress | null = null;
    while (progress === null || progress.total === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      progress = await handlers['documents.exportProgress']({ documentId: id });
    }
    // One export of a document at a time, refused before any dialog is shown.
    expect(await failure(handlers['documents.exportText']({ documentId: id }))).toMatchObject({ code: 'bad_input' });
    expect(await handlers['documents.cancelExport']({ documentId: id })).toEqual({ cancelled: true });
    expect(await failure(exporting)).toMatchObject({ code: 'cancelled' });
    expect(existsSync(out)).toBe(false);
    expect(await handlers['documents.exportProgress']({ documentId: id })).toBeNull();

    dialogs.saveAnswers.push(out);
    expect(await handlers['documents.exportText']({ documentId: id, as: 'csv' })).toEqual({ path: out });
    expect(existsSync(out)).toBe(true);
  });

  it('documents.exportReport of a document never checked waits for its whole check in the background, then writes the flags', async () => {
    const { services, dialogs, handlers, dir } = appHandlers();
    const doc = services.openSample(SAMPLE);
    expect(services.checks.isChecked(doc.id)).toBe(false);
    const out = join(dir, 'report.html');
    dialogs.saveAnswers.push(out);
    const exporting = handlers['documents.exportReport']({ documentId: doc.id });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await handlers['documents.exportProgress']({ documentId: doc.id })).toMatchObject({ phase: 'checking' });
    // The window answers meanwhile.
    expect((await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 5 })).items).toHaveLength(5);
    expect(await exporting).toEqual({ path: out });
    expect(services.checks.isChecked(doc.id)).toBe(true);
    const html = readFileSync(out, 'utf8');
    const flagged = services.checks.document(doc.id).segments.length;
    expect(flagged).toBeGreaterThan(0);
    expect(html.match(/class="flag /g)?.length ?? 0).toBeGreaterThanOrEqual(flagged);
    expect(services.documents.changesSince(doc.id).since).not.toBeNull();
  });
});

describe('export handlers without the worker (services bound alone)', () => {
  it('write on the request path; progress is null and there is nothing to cancel', async () => {
    const test = openTestServices();
    const dialogs = scriptedDialogs();
    const handlers = createHandlers(test.services, dialogs, SAMPLE) as Handlers;
    const doc = test.services.openSample(SAMPLE);
    const out = join(test.dir, 'clean.txt');
    dialogs.saveAnswers.push(out);
    expect(await handlers['documents.exportText']({ documentId: doc.id, utf8: true })).toEqual({ path: out });
    expect(readFileSync(out, 'utf8')).toBe(SAMPLE.text);
    expect(await handlers['documents.exportProgress']({ documentId: doc.id })).toBeNull();
    expect(await handlers['documents.cancelExport']({ documentId: doc.id })).toEqual({ cancelled: false });
  });
});
