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
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return first.toUpperCase() + text.slice(first.length);
};

/**
 * A lower-case `find` is written with a capital where it opens a sentence (`president …` → `President …`): a
 * case-sensitive rule matches it there too, and puts its replacement in with a capital. Only there: a capital
 * inside a sentence makes another word (`President Tokayev`, `Bush`).
 */
const opensSentences = ({ find, caseSensitive = true }: ReplacementRule): boolean => caseSensitive && upperFirst(find) !== find;

/** What may come before a sentence's first word: spaces, quotes, brackets, dashes, tags. */
const LEAD = '[^\\p{L}\\p{N}]*';

/**
 * The pattern of a rule: a literal, bounded by non-letters when whole-word. A lower-case case-sensitive rule
 * also matches its capitalized form at the text's start (group `lead` holds what comes before it).
 */
export function rulePattern(rule: ReplacementRule): RegExp {
  const { find, wholeWord = true, caseSensitive = true } = rule;
  const after = wholeWord ? '(?![\\p{L}\\p{N}])' : '';
  const bounded = wholeWord ? `(?<![\\p{L}\\p{N}])${escape(find)}${after}` : escape(find);
  const opening = opensSentences(rule) ? `^(?<lead>${LEAD})${escape(upperFirst(find))}${after}|` : '';
  return new RegExp(`${opening}${bounded}`, caseSensitive ? 'gu' : 'giu');
}

/** The text with every match of the rule replaced, or null when the rule does not apply. */
export function applyRule(text: string, rule: ReplacementRule): string | null {
  if (!rule.find) return null;
  const pattern = rulePattern(rule);
  if (!pattern.test(text)) return null;
  pattern.lastIndex = 0;
  // A replacement cased on purpose (`iPhone`) stays as it is.
  const capitalized = /\p{Lu}/u.test(rule.replace.split(/\s/u)[0] ?? '') ? rule.replace : upperFirst(rule.replace);
  const result = text.replace(pattern, (...args) => {
    const lead = (args.at(-1) as { lead?: string } | undefined)?.lead;
    return lead === undefined ? rule.replace : lead + capitalized;
  });
  return result === text ? null : result;
}
