/**
 * One size of the book-length table, in a process of its own (so its peak memory is its own): builds the
 * document from the shared APE MT lines (mt.txt in order, cycled, one line a sentence, 5 to a paragraph),
 * imports it into a fresh store file as the app does, runs every row module of bench/rows/ on it, and prints
 * the rows as JSON on its last line. Run by bench/run.ts: `tsx bench/book.ts 100000`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { nodeNativeBinding } from '../cli/nativeBinding';
import { createServices } from '../services';
import { bookInChild } from './bookChild';
import { loadApe } from './fixtures';
import type { BenchRow, BookDocument, RowModule, SizeResult } from './table';

/** `n` APE MT lines in order (cycled), 5 to a paragraph. */
export function bookText(n: number): string {
  const lines = loadApe().map((pair) => pair.mt);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]! + (i % 5 === 4 ? '\n\n' : '\n'));
  return out.join('');
}

const ROWS_DIR = fileURLToPath(new URL('./rows/', import.meta.url));

/** The row modules with their file names, in their order; BENCH_ROWS=bulkWrite,deleteBook runs only those files. */
async function rowModules(only = process.env.BENCH_ROWS?.split(',').filter(Boolean)): Promise<Array<{ name: string; module: RowModule }>> {
  const files = readdirSync(ROWS_DIR)
    .filter((name) => /\.ts$/.test(name) && (!only || only.includes(name.replace(/\.ts$/, ''))))
    .sort();
  const modules: Array<{ name: string; module: RowModule }> = [];
  for (const name of files) modules.push({ name: name.replace(/\.ts$/, ''), module: ((await import(join(ROWS_DIR, name))) as { default: RowModule }).default });
  return modules.sort((a, b) => a.module.order - b.module.order);
}

/** A module marked `alone` run in a child process (this script, BENCH_ROWS naming it): its rows, and its peak RSS. */
function rowsAlone(size: number, name: string): { rows: BenchRow[]; peakMb: number } {
  const result = bookInChild(size, name);
  if (typeof result === 'string') throw new Error(`bench row module ${name} failed: ${result}`);
  return { rows: result.rows.filter((row) => row.key !== 'peak-rss'), peakMb: result.rows.find((row) => row.key === 'peak-rss')?.value ?? 0 };
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** Row counts of every ordinary table of the store. */
export function tableCounts(storePath: string, nativeBinding: string | undefined): Record<string, number> {
  const db = new Database(storePath, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

export async function runBook(size: number): Promise<SizeResult> {
  const selected = process.env.BENCH_ROWS !== undefined;
  const modules = await rowModules();
  const nativeBinding = nodeNativeBinding();
  const dir = mkdtempSync(join(tmpdir(), 'redline-book-'));
  const storePath = join(dir, 'redline.sqlite');
  const services = createServices(storePath, { nativeBinding });
  try {
    const text = bookText(size);
    const rssBefore = process.memoryUsage().rss;
    const rowsBefore = tableCounts(storePath, nativeBinding);
    const fileName = 'book.txt';
    const started = performance.now();
    const imported = services.documents.importText({ fileName, title: 'Book', text, hasBom: false });
    const importMs = performance.now() - started;
    const sentences = services.segments.page(imported.id, 0, 1).total;
    const document: BookDocument = {
      size,
      sentences,
      text,
      fileName,
      services,
      documentId: imported.id,
      storePath,
      workDir: dir,
      nativeBinding,
      importMs,
      rssBeforeMb: megabytes(rssBefore),
      rowsBefore,
    };
    const rows: BenchRow[] = [];
    // BENCH_ALONE=0 runs every module in this process, as the bench did before modules could run alone.
    const together = selected || process.env.BENCH_ALONE === '0';
    let childPeakMb = 0;
    for (const { name, module } of modules) {
      if (module.alone && !together) {
        const alone = rowsAlone(size, name);
        rows.push(...alone.rows);
        childPeakMb = Math.max(childPeakMb, alone.peakMb);
      } else rows.push(...(await module.rows(document)));
    }
    // The process's peak: its resident set at its highest so far (KB on Linux), against where it stood with the
    // store open and the text in memory, before the import.
    rows.push({
      key: 'peak-rss',
      label: 'peak RSS',
      // The highest of this process and those the modules run alone had.
      value: Math.max(process.resourceUsage().maxRSS / 1024, childPeakMb),
      unit: 'MB',
      baseline: { label: 'RSS before the import', value: megabytes(rssBefore), about: 'the process with the store open and the text read, before the import' },
    });
    return { size, sentences, rows };
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = Number(process.argv[2]);
  if (!(size > 0)) {
    process.stderr.write('usage: tsx bench/book.ts SIZE\n');
    process.exitCode = 2;
  } else {
    runBook(size).then(
      (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
