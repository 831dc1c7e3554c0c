import { MIN_SPEED_MS, type DocumentMetrics } from '../../../core/metrics/documentMetrics';
import { integer } from '../../lib/format';

/** The words-per-hour figure of the metrics panel, and a tooltip saying why there is none. */
export function wordsPerHourFigure(m: Pick<DocumentMetrics, 'wordsPerHour' | 'totalEditMs' | 'withoutMt'>): { value: string; title?: string } {
  // The speed is of post-editing: the time spent translating units without MT is counted apart.
  const postEditingMs = m.totalEditMs - m.withoutMt.editMs;
  if (m.wordsPerHour <= 0 || postEditingMs <= 0) {
    return { value: '–', title: m.totalEditMs > 0 ? 'The editing time went to units without MT, counted apart' : 'No editing time recorded yet' };
  }
  if (postEditingMs < MIN_SPEED_MS) return { value: '–', title: `Too little editing time recorded (under ${MIN_SPEED_MS / 1000} s) to tell a speed` };
  return { value: integer(m.wordsPerHour) };
}
