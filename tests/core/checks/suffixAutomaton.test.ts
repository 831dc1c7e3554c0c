import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnits, substringsOf, SuffixAutomaton } from '../../../core/checks/suffixAutomaton';

const RUNS = { numRuns: Number(process.env.CHECK_RUNS ?? 2000) };
/** Few symbols, so that stretches repeat and overlap. */
const symbols = fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 30 });
const text = fc.array(fc.constantFrom('a', 'b', 'ab', ' ', '.', '😀', 'é'), { maxLength: 20 }).map((p) => p.join(''));

const holdsAt = (whole: readonly number[], part: readonly number[], at: number) => part.every((s, k) => whole[at + k] === s);
const holdsStretch = (whole: readonly number[], part: readonly number[]) =>
  part.length === 0 || whole.some((_, at) => at + part.length <= whole.length && holdsAt(whole, part, at));

describe('suffix automaton', () => {
  it('holds exactly the stretches of its sequence', () => {
    fc.assert(
      fc.property(symbols, symbols, (whole, part) => {
        const automaton = new SuffixAutomaton(whole);
        expect(automaton.holds(part)).toBe(holdsStretch(whole, part));
        for (let from = 0; from < whole.length; from++) expect(automaton.holds(whole.slice(from, from + 3))).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives, for each position of another sequence, the longest stretch ending there that it holds', () => {
    fc.assert(
      fc.property(symbols, symbols, (whole, other) => {
        const expected = other.map((_, end) => {
          let length = 0;
          while (length <= end && holdsStretch(whole, other.slice(end - length, end + 1))) length++;
          return length;
        });
        expect(new SuffixAutomaton(whole).longestEndingAt(other)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('answers as includes does, before and after it indexes the text', () => {
    fc.assert(
      // More than 16 different stretches, so that the automaton answers some; each asked twice.
      fc.property(text, fc.uniqueArray(text, { minLength: 10, maxLength: 40 }), (whole, parts) => {
        const holds = substringsOf(whole);
        for (const part of [...parts, ...parts]) expect(holds(part)).toBe(whole.includes(part));
        expect(new SuffixAutomaton(codeUnits(whole)).holds(codeUnits(whole))).toBe(true);
      }),
      RUNS,
    );
  });
});
