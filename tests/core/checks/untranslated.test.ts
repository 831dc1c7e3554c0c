import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Speller } from '../../../core/checks';
import { words, type Word } from '../../../core/checks/text';
import { copiedLengths } from '../../../core/checks/untranslated';
import { flagsOf, spans } from './support';

const speller = (words: string): Speller => {
  const known = new Set(words.split(' '));
  return { correct: (w) => known.has(w.toLowerCase()), suggest: () => [] };
};
const DE = speller('der die das und von im sicherheit heimatschutz sprecher sagte ministerium');
const EN = speller('the of and said minister ministry spokesman');
const FR = speller('le la de et a dit ministère');
const RU = speller('министерство и сказал');

const one = (text: string, source: string, from: string, to: string, spell?: Speller) =>
  flagsOf('untranslated', [{ paragraph: 1, text, source }], 0, { languages: { source: from, target: to }, ...(spell ? { speller: spell } : {}) });

describe('untranslated', () => {
  it('German: flags English words copied from the source, a title-case name only as possible, a name kept as it is not at all', () => {
    const text = 'Ein Sprecher des Department of Homeland Security sagte das.';
    const flags = one(text, 'A Department of Homeland Security spokesman said that.', 'en', 'de', DE);
    expect(spans(text, flags)).toEqual(['Department of Homeland Security']);
    expect(flags[0]!.confidence).toBe('possible');
    const prose = 'Der Sprecher sagte, the office is closed heute.';
    const sure = one(prose, 'The spokesman said, the office is closed today.', 'en', 'de', DE);
    expect(sure.map((f) => [prose.slice(f.start, f.end), f.confidence])).toEqual([['the office is closed', 'sure']]);
    expect(one('Der Sprecher von Radio City sagte das.', 'The spokesman of Radio City said that.', 'en', 'de', DE)).toEqual([]);
  });

  it('English: flags French left in the text; words English has too are fine', () => {
    const text = 'The minister said la vie est belle today.';
    expect(spans(text, one(text, 'Le ministre a dit la vie est belle aujourd’hui.', 'fr', 'en', EN))).toEqual(['la vie est belle']);
    expect(one('The minister said the ministry', 'the ministry', 'fr', 'en', EN)).toEqual([]);
  });

  it('French and Russian targets: copied runs the target dictionary lacks', () => {
    const fr = 'Le ministère a dit the ministry is closed.';
    expect(spans(fr, one(fr, 'The ministry said the ministry is closed.', 'en', 'fr', FR))).toEqual(['the ministry is closed']);
    // Latin words copied into a Russian text: not Russian words.
    const ru = 'Министерство сказал breaking news today.';
    expect(spans(ru, one(ru, 'The ministry said breaking news today.', 'en', 'ru', RU))).toEqual(['breaking news today']);
  });

  it('from a source in another script, a copy in the source’s script is sure and one in the target’s a name or brand (possible)', () => {
    const cyrillic = 'The ministry said министерство и сказал today.';
    const copied = one(cyrillic, 'Министерство сказало: министерство и сказал сегодня.', 'ru', 'en', EN);
    expect(copied.map((f) => [cyrillic.slice(f.start, f.end), f.confidence])).toEqual([['министерство и сказал', 'sure']]);
    const latin = 'The ministry said via smart home hub today.';
    const brand = one(latin, 'Министерство сказало via smart home hub сегодня.', 'ru', 'en', EN);
    expect(brand.map((f) => [latin.slice(f.start, f.end), f.confidence])).toEqual([['via smart home hub', 'possible']]);
  });

  it('without a dictionary, only runs of three words or more, and only as possible', () => {
    const text = 'Ein Sprecher sagte of the day heute.';
    const flags = one(text, 'A spokesman said of the day today.', 'en', 'de');
    expect(flags.map((f) => [text.slice(f.start, f.end), f.confidence])).toEqual([['sagte of the day'.slice(6), 'possible']]);
    expect(one('Ein Sprecher sagte of day heute.', 'A spokesman said of day today.', 'en', 'de')).toEqual([]);
  });

  it('nothing without a source, or when source and target share a language', () => {
    expect(flagsOf('untranslated', 'Ein Sprecher des Department of Homeland Security.')).toEqual([]);
    expect(one('the ministry of the day', 'the ministry of the day', 'en', 'en', EN)).toEqual([]);
  });
});

describe('untranslated: copies found in one pass', () => {
  // Each word's longest copy was found by comparing the text from it with every place the source has the word
  // (quadratic on a long sentence); the automaton must find the same lengths.
  const piece = fc.constantFrom('a', 'b', 'c', 'A', ' ', ' ', ' ', '  ', '\u00a0', ', ', '. ');
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const onlySpaceBetween = (t: string, a: Word, b: Word) => /^[ \u00a0]$/u.test(t.slice(a.end, b.start));
  const reference = (t: string, source: string): number[] => {
    const mine = words(t);
    const theirs = words(source);
    return mine.map((_, i) => {
      let best = 0;
      theirs.forEach((w, k) => {
        if (w.text !== mine[i]!.text) return;
        let n = 1;
        while (
          i + n < mine.length &&
          k + n < theirs.length &&
          mine[i + n]!.text === theirs[k + n]!.text &&
          onlySpaceBetween(t, mine[i + n - 1]!, mine[i + n]!) &&
          onlySpaceBetween(source, theirs[k + n - 1]!, theirs[k + n]!)
        )
          n++;
        best = Math.max(best, n);
      });
      return best;
    });
  };

  it('gives each word the length of the longest copy from it that comparing with every occurrence gives', () => {
    fc.assert(
      fc.property(text, text, (t, source) => {
        expect(copiedLengths(t, words(t), source)).toEqual(reference(t, source));
      }),
      { numRuns: Number(process.env.CHECK_RUNS ?? 2000) },
    );
  });
});
