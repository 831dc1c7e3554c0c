import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_POINT, decimalsOf } from '../../../core/checks/conventions';
import { LOOSE_COMMA } from '../../../core/checks/lostAttribution';
import { SPACE_BEFORE_MARK } from '../../../core/checks/spacing';
import {
  ABBREVIATIONS,
  abbreviationStop,
  insideAny,
  SHOWN_MAX,
  shownAround,
  shownBefore,
  tokenShownAt,
  trimExcept,
  wordBefore,
} from '../../../core/checks/text';

/**
 * The scans that replaced regular expressions run over the text before a position (which read the whole text
 * up to it, for every flag) or tried from every character of a long run: each against the expression it
 * replaced, on short texts of the characters they turn on.
 */
const piece = fc.constantFrom(
  ...'a b Z s é ſ 0 7 . , ; : ! ? … " “ ” ( ) - – _ @ /'.split(' '),
  ' ', '  ', '\u00a0', '\t', '\u2009', '\u202f', '\n', '\ufeff', '😀', '𝐀', 'U.S.', 'etc', 'Inc', 'ft', '3.5', '10.30', '1.2.3',
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
/** Digits, points and commas close together, for the decimal numbers. */
const numeric = fc.array(fc.constantFrom(...'1 2 0 . , . , a'.split(' '), ' ', '3.5', '10.30'), { maxLength: 16 }).map((pieces) => pieces.join(''));
const textAndPosition = text.chain((t) => fc.record({ t: fc.constant(t), at: fc.integer({ min: 0, max: t.length }) }));
const RUNS = { numRuns: Number(process.env.CHECK_RUNS ?? 2000) };

const matches = (pattern: RegExp, t: string) => [...t.matchAll(pattern)].map((m) => [m.index, ...m]);

describe('scans of the text around a position', () => {
  it('wordBefore is the last run of non-space characters before the position, past its spaces', () => {
    fc.assert(
      fc.property(textAndPosition, ({ t, at }) => {
        expect(wordBefore(t, at)).toBe(/(\S+)\s*$/u.exec(t.slice(0, at))?.[1] ?? '');
      }),
      RUNS,
    );
  });

  it('shownBefore is the run of non-space characters ending at the position, cut to SHOWN_MAX', () => {
    fc.assert(
      fc.property(textAndPosition, ({ t, at }) => {
        const run = /\S*$/u.exec(t.slice(0, at))![0];
        if (run.length <= SHOWN_MAX) expect(shownBefore(t, at)).toBe(run);
        else expect(run.endsWith(shownBefore(t, at).slice(1))).toBe(true);
      }),
      RUNS,
    );
  });

  it('tokenShownAt is the run of non-space characters around the position while that is short, cut when not', () => {
    fc.assert(
      fc.property(textAndPosition, ({ t, at }) => {
        const token = /\S*$/u.exec(t.slice(0, at))![0] + /^\S*/u.exec(t.slice(at))![0];
        if (token.length <= SHOWN_MAX) expect(tokenShownAt(t, at)).toBe(token);
      }),
      RUNS,
    );
    const long = `x ${'ab.'.repeat(100)} y`;
    const shown = tokenShownAt(long, 150);
    expect(shown).toBe(`…${long.slice(150 - SHOWN_MAX, 150 + SHOWN_MAX)}…`);
    expect(shownAround('😀'.repeat(50), 0, 100, 50, 50)).toBe(`…${'😀'.repeat(20)}${'😀'.repeat(20)}…`);
  });

  it('abbreviationStop reads the letters and stops before the position as the expression did', () => {
    const reference = (t: string, at: number) => {
      const word = /([\p{L}.]+)$/u.exec(t.slice(0, at))?.[1] ?? '';
      if (word.length === 0) return false;
      if (word.includes('.') || word.length === 1 || word === word.toUpperCase()) return true;
      return ABBREVIATIONS.has(word.toLowerCase());
    };
    fc.assert(
      fc.property(textAndPosition, ({ t, at }) => {
        expect(abbreviationStop(t, at)).toBe(reference(t, at));
      }),
      RUNS,
    );
  });

  it('trimExcept trims as the anchored expressions did', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(trimExcept(t, /[\p{L}\p{N}]/u)).toBe(t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      }),
      RUNS,
    );
  });

  it('insideAny finds a position in ordered spans as a search of all of them does', () => {
    const spans = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 12 })
      .map((edges) => edges.sort((a, b) => a - b))
      .map((edges) => edges.flatMap((edge, k) => (k % 2 === 1 ? [[edges[k - 1]!, edge] as [number, number]] : [])));
    fc.assert(
      fc.property(spans, fc.integer({ min: -1, max: 62 }), (s, at) => {
        expect(insideAny(s, at)).toBe(s.some(([start, end]) => at >= start && at < end));
      }),
      RUNS,
    );
  });
});

describe('expressions tried only where a run starts', () => {
  it.each([
    ['a space before a mark (spacing)', SPACE_BEFORE_MARK, new RegExp(`([ \\t\\u00a0\\u2009\\u202f]+)([,;:!?]|\\.(?!\\.))(?=$|[\\s”’"»)\\]])`, 'gu')],
    ['a loose comma (lost-attribution)', LOOSE_COMMA, /([ \t\u00a0]+,[ \t\u00a0]*(?:[–—-][ \t\u00a0]*)?|,[ \t\u00a0]*[–—][ \t\u00a0]*)/gu],
    ['a decimal point (conventions)', DECIMAL_POINT, /(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?![\d.,]*\d)/gu],
  ])('%s: the same matches as the expression it replaced', (_, pattern, reference) => {
    fc.assert(
      fc.property(fc.oneof(text, numeric), (t) => {
        expect(matches(pattern, t)).toEqual(matches(reference, t));
      }),
      RUNS,
    );
  });

  it('a source holds a decimal number as the expression built for it found', () => {
    const number = fc.tuple(fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^\d{1,5}$/)).map(([a, b]) => `${a}.${b}`);
    fc.assert(
      fc.property(fc.oneof(text, numeric), number, (source, n) => {
        const [whole, fraction] = n.split('.');
        const reference = new RegExp(`(?<![\\d.,])${whole}\\.${fraction}(?![\\d])`, 'u').test(source);
        expect(decimalsOf(source).has(n)).toBe(reference);
        expect(decimalsOf(`${source} ${n}`).has(n)).toBe(true);
      }),
      RUNS,
    );
  });
});
