import { SAME_WORD, withoutSameWordRepeats } from './sameWord';
import { contextOf, inputFor, type DocumentContext, type SentenceInput } from './context';
import { checkHiddenText } from './hiddenText';
import { checkJoinedSentences } from './joinedSentences';
import { checkLeakedText } from './leakedText';
import { checkLostAttribution } from './lostAttribution';
import { checkMisplacedQuotes } from './misplacedQuotes';
import { checkMixedScript } from './mixedScript';
import { checkNameVariants } from './nameVariants';
import { checkOrphanedPunctuation } from './orphanedPunctuation';
import { checkQuotesBrackets } from './quotesBrackets';
import { checkRepeatedWords } from './repeatedWords';
import { checkRepetitionLoop } from './repetitionLoop';
import { checkResumptivePronoun } from './resumptivePronoun';
import { checkSourceMismatch } from './sourceMismatch';
import { checkSpacing } from './spacing';
import { checkTerminology } from './terminology';
import { checkConventions } from './conventions';
import { checkSpelling } from './spelling';
import { checkUntranslated } from './untranslated';
import { checkTags } from './tags';
import { flagOf, type Finding } from './text';
import { CHECK_IDS, type CheckId, type CheckInfo, type CheckOptions, type CheckedSentence, type Flag } from './types';

export * from './types';

/** What the UI shows about each check, in CHECK_IDS order. */
export const CHECKS: readonly CheckInfo[] = [
  {
    id: 'spacing',
    title: 'Spacing',
    description: 'Spaces before punctuation or inside quotation marks, doubled spaces, and missing spaces (“end.Next”, “a,b”).',
    mechanical: true,
  },
  {
    id: 'orphaned-punctuation',
    title: 'Orphaned punctuation',
    description: 'Punctuation left behind: “. ,” pairs, sentences that start with punctuation or are nothing but punctuation.',
    mechanical: true,
  },
  {
    id: 'quotes-brackets',
    title: 'Quotes and brackets',
    description: 'Quotation marks and brackets that do not pair up within the paragraph, or face the wrong way.',
    mechanical: false,
  },
  {
    id: 'repeated-words',
    title: 'Repeated words',
    description: 'A word or short phrase written twice in a row (“the the”, “in the in the”), and MT caught in a loop (“Bern, Bern, Bern, …”).',
    mechanical: true,
  },
  {
    id: 'resumptive-pronoun',
    title: 'Duplicated subject',
    description: 'A subject repeated by a pronoun after an adverbial (“Tokayev on Monday, he said …”).',
    mechanical: false,
  },
  {
    id: 'leaked-text',
    title: 'Leaked text',
    description: 'Metadata, markup, placeholders, IDs or mis-decoded characters in the text, and sentences starting in lower case.',
    mechanical: true,
  },
  {
    id: 'joined-sentences',
    title: 'Joined sentences',
    description: 'Two sentences run together at an ellipsis or a missing full stop, and sentences far longer than the rest.',
    mechanical: false,
  },
  {
    id: 'lost-attribution',
    title: 'Lost attribution',
    description: 'An attribution (“said Tokayev”) cut off from its quotation, whose quotation marks or dialogue dash were lost.',
    mechanical: false,
  },
  {
    id: 'mixed-script',
    title: 'Mixed scripts',
    description: 'Untranslated words in another alphabet, and look-alike letters of another alphabet inside a word.',
    mechanical: false,
  },
  {
    id: 'name-variants',
    title: 'Name variants',
    description: 'A name spelled two ways in the document (“Alma-Ata” / “Almaty”); the fix uses the more frequent spelling.',
    mechanical: true,
  },
  {
    id: 'terminology',
    title: 'Terminology',
    description: 'Terms the glossary forbids; the fix uses the preferred term.',
    mechanical: true,
  },
  {
    id: 'source-mismatch',
    title: 'Source mismatch',
    description: 'Numbers (also 万, 亿), dates, links, final punctuation, quotes and brackets that differ from the source, and translations much shorter or longer than it.',
    mechanical: false,
  },
  {
    id: 'conventions',
    title: 'Target-language conventions',
    description: 'Quotation marks, spacing before ; : ! ?, decimal marks and dashes as the target language writes them (“ ” / „ “ / « »).',
    mechanical: true,
  },
  {
    id: 'spelling',
    title: 'Spelling',
    description: 'Words the target language’s dictionary does not know (not those of the source, the glossary, the document’s names or your word list).',
    mechanical: false,
  },
  {
    id: 'untranslated',
    title: 'Untranslated text',
    description: 'Stretches left in the source language: words copied from the source that the target language does not have, and phrases its dictionary knows and the target’s does not.',
    mechanical: false,
  },
  {
    id: 'hidden-text',
    title: 'Hidden characters',
    description: 'Invisible characters: bidirectional overrides and isolates that reorder how a sentence displays, zero-width spaces; the fix removes them.',
    mechanical: true,
  },
  {
    id: 'tags',
    title: 'Tags',
    description: 'Inline tags (formatting, markup, placeholders) of the MT missing, twice or foreign to the sentence, or in another order; the fix puts missing tags back where the words around them are unchanged.',
    mechanical: true,
  },
];

/** A check of one sentence; the options reach those that need more than the sentence's input (a second dictionary). */
type Runner = (input: SentenceInput, options: CheckOptions) => Finding[];

const RUNNERS: Record<CheckId, Runner> = {
  spacing: checkSpacing,
  'orphaned-punctuation': checkOrphanedPunctuation,
  'quotes-brackets': (input) => [...checkQuotesBrackets(input), ...checkMisplacedQuotes(input)],
  'repeated-words': (input) => {
    const loops = checkRepetitionLoop(input);
    return [...checkRepeatedWords(input, loops), ...loops];
  },
  'resumptive-pronoun': checkResumptivePronoun,
  'leaked-text': checkLeakedText,
  'joined-sentences': checkJoinedSentences,
  'lost-attribution': checkLostAttribution,
  'mixed-script': checkMixedScript,
  'name-variants': checkNameVariants,
  terminology: checkTerminology,
  'source-mismatch': checkSourceMismatch,
  'hidden-text': checkHiddenText,
  conventions: checkConventions,
  spelling: checkSpelling,
  untranslated: checkUntranslated,
  tags: checkTags,
};

const ORDER = new Map<CheckId, number>(CHECK_IDS.map((id, k) => [id, k]));

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || ORDER.get(a.check)! - ORDER.get(b.check)!;

function enabledChecks(options: CheckOptions): CheckId[] {
  const disabled = new Set(options.disabled ?? []);
  return CHECK_IDS.filter((id) => !disabled.has(id) && options.settings?.[id]?.enabled !== false);
}

/**
 * Flags of one check a sentence keeps at most, the first by position. Each fix holds the whole sentence, so a
 * flag per problem of a line with thousands (double spaces, zero-width spaces, tags) stored flags quadratic in
 * its length; the checks return edits, and only the fixes of the flags kept are written out. Those with a fix
 * are kept first, so fix all (which checks again after each fix) still reaches the problems past the bound.
 */
export const MAX_FLAGS_PER_CHECK = 20;

const fixableFirst = (a: Finding, b: Finding): number => Number(a.edit === undefined) - Number(b.edit === undefined) || byPosition(a, b);

function run(ctx: DocumentContext, index: number, text: string, options: CheckOptions, checks: readonly CheckId[]): Flag[] {
  const input = inputFor(ctx, index, text, options);
  const flags: Flag[] = [];
  for (const id of checks) {
    const severity = options.settings?.[id]?.severity;
    let found = RUNNERS[id](input, options);
    if (found.length > MAX_FLAGS_PER_CHECK) found = found.sort(fixableFirst).slice(0, MAX_FLAGS_PER_CHECK);
    for (const finding of found) {
      const flag = flagOf(finding, text);
      flags.push(severity ? { ...flag, severity } : flag);
    }
  }
  return withoutSameWordRepeats(flags, (flag) => shownByDefault(flag, options)).sort(byPosition);
}

const contextFor = (sentences: readonly CheckedSentence[], options: CheckOptions): DocumentContext =>
  contextOf(sentences, options.languages?.target ?? null);

/** Whether the default view shows a flag: the sure ones, and the possible ones of kinds set to show them. */
export const shownByDefault = (flag: Flag, options: CheckOptions = {}): boolean =>
  flag.confidence === 'sure' || options.settings?.[flag.check]?.showPossible === true;

function assertIndex(sentences: readonly CheckedSentence[], index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= sentences.length) {
    throw new RangeError(`There is no sentence ${index} in a document of ${sentences.length}.`);
  }
}

/** The flags of every sentence, in a parallel array, each sorted by position. */
export function checkDocument(sentences: readonly CheckedSentence[], options: CheckOptions = {}): Flag[][] {
  if (sentences.length === 0) return [];
  const ctx = contextFor(sentences, options);
  const checks = enabledChecks(options);
  return sentences.map((sentence, index) => run(ctx, index, sentence.text, options, checks));
}

/**
 * The flags of sentence `index` as if its text were `text` (the editor is typing), in the context of the rest
 * of the document. The document's context is built once and reused, so a call checks only this one sentence;
 * document-wide facts (how names are spelled) come from the stored texts.
 */
export function checkSentence(sentences: readonly CheckedSentence[], index: number, text: string, options: CheckOptions = {}): Flag[] {
  assertIndex(sentences, index);
  return run(contextFor(sentences, options), index, text, options, enabledChecks(options));
}

/**
 * Sentence `index` with every fixable flag of `check` fixed: one fix at a time, checking again after each, as
 * a fix may move or resolve the others. Null when there is nothing to fix (or the check is disabled).
 */
export function fixSentence(
  sentences: readonly CheckedSentence[],
  index: number,
  check: CheckId,
  options: CheckOptions = {},
  /** Flags left as they are (those the editor ignored), given the text as it is at that fix. */
  skip: (flag: Flag, text: string) => boolean = () => false,
): string | null {
  assertIndex(sentences, index);
  if (!enabledChecks(options).includes(check)) return null;
  const ctx = contextFor(sentences, options);
  const original = sentences[index]!.text;
  let text = original;
  const rivals = SAME_WORD.includes(check) ? enabledChecks(options).filter((id) => SAME_WORD.includes(id)) : [check];
  // Every fix makes progress (most shorten the text); the bound is a guard, far above what real sentences need.
  const limit = 2 * text.length + 32;
  for (let step = 0; step < limit; step++) {
    // A word-form check runs with its rivals, so a word another check's flag stands for (as the panel shows it)
    // is not fixed by this one behind it.
    const fixable = run(ctx, index, text, options, rivals).find((flag) => flag.check === check && flag.fix !== undefined && !skip(flag, text));
    if (!fixable) break;
    text = fixable.fix!;
  }
  return text === original ? null : text;
}
