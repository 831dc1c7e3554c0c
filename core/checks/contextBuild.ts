import { runToEnd, type Steps } from '../model/steps';
import type { DocumentContext } from './context';
import { buildNameIndexSteps, capitalTally, NOUN_CAPITALS, shareOf, tokens, type BuiltNameIndex, type Token } from './nameIndex';
import { nameStateSteps, type NameState } from './nameIndexUpdate';
import { profileOf, type PairProfile } from './pairs';
import { countScripts, dominant, type Script } from './scripts';
import { words } from './text';
import type { CheckedSentence } from './types';

/**
 * A document's check context with what it takes to patch it after a write instead of building it again
 * (contextUpdate.ts): the tally behind the capitalization share, the letters per script, how many sentences
 * have each word count (the typical length is their median, found without sorting every sentence), and the
 * names index's state. Nothing per word is kept for every sentence: a patch splits the few sentences it needs
 * again, and a book's context stays small enough to build between requests without long collector pauses.
 */
export interface ContextState {
  readonly ctx: DocumentContext;
  readonly counted: number;
  readonly capitals: number;
  readonly scripts: ReadonlyMap<Script, number>;
  /** Word count (3 or more) → sentences of that many words. */
  readonly lengths: ReadonlyMap<number, number>;
  /** What keeps the names index current (nameIndexUpdate.ts). */
  readonly names: NameState;
}

/** Sentences a build step takes before a caller with an event loop may answer something else. */
const SLICE = 250;

/** The median of the values a tally counts: what `median` gives on the values themselves. */
export function medianOfTally(tally: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const n of tally.values()) total += n;
  if (total === 0) return 0;
  const keys = [...tally.keys()].sort((a, b) => a - b);
  const nth = (k: number): number => {
    let seen = 0;
    for (const key of keys) {
      seen += tally.get(key)!;
      if (k < seen) return key;
    }
    return keys[keys.length - 1]!;
  };
  const middle = total >> 1;
  return total % 2 === 1 ? nth(middle) : (nth(middle - 1) + nth(middle)) / 2;
}

/** Languages that capitalize every noun: a capital does not make a name there. */
const capitalizesNouns = (language: string | null): boolean => language === 'de' || language === 'lb';

/** A context and what patching it needs, but the names state: built in one pass per sentence, then the names index. */
interface Built extends Omit<ContextState, 'names'> {
  names: BuiltNameIndex;
  strict: boolean;
  /** Each sentence's capitalized tokens (the names index needs no others), until the names state is built. */
  capitalizedTokens: ReadonlyArray<readonly Token[]>;
}

const NO_TOKENS: readonly Token[] = Object.freeze([]);

function* buildSteps(given: readonly CheckedSentence[], language: string | null): Steps<void, Built> {
  const n = given.length;
  const sentences: CheckedSentence[] = new Array(n);
  const texts: string[] = new Array(n);
  const paragraphMembers: number[][] = new Array(n);
  const profiles: PairProfile[] = new Array(n);
  const lowProfiles: PairProfile[] = new Array(n);
  const tokenized: Array<readonly Token[]> = new Array(n);
  const scripts = new Map<Script, number>();
  const lengths = new Map<number, number>();
  let counted = 0;
  let capitals = 0;
  let current: number[] = [];
  for (let i = 0; i < n; i++) {
    // The context's own copy, of the sentence's fields only (a caller may hand in its stored rows).
    const { paragraph, text, source, taggedMt } = given[i]!;
    const sentence: CheckedSentence = source === undefined ? { paragraph, text } : { paragraph, text, source };
    if (taggedMt !== undefined) sentence.taggedMt = taggedMt;
    sentences[i] = sentence;
    texts[i] = text;
    if (i === 0 || sentence.paragraph !== sentences[i - 1]!.paragraph) current = [];
    current.push(i);
    paragraphMembers[i] = current;
    const own = words(text);
    if (own.length >= 3) lengths.set(own.length, (lengths.get(own.length) ?? 0) + 1);
    profiles[i] = profileOf(text, false);
    lowProfiles[i] = profileOf(text, true);
    const sentenceTokens = tokens(text, own);
    const capitalized = sentenceTokens.filter((token) => token.capitalized);
    tokenized[i] = capitalized.length > 0 ? capitalized : NO_TOKENS;
    const tally = capitalTally(sentenceTokens);
    counted += tally.counted;
    capitals += tally.capitals;
    countScripts(text, scripts);
    if (i % SLICE === SLICE - 1) yield;
  }
  // Known from the document's language, or else guessed from how many words it capitalizes.
  const strict = capitalizesNouns(language) || shareOf(counted, capitals) > NOUN_CAPITALS;
  const names = yield* buildNameIndexSteps(texts, tokenized, strict);
  const ctx: DocumentContext = {
    sentences,
    paragraphMembers,
    profiles,
    lowProfiles,
    names: names.index,
    typicalWords: medianOfTally(lengths),
    script: dominant(scripts) ?? 'Latin',
    language,
  };
  return { ctx, counted, capitals, scripts, lengths, names, strict, capitalizedTokens: tokenized };
}

/**
 * Builds a document's context state a slice at a time: every yield ends a slice (of sentences, or of spelling
 * comparisons in the names index), so the app can build it between requests and the first save after opening
 * a book finds it ready instead of building it on the request path. One pass per sentence does the words,
 * quotation balance, name tokens, capitals, scripts and lengths; the names index and its state follow.
 */
export function* contextStateSteps(sentences: readonly CheckedSentence[], language: string | null = null): Steps<void, ContextState> {
  const built = yield* buildSteps(sentences, language);
  const names = yield* nameStateSteps(built.names, built.capitalizedTokens, built.strict);
  const { ctx, counted, capitals, scripts, lengths } = built;
  return { ctx, counted, capitals, scripts, lengths, names };
}

/** A document's context state, built at once. */
export const contextState = (sentences: readonly CheckedSentence[], language: string | null = null): ContextState =>
  runToEnd(contextStateSteps(sentences, language));

/** A document's check context (without what patching it needs), built at once from its stored texts. */
export const buildContext = (sentences: readonly CheckedSentence[], language: string | null = null): DocumentContext =>
  runToEnd(buildSteps(sentences, language)).ctx;
