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

  it('keeps on the correction’s side the words the change was widened to: a split word is never offered as a deletion', () => {
    expect(rules('The Almaty-Astana road.', 'The Almaty - Astana road.')).toEqual(['Almaty-Astana → Almaty - Astana']);
    expect(rules('The Almaty-Astana road.', 'The Almaty – Astana road.')).toEqual(['Almaty-Astana → Almaty – Astana']);
    expect(rules('In 1990-2000 it grew.', 'In 1990 - 2000 it grew.')).toEqual(['1990-2000 → 1990 - 2000']);
    expect(rules('Alma-Ata is big.', 'Almaty is big.')).toEqual(['Alma-Ata → Almaty']);
    expect(rules('The colour red.', 'The color red.')).toEqual(['colour → color']);
  });

  it('offers a deleted word, and nothing for words inserted between others or a punctuation fix', () => {
    expect(rules('The tense situation.', 'The situation.')).toEqual(['tense → ']);
    expect(rules('The city is big.', 'The old city is big.')).toEqual([]);
    expect(rules('Kazakhstan , said he.', 'Kazakhstan, said he.')).toEqual([]);
  });
});
