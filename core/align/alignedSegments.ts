import type { SegmentedText } from '../segmentation/segmentText';
import { checkCounts, type BeadCounts } from './beads';

/** A stretch of the machine translation and the source text it translates (null where there is none). */
export interface AlignedSegment {
  paragraph: number;
  text: string;
  trailing: string;
  source: string | null;
}

const joinSources = (sentences: readonly string[]): string => sentences.filter((s) => s.length > 0).join(' ');

const withSource = (source: string | null, more: string): string | null => [source ?? '', more].filter((s) => s.length > 0).join(' ') || null;

/**
 * The MT sentences regrouped by bead, each group carrying its source. Sentences of one bead are joined only
 * where a single space parts them: a sentence holds no line break (the editor turns one into a space) and no
 * odd spacing (the checks would flag it), so across any other gap they stay separate, the source on the first.
 * `joinSegments` over the result still gives back the MT text exactly; sentences the editor emptied are not
 * joined, as joinSegments lays them out differently. Source the MT omitted (a bead with no MT sentence) goes to
 * the neighbouring segment rather than being dropped.
 */
export function alignedSegments(mt: SegmentedText, sources: readonly string[], counts: BeadCounts): AlignedSegment[] {
  const problem = checkCounts(counts, sources.length, mt.segments.length);
  if (problem) throw new RangeError(problem);
  const out: AlignedSegment[] = [];
  let pending = ''; // omitted source before the first MT segment
  let s = 0;
  let t = 0;
  for (const [a, b] of counts) {
    const source = joinSources(sources.slice(s, s + a));
    s += a;
    if (b === 0) {
      const previous = out[out.length - 1];
      if (previous) previous.source = withSource(previous.source, source);
      else pending = withSource(pending, source) ?? '';
      continue;
    }
    const first = out.length;
    for (const sentence of mt.segments.slice(t, t + b)) {
      const last = out.length > first ? out[out.length - 1] : undefined;
      if (last && last.trailing === ' ' && last.paragraph === sentence.paragraph && last.text.length > 0 && sentence.text.length > 0) {
        last.text += last.trailing + sentence.text;
        last.trailing = sentence.trailing;
      } else {
        out.push({ paragraph: sentence.paragraph, text: sentence.text, trailing: sentence.trailing, source: null });
      }
    }
    t += b;
    out[first]!.source = withSource(pending || null, source);
    pending = '';
  }
  return out;
}
