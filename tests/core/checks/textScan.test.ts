import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS,
  abbreviationStop,
  SHOWN_MAX,
  shownAround,
  shownBefore,
  tokenAt,
  tokenShownAt,
  trimExcept,
  wordBefore,
} from '../../../core/checks/text';

/**
 * The scans that replaced regular expressions run over the text before a position (which read the whole text
 * up to it, for every flag): each against the expression it replaced, on short texts of the characters they
 * turn on.
 */
const piece = fc.constantFrom(
  ...'a b Z s é ſ 0 7 . , ; : ! ? … " “ ” ( ) - – _ @ /'.split(' '),
  ' ', '  ', '\u00a0', '\t', '\u2009', '\u202f', '\n', '\ufeff', '😀', '𝐀', 'U.S.', 'etc', 'Inc', 'ft', '3.5', '10.30', '1.2.3',
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const textAndPosition = text.chain((t) => fc.record({ t: fc.constant(t), at: fc.integer({ min: 0, max: t.length }) }));
const RUNS = { numRuns: Number(process.env.CHECK_RUNS ?? 2000) };


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

  it('tokenShownAt is tokenAt while that is short, and cut around the position when not', () => {
    fc.assert(
      fc.property(textAndPosition, ({ t, at }) => {
        const token = tokenAt(t, at);
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
});
