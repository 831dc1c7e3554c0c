import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFormat } from '../../../core/formats/plainText';
import { anyText, proseText } from '../segmentation/textArbitraries';
import { readKazakhstanFixture } from '../kazakhstanFixture';

const NEWS = readFileSync(fileURLToPath(new URL('./fixtures/news.txt', import.meta.url)), 'utf8');

const roundTrip = (text: string): string => textFormat.write(textFormat.parse(text, 'a.txt'), []);

describe('textFormat', () => {
  it('describes itself', () => {
    expect(textFormat).toMatchObject({ id: 'text', extensions: ['txt', 'text'], bilingual: false });
  });

  it('makes one unit per sentence, keyed by position, grouped by paragraph', () => {
    const document = textFormat.parse(NEWS, 'news.txt');
    expect(document.format).toBe('text');
    expect(document.units.map((u) => [u.key, u.paragraph, u.target])).toEqual([
      ['1', 1, 'Алматы, 5 января — Президент Касым-Жомарт Токаев объявил режим чрезвычайного положения.'],
      ['2', 1, 'По его словам, «ситуация под контролем».'],
      ['3', 1, 'Ночью в центре снова собрались люди.'],
      ['4', 2, 'Mr. Smith, a resident, said: “We saw the smoke from our window.”'],
      ['5', 2, 'Indented line.'],
      ['6', 2, 'Another sentence here!'],
    ]);
    expect(document.units.every((u) => u.source === null)).toBe(true);
    expect(document.skeleton.leading).toBe('');
    expect(document.skeleton.trailings).toEqual(['\n', ' ', '\n\n', '\n  ', ' ', '\n\n']);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('writes the reviewed sentences in the original layout', () => {
    const document = textFormat.parse(NEWS, 'news.txt');
    const out = textFormat.write(document, [
      { key: '2', text: 'По его словам, «ситуация находится под контролем».', status: 'confirmed' },
      { key: '6', text: 'Another one!', status: 'edited' },
    ]);
    expect(out).toBe(NEWS.replace('«ситуация под', '«ситуация находится под').replace('Another sentence here!', 'Another one!'));
  });

  it('drops an emptied sentence with its spacing', () => {
    const document = textFormat.parse('One. Two. Three.\n', 'a.txt');
    expect(textFormat.write(document, [{ key: '2', text: '', status: 'edited' }])).toBe('One. Three.\n');
  });

  it('refuses a unit the document does not have', () => {
    expect(() => textFormat.write(textFormat.parse('One.', 'a.txt'), [{ key: '9', text: 'x', status: 'edited' }])).toThrow(/no unit “9”/);
  });

  it('gives back the fixtures byte for byte', () => {
    expect(roundTrip(NEWS)).toBe(NEWS);
    const article = readKazakhstanFixture();
    expect(roundTrip(article)).toBe(article);
    expect(roundTrip(article.replace(/\n/g, '\r\n'))).toBe(article.replace(/\n/g, '\r\n'));
  });

  it('gives back any text byte for byte, untouched or with every unit sent back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, proseText), (text) => {
        const document = textFormat.parse(text, 'a.txt');
        expect(textFormat.write(document, [])).toBe(text);
        const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'confirmed' as const }));
        expect(textFormat.write(document, same)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
