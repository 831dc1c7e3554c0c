import { describe, expect, it } from 'vitest';
import type { Speller } from '../../../core/checks';
import { doc, flagsOf, spans } from './support';

/** A dictionary of a few words, so the rule's own logic is tested (the real dictionaries: tests/services/spelling.test.ts). */
function speller(words: string): Speller {
  const known = new Set(words.split(' '));
  return {
    correct: (w) => known.has(w) || known.has(w.toLowerCase()),
    suggest: (w) => [...known].filter((k) => k.length === w.length && [...k].filter((c, i) => c !== w[i]).length <= 2),
  };
}

const EN = speller('the police said they received three reports neighbor well known organize canceled');
const DE = speller('die polizei sagte sie habe drei berichte erhalten');
/** German with words that are one inflection or one substituted letter from the unknown ones, and the slips' right words. */
const DE_SLIPS = speller('die polizei sagte sie habe drei berichte erhalten integrierten detaillierte bettet gedrückter werden es in wochen streamern videos pusteten das bild ging vital ertan');
const FR = speller('la police a dit avoir reçu trois rapports');
const RU = speller('полиция сообщила что получила три сообщения');

const options = (target: string, spell: Speller, extra: object = {}) => ({ languages: { target, source: null }, speller: spell, ...extra });

describe('spelling', () => {
  it('English: flags an unknown lower-case word as sure, with the suggestion as its fix', () => {
    const text = 'The police said they recieved three reports.';
    const [flag] = flagsOf('spelling', text, 0, options('en', EN));
    expect(spans(text, [flag!])).toEqual(['recieved']);
    expect(flag).toMatchObject({ confidence: 'sure', fix: 'The police said they received three reports.' });
    expect(flagsOf('spelling', 'The police said they received three reports.', 0, options('en', EN))).toEqual([]);
  });

  it('English: a suggestion further off than one slip of the keys is no fix, and is not named', () => {
    // The test speller suggests words of the same length with up to two letters changed: "thrae" is one slip of
    // "three", "thxyz" nothing near. The real dictionaries offered `manure` for `majeure`, `animate` for `akimats`.
    const far = 'The police said they received thxee rexxrts.';
    const flags = flagsOf('spelling', far, 0, options('en', speller('the police said they received three reports')));
    expect(flags.map((f) => [far.slice(f.start, f.end), f.message, f.fix])).toEqual([
      ['thxee', '“thxee” is not in the dictionary; did you mean “three”?', 'The police said they received three rexxrts.'],
      ['rexxrts', '“rexxrts” is not in the dictionary', undefined],
    ]);
  });

  it('English: British spellings, hyphenated compounds, acronyms and numbers are not misspelled', () => {
    expect(flagsOf('spelling', 'The neighbour canceled, well-known NATO 3rd.', 0, options('en', EN)).map((f) => f.message)).toEqual([]);
  });

  it("Word's non-breaking and soft hyphens keep a word whole: looked up without the soft one, flagged with it", () => {
    expect(flagsOf('spelling', 'The police said well\u2011known re\u00adports.', 0, options('en', EN))).toEqual([]);
    const russian = 'Полиция сообщила что\u2011то.';
    expect(flagsOf('spelling', russian, 0, options('ru', RU)).map((f) => russian.slice(f.start, f.end))).toEqual(['что\u2011то']);
    const text = 'The police said they re\u00adcieved three reports.';
    const flags = flagsOf('spelling', text, 0, options('en', EN));
    expect(flags.map((f) => [text.slice(f.start, f.end), f.fix])).toEqual([['re\u00adcieved', 'The police said they received three reports.']]);
  });

  it('does not flag words of the source, the glossary, the document’s names or the user’s word list', () => {
    const sentences = [{ paragraph: 1, text: 'The police said Rino.Ink reports zorb.', source: 'Полиция Rino.Ink сообщила zorb.' }];
    expect(flagsOf('spelling', sentences, 0, options('en', EN)).map((f) => f.message)).toEqual([]);
    expect(flagsOf('spelling', 'The police said frobnicate.', 0, options('en', EN, { knownWords: new Set(['frobnicate']) }))).toEqual([]);
    expect(flagsOf('spelling', 'The police said frobnicate.', 0, options('en', EN, { glossary: [{ preferred: 'frobnicate', forbidden: [] }] }))).toEqual([]);
    expect(flagsOf('spelling', 'The police said frobnicate.', 0, options('en', EN)).length).toBe(1);
  });

  it('a capitalized word mid-sentence is one of the document’s names; at the start it is sure only as two letters swapped', () => {
    expect(flagsOf('spelling', doc('The police said Zhukov received three reports.'), 0, options('en', EN))).toEqual([]);
    // Capitalized by its place: `Teh`, `Recieved` are slips; another unknown opener may be a name (`Xinhua`).
    const swapped = flagsOf('spelling', doc('Recieved three reports.'), 0, options('en', EN));
    expect(swapped.map((f) => [f.confidence, f.start, f.fix])).toEqual([['sure', 0, 'Received three reports.']]);
    const teh = flagsOf('spelling', doc('Teh police said.'), 0, options('en', EN));
    expect(teh.map((f) => [f.confidence, f.fix])).toEqual([['sure', 'The police said.']]);
    const other = flagsOf('spelling', doc('Recxived three reports.'), 0, options('en', EN));
    expect(other.map((f) => [f.confidence, f.start])).toEqual([['possible', 0]]);
    // German capitalizes its nouns: an unknown opener stays possible there.
    expect(flagsOf('spelling', doc('Polizie sagte.'), 0, options('de', DE)).map((f) => f.confidence)).toEqual(['possible']);
  });

  it('puts two swapped letters back even where the speller’s suggestions miss it (`teh` → `the`), not in two-letter words', () => {
    // nspell suggests `ten`, `eh`, `meh` for `teh`: the swap is looked up in the dictionary itself.
    const missing: Speller = { correct: (w) => ['the', 'police', 'said', 'ad'].includes(w.toLowerCase()), suggest: () => ['ten'] };
    const mid = flagsOf('spelling', 'The police said teh.', 0, options('en', missing));
    expect(mid.map((f) => [f.confidence, f.fix])).toEqual([['sure', 'The police said the.']]);
    const opener = flagsOf('spelling', doc('Teh police said.'), 0, options('en', missing));
    expect(opener.map((f) => [f.confidence, f.fix])).toEqual([['sure', 'The police said.']]);
    expect(flagsOf('spelling', 'The police said da.', 0, options('en', missing)).map((f) => f.confidence)).toEqual(['possible']);
  });

  it('German: an unknown word is sure only with the shape of a slip of a listed word, which is its fix', () => {
    // A letter dropped inside the word, struck three times, two inner neighbours swapped: sure.
    const slips: Array<[string, string]> = [['inegrierten', 'integrierten'], ['detailierte', 'detaillierte'], ['betttet', 'bettet'], ['gedrücker', 'gedrückter'], ['berihcte', 'berichte']];
    for (const [typo, right] of slips) {
      const text = `Die Polizei sagte, sie habe drei Berichte ${typo}.`;
      const flags = flagsOf('spelling', text, 0, options('de', DE_SLIPS));
      expect(flags.map((f) => [text.slice(f.start, f.end), f.confidence, f.fix])).toEqual([[typo, 'sure', text.replace(typo, right)]]);
    }
    expect(flagsOf('spelling', 'Die Polizei sagte, sie habe drei Berichte erhalten.', 0, options('de', DE))).toEqual([]);
  });

  it('German: other unknown words stay possible (inflections, compounds, a letter swapped for another, names)', () => {
    const cases = [
      'Sie werden es in drei Wochen streamen.', // `streamern` is listed: a change in the ending is an inflection
      'Die Polizei sagte, sie habe drei Videos posteten.', // `pusteten` is listed: one letter for another
      'Die Polizei sagte, das Bild ging viral.', // `vital`
      'Die Polizei sagte, sie habe drei jahrzehntealten Berichte.', // a compound: no slip
      'Die Polizei sagte, sie habe drei Berichte erhaltn-gehabt.', // hyphenated
      'Die Polizei sagte, sie habe drei Berichte erhaltn.', // `erhalten`: the letter dropped is in the ending
      'Bräunig sagte, sie habe drei Berichte.', // capitalized: a name?
      'Die Polizei sagte, sie habe drei Berichte ertn.', // short
    ];
    for (const text of cases) {
      const flags = flagsOf('spelling', text, 0, options('de', DE_SLIPS));
      expect(flags.length, text).toBeGreaterThan(0);
      expect(flags.map((f) => f.confidence), text).toEqual(flags.map(() => 'possible'));
    }
  });

  it('the slip rule is German only: English, French and Russian keep nspell’s suggestions (sure with one)', () => {
    const en = 'The police said they recieved three reports.';
    expect(flagsOf('spelling', en, 0, options('en', EN)).map((f) => [f.confidence, f.fix])).toEqual([['sure', 'The police said they received three reports.']]);
    const fr = 'La police a dit avoir reçu trois raports.';
    expect(flagsOf('spelling', fr, 0, options('fr', FR)).map((f) => f.confidence)).toEqual(['possible']); // the test speller suggests only same-length words
    const ru = 'Полиция сообщила что получила три сообщениа.';
    expect(flagsOf('spelling', ru, 0, options('ru', RU)).map((f) => [f.confidence, f.fix])).toEqual([['sure', 'Полиция сообщила что получила три сообщения.']]);
  });

  it('French and Russian: flags unknown words of the target alphabet only', () => {
    expect(spans('La police a dit avoir reçu trois raports.', flagsOf('spelling', 'La police a dit avoir reçu trois raports.', 0, options('fr', FR)))).toEqual(['raports']);
    expect(flagsOf('spelling', 'La police a dit avoir reçu trois rapports.', 0, options('fr', FR))).toEqual([]);
    const ru = 'Полиция сообщила что получила три сообщеня.';
    expect(spans(ru, flagsOf('spelling', ru, 0, options('ru', RU)))).toEqual(['сообщеня']);
    // Latin words in a Russian text are the mixed-script check's business, not spelling's.
    expect(flagsOf('spelling', 'Полиция сообщила что получила три Telegram.', 0, options('ru', RU))).toEqual([]);
  });

  it('looks up suggestions for at most five unknown words a sentence: the rest are flagged as possible, without a fix', () => {
    const asked: string[] = [];
    const counting: Speller = { correct: EN.correct, suggest: (w) => (asked.push(w), EN.suggest(w)) };
    // Seven typos in a sentence of known words: not a passage in another language.
    const typos = ['polise', 'polixe', 'saod', 'thwy', 'recieved', 'thrwe', 'reporys'];
    const known = 'the police said they received three reports the police said they received three reports the police said';
    const text = `${known} ${typos.join(' ')}.`;
    const flags = flagsOf('spelling', text, 0, options('en', counting));
    expect(asked).toEqual(typos.slice(0, 5));
    expect(flags.map((f) => [text.slice(f.start, f.end), f.confidence, f.fix !== undefined])).toEqual([
      ...typos.slice(0, 5).map((t) => [t, 'sure', true]),
      ...typos.slice(5).map((t) => [t, 'possible', false]),
    ]);
  });

  it('asks for no suggestion in a sentence mostly of unknown words (another language, noise): flagged without a fix', () => {
    const asked: string[] = [];
    const counting: Speller = { correct: EN.correct, suggest: (w) => (asked.push(w), EN.suggest(w)) };
    const text = 'The police said: die regierung hat nicht gesagt, wann sie kommt.';
    const flags = flagsOf('spelling', text, 0, options('en', counting));
    expect(asked).toEqual([]);
    expect(flags.every((f) => f.fix === undefined)).toBe(true);
    // Sure past three letters, so the editor sees the sentence is not English; short words stay possible.
    expect(flags.map((f) => [text.slice(f.start, f.end), f.confidence])).toEqual([
      ['die', 'possible'],
      ['regierung', 'sure'],
      ['hat', 'possible'],
      ['nicht', 'sure'],
      ['gesagt', 'sure'],
      ['wann', 'sure'],
      ['sie', 'possible'],
      ['kommt', 'sure'],
    ]);
    // Two typos in a short sentence are not a foreign passage.
    expect(flagsOf('spelling', 'The polixe saod.', 0, options('en', counting)).map((f) => f.confidence)).toEqual(['sure', 'sure']);
  });

  it('does nothing without a dictionary', () => {
    expect(flagsOf('spelling', 'The polise said.', 0, { languages: { target: 'en', source: null } })).toEqual([]);
  });
});
