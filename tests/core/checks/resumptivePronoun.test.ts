import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const check = (text: string) => flagsOf('resumptive-pronoun', text);

describe('resumptive-pronoun', () => {
  it('flags a subject repeated by a pronoun after an adverbial', () => {
    const text = 'President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address to citizens.';
    const flags = check(text);
    expect(spans(text, flags)).toEqual([', he']);
    expect(flags[0]!.message).toBe('The subject is said twice: “President Kassym-Jomart Tokayev” and then “he”');
    expect(flags[0]!.fix).toBeUndefined();
  });

  it.each([
    'The head of state in his address on Monday, he promised to restore order.',
    'The protesters in the center of the city, they set fire to the building.',
    'The government after long talks, it decided to raise prices.',
  ])('flags %j', (text) => {
    expect(check(text)).toHaveLength(1);
  });

  it('recognizes a name the document uses elsewhere', () => {
    const sentences = doc(['The talks were led by Pashinyan.', 'Pashinyan on Thursday, he said that troops would come.', 'Pashinyan, he made an address.']);
    expect(flagsOf('resumptive-pronoun', sentences, 1)).toHaveLength(1);
    expect(flagsOf('resumptive-pronoun', sentences, 2)).toHaveLength(1);
    // Alone, a capitalized word before a comma may be anything: `Yesterday, he left`.
    expect(flagsOf('resumptive-pronoun', 'Pashinyan, he made an address.')).toEqual([]);
    expect(flagsOf('resumptive-pronoun', 'Yesterday, he left the city.')).toEqual([]);
  });

  it.each([
    'In the afternoon of January 5, he made a television address.',
    'After the arson of the buildings, protesters began to shoot.',
    'When she arrived at the airport, she saw the damage.',
    'The next day, he resigned.',
    'The following morning in Almaty, they reopened the airport.',
    'A few hours later, he returned.',
    'The plan, he said, had failed.',
    'The problem in this case, it seems, is the cost.',
    'Born in 1950 in Almaty, he studied in Moscow.',
    'On Monday, she said the talks had failed.',
    'The president said on Monday, he would stay.',
    'Smith and Jones, they say, are the best.',
    'The Taliban are Pashtuns, why do they need these militants?',
    'According to journalists, after the cordon, the protesters opened fire.',
    'Like his father in the 1990s, he became a lawyer.',
    'Mr. Smith, who chairs the committee, expects a large turnout.',
    'Okafor said that she had read the report carefully.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
