/**
 * Sentence segmentation of one long line: linear now. Timed at 16k and 64k characters (a flat cost per
 * character is linear), with the segmenter as it was (quadratic) beside it at 16k as the baseline.
 */
import { sentenceSpans } from '../core/segmentation';
import { referenceSentenceSpans } from '../tests/core/segmentation/referenceSpans';
import { loadSeedText } from './fixtures';

export interface SegmentationBench {
  sizes: Array<{ chars: number; sentences: number; ms: number; baselineMs: number | null }>;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** The seed article's prose on one line, repeated to `chars` characters. */
function longLine(seed: string, chars: number): string {
  const line = seed.replace(/\s+/g, ' ');
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

export function benchSegmentation(): SegmentationBench {
  const seed = loadSeedText();
  const sizes: SegmentationBench['sizes'] = [];
  for (const chars of [16_000, 64_000, 1_000_000]) {
    const line = longLine(seed, chars);
    const linear = time(() => sentenceSpans(line));
    // The old segmenter takes seconds from 64k characters on: it runs beside the linear one only at 16k.
    const baseline = chars <= 16_000 ? time(() => referenceSentenceSpans(line)).ms : null;
    sizes.push({ chars, sentences: linear.value.length, ms: linear.ms, baselineMs: baseline });
  }
  return { sizes };
}
