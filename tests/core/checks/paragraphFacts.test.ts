import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckedSentence, type CheckId } from '../../../core/checks';
import {
  neighbourBalance,
  othersHoldMark,
  paragraphBalance,
  paragraphIsDialogue,
  usesLowQuotes,
  type DocumentContext,
} from '../../../core/checks/context';
import { buildContext, contextState } from '../../../core/checks/contextBuild';
import { patchInPlace } from '../../../core/checks/contextUpdate';
import { combine, emptyProfile } from '../../../core/checks/pairs';
import { hasQuotationMark, paragraphSignature, startsWithDash } from '../../../core/checks/paragraphFacts';

// Sentences made of quotation marks, brackets, dashes and plain words, so paragraphs are dialogue or not, quote
// English-, German- or French-style, and leave quotations open across sentences and paragraphs.
const plain = fc.constantFrom('He said', ' ', ' ', 'the plan', 'went home', 'yes', ', ', '. ', '!', '12');
const mark = fc.constantFrom('“', '”', '„', '«', '»', '"', '(', ')', '[', ']', '– ', '- ', '” said', '“ ');
const attribution = fc.constantFrom(', – said the minister', ' , said Ashimbaev');
const piece = fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: mark, weight: 3 }, { arbitrary: attribution, weight: 1 });
const sentenceText = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
// Paragraphs of up to 40 sentences: those of 16 and more keep their facts, shorter ones gather them when asked.
const documentOf = (sentences: number) =>
  fc
    .array(fc.array(sentenceText, { minLength: 1, maxLength: sentences, size: 'max' }), { minLength: 1, maxLength: 4 })
    .map((paragraphs): CheckedSentence[] => paragraphs.flatMap((texts, k) => texts.map((text) => ({ paragraph: k + 1, text }))));
const documentArb = documentOf(40);
const language = fc.constantFrom(null, 'en', 'de', 'fr', 'ru');

// --- What reading every sentence of the paragraph answers (the code before the facts) -----------------------

const members = (ctx: DocumentContext, index: number) => ctx.paragraphMembers[index]!;
const textsWith = (ctx: DocumentContext, index: number, text: string) =>
  members(ctx, index).map((i) => (i === index ? text : ctx.sentences[i]!.text));
const fold = (ctx: DocumentContext, indices: readonly number[], low: boolean) =>
  indices.reduce((sum, i) => combine(sum, (low ? ctx.lowProfiles : ctx.profiles)[i]!), emptyProfile());

function read(ctx: DocumentContext, index: number, text: string) {
  const own = members(ctx, index);
  const first = own[0]!;
  const last = own[own.length - 1]!;
  const low =
    ['de', 'cs', 'sk', 'lt', 'lb'].includes(ctx.language ?? '') ||
    textsWith(ctx, index, text).some((t) => t.includes('„')) ||
    (first > 0 && members(ctx, first - 1).some((i) => ctx.sentences[i]!.text.includes('„')));
  const marks = new Set(['«', '»']);
  return {
    low,
    balance: {
      before: fold(ctx, own.filter((i) => i < index), low),
      after: fold(ctx, own.filter((i) => i > index), low),
    },
    dialogue: textsWith(ctx, index, text).some((t) => hasQuotationMark(t) || startsWithDash(t)),
    othersGuillemets: own.some((i) => i !== index && [...ctx.sentences[i]!.text].some((c) => marks.has(c))),
    previous: first > 0 ? fold(ctx, members(ctx, first - 1), low) : null,
    following: last + 1 < ctx.sentences.length ? fold(ctx, members(ctx, last + 1), low) : null,
  };
}

function asked(ctx: DocumentContext, index: number, text: string) {
  const low = usesLowQuotes(ctx, index, text);
  return {
    low,
    balance: paragraphBalance(ctx, index, low),
    dialogue: paragraphIsDialogue(ctx, index, text),
    othersGuillemets: othersHoldMark(ctx, index, new Set(['«', '»'])),
    previous: neighbourBalance(ctx, index, -1, low),
    following: neighbourBalance(ctx, index, 1, low),
  };
}

describe('paragraph facts', () => {
  it('answer what reading every sentence of the paragraph answers, with the sentence in hand as typed', () => {
    fc.assert(
      fc.property(documentArb, language, fc.array(sentenceText, { minLength: 1, maxLength: 5 }), (sentences, target, typed) => {
        const ctx = buildContext(sentences, target);
        sentences.forEach((sentence, index) => {
          for (const text of [sentence.text, typed[index % typed.length]!]) expect(asked(ctx, index, text)).toEqual(read(ctx, index, text));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('follow a context patched in place: the facts a paragraph kept move with each sentence changed', () => {
    const change = fc.record({ at: fc.nat(200), text: sentenceText });
    fc.assert(
      fc.property(documentArb, language, fc.array(change, { minLength: 1, maxLength: 6 }), (sentences, target, changes) => {
        const state = contextState(sentences, target);
        // Asked once before the patch, so long paragraphs keep facts that the patch makes stale.
        sentences.forEach((sentence, index) => asked(state.ctx, index, sentence.text));
        const patch = changes.map(({ at, text }) => ({ index: at % sentences.length, text }));
        if (!patchInPlace(state, patch)) return; // refused: the caller builds afresh
        const fresh = buildContext(state.ctx.sentences, target);
        state.ctx.sentences.forEach((sentence, index) => expect(asked(state.ctx, index, sentence.text)).toEqual(asked(fresh, index, sentence.text)));
      }),
      { numRuns: 150 },
    );
  });

  // What a save relies on to re-check a written sentence alone: the checks that read the paragraph give every
  // other sentence the same flags. The checks that read the document's names and script are left out: a write
  // reaches those through the names index (dependencies.ts), whatever its paragraph.
  const NAMES_AND_SCRIPT: ReadonlySet<CheckId> = new Set(['joined-sentences', 'mixed-script', 'name-variants', 'resumptive-pronoun', 'spelling']);
  // Edits as an editor makes them (most leave the quotation marks alone), or a new text altogether.
  const EDITS: Array<(text: string) => string> = [
    (t) => `${t} and more`,
    (t) => t.replace(/plan/gu, 'idea'),
    (t) => t.replace(/yes/gu, ''),
    (t) => `Well ${t}`,
    (t) => t.replace(/ /u, '  '),
    (t) => t.replace(/“/u, '„'),
    (t) => t.replace(/["”»]$/u, ''),
    (t) => `– ${t}`,
    (t) => t.replace(/^\s*[–-]\s/u, ''),
    // A quotation mark moved to the start or the end: the balance often stays, what the next sentence or the
    // paragraph before reads of the edges does not.
    (t) => {
      const at = t.search(/[“”„«»"]/u);
      return at < 0 ? t : t[at]! + t.slice(0, at) + t.slice(at + 1);
    },
    (t) => {
      const found = [...t.matchAll(/[“”„«»"]/gu)].pop();
      return found ? t.slice(0, found.index) + t.slice(found.index + 1) + found[0] : t;
    },
    (t) => `” ${t.replace(/”/u, '')}`,
  ];
  const newText = fc.oneof(sentenceText.map((text) => () => text), fc.constantFrom(...EDITS));
  it('a new text with the same signature leaves the paragraph checks of every other sentence as they were', () => {
    let same = 0;
    let changed = 0;
    fc.assert(
      fc.property(documentOf(4), language, fc.nat(200), newText, (sentences, target, at, edit) => {
        const index = at % sentences.length;
        const text = edit(sentences[index]!.text);
        const written = sentences.map((s, i) => (i === index ? { ...s, text } : s));
        const options = { languages: { source: null, target } };
        const strip = (flags: ReturnType<typeof checkDocument>) =>
          flags.map((of, i) => (i === index ? [] : of.filter((flag) => !NAMES_AND_SCRIPT.has(flag.check))));
        const before = strip(checkDocument(sentences, options));
        const after = strip(checkDocument(written, options));
        if (paragraphSignature(sentences[index]!.text) !== paragraphSignature(text)) {
          if (JSON.stringify(before) !== JSON.stringify(after)) changed++;
          return;
        }
        same++;
        expect(after).toEqual(before);
      }),
      { numRuns: Number(process.env.CHECK_RUNS ?? 400) },
    );
    // Both kinds of write were tried, and some signature changes did change other sentences' flags.
    expect(same).toBeGreaterThan(20);
    expect(changed).toBeGreaterThan(20);
  }, 120_000);

  // Each part of the signature, shown needed: an edit that changes only that part changes other sentences' flags.
  it.each([
    ['a closing quote moved to the start of the next sentence', null, [['He said “we will come.', 'And he left. ”']], [0, 1], '” And he left.'],
    ['German: the closing “ moved to the start of the next sentence', 'de', [['Er sagte: „Wir kommen.', '“Und er ging.']], [0, 1], '“ Und er ging.'],
    ['a quotation mark moved to open the next paragraph', null, [['He said “we will come.'], ['And so “on.']], [1, 0], '“And so on.'],
    ['quotation marks paired within a sentence (German-style, they do not pair), beside a foreign «', 'en', [['He wrote «no».', 'She said “yes” to it.']], [0, 1], 'She said yes to it.'],
    ['an inch mark, which makes the paragraph dialogue though no balance counts it', null, [['The board is 12" wide.', 'We must act now , said the minister.']], [0, 0], 'The board is 12 wide.'],
    ['a dash that makes the paragraph dialogue', null, [['It is done , said Ashimbaev.', 'Even so.']], [0, 1], '– Even so.'],
    ['a full stop taken off, so the next sentence’s lower-case start runs on from it', null, [['It was late.', 'the airport closed.']], [0, 0], 'It was late'],
  ] as Array<[string, string | null, string[][], [number, number], string]>)('%s', (_what, target, paragraphs, [p, k], text) => {
    const sentences = paragraphs.flatMap((texts, n) => texts.map((t) => ({ paragraph: n + 1, text: t })));
    const index = paragraphs.slice(0, p).reduce((sum, texts) => sum + texts.length, 0) + k;
    const written = sentences.map((s, i) => (i === index ? { ...s, text } : s));
    const options = { languages: { source: null, target } };
    expect(paragraphSignature(text)).not.toBe(paragraphSignature(sentences[index]!.text));
    const others = (flags: ReturnType<typeof checkDocument>) => flags.filter((_, i) => i !== index);
    expect(others(checkDocument(written, options))).not.toEqual(others(checkDocument(sentences, options)));
  });
});
