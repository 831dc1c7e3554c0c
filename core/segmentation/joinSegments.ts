/** The parts of a segmented text needed to lay it out again. */
export interface LaidOutText {
  leading: string;
  segments: ReadonlyArray<{ text: string; trailing: string }>;
}

const lineBreaks = (whitespace: string): number => whitespace.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Of the whitespace before and after a sentence the editor emptied, the one gap that stays: the one with
 * more line breaks, so paragraphs keep their breaks and an emptied paragraph disappears. On a tie between
 * line breaks the gap after it (it carries the next line's indentation); between spaces, the shorter.
 */
function gapAround(before: string, after: string): string {
  const difference = lineBreaks(after) - lineBreaks(before);
  if (difference > 0) return after;
  if (difference < 0) return before.replace(/[^\S\r\n]+$/u, ''); // the emptied line's indentation goes too
  if (lineBreaks(after) > 0) return after;
  return after.length < before.length ? after : before;
}

/**
 * Lays sentences out in the original paragraph layout. An untouched text comes back byte for byte; an
 * emptied sentence leaves a single gap (see gapAround) and no spaces dangling at a line's or the text's end.
 */
export function joinSegments({ leading, segments }: LaidOutText): string {
  let out = leading;
  for (const { text, trailing } of segments) {
    if (text.length > 0) {
      out += text + trailing;
    } else {
      const before = /\s*$/u.exec(out)?.[0] ?? '';
      out = out.slice(0, out.length - before.length) + gapAround(before, trailing);
    }
  }
  return out;
}
