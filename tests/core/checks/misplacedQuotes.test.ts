import { describe, expect, it } from 'vitest';
import { checkMisplacedQuotes } from '../../../core/checks/misplacedQuotes';
import { fixSentence } from '../../../core/checks';
import { flagsOf } from './support';

const inLanguage = (text: string, target: string) =>
  flagsOf('quotes-brackets', [{ paragraph: 1, text }], 0, { languages: { source: null, target } }).filter((f) => /possessive|belongs before/u.test(f.message));
const fixed = (text: string) => fixSentence([{ paragraph: 1, text }], 0, 'quotes-brackets', { languages: { source: null, target: 'en' } });

describe('misplaced quotes', () => {
  it('English: the possessive apostrophe written as a quotation mark, with its fix', () => {
    const text = 'Experts say the militants "clothing differs from the uniforms.';
    const flags = inLanguage(text, 'en');
    expect(flags.map((f) => [text.slice(f.start, f.end), f.confidence, f.fix])).toEqual([['"', 'sure', "Experts say the militants' clothing differs from the uniforms."]]);
    expect(flags[0]!.message).toContain('“militants\' clothing”');
  });

  it('English: the closing quote after the space before an attribution, with its fix', () => {
    const text = 'Nothing personal, just a fight against evil, "explained the anonymous author.';
    expect(inLanguage(text, 'en').map((f) => f.fix)).toEqual(['Nothing personal, just a fight against evil," explained the anonymous author.']);
    expect(fixed('We will not stop there, "he said.')).toBe('We will not stop there," he said.');
  });

  it('English: real quotations are left alone', () => {
    expect(inLanguage('He called it "freedom" and left.', 'en')).toEqual([]);
    expect(inLanguage('The voters "dissatisfaction" grew.', 'en')).toEqual([]);
    // An opening quote before a capital: a quotation that goes on in the next sentence.
    expect(inLanguage('She said, "They will come.', 'en')).toEqual([]);
    // A lone quote before a word that is no attribution.
    expect(inLanguage('It was over, "nothing more to add.', 'en')).toEqual([]);
    expect(inLanguage('The parents’ attitudes, he said, are consumerist.', 'en')).toEqual([]);
  });

  it('German: the closing quote after the space before `sagte`; the possessive is English only', () => {
    expect(inLanguage('Das war ein Kampf gegen das Böse, "erklärte der Autor.', 'de').map((f) => f.fix)).toEqual(['Das war ein Kampf gegen das Böse," erklärte der Autor.']);
    expect(inLanguage('Die Wähler "unzufrieden blieben.', 'de')).toEqual([]);
    expect(inLanguage('Er sagte: "Wir kommen morgen.', 'de')).toEqual([]);
  });

  it('French: the closing quote after the space before `a dit`; a quotation going on is left alone', () => {
    expect(inLanguage('Rien de personnel, "a dit le maire.', 'fr').map((f) => f.fix)).toEqual(['Rien de personnel," a dit le maire.']);
    expect(inLanguage('Le maire a dit, "nous verrons demain.', 'fr')).toEqual([]);
  });

  it('Russian: the closing quote after the space before `объяснил`; other words after a lone quote are left alone', () => {
    expect(inLanguage('Ничего личного, "объяснил автор.', 'ru').map((f) => f.fix)).toEqual(['Ничего личного," объяснил автор.']);
    expect(inLanguage('Это борьба со злом, "и только.', 'ru')).toEqual([]);
    expect(inLanguage('Это борьба со злом, "said the author.', 'ru')).toEqual([]);
  });

  it('reads nothing without a lone straight quote or a known target language', () => {
    expect(checkMisplacedQuotes({ text: 'the militants "clothing', languages: { source: null, target: null } } as never)).toEqual([]);
    expect(inLanguage('Experts say the militants "clothing" differs.', 'en')).toEqual([]);
  });
});
