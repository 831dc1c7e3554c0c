import { describe, expect, it } from 'vitest';
import { mineRules } from '../../../core/fixes';

const rules = (before: string, after: string) => mineRules(before, after).map((r) => `${r.find} → ${r.replace}`);

describe('mineRules', () => {
  it('offers a changed word or phrase, widened to whole words', () => {
    expect(rules('Alma-Ata is big.', 'Almaty is big.')).toEqual(['Alma-Ata → Almaty']);
    expect(rules('in the material of', 'read in')).toEqual(['in the material of → read in']);
  });

  it('offers a letter inserted inside a word as a change of that word (a spelling variant, or a typo)', () => {
    expect(rules('The harbor opened.', 'The harbour opened.')).toEqual(['harbor → harbour']);
    expect(rules('The river froze.', 'The rivver froze.')).toEqual(['river → rivver']);
  });

  it('offers a deleted word, and nothing for words inserted between others or a punctuation fix', () => {
    expect(rules('The tense situation.', 'The situation.')).toEqual(['tense → ']);
    expect(rules('The city is big.', 'The old city is big.')).toEqual([]);
    expect(rules('Kazakhstan , said he.', 'Kazakhstan, said he.')).toEqual([]);
  });
});
