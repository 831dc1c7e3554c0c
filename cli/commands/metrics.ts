import { basename } from 'node:path';
import { segmentMetrics, terPercent, type DocumentMetrics, type TerOptions } from '../../core/metrics';
import { RedlineError } from '../../core/model/errors';
import { readInputFile } from '../../services/files';
import { detectAndDecode } from '../../services/encoding';
import { parseId, UsageError, type CliOptions, type Command } from '../args';
import type { CliIo } from '../io';
import { withServices } from '../store';

/** One MT segment against its post-edit: `line` is the line number, or the position in a stored document. */
interface SegmentFigures {
  line: number;
  edits: number;
  refWords: number;
  /** HTER in percent. */
  ter: number;
  /** Character edit rate in percent. */
  charEditRate: number;
}

interface CorpusFigures {
  /** All edits over all reference words, in percent. */
  ter: number;
  edits: number;
  refWords: number;
}

interface MetricsReport {
  segments: SegmentFigures[];
  corpus: CorpusFigures;
  document?: DocumentMetrics;
}

interface Pair {
  line: number;
  mt: string;
  pe: string;
}

/** HTER and character edit rate of every pair (hypothesis: the MT; reference: the post-edit), and the corpus HTER. */
function measurePairs(pairs: readonly Pair[], options: TerOptions): Omit<MetricsReport, 'document'> {
  let edits = 0;
  let refWords = 0;
  const segments = pairs.map(({ line, mt, pe }): SegmentFigures => {
    const m = segmentMetrics(mt, pe, options);
    edits += m.edits;
    refWords += m.refWords;
    return { line, edits: m.edits, refWords: m.refWords, ter: m.ter, charEditRate: m.charEditRate };
  });
  return { segments, corpus: { ter: terPercent(edits, refWords), edits, refWords } };
}

/**
 * The lines of a text file, one segment each: a final newline ends the last line rather than adding one. The
 * encoding is detected as import detects it (UTF-16, Windows-1251 …).
 */
function readSegmentLines(path: string): string[] {
  const { text } = detectAndDecode(readInputFile(path), basename(path));
  if (text.trim().length === 0) throw new RedlineError('bad_input', `${basename(path)} is empty: there is no text to review.`);
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function filePairs(mtPath: string, pePath: string): Pair[] {
  const mt = readSegmentLines(mtPath);
  const pe = readSegmentLines(pePath);
  if (mt.length !== pe.length) {
    throw new RedlineError(
      'bad_input',
      `${mtPath} has ${count(mt.length, 'line')} but ${pePath} has ${pe.length}: ` +
        'the MT and the post-edit need one segment a line, aligned line by line.',
    );
  }
  return mt.map((text, k) => ({ line: k + 1, mt: text, pe: pe[k]! }));
}

const percent = (value: number) => value.toFixed(2);

/** A table of the segments, then the corpus line (and, for a stored document, its review figures). */
function formatReport(report: MetricsReport): string {
  const header = ['line', 'edits', 'ref words', 'TER %', 'chrER %'];
  const rows = report.segments.map((s) => [
    String(s.line),
    String(s.edits),
    String(s.refWords),
    percent(s.ter),
    percent(s.charEditRate),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  const { corpus, document } = report;
  const lines = [format(header), ...rows.map(format)];
  lines.push(`corpus: TER ${percent(corpus.ter)}% (${count(corpus.edits, 'edit')} over ${count(corpus.refWords, 'reference word')})`);
  if (document) {
    const e = document.editsByType;
    lines.push(
      `document: ${count(document.segments, 'segment')}: ${document.untouched} untouched, ${document.edited} edited, ` +
        `${document.rewritten} rewritten (HTER over 50%)`,
      `edits: ${e.insertions} insertions, ${e.deletions} deletions, ${e.substitutions} substitutions, ${e.shifts} shifts`,
      `time: ${(document.totalEditMs / 1000).toFixed(1)} s editing (median ${(document.medianEditMs / 1000).toFixed(1)} s ` +
        `a segment), ${count(document.keystrokes, 'keystroke')}, ${Math.round(document.wordsPerHour)} words an hour`,
    );
  }
  return lines.join('\n');
}

function storedDocument(id: number, options: TerOptions, io: CliIo): MetricsReport {
  return withServices(io.env, (services) => {
    const document = services.metrics.document(id, options);
    const { items } = services.segments.page(id, 0, Math.max(document.segments, 1));
    const pairs = items.map((s) => ({ line: s.position, mt: s.mtText, pe: s.currentText }));
    return { ...measurePairs(pairs, options), document };
  });
}

const terOptions = (options: CliOptions): TerOptions => ({
  normalize: !options['no-normalize'],
  caseSensitive: !options['ignore-case'],
});

export const metrics: Command = {
  options: ['json', 'no-normalize', 'ignore-case'],
  run(args, options, io) {
    let report: MetricsReport;
    if (args.length === 2) {
      report = measurePairs(filePairs(args[0]!, args[1]!), terOptions(options));
    } else if (args.length === 1 && /^\d+$/.test(args[0]!)) {
      report = storedDocument(parseId(args[0]), terOptions(options), io);
    } else if (args.length === 1) {
      throw new UsageError(`metrics needs MT_FILE and PE_FILE, or a document id; "${args[0]}" alone is neither.`);
    } else {
      throw new UsageError('metrics needs MT_FILE and PE_FILE, or a document id.');
    }
    io.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};
