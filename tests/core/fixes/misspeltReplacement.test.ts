import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../core/checks/types';
import { misspeltReplacement } from '../../../core/fixes/misspeltReplacement';

const TEXT = 'The new airpotr of the citty was closed.';
const flagOn = (word: string, check: Flag['check'] = 'spelling'): Flag => {
  const start = TEXT.indexOf(word);
  return { check, severity: 'minor', confidence: 'sure', message: `“${word}”`, start, end: start + word.length };
};

describe('misspeltReplacement', () => {
  it('names the replacement’s words the corrected sentence’s spelling flags cover', () => {
    const flags = [flagOn('airpotr'), flagOn('citty')];
    expect(misspeltReplacement('airpotr', TEXT, flags)).toEqual(['airpotr']);
    expect(misspeltReplacement('new airpotr', TEXT, flags)).toEqual(['airpotr']);
    // Split into words as the speller splits them: quotes and a possessive are no part of the word.
    expect(misspeltReplacement('‘airpotr’', TEXT, flags)).toEqual(['airpotr']);
    expect(misspeltReplacement('the airpotr’s', TEXT, flags)).toEqual(['airpotr']);
  });

  it('leaves out misspellings elsewhere in the sentence, other checks, and a deletion', () => {
    expect(misspeltReplacement('new', TEXT, [flagOn('airpotr'), flagOn('citty')])).toEqual([]);
    expect(misspeltReplacement('airpotr', TEXT, [flagOn('airpotr', 'terminology')])).toEqual([]);
    expect(misspeltReplacement('', TEXT, [flagOn('airpotr')])).toEqual([]);
    // A flagged word that is only part of a replacement word is not one of its words.
    expect(misspeltReplacement('airpotrs', TEXT, [flagOn('airpotr')])).toEqual([]);
  });
});
