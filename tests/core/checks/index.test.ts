import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECKS, checkDocument, checkSentence, fixSentence, type CheckedSentence } from '../../../core/checks';
import { doc, seedSentences } from './support';

const MECHANICAL = ['spacing', 'orphaned-punctuation', 'repeated-words', 'leaked-text', 'name-variants', 'terminology', 'conventions', 'hidden-text', 'tags'];

describe('CHECKS', () => {
  it('describes every check once, in CHECK_IDS order', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(CHECKS.filter((c) => c.mechanical).map((c) => c.id)).toEqual(MECHANICAL);
    for (const info of CHECKS) {
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.description).toMatch(/^\S[^\n]*\.$/u);
    }
  });
});

describe('checkDocument', () => {
  const seed = seedSentences();

  it('returns the flags of each sentence, in a parallel array sorted by position', () => {
    const flags = checkDocument(seed);
    expect(flags).toHaveLength(seed.length);
    for (const sentenceFlags of flags) {
      const starts = sentenceFlags.map((f) => f.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(checkDocument([])).toEqual([]);
  });

  it('offers fixes from mechanical checks only', () => {
    for (const flag of checkDocument(seed).flat()) {
      if (flag.fix !== undefined) expect(MECHANICAL).toContain(flag.check);
    }
  });

  it('skips disabled checks', () => {
    const flags = checkDocument(seed, { disabled: ['name-variants', 'joined-sentences'] }).flat();
    expect(flags.some((f) => f.check === 'name-variants' || f.check === 'joined-sentences')).toBe(false);
    expect(flags.some((f) => f.check === 'orphaned-punctuation')).toBe(true);
  });

});

describe('checkSentence', () => {
  const sentences = doc(['“An operation is under way.', 'We urge residents to stay at home,” said the police.'], 'The airport of Alma-Ata was closed.', 'Flights to Almaty resumed.', 'Almaty is calm.');

  it('checks the text being typed in the context of the rest of the document', () => {
    expect(checkSentence(sentences, 1, 'We urge residents to stay at home,” said the police.')).toEqual([]);
    const typed = checkSentence(sentences, 1, 'We urge residents to stay at home, ”said the police  .');
    expect(typed.map((f) => f.check)).toEqual(['spacing', 'quotes-brackets', 'spacing']);
    // Names are judged against the stored document.
    expect(checkSentence(sentences, 3, 'Flights to Alma-Ata resumed.').map((f) => f.message)).toEqual([
      '“Alma-Ata” is also spelled “Almaty” (2×) in this document',
    ]);
  });

  it('equals checkDocument for the stored text', () => {
    const all = checkDocument(sentences);
    sentences.forEach((s, i) => expect(checkSentence(sentences, i, s.text)).toEqual(all[i]));
  });

  it('rejects an index outside the document', () => {
    expect(() => checkSentence(sentences, 5, 'x')).toThrow(RangeError);
    expect(() => checkSentence(sentences, -1, 'x')).toThrow(RangeError);
    expect(() => fixSentence(sentences, 1.5, 'spacing')).toThrow(RangeError);
  });

  it('notices a document changed in place instead of using a stale context', () => {
    const mutable: CheckedSentence[] = doc('We flew to Almaty.', 'We left Almaty.', 'Then Alma-Ata again.');
    expect(checkSentence(mutable, 2, mutable[2]!.text).map((f) => f.check)).toEqual(['name-variants']);
    mutable[0] = { paragraph: 1, text: 'We flew to Alma-Ata.' };
    mutable[1]!.text = 'We left Alma-Ata.';
    expect(checkSentence(mutable, 2, mutable[2]!.text)).toEqual([]);
  });
});

describe('fixSentence', () => {
  const seed = seedSentences();
  const at = (text: string) => seed.findIndex((s) => s.text.startsWith(text));

  it.each([
    ['date 2022-01-06', 'leaked-text', 'The situation in Kazakhstan remains tense.'],
    ['– As the head of state', 'orphaned-punctuation', '– As the head of state and from today, the chairman of the Security Council intends to act as tough as possible, – said Tokayev.'],
    ['The Council decided', 'spacing', 'The Council decided to send collective peacekeeping forces to Kazakhstan, said the Prime Minister of Armenia, Chairman of the Council Nikol Pashinyan.'],
    ['We urge guests', 'spacing', 'We urge guests and residents of the city to refrain from leaving their homes,” said Saltanat Azirbek, an official spokesman for the city’s police department.'],
    ['The airport of Alma-Ata', 'name-variants', 'The airport of Almaty was destroyed, fighting began in the streets.'],
    ['… It was clear', 'orphaned-punctuation', 'It was clear that after the Americans abandoned Afghanistan, a huge number of militants remained there, they needed to find a use somewhere.'],
  ] as const)('fixes the seed sentence %j (%s)', (start, check, fixed) => {
    expect(fixSentence(seed, at(start), check)).toBe(fixed);
  });

  it('applies every fix of a check, re-checking after each', () => {
    const sentences = doc('The the city  was quiet , and the the streets were empty .');
    expect(fixSentence(sentences, 0, 'spacing')).toBe('The the city was quiet, and the the streets were empty.');
    expect(fixSentence(sentences, 0, 'repeated-words')).toBe('The city  was quiet , and the streets were empty .');
  });

  it('returns null when there is nothing to fix, for checks without fixes and for disabled checks', () => {
    expect(fixSentence(seed, at('A state of emergency has'), 'spacing')).toBeNull();
    expect(fixSentence(seed, at('President Kassym-Jomart'), 'resumptive-pronoun')).toBeNull();
    expect(fixSentence(seed, at('date 2022-01-06'), 'leaked-text', { disabled: ['leaked-text'] })).toBeNull();
  });

  it('fixes terminology from the glossary of the options', () => {
    const glossary = [{ preferred: 'Almaty', forbidden: ['Alma-Ata'] }];
    expect(fixSentence(doc('From Alma-Ata to Alma-Ata.'), 0, 'terminology', { glossary })).toBe('From Almaty to Almaty.');
  });
});
