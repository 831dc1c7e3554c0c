import { describe, expect, it } from 'vitest';
import { checkDocument, type Flag } from '../../../core/checks';
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

  it('leaves other kinds, words that do not overlap, and two flags of one kind alone', () => {
    const flags = [flag('spelling', 0, 5), flag('spacing', 0, 5), flag('name-variants', 5, 9), flag('spelling', 9, 12), flag('spelling', 10, 12)];
    expect(withoutSameWordRepeats(flags, all).map((f) => `${f.check}@${f.start}`)).toEqual(['spelling@0', 'spacing@0', 'name-variants@5', 'spelling@9', 'spelling@10']);
  });
});
