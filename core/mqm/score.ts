import { z } from 'zod';
import type { Annotation } from '../model/annotation';
import { RedlineError } from '../model/errors';
import { count } from '../model/fields';
import { MQM_CATEGORIES, MQM_SEVERITIES, MQM_WEIGHTS, type MqmCategory, type MqmSeverity } from './categories';

/** The document's pass mark when the editor set none (the column default in the store). */
export const DEFAULT_QUALITY_THRESHOLD = 99;

/** How many errors of each severity were tagged in each category. */
export type MqmMatrix = Record<MqmCategory, Record<MqmSeverity, number>>;

const category = z.enum(MQM_CATEGORIES);
const severity = z.enum(MQM_SEVERITIES);

/** The MQM figures of a document: errors, penalty, score and whether it reaches the pass mark. */
export const mqmSummarySchema = z.object({
  /** Errors per category × severity; every cell present (0 where none). */
  counts: z.record(category, z.record(severity, count)),
  /** Row totals of `counts`. */
  byCategory: z.record(category, count),
  /** Column totals of `counts`. */
  bySeverity: z.record(severity, count),
  /** Number of annotations counted. */
  errors: count,
  /** Σ of the severity weights (minor 1, major 5, critical 25). */
  penalty: count,
  /** Words of the evaluated text (the final correction), see `mqmWordCount`. */
  wordCount: count,
  /**
   * 100 × (1 − penalty / wordCount), clamped to [0, 100]. With no words: 100 if there is no penalty, else 0.
   * Not rounded; `formatMqmScore` shows it.
   */
  score: z.number(),
  threshold: z.number(),
  /** score ≥ threshold (on the clamped score: a threshold of 0 passes everything). */
  pass: z.boolean(),
});
export type MqmSummary = z.infer<typeof mqmSummarySchema>;

/** What scoring reads of an annotation. */
export type ScoredAnnotation = Pick<Annotation, 'category' | 'severity'>;

const isCategory = (value: unknown): value is MqmCategory => (MQM_CATEGORIES as readonly unknown[]).includes(value);
const isSeverity = (value: unknown): value is MqmSeverity => (MQM_SEVERITIES as readonly unknown[]).includes(value);

/** A zero-filled category × severity matrix. */
export function emptyMqmMatrix(): MqmMatrix {
  return Object.fromEntries(
    MQM_CATEGORIES.map((category) => [category, Object.fromEntries(MQM_SEVERITIES.map((s) => [s, 0]))]),
  ) as MqmMatrix;
}

/**
 * Words of a text as MQM counts them for the penalty's denominator: runs of non-space characters that hold
 * at least one letter or digit. So `Alma-Ata`, `2022-01-06` and `don't` are one word each, and a dash or an
 * orphaned comma standing between spaces is no word at all.
 */
export function mqmWordCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

/** A valid pass mark (0 … 100), or a RedlineError saying why not. */
export function checkThreshold(threshold: unknown): number {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new RedlineError('bad_input', `The quality threshold must be a number from 0 to 100 (got ${String(threshold)}).`);
  }
  return threshold;
}

/**
 * The MQM summary of a set of annotations over a text of `wordCount` words (the words of the final
 * correction, as `mqmWordCount` counts them): the error matrix, the penalty total (Σ severity weights), the
 * score 100 × (1 − penalty / wordCount) and whether it reaches `threshold`.
 *
 * The score is clamped to [0, 100]: once the penalty exceeds the word count the text has failed outright and
 * a negative percentage means nothing more to an editor. A text of no words scores 100 with no penalty and 0
 * with any.
 */
export function mqmSummary(annotations: readonly ScoredAnnotation[], wordCount: number, threshold: number): MqmSummary {
  if (!Number.isInteger(wordCount) || wordCount < 0) {
    throw new RedlineError('bad_input', `The word count must be a whole number of at least 0 (got ${String(wordCount)}).`);
  }
  checkThreshold(threshold);
  const counts = emptyMqmMatrix();
  const byCategory = Object.fromEntries(MQM_CATEGORIES.map((c) => [c, 0])) as Record<MqmCategory, number>;
  const bySeverity = Object.fromEntries(MQM_SEVERITIES.map((s) => [s, 0])) as Record<MqmSeverity, number>;
  let penalty = 0;
  for (const { category, severity } of annotations) {
    if (!isCategory(category)) throw new RedlineError('bad_input', `Unknown MQM category: ${String(category)}.`);
    if (!isSeverity(severity)) throw new RedlineError('bad_input', `Unknown MQM severity: ${String(severity)}.`);
    counts[category][severity]++;
    byCategory[category]++;
    bySeverity[severity]++;
    penalty += MQM_WEIGHTS[severity];
  }
  // One division of whole numbers, so that e.g. 1 penalty point in 100 words is exactly 99, not 98.999….
  const raw = wordCount > 0 ? (100 * (wordCount - penalty)) / wordCount : penalty > 0 ? 0 : 100;
  const score = Math.min(100, Math.max(0, raw));
  return {
    counts,
    byCategory,
    bySeverity,
    errors: annotations.length,
    penalty,
    wordCount,
    score,
    threshold,
    pass: score >= threshold,
  };
}

/**
 * A score for display with two decimals, rounded down, so a score just under the pass mark never shows as
 * the pass mark itself (98.996 → "98.99", not "99.00").
 */
export function formatMqmScore(score: number): string {
  const floored = Math.floor(Math.round(score * 1e6) / 1e4) / 100;
  return floored.toFixed(2);
}
