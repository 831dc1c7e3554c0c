import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

describe('lost-attribution', () => {
  it('flags an attribution after a full stop', () => {
    const text = '– As the head of state, he will act as tough as possible. , – said Tokayev.';
    const flags = flagsOf('lost-attribution', text);
    expect(spans(text, flags)).toEqual(['. , – said Tokayev']);
    expect(flags[0]!.message).toBe('The attribution “said Tokayev” follows a full stop: the quotation it belongs to lost its punctuation');
    expect(flags[0]!.fix).toBeUndefined();
    const second = 'The columns are led by militants with experience in Afghanistan. , says the president of the institute, Yevgeny Satanovsky.';
    expect(spans(second, flagsOf('lost-attribution', second))).toEqual(['. , says the president of the institute']);
  });

  it('flags a stray comma before an attribution in a paragraph without quotation or dialogue', () => {
    const sentences = doc([
      'Tokayev appealed for help to the CSTO.',
      'The Council decided to send peacekeeping forces to Kazakhstan , said the Prime Minister of Armenia, Nikol Pashinyan.',
    ]);
    const [flag] = flagsOf('lost-attribution', sentences, 1);
    expect(flag!.message).toBe('The attribution “said the Prime Minister of Armenia” follows a stray comma, and the paragraph has no quotation marks: they were lost');
  });

  it('flags a dash attribution in a paragraph that has no dialogue', () => {
    const sentences = doc(['The riots were organized in several regions, – the expert wrote.']);
    expect(flagsOf('lost-attribution', sentences, 0)[0]!.message).toMatch(/has no dialogue to attribute/u);
  });

  it('accepts a dash attribution in a dialogue paragraph', () => {
    const sentences = doc([
      '– Even if the authorities do not dare to resist, the neighbors may intervene.',
      'This must also be taken into account, – said Ashimbaev.',
    ]);
    expect(flagsOf('lost-attribution', sentences, 1)).toEqual([]);
  });

  it('accepts a stray comma where the paragraph has quotation marks (spacing reports the space)', () => {
    const sentences = doc(['“We will send forces to Kazakhstan , said the Prime Minister.']);
    expect(flagsOf('lost-attribution', sentences, 0)).toEqual([]);
  });

  it.each([
    '“We want it like in Sweden and Norway,” said a Kazakhstani in a comment to journalists.',
    'Inflation will ease next year, the central bank said.',
    'The economy will grow, said the minister.',
    'The contractor, Northgate Engineering Ltd., said in a statement that the design was sound.',
    'He left at 10 a.m., said his wife.',
    'He left. Then, he said, everything changed.',
  ])('leaves %j alone', (text) => {
    expect(flagsOf('lost-attribution', text)).toEqual([]);
  });
});
