import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../core/checks';
import { documentCheckOptions } from '../../services/checkOptions';
import { spellerFor } from '../../services/spelling';

describe('source-language words, as the app checks them', () => {
  it('the options carry the source language’s dictionary when it differs from the target’s and shares its script', () => {
    const sentences = [{ paragraph: 1, text: 'Sie wollten es next door to a retirement village bauen.', source: null }];
    const options = documentCheckOptions(sentences, { source: 'en', target: 'de' });
    expect(options.speller).toBe(spellerFor('de'));
    expect(options.sourceSpeller).toBe(spellerFor('en'));
    expect(documentCheckOptions(sentences, { source: 'de', target: 'de' }).sourceSpeller).toBeUndefined();
    expect(documentCheckOptions(sentences, { source: 'zh', target: 'de' }).sourceSpeller).toBeUndefined();
    // Russian words are never looked for in English text by this check (mixed-script flags them): its dictionary,
    // the slowest to build, is not built for it.
    expect(documentCheckOptions(sentences, { source: 'ru', target: 'en' }).sourceSpeller).toBeUndefined();
  }, 120_000);

  it('with the bundled dictionaries, English left in German is sure and an English name possible', () => {
    const sentences = [
      { paragraph: 1, text: 'Sie wollten ein Krematorium „next door to a retirement village“ bauen.', source: null },
      { paragraph: 2, text: 'Das Minnesota Department of Natural Resources half dem Bären.', source: null },
    ];
    const flags = checkDocument(sentences, documentCheckOptions(sentences, { source: 'en', target: 'de' })).map((list, i) =>
      list.filter((f) => f.check === 'untranslated').map((f) => [sentences[i]!.text.slice(f.start, f.end), f.confidence]),
    );
    expect(flags).toEqual([[['next door to a retirement village', 'sure']], [['Minnesota Department of Natural Resources', 'possible']]]);
  }, 120_000);
});
