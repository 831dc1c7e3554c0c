import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const check = (text: string) => flagsOf('mixed-script', text);

describe('mixed-script', () => {
  it('flags a Cyrillic look-alike inside an English word', () => {
    const text = 'Flights to Almаty were canceled.'; // a Cyrillic а
    const flags = check(text);
    expect(spans(text, flags)).toEqual(['а']);
    expect(flags[0]!.message).toBe('“Almаty” mixes alphabets: “а” is Cyrillic, which looks like the Latin “a”');
    expect(flags[0]!.fix).toBeUndefined();
  });

  it('flags a Latin look-alike inside a Cyrillic word', () => {
    const text = 'Аэропорт Алмaты закрыт.'; // a Latin a
    expect(check(text).map((f) => f.message)).toEqual(['“Алмaты” mixes alphabets: “a” is Latin, which looks like the Cyrillic “а”']);
  });

  it('flags untranslated text in another script as one stretch', () => {
    const text = 'The akimat of Алма-Ата was stormed, said 新华社.';
    const flags = check(text);
    expect(spans(text, flags)).toEqual(['Алма-Ата', '新华社']);
    expect(flags.map((f) => f.message)).toEqual(['Untranslated Cyrillic text “Алма-Ата”', 'Untranslated CJK text “新华社”']);
  });

  it('flags a whole sentence left in the source language', () => {
    const sentences = doc(['The airport was destroyed.', 'Ситуация в Казахстане остается напряженной.', 'A state of emergency was declared.']);
    expect(spans(sentences[1]!.text, flagsOf('mixed-script', sentences, 1))).toEqual(['Ситуация в Казахстане остается напряженной']);
  });

  it.each([
    'The temperature rose by 5 °C and the α coefficient by 0.3 μm.',
    'Zürich, São Paulo and Kraków signed the treaty.',
    'The café served crème brûlée.',
    '“Mir”, “Kazakhstan” – and KTK.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('accepts Latin brand names in a text of another script', () => {
    const sentences = doc(['Он написал в Facebook.', 'Компания Apple открыла магазин.']);
    expect(flagsOf('mixed-script', sentences, 0)).toEqual([]);
    expect(flagsOf('mixed-script', sentences, 1)).toEqual([]);
  });
});
