import { basename } from 'node:path';
// Imported from their own modules, not core/metrics' index: the quick file-metrics entry must not load zod.
import type { DocumentMetrics } from '../../core/metrics/documentMetrics';
import { segmentMetrics, terPercent } from '../../core/metrics/segmentMetrics';
import type { TerOptions } from '../../core/metrics/tercomTokenize';
import { RedlineError } from '../../core/model/errors';
import type { CliOptions } from '../args';
import type { LineList } from '../plainUtf8';

/*
 * The figures `metrics` prints and how it prints them, apart from how the files are read: the lean file-metrics
 * bundle (cli/metricsMain.ts) reads plain UTF-8 itself and must not load the encoding detection's packages.
 */

/** One MT segment against its post-edit: `line` is the line number, or the position in a stored document. */
export interface SegmentFigures {
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

export interface MetricsReport {
  segments: SegmentFigures[];
  corpus: CorpusFigures;
  document?: DocumentMetrics;
}

export interface Pair {
  line: number;
  mt: string;
  pe: string;
}

/** HTER and character edit rate of every pair (hypothesis: the MT; reference: the post-edit), and the corpus HTER. */
export function measurePairs(pairs: readonly Pair[], options: TerOptions): Omit<MetricsReport, 'document'> {
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
 * The report of figures measured elsewhere (the lean bundle's threads), segment k being line k + 1: the same
 * objects, in the same key order, as measurePairs gives for the lines.
 */
export function reportOfFigures(edits: Int32Array, refWords: Int32Array, charEditRate: Float64Array): Omit<MetricsReport, 'document'> {
  return { segments: segmentsOf(edits, refWords, charEditRate, 0, edits.length), corpus: corpusOf(edits, refWords) };
}

/** The figures of segments [from, to) as reportOfFigures gives them. */
function segmentsOf(edits: Int32Array, refWords: Int32Array, charEditRate: Float64Array, from: number, to: number): SegmentFigures[] {
  const segments = new Array<SegmentFigures>(to - from);
  for (let k = from; k < to; k++) {
    const e = edits[k]!;
    const r = refWords[k]!;
    segments[k - from] = { line: k + 1, edits: e, refWords: r, ter: terPercent(e, r), charEditRate: charEditRate[k]! };
  }
  return segments;
}

function corpusOf(edits: Int32Array, refWords: Int32Array): CorpusFigures {
  let totalEdits = 0;
  let totalRefWords = 0;
  for (let k = 0; k < edits.length; k++) {
    totalEdits += edits[k]!;
    totalRefWords += refWords[k]!;
  }
  return { ter: terPercent(totalEdits, totalRefWords), edits: totalEdits, refWords: totalRefWords };
}

/**
 * Segments stringified at a time by reportJsonPieces: each piece's objects die young. Made all at once, the
 * 16,000 segment objects of a corpus lived through the collections the stringify's own garbage set off, each
 * copying them, and the 2 MB text was copied again to add the final line break.
 */
const SEGMENTS_A_PIECE = 1024;
/** How JSON.stringify(…, null, 2) opens and closes an object whose only key is a non-empty `segments`. */
const OPENING = '{\n  "segments": [\n';
const CLOSING = '\n  ]\n}';
/** …and opens one with no segments, before its other keys. */
const NO_SEGMENTS = '{\n  "segments": []';

/**
 * JSON.stringify(reportOfFigures(…), null, 2), byte for byte, in pieces to be written one after the other:
 * jsonSegments a piece at a time, then jsonReportEnd.
 */
export function reportJsonPieces(edits: Int32Array, refWords: Int32Array, charEditRate: Float64Array): string[] {
  const n = edits.length;
  if (n === 0) return [JSON.stringify(reportOfFigures(edits, refWords, charEditRate), null, 2)];
  const pieces: string[] = [];
  for (let from = 0; from < n; from += SEGMENTS_A_PIECE) {
    pieces.push(jsonSegments(edits, refWords, charEditRate, from, Math.min(n, from + SEGMENTS_A_PIECE)));
  }
  pieces.push(jsonReportEnd(edits, refWords));
  return pieces;
}

/**
 * Segments [from, to) of a non-empty report as they stand in its JSON text, from the report's opening when
 * `from` is 0, else from the comma after the segment before: stringified at the depth they have in the whole
 * (inside an object with a `segments` key alone), that frame cut off.
 */
export function jsonSegments(edits: Int32Array, refWords: Int32Array, charEditRate: Float64Array, from: number, to: number): string {
  const text = JSON.stringify({ segments: segmentsOf(edits, refWords, charEditRate, from, to) }, null, 2);
  const body = text.slice(OPENING.length, text.length - CLOSING.length);
  return from === 0 ? OPENING + body : `,\n${body}`;
}

/** What follows the last segment of a non-empty report's JSON text: the end of the list, and the corpus. */
export function jsonReportEnd(edits: Int32Array, refWords: Int32Array): string {
  const rest = JSON.stringify({ segments: [], corpus: corpusOf(edits, refWords) }, null, 2);
  return `\n  ]${rest.slice(NO_SEGMENTS.length)}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const percent = (value: number) => value.toFixed(2);

/** A table of the segments, then the corpus line (and, for a stored document, its review figures). */
export function formatReport(report: MetricsReport): string {
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
      `document: ${count(document.segments, 'segment')}: ${document.untouched} untouched, ${document.edited} lightly corrected, ` +
        `${document.rewritten} rewritten (HTER over 50%)`,
      `edits: ${e.insertions} insertions, ${e.deletions} deletions, ${e.substitutions} substitutions, ${e.shifts} shifts`,
      `time: ${(document.totalEditMs / 1000).toFixed(1)} s editing (median ${(document.medianEditMs / 1000).toFixed(1)} s ` +
        `a segment), ${count(document.keystrokes, 'keystroke')}, ${Math.round(document.wordsPerHour)} words an hour`,
    );
    const without = document.withoutMt;
    if (without.segments > 0) {
      lines.push(
        `without MT: ${count(without.segments, 'sentence')}, ${without.translated} translated (${count(without.words, 'word')}, ` +
          `${(without.editMs / 1000).toFixed(1)} s editing), not in the lines, HTER or words an hour above`,
      );
    }
  }
  return lines.join('\n');
}

export const terOptions = (options: CliOptions): TerOptions => ({
  normalize: !options['no-normalize'],
  caseSensitive: !options['ignore-case'],
});

const emptyFile = (path: string) => new RedlineError('bad_input', `${basename(path)} is empty: there is no text to review.`);

/** A decoded file's lines, one segment each: a final newline ends the last line rather than adding one. */
export function segmentLines(text: string, path: string): string[] {
  if (text.trim().length === 0) throw emptyFile(path);
  // Split at a plain string when there is no CR (most files): the same lines, at a fraction of the regex's cost.
  const lines = text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  refuseMarkup(lines, path);
  return lines;
}

/**
 * Refuses an XML file (XLIFF, TMX, SDLXLIFF) given as MT or post-edit: its lines are markup, and their TER would
 * look plausible and mean nothing. Its units are measured once it is imported, by `metrics ID`. Only the first
 * line is read.
 */
function refuseMarkup(lines: LineList, path: string): void {
  const first = lines.at(0)?.replace(/^\uFEFF/u, '').trimStart() ?? '';
  if (!/^<(?:\?xml\b|xliff\b|tmx\b)/u.test(first)) return;
  throw new RedlineError(
    'bad_input',
    `${path} is an XML file (XLIFF, TMX…): metrics compares two plain-text files line by line. ` +
      `Import it (npm run cli -- import ${path}) and run metrics on the document's id.`,
  );
}

/**
 * Refuses a file whose lines, split elsewhere (cli/plainUtf8's Utf8Lines), hold no text: segmentLines' rule,
 * as the text is blank exactly when every line is.
 */
export function checkHasText(lines: LineList, path: string): void {
  let k = 0;
  while (k < lines.length && lines.at(k)!.trim().length === 0) k++;
  if (k === lines.length) throw emptyFile(path);
  refuseMarkup(lines, path);
}

/** Refuses MT and post-edit files whose lines do not pair up. */
export function checkAligned(mtPath: string, mtLines: number, pePath: string, peLines: number): void {
  if (mtLines !== peLines) {
    throw new RedlineError(
      'bad_input',
      `${mtPath} has ${count(mtLines, 'line')} but ${pePath} has ${peLines}: ` +
        'the MT and the post-edit need one segment a line, aligned line by line.',
    );
  }
}
