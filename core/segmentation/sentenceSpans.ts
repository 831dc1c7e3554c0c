import { endsWithAbbreviation } from './abbreviations';

/** A half-open range [start, end) of a string. */
export interface Span {
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
export function sentenceSpans(line: string, offset = 0): Span[] {
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
