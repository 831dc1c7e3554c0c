import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckedSentence } from '../../../core/checks';
import { russianNumberWords } from '../../../core/checks/russianNumerals';

const messages = (text: string, source: string, target: string) => {
  const sentences: CheckedSentence[] = [{ paragraph: 1, text, source }];
  return checkDocument(sentences, { languages: { source: 'ru', target } })[0]!.filter((f) => f.check === 'source-mismatch').map((f) => f.message);
};

describe('numbers a Russian source writes in words', () => {
  it('reads the numeral at the head of a word, and small numbers only as whole words', () => {
    expect(russianNumberWords('тысячелетняя история, стопроцентная прибыль, за сутки, четырёхсот церквей').map((n) => [n.text, n.value])).toEqual([
      ['тысячелетняя', 1000],
      ['стопроцентная', 100],
      ['сутки', 24],
      ['четырёхсот', 400],
    ]);
    expect(russianNumberWords('Семья однако пришла в пятницу.')).toEqual([]);
    expect(russianNumberWords('Семь человек пришли.').map((n) => n.value)).toEqual([7]);
  });

  it('English: digits the source wrote in words are the source’s; a number it does not have is still flagged', () => {
    expect(messages('In the more than 1,000-year history of Russia.', 'За всю более чем тысячелетнюю историю России.', 'en')).toEqual([]);
    expect(messages('Within 24 hours, 24 thousand people signed.', 'За сутки подписалось 24 тысячи.', 'en')).toEqual([]);
    expect(messages('Everyone read the 30-page report.', 'Все читали тридцатистраничный доклад.', 'en')).toEqual([]);
    expect(messages('Is it worth training each muscle just once a week?', 'Эффективно ли тренировать каждую мышцу всего 1 раз в неделю?', 'en')).toEqual([]);
    expect(messages('The family of 7 came.', 'Семья пришла.', 'en')).toEqual(['“7” is not in the source']);
  });

  it('English: 2 p.m. is the source’s 14:00; 3 p.m. is not', () => {
    expect(messages('On November 30 at 2 p.m., doctors will take to the streets.', '30 ноября в 14:00 врачи выйдут на улицы.', 'en')).toEqual([]);
    expect(messages('On November 30 at 3 p.m., doctors will take to the streets.', '30 ноября в 14:00 врачи выйдут на улицы.', 'en')).toEqual(['“3” is not in the source (the source has “14”)']);
  });

  it('German and French: the same numerals in words match the digits', () => {
    expect(messages('Die 1000-jährige Geschichte Russlands.', 'Тысячелетняя история России.', 'de')).toEqual([]);
    expect(messages('Die 5-jährige Geschichte Russlands.', 'Тысячелетняя история России.', 'de')).toEqual(['“5” is not in the source']);
    expect(messages('Un rapport de 30 pages.', 'Тридцатистраничный доклад.', 'fr')).toEqual([]);
    expect(messages('Un rapport de 40 pages.', 'Тридцатистраничный доклад.', 'fr')).toEqual(['“40” is not in the source']);
  });

  it('Russian target: a Russian source and translation agree in words and digits alike', () => {
    expect(messages('За 24 часа подписалось 24 тысячи.', 'За сутки подписалось 24 тысячи.', 'ru')).toEqual([]);
    expect(messages('За 25 часов подписалось 24 тысячи.', 'За сутки подписалось 24 тысячи.', 'ru')).toEqual(['“25” is not in the source']);
  });
});
