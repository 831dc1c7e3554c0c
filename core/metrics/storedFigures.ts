import { mqmWordCount } from '../mqm/score';
import { HTER_BINS, REWRITE_THRESHOLD, type DocumentMetrics } from './documentMetrics';
import { levenshtein } from './levenshtein';
import { referenceWordCount } from './referenceWords';
import { terPercent } from './segmentMetrics';
import { terWords, type TerCounts } from './ter';
import { tercomWords, type TerOptions } from './tercomTokenize';

/**
 * What the store keeps of one sentence so the document's metrics are sums of stored numbers (see migration
 * 0009): its TER counts with the default options, its HTER band and whether it was rewritten, its MT words
 * (for words per hour) and its character edits. Each is exactly what documentMetrics/segmentMetrics compute.
 */
export interface StoredFigures extends TerCounts {
  edits: number;
  refWords: number;
  /**
   * Index into HTER_BINS; null for an untouched sentence (its text is the MT) and for a unit without MT (it is
   * translated, not post-edited: see DocumentMetrics.withoutMt), which are in no bin.
   */
  band: number | null;
  /** HTER above REWRITE_THRESHOLD, for a changed sentence that had MT. */
  rewritten: boolean;
  /** Words of the MT as documentMetrics counts them for words per hour. */
  mtWords: number;
  /** Character edit distance, and the longer text's length in code points: charEditRate = 100 × edits / length. */
  charEdits: number;
  charLength: number;
  /** Words of the current text as the MQM score counts them (mqmWordCount): its document's sum is the score's base. */
  targetWords: number;
}

/** The options the stored figures are computed with: tercom's normalized, case-sensitive defaults. */
export const STORED_TER_OPTIONS: Required<TerOptions> = { normalize: true, caseSensitive: true };

/** Whether figures asked for with these options are the stored ones. */
export const areStoredOptions = (options: TerOptions = {}): boolean =>
  (options.normalize ?? true) === STORED_TER_OPTIONS.normalize && (options.caseSensitive ?? true) === STORED_TER_OPTIONS.caseSensitive;

/** JavaScript's `\s` (all of it in the BMP), by code unit. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Words of an MT as documentMetrics counts them (`split(/\s+/u)` less empty parts), without building the parts. */
export function mtWordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** The bin of HTER_BINS a changed sentence's HTER falls in. */
export function hterBand(ter: number): number {
  const at = HTER_BINS.findIndex(([from, to]) => ter >= from && (to === null || ter < to));
  return at < 0 ? HTER_BINS.length - 1 : at;
}

const codePoints = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/**
 * The stored figures of a sentence whose MT is `mt` and current text `text`. An untouched sentence (the
 * common case at import) costs a count of its words and no edit distance.
 */
export function storedFigures(mt: string, text: string): StoredFigures {
  const mtWords = mtWordCount(mt);
  if (mt === text) {
    const refWords = referenceWordCount(mt); // tercomWords(mt, STORED_TER_OPTIONS).length, counted
    return {
      edits: 0, refWords, insertions: 0, deletions: 0, substitutions: 0, shifts: 0,
      band: null, rewritten: false, mtWords, charEdits: 0, charLength: codePoints(mt), targetWords: mqmWordCount(mt),
    };
  }
  const ter = terWords(tercomWords(mt, STORED_TER_OPTIONS), tercomWords(text, STORED_TER_OPTIONS));
  const percent = terPercent(ter.edits, ter.refWords);
  const a = Array.from(mt);
  const b = Array.from(text);
  return {
    edits: ter.edits,
    refWords: ter.refWords,
    insertions: ter.insertions,
    deletions: ter.deletions,
    substitutions: ter.substitutions,
    shifts: ter.shifts,
    band: mt === '' ? null : hterBand(percent),
    rewritten: mt !== '' && percent > REWRITE_THRESHOLD,
    mtWords,
    charEdits: levenshtein(a, b),
    charLength: Math.max(a.length, b.length),
    targetWords: mqmWordCount(text),
  };
}

/** A document's stored totals (kept on its row by the writes) and what is read from indexes beside them. */
export interface DocumentTotals extends TerCounts {
  segments: number;
  /** Sentences whose text differs from the MT. */
  changed: number;
  edits: number;
  refWords: number;
  rewritten: number;
  editMs: number;
  keystrokes: number;
  /** MT words of the sentences with any typing time. */
  wordsWorked: number;
  batchSentences: number;
  batchSteps: number;
  /** Units without MT (migration 0027): how many, how many translated, their words and typing time. */
  noMtSegments: number;
  noMtTranslated: number;
  noMtWords: number;
  noMtMs: number;
  /** Changed sentences per HTER_BINS index (a GROUP BY over the stored band). */
  bands: ReadonlyMap<number, number>;
  /** The median typing time over the sentences that took any. */
  medianEditMs: number;
}

/** The document's metrics from its stored totals: the same figures documentMetrics computes from every sentence. */
export function metricsFromTotals(t: DocumentTotals): DocumentMetrics {
  // The sums of TER counts leave out units without MT (the triggers add them only for units with MT); the counts
  // of sentences and of changed ones take them in, so they are taken out here.
  const withMt = t.segments - t.noMtSegments;
  const changedWithMt = t.changed - t.noMtTranslated;
  const postEditingMs = t.editMs - t.noMtMs;
  return {
    segments: t.segments,
    ter: terPercent(t.edits, t.refWords),
    edits: t.edits,
    refWords: t.refWords,
    untouched: withMt - changedWithMt,
    edited: changedWithMt - t.rewritten,
    rewritten: t.rewritten,
    editsByType: { insertions: t.insertions, deletions: t.deletions, substitutions: t.substitutions, shifts: t.shifts },
    hterHistogram: HTER_BINS.map(([from, to], i) => ({ from, to, count: t.bands.get(i) ?? 0 })),
    totalEditMs: t.editMs,
    medianEditMs: t.medianEditMs,
    keystrokes: t.keystrokes,
    wordsPerHour: postEditingMs > 0 ? t.wordsWorked / (postEditingMs / 3_600_000) : 0,
    withoutMt: { segments: t.noMtSegments, translated: t.noMtTranslated, words: t.noMtWords, editMs: t.noMtMs },
    batchChanges: { sentences: t.batchSentences, steps: t.batchSteps },
  };
}
