import { hasTag } from '../formats/types';
/** A text replacement the editor made once and may want everywhere. */
export interface ReplacementRule {
  find: string;
  replace: string;
  /** Match only where `find` is not part of a longer word. Default true. */
  wholeWord?: boolean;
  /** Default true. */
  caseSensitive?: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const upperFirst = (text: string): string => {
  const first = text.codePointAt(0);
  if (first === undefined) return '';
  const char = String.fromCodePoint(first);
  return char.toUpperCase() + text.slice(char.length);
};

/**
 * A lower-case `find` is written with a capital where it opens a sentence (`president …` → `President …`): a
 * case-sensitive rule matches it there too, and puts its replacement in with a capital (a word deleted there
 * takes the space after it, and the next word gets the capital). Only there, and not before a capitalized word:
 * a capital inside a sentence makes another word (`President Tokayev`, `Bush`), and so does a title before a
 * name at the start (`President Tokayev arrived`).
 */
const opensSentences = ({ find, caseSensitive = true }: ReplacementRule): boolean => caseSensitive && upperFirst(find) !== find;

/** What may come before a sentence's first word: spaces, quotes, brackets, dashes, tags. */
const LEAD = '[^\\p{L}\\p{N}]*';

/** The pattern of a rule: a literal, bounded by non-letters when whole-word. */
export function rulePattern({ find, wholeWord = true, caseSensitive = true }: ReplacementRule): RegExp {
  const body = escape(find);
  const bounded = wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
  return new RegExp(bounded, caseSensitive ? 'gu' : 'giu');
}

/** The capitalized `find` where it opens the text (`lead` before it, `gap` the spaces after it on its line), not before a name. */
const openingPattern = ({ find, wholeWord = true }: ReplacementRule): RegExp =>
  new RegExp(`^(?<lead>${LEAD})${escape(upperFirst(find))}${wholeWord ? '(?![\\p{L}\\p{N}])' : ''}(?=(?<gap>[^\\S\\r\\n]*))\\k<gap>(?!\\p{Lu})`, 'u');

/**
 * A deletion: each match goes with the space on one side of it, so `is very good` becomes `is good`, not `is  good`
 * (and `was very.` becomes `was.`).
 */
function deleting(text: string, rule: ReplacementRule): string {
  const { source, flags } = rulePattern(rule);
  return text.replace(new RegExp(`(?<before>[^\\S\\r\\n]?)(?:${source})(?<after>[^\\S\\r\\n]?)`, flags), (...args) => {
    const { before = '', after = '' } = args.at(-1) as { before?: string; after?: string };
    return before !== '' && after !== '' ? before : '';
  });
}

/** The text with every match of the rule replaced, or null when the rule does not apply. */
export function applyRule(text: string, rule: ReplacementRule): string | null {
  // A rule holding a tag (one stored or imported before rules were kept free of them) would take other sentences'
  // own tags, which are numbered per sentence: it never applies.
  if (!rule.find || hasTag(rule.find) || hasTag(rule.replace)) return null;
  const replaceRest = (rest: string) => (rule.replace === '' ? deleting(rest, rule) : rest.replace(rulePattern(rule), () => rule.replace));
  const opening = opensSentences(rule) ? openingPattern(rule).exec(text) : null;
  let result: string;
  if (opening) {
    const { lead = '', gap = '' } = opening.groups ?? {};
    const rest = replaceRest(text.slice(opening[0].length));
    // A replacement cased on purpose (`iPhone`) stays as it is.
    const cased = /\p{Lu}/u.test(rule.replace.split(/\s/u)[0] ?? '') ? rule.replace : upperFirst(rule.replace);
    result = cased === '' ? lead + upperFirst(rest) : lead + cased + gap + rest;
  } else {
    result = replaceRest(text);
  }
  return result === text ? null : result;
}
