import type { DocumentContext } from './context';
import { combine, emptyProfile, profileOf, type PairProfile } from './pairs';
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

const isEmpty = (profile: PairProfile): boolean =>
  profile.straight === 0 &&
  profile.double.opens + profile.double.closes + profile.guillemet.opens + profile.guillemet.closes === 0 &&
  profile.paren.opens + profile.paren.closes + profile.square.opens + profile.square.closes + profile.brace.opens + profile.brace.closes === 0;

const EMPTY: PairProfile = emptyProfile();

/** A profile the caller may change. */
export const copyProfile = (profile: PairProfile): PairProfile => combine(emptyProfile(), profile);

function gather(ctx: DocumentContext, members: readonly number[]): ParagraphFacts {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  let lowOpeners = 0;
  let dialogue = 0;
  const marks = new Map<string, number>();
  for (let i = first; i <= last; i++) {
    const text = ctx.sentences[i]!.text;
    if (holdsLowOpener(text)) lowOpeners++;
    if (isDialogue(text)) dialogue++;
    for (const mark of MARKS) if (text.includes(mark)) marks.set(mark, (marks.get(mark) ?? 0) + 1);
  }
  const built: Partial<Record<'low' | 'high', Balances>> = {};
  const balances = (low: boolean): Balances => {
    const key = low ? 'low' : 'high';
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
    return (built[key] = { before, after });
  };
  return { first, last, lowOpeners, dialogue, marks, balances: (low) => built[low ? 'low' : 'high'] ?? balances(low) };
}

/** Paragraphs this long keep their facts; shorter ones are gathered again when asked (it costs what asking does). */
const KEPT_FROM = 16;

/** Facts by paragraph (its members array), with the sentences and profiles they were gathered from. */
const kept = new WeakMap<readonly number[], { sentences: unknown; profiles: unknown; facts: ParagraphFacts }>();

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

/** A sentence of the paragraph got a new text in the context itself (contextUpdate.ts): its facts are gathered again. */
export function forgetParagraphFacts(ctx: DocumentContext, index: number): void {
  kept.delete(ctx.paragraphMembers[index]!);
}

/** How many of the paragraph's sentences other than `index` have `property`, from a count over all of them. */
export const othersWith = (ctx: DocumentContext, index: number, count: number, property: (text: string) => boolean): number =>
  count - (property(ctx.sentences[index]!.text) ? 1 : 0);

/**
 * Everything about a sentence that the checks of the other sentences of its paragraph, and of the paragraphs
 * either side, read: its quotation balance both ways (straight quotes counted), the quotation marks it holds
 * („ among them), whether it opens with a dash (dialogue) or with a quotation mark (a quotation of the paragraph
 * before may run on into it), and whether it starts with a closing quote (the sentence before may have lost it). A write that leaves this the same re-checks the sentence
 * alone; one that changes it re-checks its paragraph and the paragraphs either side.
 */
export function paragraphSignature(text: string): string {
  const balance = (low: boolean) => {
    const p = profileOf(text, low);
    return [p.double, p.guillemet, p.paren, p.square, p.brace].map((b) => `${b.opens}/${b.closes}`).join(',') + `,${p.straight}`;
  };
  const marks = [...MARKS].filter((mark) => text.includes(mark)).join('');
  const start = text.trimStart();
  return [
    balance(false),
    balance(true),
    marks,
    startsWithDash(text),
    /^\s*[“«„"]/u.test(text),
    start.startsWith('” '),
    start.startsWith('“ '),
  ].join('|');
}

