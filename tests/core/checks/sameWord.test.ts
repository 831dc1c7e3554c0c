import { describe, expect, it } from 'vitest';
import { checkDocument, fixSentence, type Flag, type Speller } from '../../../core/checks';
import { withoutSameWordRepeats } from '../../../core/checks/sameWord';
import { seedSentences } from './support';

const flag = (check: Flag['check'], start: number, end: number, extra: Partial<Flag> = {}): Flag => ({
  check,
  severity: 'minor',
  confidence: 'sure',
  message: check,
  start,
  end,
  ...extra,
});
const all = () => true;

describe('one flag for one word', () => {
  it('a glossary’s forbidden name that is also the document’s second spelling is flagged once, by the glossary', () => {
    const sentences = seedSentences();
    const glossary = [{ preferred: 'Almaty', forbidden: ['Alma-Ata'] }];
    const found = checkDocument(sentences, { glossary }).flatMap((flags, i) =>
      flags.filter((f) => sentences[i]!.text.slice(f.start, f.end) === 'Alma-Ata').map((f) => f.check),
    );
    expect(found).toEqual(['terminology', 'terminology', 'terminology', 'terminology']);
    // Without the glossary the names index still says it.
    const unglossed = checkDocument(sentences).flatMap((flags, i) =>
      flags.filter((f) => sentences[i]!.text.slice(f.start, f.end) === 'Alma-Ata').map((f) => f.check),
    );
    expect(unglossed).toEqual(['name-variants', 'name-variants', 'name-variants', 'name-variants']);
  });

  it('keeps the shown, then the sure, then the fixable, then the more specific flag of overlapping words', () => {
    const kinds = (flags: Flag[]) => flags.map((f) => `${f.check}@${f.start}`).sort();
    expect(kinds(withoutSameWordRepeats([flag('spelling', 0, 5), flag('name-variants', 0, 5)], all))).toEqual(['name-variants@0']);
    expect(kinds(withoutSameWordRepeats([flag('spelling', 0, 5), flag('name-variants', 2, 5, { confidence: 'possible' })], all))).toEqual(['spelling@0']);
    expect(kinds(withoutSameWordRepeats([flag('name-variants', 0, 5), flag('spelling', 0, 5, { fix: 'x' })], all))).toEqual(['spelling@0']);
    const shown = (f: Flag) => f.check === 'spelling';
    expect(kinds(withoutSameWordRepeats([flag('terminology', 0, 5), flag('spelling', 0, 5, { confidence: 'possible' })], shown))).toEqual(['spelling@0']);
  });

  it('a flag that wins over several takes the place of them all, whatever their order', () => {
    const term = flag('terminology', 0, 10);
    const kinds = (flags: Flag[]) => flags.map((f) => `${f.check}@${f.start}`).sort();
    expect(kinds(withoutSameWordRepeats([flag('spelling', 0, 4), flag('spelling', 6, 10), term], all))).toEqual(['terminology@0']);
    expect(kinds(withoutSameWordRepeats([term, flag('spelling', 0, 4), flag('spelling', 6, 10)], all))).toEqual(['terminology@0']);
  });

  it('fix all of one check leaves a word another check’s flag stands for', () => {
    const words = new Set('the police said they received three reports got'.split(' '));
    const speller: Speller = {
      correct: (w) => words.has(w.toLowerCase()),
      suggest: (w) => [...words].filter((k) => k.length === w.length && [...k].filter((c, i) => c !== w[i]).length <= 2),
    };
    const sentences = [{ paragraph: 1, text: 'The police said they recieved three reprots.' }];
    const options = { languages: { target: 'en', source: null }, speller, glossary: [{ preferred: 'got', forbidden: ['recieved'] }] };
    const shown = checkDocument(sentences, options)[0]!.map((f) => `${f.check}:${sentences[0]!.text.slice(f.start, f.end)}`);
    expect(shown).toEqual(['terminology:recieved', 'spelling:reprots']);
    expect(fixSentence(sentences, 0, 'spelling', options)).toBe('The police said they recieved three reports.');
    expect(fixSentence(sentences, 0, 'terminology', options)).toBe('The police said they got three reprots.');
  });

  it('leaves other kinds, words that do not overlap, and two flags of one kind alone', () => {
    const flags = [flag('spelling', 0, 5), flag('spacing', 0, 5), flag('name-variants', 5, 9), flag('spelling', 9, 12), flag('spelling', 10, 12)];
    expect(withoutSameWordRepeats(flags, all).map((f) => `${f.check}@${f.start}`)).toEqual(['spelling@0', 'spacing@0', 'name-variants@5', 'spelling@9', 'spelling@10']);
  });
});
