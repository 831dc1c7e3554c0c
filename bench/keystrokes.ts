import { wordDiff } from '../core/diff';
import { segmentMetrics } from '../core/metrics';
import type { ApePair } from './fixtures';
import { percentile, sortNumbers } from './stats';

export const MAX_WORDS = 80;

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/** A long segment: consecutive MT lines joined, with their post-edits joined the same way. */
export interface LongSegment {
  mt: string;
  pe: string;
  words: number;
}

/** Joins consecutive pairs into segments of up to MAX_WORDS words (on both sides), skipping unchanged ones. */
export function longSegments(pairs: readonly ApePair[]): LongSegment[] {
  const segments: LongSegment[] = [];
  let mt: string[] = [];
  let pe: string[] = [];
  const flush = () => {
    const joined = { mt: mt.join(' '), pe: pe.join(' ') };
    if (mt.length > 0 && joined.mt !== joined.pe) segments.push({ ...joined, words: words(joined.mt) });
    mt = [];
    pe = [];
  };
  for (const pair of pairs) {
    if (words([...mt, pair.mt].join(' ')) > MAX_WORDS || words([...pe, pair.pe].join(' ')) > MAX_WORDS) flush();
    mt.push(pair.mt);
    pe.push(pair.pe);
  }
  flush();
  return segments;
}

/**
 * The texts an editor's field holds after each keystroke while correcting `mt` into `pe`: going left to
 * right through the word diff, each deleted character is one Delete press and each inserted one is typed.
 * The last text is `pe` itself.
 */
export function typingStates(mt: string, pe: string): string[] {
  const states: string[] = [];
  let done = '';
  for (const op of wordDiff(mt, pe)) {
    if (op.kind === 'equal') {
      done += op.text;
      continue;
    }
    const chars = Array.from(op.text);
    const after = mt.slice(op.aEnd);
    for (let k = 1; k <= chars.length; k++) {
      states.push(op.kind === 'delete' ? done + chars.slice(k).join('') + after : done + chars.slice(0, k).join('') + after);
    }
    if (op.kind === 'insert') done += op.text;
  }
  return states;
}

export interface KeystrokeBench {
  keystrokes: number;
  segments: number;
  words: { min: number; median: number; max: number };
  /** Whether every simulated correction ended on its post-edit. */
  reachedPostEdit: boolean;
  total: { p50: number; p99: number; max: number };
  diff: { p50: number; p99: number };
  metrics: { p50: number; p99: number };
  /** The same, over keystrokes in segments of 70 words or more only. */
  long: { keystrokes: number; p50: number; p99: number };
}

/** Times wordDiff + segmentMetrics on every keystroke of corrections of long segments, until `target` keystrokes. */
export function benchKeystrokes(pairs: readonly ApePair[], target = 5000): KeystrokeBench {
  const all = longSegments(pairs);
  const plans: Array<{ segment: LongSegment; states: string[] }> = [];
  let planned = 0;
  for (const segment of all) {
    if (planned >= target) break;
    const states = typingStates(segment.mt, segment.pe);
    plans.push({ segment, states });
    planned += states.length;
  }
  const reachedPostEdit = plans.every(({ segment, states }) => states[states.length - 1] === segment.pe);

  // Warm-up: segments from the far end of the corpus, so the timed texts are new to the engine.
  let sink = 0;
  for (const segment of all.slice(-10)) {
    for (const state of typingStates(segment.mt, segment.pe)) sink += wordDiff(segment.mt, state).length + segmentMetrics(segment.mt, state).edits;
  }

  const total: number[] = [];
  const diff: number[] = [];
  const metrics: number[] = [];
  const long: number[] = [];
  for (const { segment, states } of plans) {
    for (const state of states) {
      const t0 = performance.now();
      const ops = wordDiff(segment.mt, state);
      const t1 = performance.now();
      const m = segmentMetrics(segment.mt, state);
      const t2 = performance.now();
      sink += ops.length + m.edits;
      total.push(t2 - t0);
      diff.push(t1 - t0);
      metrics.push(t2 - t1);
      if (segment.words >= 70) long.push(t2 - t0);
    }
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the results observable

  const sortedTotal = sortNumbers(total);
  const sortedDiff = sortNumbers(diff);
  const sortedMetrics = sortNumbers(metrics);
  const sortedLong = sortNumbers(long);
  const wordCounts = sortNumbers(plans.map((p) => p.segment.words));
  return {
    keystrokes: total.length,
    segments: plans.length,
    words: { min: wordCounts[0]!, median: percentile(wordCounts, 50), max: wordCounts[wordCounts.length - 1]! },
    reachedPostEdit,
    total: { p50: percentile(sortedTotal, 50), p99: percentile(sortedTotal, 99), max: sortedTotal[sortedTotal.length - 1]! },
    diff: { p50: percentile(sortedDiff, 50), p99: percentile(sortedDiff, 99) },
    metrics: { p50: percentile(sortedMetrics, 50), p99: percentile(sortedMetrics, 99) },
    long: { keystrokes: long.length, p50: percentile(sortedLong, 50), p99: percentile(sortedLong, 99) },
  };
}
