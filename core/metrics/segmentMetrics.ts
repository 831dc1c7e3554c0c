import { charEditRate } from './levenshtein';
import { terOfIds, type TerCounts } from './ter';
import type { TerOptions } from './tercomTokenize';
import { encodePair } from './wordIds';

/** How much one MT sentence had to change to become its correction. */
export interface SegmentMetrics extends TerCounts {
  /** HTER in percent: TER of the MT against its correction. */
  ter: number;
  edits: number;
  /** Words of the correction (the reference), as TER counts them. */
  refWords: number;
  /** Character edit distance over the longer length, in percent. */
  charEditRate: number;
}

/** TER in percent; with an empty reference, 100 if anything had to go and 0 if nothing did. */
export const terPercent = (edits: number, refWords: number): number =>
  refWords > 0 ? (100 * edits) / refWords : edits > 0 ? 100 : 0;

/** HTER, its edits by kind, and the character edit rate of one MT sentence against its correction. */
export function segmentMetrics(mt: string, correction: string, options: TerOptions = {}): SegmentMetrics {
  // Words as integers, not strings (wordIds.ts); an untouched sentence (a fifth of post-edited MT) is tokenized once.
  const { hyp, n, ref, m } = encodePair(mt, correction, options);
  const r = terOfIds(hyp, n, ref, m);
  // Fields named one by one rather than spread: this runs per line over whole corpora, and a spread costs more.
  return {
    insertions: r.insertions,
    deletions: r.deletions,
    substitutions: r.substitutions,
    shifts: r.shifts,
    edits: r.edits,
    refWords: r.refWords,
    ter: terPercent(r.edits, r.refWords),
    charEditRate: charEditRate(mt, correction),
  };
}
