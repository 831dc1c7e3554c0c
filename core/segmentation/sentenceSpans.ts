import { endsWithAbbreviation } from './abbreviations';
import { icuSentences } from './icuSentences';

/** A half-open range [start, end) of a string. */
export interface Span {
  start: number;
  end: number;
}

const isSpace = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  // Printable ASCII is never a space: the common case answered without a regular expression.
  if (code > 0x20 && code < 0x7f) return false;
  return /\s/u.test(ch);
};

/** Shrinks a span so it neither starts nor ends with whitespace; null when nothing is left. */
/** Marks that join the character before them (a space carrying an accent is one cluster: never cut off it). */
const COMBINING = /^(?:\p{M}|\u200d|\p{Emoji_Modifier})/u;

/** A space that carries no combining mark: one a span may begin after or end before. */
const isBareSpace = (text: string, at: number): boolean => isSpace(text[at]) && !COMBINING.test(text.slice(at + 1, at + 3));

function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && isBareSpace(text, start)) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/**
 * The next sentence continues the previous one rather than starting anew:
 * an attribution after a quote (`… – said Tokayev.`), a lower-case continuation (`“Why?” she asked.`),
 * or a stop after an abbreviation (`Mr. Smith`).
 */
function continuesPrevious(previous: string, next: string): boolean {
  if (/^[–—-]\s*\p{Ll}/u.test(next)) return true;
  if (/^\p{Ll}/u.test(next)) return true;
  return endsWithAbbreviation(previous);
}

const isLowerCase = (ch: string): boolean => /^\p{Ll}$/u.test(ch);

/** The code point that ends at `end` (exclusive) in `text`: one or two UTF-16 units. */
function codePointBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2, end);
  }
  return text.slice(end - 1, end);
}

/** The run of lower-case letters that ends right before `end`, no further back than `floor`. */
function lowerCaseWordBefore(text: string, end: number, floor: number): string {
  let start = end;
  while (start > floor) {
    const ch = codePointBefore(text, start);
    if (start - ch.length < floor || !isLowerCase(ch)) break;
    start -= ch.length;
  }
  return text.slice(start, end);
}

/** A sentence stop, any closing quotes or brackets, and the spaces before a digit. */
const STOP_BEFORE_DIGIT = /[.!?]["”’»)]*(\s+)(?=\d)/gu;

/**
 * ICU keeps `officers. 13 security officials were killed` together (a digit after a full stop may continue a
 * sentence). In prose a sentence ending in a lower-case word (two letters or more) and followed by a number is
 * a new sentence. The stops are found first and the word before each is read backwards, so each character is
 * looked at a bounded number of times (a pattern starting with the word backtracked over every long run of
 * lower-case letters: seconds for a 64k-character line).
 */
function splitBeforeNumbers(text: string, span: Span): Span[] {
  const piece = text.slice(span.start, span.end);
  if (!/\d/.test(piece)) return [span]; // no number to split before: skip the search
  const spans: Span[] = [];
  let cursor = span.start;
  let floor = 0; // matches never overlap: a word starts after the previous match
  for (const match of piece.matchAll(STOP_BEFORE_DIGIT)) {
    const stop = match.index ?? 0;
    const word = lowerCaseWordBefore(piece, stop, floor);
    floor = stop + match[0].length;
    if ([...word].length < 2 || endsWithAbbreviation(`${word}.`)) continue;
    const boundary = span.start + stop + match[0].length - (match[1]?.length ?? 0);
    spans.push({ start: cursor, end: boundary });
    cursor = boundary;
  }
  spans.push({ start: cursor, end: span.end });
  return spans;
}

/**
 * The longest sentence a text is split into. A line with no sentence punctuation for thousands of characters (a
 * list, a table dumped as text, a garbled file) is no sentence an editor can work on, and the store takes no
 * correction over 20,000 characters (core/ipc/contract.ts MAX_SEGMENT_LENGTH): it is cut into pieces no longer
 * than this, each at a space where there is one, and exported as it came (the spaces between are kept).
 */
export const MAX_SENTENCE_LENGTH = 4_000;

/** A space a line may break at: not a no-break one (French « … », “10 000”), nor one carrying a combining mark. */
const breaksAt = (line: string, at: number): boolean => {
  const ch = line[at];
  return isBareSpace(line, at) && ch !== '\u00a0' && ch !== '\u2007' && ch !== '\u202f';
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters before a hard cut given to the grapheme segmenter, when the text there lets it start that late. */
const GRAPHEME_WINDOW = 32;

/**
 * Characters of no grapheme class that joins (no Extend, ZWJ, SpacingMark, Prepend, Hangul jamo, regional
 * indicator or Indic consonant): ASCII, Latin-1 and Latin Extended, Greek and Cyrillic letters, CJK ideographs.
 */
const isPlainCode = (code: number): boolean =>
  (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0x2ff) || (code >= 0x370 && code <= 0x482) || (code >= 0x4e00 && code <= 0x9fff);

/** `at` falls between two grapheme clusters whatever comes before it: no rule joins two plain characters. */
const surelyBoundary = (line: string, at: number): boolean => isPlainCode(line.charCodeAt(at - 1)) && isPlainCode(line.charCodeAt(at));

/**
 * Where a piece starting at `start` ends when it has no space to end at: the last grapheme cluster boundary at
 * or before `cut` that `allowed` accepts, so a letter keeps its accents, an emoji ZWJ sequence or a flag stays
 * whole. Where a cluster begins depends on the text before it back to the previous sure boundary (a run of
 * flags pairs from its start), so the segmenter reads from one, a few characters before the cut in most text.
 * One cluster longer than the piece (thousands of stacked marks) is cut between code points, as the cap needs.
 */
function hardCut(line: string, start: number, cut: number, allowed: (at: number) => boolean): number {
  let from = Math.max(start, cut - GRAPHEME_WINDOW);
  while (from > start && !surelyBoundary(line, from)) from--;
  let best = -1;
  // Up to the code point at `cut`, which decides whether a cluster begins there.
  for (const { index } of graphemes.segment(line.slice(from, cut + 2))) {
    const at = from + index;
    if (at > cut) break;
    if (at > start && allowed(at)) best = at;
  }
  if (best > start) return best;
  let at = cut;
  while (at > start + 1 && (isLowSurrogateAt(line, at) || !allowed(at))) at--;
  return at;
}

/** `at` falls between the two halves of a surrogate pair. */
const isLowSurrogateAt = (line: string, at: number): boolean => {
  const high = line.charCodeAt(at - 1);
  const low = line.charCodeAt(at);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
};

/**
 * `span` cut into pieces of at most `max` characters: at the last space of each piece's second half, else within
 * a word between two grapheme clusters where `allowed` lets it.
 */
function cutLong(line: string, span: Span, max: number, allowed: (at: number) => boolean): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    let cut = start + max;
    while (cut > start + max / 2 && !breaksAt(line, cut)) cut--;
    if (cut <= start + max / 2) cut = hardCut(line, start, start + max, allowed);
    const piece = trimSpan(line, { start, end: cut });
    if (piece) pieces.push(piece);
    start = cut;
    while (start < span.end && isBareSpace(line, start)) start++;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

const anywhere = (): boolean => true;

/**
 * Sentence spans of one line (no line breaks inside), trimmed of surrounding whitespace, in order.
 * Every non-whitespace character of the line lies in exactly one span, none longer than `max`.
 * `chunk`: characters given to ICU at a time (tests make it tiny to cross many chunk edges). `allowed`: where a
 * piece of an over-long run may be cut within a word besides between grapheme clusters (Markdown keeps the
 * letters standing in for a code span together).
 */
export function sentenceSpans(line: string, offset = 0, chunk?: number, max = MAX_SENTENCE_LENGTH, allowed: (at: number) => boolean = anywhere): Span[] {
  const raw: Span[] = [];
  for (const piece of icuSentences(line, chunk)) {
    for (const part of splitBeforeNumbers(line, piece)) {
      const trimmed = trimSpan(line, part);
      if (trimmed) raw.push(trimmed);
    }
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const last = merged[merged.length - 1];
    if (last && continuesPrevious(line.slice(last.start, last.end), line.slice(span.start, span.end))) {
      last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged.flatMap((span) => (span.end - span.start > max ? cutLong(line, span, max, allowed) : [span])).map((s) => ({ start: s.start + offset, end: s.end + offset }));
}
