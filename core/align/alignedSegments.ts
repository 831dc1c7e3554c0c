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

/**
 * The MT sentences regrouped by bead, each group carrying its source. Sentences of one bead are joined only
 * where a single space parts them: a sentence holds no line break (the editor turns one into a space) and no
 * odd spacing (the checks would flag it), so across any other gap they stay separate, the source on the first.
 * `joinSegments` over the result still gives back the MT text exactly; sentences the editor emptied are not
 * joined, as joinSegments lays them out differently.
 *
 * Source the MT omitted (a bead with no MT sentence) becomes a segment of its own with an empty MT, for the
 * editor to see the omission and translate it there (folding it into a neighbour's source hid it). It takes the
 * gap that follows the MT before it (or the text's leading whitespace): joinSegments lays an empty sentence out
 * as the gap around it, and a gap beside itself is itself, so the MT file still comes back byte for byte; a
 * translation typed into it lands after the sentence before, parted by that same gap.
 */
export function alignedSegments(mt: SegmentedText, sources: readonly string[], counts: BeadCounts): AlignedSegment[] {
  const problem = checkCounts(counts, sources.length, mt.segments.length);
  if (problem) throw new RangeError(problem);
  const out: AlignedSegment[] = [];
  let s = 0;
  let t = 0;
  for (const [a, b] of counts) {
    const source = joinSources(sources.slice(s, s + a)) || null;
    s += a;
    if (b === 0) {
      const previous = out[out.length - 1];
      const paragraph = previous?.paragraph ?? mt.segments[0]?.paragraph ?? 1;
      const gap = previous ? previous.trailing : leadingGap(mt.leading);
      out.push({ paragraph, text: '', trailing: gap, source });
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
    out[first]!.source = source;
  }
  return out;
}

/** The gap an omission before the first MT sentence takes: the leading whitespace, whitespace only. */
const leadingGap = (leading: string): string => /\s*$/u.exec(leading)?.[0] ?? '';
