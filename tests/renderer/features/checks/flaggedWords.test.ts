import { describe, expect, it } from 'vitest';
import { flaggedWordsLabel } from '../../../../renderer/features/checks/flaggedWords';

describe('flaggedWordsLabel', () => {
  it('quotes words as they are', () => {
    expect(flaggedWordsLabel('Alma-Ata')).toBe('“Alma-Ata”');
  });

  it('shows spaces at the ends, tabs and line breaks as marks, so a double space is not “  ”', () => {
    expect(flaggedWordsLabel('  ')).toBe('“␣␣”');
    expect(flaggedWordsLabel(' ,')).toBe('“␣,”');
    expect(flaggedWordsLabel('two words')).toBe('“two words”');
    expect(flaggedWordsLabel('a\tb\nc')).toBe('“a⇥b↵c”');
  });

  it('names invisible and direction-changing characters by their code, so none turns the message around', () => {
    expect(flaggedWordsLabel('\u202E')).toBe('“U+202E”');
    expect(flaggedWordsLabel('air\u200Bport')).toBe('“airU+200Bport”');
    expect(flaggedWordsLabel('\u0007')).toBe('“U+0007”');
  });

  it('cuts long text', () => {
    expect(flaggedWordsLabel('x'.repeat(100))).toBe(`“${'x'.repeat(39)}…”`);
  });
});
