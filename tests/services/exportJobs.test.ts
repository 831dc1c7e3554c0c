import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { ExportProgress } from '../../core/model/exportProgress';
import type { Services } from '../../services';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { EXPORT_CHUNK, exportSteps, type ExportKind } from '../../services/exportContent';
import { exportJobs, type ExportJobs, type ExportJobsOptions } from '../../services/exportJobs';
import { sourceWorkerEntry, type WorkerEntry } from '../../services/workerEntry';
import { openRaw } from '../db/testDb';
import { onCleanup, openTestServices, SAMPLE } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

function jobsFor(databaseFile: string): ExportJobs {
  const jobs = exportJobs(databaseFile, sourceWorkerEntry('exportWorker'), nodeNativeBinding());
  onCleanup(() => void jobs.close());
  return jobs;
}

/** Export jobs whose thread starts are counted: `threads` are the threads started, in order; `exited` those ended. */
function countedJobs(databaseFile: string, options: ExportJobsOptions = {}, code = (_start: number, entry: WorkerEntry) => entry) {
  const threads: Worker[] = [];
  const exited = new Set<Worker>();
  const startThread = (given: WorkerEntry) => {
    const entry = code(threads.length, given);
    const worker = new Worker(entry.file, { eval: entry.eval ?? false });
    threads.push(worker);
    worker.on('exit', () => exited.add(worker));
    return worker;
  };
  const jobs = exportJobs(databaseFile, sourceWorkerEntry('exportWorker'), nodeNativeBinding(), { ...options, startThread });
  onCleanup(() => void jobs.close());
  return { jobs, threads, exited };
}

/** Waits for `condition`, a turn of the event loop at a time, failing after `ms`. */
async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
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
    const { jobs, threads } = countedJobs(databaseFile);
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
    // The thread told each failure and cleaned up after it: the same thread writes the next export.
    await run(services, jobs, id, 'original', join(dir, 'a.txt'));
    expect(readFileSync(join(dir, 'a.txt')).equals(services.documents.exportBytes(id))).toBe(true);
    expect(threads).toHaveLength(1);
  });

  it.skipIf(process.platform === 'win32')('writes through a link to its target, and refuses a FIFO before a thread starts', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    const { jobs, threads } = countedJobs(databaseFile);
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(await rejection(run(services, jobs, id, 'original', join(dir, 'pipe')))).toMatchObject({
      code: 'bad_input',
      message: `${join(dir, 'pipe')} is not a regular file (a FIFO): choose a file to write.`,
    });
    expect(threads).toHaveLength(0);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    writeFileSync(join(dir, 'target.txt'), 'old');
    symlinkSync('target.txt', join(dir, 'link.txt'));
    expect(await run(services, jobs, id, 'original', join(dir, 'link.txt'))).toEqual({ path: join(dir, 'link.txt') });
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.txt')).equals(services.documents.exportBytes(id))).toBe(true);
    expect(filesBesideStore(dir)).toEqual(['data', 'link.txt', 'pipe', 'target.txt']);
  });
});

describe('the export thread kept between exports', () => {
  const book = (services: Services) =>
    services.documents.importText({ fileName: 'book.txt', text: Array(60).fill(SAMPLE.text).join('\n\n'), hasBom: false }).id;

  it('the next export reuses the thread, and a save made just before it is in the file', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    const { jobs, threads, exited } = countedJobs(databaseFile);
    const out = join(dir, 'sample.txt');
    await run(services, jobs, id, 'original', out);
    expect(readFileSync(out).equals(services.documents.exportBytes(id))).toBe(true);

    const first = services.segments.page(id, 0, 1).items[0]!;
    services.segments.update(first.id, `${first.currentText} Saved just before the export.`);
    await run(services, jobs, id, 'original', out);
    expect(readFileSync(out, 'utf8')).toContain('Saved just before the export.');
    expect(readFileSync(out).equals(services.documents.exportBytes(id))).toBe(true);

    // Another kind, another save: the same thread, the latest text.
    services.segments.update(first.id, `${first.currentText} Saved again.`);
    const csv = join(dir, 'sample.csv');
    await run(services, jobs, id, 'csv', csv);
    expect(readFileSync(csv, 'utf8')).toContain('Saved again.');
    expect(threads).toHaveLength(1);
    expect(exited.size).toBe(0);

    // The idle thread's connection holds no snapshot: a checkpoint takes the whole WAL back.
    const db = openRaw(databaseFile);
    try {
      expect(db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    } finally {
      db.close();
    }
    // And a write after that checkpoint is seen by the next export on the same connection.
    services.segments.update(first.id, `${first.currentText} After the checkpoint.`);
    await run(services, jobs, id, 'original', out);
    expect(readFileSync(out, 'utf8')).toContain('After the checkpoint.');
    expect(threads).toHaveLength(1);
    expect(filesBesideStore(dir)).toEqual(['data', 'sample.csv', 'sample.txt']);
  });

  it('two documents exporting at once get a thread each; one is kept afterwards, the other ended', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const a = services.documents.importText({ ...SAMPLE, hasBom: false }).id;
    const b = book(services);
    const { jobs, threads, exited } = countedJobs(databaseFile);
    await run(services, jobs, a, 'original', join(dir, 'a.txt')); // a thread kept idle
    const both = [run(services, jobs, b, 'csv', join(dir, 'b.csv')), run(services, jobs, a, 'csv', join(dir, 'a.csv'))];
    expect(threads).toHaveLength(2); // the kept one for b, a new one for a
    await Promise.all(both);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8').split('\r\n')).toHaveLength(services.segments.page(b, 0, 1).total + 2);
    await until(() => exited.size === 1, 'one of the two threads to end');
    await run(services, jobs, b, 'original', join(dir, 'b.txt'));
    expect(threads).toHaveLength(2);
    expect(readFileSync(join(dir, 'b.txt')).equals(services.documents.exportBytes(b))).toBe(true);
  });

  it('a cancel on a kept thread stops it at once, leaves nothing, and the next export starts a fresh thread', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const id = book(services);
    const { jobs, threads, exited } = countedJobs(databaseFile);
    const out = join(dir, 'book.csv');
    await run(services, jobs, id, 'original', join(dir, 'book.txt'));
    writeFileSync(out, 'the previous export');

    const cancelled = run(services, jobs, id, 'csv', out);
    expect(threads).toHaveLength(1); // the kept thread
    await until(() => jobs.progress(id)!.total > 0, 'the thread to say how far it is');
    expect(jobs.cancel(id)).toBe(true);
    expect(await rejection(cancelled)).toMatchObject({ code: 'cancelled' });
    await until(() => exited.has(threads[0]!), 'the cancelled thread to end');
    expect(readFileSync(out, 'utf8')).toBe('the previous export');
    expect(filesBesideStore(dir)).toEqual(['book.csv', 'book.txt', 'data']);

    await run(services, jobs, id, 'csv', out);
    expect(threads).toHaveLength(2);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(services.segments.page(id, 0, 1).total + 2);
  });

  it('an idle thread is ended after the idle time, and at close; the next export starts one afresh', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    const { jobs, threads, exited } = countedJobs(databaseFile, { idleMs: 200 });
    const out = join(dir, 'sample.txt');
    await run(services, jobs, id, 'original', out);
    expect(exited.size).toBe(0);
    await until(() => exited.has(threads[0]!), 'the idle thread to be ended');

    await run(services, jobs, id, 'original', out);
    expect(threads).toHaveLength(2);
    await jobs.close();
    expect(exited.has(threads[1]!)).toBe(true);
    await run(services, jobs, id, 'original', out);
    expect(threads).toHaveLength(3);
    expect(readFileSync(out).equals(services.documents.exportBytes(id))).toBe(true);
  });

  it('a thread that dies, idle or in the middle of an export, is replaced, never given another export', async () => {
    const { services, databaseFile, dir } = openTestServices();
    const id = book(services);
    const { jobs, threads } = countedJobs(databaseFile);
    const out = join(dir, 'book.txt');
    await run(services, jobs, id, 'original', out);

    // Ended while idle (as by a crash): the next export does not wait on it.
    await threads[0]!.terminate();
    await run(services, jobs, id, 'original', out);
    expect(threads).toHaveLength(2);

    // Ended in the middle of an export: the export fails with the reason and leaves nothing.
    writeFileSync(out, 'the previous export');
    const dying = run(services, jobs, id, 'csv', out);
    expect(threads).toHaveLength(2); // the kept one
    await until(() => jobs.progress(id)!.total > 0, 'the thread to say how far it is');
    await threads[1]!.terminate();
    expect(await rejection(dying)).toMatchObject({ code: 'internal', message: expect.stringMatching(/stopped before it finished/) });
    expect(jobs.running(id)).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('the previous export');
    expect(filesBesideStore(dir)).toEqual(['book.txt', 'data']);

  });

  it('a thread that errors fails its export, logs the reason without showing it, and is not kept', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    onCleanup(() => logged.mockRestore());
    const { services, databaseFile, dir } = openTestServices();
    const { id } = services.documents.importText({ ...SAMPLE, hasBom: false });
    // The first thread started throws on its first request, as a thread whose code is broken would.
    const throwing: WorkerEntry = { file: "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });", eval: true };
    const { jobs, threads, exited } = countedJobs(databaseFile, {}, (start, entry) => (start === 0 ? throwing : entry));
    const out = join(dir, 'sample.txt');
    expect(await rejection(run(services, jobs, id, 'original', out))).toMatchObject({
      code: 'internal',
      message: 'The export failed; the details are in the log.',
    });
    expect(logged).toHaveBeenCalledWith('[background job] failed', expect.objectContaining({ message: 'boom' }));
    await until(() => exited.has(threads[0]!), 'the thread that errored to end');
    expect(existsSync(out)).toBe(false);
    await run(services, jobs, id, 'original', out);
    expect(threads).toHaveLength(2);
    expect(readFileSync(out).equals(services.documents.exportBytes(id))).toBe(true);
  });
});

