import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../core/checks/types';
import { misspeltReplacement, variantReplacement } from '../../../core/fixes/misspeltReplacement';

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

describe('variantReplacement', () => {
  const text = 'The airport of Almatyy was closed.';
  const variantFlag = (form: string, usual: string | null): Flag => {
    const start = text.indexOf(form);
    const message = `“${form}” is also spelled “${usual ?? 'Almaty'}” (5×) in this document${usual ? '' : ', as often: choose one'}`;
    const fix = usual === null ? undefined : text.slice(0, start) + usual + text.slice(start + form.length);
    return { check: 'name-variants', severity: 'major', confidence: 'sure', message, start, end: start + form.length, ...(fix !== undefined && { fix }) };
  };

  it('says so when the name put in is a variant of another usual spelling than the one replaced', () => {
    expect(variantReplacement('Alma-Ata', 'Almatyy', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([
      '“Almatyy” is also spelled “Almaty” (5×) in this document',
    ]);
  });

  it('says nothing when the usual spelling is the one replaced (the fix an offer is for), on a tie, or on other words', () => {
    expect(variantReplacement('Almaty', 'Almatyy', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([]);
    expect(variantReplacement('Alma-Ata', 'Almatyy', text, [variantFlag('Almatyy', null)])).toEqual([]);
    expect(variantReplacement('closed', 'shut', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([]);
    // A rule wider than the name: the usual spelling is one of the words replaced.
    expect(variantReplacement('Almaty was', 'Almatyy was', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([]);
    // A flagged name that is only part of a word of the replacement is not one of its words.
    expect(variantReplacement('Alma-Ata', 'Almatyyan', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([]);
    expect(variantReplacement('Alma-Ata', '', text, [variantFlag('Almatyy', 'Almaty')])).toEqual([]);
  });
});
