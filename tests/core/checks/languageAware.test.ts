import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../../core/checks/nameIndex';
import { languageOf, sameScript } from '../../../core/checks/languages';
import { doc, flagsOf, spans } from './support';

const pair = (text: string, source: string) => [{ paragraph: 1, text, source }];

describe('source numbers read as people write them', () => {
  it('CJK multipliers and numerals: 2万 is 20,000, 1.1亿 is 110 million, 九二 is ’92', () => {
    expect(flagsOf('source-mismatch', pair('More than 20,000 people died.', '超过2万人死亡。'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('It will spend 110 million dollars.', '将投入1.1亿元。'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('It rejects the 1992 Consensus.', '它拒绝九二共识。'))).toEqual([]);
    const wrong = 'More than 30,000 people died.';
    expect(spans(wrong, flagsOf('source-mismatch', pair(wrong, '超过2万人死亡。')))).toEqual(['30,000']);
  });

  it('dates in any script: 2月10日 is February 10, 6 января is January 6', () => {
    expect(flagsOf('source-mismatch', pair('On Friday (February 10) it was blacklisted.', '周五（2月10日）被列入黑名单。'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('It happened on January 6.', 'Это случилось 6 января.'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('Es geschah am 6. Januar.', 'It happened on January 6.'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('Cela s’est passé le 6 janvier.', 'Это случилось 6 января.'))).toEqual([]);
    const wrong = 'It happened on January 7.';
    expect(spans(wrong, flagsOf('source-mismatch', pair(wrong, 'Это случилось 6 января.')))).toEqual(['7']);
  });

  it('thousands in words, decades, compound number words, percentages and ranges', () => {
    expect(flagsOf('source-mismatch', pair('24 thousand people signed.', '24 тысячи человек подписали.'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('24.000 Menschen unterschrieben.', '24 тысячи человек подписали.'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('In the 1980s he ran a mill.', '80年代，他经营一家工厂。'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('Seventy-five years of it.', '75 лет этого.'))).toEqual([]);
    expect(flagsOf('source-mismatch', pair('Prices rose 5–7 %.', 'Цены выросли на 5-7%.'))).toEqual([]);
    const wrong = 'Prices rose 5–8 %.';
    expect(spans(wrong, flagsOf('source-mismatch', pair(wrong, 'Цены выросли на 5-7%.')))).toEqual(['8']);
  });
});

describe('quotes and brackets against the source and across paragraphs', () => {
  it('an unpaired quote or bracket the source also leaves unpaired is no error of the MT', () => {
    expect(flagsOf('quotes-brackets', pair('After serving, deport him, "the court said.', 'После отбытия — депортировать», — говорится в решении.'))).toEqual([]);
    expect(flagsOf('quotes-brackets', pair('They are also poor))', 'Они тоже бедные))'))).toEqual([]);
    expect(flagsOf('quotes-brackets', pair('Er sagte, "nein.', 'He said, “no.”')).length).toBeGreaterThan(0);
  });

  it('a quotation may close in the next paragraph, in English, German, French and Russian', () => {
    for (const [open, close] of [['“', '”'], ['„', '“'], ['«', '»']]) {
      const sentences = doc(`He said: ${open}It was late.`, `And then we left.${close}`);
      expect(flagsOf('quotes-brackets', sentences, 0)).toEqual([]);
      expect(flagsOf('quotes-brackets', sentences, 1)).toEqual([]);
    }
    expect(flagsOf('quotes-brackets', doc('He said: “It was late.', 'And then we left.'), 0).length).toBe(1);
  });
});

describe('fewer false alarms', () => {
  it('bracketed asides and lower-case sources may start in lower case', () => {
    expect(flagsOf('leaked-text', '(laughs) Yes, of course.')).toEqual([]);
    expect(flagsOf('leaked-text', pair('real solution, for real money.', 'реальное решение за реальные деньги.'))).toEqual([]);
    expect(flagsOf('leaked-text', pair('real solution, for real money.', 'Реальное решение за реальные деньги.')).length).toBe(1);
  });

  it('emoticons, units before a comma, and domain names', () => {
    expect(flagsOf('quotes-brackets', 'Nice work :) thanks')).toEqual([]);
    expect(flagsOf('quotes-brackets', 'Nice work =) thanks')).toEqual([]);
    expect(flagsOf('orphaned-punctuation', 'The room is 12 ft., the hall 20 ft.')).toEqual([]);
    expect(flagsOf('spacing', 'Visit Rino.Ink for more.')).toEqual([]);
    expect(flagsOf('spacing', pair('Die Marke Shop.Now wächst.', 'The brand Shop.Now is growing.'))).toEqual([]);
    expect(flagsOf('spacing', 'He left the room.Then he came back.').length).toBe(1);
  });

  it('reduplications are not repeated words; real repeats still are', () => {
    expect(flagsOf('repeated-words', 'And more and more writers are coming.')).toEqual([]);
    expect(flagsOf('repeated-words', 'Und mehr und mehr Leute kommen.')).toEqual([]);
    expect(flagsOf('repeated-words', 'Il y a des gens et plus et plus.')).toEqual([]);
    expect(flagsOf('repeated-words', 'И больше и больше людей.')).toEqual([]);
    expect(flagsOf('repeated-words', 'He went to the the shop.').length).toBe(1);
  });

  it('German: inflected nouns are not name variants when the document is German', () => {
    const texts = ['Die Ergebnisse sind gut.', 'Das Ergebnis ist gut.', 'Wir sahen die Ergebnisse.'];
    expect(buildNameIndex(texts, undefined, true).variants.size).toBe(0);
    const sentences = doc(...texts);
    for (let i = 0; i < texts.length; i++) expect(flagsOf('name-variants', sentences, i, { languages: { target: 'de-DE' } })).toEqual([]);
  });
});

describe('languageOf', () => {
  it('reads the primary subtag of a tag', () => {
    expect([languageOf('de-AT'), languageOf('EN_us'), languageOf('zh-Hans'), languageOf(''), languageOf(null), languageOf('1x')]).toEqual(['de', 'en', 'zh', null, null, null]);
  });
});

describe('sameScript', () => {
  it('tells Latin-script languages from Cyrillic ones, and knows nothing of an unknown language', () => {
    expect(sameScript('en', 'de')).toBe(true);
    expect(sameScript('fr', 'en')).toBe(true);
    expect(sameScript('ru', 'uk')).toBe(true);
    expect(sameScript('ru', 'en')).toBe(false);
    expect(sameScript('de', 'ru')).toBe(false);
    expect(sameScript(null, 'en')).toBe(false);
  });
});
