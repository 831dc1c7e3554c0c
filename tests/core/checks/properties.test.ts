import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKS,
  checkDocument,
  checkSentence,
  fixSentence,
  type CheckedSentence,
  type CheckOptions,
  type GlossaryTerm,
} from '../../../core/checks';

// Pieces that exercise every check: names and their variants, quotes, brackets, stray punctuation, markup,
// placeholders, other alphabets, numbers, and spacing of every kind, in any order.
const word = fc.oneof(
  fc.constantFrom(
    ...'the The in a said says he she they Almaty Alma-Ata Tokayev Tokaev Kazakh Kazakhstan President Mr. U.S. e-mail email colour Colour had date 2022-01-06 10:30 3.5 1,000 353 ID: 12345 www.example.com/a'.split(' '),
  ),
  fc.stringMatching(/^[A-Za-z]{1,7}$/),
  fc.stringMatching(/^[0-9]{1,4}$/),
  fc.constantFrom('Алма', 'Almаty', '新华社', 'Zürich', 'μm'),
);
const mark = fc.constantFrom(
  ...'.,;:!?…“”"()[]{}–—-’«»„'.split(''),
  '. ,', ', .', ' ,', ',,', '..', '...', '<b>', '</b>', '&amp;', '&#8364;', '{0}', '%s', '[[x]]', '\u200b', '”said', ', –', 'â€™',
);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0', '\t');
/** Whole phrases, so names get counted (and some spelled two ways) and words repeat. */
const phrase = fc.constantFrom(
  ' flew to Almaty ', ' left Almaty ', ' in Alma-Ata ', ' the the ', ' in the in the ', ', said Tokayev', ' asked Tokayev ',
  ' with Tokaev ', ' … The ', ' … Power ', ' said Nursultan Nazarbayev ', ' in Nur-Sultan ',
);
const sentenceText = fc
  .array(
    fc.oneof({ arbitrary: word, weight: 5 }, { arbitrary: mark, weight: 3 }, { arbitrary: space, weight: 4 }, { arbitrary: phrase, weight: 1 }),
    { maxLength: 24 },
  )
  .map((pieces) => pieces.join(''));

const sentence = fc.record({ text: sentenceText, source: fc.option(sentenceText, { nil: undefined }) });
const documentArb = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .map((paragraphs): CheckedSentence[] => paragraphs.flatMap((p, k) => p.map((s) => ({ paragraph: k + 1, ...s }))));

const glossary: GlossaryTerm[] = [
  { preferred: 'Almaty', forbidden: ['Alma-Ata'] },
  { preferred: 'e-mail', forbidden: ['email', 'mail'] },
  { preferred: 'color', forbidden: ['colour'] },
  { preferred: 'Internet', forbidden: ['internet'] },
];
const options: CheckOptions = { glossary };
const mechanical = CHECKS.filter((c) => c.mechanical).map((c) => c.id);
/** CHECK_RUNS=20000 npx vitest run tests/core/checks/properties.test.ts searches harder. */
const RUNS = { numRuns: Number(process.env.CHECK_RUNS ?? 300) };
const TIMEOUT = 600_000;

describe('check properties', () => {
  it('puts every flag inside its sentence, and every fix changes the sentence', () => {
    fc.assert(
      fc.property(documentArb, (sentences) => {
        checkDocument(sentences, options).forEach((flags, i) => {
          const text = sentences[i]!.text;
          for (const flag of flags) {
            expect(flag.start).toBeGreaterThanOrEqual(0);
            expect(flag.end).toBeLessThanOrEqual(text.length);
            expect(flag.start).toBeLessThan(flag.end);
            expect(flag.message.length).toBeGreaterThan(0);
            if (flag.fix !== undefined) {
              expect(flag.fix).not.toBe(text);
              expect(mechanical).toContain(flag.check);
            }
          }
        });
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('gives checkSentence of the stored text the flags checkDocument gives', () => {
    fc.assert(
      fc.property(documentArb, (sentences) => {
        const all = checkDocument(sentences, options);
        sentences.forEach((s, i) => expect(checkSentence(sentences, i, s.text, options)).toEqual(all[i]));
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('keeps the flags of a typed text inside that text', () => {
    fc.assert(
      fc.property(documentArb, sentenceText, fc.nat(), (sentences, typed, pick) => {
        for (const flag of checkSentence(sentences, pick % sentences.length, typed, options)) {
          expect(flag.start).toBeGreaterThanOrEqual(0);
          expect(flag.end).toBeLessThanOrEqual(typed.length);
          if (flag.fix !== undefined) expect(flag.fix).not.toBe(typed);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('fixes every sentence to a fixed point: no fixable flag of the check is left', () => {
    fc.assert(
      fc.property(documentArb, (sentences) => {
        sentences.forEach((s, i) => {
          for (const check of mechanical) {
            const fixed = fixSentence(sentences, i, check, options);
            const left = checkSentence(sentences, i, fixed ?? s.text, options).filter((f) => f.check === check && f.fix !== undefined);
            expect(left, `${check} on ${JSON.stringify(s.text)} → ${JSON.stringify(fixed)}`).toEqual([]);
            if (fixed !== null) expect(fixed).not.toBe(s.text);
          }
        });
      }),
      RUNS,
    );
  }, TIMEOUT);
});
