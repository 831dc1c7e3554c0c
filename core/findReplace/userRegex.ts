import { RE2JS } from 're2js';
import { RedlineError } from '../model/errors';

/**
 * The editor's regular expressions run on RE2 (re2js, a pure-JS port): matching time grows linearly with the
 * text whatever the pattern, so `(a+)+$` on a long line cannot hang the app the way a backtracking engine
 * (JavaScript's own RegExp) would. The price is the syntax RE2 leaves out on purpose: backreferences and
 * lookahead (a captureless lookbehind is kept: re2js runs it in linear time too).
 */

/** The flags every user pattern is compiled with: lookbehind on, case as asked. */
const flagsFor = (caseSensitive: boolean) => RE2JS.LOOKBEHINDS | (caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);

/**
 * What `\s` means in JavaScript (and so what an editor expects: a no-break space is a space). RE2's `\s` is
 * ASCII whitespace only, which would miss the U+00A0 and U+202F that French and Russian texts are full of.
 */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/**
 * Rewrites `\s` and `\S` to the JavaScript set of spaces (outside a class `[...]` both, inside one `\s` only:
 * a negated set cannot be put into a class).
 */
export function widenSpaces(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1]!;
      i++;
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) {
      inClass = true;
      out += c;
      // A `]` or `^]` right after the opening bracket is a literal, not the end of the class.
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += pattern[++i];
      continue;
    }
    if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** The editor's words for what RE2 said, with the reason a construct is missing when it is one RE2 leaves out. */
function explain(error: unknown): RedlineError {
  const raw = error instanceof Error ? error.message : String(error);
  // RE2 quotes the pattern as compiled: without the case flag Redline put in front of the editor's own.
  const reason = raw.replace(/^error parsing regexp:\s*/u, '').replace(/`\(\?i\)/gu, '`');
  const linear = 'Redline runs regular expressions in time proportional to the text, which rules it out';
  if (/unsupported Perl syntax: `\(\?[=!]/u.test(reason)) {
    return new RedlineError('bad_input', `Lookahead — (?=…) and (?!…) — is not supported: ${linear}. Match the following text instead, or use a lookbehind (?<=…).`);
  }
  if (/invalid escape sequence: `\\[1-9k]/u.test(reason)) {
    return new RedlineError('bad_input', `Backreferences (\\1, \\k<name>) are not supported: ${linear}.`);
  }
  if (/capture in lookbehind/u.test(reason)) {
    return new RedlineError('bad_input', 'A lookbehind (?<=…) cannot hold a capturing group: write (?:…) inside it.');
  }
  return new RedlineError('bad_input', `The regular expression is not valid: ${reason.trim().replace(/\.$/u, '')}.`);
}

/**
 * Compiles an editor's regular expression (JavaScript syntax as far as RE2 has it: `\u00e9`, `\u{1F600}`,
 * `(?<name>…)` are translated) to a linear-time RE2 pattern, or throws RedlineError('bad_input') in words.
 */
export function compileUserRegex(source: string, caseSensitive: boolean): RE2JS {
  return compileRe2(translateUserRegex(source), caseSensitive);
}

/** The RE2 text of an editor's pattern (throws bad_input when it cannot be read at all). */
export function translateUserRegex(source: string): string {
  // RE2 would read `\k<name>` as a literal k; in JavaScript it is a backreference, so say so.
  if (/(?:^|[^\\])(?:\\\\)*\\k</u.test(source)) throw explain(new Error('invalid escape sequence: `\\k<`'));
  let translated: string;
  try {
    translated = RE2JS.translateRegExp(source);
  } catch (error) {
    throw explain(error);
  }
  return widenSpaces(translated);
}

/** Compiles RE2 text built from an editor's pattern (see translateUserRegex). */
export function compileRe2(re2: string, caseSensitive: boolean): RE2JS {
  try {
    return RE2JS.compile(re2, flagsFor(caseSensitive));
  } catch (error) {
    throw explain(error);
  }
}

/** RE2 text matching `text` literally. */
export const quoteLiteral = (text: string): string => text.replace(/[\\.+*?()|[\]{}^$]/gu, '\\$&');
