import { buildContext } from './contextBuild';
import type { NameIndex } from './nameIndex';
import type { Script } from './scripts';
import { pairEvents, type PairProfile } from './pairs';
import { copyProfile, holdsLowOpener, isDialogue, opensWithQuotationMark, othersWith, paragraphFacts } from './paragraphFacts';
import { words, type Finding, type Word } from './text';
import { languageOf } from './languages';
import type { CheckedSentence, CheckOptions, GlossaryTerm, Languages, Speller } from './types';

/**
 * What the checks of one sentence need to know about the rest of its document, built once per document from
 * the stored texts: the paragraphs, the quotation balance of every sentence, the names and how each is spelled,
 * the typical sentence length. While the editor types, only the sentence in hand is checked again.
 */
export interface DocumentContext {
  readonly sentences: readonly CheckedSentence[];
  /** Index → indices of the sentences of its paragraph, in order. */
  readonly paragraphMembers: ReadonlyArray<readonly number[]>;
  /** Quotation and bracket balance of every sentence, English-style and German-style („…“). */
  readonly profiles: readonly PairProfile[];
  readonly lowProfiles: readonly PairProfile[];
  readonly names: NameIndex;
  /** Median words per sentence, over sentences of three words or more. */
  readonly typicalWords: number;
  /** The alphabet most of the document's letters belong to. */
  readonly script: Script;
  /** The target language the context was built for (its primary subtag), null when not known. */
  readonly language: string | null;
}

/** A compiled glossary entry: each forbidden variant as a whole-word pattern. */
export interface CompiledTerm {
  preferred: string;
  note?: string;
  /** The preferred term, matched case-insensitively: a variant found inside it is not a violation. */
  preferredPattern: RegExp;
  variants: Array<{ text: string; pattern: RegExp; caseSensitive: boolean; fixable: boolean }>;
}

/** Everything a check of one sentence gets. */
export interface SentenceInput {
  ctx: DocumentContext;
  index: number;
  /** The sentence's text as the editor has it now (may differ from the stored one). */
  text: string;
  /** The words of `text`, split once for all the checks. */
  readonly words: readonly Word[];
  source: string | null;
  glossary: readonly CompiledTerm[];
  /** Primary language subtags (`en`, `de`), null when not known. */
  languages: Languages;
  speller: Speller | undefined;
  knownWords: ReadonlySet<string>;
}

export type SentenceCheck = (input: SentenceInput) => Finding[];

// --- Memoized per document -----------------------------------------------------------------------------

let byArray = new WeakMap<readonly CheckedSentence[], DocumentContext>();
/** The last few contexts, found again when a caller rebuilds an equal array for every keystroke. */
const recent: DocumentContext[] = [];
const RECENT = 4;

function sameContent(a: readonly CheckedSentence[], b: readonly CheckedSentence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.text !== y.text || x.paragraph !== y.paragraph || (x.source ?? null) !== (y.source ?? null) || x.taggedMt !== y.taggedMt) return false;
  }
  return true;
}

/**
 * The context of a document, built once per sentences array (and reused for an equal array). An array changed
 * in place is noticed and rebuilt, so a stale context is never used.
 */
export function contextOf(sentences: readonly CheckedSentence[], target: string | null = null): DocumentContext {
  const language = languageOf(target);
  const cached = byArray.get(sentences);
  // A context's own sentences array changes only with the context (a patch in place): it is current as it is,
  // without comparing every sentence. A caller's array may have changed in place: that is compared.
  if (cached && cached.language === language && (cached.sentences === sentences || sameContent(cached.sentences, sentences))) {
    return cached;
  }
  let ctx = recent.find((c) => c.language === language && sameContent(c.sentences, sentences));
  if (!ctx) {
    ctx = buildContext(sentences, language);
    recent.unshift(ctx);
    if (recent.length > RECENT) recent.pop();
  }
  byArray.set(sentences, ctx);
  return ctx;
}

/** Remembers a context built elsewhere (patched after a write) for its own sentences array. */
export function rememberContext(ctx: DocumentContext): void {
  byArray.set(ctx.sentences, ctx);
}

/** Forgets every memoized context, so the next call builds afresh (for benchmarks that time the whole work). */
export function forgetContexts(): void {
  recent.length = 0;
  byArray = new WeakMap();
}

// --- Paragraph questions, with the sentence in hand as the editor has it -------------------------------------

/**
 * A function giving the number of double quotations open at a position of `text`, counting those the
 * paragraph's earlier sentences left open.
 */
export function quoteDepth(ctx: DocumentContext, index: number, text: string): (at: number) => number {
  const low = usesLowQuotes(ctx, index, text);
  const outside = paragraphBalance(ctx, index, low).before.double.opens;
  const events = pairEvents(text, low).filter((event) => event.kind === 'double');
  // The depth after each event, found by a binary search: a sentence of thousands of quotation marks asks at each.
  const depths = [outside];
  for (const event of events) depths.push(event.role === 'open' ? depths[depths.length - 1]! + 1 : Math.max(0, depths[depths.length - 1]! - 1));
  return (at) => {
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (events[middle]!.at < at) low = middle + 1;
      else high = middle;
    }
    return depths[low]!;
  };
}

/** The paragraph quotes German-style: „ opens and “ closes. */
export function usesLowQuotes(ctx: DocumentContext, index: number, text: string): boolean {
  if (LOW_QUOTE_LANGUAGES.has(ctx.language ?? '') || holdsLowOpener(text)) return true;
  if (othersWith(ctx, index, paragraphFacts(ctx, index).lowOpeners, holdsLowOpener) > 0) return true;
  // A quotation opened with „ may close in the next paragraph.
  const first = ctx.paragraphMembers[index]![0]!;
  return first > 0 && paragraphFacts(ctx, first - 1).lowOpeners > 0;
}

/** Languages whose quotations open low (German „…“), whatever a paragraph holds. */
const LOW_QUOTE_LANGUAGES = new Set(['de', 'cs', 'sk', 'lt', 'lb']);

/** The paragraph, with `text` in the place of `index`, is dialogue: it holds a quotation mark or a line opening with a dash. */
export const paragraphIsDialogue = (ctx: DocumentContext, index: number, text: string): boolean =>
  isDialogue(text) || othersWith(ctx, index, paragraphFacts(ctx, index).dialogue, isDialogue) > 0;

/** Some other sentence of the paragraph holds one of `marks`. */
export function othersHoldMark(ctx: DocumentContext, index: number, marks: ReadonlySet<string>): boolean {
  const facts = paragraphFacts(ctx, index);
  for (const mark of marks) {
    const count = facts.marks.get(mark) ?? 0;
    if (count > 0 && othersWith(ctx, index, count, (t) => t.includes(mark)) > 0) return true;
  }
  return false;
}

/** Balance of the sentences before and after `index` in its paragraph (the caller's to change). */
export function paragraphBalance(ctx: DocumentContext, index: number, low: boolean): { before: PairProfile; after: PairProfile } {
  const facts = paragraphFacts(ctx, index);
  const { before, after } = facts.balances(low);
  const k = index - facts.first;
  return { before: copyProfile(before[k]!), after: copyProfile(after[k + 1]!) };
}

/** The balance of the whole paragraph before (-1) or after (+1) the paragraph of `index`; null at either end. */
export function neighbourBalance(ctx: DocumentContext, index: number, side: -1 | 1, low: boolean): PairProfile | null {
  const members = ctx.paragraphMembers[index]!;
  const edge = side < 0 ? members[0]! - 1 : members[members.length - 1]! + 1;
  if (edge < 0 || edge >= ctx.sentences.length) return null;
  return copyProfile(paragraphFacts(ctx, edge).balances(low).after[0]!);
}

/** The sentence after `index` in its paragraph, or undefined for its last. */
export function nextInParagraph(ctx: DocumentContext, index: number): number | undefined {
  const members = ctx.paragraphMembers[index]!;
  return index < members[members.length - 1]! ? index + 1 : undefined;
}

/** The next paragraph opens with a quotation mark: a quotation may run on into it without being closed. */
export function nextParagraphOpensQuote(ctx: DocumentContext, index: number): boolean {
  const members = ctx.paragraphMembers[index]!;
  const next = ctx.sentences[members[members.length - 1]! + 1];
  return next !== undefined && opensWithQuotationMark(next.text);
}

// --- Glossary ----------------------------------------------------------------------------------------------

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** A whole-word pattern: no letter or digit may touch the term on a side where the term itself has one. */
function termPattern(term: string, caseSensitive: boolean): RegExp {
  const before = WORD_CHAR.test(term[0] ?? '') ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
  const after = WORD_CHAR.test(term[term.length - 1] ?? '') ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
  const body = escape(term).replace(/\s+/gu, '\\s+');
  return new RegExp(before + body + after, caseSensitive ? 'gu' : 'giu');
}

const compiled = new WeakMap<readonly GlossaryTerm[], CompiledTerm[]>();
/** The last glossary compiled, found again when a caller rebuilds an equal glossary for every call. */
let lastGlossary: { glossary: readonly GlossaryTerm[]; result: CompiledTerm[] } | undefined;

const sameGlossary = (a: readonly GlossaryTerm[], b: readonly GlossaryTerm[]): boolean =>
  a.length === b.length &&
  a.every((x, k) => {
    const y = b[k]!;
    return x.preferred === y.preferred && x.note === y.note && x.forbidden.length === y.forbidden.length && x.forbidden.every((f, j) => f === y.forbidden[j]);
  });

/**
 * Variants that differ from the preferred term only in case (`internet` for `Internet`), or hold a capital
 * (`Alma-Ata`), are matched as written; others in any case. A variant that is another entry's preferred term
 * would make fixes undo each other: it is flagged but not fixed.
 */
export function compileGlossary(glossary: readonly GlossaryTerm[] | undefined): readonly CompiledTerm[] {
  if (!glossary || glossary.length === 0) return [];
  const cached = compiled.get(glossary) ?? (lastGlossary && sameGlossary(lastGlossary.glossary, glossary) ? lastGlossary.result : undefined);
  if (cached) return cached;
  const preferredExact = new Set(glossary.map((g) => g.preferred.trim()));
  const preferredAnyCase = new Set(glossary.map((g) => g.preferred.trim().toLowerCase()));
  const result = glossary
    .filter((g) => g.preferred.trim().length > 0)
    .map((g): CompiledTerm => {
      const preferred = g.preferred.trim();
      const variants = g.forbidden
        .map((v) => v.trim())
        .filter((v) => v.length > 0 && v !== preferred && /[\p{L}\p{N}]/u.test(v))
        .map((text) => {
          const caseOnly = text.toLowerCase() === preferred.toLowerCase();
          const caseSensitive = caseOnly || text !== text.toLowerCase();
          const fixable = !preferredExact.has(text) && (caseOnly || !preferredAnyCase.has(text.toLowerCase()));
          return { text, pattern: termPattern(text, caseSensitive), caseSensitive, fixable };
        });
      const term: CompiledTerm = { preferred, preferredPattern: termPattern(preferred, false), variants };
      if (g.note) term.note = g.note;
      return term;
    });
  compiled.set(glossary, result);
  lastGlossary = { glossary: glossary.map((g) => ({ ...g, forbidden: [...g.forbidden] })), result };
  return result;
}

const NO_WORDS: ReadonlySet<string> = new Set();

export function inputFor(ctx: DocumentContext, index: number, text: string, options: CheckOptions): SentenceInput {
  let split: readonly Word[] | undefined;
  return {
    ctx,
    index,
    text,
    get words() {
      return (split ??= words(text));
    },
    source: ctx.sentences[index]!.source ?? null,
    glossary: compileGlossary(options.glossary),
    languages: { source: languageOf(options.languages?.source), target: ctx.language },
    speller: options.speller,
    knownWords: options.knownWords ?? NO_WORDS,
  };
}
