import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countMatches, planReplace, type FindReplaceOptions } from '../../../core/findReplace';
import { RedlineError } from '../../../core/model/errors';

const options = (find: string, replace: string, extra: Partial<FindReplaceOptions> = {}): FindReplaceOptions => ({
  find,
  replace,
  regex: false,
  caseSensitive: true,
  wholeWord: false,
  ...extra,
});

// Texts of short words and separators (regex syntax and $ among them), so finds occur often.
const word = fc
  .array(fc.constantFrom('a', 'b', 'A', 'Ж', 'é', 'e\u0301'), { minLength: 1, maxLength: 3 })
  .map((cs) => cs.join(''));
const separator = fc.constantFrom(' ', ' ', '-', '.', '$', '(', '*', '1', '$1');
const pieces = fc.array(fc.oneof(word, separator), { maxLength: 14 });

/** A text, and a find that is one of its words, a slice of it, or any word (likely absent). */
const textAndFind = pieces.chain((parts) => {
  const t = parts.join('');
  const slice =
    t.length === 0
      ? word
      : fc
          .nat(t.length - 1)
          .chain((start) =>
            fc.integer({ min: start + 1, max: Math.min(t.length, start + 4) }).map((end) => t.slice(start, end)),
          );
  const words = parts.filter((p) => /\p{L}/u.test(p));
  return fc.tuple(fc.constant(t), fc.oneof(slice, words.length > 0 ? fc.constantFrom(...words) : word, word));
});

const RUNS = { numRuns: 400 };

describe('find and replace properties', () => {
  it('replacing a plain find by itself changes nothing (matching case: "a" → "a" ignoring case rewrites "A")', () => {
    fc.assert(
      fc.property(textAndFind, fc.boolean(), ([t, f], wholeWord) => {
        expect(planReplace(t, options(f, f, { wholeWord, caseSensitive: true })) ?? t).toBe(t);
      }),
      RUNS,
    );
  });

  it('replacing X by Y, then Y by X, restores the text when every Y in the result came from an X', () => {
    // "Y does not occur in the text before" alone is not enough: X = "a", Y = "bb" turns "bab" into "bbbb",
    // which holds two Ys but came from one X. So Y also carries a character found nowhere else ("§"): every Y
    // in the new text is then one that replaced an X. Case-sensitive, as case-folding cannot be undone.
    const y = fc
      .tuple(fc.oneof(word, separator, fc.constant('')), fc.oneof(word, separator, fc.constant('')))
      .map(([before, after]) => `${before}§${after}`);
    let exercised = 0;
    fc.assert(
      fc.property(textAndFind, y, fc.boolean(), ([t, x], yy, wholeWord) => {
        // Whole words round-trip when X is a word (two whole-word matches are never adjacent then).
        fc.pre(!wholeWord || /^[\p{L}\p{M}]+$/u.test(x));
        fc.pre(!t.includes(yy));
        const opts = { wholeWord, caseSensitive: true };
        const there = planReplace(t, options(x, yy, opts));
        if (there === null) {
          expect(countMatches(t, options(x, '', opts))).toBe(0);
          return;
        }
        exercised++;
        expect(countMatches(there, options(yy, '', opts))).toBe(countMatches(t, options(x, '', opts)));
        expect(planReplace(there, options(yy, x, opts))).toBe(t);
      }),
      RUNS,
    );
    expect(exercised).toBeGreaterThan(100);
  });

  it('in plain mode, counts as many matches as replacing with a marker inserts markers', () => {
    fc.assert(
      fc.property(textAndFind, fc.boolean(), fc.boolean(), ([t, f], caseSensitive, wholeWord) => {
        const replaced = planReplace(t, options(f, '§', { caseSensitive, wholeWord })) ?? t;
        expect([...replaced].filter((c) => c === '§').length).toBe(
          countMatches(t, options(f, '', { caseSensitive, wholeWord })),
        );
      }),
      RUNS,
    );
  });

  it('never throws but a bad_input RedlineError, and never loops, whatever the pattern', () => {
    const pattern = fc.array(fc.constantFrom(...'ab()[]{}?*+|^$\\.-<>=!:1,dws'.split('')), { maxLength: 8 });
    fc.assert(
      fc.property(
        pieces,
        pattern,
        fc.string({ maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (parts, p, r, caseSensitive, wholeWord) => {
          try {
            const result = planReplace(
              parts.join(''),
              options(p.join(''), r, { regex: true, caseSensitive, wholeWord }),
            );
            expect(result === null || typeof result === 'string').toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(RedlineError);
            expect((error as RedlineError).code).toBe('bad_input');
          }
        },
      ),
      RUNS,
    );
  });
});
