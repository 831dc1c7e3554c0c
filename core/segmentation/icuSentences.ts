import type { Span } from './sentenceSpans';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * A character after which ICU's sentence rules need nothing further to place the boundaries before it: a
 * letter or a sentence terminator ends every look-ahead of UAX #29 (SB8 scans over anything but letters,
 * terminators and paragraph separators; SB9–SB11 over closing punctuation and spaces).
 */
const ENDS_LOOKAHEAD = /[\p{L}.!?。]/u;

/** Characters fed to ICU at a time. */
const CHUNK = 1024;

/** The end of the first character at or after `from` that ends ICU's look-ahead, or the text's end. */
function cutAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (ENDS_LOOKAHEAD.test(String.fromCodePoint(code))) return i + width;
    i += width - 1;
  }
  return text.length;
}

/**
 * ICU's sentence segments of `text`, exactly as `Intl.Segmenter` gives them for the whole string, found a
 * chunk at a time. V8's segment iterator costs time proportional to the whole string at every step, so one
 * 64k-character line took seconds and a 19 MB one would not finish; each chunk here ends right after a
 * character that ends ICU's look-ahead, its last segment (cut short by the chunk's end) is dropped, and the
 * next chunk starts where that segment started — a boundary ICU reached from the text before it alone.
 */
export function* icuSentences(text: string, chunk = CHUNK): Generator<Span> {
  let start = 0;
  let size = chunk;
  while (start < text.length) {
    const end = cutAfter(text, Math.min(start + size, text.length) - 1);
    const pieces: Span[] = [];
    for (const piece of sentenceSegmenter.segment(text.slice(start, end))) {
      pieces.push({ start: start + piece.index, end: start + piece.index + piece.segment.length });
    }
    if (end === text.length) {
      yield* pieces;
      return;
    }
    if (pieces.length < 2) {
      size *= 2; // one sentence longer than the chunk: read further before deciding
      continue;
    }
    const last = pieces.pop()!;
    yield* pieces;
    start = last.start;
    size = chunk;
  }
}
