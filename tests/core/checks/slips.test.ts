import { describe, expect, it } from 'vitest';
import { slipOf } from '../../../core/checks/slips';

const listed = (words: string) => {
  const set = new Set(words.split(' '));
  return (word: string) => set.has(word);
};

describe('slips of the keys', () => {
  it('finds the listed word a letter was dropped from inside, struck three times, or swapped with its neighbour', () => {
    const known = listed('detaillierte ursprünglichen bettet berichte');
    expect(slipOf('detailierte', known, 'de')).toBe('detaillierte');
    expect(slipOf('usprünglichen', known, 'de')).toBe('ursprünglichen');
    expect(slipOf('betttet', known, 'de')).toBe('bettet');
    expect(slipOf('berihcte', known, 'de')).toBe('berichte');
  });

  it('does not count a change in the last two letters, the first letter, or one letter for another', () => {
    const known = listed('streamern übersichts pusteten erhalten berichte vital');
    expect(slipOf('streamen', known, 'de')).toBeUndefined(); // streamer-n: an inflection
    expect(slipOf('übersicht', known, 'de')).toBeUndefined();
    expect(slipOf('erhaltn', known, 'de')).toBeUndefined(); // the -en ending
    expect(slipOf('posteten', known, 'de')).toBeUndefined(); // o for u
    expect(slipOf('viral', known, 'de')).toBeUndefined();
    expect(slipOf('ebrichte', known, 'de')).toBeUndefined(); // the first letter swapped
  });

  it('looks for a dropped letter only in a language whose letters it knows; swaps and triples in any', () => {
    expect(slipOf('recived', listed('received'), 'en')).toBeUndefined();
    expect(slipOf('recieved', listed('received'), 'en')).toBe('received');
    expect(slipOf('получилла', listed('получила'), 'ru')).toBeUndefined(); // a doubled letter is not a triple
    expect(slipOf('получиллла', listed('получилла'), 'ru')).toBe('получилла');
  });
});
