import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const check = (text: string) => flagsOf('orphaned-punctuation', text);

describe('orphaned-punctuation', () => {
  it('turns “. ,” before an attribution into a comma', () => {
    const text = '– As the head of state, he intends to act as tough as possible. , – said Tokayev.';
    const [flag] = check(text);
    expect(spans(text, [flag!])).toEqual(['. ,']);
    expect(flag!.message).toBe('Stray punctuation “. ,” after “possible”');
    expect(flag!.fix).toBe('– As the head of state, he intends to act as tough as possible, – said Tokayev.');
  });

  it.each([
    ['The columns are led by militants. , says the president.', 'The columns are led by militants, says the president.'],
    ['It was over. ,', 'It was over.'],
    ['It was over. , The crowd left.', 'It was over. The crowd left.'],
    ['It was over, .', 'It was over.'],
    ['It was over , . Then it rained.', 'It was over. Then it rained.'],
    ['Banks,, shops and schools closed.', 'Banks, shops and schools closed.'],
    ['It was over..', 'It was over.'],
    ['Was it over?.', 'Was it over?'],
  ])('fixes %j', (text, fix) => {
    const flags = check(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.fix).toBe(fix);
  });

  it('flags but does not guess when the reading is unclear', () => {
    expect(check('It was over, . and then')[0]!.fix).toBeUndefined();
    expect(check('Why? , asked the minister.')[0]!.fix).toBeUndefined();
  });

  it('flags a sentence that starts with punctuation', () => {
    const ellipsis = check('… It was clear that the militants remained.');
    expect(ellipsis[0]!.message).toBe('The sentence starts with “…”');
    expect(ellipsis[0]!.fix).toBe('It was clear that the militants remained.');
    expect(check(', The council met.')[0]!.fix).toBe('The council met.');
    expect(check(', said the minister.')[0]!.fix).toBeUndefined();
  });

  it('explains a closing quote that belongs to the previous sentence, and leaves it for the editor to move', () => {
    const sentences = doc(['He said that “the crowd has no leaders.', '” In his opinion, nobody will take power.']);
    const [flag] = flagsOf('orphaned-punctuation', sentences, 1);
    expect(flag!.message).toBe('The sentence starts with “””, which closes the quotation of the sentence before');
    expect(flag!.fix).toBeUndefined();
  });

  it('flags a sentence that is only punctuation, and empties a lone ellipsis', () => {
    expect(check('…')).toMatchObject([{ message: 'The sentence is only “…”', start: 0, end: 1, fix: '' }]);
    expect(check('...')[0]!.fix).toBe('');
    expect(check('”')[0]!.fix).toBeUndefined();
  });

  it.each([
    'He lived in the U.S., then in Canada.',
    'Apples, pears, etc., were on sale.',
    'The firm, Northgate Ltd., said so.',
    'At 10 a.m., the doors opened.',
    '“Why?,” he asked.',
    'What?! Again?',
    'He hesitated... and then spoke.',
    'He hesitated . . . and then spoke.',
    'Use std::vector here.',
    '* * *',
    '.NET is a framework.',
    '“We will stay,” he said.',
    '– Come in, – she said.',
    'The price rose 3.5%, then fell.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
