import { describe, expect, it } from 'vitest';
import { CHECK_IDS, checkDocument, fixSentence, MAX_FLAGS_PER_CHECK } from '../../../core/checks';
import { contextOf, inputFor, type SentenceCheck } from '../../../core/checks/context';
import { checkConventions } from '../../../core/checks/conventions';
import { checkHiddenText } from '../../../core/checks/hiddenText';
import { checkLeakedText } from '../../../core/checks/leakedText';
import { checkMixedScript } from '../../../core/checks/mixedScript';
import { checkOrphanedPunctuation } from '../../../core/checks/orphanedPunctuation';
import { checkQuotesBrackets } from '../../../core/checks/quotesBrackets';
import { checkSpacing } from '../../../core/checks/spacing';

/**
 * Sentences a broken MT or a binary read as text can hold, each with thousands of one kind of problem. Every
 * fix holds the whole sentence, so a flag per problem made stored flags quadratic in the sentence's length.
 */
const PATHOLOGICAL: Record<string, string> = {
  'double spaces': 'word  '.repeat(2000),
  'spaces before commas': 'word , '.repeat(2000),
  'zero-width spaces': 'ab\u200b'.repeat(4000),
  'bidirectional overrides': 'ab\u202e'.repeat(4000),
  'formatting tags': 'x <b>y</b> '.repeat(1000),
  entities: 'x &amp; '.repeat(2000),
  'straight quotes': 'He said "yes" and '.repeat(1000),
  'orphaned punctuation': 'word, . word '.repeat(1000),
  // Runs without a space, whose flags' messages once quoted the whole run.
  'stray marks without spaces': 'word.,'.repeat(2000),
  'glued commas without spaces': 'ab,'.repeat(4000),
  'quotes facing the wrong way without spaces': 'a“.'.repeat(4000),
  'a word of two alphabets': 'aа'.repeat(4000),
};

describe('a sentence with thousands of problems', () => {
  it.each(Object.entries(PATHOLOGICAL))('%s: a bounded number of flags of each kind, their size a small multiple of the text', (_, text) => {
    const flags = checkDocument([{ paragraph: 1, text }], { languages: { target: 'en' } })[0]!;
    expect(flags.length).toBeGreaterThan(0);
    const perCheck = new Map<string, number>();
    for (const flag of flags) perCheck.set(flag.check, (perCheck.get(flag.check) ?? 0) + 1);
    for (const count of perCheck.values()) expect(count).toBeLessThanOrEqual(MAX_FLAGS_PER_CHECK);
    expect(JSON.stringify(flags).length).toBeLessThan(4 * MAX_FLAGS_PER_CHECK * text.length);
  });

  // The bound is applied to what a check returns: a check that wrote out the whole fixed sentence for each of
  // thousands of problems took time and memory quadratic in the sentence's length before the bound dropped them.
  const checks: Record<string, SentenceCheck> = {
    spacing: checkSpacing,
    'orphaned-punctuation': checkOrphanedPunctuation,
    'leaked-text': checkLeakedText,
    conventions: checkConventions,
    'hidden-text': checkHiddenText,
    'quotes-brackets': checkQuotesBrackets,
    'mixed-script': checkMixedScript,
  };
  it.each(Object.entries(PATHOLOGICAL))('%s: what a check returns is linear in the text: fixes are edits, messages quote a part', (_, text) => {
    const sentences = [{ paragraph: 1, text }];
    const input = inputFor(contextOf(sentences, 'en'), 0, text, { languages: { target: 'en' } });
    for (const check of Object.values(checks)) {
      const findings = check(input);
      // A few hundred characters a flag, and the text once (a message may quote a long first word).
      expect(JSON.stringify(findings).length).toBeLessThan(400 * findings.length + 2 * text.length);
    }
  });

  // Flags spread into a call's arguments overflowed the stack past about 125,000 of them.
  it.each([
    ['opening guillemets', '« '.repeat(131_072), 'ru', 'quotes-brackets'],
    ['semicolons in French', 'a;'.repeat(131_072), 'fr', 'conventions'],
  ] as const)('checks a sentence of 131,072 %s without overflowing the stack', (_, text, target, check) => {
    const others = CHECK_IDS.filter((id) => id !== check);
    expect(checkDocument([{ paragraph: 1, text }], { languages: { target }, disabled: others })[0]).toHaveLength(MAX_FLAGS_PER_CHECK);
  });

  it('fix all still reaches the problems past the bound', () => {
    const text = 'word  '.repeat(3 * MAX_FLAGS_PER_CHECK).trim();
    expect(fixSentence([{ paragraph: 1, text }], 0, 'spacing')).toBe('word '.repeat(3 * MAX_FLAGS_PER_CHECK).trim());
  });
});
