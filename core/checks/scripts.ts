/** Writing systems of letters, for telling untranslated words and look-alike letters from the text around them. */

export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'CJK' | 'Arabic' | 'Hebrew' | 'Devanagari' | 'Thai' | 'Armenian' | 'Georgian' | 'other';

const SCRIPTS: Array<[Exclude<Script, 'other'>, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  // Chinese, Japanese and Korean mix these within one text, and often within one word.
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
];

/** The script of a letter, or null for anything that is not a letter. */
export function scriptOf(char: string): Script | null {
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'Latin';
  if (code < 0xc0 || !/\p{L}/u.test(char)) return null;
  for (const [script, pattern] of SCRIPTS) if (pattern.test(char)) return script;
  return 'other';
}

/** Nothing but ASCII, Latin letters, punctuation, symbols and spaces: the common case, checked at once. */
export const onlyLatin = (text: string): boolean => !/[^\u0020-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\s\p{P}\p{S}\p{N}]/u.test(text);

/** Letters per script. */
export function countScripts(text: string, into: Map<Script, number> = new Map()): Map<Script, number> {
  if (onlyLatin(text)) {
    into.set('Latin', (into.get('Latin') ?? 0) + text.length);
    return into;
  }
  for (const char of text) {
    const script = scriptOf(char);
    if (script) into.set(script, (into.get(script) ?? 0) + 1);
  }
  return into;
}

export function dominant(counts: ReadonlyMap<Script, number>): Script | null {
  let best: Script | null = null;
  let most = 0;
  for (const [script, count] of counts) {
    if (count > most) {
      best = script;
      most = count;
    }
  }
  return best;
}

/** Letters of other alphabets that look like Latin ones. */
export const LOOKS_LATIN: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', υ: 'u',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Latin letters that look like Cyrillic ones. */
export const LOOKS_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', i: 'і', A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н',
  O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У',
};
