import { describe, expect, it } from 'vitest';
import type { Speller } from '../../../core/checks';
import { sourceLanguageRuns } from '../../../core/checks/sourceLanguage';
import { words } from '../../../core/checks/text';
import { flagsOf } from './support';

/** A dictionary of the words given (compared in lower case), as services/spelling.ts answers. */
const speller = (list: string, names = ''): Speller => {
  const known = new Set(list.split(' '));
  const proper = new Set(names.split(' '));
  return { correct: (w) => known.has(w.toLowerCase()) || proper.has(w), suggest: () => [] };
};
const EN = speller('the a to of in and is not closed office next door retirement village department natural resources minister said this acceptable reeves', 'Rachel');
const DE = speller('der die das und in sie bauten es ein sagte minister menschen heißen willkommen a jobs');
const FR = speller('le la de que a dit ministre ministère visité hier aujourd’hui hôtel ville banque france village journal');
const RU = speller('министр сказал что это');
const UK = speller('що це неприпустимо міністр сказав');

/** The untranslated flags of one sentence with no source text, as [span, confidence]. */
function fragments(text: string, from: string, to: string, target: Speller, source: Speller): Array<[string, string]> {
  const flags = flagsOf('untranslated', [{ paragraph: 1, text, source: null }], 0, { languages: { source: from, target: to }, speller: target, sourceSpeller: source });
  return flags.map((f) => [text.slice(f.start, f.end), f.confidence]);
}

describe('source-language words on spans', () => {
  it('joins words of the source language, across a short word both languages have, into runs', () => {
    const text = 'Sie bauten es next door to a retirement village.';
    const runs = sourceLanguageRuns(text, words(text), EN, DE);
    expect(runs.map((r) => r.words.map((w) => w.text).join(' '))).toEqual(['next door to a retirement village']);
    expect(runs[0]!.foreign.map((w) => w.text)).toEqual(['next', 'door', 'to', 'retirement', 'village']);
  });

  it('German target: an English phrase is sure, an English name possible, a single English word left to spelling', () => {
    expect(fragments('Sie bauten es next door to a retirement village.', 'en', 'de', DE, EN)).toEqual([['next door to a retirement village', 'sure']]);
    expect(fragments('Das Department of Natural Resources sagte das.', 'en', 'de', DE, EN)).toEqual([['Department of Natural Resources', 'possible']]);
    expect(fragments('Die Menschen heißen Jobs willkommen.', 'en', 'de', DE, EN)).toEqual([]);
    // A person's name: `Rachel` is English only with its capital, so the run has one English word, not two.
    expect(fragments('Die Ministerin Rachel Reeves sagte das.', 'en', 'de', DE, EN)).toEqual([]);
    // Without the source language's dictionary the check cannot tell English from any other unknown word.
    expect(flagsOf('untranslated', [{ paragraph: 1, text: 'Sie bauten es next door to a retirement village.', source: null }], 0, { languages: { source: 'en', target: 'de' }, speller: DE })).toEqual([]);
  });

  it('English target: French left in the sentence; English words the French dictionary also has are not French', () => {
    expect(fragments('The minister visited the hôtel de ville yesterday.', 'fr', 'en', EN, FR)).toEqual([['hôtel de ville', 'sure']]);
    expect(fragments('The minister said this is not acceptable.', 'fr', 'en', EN, FR)).toEqual([]);
    expect(fragments('The minister visited the Banque de France.', 'fr', 'en', EN, FR)).toEqual([['Banque de France', 'possible']]);
  });

  it('French target: English left in the sentence; a name in English is only possible', () => {
    expect(fragments('Le ministre a dit que the office is not closed.', 'en', 'fr', FR, EN)).toEqual([['the office is not closed', 'sure']]);
    expect(fragments('Le ministre a visité le village hier.', 'en', 'fr', FR, EN)).toEqual([]);
  });

  it('Russian target: Ukrainian left in the sentence; English in Latin letters is the mixed-script check’s, not this one’s', () => {
    expect(fragments('Министр сказал, що це неприпустимо.', 'uk', 'ru', RU, UK)).toEqual([['що це неприпустимо', 'sure']]);
    expect(fragments('Министр сказал, что this is not acceptable.', 'en', 'ru', RU, EN)).toEqual([]);
    expect(fragments('Министр сказал, что это так.', 'uk', 'ru', RU, UK)).toEqual([]);
  });

  it('a copy of the source in a third language is a name kept as written: possible, not sure', () => {
    const text = 'Die Grabung im Gebiet Dra Abu al-Naga begann.';
    const source = 'The dig in the Dra Abu al-Naga area began.';
    const check = (sourceSpeller?: Speller) =>
      flagsOf('untranslated', [{ paragraph: 1, text, source }], 0, { languages: { source: 'en', target: 'de' }, speller: DE, ...(sourceSpeller ? { sourceSpeller } : {}) }).map((f) => [text.slice(f.start, f.end), f.confidence]);
    expect(check(EN)).toEqual([['Dra Abu al-Naga', 'possible']]);
    // Without the English dictionary the copy cannot be told from English: as before, sure.
    expect(check()).toEqual([['Dra Abu al-Naga', 'sure']]);
  });

  it('links and code are no copy left untranslated', () => {
    const RU_EN = speller('source');
    const text = 'Источник https: / / natan21.livejournal.com';
    const flags = flagsOf('untranslated', [{ paragraph: 1, text, source: text }], 0, { languages: { source: 'ru', target: 'en' }, speller: RU_EN });
    expect(flags).toEqual([]);
    const prose = 'Der Sprecher sagte visit www example today.';
    expect(flagsOf('untranslated', [{ paragraph: 1, text: prose, source: 'The spokesman said visit www example today.' }], 0, { languages: { source: 'en', target: 'de' }, speller: DE }).map((f) => prose.slice(f.start, f.end))).toEqual(['visit www example today']);
  });
});
