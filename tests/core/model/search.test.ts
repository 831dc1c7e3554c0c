import { describe, expect, it } from 'vitest';
import { endsInShortWord, tooShortForPrefix } from '../../../core/model/search';

describe('the last word of a search typed so far', () => {
  it('is too short to be a prefix at one letter, its accents not counted', () => {
    expect(tooShortForPrefix('d')).toBe(true);
    expect(tooShortForPrefix('e\u0301')).toBe(true);
    expect(tooShortForPrefix('di')).toBe(false);
    expect(tooShortForPrefix('日本')).toBe(false);
  });

  it('is told apart in a query: only its last word counts, and only while it is being typed', () => {
    expect(endsInShortWord('klicken S')).toBe(true);
    expect(endsInShortWord('Alma-A')).toBe(true);
    expect(endsInShortWord('klicken Si')).toBe(false);
    expect(endsInShortWord('d ')).toBe(false); // finished: looked for whole anyway
    expect(endsInShortWord('"d"')).toBe(false);
    expect(endsInShortWord('')).toBe(false);
  });
});
