import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, toMarkup, wordDiff, type DiffOp } from '../../../core/diff';
import { readKazakhstanFixture } from '../kazakhstanFixture';

const markup = (mt: string, correction: string): string => toMarkup(wordDiff(mt, correction));
const textOf = (ops: DiffOp[], kinds: ReadonlyArray<DiffOp['kind']>): string =>
  ops
    .filter((op) => kinds.includes(op.kind))
    .map((op) => op.text)
    .join('');

/** Offsets of the boundaries between tokens, where a word-level diff may cut. */
function tokenBoundaries(text: string): Set<number> {
  const cuts = new Set([0]);
  let at = 0;
  for (const token of tokenize(text)) cuts.add((at += token.length));
  return cuts;
}

const piece = fc.oneof(
  fc.constantFrom('the', 'The', 'CSTO', 'Tokayev', 'Kazakhstan', 'said', 'Alma-Ata', 'Almaty', '3.5', 'country’s'),
  fc.constantFrom(' ', ' ', ' ', '  ', '\n', ',', '.', '…', '–', '“', '”'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
);

/** An MT text and a correction made from it by inserting and deleting pieces, as an editor would. */
const editedPair = fc
  .tuple(fc.array(piece, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.option(piece)), { maxLength: 8 }))
  .map(([pieces, edits]) => {
    const edited = [...pieces];
    for (const [at, inserted] of edits) {
      const i = at % (edited.length + 1);
      if (inserted === null) edited.splice(i, 1);
      else edited.splice(i, 0, inserted);
    }
    return [pieces.join(''), edited.join('')] as const;
  });

const anyPair = fc.oneof(
  editedPair,
  fc.tuple(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })),
);

describe('wordDiff invariants', () => {
  it('rebuilds the correction from equal+insert and the MT from equal+delete', () => {
    fc.assert(
      fc.property(anyPair, ([mt, correction]) => {
        const ops = wordDiff(mt, correction);
        expect(textOf(ops, ['equal', 'insert'])).toBe(correction);
        expect(textOf(ops, ['equal', 'delete'])).toBe(mt);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives contiguous offsets that point at each op’s text in both texts', () => {
    fc.assert(
      fc.property(anyPair, ([mt, correction]) => {
        const ops = wordDiff(mt, correction);
        let a = 0;
        let b = 0;
        for (const op of ops) {
          expect([op.aStart, op.bStart]).toEqual([a, b]);
          expect(op.text.length).toBeGreaterThan(0);
          if (op.kind !== 'insert') expect(mt.slice(op.aStart, op.aEnd)).toBe(op.text);
          if (op.kind !== 'delete') expect(correction.slice(op.bStart, op.bEnd)).toBe(op.text);
          if (op.kind === 'insert') expect(op.aEnd).toBe(op.aStart);
          if (op.kind === 'delete') expect(op.bEnd).toBe(op.bStart);
          a = op.aEnd;
          b = op.bEnd;
        }
        expect([a, b]).toEqual([mt.length, correction.length]);
      }),
      { numRuns: 1500 },
    );
  });

  it('merges runs, puts a deletion before the insertion at the same place, and cuts inside a word only to refine it', () => {
    fc.assert(
      fc.property(editedPair, ([mt, correction]) => {
        const ops = wordDiff(mt, correction);
        const aCuts = tokenBoundaries(mt);
        const bCuts = tokenBoundaries(correction);
        ops.forEach((op, i) => {
          const next = ops[i + 1];
          if (next) {
            expect(next.kind).not.toBe(op.kind);
            expect(op.kind === 'insert' && next.kind === 'delete').toBe(false);
          }
          // A change cut inside a token belongs to a word refined to its characters, which has no whitespace.
          const onTokens = aCuts.has(op.aStart) && aCuts.has(op.aEnd) && bCuts.has(op.bStart) && bCuts.has(op.bEnd);
          if (op.kind !== 'equal' && !onTokens) {
            expect(op.text).not.toMatch(/\s/u);
          }
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('gives exactly one equal op for identical texts and none for two empty ones', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), (text) => {
        expect(wordDiff(text, text)).toEqual([
          { kind: 'equal', text, aStart: 0, aEnd: text.length, bStart: 0, bEnd: text.length },
        ]);
      }),
    );
    expect(wordDiff('', '')).toEqual([]);
  });

  it('is a pure insertion from empty and a pure deletion to empty', () => {
    expect(wordDiff('', 'New text.')).toEqual([
      { kind: 'insert', text: 'New text.', aStart: 0, aEnd: 0, bStart: 0, bEnd: 9 },
    ]);
    expect(wordDiff('Old text.', '')).toEqual([
      { kind: 'delete', text: 'Old text.', aStart: 0, aEnd: 9, bStart: 0, bEnd: 0 },
    ]);
  });
});

describe('wordDiff never cuts a character as a reader sees it', () => {
  it.each([
    ['a flag (two regional indicators)', '🇰🇿🇷🇺', '🇰🇿🇺🇦', '🇰🇿<del>🇷🇺</del><ins>🇺🇦</ins>'],
    ['an emoji joined with ZWJ', 'Family 👨‍👩‍👧‍👦 here', 'Family 👨‍👩‍👧 here', 'Family <del>👨‍👩‍👧‍👦</del><ins>👨‍👩‍👧</ins> here'],
    ['a Devanagari consonant with its vowel sign', 'नमस्ते दुनिया', 'नमस्त दुनिया', '<del>नमस्ते</del><ins>नमस्त</ins> दुनिया'],
    ['a letter with a combining accent', 'Le cafe\u0301 ouvert', 'Le cafe ouvert', 'Le <del>cafe\u0301</del><ins>cafe</ins> ouvert'],
  ])('%s', (_name, mt, correction, golden) => {
    expect(markup(mt, correction)).toBe(golden);
  });
});

describe('wordDiff golden diffs on sentences of the Kazakhstan article', () => {
  const fixture = readKazakhstanFixture();
  // Golden cases must start from the MT exactly as shipped.
  const mtSentence = (text: string): string => {
    expect(fixture, `fixture no longer contains: ${text}`).toContain(text);
    return text;
  };

  it('shows a reordered clause as whole stretches moved, with the shared middle and tail untouched', () => {
    const mt = mtSentence(
      'President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address to citizens.',
    );
    expect(
      markup(
        mt,
        'On the afternoon of January 5, President Kassym-Jomart Tokayev made a television address to citizens.',
      ),
    ).toBe(
      '<del>President Kassym-Jomart Tokayev in </del><ins>On </ins>the afternoon of January 5, ' +
        '<del>he </del><ins>President Kassym-Jomart Tokayev </ins>made a television address to citizens.',
    );
  });

  it('shows a removed space before a comma as a change of its own', () => {
    expect(markup('Kazakhstan , said', 'Kazakhstan, said')).toBe('Kazakhstan<del> </del>, said');
    const mt = mtSentence(
      'The Council decided to send collective peacekeeping forces to Kazakhstan , said the Prime Minister of Armenia, ' +
        'Chairman of the Council Nikol Pashinyan.',
    );
    expect(markup(mt, mt.replace('Kazakhstan , said', 'Kazakhstan, said'))).toBe(
      'The Council decided to send collective peacekeeping forces to Kazakhstan<del> </del>, said the Prime Minister ' +
        'of Armenia, Chairman of the Council Nikol Pashinyan.',
    );
  });

  it('shows a moved closing quote and space as single-character changes', () => {
    const mt = mtSentence(
      'We urge guests and residents of the city to refrain from leaving their homes, ”said Saltanat Azirbek, an ' +
        'official spokesman for the city’s police department.',
    );
    expect(markup(mt, `“${mt.replace(', ”said', ',” said')}`)).toBe(
      '<ins>“</ins>We urge guests and residents of the city to refrain from leaving their homes,<del> </del>”<ins> </ins>' +
        'said Saltanat Azirbek, an official spokesman for the city’s police department.',
    );
  });

  it('shows punctuation fixes and a moved attribution', () => {
    const tokayev = mtSentence(
      '– As the head of state and from today, the chairman of the Security Council intends to act as tough as ' +
        'possible. , – said Tokayev.',
    );
    expect(
      markup(
        tokayev,
        '– As head of state and, from today, chairman of the Security Council, I intend to act as tough as possible, ' +
          '– said Tokayev.',
      ),
    ).toBe(
      '– As <del>the </del>head of state and<ins>,</ins> from today, <del>the </del>chairman of the Security ' +
        'Council<del> intends </del><ins>, I intend </ins>to act as tough as possible<del>. </del>, ' +
        '– said Tokayev.',
    );

    const shibutov = mtSentence('– wrote in Facebook Kazakh political scientist Marat Shibutov.');
    expect(markup(shibutov, '– Kazakh political scientist Marat Shibutov wrote on Facebook.')).toBe(
      '– <del>wrote in Facebook </del>Kazakh political scientist Marat Shibutov<ins> wrote on Facebook</ins>.',
    );
  });

  it('keeps a one-word fix local even in a long paragraph', () => {
    const paragraph = mtSentence(
      'Judging by the footage from the scene, there were people in the crowd who stormed the administrative ' +
        'building, equipped with body armor and helmets.',
    ).repeat(20);
    const corrected = paragraph.replace('body armor', 'body armour');
    const ops = wordDiff(paragraph, corrected);
    // The near-identical word is refined to the one letter that changed.
    expect(ops.filter((op) => op.kind !== 'equal')).toEqual([expect.objectContaining({ kind: 'insert', text: 'u' })]);
    expect(toMarkup(ops).indexOf('body armo<ins>u</ins>r and')).toBeGreaterThan(0);
  });

  it('falls back to deleting all and inserting all when two long texts share almost nothing', () => {
    const mt = Array.from({ length: 300 }, (_, i) => `mt${i}`).join(' ');
    const correction = Array.from({ length: 300 }, (_, i) => `edit${i}`).join(' ');
    expect(wordDiff(mt, correction)).toEqual([
      { kind: 'delete', text: mt, aStart: 0, aEnd: mt.length, bStart: 0, bEnd: 0 },
      { kind: 'insert', text: correction, aStart: mt.length, aEnd: mt.length, bStart: 0, bEnd: correction.length },
    ]);
    expect(markup(mt, correction)).toBe(`<del>${mt}</del><ins>${correction}</ins>`);
  });

  it('refines a replaced word to characters only where most of it stays', () => {
    expect(markup('Alma-Ata', 'Almaty')).toBe('<del>Alma-Ata</del><ins>Almaty</ins>');
    expect(markup('The airport of Alma-Ata was destroyed', 'The airport of Almaty was destroyed')).toBe(
      'The airport of <del>Alma-Ata</del><ins>Almaty</ins> was destroyed',
    );
    expect(markup('Kazakhstan', 'Kazakhstani')).toBe('Kazakhstan<ins>i</ins>');
    expect(markup('cat', 'dog')).toBe('<del>cat</del><ins>dog</ins>');
    expect(markup('organisation', 'organization')).toBe('organi<del>s</del><ins>z</ins>ation');
  });

  it('reads a rewritten clause as one change, not confetti', () => {
    expect(markup('red cat', 'big dog')).toBe('<del>red cat</del><ins>big dog</ins>');
    expect(
      markup(
        'How events are developing, what measures are being taken to suppress aggression – in the material of Izvestia.',
        'How events are developing and what measures are being taken to suppress the unrest: read in Izvestia.',
      ),
    ).toBe(
      'How events are developing<del>, </del><ins> and </ins>what measures are being taken to suppress ' +
        '<del>aggression – in the material of </del><ins>the unrest: read in </ins>Izvestia.',
    );
  });
});
