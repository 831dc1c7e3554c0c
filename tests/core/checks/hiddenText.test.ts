import { describe, expect, it } from 'vitest';
import { flagsOf, spans } from './support';

const check = (text: string) => flagsOf('hidden-text', text);

describe('hidden-text', () => {
  it('flags a right-to-left override as major and removes it', () => {
    const text = 'The invoice total is \u202E01$ 0001\u202C today.';
    const flags = check(text);
    expect(spans(text, flags)).toEqual(['\u202E', '\u202C']);
    expect(flags.map((f) => f.severity)).toEqual(['major', 'major']);
    expect(flags[0]!.message).toBe(
      'A hidden right-to-left override character (U+202E): it can make the sentence display in a different order from the text that is stored and exported',
    );
    expect(flags[0]!.fix).toBe('The invoice total is 01$ 0001\u202C today.');
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'flags the bidi control %j',
    (char) => {
      expect(check(`a${char}b`)).toHaveLength(1);
    },
  );

  it('flags zero-width spaces and a stray byte order mark as minor', () => {
    const flags = check('Alma\u200BAta and\uFEFF more');
    expect(flags.map((f) => [f.start, f.severity])).toEqual([
      [4, 'minor'],
      [12, 'minor'],
    ]);
  });

  it('flags C1 control characters (C0 ones are leaked text); tab, line breaks and form feed are text', () => {
    const flags = check('Bell\u0007 and \u0093quoted\u0094 text');
    expect(flags.map((f) => [f.start, f.message])).toEqual([
      [10, 'A hidden control character (U+0093): it does not show (often a quote or dash of Windows-1252 text read as Latin-1)'],
      [17, 'A hidden control character (U+0094): it does not show (often a quote or dash of Windows-1252 text read as Latin-1)'],
    ]);
    expect(flags[0]!.fix).toBe('Bell\u0007 and quoted\u0094 text');
    expect(check('Tab\there,\nline\r\nand\fpage')).toEqual([]);
  });

  it.each(['Plain text, nothing hidden.', 'مرحبا\u200F ok', 'می\u200Cخواهم', 'family 👨\u200D👩\u200D👧'])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
