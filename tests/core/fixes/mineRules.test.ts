import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mineRules } from '../../../core/fixes';
import { hasTag, tagChar } from '../../../core/formats/types';

const rules = (before: string, after: string) => mineRules(before, after).map((r) => `${r.find} → ${r.replace}`);

describe('mineRules', () => {
  it('offers a changed word or phrase, widened to whole words', () => {
    expect(rules('Alma-Ata is big.', 'Almaty is big.')).toEqual(['Alma-Ata → Almaty']);
    expect(rules('What is done – in the material of Izvestia.', 'What is done – read in Izvestia.')).toEqual(['in the material of → read in']);
  });

  it('offers nothing for a sentence rewritten: fewer than half of its words kept', () => {
    const before = 'The airport of Alma-Ata was destroyed, fighting began in the streets.';
    expect(rules(before, 'Almaty airport was destroyed and street fighting began.')).toEqual([]);
    // Half kept is still a fix; so is any change to a sentence of three words or fewer.
    expect(rules('The old airport of Alma-Ata was closed.', 'The old airport of Almaty shut.')).toEqual(['Alma-Ata was closed → Almaty shut']);
    expect(rules('Alma-Ata today.', 'Almaty now.')).toEqual(['Alma-Ata today → Almaty now']);
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

describe('mineRules and tags', () => {
  const [open, close] = [tagChar(0), tagChar(1)];

  it('offers the words of a change without the tags at its ends, and nothing for a change with a tag inside', () => {
    // The editor typed over a bold name with its chips: the fix is the name, the tags stay where other sentences have them.
    expect(rules(`Die Stadt ${open}Alma-Ata${close} ist groß.`, 'Die Stadt Almaty ist groß.')).toEqual(['Alma-Ata → Almaty']);
    expect(rules(`Wir ${open}besuchten${close} Alma-Ata heute`, `Wir besuchten ${open}Almaty${close} heute`)).toEqual(['Alma-Ata → Almaty']);
    expect(rules(`Klicken ${open}hier${close} Sie`, 'Klicken dort Sie')).toEqual(['hier → dort']);
    expect(rules(`Das ist ${open}sehr${close} gut gemacht`, `Das ist ${open}wirklich${close} gut gemacht`)).toEqual(['sehr → wirklich']);
  });

  it('property: no rule it offers holds a tag', () => {
    const piece = fc.constantFrom('Alma', 'Ata', 'Almaty', ' ', '-', '.', open, close, 'ist', 'groß');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(piece, { maxLength: 10 }), (a, b) => {
        for (const rule of mineRules(a.join(''), b.join(''))) expect(hasTag(rule.find) || hasTag(rule.replace)).toBe(false);
      }),
    );
  });
});
