import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../../core/segmentation';
import { MAX_SENTENCE_LENGTH } from '../../../core/segmentation/sentenceSpans';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Where the grapheme clusters of the whole line begin, and its end. */
const clusterBoundaries = (line: string): Set<number> => new Set([...[...graphemes.segment(line)].map((g) => g.index), line.length]);

const texts = (line: string): string[] => sentenceSpans(line).map((s) => line.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('trims whitespace around each sentence', () => {
    expect(sentenceSpans('  He left.   She stayed.  ')).toEqual([
      { start: 2, end: 10 },
      { start: 13, end: 24 },
    ]);
  });

  it('shifts spans by the line’s offset in the whole text', () => {
    expect(sentenceSpans('He left. She stayed.', 100)).toEqual([
      { start: 100, end: 108 },
      { start: 109, end: 120 },
    ]);
  });

  it('has no span for a blank line', () => {
    expect(sentenceSpans('')).toEqual([]);
    expect(sentenceSpans(' \t\u00a0 ')).toEqual([]);
  });

  it('merges a lower-case continuation and a dash attribution but not a capitalised new sentence', () => {
    expect(texts('“Stop!” he shouted. “Now!” – added the officer. Then silence.')).toEqual([
      '“Stop!” he shouted.',
      '“Now!” – added the officer.',
      'Then silence.',
    ]);
  });

  it('does not split before a number after an abbreviation', () => {
    expect(texts('Turn to no. 12 today. Done.')).toEqual(['Turn to no. 12 today.', 'Done.']);
    expect(texts('They counted ten. 12 more came.')).toEqual(['They counted ten.', '12 more came.']);
  });

  it('cuts a run without sentence punctuation into pieces of at most MAX_SENTENCE_LENGTH, at spaces', () => {
    const run = 'word '.repeat(5_000).trim(); // 24,999 characters, no stop
    const pieces = texts(run);
    expect(pieces.every((piece) => piece.length <= MAX_SENTENCE_LENGTH && /^word( word)*$/.test(piece))).toBe(true);
    expect(pieces.join(' ')).toBe(run);
    // No space at all: cut within the word, never inside a surrogate pair.
    const emoji = '😀'.repeat(5_000);
    const cut = texts(emoji);
    expect(cut.join('')).toBe(emoji);
    expect(cut.every((piece) => piece.length <= MAX_SENTENCE_LENGTH && !/^[\udc00-\udfff]/.test(piece))).toBe(true);
    // Never at a no-break space: “10 000” stays in one piece.
    const numbers = '10\u00a0000 '.repeat(3_000).trim();
    expect(texts(numbers).every((piece) => !piece.startsWith('000') && !piece.endsWith('10'))).toBe(true);
    // Nor at a space carrying a combining mark: the next piece would begin with a bare accent.
    const marked = 'ab \u0301cd '.repeat(2_000).trim();
    const markedPieces = texts(marked);
    expect(markedPieces.length).toBeGreaterThan(1);
    expect(markedPieces.every((piece) => !/^\p{M}/u.test(piece))).toBe(true);
    // Two spaces before it, or a hard cut just before such a space: the accent stays on its space.
    for (const run of ['ab  \u0301cd '.repeat(2_000).trim(), `${'x'.repeat(3_999)} \u0301${'y'.repeat(3_000)}`]) {
      const pieces = texts(run);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.every((piece) => !/^\p{M}/u.test(piece))).toBe(true);
    }
    // A real sentence is left whole.
    expect(texts(`${'A clause, '.repeat(300)}end.`)).toHaveLength(1);
  });

  it('covers every non-space character of a line exactly once, in order, in pieces no longer than asked', () => {
    const line = fc.string({ unit: 'binary', maxLength: 120 }).map((s) => s.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(line, fc.integer({ min: 2, max: 40 }), (l, max) => {
        const spans = sentenceSpans(l, 0, undefined, max);
        spans.forEach((span) => expect(span.end - span.start).toBeLessThanOrEqual(max));
        spans.forEach((span, i) => {
          expect(span.start).toBeLessThan(span.end);
          expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
          // Spans sit on code-point boundaries: never between the halves of a surrogate pair.
          expect(/^[\udc00-\udfff]/.test(l.slice(span.start))).toBe(false);
        });
        expect(
          spans
            .map((s) => l.slice(s.start, s.end))
            .join('')
            .replace(/\s/gu, ''),
        ).toBe(l.replace(/\s/gu, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('cuts a run without spaces between grapheme clusters: accents, emoji ZWJ sequences and flags stay whole', () => {
    // One character first, so a cut at MAX_SENTENCE_LENGTH code units falls inside a cluster.
    for (const line of ['a' + 'e\u0301'.repeat(3_000), 'a' + '🇫🇷'.repeat(2_000), 'ab' + '👩‍👩‍👧‍👦'.repeat(800), 'a' + 'e\u0301\u0323'.repeat(2_000)]) {
      const boundaries = clusterBoundaries(line);
      const spans = sentenceSpans(line);
      expect(spans.length).toBeGreaterThan(1);
      expect(spans.map((s) => line.slice(s.start, s.end)).join('')).toBe(line);
      for (const span of spans) {
        expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
        expect(boundaries.has(span.start) && boundaries.has(span.end)).toBe(true);
      }
    }
  });

  it('never cuts inside a grapheme cluster when no cluster is longer than a piece, whatever surrounds the cut', () => {
    // Clusters that neither hold nor meet a space: a space and what joins it are trimmed as spaces, not cut.
    const cluster = fc.constantFrom(
      'a', 'Zü', 'Ж', '字', ' ', 'e\u0301', 'e\u0301\u0323', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '🇩🇪', '1\ufe0f\u20e3',
      'क्षि', '\u1100\u1161\u11a8', '\u06001', 'a\u200d', '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(cluster, { maxLength: 300 }), fc.integer({ min: 12, max: 80 }), (parts, max) => {
        const line = parts.join('');
        const boundaries = clusterBoundaries(line);
        const spans = sentenceSpans(line, 0, undefined, max);
        for (const span of spans) {
          expect(span.end - span.start).toBeLessThanOrEqual(max);
          expect(boundaries.has(span.start) && boundaries.has(span.end)).toBe(true);
        }
        expect(spans.map((s) => line.slice(s.start, s.end)).join('').replace(/\s/gu, '')).toBe(line.replace(/\s/gu, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts only where it is allowed to, besides between clusters', () => {
    const line = 'a'.repeat(3_999) + 'Xx' + 'b'.repeat(3_000);
    const allowed = (at: number) => at !== 4_000; // "Xx" stands for one thing
    expect(sentenceSpans(line, 0, undefined, undefined, allowed)).toEqual([
      { start: 0, end: 3_999 },
      { start: 3_999, end: 7_001 },
    ]);
  });
});
