import { describe, expect, it } from 'vitest';
import type { Speller } from '../../../core/checks';
import { romanize, transliterationsOf } from '../../../core/checks/transliteration';
import { flagsOf } from './support';

describe('transliterations of a Cyrillic source', () => {
  it('romanizes with the variants MT uses', () => {
    expect(romanize('калаш')).toEqual(['kalash']);
    expect(romanize('хан')).toEqual(['khan', 'han']);
  });

  it('recognises a source word in Latin letters, inflected or not, and nothing else', () => {
    const isFromSource = transliterationsOf('Там были кафиров и калаши, а также Рунет.');
    expect(['kafirs', 'kalash', 'runet', 'Runet'].map(isFromSource)).toEqual([true, true, true, true]);
    expect(['recieved', 'police', 'tam'].map(isFromSource)).toEqual([false, false, false]);
    expect(transliterationsOf('No Cyrillic here')('kalash')).toBe(false);
  });
});

/** Knows a few words and suggests those of the same length differing in up to two letters. */
function speller(words: string): Speller {
  const known = new Set(words.split(' '));
  return {
    correct: (w) => known.has(w) || known.has(w.toLowerCase()),
    suggest: (w) => [...known].filter((k) => k.length === w.length && [...k].filter((c, i) => c !== w[i]).length <= 2),
  };
}

const sure = (text: string, source: string | null, target: string, spell: Speller) =>
  flagsOf('spelling', [{ paragraph: 1, text, source }], 0, { languages: { source: 'ru', target }, speller: spell })
    .filter((f) => f.confidence === 'sure')
    .map((f) => text.slice(f.start, f.end));

describe('spelling: what stays possible', () => {
  const EN = speller('the a was with his an old kalash rifle and pcs two ten');
  it('English: a source word the MT transliterated is not a sure misspelling; a slip still is', () => {
    expect(sure('He came with his kalasj.', 'Он пришёл со своим калашом.', 'en', EN)).toEqual([]);
    expect(sure('He came with his rifel.', 'Он пришёл со своей винтовкой.', 'en', EN)).toEqual(['rifel']);
  });

  it('English: a short unknown word is possible unless a suggestion swaps two letters', () => {
    expect(sure('Buy two pcz now.', null, 'en', EN)).toEqual([]);
    expect(sure('He had teh rifle.', null, 'en', speller('the he had rifle'))).toEqual(['teh']);
  });

  it('French and Russian: a transliterated source word stays possible; an ordinary slip is sure', () => {
    const FR = speller('il est venu avec son fusil');
    expect(sure('Il est venu avec son kalach.', 'Он пришёл со своим калашом.', 'fr', FR)).toEqual([]);
    expect(sure('Il est venu avec son fusol.', 'Он пришёл с винтовкой.', 'fr', FR)).toEqual(['fusol']);
    const RU = speller('он пришёл со своим ружьём');
    expect(sure('Он пришёл со своим рyжьём.', null, 'ru', RU)).toEqual([]);
    expect(sure('Он пришёл со своим ружъём.', null, 'ru', RU)).toEqual(['ружъём']);
  });

  it('German: stays possible in any case (its dictionary misses inflections)', () => {
    expect(sure('Er kam mit seinem Gewehr und kalash.', 'Он пришёл с калашом.', 'de', speller('er kam mit seinem gewehr und'))).toEqual([]);
  });
});
