import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../core/checks';
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

  // A line of MT caught in a loop once made a flag per pair, each fix holding the whole line: 64 MB at 16 KB.
  it('leaves a loop to the loop flag: one flag, its fix no bigger than the text', () => {
    const text = 'abc '.repeat(4000).trim();
    const flags = check(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('caught in a loop');
    expect(flags[0]!.fix).toBe('abc');
  });

  it('flags at most a few repeats of a pathological sentence, and every check together stays small', () => {
    // Doubles of 1,600 different words (`ba ba bb bb bc bc …`): no loop, a double at every other word.
    const word = (k: number) => k.toString(26).replace(/./gu, (d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
    const text = Array.from({ length: 1600 }, (_, k) => `${word(k + 26)} ${word(k + 26)}`).join(' ');
    const flags = check(text);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.length).toBeLessThanOrEqual(10);
    const all = checkDocument([{ paragraph: 1, text }])[0]!;
    expect(JSON.stringify(all).length).toBeLessThan(40 * text.length);
    const loop = 'abc '.repeat(4000).trim();
    expect(JSON.stringify(checkDocument([{ paragraph: 1, text: loop }])[0]).length).toBeLessThan(4 * loop.length);
  });
});
