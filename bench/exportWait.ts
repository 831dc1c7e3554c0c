/**
 * Only the export-wait rows (bench/rows/exportWait.ts) on one book-length document, without the rest of the
 * table: `npx tsx bench/exportWait.ts 100000`. `npm run bench` runs the same module with every other row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeNativeBinding } from '../cli/nativeBinding';
import { createServices } from '../services';
import { bookText } from './book';
import exportWait from './rows/exportWait';

async function main(size: number): Promise<void> {
  const nativeBinding = nodeNativeBinding();
  const dir = mkdtempSync(join(tmpdir(), 'redline-export-wait-'));
  const storePath = join(dir, 'redline.sqlite');
  const services = createServices(storePath, { nativeBinding });
  try {
    const text = bookText(size);
    const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
    const started = performance.now();
    const { id } = services.documents.importText({ fileName: 'book.txt', title: 'Book', text, hasBom: false });
    const importMs = performance.now() - started;
    const sentences = services.segments.page(id, 0, 1).total;
    const document = { size, sentences, text, fileName: 'book.txt', services, documentId: id, storePath, workDir: dir, nativeBinding, importMs, rssBeforeMb, rowsBefore: {} };
    const checkStarted = performance.now();
    services.checks.document(id);
    process.stdout.write(`${sentences} sentences; import ${importMs.toFixed(0)} ms, whole check ${(performance.now() - checkStarted).toFixed(0)} ms\n`);
    for (const row of await exportWait.rows(document)) {
      process.stdout.write(`${row.label}: ${row.value.toFixed(1)} ms | ${row.baseline?.label}: ${row.baseline?.value.toFixed(1)} ms (${row.baseline?.about ?? ''})\n`);
    }
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main(Number(process.argv[2] ?? 1000));
