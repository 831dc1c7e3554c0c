import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckedSentence } from '../../../core/checks';
import { NumberPool, type NumberItem } from '../../../core/checks/sourceMismatch';
import { spans } from './support';

const check = (text: string, source: string | null | undefined) => {
  const sentences: CheckedSentence[] = [{ paragraph: 1, text, source }];
  return checkDocument(sentences)[0]!.filter((f) => f.check === 'source-mismatch');
};

describe('source-mismatch', () => {
  it('flags a number that differs from the source', () => {
    const text = '13 officers were killed and 353 were injured.';
    const flags = check(text, '13 сотрудников погибли, 350 ранены.');
    expect(spans(text, flags)).toEqual(['353']);
    expect(flags[0]!.message).toBe('“353” is not in the source (the source has “350”)');
  });

  it('flags a number missing from the translation', () => {
    const flags = check('Officers were killed and many were injured.', '13 сотрудников погибли, 350 ранены.');
    expect(flags.map((f) => f.message)).toEqual([
      'The source’s “13” is missing from the translation',
      'The source’s “350” is missing from the translation',
    ]);
  });

  it('names at most five numbers a message: a row of figures that lost many gets one flag, not one per number', () => {
    const figures = Array.from({ length: 40 }, (_, k) => String(100 + k));
    const lost = check('The table lists the figures.', `Таблица: ${figures.join('; ')}.`);
    // (The translation is also far shorter than its source: a flag of its own.)
    expect(lost.map((f) => f.message).filter((m) => m.includes('“'))).toEqual([
      'The source’s “100”, “101”, “102”, “103”, “104” and 35 more are missing from the translation',
    ]);
    const changed = check(`The table lists 999 and ${figures.slice(0, 30).join(', ')}.`, `Таблица: ${figures.join('; ')}.`);
    expect(changed.map((f) => f.message)).toEqual(['“999” is not in the source (the source has “130”, “131”, “132”, “133”, “134” and 5 more)']);
  });

  it.each([
    ['More than 1,000 people were injured.', 'Пострадали более 1 000 человек.'],
    ['More than 1,000 people were injured.', 'Пострадали более 1000 человек.'],
    ['Prices rose by 1.5 percent.', 'Цены выросли на 1,5 процента.'],
    ['The price was 3.50 euros.', 'Der Preis betrug 3,5 Euro.'],
    ['On January 6th the banks closed.', 'Банки закрылись 6 января.'],
    ['The report is dated 2022-01-06.', 'Отчет датирован 06.01.2022.'],
    ['The meeting starts at 10:30.', 'Встреча начнется в 10:30.'],
    ['Two of them were beheaded.', 'Двое из них (2) были обезглавлены.'],
    ['See https://example.com/report for details.', 'Подробности на https://example.com/report.'],
  ])('reads %j as matching its source', (text, source) => {
    expect(check(text, source)).toEqual([]);
  });

  it('flags a link that differs', () => {
    const text = 'Details at https://example.org/report.';
    const flags = check(text, 'Подробности на https://example.com/report.');
    expect(spans(text, flags)).toContain('https://example.org/report');
  });

  it('a link the MT spaced out is still the source’s link, in any target language; a different one is flagged', () => {
    const links = (text: string, source: string) => check(text, source).filter((f) => /link/u.test(f.message)).map((f) => f.message);
    const source = 'Список улиц https://ru.sputnik.kg/society/20191125/bishkek.html';
    expect(links('List of streets https: / / ru.sputnik.kg / society / 20191125 / bishkek.html', source)).toEqual([]);
    expect(links('Liste der Straßen https: / / ru.sputnik.kg / society / 20191125 / bishkek.html', source)).toEqual([]);
    expect(links('Liste des rues https : / / ru.sputnik.kg / society / 20191125 / bishkek.html', source)).toEqual([]);
    expect(links('Список улиц https: / / ru.sputnik.kg / society / 20191125 / bishkek.html', source)).toEqual([]);
    expect(links('List of streets https: / / ru.sputnik.kg / politics / 20191128 / bishkek.html', source)).toHaveLength(1);
  });

  it('flags a translation much shorter or longer than its source', () => {
    const source = 'Несколько бронетранспортеров были замечены возле здания аэропорта, а военные в полном снаряжении дежурили вокруг.';
    expect(check('Armored vehicles were seen.', source).map((f) => f.message)).toEqual([
      expect.stringMatching(/^The translation is much shorter than its source \(\d+ % of its length\): something may be missing$/u),
    ]);
    const long = 'Several armored personnel carriers were spotted outside the airport building, and military personnel in full gear were on duty around it, while the passengers waited in the departure hall for hours.';
    expect(check(long, 'Бронетранспортеры у аэропорта.')[0]!.message).toMatch(/much longer/u);
  });

  it('counts a Chinese character as several letters', () => {
    expect(check('The situation in Kazakhstan remains tense.', '哈萨克斯坦局势依然紧张。')).toEqual([]);
  });

  it('does nothing without a source', () => {
    expect(check('13 officers were killed.', null)).toEqual([]);
    expect(check('13 officers were killed.', undefined)).toEqual([]);
    expect(check('13 officers were killed.', '   ')).toEqual([]);
  });
});

describe('source-mismatch: numbers matched through an index', () => {
  // A number was matched by searching the pool from its start and cutting the one found out (quadratic on a
  // sentence of thousands of numbers); the pool must take the same items in the same order.
  const item = fc.array(fc.constantFrom('1', '2', '3', '4'), { minLength: 1, maxLength: 3 }).map((values): NumberItem => ({ text: values.join('/'), start: 0, end: 1, values }));
  it('takes the first item left sharing a value, as a search from the start of the list does', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.array(item, { maxLength: 12 }), (items, asked) => {
        const pool = new NumberPool(items);
        const list = [...items];
        for (const wanted of asked) {
          const k = list.findIndex((other) => other.values.some((v) => wanted.values.includes(v)));
          if (k !== -1) list.splice(k, 1);
          expect(pool.take(wanted)).toBe(k !== -1);
        }
        expect(pool.left()).toEqual(list);
      }),
      { numRuns: Number(process.env.CHECK_RUNS ?? 2000) },
    );
  });
});
