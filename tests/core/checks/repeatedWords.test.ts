import { describe, expect, it } from 'vitest';
import { flagsOf, spans } from './support';

const check = (text: string) => flagsOf('repeated-words', text);

describe('repeated-words', () => {
  it.each([
    ['The the situation remains tense.', ' the', 'The situation remains tense.', '“The” is written twice'],
    ['Clashes took place in the in the cities.', ' in the', 'Clashes took place in the cities.', '“in the” is written twice'],
    ['He went to to the airport.', ' to', 'He went to the airport.', '“to” is written twice'],
    ['It was, in the end of the end of the day, over.', ' the end of', 'It was, in the end of the day, over.', '“the end of” is written twice'],
  ])('flags %j and deletes the repeat', (text, span, fix, message) => {
    const flags = check(text);
    expect(spans(text, flags)).toEqual([span]);
    expect(flags[0]!.fix).toBe(fix);
    expect(flags[0]!.message).toBe(message);
  });

  it('flags each repeat of a word written three times', () => {
    expect(check('the the the end')).toHaveLength(2);
  });

  it.each([
    'I had had my doubts.',
    'He said that that was enough.',
    'What it is is a mistake.',
    'The vote was 12 12 in the first round.',
    'They flew to Bora Bora and Baden Baden.',
    'Bye bye, she said.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('takes copies that differ in case mid-sentence for different words', () => {
    expect(check('Dann können Sie sie speichern.')).toEqual([]);
    expect(check('Eine Eigenschaft, die die Position angibt.')).toEqual([]);
  });

  it('does not count a repeat across punctuation', () => {
    expect(check('No, no, it was very, very late.')).toEqual([]);
    expect(check('They came, they saw.')).toEqual([]);
  });
});
