/**
 * Reads that are kept by the writes (migration 0009), at 1k, 10k and 100k sentences, each beside its 1k figure:
 * the metrics panel opening (stored totals; the from-scratch computation it replaced is timed once beside it),
 * the first screen (open + first page + status counts + summary), a page deep in the document (keyset paging),
 * and search for five queries with their snippets. Documents are the shared APE MT lines (mt.txt in order,
 * cycled, 5 a paragraph), with every 20th sentence edited (a word changed, typing time recorded), so the
 * histogram, median time and batch figures have something to count.
 *
 * Run alone: `npx tsx bench/storedMetrics.ts` (BENCH_SIZES=1000,10000 to skip 100k).
 */
import { nodeNativeBinding } from '../cli/nativeBinding';
import { createServices, type Services } from '../services';
import { loadApe } from './fixtures';
import { median } from './stats';

/** One figure at one size, with the same figure at the smallest size (the baseline) when there is one. */
export interface StoredMetricsRow {
  figure: string;
  sentences: number;
  ms: number;
  baselineMs: number | null;
  /** What it is compared with besides size, when there is something (the from-scratch computation). */
  note?: string;
}

/** The queries searched: a rare word, a frequent word, a frequent two-word phrase, a prefix, two words apart. */
export const SEARCH_QUERIES = ['Kontextmenü', 'Sie', '"klicken Sie"', 'Werkz', 'Datei speichern'] as const;

const PAGE = 50;
/** The from-scratch metrics are timed up to this size (about 0.5 ms a sentence: 50 s at 100k). */
const SCRATCH_UP_TO = 10_000;

function bookText(n: number): string {
  const lines = loadApe().map((pair) => pair.mt);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]! + (i % 5 === 4 ? '\n\n' : '\n'));
  return out.join('');
}

/** Median milliseconds of `runs` runs of `work` after one warm-up run. */
function timed(work: () => unknown, runs = 5): number {
  work();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

function editSome(services: Services, documentId: number, n: number): void {
  for (let offset = 0; offset < n; offset += 1000) {
    const rows = services.segments.page(documentId, offset, 1000).items;
    rows.forEach((row, k) => {
      if ((offset + k) % 20 !== 0) return;
      const words = row.currentText.split(' ');
      words[words.length >> 1] = 'geändert';
      services.segments.update(row.id, words.join(' '), { editMs: 1000 + ((offset + k) % 7) * 900, keystrokes: 12 });
    });
  }
}

/** The figures at one size (no baseline filled in). */
function measure(n: number): StoredMetricsRow[] {
  const services = createServices(':memory:', { nativeBinding: nodeNativeBinding() });
  try {
    const { id } = services.documents.importText({ fileName: 'book.txt', title: 'Book', text: bookText(n), hasBom: false });
    editSome(services, id, n);
    const row = (figure: string, ms: number, note?: string): StoredMetricsRow => ({ figure, sentences: n, ms, baselineMs: null, ...(note && { note }) });
    const panel = timed(() => services.metrics.document(id));
    let scratch: string | undefined;
    // The computation it replaced, once, where it takes seconds rather than a minute.
    if (n <= SCRATCH_UP_TO) {
      const started = performance.now();
      services.metrics.recompute(id);
      const scratchMs = performance.now() - started;
      scratch = `from scratch ${scratchMs.toFixed(0)} ms, ${(scratchMs / panel).toFixed(0)}× more`;
    }
    const rows = [
      row('metrics panel (stored totals)', panel, scratch),
      row('first screen (open + first page + counts + summary)', timed(() => {
        services.documents.open(id);
        services.segments.page(id, 0, PAGE);
        services.documents.statusCounts(id);
        services.documents.summary(id);
      })),
      row(`a page of ${PAGE} at the end (keyset)`, timed(() => services.segments.page(id, n - PAGE, PAGE))),
    ];
    for (const query of SEARCH_QUERIES) {
      const hits = services.search.search(query, id).length;
      rows.push(row(`search ${query} (${hits} hits, with snippets)`, timed(() => services.search.search(query, id), 3)));
    }
    return rows;
  } finally {
    services.close();
  }
}

/** Every figure at every size, each with the figure at the first size as its baseline. */
export function benchStoredMetrics(sizes: readonly number[] = [1_000, 10_000, 100_000]): StoredMetricsRow[] {
  const all: StoredMetricsRow[] = [];
  let base: StoredMetricsRow[] | null = null;
  for (const n of sizes) {
    const rows = measure(n);
    base ??= rows;
    rows.forEach((r, i) => all.push({ ...r, baselineMs: base![i]?.ms ?? null }));
  }
  return all;
}

/** The rows as lines: `figure at size: ms (× the baseline)`. */
export function storedMetricsLines(rows: readonly StoredMetricsRow[]): string[] {
  return rows.map((r) => {
    const ratio = r.baselineMs && r.baselineMs > 0 ? ` (${(r.ms / r.baselineMs).toFixed(1)}× the first size)` : '';
    return `  ${r.sentences.toLocaleString('en-US').padStart(7)}  ${r.figure.padEnd(58)} ${r.ms.toFixed(2).padStart(9)} ms${ratio}${r.note ? `; ${r.note}` : ''}`;
  });
}

if (process.argv[1]?.endsWith('storedMetrics.ts')) {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  for (const line of storedMetricsLines(benchStoredMetrics(sizes))) process.stdout.write(`${line}\n`);
}
