import { z } from 'zod';
import { count } from '../model/fields';
import { terPercent, segmentMetrics } from './segmentMetrics';
import type { TerCounts } from './ter';
import type { TerOptions } from './tercomTokenize';

/** A segment as document metrics need it. */
export interface MeasuredSegment {
  mtText: string;
  currentText: string;
  /** Typing time recorded for the segment: the sum over its typed revisions (origin 'edit') only. */
  editMs: number;
  /** Keystrokes of its typed revisions. */
  keystrokes: number;
  /**
   * The batches (fix, fix all, replace, propagation, fix memory, revert, restore, undo, redo) that wrote a new
   * text for the segment: changes the editor did not type, kept apart from editing time. Absent means none.
   */
  batchIds?: readonly number[];
}

/** Segments whose HTER is above this share were rewritten rather than corrected. */
export const REWRITE_THRESHOLD = 50;

/** Bins of the HTER histogram: [from, to) in percent; the last one (to = null) is open-ended. */
export const HTER_BINS: ReadonlyArray<readonly [number, number | null]> = [
  [0, 10], [10, 20], [20, 30], [30, 40], [40, 50], [50, 75], [75, 100], [100, null],
];

/**
 * Post-editing time below which words per hour is not shown (the panel, the report): a quick edit of a
 * sentence in half a second reads as tens of thousands of words an hour beside an editing time of "< 1 s".
 */
export const MIN_SPEED_MS = 5_000;

/** A document's review figures, as the metrics panel and `cli metrics ID` show them. */
export const documentMetricsSchema = z.object({
  /** Every unit, with MT or without. */
  segments: count,
  /**
   * Corpus HTER: all edits over all reference words, in percent, of the units that came with MT. This figure,
   * the edits, the three classes below, the histogram and words per hour leave out the units without MT.
   */
  ter: z.number(),
  edits: count,
  refWords: count,
  untouched: count,
  /** Changed, with HTER up to the rewrite threshold. */
  edited: count,
  /** HTER above the rewrite threshold. */
  rewritten: count,
  editsByType: z.object({ insertions: count, deletions: count, substitutions: count, shifts: count }),
  /** Counts of edited segments per HTER bin (untouched segments are not in it). */
  hterHistogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), count })),
  totalEditMs: count,
  /** Median time over the segments that took any time; 0 when none did. */
  medianEditMs: z.number().nonnegative(),
  keystrokes: count,
  /** MT words of the segments worked on, per hour of their editing time; 0 before any time was recorded. */
  wordsPerHour: z.number().nonnegative(),
  /**
   * Units that came without MT (an empty target, as in a partly translated XLIFF): the editor translates them
   * rather than post-edits them, so counting them as 100 % HTER would raise the document's HTER for work that
   * is not post-editing. Reported apart: how many, how many are translated, their words and their typing time.
   */
  withoutMt: z.object({ segments: count, translated: count, words: count, editMs: count }),
  /** Text changes not typed (batches: fixes, replace, propagation, memory, revert, undo/redo): reported apart. */
  batchChanges: z.object({
    /** Sentences that got a text from at least one batch. */
    sentences: count,
    /** Distinct batches (steps) that wrote them. */
    steps: count,
  }),
});
export type DocumentMetrics = z.infer<typeof documentMetricsSchema>;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mtWords = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/**
 * The figures of a document's review, added up one sentence at a time: what documentMetrics does in one go and
 * the metrics worker (services/metricsWorker.ts) does a slice at a time, reporting progress between slices.
 */
export function metricsTally(options: TerOptions = {}) {
  const editsByType: TerCounts = { insertions: 0, deletions: 0, substitutions: 0, shifts: 0 };
  const histogram = HTER_BINS.map(([from, to]) => ({ from, to, count: 0 }));
  const times: number[] = [];
  let segments = 0;
  let edits = 0;
  let refWords = 0;
  let untouched = 0;
  let rewritten = 0;
  let totalEditMs = 0;
  let keystrokes = 0;
  let wordsWorked = 0;
  let batchSentences = 0;
  const batchSteps = new Set<number>();
  const withoutMt = { segments: 0, translated: 0, words: 0, editMs: 0 };

  return {
    add(segment: MeasuredSegment): void {
      segments++;
      if (segment.mtText === '') {
        withoutMt.segments++;
        withoutMt.editMs += segment.editMs;
        if (segment.currentText !== '') {
          withoutMt.translated++;
          withoutMt.words += segmentMetrics('', segment.currentText, options).refWords;
        }
      } else {
        const m = segmentMetrics(segment.mtText, segment.currentText, options);
        edits += m.edits;
        refWords += m.refWords;
        editsByType.insertions += m.insertions;
        editsByType.deletions += m.deletions;
        editsByType.substitutions += m.substitutions;
        editsByType.shifts += m.shifts;
        if (segment.currentText === segment.mtText) untouched++;
        else {
          if (m.ter > REWRITE_THRESHOLD) rewritten++;
          const bin = histogram.find((b) => m.ter >= b.from && (b.to === null || m.ter < b.to));
          if (bin) bin.count++;
        }
      }
      if (segment.batchIds && segment.batchIds.length > 0) {
        batchSentences++;
        for (const id of segment.batchIds) batchSteps.add(id);
      }
      totalEditMs += segment.editMs;
      keystrokes += segment.keystrokes;
      if (segment.editMs > 0) {
        times.push(segment.editMs);
        wordsWorked += mtWords(segment.mtText);
      }
    },
    result(): DocumentMetrics {
      const postEditingMs = totalEditMs - withoutMt.editMs;
      return {
        segments,
        ter: terPercent(edits, refWords),
        edits,
        refWords,
        untouched,
        edited: segments - withoutMt.segments - untouched - rewritten,
        rewritten,
        editsByType: { ...editsByType },
        hterHistogram: histogram.map((bin) => ({ ...bin })),
        totalEditMs,
        medianEditMs: median(times),
        keystrokes,
        wordsPerHour: postEditingMs > 0 ? wordsWorked / (postEditingMs / 3_600_000) : 0,
        withoutMt: { ...withoutMt },
        batchChanges: { sentences: batchSentences, steps: batchSteps.size },
      };
    },
  };
}

/**
 * The figures of a document's review: effort by HTER, edits by kind, time and speed. Time, keystrokes and words
 * per hour are typing only (the caller gives typed effort); changes written by batches are counted apart.
 */
export function documentMetrics(segments: readonly MeasuredSegment[], options: TerOptions = {}): DocumentMetrics {
  const tally = metricsTally(options);
  for (const segment of segments) tally.add(segment);
  return tally.result();
}
