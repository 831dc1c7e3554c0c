import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../../core/formats/registry';
import type { FormatHandler } from '../../../core/formats/types';
import { LANGUAGE_TAG, languageTagOf } from '../../../core/model/languageTag';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const parse = (format: string, text: string, name: string, options = {}) =>
  (formatById(format) as FormatHandler).parse(text, name, options);

describe('the languages a file declares', () => {
  it.each([
    ['xliff', 'article-ru-de.xlf', { source: 'ru', target: 'de' }], // 2.0: srcLang / trgLang
    ['xliff', 'help-de.xlf', { source: 'en-US', target: 'de-DE' }], // 1.2, two <file>s: the first that names them
    ['sdlxliff', 'review.sdlxliff', { source: 'ru-RU', target: 'en-US' }],
    ['mqxliff', 'review.mqxliff', { source: 'ru', target: 'en-us' }],
    ['po', 'messages.po', { source: null, target: 'ru' }], // the header's Language:, gettext names no source
  ])('%s %s', (format, name, languages) => {
    expect(parse(format, fixture(name), name).languages).toEqual(languages);
  });

  it('TMX: the pair the document is read in', () => {
    const parsed = parse('tmx', fixture('memory.tmx'), 'memory.tmx', { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } });
    expect(parsed.languages).toEqual({ source: 'en-US', target: 'ru-RU' });
  });

  it('an XLIFF 1.2 file without language attributes, or with values that are not tags, declares none', () => {
    const xliff = (attrs: string) =>
      `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" ${attrs}><body>` +
      '<trans-unit id="1"><source>Hello</source><target>Hallo</target></trans-unit></body></file></xliff>';
    expect(parse('xliff', xliff('datatype="plaintext"'), 'a.xlf').languages).toEqual({ source: null, target: null });
    expect(parse('xliff', xliff('source-language="*all*" target-language="x&quot;&gt;"'), 'a.xlf').languages).toEqual({ source: null, target: null });
    expect(parse('xliff', xliff('source-language=" en-GB " target-language="fr_CA"'), 'a.xlf').languages).toEqual({ source: 'en-GB', target: 'fr_CA' });
  });

  it('languageTagOf keeps only what the store and the contract accept as a tag', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const tag = languageTagOf(value);
        if (tag !== null) {
          expect(tag).toMatch(LANGUAGE_TAG);
          expect(tag.length).toBeLessThanOrEqual(35); // the documents table's CHECK
        }
      }),
    );
    expect(languageTagOf('de-DE')).toBe('de-DE');
    expect(languageTagOf(undefined)).toBeNull();
    expect(languageTagOf('deutsch')).toBeNull();
  });
});
