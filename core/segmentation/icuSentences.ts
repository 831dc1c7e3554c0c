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
 * Characters after which UAX #29 may place a boundary: sentence terminators (STerm, and ATerm: the full stop
 * and its look-alikes) and paragraph separators. Every other rule only keeps characters together.
 */
const MAY_BREAK_AFTER = /[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E\n\r\u0085\u2028\u2029]/u;

/** MAY_BREAK_AFTER by UTF-16 unit, learnt as met (0 not yet known, 1 no, 2 yes): one regex test per unit met. */
const mayBreakByUnit = new Uint8Array(0x10000);

/** The index of the first character in MAY_BREAK_AFTER, or -1. */
function firstMayBreak(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      // A character beyond the BMP (a few scripts' terminators are): tested as the whole code point.
      const code = text.codePointAt(i)!;
      if (MAY_BREAK_AFTER.test(String.fromCodePoint(code))) return i;
      if (code > 0xffff) i++;
      continue;
    }
    let known = mayBreakByUnit[unit]!;
    if (known === 0) known = mayBreakByUnit[unit] = MAY_BREAK_AFTER.test(String.fromCharCode(unit)) ? 2 : 1;
    if (known === 2) return i;
  }
  return -1;
}

/**
 * What may follow a line's one terminator without a boundary before the line's end: closing quotes or brackets,
 * then spaces (SB9–SB11: a closer after the spaces starts the next sentence).
 */
const TRAILING_CLOSERS = /^["')\]}\u00bb\u2019\u201d]* *$/;

/**
 * Whether ICU gives the whole text as one sentence, told without ICU: no terminator or separator at all, or
 * one terminator (., ! or ?) followed only by closing quotes or brackets and then spaces. A boundary can only
 * follow a terminator and the closers and spaces after it (UAX #29 SB11), which here is the text's end. Most
 * lines of a book are such a sentence, and asking ICU costs a segmenter call per line.
 */
function isOneSentence(text: string): boolean {
  const at = firstMayBreak(text);
  if (at < 0) return true;
  const stop = text.charCodeAt(at);
  return (stop === 0x2e || stop === 0x21 || stop === 0x3f) && TRAILING_CLOSERS.test(text.slice(at + 1));
}

/**
 * ICU's sentence segments of `text`, exactly as `Intl.Segmenter` gives them for the whole string, found a
 * chunk at a time. V8's segment iterator costs time proportional to the whole string at every step, so one
 * 64k-character line took seconds and a 19 MB one would not finish; each chunk here ends right after a
 * character that ends ICU's look-ahead, its last segment (cut short by the chunk's end) is dropped, and the
 * next chunk starts where that segment started — a boundary ICU reached from the text before it alone.
 */
export function* icuSentences(text: string, chunk = CHUNK): Generator<Span> {
  if (isOneSentence(text)) {
    if (text.length > 0) yield { start: 0, end: text.length };
    return;
  }
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
