import { quoteDepth, usesLowQuotes, type SentenceCheck } from './context';
import { substringsOf } from './suffixAutomaton';
import { insideAny, isLetterOrDigit, makeFlag, quoted, replacing, technicalSpans, tokenShownAt, tokenSpanAt, trimExcept, type Edit, type Finding } from './text';

/**
 * Spaces where English has none (before `, . ; : ! ?`, before a closing or after an opening quotation mark),
 * doubled spaces, and missing ones (`end.Next`, `word,word`, `“Mir”and`). Decimals (3.5), thousands (1,000),
 * times (10:30), abbreviations (U.S.), URLs and ellipses are left alone. Every flag has a fix.
 */

const SPACES = '[ \\t\\u00a0\\u2009\\u202f]';
// Tried only where a run of spaces starts: from inside a long run, each try read the rest of it again.
export const SPACE_BEFORE_MARK = new RegExp(`(?<!${SPACES})(${SPACES}+)([,;:!?]|\\.(?!\\.))(?=$|[\\s”’"»)\\]])`, 'gu');
const DOUBLE_SPACE = /[ \t\u00a0]{2,}/gu;
/** A stop glued to the next sentence: two lower-case letters, the stop, a capitalized word. */
const GLUED_STOP = /(?<=\p{Ll}\p{Ll})([.!?]|…)(?=\p{Lu}\p{Ll})/gu;
const GLUED_COMMA = /(?<=\p{L}),(?=\p{L})/gu;
/** `flash.net.FileReference`, `config.FileName`: a name from code, whose dots are not full stops. */
const isIdentifier = (token: string): boolean => {
  const core = trimExcept(token, /[\p{L}\p{N}_]/u);
  return (core.match(/\./gu)?.length ?? 0) > 1 || /\.\p{Lu}[\p{Ll}\p{N}]+\p{Lu}/u.test(core) || /[_()]/u.test(core);
};

/** Sentence and clause marks: a space between two of them is orphaned punctuation, not spacing. */
const MARKS = '.,;:!?…';

export const checkSpacing: SentenceCheck = ({ ctx, index, text, source, languages }) => {
  const french = languages.target === 'fr';
  const flags: Finding[] = [];
  const technical = technicalSpans(text);
  const low = usesLowQuotes(ctx, index, text);
  const depth = quoteDepth(ctx, index, text);
  const add = (message: string, start: number, end: number, fix: Edit) =>
    flags.push(makeFlag('spacing', 'minor', message, start, end, text, fix));

  for (const match of text.matchAll(SPACE_BEFORE_MARK)) {
    const start = match.index ?? 0;
    const mark = match[2]!;
    const end = start + match[0].length;
    const previous = text[start - 1];
    if (start === 0 || MARKS.includes(previous!) || insideAny(technical, start)) continue;
    if (french && /[;:!?]/u.test(mark)) continue; // French puts a space there (conventions checks it)
    if (mark === ':' && /\d/u.test(previous!) && /^\s*\d/u.test(text.slice(end))) continue; // a ratio: 3 : 2
    add(`Space before ${quoted(mark)} after ${quoted(tokenShownAt(text, start - 1))}`, start, end, replacing(start, end - 1, ''));
  }

  if (!low) {
    for (let at = text.indexOf('”'); at !== -1; at = text.indexOf('”', at + 1)) {
      let spaceStart = at;
      while (spaceStart > 0 && /[ \t\u00a0]/u.test(text[spaceStart - 1]!)) spaceStart--;
      const spaced = spaceStart < at;
      const glued = isLetterOrDigit(text[at + 1]);
      if ((!spaced && !glued) || depth(at) === 0) continue; // not closing a quotation: quotes-brackets decides
      if (spaced && spaceStart === 0) continue; // a sentence starting with it: orphaned punctuation
      if (spaced && glued) {
        add(`Space before the closing quote ${quoted('”')} instead of after it`, spaceStart, at + 1, replacing(spaceStart, at + 1, '” '));
      } else if (spaced) {
        add(`Space before the closing quote ${quoted('”')}`, spaceStart, at + 1, replacing(spaceStart, at, ''));
      } else {
        add(`No space after the closing quote in ${quoted(tokenShownAt(text, at))}`, at, at + 2, replacing(at + 1, at + 1, ' '));
      }
    }

    for (let at = text.indexOf('“'); at !== -1; at = text.indexOf('“', at + 1)) {
      if (depth(at) > 0) continue; // a second opener inside a quotation is more likely a closer facing the wrong way
      const after = /^[ \t\u00a0]+(?=[\p{L}\p{N}])/u.exec(text.slice(at + 1));
      if (after && (at === 0 || /[\s([{–—-]/u.test(text[at - 1]!))) {
        add(`Space after the opening quote ${quoted('“')}`, at, at + 1 + after[0].length, replacing(at + 1, at + 1 + after[0].length, ''));
      } else if (isLetterOrDigit(text[at - 1]) && isLetterOrDigit(text[at + 1])) {
        add(`No space before the opening quote in ${quoted(tokenShownAt(text, at))}`, at - 1, at + 1, replacing(at, at, ' '));
      }
    }
  }

  for (const match of text.matchAll(DOUBLE_SPACE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (start === 0 || end === text.length) continue; // leading and trailing space are not shown or exported as typed
    if (MARKS.includes(text[end]!) || text[end] === '”') continue; // flagged above as a space before a mark
    add(`Double space after ${quoted(tokenShownAt(text, start - 1))}`, start, end, replacing(start, end, match[0][0]!));
  }

  // The run without spaces around the last glued stop, and whether it is a name: a run may hold thousands.
  let glued: { end: number; name: boolean } | undefined;
  const inSource = source === null ? () => false : substringsOf(source);
  for (const match of text.matchAll(GLUED_STOP)) {
    const at = match.index ?? 0;
    if (glued === undefined || at >= glued.end) {
      const [start, end] = tokenSpanAt(text, at);
      const token = trimExcept(text.slice(start, end), /[\p{L}\p{N}]/u);
      // A brand or domain name (`Rino.Ink`) the source writes the same way.
      glued = { end, name: isIdentifier(token) || inSource(token) };
    }
    if (insideAny(technical, at) || glued.name) continue;
    add(`No space after ${quoted(match[0])} in ${quoted(tokenShownAt(text, at))}`, at, at + match[0].length + 1, replacing(at + match[0].length, at + match[0].length, ' '));
  }

  for (const match of text.matchAll(GLUED_COMMA)) {
    const at = match.index ?? 0;
    if (insideAny(technical, at)) continue;
    add(`No space after ${quoted(',')} in ${quoted(tokenShownAt(text, at))}`, at, at + 2, replacing(at + 1, at + 1, ' '));
  }
  return flags;
};
