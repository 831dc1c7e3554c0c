import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneEditAway } from '../../../core/checks/oneEdit';

describe('isOneEditAway', () => {
  it('is one slip of the keys: a letter added, dropped or changed, two neighbours swapped, or the capitals only', () => {
    const near: Array<[string, string]> = [
      ['recieved', 'received'],
      ['goverment', 'government'],
      ['untill', 'until'],
      ['definately', 'definitely'],
      ['teh', 'the'],
      ['english', 'English'],
      ['a', ''],
    ];
    for (const [word, other] of near) {
      expect([word, other, isOneEditAway(word, other)]).toEqual([word, other, true]);
      expect([other, word, isOneEditAway(other, word)]).toEqual([other, word, true]);
    }
    const far: Array<[string, string]> = [
      ['majeure', 'manure'],
      ['akimats', 'animate'],
      ['chatbot', 'sabot'],
      ['netizens', 'citizens'],
      ['abc', 'cba'],
      ['word', 'word'],
      ['', ''],
    ];
    for (const [word, other] of far) expect([word, other, isOneEditAway(word, other)]).toEqual([word, other, false]);
  });

  it('holds for any one edit of any word, and both ways', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcde'), minLength: 1, maxLength: 8 });
    const edit = fc.tuple(word, fc.nat(), fc.constantFrom(...'abcdef'), fc.constantFrom('add', 'drop', 'change', 'swap'));
    fc.assert(
      fc.property(edit, ([w, at, letter, kind]) => {
        const i = at % w.length;
        let other: string;
        if (kind === 'add') other = w.slice(0, i) + letter + w.slice(i);
        else if (kind === 'drop') other = w.slice(0, i) + w.slice(i + 1);
        else if (kind === 'change') other = w.slice(0, i) + letter + w.slice(i + 1);
        else other = i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
        if (other === w) return isOneEditAway(w, other) === false;
        return isOneEditAway(w, other) && isOneEditAway(other, w);
      }),
    );
  });
});
