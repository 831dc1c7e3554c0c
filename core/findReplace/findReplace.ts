import type { RE2JS } from 're2js';
import { hasTag, tagsIn } from '../formats/types';
import { RedlineError } from '../model/errors';
import { compileRe2, quoteLiteral, translateUserRegex } from './userRegex';

/** What the editor asked to find, and how. */
export interface FindOptions {
  find: string;
  /**
   * Treat `find` as a regular expression rather than literal text: JavaScript syntax as RE2 has it (see
   * userRegex: linear time, so no backreferences or lookahead).
   */
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
  /**
   * The text with every match replaced, or null when nothing matches or the text would not change. A match whose
   * replacement would not hold the very tags it held, in order, is left as it is: tags are the file's formatting,
   * which a replace never deletes, copies ($` or $') or brings in. `tally`, if given, counts the matches left.
   */
  replace(text: string, tally?: ReplaceTally): string | null;
}

/** The matches replace() left, and why: counted by the caller's pass, for what it says when nothing changes. */
export interface ReplaceTally {
  /** Their replacement would remove, copy or bring in a tag. */
  keptForTags: number;
  /** They already read as their replacement (`Almaty` for `almaty` → `Almaty`, case-insensitive). */
  unchanged: number;
}

/** A letter, a combining mark or a digit, in any script: what "inside a longer word" means. */
const WORD_CHAR_CLASS = '[\\p{L}\\p{M}\\p{N}]';
const WORD_CHAR = new RegExp(WORD_CHAR_CLASS, 'u');
/** Nothing of a word just before (RE2 has captureless lookbehind, in linear time). */
const NOT_AFTER_WORD = `(?<!${WORD_CHAR_CLASS})`;
/**
 * Nothing of a word just after. RE2 has no lookahead, so the end of the text or one non-word character is
 * matched in a last group of its own, which is not part of the match (see `endGroup`).
 */
const NOT_BEFORE_WORD = `($|[^\\p{L}\\p{M}\\p{N}])`;

/** Texts tried on a new pattern to catch one that can match nothing at all (`^`, `\b`, `x*`, `(?<=a)` …). */
const EMPTY_MATCH_PROBES = ['', 'a', 'A a', 'a1 b', '0', ' ', '. ,', 'a\nb', 'É é'];

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

/** One match: where it is, and its groups (index 0 is the whole match; null for a group that took no part). */
interface Found {
  start: number;
  end: number;
  group(index: number): string | null;
  named(name: string): string | null;
}

/** A pattern ready to run: the RE2 program, and how to read a match of it. */
interface Compiled {
  re: RE2JS;
  /** The group that bounds the end of a whole-word match from outside it (not part of the match), or 0. */
  endGroup: number;
  groups: Groups;
}

/** Every match of a compiled pattern in a text, left to right, without overlaps. */
function* run({ re, endGroup }: Compiled, text: string): Generator<Found> {
  const matcher = re.matcher(text);
  const names = re.namedGroups();
  let from = 0;
  while (from <= text.length && matcher.find(from)) {
    const start = matcher.start();
    const end = endGroup ? matcher.start(endGroup) : matcher.end();
    if (end === start) throw emptyMatchError();
    const whole = text.slice(start, end);
    yield {
      start,
      end,
      group: (index) => (index === 0 ? whole : matcher.group(index)),
      named: (name) => (names[name] === undefined ? null : matcher.group(names[name])),
    };
    from = end;
  }
}

function canMatchEmpty(re: RE2JS): boolean {
  return EMPTY_MATCH_PROBES.some((probe) => {
    const matcher = re.matcher(probe);
    let from = 0;
    while (from <= probe.length && matcher.find(from)) {
      if (matcher.end() === matcher.start()) return true;
      from = matcher.end();
    }
    return false;
  });
}

function compilePattern(options: FindOptions): Compiled {
  if (typeof options.find !== 'string' || options.find === '') {
    throw new RedlineError(
      'bad_input',
      'There is nothing to find: type the text (or the regular expression) to look for.',
    );
  }
  let body: string;
  // Whole word bounds the ends of the find that can touch a word: both ends of a regular expression, and
  // only the ends of a literal that are word characters ("-Ata" may follow a letter).
  let boundStart = options.wholeWord;
  let boundEnd = options.wholeWord;
  if (options.regex) {
    body = translateUserRegex(options.find);
    if (canMatchEmpty(compileRe2(body, options.caseSensitive))) throw emptyMatchError();
  } else {
    body = quoteLiteral(options.find);
    const chars = Array.from(options.find);
    boundStart &&= WORD_CHAR.test(chars[0]!);
    boundEnd &&= WORD_CHAR.test(chars[chars.length - 1]!);
  }
  const source = `${boundStart ? NOT_AFTER_WORD : ''}(?:${body})${boundEnd ? NOT_BEFORE_WORD : ''}`;
  const re = compileRe2(source, options.caseSensitive);
  const total = re.groupCount();
  const endGroup = boundEnd ? total : 0;
  return {
    re,
    endGroup,
    groups: { count: boundEnd ? total - 1 : total, names: new Set(Object.keys(re.namedGroups())) },
  };
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
    ? parseTemplate(replacement, pattern.groups)
    : [{ kind: 'text', text: replacement }];

  function expand(match: Found, text: string): string {
    let out = '';
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          out += part.text;
          break;
        case 'group':
          out += match.group(part.index) ?? '';
          break;
        case 'named':
          out += match.named(part.name) ?? '';
          break;
        case 'before':
          out += text.slice(0, match.start);
          break;
        case 'after':
          out += text.slice(match.end);
          break;
      }
    }
    return out;
  }

  return {
    count(text) {
      let n = 0;
      for (const _ of run(pattern, text)) n++;
      return n;
    },
    ranges(text) {
      return Array.from(run(pattern, text), (m) => ({ start: m.start, end: m.end }));
    },
    replace(text, tally) {
      const tagged = hasTag(text);
      let out = '';
      let last = 0;
      let found = false;
      for (const match of run(pattern, text)) {
        const replacement = expand(match, text);
        const matched = text.slice(match.start, match.end);
        if ((tagged || hasTag(replacement)) && tagsIn(replacement) !== tagsIn(matched)) {
          if (tally) tally.keptForTags++;
          continue;
        }
        if (replacement === matched) {
          if (tally) tally.unchanged++;
          continue;
        }
        found = true;
        out += text.slice(last, match.start) + replacement;
        last = match.end;
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
