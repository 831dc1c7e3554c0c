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

/** The pattern of a rule: a literal, bounded by non-letters when whole-word. */
export function rulePattern({ find, wholeWord = true, caseSensitive = true }: ReplacementRule): RegExp {
  const body = escape(find);
  const bounded = wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
  return new RegExp(bounded, caseSensitive ? 'gu' : 'giu');
}

/** The text with every match of the rule replaced, or null when the rule does not apply. */
export function applyRule(text: string, rule: ReplacementRule): string | null {
  if (!rule.find) return null;
  const pattern = rulePattern(rule);
  if (!pattern.test(text)) return null;
  pattern.lastIndex = 0;
  const result = text.replace(pattern, () => rule.replace);
  return result === text ? null : result;
}
