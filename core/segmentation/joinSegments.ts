/** The parts of a segmented text needed to lay it out again. */
export interface LaidOutText {
  leading: string;
  segments: ReadonlyArray<{ text: string; trailing: string }>;
}

const ENDS_WITH_LINE_BREAK = /[\r\n]/;

/**
 * Lays sentences out in the original paragraph layout. An untouched text comes back byte for byte.
 * A sentence the editor emptied takes its spacing with it, but never the line breaks that shape paragraphs.
 */
export function joinSegments({ leading, segments }: LaidOutText): string {
  let out = leading;
  for (const { text, trailing } of segments) {
    if (text.length > 0) {
      out += text + trailing;
    } else if (ENDS_WITH_LINE_BREAK.test(trailing)) {
      out = out.replace(/[^\S\r\n]+$/u, '') + trailing.replace(/^[^\S\r\n]+/u, '');
    }
  }
  return out;
}
