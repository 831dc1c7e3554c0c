/**
 * How long another request (a page of the grid, `segments.page`) waits while a Trados file is imported: read,
 * decoded and parsed in the file-read thread (services/fileReads.ts, as the app reads picked files) and stored a
 * step at a time, against the same import with the file read on the request path (as before the thread, and as
 * the CLI still does). The file is an SDLXLIFF as Trados writes one (bench/tradosFile.ts) with as many segments
 * as the book has APE lines, nothing embedded; both imports go through the import jobs the IPC handler uses.
 * The figure is the longest wait from when a page was due to its answer; the same requests with nothing else
 * running give the machine's own noise, printed beside it. The thread runs from a bundle esbuild makes of
 * services/fileReadWorker.ts, as the app runs the one Vite builds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileReads } from '../../services/fileReads';
import { importJobs } from '../../services/importJobs';
import { bundledWorker } from '../bundledWorker';
import { EVERY_MS, idle, PAGE, waitsWhile, type Waits } from '../requestWaits';
import type { BookDocument, RowModule } from '../table';
import { tradosFile } from '../tradosFile';

interface ImportWaits extends Waits {
  importMs: number;
  segments: number;
}

async function whileImporting(document: BookDocument, run: () => Promise<{ id: number; segmentCount: number }>): Promise<ImportWaits> {
  let running = true;
  const started = performance.now();
  const importing = run().finally(() => (running = false));
  const waits = await waitsWhile(document, () => running, importing);
  const imported = await importing;
  const importMs = performance.now() - started;
  return { ...waits, importMs, segments: imported.segmentCount };
}

const importWait: RowModule = {
  order: 82,
  alone: true,
  async rows(document) {
    const { services, workDir, size } = document;
    // Two segments a translation unit, as Trados splits a paragraph.
    const path = join(workDir, `book-${size}.sdlxliff`);
    writeFileSync(path, tradosFile(Math.max(1, Math.round(size / 2)), 0));
    const reads = fileReads({ file: await bundledWorker('fileReadWorker', size) });
    const jobs = importJobs();
    try {
      // The thread first: the import on the request path leaves this process its garbage to collect.
      const after = await whileImporting(document, () =>
        jobs.runAfter('thread', 'book.sdlxliff', () => reads.read(path), (read) => services.documents.importReadSteps(read)),
      );
      const before = await whileImporting(document, () => jobs.run('request-path', 'book.sdlxliff', services.documents.importFileSteps(path)));
      const quiet = await idle(document, Math.min(after.importMs, 5_000));
      const about =
        `a page of ${PAGE} asked every ${EVERY_MS} ms while a Trados SDLXLIFF of ${after.segments.toLocaleString('en')} segments is imported, ` +
        `the longest wait from when it was due to its answer; over 50 ms: ${after.over50} of ${after.requests} requests (thread), ` +
        `${before.over50} of ${before.requests} (request path); with nothing else running the longest was ${quiet.longest.toFixed(1)} ms ` +
        `(${quiet.over50} of ${quiet.requests} over 50 ms)`;
      return [
        {
          key: 'import-wait-sdlxliff',
          label: 'a request during a Trados file’s import, longest wait: file read in its thread',
          value: after.longest,
          unit: 'ms',
          baseline: { label: 'read on the request path', value: before.longest, about },
        },
        {
          key: 'import-time-sdlxliff',
          label: 'import of a Trados file, to the document stored: file read in its thread, thread start included',
          value: after.importMs,
          unit: 'ms',
          baseline: { label: 'read on the request path', value: before.importMs, about: 'from the call to the last sentence stored' },
        },
      ];
    } finally {
      await reads.close();
    }
  },
};

export default importWait;
