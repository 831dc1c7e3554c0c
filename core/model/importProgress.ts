import { z } from 'zod';
import { count } from './fields';

/**
 * What an import is doing: reading and decoding the file, splitting it into sentences, aligning them with a
 * source text's (before the editor checks the alignment), or storing them.
 */
export const IMPORT_PHASES = ['reading', 'splitting', 'aligning', 'storing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** How far an import has got: its phase, and the steps done of that phase's total (a StepProgress). */
export const importProgressSchema = z.object({ phase: z.enum(IMPORT_PHASES), done: count, total: count });
export type ImportProgress = z.infer<typeof importProgressSchema>;

/**
 * The share of the whole import each phase takes, measured on a 19 MB text: storing is most of it. Aligning
 * ends its own run (the editor checks the alignment before anything is stored), so it takes the same last span.
 */
const SPANS: Record<ImportPhase, readonly [start: number, end: number]> = {
  reading: [0, 0.05],
  splitting: [0.05, 0.35],
  aligning: [0.35, 1],
  storing: [0.35, 1],
};

/** How much of the whole import is done, from 0 to 1, so one bar moves steadily through the phases. */
export function importFraction({ phase, done, total }: ImportProgress): number {
  const [start, end] = SPANS[phase];
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return start + (end - start) * within;
}

/**
 * How far the bar shows the import: null while the file is read, since reading (a Trados file's XML parsed in
 * one piece) has no steps to count and can take most of the import; the bar then only says it is working.
 */
export const importBarFraction = (progress: ImportProgress | null): number | null =>
  progress === null || progress.phase === 'reading' ? null : importFraction(progress);

/** The phase in words, for the progress dialog and the CLI. */
export function describeImport({ phase, done, total }: ImportProgress): string {
  if (phase === 'reading') return 'Reading the file…';
  if (phase === 'splitting') return 'Splitting into sentences…';
  if (phase === 'aligning') return 'Aligning the sentences with the source…';
  return `Storing sentences: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}
