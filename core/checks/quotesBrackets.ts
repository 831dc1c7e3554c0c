import { neighbourBalance, nextInParagraph, nextParagraphOpensQuote, paragraphBalance, usesLowQuotes, type SentenceCheck } from './context';
import { profileOf, straightQuotes, unmatchedEvents, type PairKind } from './pairs';
import { startsWithCloser } from './paragraphFacts';
import { isLetterOrDigit, isSpace, makeFlag, quoted, shownBefore, type Finding } from './text';

/**
 * Quotation marks and brackets that do not pair up within the paragraph, and curly quotes that face the wrong
 * way. A quotation may open in one sentence and close in a later one of its paragraph (dialogue); by English
 * convention it may also run on into the next paragraph when that one opens with a quotation mark again.
 */

const CLOSER_OF: Record<PairKind, string> = { double: '”', guillemet: '»', paren: ')', square: ']', brace: '}' };
const OPENER_OF: Record<PairKind, string> = { double: '“', guillemet: '«', paren: '(', square: '[', brace: '{' };

const word = (kind: PairKind) => (kind === 'double' || kind === 'guillemet' ? 'quote' : 'bracket');

/** A closing quote standing where an opening one would (`, ”said`), or the reverse (`word“ and`). */
function facingFlags(text: string, low: boolean): Finding[] {
  const flags: Finding[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    const before = text[at - 1];
    const after = text[at + 1];
    const spaceBefore = before === undefined || isSpace(before);
    if (char === '”' && spaceBefore && isLetterOrDigit(after) && at > 0) {
      flags.push(makeFlag('quotes-brackets', 'major', `The closing quote ${quoted('”')} faces the wrong way: a space before it and none after`, at, at + 1, text));
    } else if (char === '“' && !low && /[\p{L}\p{N}.,!?;:]/u.test(before ?? ' ') && (after === undefined || isSpace(after) || /[.,;:!?]/u.test(after))) {
      flags.push(makeFlag('quotes-brackets', 'major', `The opening quote ${quoted('“')} after ${quoted(shownBefore(text, at))} faces the wrong way`, at, at + 1, text));
    }
  }
  return flags;
}

/** What the source leaves unpaired: the same imbalance in the translation mirrors it, and is no error of the MT. */
function sourceUnpaired(source: string | null): { quotes: boolean; brackets: boolean } {
  if (!source) return { quotes: false, brackets: false };
  const profile = profileOf(source, source.includes('„'));
  const open = (kind: PairKind) => profile[kind].opens + profile[kind].closes > 0;
  return { quotes: open('double') || open('guillemet') || profile.straight % 2 === 1, brackets: open('paren') || open('square') || open('brace') };
}

const QUOTE_KINDS: ReadonlySet<PairKind> = new Set(['double', 'guillemet']);

export const checkQuotesBrackets: SentenceCheck = ({ ctx, index, text, source }) => {
  const low = usesLowQuotes(ctx, index, text);
  const { before, after } = paragraphBalance(ctx, index, low);
  if (nextParagraphOpensQuote(ctx, index)) after.double.closes = Number.MAX_SAFE_INTEGER;
  // A quotation may run over a paragraph break: closed in the next paragraph, or opened in the one before.
  const previous = neighbourBalance(ctx, index, -1, low);
  const following = neighbourBalance(ctx, index, 1, low);
  for (const kind of QUOTE_KINDS as Set<'double' | 'guillemet'>) {
    if (previous) before[kind].opens += previous[kind].opens;
    if (following) after[kind].closes += following[kind].closes;
  }
  const mirrored = sourceUnpaired(source);
  const next = nextInParagraph(ctx, index);
  const nextText = next === undefined ? '' : ctx.sentences[next]!.text;
  const closer = low ? '“' : '”';
  const nextStartsWithCloser: Partial<Record<PairKind, boolean>> = { double: startsWithCloser(nextText, closer) };

  const flags = facingFlags(text, low);
  for (const { event, closedByNextSentence } of unmatchedEvents(text, low, before, after, nextStartsWithCloser)) {
    const { kind, at, char } = event;
    if (QUOTE_KINDS.has(kind) ? mirrored.quotes : mirrored.brackets) continue;
    let message: string;
    if (closedByNextSentence) {
      message = `The quotation opened by ${quoted(char)} is closed only at the start of the next sentence: its ${quoted(low ? '“' : CLOSER_OF[kind])} belongs at the end of this one`;
    } else if (event.role === 'open') {
      const isolated = (at === 0 || isSpace(text[at - 1])) && (at + 1 === text.length || isSpace(text[at + 1]));
      message = `The opening ${word(kind)} ${quoted(char)} is never closed in this paragraph` + (isolated ? ' (or it is a closing one facing the wrong way)' : '');
    } else {
      message = `The closing ${word(kind)} ${quoted(char)} has no opening ${quoted(kind === 'double' && low ? '„' : OPENER_OF[kind])} in this paragraph`;
    }
    flags.push(makeFlag('quotes-brackets', closedByNextSentence ? 'minor' : 'major', message, at, at + 1, text));
  }

  // Straight quotes open and close alike: an odd number in the paragraph leaves the last one unpaired.
  const own = straightQuotes(text);
  const neighbours = (previous?.straight ?? 0) % 2 === 1 || (following?.straight ?? 0) % 2 === 1;
  if (own.length > 0 && (before.straight + own.length + after.straight) % 2 === 1 && after.straight === 0 && !neighbours && !mirrored.quotes) {
    const at = own[own.length - 1]!;
    flags.push(makeFlag('quotes-brackets', 'major', `The straight quote ${quoted('"')} has no partner in this paragraph`, at, at + 1, text));
  }
  return flags;
};
