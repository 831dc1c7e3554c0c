import type { DocumentContext } from './context';
import { combine, emptyProfile, PAIR_KINDS, profileOf, type PairProfile } from './pairs';
import { DASHES } from './text';

/**
 * What the checks of a sentence ask of the rest of its paragraph — the quotation balance before and after it,
 * whether the paragraph holds „, is dialogue, or uses a language's own quotation marks — answered from facts
 * gathered once per paragraph instead of by reading every other sentence for each one. A paragraph of p
 * sentences is then checked in O(p), not O(p²): plain text with a long run of lines and no blank line between
 * them is one such paragraph, thousands of sentences long.
 */
export interface ParagraphFacts {
  /** The paragraph's first and last sentence (its sentences are consecutive). */
  readonly first: number;
  readonly last: number;
  /** Sentences holding „ (a paragraph with one quotes German-style). */
  readonly lowOpeners: number;
  /** Sentences holding a quotation mark or opening with a dash (the paragraph is dialogue). */
  readonly dialogue: number;
  /** Quotation mark → sentences holding it. */
  readonly marks: ReadonlyMap<string, number>;
  /** Balances before each sentence and after it, English-style and German-style (built when first asked). */
  balances(low: boolean): Balances;
}

/** `before[k]`: the combined profile of the paragraph's sentences before its k-th; `after[k]`: from its k-th on. */
export interface Balances {
  readonly before: readonly PairProfile[];
  readonly after: readonly PairProfile[];
}

/** The quotation marks of every language's conventions (languages.ts). */
const MARKS = '“”„«»';

const DASH_START = new RegExp(`^\\s*[${DASHES}-]\\s`, 'u');
export const startsWithDash = (text: string): boolean => DASH_START.test(text);
export const hasQuotationMark = (text: string): boolean => /[“”«»„"]/u.test(text);
export const holdsLowOpener = (text: string): boolean => text.includes('„');
export const isDialogue = (text: string): boolean => hasQuotationMark(text) || startsWithDash(text);
/** Opens with a quotation mark: a quotation of the paragraph before may run on into it. */
export const opensWithQuotationMark = (text: string): boolean => /^\s*[“«„"]/u.test(text);
/** Starts with `closer` and a space: the quotation the sentence before opened lost its closing quote to this one. */
export const startsWithCloser = (text: string, closer: string): boolean => text.trimStart().startsWith(`${closer} `);

const EMPTY: PairProfile = emptyProfile();
const isEmpty = (profile: PairProfile): boolean => sameBalance(profile, EMPTY);

/** A profile the caller may change. */
export const copyProfile = (profile: PairProfile): PairProfile => combine(emptyProfile(), profile);

/** The facts a sentence adds to its paragraph's counts. */
function count(facts: Gathered, text: string, sign: 1 | -1): void {
  if (holdsLowOpener(text)) facts.lowOpeners += sign;
  if (isDialogue(text)) facts.dialogue += sign;
  for (const mark of MARKS) if (text.includes(mark)) facts.marks.set(mark, (facts.marks.get(mark) ?? 0) + sign);
}

interface Gathered extends ParagraphFacts {
  lowOpeners: number;
  dialogue: number;
  readonly marks: Map<string, number>;
  /** The balances built so far, by style; dropped when a sentence's balance changes. */
  built: Partial<Record<'low' | 'high', Balances>>;
}

function gather(ctx: DocumentContext, members: readonly number[]): Gathered {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const facts: Gathered = {
    first,
    last,
    lowOpeners: 0,
    dialogue: 0,
    marks: new Map(),
    built: {},
    balances: (low) => facts.built[low ? 'low' : 'high'] ?? (facts.built[low ? 'low' : 'high'] = balancesOf(ctx, first, last, low)),
  };
  for (let i = first; i <= last; i++) count(facts, ctx.sentences[i]!.text, 1);
  return facts;
}

function balancesOf(ctx: DocumentContext, first: number, last: number, low: boolean): Balances {
  const profiles = low ? ctx.lowProfiles : ctx.profiles;
  const n = last - first + 1;
  const before: PairProfile[] = new Array(n + 1);
  const after: PairProfile[] = new Array(n + 1);
  before[0] = EMPTY;
  after[n] = EMPTY;
  // Most sentences hold no quotation mark or bracket: they share the profile before them, not a copy of it.
  for (let k = 0; k < n; k++) {
    const own = profiles[first + k]!;
    before[k + 1] = isEmpty(own) ? before[k]! : combine(before[k]!, own);
  }
  for (let k = n - 1; k >= 0; k--) {
    const own = profiles[first + k]!;
    after[k] = isEmpty(own) ? after[k + 1]! : combine(own, after[k + 1]!);
  }
  return { before, after };
}

/** Paragraphs this long keep their facts; shorter ones are gathered again when asked (it costs what asking does). */
const KEPT_FROM = 16;

/** Facts by paragraph (its members array), with the sentences and profiles they were gathered from. */
const kept = new WeakMap<readonly number[], { sentences: unknown; profiles: unknown; facts: Gathered }>();

/** The facts of the paragraph of sentence `index`, with the stored texts of all its sentences. */
export function paragraphFacts(ctx: DocumentContext, index: number): ParagraphFacts {
  const members = ctx.paragraphMembers[index]!;
  if (members.length < KEPT_FROM) return gather(ctx, members);
  const entry = kept.get(members);
  if (entry && entry.sentences === ctx.sentences && entry.profiles === ctx.profiles) return entry.facts;
  const facts = gather(ctx, members);
  kept.set(members, { sentences: ctx.sentences, profiles: ctx.profiles, facts });
  return facts;
}

const sameBalance = (a: PairProfile, b: PairProfile): boolean =>
  a.straight === b.straight && PAIR_KINDS.every((kind) => a[kind].opens === b[kind].opens && a[kind].closes === b[kind].closes);

/**
 * Sentence `index` of the context got a new text in place (contextUpdate.ts), its profiles already replaced:
 * the facts its paragraph kept follow — counts moved by the one sentence, and the balances kept while its
 * balance is the same both ways (an edit that leaves the quotation marks alone), else built again when asked.
 * A save in a paragraph of 100,000 sentences costs what it does in one of five.
 */
export function patchParagraphFacts(ctx: DocumentContext, index: number, before: { text: string; profile: PairProfile; lowProfile: PairProfile }): void {
  const entry = kept.get(ctx.paragraphMembers[index]!);
  // A copy of a context shares its paragraphs' members arrays: the facts kept may be the original's.
  if (!entry || entry.sentences !== ctx.sentences || entry.profiles !== ctx.profiles) return;
  const { facts } = entry;
  count(facts, before.text, -1);
  count(facts, ctx.sentences[index]!.text, 1);
  if (!sameBalance(before.profile, ctx.profiles[index]!)) delete facts.built.high;
  if (!sameBalance(before.lowProfile, ctx.lowProfiles[index]!)) delete facts.built.low;
}

/** How many of the paragraph's sentences other than `index` have `property`, from a count over all of them. */
export const othersWith = (ctx: DocumentContext, index: number, count: number, property: (text: string) => boolean): number =>
  count - (property(ctx.sentences[index]!.text) ? 1 : 0);

/**
 * Sentence-final punctuation at the end of a text, with the closing quotes and brackets that may follow it
 * (`… end.”`, `(see above.)`): after it a new sentence starts.
 */
const ENDS_SENTENCE = /[.!?…‽。！？][\p{Pe}\p{Pf}"'’”»›)\]}]*\s*$/u;

/**
 * Whether a sentence that follows this one in its paragraph goes on from it: it is not blank and does not end
 * a sentence (the piece of a long run cut for its length, sentenceSpans MAX_SENTENCE_LENGTH).
 */
export const runsOn = (text: string): boolean => text.trim() !== '' && !ENDS_SENTENCE.test(text);

/**
 * Everything about a sentence that the checks of the other sentences of its paragraph, and of the paragraphs
 * either side, read: its quotation balance both ways (straight quotes counted), the quotation marks it holds („
 * among them), whether it holds any — even a `"` that is an inch mark, which no balance counts — or opens with a
 * dash (either makes the paragraph dialogue), whether it opens with a quotation mark (a quotation of the
 * paragraph before may run on into it), whether it starts with a closing quote (the sentence before may have
 * lost it), and whether the next sentence runs on from it (its lower-case start is then no sentence start). A write that leaves this the same re-checks the sentence alone; one that changes it re-checks its
 * paragraph and the paragraphs either side.
 */
export function paragraphSignature(text: string): string {
  const balance = (low: boolean) => {
    const p = profileOf(text, low);
    return [p.double, p.guillemet, p.paren, p.square, p.brace].map((b) => `${b.opens}/${b.closes}`).join(',') + `,${p.straight}`;
  };
  const marks = [...MARKS].filter((mark) => text.includes(mark)).join('');
  return [
    balance(false),
    balance(true),
    marks,
    hasQuotationMark(text),
    startsWithDash(text),
    opensWithQuotationMark(text),
    startsWithCloser(text, '”'),
    startsWithCloser(text, '“'),
    runsOn(text),
  ].join('|');
}

