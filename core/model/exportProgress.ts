import { z } from 'zod';
import { count } from './fields';

/**
 * What an export is doing: waiting for the document's first whole check (the report shows its flags), reading
 * the sentences out of the store, building the file's content, or writing it to disk.
 */
export const EXPORT_PHASES = ['checking', 'reading', 'building', 'writing'] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

/** How far an export has got: its phase, and the steps done of that phase's total. */
export const exportProgressSchema = z.object({ phase: z.enum(EXPORT_PHASES), done: count, total: count });
export type ExportProgress = z.infer<typeof exportProgressSchema>;

/**
 * The share of the whole export each phase takes, as measured at 100k sentences (bench/rows/exportWorker.ts):
 * reading the rows and building the content are most of it; the whole check, when it has to run first, is
 * shown as the first span of the bar (it has its own figures beside it).
 */
const SPANS: Record<ExportPhase, readonly [start: number, end: number]> = {
  checking: [0, 0.1],
  reading: [0.1, 0.5],
  building: [0.5, 0.85],
  writing: [0.85, 1],
};

/** How much of the whole export is done, from 0 to 1, so one bar moves steadily through the phases. */
export function exportFraction({ phase, done, total }: ExportProgress): number {
  const [start, end] = SPANS[phase];
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return start + (end - start) * within;
}

/** The phase in words, for the progress dialog. */
export function describeExport({ phase, done, total }: ExportProgress): string {
  if (phase === 'checking') return 'Checking the whole document first (the report shows its flags)…';
  if (phase === 'reading' && total === 0) return 'Starting…';
  if (phase === 'reading') return `Reading sentences: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  if (phase === 'building') return 'Building the file…';
  return 'Writing the file…';
}
