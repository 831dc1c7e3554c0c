/**
 * The book-length table of `npm run bench`: one row per measured figure, one column per document size, each
 * figure with its baseline (measured in the same run) beside it, and whether the figure is flat (the largest
 * size within 2× of the smallest).
 *
 * Rows come from modules in bench/rows/: each file's default export is a RowModule, run on every document the
 * bench builds (bench/book.ts, one child process per size). A new figure is a new file there; nothing else
 * needs to change.
 */
import type { createServices } from '../services';

export type Services = ReturnType<typeof createServices>;

/** A document the bench built and imported, handed to every row module. */
export interface BookDocument {
  /** APE lines asked for (1,000, 10,000, 100,000). */
  size: number;
  /** Sentences the import stored. */
  sentences: number;
  /** The text file imported. */
  text: string;
  fileName: string;
  services: Services;
  documentId: number;
  /** The store file (WAL, as the app opens it), in a temp folder of its own. */
  storePath: string;
  /** A folder for whatever a module writes (exports). */
  workDir: string;
  nativeBinding: string | undefined;
  /** What `documents.importText` took for `text`, measured by the harness. */
  importMs: number;
  /** The process's resident set before the import, with the store open and the text read (MB). */
  rssBeforeMb: number;
  /** Row counts of every table before the import (so a module can tell the import's own rows). */
  rowsBefore: Record<string, number>;
}

export type Unit = 'ms' | 'MB';

export interface BenchRow {
  /** The table's order: the figures first (see ROW_ORDER), anything else after, by label. */
  key: string;
  label: string;
  value: number;
  unit: Unit;
  /**
   * The baseline measured in the same run, beside the figure (null when the row has none): `label` is short (it
   * goes into the row's name), `about` says what exactly was measured (printed under the table).
   */
  baseline: { label: string; value: number; about?: string } | null;
  /** What differs between sizes beside the figure (how many hits a search page holds), printed in its cell. */
  note?: string;
}

export interface RowModule {
  /** Modules run in this order on one document (those that edit it run after those that only read). */
  order: number;
  /** May be asynchronous, for figures measured while other work runs (bench/rows/exportWait.ts). */
  rows(document: BookDocument): BenchRow[] | Promise<BenchRow[]>;
  /**
   * Run in a process of its own, on the book imported there afresh: its figures are requests' waits, which the
   * other rows' from-scratch baselines (whole checks and exports on the request path, gigabytes of allocation the
   * app's main process never holds) would turn into the collector's pauses.
   */
  alone?: boolean;
}

/** The figures, in its order. */
export const ROW_ORDER = ['import', 'first-screen', 'save', 'metrics-panel', 'propagation', 'search', 'export', 'peak-rss'];

/** Rows of other keys go after the figures, before peak RSS (the last, measured at the end). */
const rank = (key: string) => {
  const at = ROW_ORDER.indexOf(key);
  return at < 0 ? ROW_ORDER.length - 1.5 : at;
};

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export interface SizeResult {
  size: number;
  sentences: number;
  rows: BenchRow[];
}

/** The table as text: rows × sizes, "figure / baseline (ratio)", and the largest size over the smallest. */
export function formatTable(results: readonly SizeResult[]): string {
  const labels = new Map<string, BenchRow>();
  for (const result of results) for (const row of result.rows) if (!labels.has(row.label)) labels.set(row.label, row);
  const ordered = [...labels.values()].sort((a, b) => rank(a.key) - rank(b.key));
  const sizes = results.map((r) => `${r.sentences.toLocaleString('en-US')} sentences`);
  const header = ['figure / baseline', ...sizes, results.length > 1 ? 'largest / smallest size' : ''];
  const body = ordered.map((first) => {
    const cells = results.map((result) => {
      const row = result.rows.find((r) => r.label === first.label);
      if (!row) return '—';
      const note = row.note ? ` (${row.note})` : '';
      if (!row.baseline) return formatValue(row.value, row.unit) + note;
      const ratio = row.baseline.value > 0 ? ` (${ratioText(row.value / row.baseline.value)})` : '';
      return `${formatValue(row.value, row.unit)} / ${formatValue(row.baseline.value, row.unit)}${ratio}${note}`;
    });
    const smallest = results[0]?.rows.find((r) => r.label === first.label);
    const largest = results.at(-1)?.rows.find((r) => r.label === first.label);
    let flat = '';
    if (results.length > 1 && smallest && largest && smallest.value > 0) {
      const ratio = largest.value / smallest.value;
      flat = `${ratioText(ratio)}${ratio <= 2 ? ' (flat)' : ''}`;
    }
    return [first.baseline ? `${first.label} / ${first.baseline.label}` : first.label, ...cells, flat];
  });
  const rows = [header, ...body];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const legend = ordered
    .filter((row) => row.baseline?.about)
    .map((row) => `  ${row.baseline!.label}: ${row.baseline!.about}`);
  const absent = ROW_ORDER.filter((key) => !ordered.some((row) => row.key === key));
  const missing = absent.length > 0 ? [`Not measured: ${absent.join(', ')} (no module in bench/rows/ gives that row yet).`] : [];
  return [line(header), rule, ...body.map(line), ...missing, ...(legend.length > 0 ? ['Baselines:', ...[...new Set(legend)]] : [])].join('\n');
}

const ratioText = (ratio: number) => (ratio >= 10 ? `${ratio.toFixed(0)}×` : ratio >= 0.1 ? `${ratio.toFixed(1)}×` : `${ratio.toPrecision(2)}×`);
