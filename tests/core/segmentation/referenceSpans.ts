// The segmenter as it was before segmentation was made linear (commit 1f9b639): the oracle for the property
// test that the linear segmenter splits every line exactly as before. Quadratic on long runs of letters, so
// it is only fed short lines.
/**
 * Abbreviations that almost never end a sentence, so a full stop after them is not a boundary.
 * Deliberately short: ambiguous ones such as "etc." or "U.S." often do end sentences.
 */
const TITLES = [
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'maj', 'sgt', 'capt',
  'cmdr', 'adm', 'sen', 'rep', 'gov', 'pres', 'rev', 'hon', 'fr', 'sr', 'jr', 'vs', 'cf', 'e.g', 'i.e',
  'approx', 'dept', 'fig', 'no', 'nos', 'vol', 'pp', 'p', 'art', 'para', 'sec', 'ch',
];

const ABBREVIATIONS = new Set(TITLES);

/** The word (with inner dots) that ends `text` right before its final full stop, lower-cased. */
function wordBeforeFinalStop(text: string): string | null {
  const match = /(?:^|[\s(“"‘'«–—-])([\p{L}.]+)\.$/u.exec(text);
  return match?.[1] ? match[1] : null;
}

/** True when `sentence` ends in a full stop that belongs to an abbreviation or an initial ("J."). */
function endsWithAbbreviation(sentence: string): boolean {
  const word = wordBeforeFinalStop(sentence.trimEnd());
  if (word === null) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  return ABBREVIATIONS.has(word.toLowerCase());
}


/** A half-open range [start, end) of a string. */
interface Span {
  start: number;
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/** Shrinks a span so it neither starts nor ends with whitespace; null when nothing is left. */
function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start++;
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

/**
 * ICU keeps `officers. 13 security officials were killed` together (a digit after a full stop may continue a
 * sentence). In prose a sentence ending in a lower-case word and followed by a number is a new sentence.
 */
function splitBeforeNumbers(text: string, span: Span): Span[] {
  const pattern = /(\p{Ll}{2,})[.!?]["”’»)]*(\s+)(?=\d)/gu;
  const piece = text.slice(span.start, span.end);
  const spans: Span[] = [];
  let cursor = span.start;
  for (const match of piece.matchAll(pattern)) {
    const word = match[1] ?? '';
    if (endsWithAbbreviation(`${word}.`)) continue;
    const boundary = span.start + (match.index ?? 0) + match[0].length - (match[2]?.length ?? 0);
    spans.push({ start: cursor, end: boundary });
    cursor = boundary;
  }
  spans.push({ start: cursor, end: span.end });
  return spans;
}

/**
 * Sentence spans of one line (no line breaks inside), trimmed of surrounding whitespace, in order.
 * Every non-whitespace character of the line lies in exactly one span.
 */
export function referenceSentenceSpans(line: string, offset = 0): Span[] {
  const raw: Span[] = [];
  for (const piece of sentenceSegmenter.segment(line)) {
    const start = piece.index;
    for (const part of splitBeforeNumbers(line, { start, end: start + piece.segment.length })) {
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
  return merged.map((s) => ({ start: s.start + offset, end: s.end + offset }));
}
