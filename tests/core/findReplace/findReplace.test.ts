import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagChar, tagsIn } from '../../../core/formats/types';
import { compileReplace, countMatches, planReplace, type FindReplaceOptions } from '../../../core/findReplace';
import { RedlineError } from '../../../core/model/errors';
import { thrown as errorOf } from '../../support/thrown';

const plain = (find: string, replace: string, extra: Partial<FindReplaceOptions> = {}): FindReplaceOptions => ({
  find,
  replace,
  regex: false,
  caseSensitive: true,
  wholeWord: false,
  ...extra,
});
const regex = (find: string, replace: string, extra: Partial<FindReplaceOptions> = {}) =>
  plain(find, replace, { regex: true, ...extra });

describe('plain find and replace', () => {
  it('replaces every occurrence, and returns null when nothing matches', () => {
    const text = 'The airport of Alma-Ata was destroyed; Alma-Ata is calm.';
    expect(planReplace(text, plain('Alma-Ata', 'Almaty'))).toBe('The airport of Almaty was destroyed; Almaty is calm.');
    expect(countMatches(text, plain('Alma-Ata', ''))).toBe(2);
    expect(planReplace(text, plain('Astana', 'Nur-Sultan'))).toBeNull();
    expect(countMatches(text, plain('Astana', ''))).toBe(0);
  });

  it('treats regex syntax in the find and $ in the replacement as literal text', () => {
    expect(planReplace('Costs (approx.) 3.5$ or 3x5$.', plain('3.5$', '$1 & $&'))).toBe(
      'Costs (approx.) $1 & $& or 3x5$.',
    );
    expect(planReplace('a+b a+b', plain('a+b', '$$'))).toBe('$$ $$');
    expect(planReplace('[x] x', plain('[x]', '$<name>'))).toBe('$<name> x');
    expect(planReplace('a.b.c', plain('.', '\\'))).toBe('a\\b\\c');
  });

  it('is case-sensitive or not, in any script', () => {
    const text = 'Almaty, ALMATY and almaty; Алматы и АЛМАТЫ.';
    expect(countMatches(text, plain('almaty', ''))).toBe(1);
    expect(countMatches(text, plain('almaty', '', { caseSensitive: false }))).toBe(3);
    expect(planReplace(text, plain('алматы', 'Almaty', { caseSensitive: false }))).toBe(
      'Almaty, ALMATY and almaty; Almaty и Almaty.',
    );
  });

  it('matches whole words only when asked, by Unicode letters and digits', () => {
    const text = 'Ata Alma-Ata Atameken ata2 Ата Atabek';
    expect(countMatches(text, plain('Ata', ''))).toBe(4);
    expect(planReplace(text, plain('Ata', 'X', { wholeWord: true }))).toBe('X Alma-X Atameken ata2 Ата Atabek');
    expect(planReplace('Ата Атамекен', plain('Ата', 'A', { wholeWord: true }))).toBe('A Атамекен');
    // A combining accent belongs to the word it follows: "cafe" is not a whole word inside "café".
    expect(planReplace('cafe\u0301 cafe', plain('cafe', 'bar', { wholeWord: true }))).toBe('cafe\u0301 bar');
    expect(planReplace('in 2022 or 20222', plain('2022', 'Y', { wholeWord: true }))).toBe('in Y or 20222');
  });

  it('bounds only the ends of the find that are word characters', () => {
    // "-Ata" starts with a hyphen, so a letter before it does not make it part of a longer word.
    expect(planReplace('Alma-Ata, Alma-Atameken', plain('-Ata', '-ty', { wholeWord: true }))).toBe(
      'Alma-ty, Alma-Atameken',
    );
    expect(planReplace('said , and said,', plain(' ,', ',', { wholeWord: true }))).toBe('said, and said,');
  });

  it('refuses an empty find', () => {
    const error = errorOf(() => planReplace('text', plain('', 'x')));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/nothing to find/);
    expect(() => countMatches('text', { find: '', regex: true, caseSensitive: true, wholeWord: false })).toThrow(
      RedlineError,
    );
  });

  it('returns null when the replacement leaves the text as it was', () => {
    expect(planReplace('Almaty', plain('Almaty', 'Almaty'))).toBeNull();
    expect(planReplace('Almaty', plain('almaty', 'Almaty', { caseSensitive: false }))).toBeNull();
  });
});

describe('regular expression find and replace', () => {
  it('replaces with numbered and named groups, the whole match and $$', () => {
    expect(planReplace('6 January 2022, 7 January', regex('(\\d+) (January)', '$2 $1'))).toBe(
      'January 6 2022, January 7',
    );
    expect(planReplace('2022-01-06', regex('(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)', '$<d>.$<m>.$<y>'))).toBe(
      '06.01.2022',
    );
    expect(planReplace('Alma-Ata', regex('Alma-Ata', '[$&] [$0] $$5'))).toBe('[Alma-Ata] [Alma-Ata] $5');
    expect(planReplace('ab', regex('(a)(b)?c|(a)', '<$1|$3>'))).toBe('<|a>b'); // an unmatched group is empty
    expect(planReplace('x-y', regex('-', "[$`|$']"))).toBe('x[x|y]y');
    expect(planReplace('cost $ 5', regex('\\$ (\\d)', '$1 $'))).toBe('cost 5 $'); // a lone $ stays
  });

  it('reads $10 as group 10 when there is one, else as group 1 and a 0', () => {
    const tenGroups = '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)';
    expect(planReplace('abcdefghij', regex(tenGroups, '$10$1'))).toBe('ja');
    expect(planReplace('ab', regex('(a)', '$10'))).toBe('a0b');
  });

  it('refuses a replacement that names a group the expression lacks', () => {
    expect(errorOf(() => planReplace('ab', regex('(a)', '$2'))).message).toMatch(/uses \$2, .* only 1 group/);
    expect(errorOf(() => planReplace('ab', regex('a', '$1'))).message).toMatch(/no groups/);
    expect(errorOf(() => planReplace('ab', regex('(?<x>a)', '$<y>'))).message).toMatch(/no group named “y”/);
    expect(errorOf(() => planReplace('ab', regex('(a)', '$<y>'))).message).toMatch(/no named groups/);
    expect(errorOf(() => planReplace('ab', regex('(a)', '$2'))).code).toBe('bad_input');
  });

  it('is case-insensitive and whole-word when asked', () => {
    expect(planReplace('Alma-Ata, ALMA-ATA', regex('alma-?ata', 'Almaty', { caseSensitive: false }))).toBe(
      'Almaty, Almaty',
    );
    expect(planReplace('the theme, then the', regex('th\\w+', 'X', { wholeWord: true }))).toBe('X X, X X');
    expect(planReplace('the theme', regex('the|them', 'X', { wholeWord: true }))).toBe('X theme');
    expect(countMatches('Ата Атамекен', regex('\\p{L}{3}', '', { wholeWord: true }))).toBe(1);
  });

  it('says why a regular expression is not valid', () => {
    for (const bad of ['(', 'a)', '[a-', '*a', 'a{2,1}', '(?<n>a)(?<n>b)', '\\', 'a{1001}']) {
      const error = errorOf(() => planReplace('text', regex(bad, 'x')));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/^The regular expression is not valid: \S/);
      expect(error.message).not.toMatch(/\/gu/);
    }
    // Quoted as the editor wrote it, without the case flag put in front of it when case is ignored.
    const message = errorOf(() => planReplace('text', regex('(Alma-(Ata', 'x', { caseSensitive: false }))).message;
    expect(message).toContain('`(Alma-(Ata`');
    expect(message).not.toContain('(?i)');
  });

  it('refuses expressions that can match empty text instead of looping or inserting everywhere', () => {
    for (const empty of ['^', '$', '\\b', '\\B', 'x*', 'a?', '(?<=a)', '(?<!a)', 'a|', '()', '(?:)']) {
      const error = errorOf(() => planReplace('a banana', regex(empty, 'x')));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/can match empty text/);
    }
    // One the probe texts miss is still refused, as soon as it matches nothing somewhere.
    expect(errorOf(() => planReplace('zq', regex('(?<=z)', 'x'))).message).toMatch(/can match empty text/);
    expect(errorOf(() => countMatches('zq', regex('(?<=z)', '')))).toBeInstanceOf(RedlineError);
  });
});

describe('regular expressions run in linear time (RE2)', () => {
  it('says which syntax RE2 leaves out, and why', () => {
    for (const backreference of ['(a)\\1', '(?<x>a)\\k<x>', '(\\w+) \\1']) {
      const error = errorOf(() => countMatches('a a', regex(backreference, '')));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/^Backreferences .* not supported: .*time proportional to the text/);
    }
    for (const lookahead of ['a(?=b)', 'a(?!b)', '(?=a)']) {
      expect(errorOf(() => countMatches('ab', regex(lookahead, ''))).message).toMatch(/^Lookahead .* not supported/);
    }
    expect(errorOf(() => countMatches('ab', regex('(?<=(a))b', ''))).message).toMatch(/lookbehind .* capturing group/);
    // A literal find with the same characters is just text.
    expect(countMatches('x (a)\\1 a(?=b)', plain('(a)\\1', ''))).toBe(1);
    expect(countMatches('x (a)\\1 a(?=b)', plain('a(?=b)', ''))).toBe(1);
  });

  it('keeps what JavaScript syntax an editor writes: lookbehind, \\u escapes, named groups, no-break spaces in \\s', () => {
    expect(planReplace('5 km, 7 kg', regex('(?<=\\d )k(m|g)', 'K$1'))).toBe('5 Km, 7 Kg');
    expect(planReplace('café cafe', regex('caf\\u00e9', 'X'))).toBe('X cafe');
    expect(planReplace('a 😀 b', regex('\\u{1F600}', ':)'))).toBe('a :) b');
    expect(planReplace('2022-01-06', regex('(?<y>\\d{4})-(?<m>\\d\\d)', '$<m>/$<y>'))).toBe('01/2022-06');
    // A no-break space (U+00A0) and a narrow one (U+202F) are spaces, as in JavaScript; a letter is not.
    expect(planReplace('5\u00a0km 5\u202fkm 5 km 5xkm', regex('5\\skm', 'N'))).toBe('N N N 5xkm');
    expect(planReplace('5\u00a0km 5 km', regex('5[\\s]km', 'N'))).toBe('N N');
    expect(planReplace('a\u00a0b a-b', regex('a\\Sb', 'X'))).toBe('a\u00a0b X');
  });

  it('finishes on patterns that never finish with backtracking (nested quantifiers on a long line)', () => {
    // With a backtracking engine each of these takes about 2^n steps on n letters followed by a mismatch;
    // n = 50,000 would not finish in the age of the universe, so reaching the expectations is the test.
    const line = `${'a'.repeat(50_000)}!`;
    expect(countMatches(line, regex('(a+)+$', ''))).toBe(0);
    expect(countMatches(line, regex('(a|aa)+b', ''))).toBe(0);
    expect(countMatches(line, regex('(a*)*c', ''))).toBe(0);
    expect(countMatches(line, regex('^(\\w+\\s?)+$', ''))).toBe(0);
    expect(planReplace(line, regex('(a+)+!', '<$1>'))).toBe(`<${'a'.repeat(50_000)}>`);
    expect(countMatches(line, regex('(a+)+a', '', { wholeWord: true, caseSensitive: false }))).toBe(1);
  });
});

describe('compiled replacer', () => {
  it('counts, locates and replaces with one compiled pattern', () => {
    const replacer = compileReplace(regex('Alma-?Ata', 'Almaty'));
    const text = 'Alma-Ata and AlmaAta';
    expect(replacer.count(text)).toBe(2);
    expect(replacer.ranges(text)).toEqual([
      { start: 0, end: 8 },
      { start: 13, end: 20 },
    ]);
    expect(replacer.replace(text)).toBe('Almaty and Almaty');
    expect(replacer.replace(text)).toBe('Almaty and Almaty'); // no state left over between calls
    expect(replacer.count('nothing here')).toBe(0);
  });

  it('counts in its tally the matches that already read as their replacement, changing the others', () => {
    const replacer = compileReplace(plain('almaty', 'Almaty', { caseSensitive: false }));
    const tally = { keptForTags: 0, unchanged: 0 };
    expect(replacer.replace('Almaty and almaty', tally)).toBe('Almaty and Almaty');
    expect(replacer.replace('Almaty.', tally)).toBeNull();
    expect(tally).toEqual({ keptForTags: 0, unchanged: 2 });
  });

  it('handles astral characters as one character', () => {
    expect(planReplace('😀 a 😀', regex('.', '_', { wholeWord: false }))).toBe('_____');
    expect(planReplace('𝒜 and 𝒜', plain('𝒜', 'A'))).toBe('A and A');
  });
});

describe('tags (the file\'s formatting, one private-use character each)', () => {
  const [open, close, image] = [tagChar(0), tagChar(1), tagChar(2)];

  it('are never removed: a match whose replacement lacks its tags is left as it is, and counted', () => {
    const replacer = compileReplace(regex('[^\\p{L}\\s]', ''));
    const tally = { keptForTags: 0, unchanged: 0 };
    expect(replacer.replace(`Wählen Sie ${open}Anzeige${close}: ${image}.`, tally)).toBe(`Wählen Sie ${open}Anzeige${close} ${image}`);
    expect(replacer.replace(`Klicken${open}hier${close}`, tally)).toBeNull(); // only tags matched: nothing changes
    expect(tally).toEqual({ keptForTags: 5, unchanged: 0 });
    // A match across a tag is kept whole; the others go on.
    expect(planReplace(`foo${open}bar foo bar`, regex('foo.bar', 'X'))).toBe(`foo${open}bar X`);
  });

  it('are never copied by $` or $\' into the replacement, nor brought in by it', () => {
    const tally = { keptForTags: 0, unchanged: 0 };
    expect(compileReplace(regex('end', '$`')).replace(`${open}a${close} end`, tally)).toBeNull();
    expect(compileReplace(plain('a', `${image}a`)).replace('a b', tally)).toBeNull();
    expect(tally).toEqual({ keptForTags: 2, unchanged: 0 });
    expect(planReplace('a end', regex('end', '$`'))).toBe('a a ');
  });

  it('may move with the words they are in, kept once and in order', () => {
    // A space moved across a tag, a word added after one, the same chip in both fields.
    expect(planReplace(`Klicken ${open}hier${close}`, regex(`(\\s)(${open})`, '$2$1'))).toBe(`Klicken${open} hier${close}`);
    expect(planReplace(`x${open} y`, regex(`x${open}`, '$&z'))).toBe(`x${open}z y`);
    expect(planReplace(`a ${open}b${close}`, plain(`${open}b${close}`, `${open}B${close}`))).toBe(`a ${open}B${close}`);
  });

  it('keep their order and number whatever a regular expression replaces', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '.', 'ä', open, close, image);
    const finds = fc.constantFrom('.', '[^a]', '\\W', 'a.', '.b', '[\\s\\S]+', '\\P{L}');
    const replaces = fc.constantFrom('', 'x', '$&$&', '$`', "$'", `y${open}`, `$&${close}`);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), finds, replaces, (pieces, find, replace) => {
        const text = pieces.join('');
        const after = planReplace(text, regex(find, replace));
        expect(tagsIn(after ?? text)).toBe(tagsIn(text));
      }),
    );
  });
});
