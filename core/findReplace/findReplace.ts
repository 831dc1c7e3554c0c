import { RedlineError } from '../model/errors';

/** What the editor asked to find, and how. */
export interface FindOptions {
  find: string;
  /** Treat `find` as a JavaScript regular expression (Unicode mode) rather than literal text. */
  regex: boolean;
  caseSensitive: boolean;
  /** Match only where the match is not part of a longer word (Unicode letters, marks and digits). */
  wholeWord: boolean;
}

/** A find-and-replace as the editor set it up. */
export interface FindReplaceOptions extends FindOptions {
  /**
   * What each match becomes. Literal text in plain mode; in regex mode `$1`…`$99` and `$<name>` insert a
   * group, `$&` or `$0` the whole match, `$$` a dollar sign.
   */
  replace: string;
}

/** Where one match lies in a text, as UTF-16 offsets (end exclusive). */
export interface MatchRange {
  start: number;
  end: number;
}

/** A find-and-replace compiled once, to run over many sentences. */
export interface Replacer {
  /** How many times the pattern matches the text. */
  count(text: string): number;
  /** Where it matches, in order. */
  ranges(text: string): MatchRange[];
  /** The text with every match replaced, or null when nothing matches or the text would not change. */
  replace(text: string): string | null;
}

/** A letter, a combining mark or a digit, in any script: what "inside a longer word" means. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/**
 * Whole-word bounds that work for any pattern: at each end, either the match itself ends in a non-word
 * character there, or the text next to it is not a word character.
 */
const WORD_BOUND = `(?:(?<!${WORD_CHAR})|(?!${WORD_CHAR}))`;

/** Texts tried on a new pattern to catch one that can match nothing at all (`^`, `\b`, `x*`, `(?=a)` …). */
const EMPTY_MATCH_PROBES = ['', 'a', 'A a', 'a1 b', '0', ' ', '. ,', 'a\nb', 'É é'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const emptyMatchError = () =>
  new RedlineError(
    'bad_input',
    'The regular expression can match empty text (as ^, $, \\b, x* or x? do): make it match at least one character.',
  );

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'group'; index: number }
  | { kind: 'named'; name: string }
  | { kind: 'before' }
  | { kind: 'after' };

interface Groups {
  count: number;
  names: Set<string>;
}

/**
 * Splits a regex-mode replacement into literal text and group references, as String.prototype.replace
 * reads it (plus `$0` for the whole match), refusing a reference to a group the expression does not have
 * rather than silently inserting nothing or the literal `$2`.
 */
function parseTemplate(template: string, groups: Groups): Part[] {
  const parts: Part[] = [];
  let literal = '';
  const push = (part: Part) => {
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
    parts.push(part);
  };
  const plural = (n: number) => (n === 1 ? '1 group' : `${n} groups`);
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    const next = template[i + 1];
    if (c !== '$' || next === undefined) {
      literal += c;
      continue;
    }
    if (next === '$') {
      literal += '$';
      i++;
    } else if (next === '&') {
      push({ kind: 'group', index: 0 });
      i++;
    } else if (next === '`') {
      push({ kind: 'before' });
      i++;
    } else if (next === "'") {
      push({ kind: 'after' });
      i++;
    } else if (next === '<') {
      const close = template.indexOf('>', i + 2);
      if (close === -1) {
        literal += '$';
        continue;
      }
      const name = template.slice(i + 2, close);
      if (!groups.names.has(name)) {
        throw new RedlineError(
          'bad_input',
          groups.names.size === 0
            ? `The replacement uses $<${name}>, but the regular expression has no named groups.`
            : `The replacement uses $<${name}>, but the regular expression has no group named “${name}”.`,
        );
      }
      push({ kind: 'named', name });
      i = close;
    } else if (next >= '0' && next <= '9') {
      const one = Number(next);
      const after = template[i + 2];
      const two = after !== undefined && after >= '0' && after <= '9' ? one * 10 + Number(after) : -1;
      if (two >= 1 && two <= groups.count) {
        push({ kind: 'group', index: two });
        i += 2;
      } else if (one <= groups.count) {
        push({ kind: 'group', index: one });
        i++;
      } else {
        throw new RedlineError(
          'bad_input',
          `The replacement uses $${one}, but the regular expression has ${groups.count === 0 ? 'no groups' : `only ${plural(groups.count)}`}.`,
        );
      }
    } else {
      literal += '$';
    }
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  return parts;
}

/** The capture groups of a valid pattern: how many, and their names. */
function groupsOf(pattern: RegExp): Groups {
  const match = new RegExp(`${pattern.source}|`, pattern.flags.replace('g', '')).exec('');
  return { count: match ? match.length - 1 : 0, names: new Set(Object.keys(match?.groups ?? {})) };
}

function canMatchEmpty(pattern: RegExp): boolean {
  return EMPTY_MATCH_PROBES.some((probe) => {
    for (const match of probe.matchAll(pattern)) if (match[0] === '') return true;
    return false;
  });
}

function compilePattern(options: FindOptions): RegExp {
  if (typeof options.find !== 'string' || options.find === '') {
    throw new RedlineError(
      'bad_input',
      'There is nothing to find: type the text (or the regular expression) to look for.',
    );
  }
  const flags = options.caseSensitive ? 'gu' : 'giu';
  let body = escapeRegExp(options.find);
  if (options.regex) {
    let raw: RegExp;
    try {
      raw = new RegExp(options.find, flags);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // V8 says "Invalid regular expression: /(/gu: Unterminated group"; the editor needs the reason.
      const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
      throw new RedlineError('bad_input', `The regular expression is not valid: ${reason.trim()}.`);
    }
    if (canMatchEmpty(raw)) throw emptyMatchError();
    body = options.find;
  }
  return new RegExp(options.wholeWord ? `${WORD_BOUND}(?:${body})${WORD_BOUND}` : body, flags);
}

/**
 * Compiles a find-and-replace, or throws a RedlineError('bad_input') saying what is wrong with it: an empty
 * find, an invalid regular expression, one that can match empty text, or a replacement naming a group the
 * expression lacks.
 */
export function compileReplace(options: FindReplaceOptions): Replacer {
  const pattern = compilePattern(options);
  const replacement = typeof options.replace === 'string' ? options.replace : '';
  const parts: Part[] = options.regex
    ? parseTemplate(replacement, groupsOf(pattern))
    : [{ kind: 'text', text: replacement }];

  function* matches(text: string): Generator<RegExpExecArray> {
    for (const match of text.matchAll(pattern)) {
      // matchAll steps over an empty match, so nothing loops; but replacing "nothing" is never meant.
      if (match[0] === '') throw emptyMatchError();
      yield match as RegExpExecArray;
    }
  }

  function expand(match: RegExpExecArray, text: string): string {
    let out = '';
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          out += part.text;
          break;
        case 'group':
          out += match[part.index] ?? '';
          break;
        case 'named':
          out += match.groups?.[part.name] ?? '';
          break;
        case 'before':
          out += text.slice(0, match.index);
          break;
        case 'after':
          out += text.slice(match.index + match[0].length);
          break;
      }
    }
    return out;
  }

  return {
    count(text) {
      let n = 0;
      for (const _ of matches(text)) n++;
      return n;
    },
    ranges(text) {
      return Array.from(matches(text), (m) => ({ start: m.index, end: m.index + m[0].length }));
    },
    replace(text) {
      let out = '';
      let last = 0;
      let found = false;
      for (const match of matches(text)) {
        found = true;
        out += text.slice(last, match.index) + expand(match, text);
        last = match.index + match[0].length;
      }
      if (!found) return null;
      out += text.slice(last);
      return out === text ? null : out;
    },
  };
}

/** The text with every match replaced, or null when nothing matches (or the replacement changes nothing). */
export function planReplace(text: string, options: FindReplaceOptions): string | null {
  return compileReplace(options).replace(text);
}

/** How many times `find` matches the text (the replacement is not looked at). */
export function countMatches(text: string, options: FindOptions): number {
  return compileReplace({ ...options, replace: '' }).count(text);
}
