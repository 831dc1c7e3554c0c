import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { ExportProgress } from '../../core/model/exportProgress';
import type { Services } from '../../services';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { EXPORT_CHUNK, exportSteps, type ExportKind } from '../../services/exportContent';
import { exportJobs, type ExportJobs } from '../../services/exportJobs';
import { sourceWorkerEntry } from '../../services/workerEntry';
import { openRaw } from '../db/testDb';
import { onCleanup, openTestServices, SAMPLE } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

function jobsFor(databaseFile: string): ExportJobs {
  const jobs = exportJobs(databaseFile, sourceWorkerEntry('exportWorker'), nodeNativeBinding());
  onCleanup(() => void jobs.close());
  return jobs;
}

/** Runs an export in the worker as the IPC handler does: stamped by the services, recorded once in place. */
function run(services: Services, jobs: ExportJobs, documentId: number, kind: ExportKind, path: string, options = {}) {
  const request = services.documents.exportRequest(documentId, kind, options);
  return jobs.run(request, path, (written) => services.documents.recordExport(request, written));
}

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the export to fail');
};

/** Files in `dir` besides the store's own. */
const filesBesideStore = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('redline.sqlite')).sort();

describe('exports in a worker thread', () => {
  it('writes the same bytes as the request path for every kind, and records each export at the stamped time', async () => {
    const { services, dir, databaseFile, clock } = openTestServices();
    const text = services.documents.importText({ ...SAMPLE, hasBom: false });
    const first = services.segments.page(text.id, 0, 1).items[0]!;
    services.segments.update(first.id, `${first.currentText} Edited.`);
    services.segments.note(first.id, 'a note, with "quotes"');
    const xliff = services.documents.importFile(fixture('article-ru-de.xlf'));
    const unit = services.segments.page(xliff.id, 0, 1).items[0]!;
    services.segments.setStatus(unit.id, 'approved');
    services.checks.document(text.id); // the report's flags, stored
    const jobs = jobsFor(databaseFile);

    const cases: Array<[number, ExportKind, (path: string) => unknown]> = [
      [text.id, 'original', (path) => services.documents.exportToFile(text.id, path)],
      [text.id, 'csv', (path) => services.documents.exportCsv(text.id, path)],
      [xliff.id, 'original', (path) => services.documents.exportToFile(xliff.id, path)],
      [xliff.id, 'tmx', (path) => services.documents.exportTmx(xliff.id, path)],
      [text.id, 'html', (path) => services.report.exportHtml(text.id, path)],
    ];
    for (const [documentId, kind, direct] of cases) {
      const inWorker = join(dir, `worker-${documentId}.${kind}`);
      const onRequestPath = join(dir, `direct-${documentId}.${kind}`);
      clock.now += 1_000;
      expect(await run(services, jobs, documentId, kind, inWorker)).toEqual({ path: inWorker });
      direct(onRequestPath);
      expect(readFileSync(inWorker).equals(readFileSync(onRequestPath)), `${kind} of document ${documentId}`).toBe(true);
      // Recorded at the time stamped before the worker started: nothing changed since.
      expect(services.documents.changesSince(documentId)).toEqual({ since: clock.now, changes: [] });
      expect(jobs.progress(documentId)).toBeNull();
    }
    expect(readFileSync(join(dir, `worker-${xliff.id}.tmx`), 'utf8').match(/<tu /g)).toHaveLength(1);
    expect(filesBesideStore(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports progress by phase while the window keeps answering, and one export per document at a time', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ fileName: 'book.txt', text: Array(60).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    const jobs = jobsFor(databaseFile);
    const out = join(dir, 'book.csv');
    const done = run(services, jobs, id, 'csv', out);
    expect(jobs.running(id)).toBe(true);
    await expect(run(services, jobs, id, 'original', join(dir, 'other.txt'))).rejects.toMatchObject({ code: 'bad_input' });
    const seen: ExportProgress[] = [];
    let answered = 0;
    while (jobs.running(id)) {
      const progress = jobs.progress(id);
      if (progress && JSON.stringify(progress) !== JSON.stringify(seen.at(-1))) seen.push(progress);
      services.segments.page(id, 0, 20);
      answered++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    const total = services.segments.page(id, 0, 1).total;
    expect(total).toBeGreaterThan(5_000);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(total + 2); // header, rows, the final line end
    expect(answered).toBeGreaterThan(10);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => ['reading', 'building', 'writing'].includes(p.phase))).toBe(true);
  });

  it('the steps the worker runs say how far they are, phase by phase, in order', () => {
    const { services, databaseFile } = openTestServices();
    const { id } = services.documents.importText({ fileName: 'book.txt', text: Array(60).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    services.checks.document(id);
    const total = services.segments.page(id, 0, 1).total;
    const store = createStore(openDatabase(databaseFile, { nativeBinding: nodeNativeBinding() }));
    onCleanup(() => store.close());
    const report = { reportDataSteps: services.report.reportDataSteps };
    for (const kind of ['csv', 'html'] as const) {
      const steps = exportSteps(store, report, { documentId: id, kind, at: 1 });
      const seen: ExportProgress[] = [];
      for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value);
      const reading = seen.filter((p) => p.phase === 'reading');
      expect(reading.map((p) => p.done)).toEqual([0, EXPORT_CHUNK]);
      expect(reading.every((p) => p.total === total)).toBe(true);
      const building = seen.filter((p) => p.phase === 'building');
      expect(building.length).toBeGreaterThan(0);
      expect(seen.indexOf(building[0]!)).toBeGreaterThan(seen.indexOf(reading.at(-1)!));
      if (kind === 'html') expect(building.map((p) => p.done)).toEqual([0, EXPORT_CHUNK, total]);
    }
  });

  it('a cancel stops the worker at once: the chosen file keeps what it held, no temp file stays, the store is not held open', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ fileName: 'book.txt', text: Array(60).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    const jobs = jobsFor(databaseFile);
    const out = join(dir, 'book.edited.txt');
    writeFileSync(out, 'the previous export');

    // Cancelled before the worker answers.
    const early = run(services, jobs, id, 'original', out);
    expect(jobs.cancel(id)).toBe(true);
    expect(await rejection(early)).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/no file was written/) });

    // Cancelled in the middle: once the worker has said how far it is.
    const middle = run(services, jobs, id, 'csv', out);
    expect(jobs.progress(id)).toEqual({ phase: 'reading', done: 0, total: 0 }); // started, the thread loading
    while (jobs.progress(id)!.total === 0) await new Promise((resolve) => setImmediate(resolve));
    const phase = jobs.progress(id)!.phase;
    expect(jobs.cancel(id)).toBe(true);
    expect(await rejection(middle)).toMatchObject({ code: 'cancelled' });
    expect(['reading', 'building', 'writing']).toContain(phase);
    expect(jobs.running(id)).toBe(false);
    expect(jobs.cancel(id)).toBe(false);

    expect(readFileSync(out, 'utf8')).toBe('the previous export');
    expect(filesBesideStore(dir)).toEqual(['book.edited.txt', 'data']);
    expect(readdirSync(join(dir, 'data')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(services.documents.changesSince(id).since).toBeNull(); // no export recorded

    // The ended thread's connection is closed: a checkpoint can take the whole WAL back.
    const row = services.segments.page(id, 0, 1).items[0]!;
    services.segments.update(row.id, `${row.currentText} After.`);
    const db = openRaw(databaseFile);
    try {
      expect(db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    } finally {
      db.close();
    }
    // And the next export works.
    await run(services, jobs, id, 'original', out);
    expect(readFileSync(out).equals(services.documents.exportBytes(id))).toBe(true);
  });

  it('a cancel while the report waits for its preparation (the whole check) starts no worker', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    const jobs = jobsFor(databaseFile);
    const out = join(dir, 'report.html');
    const request = services.documents.exportRequest(id, 'html');
    const waiting = jobs.run(request, out, () => undefined, { run: () => new Promise(() => undefined), progress: () => ({ done: 3, total: 10 }) });
    expect(jobs.progress(id)).toEqual({ phase: 'checking', done: 3, total: 10 });
    expect(jobs.cancel(id)).toBe(true);
    expect(await rejection(waiting)).toMatchObject({ code: 'cancelled' });
    expect(existsSync(out)).toBe(false);
  });

  it('fails with the reason and leaves nothing: an unknown document, a TMX without approved pairs, a folder that is not there', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    const jobs = jobsFor(databaseFile);
    const request = (kind: ExportKind, documentId = id) => ({ documentId, kind, at: 1 });
    expect(await rejection(jobs.run(request('csv', 4242), join(dir, 'a.csv'), () => undefined))).toMatchObject({ code: 'not_found' });
    expect(await rejection(jobs.run(request('tmx'), join(dir, 'a.tmx'), () => undefined))).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/approved/),
    });
    expect(await rejection(jobs.run(request('original'), join(dir, 'missing', 'a.txt'), () => undefined))).toMatchObject({
      code: 'io',
      message: expect.stringContaining(join(dir, 'missing', 'a.txt')),
    });
    // A report of a document whose flags are not stored is refused rather than written without them.
    expect(await rejection(jobs.run(request('html'), join(dir, 'a.html'), () => undefined))).toMatchObject({ code: 'cancelled' });
    expect(filesBesideStore(dir)).toEqual(['data']);
    expect(services.documents.changesSince(id).since).toBeNull();
  });
});
