import { paragraphBalance, usesLowQuotes, type SentenceCheck } from './context';
import { abbreviationStop, makeFlag, quoted, replacing, shownBefore, spacesStart, type Edit, type Finding } from './text';

/**
 * Punctuation the MT left behind when it moved or dropped what stood around it: two marks in a row (`possible.
 * , – said`, `word, .`), a sentence that starts with punctuation (`” In his opinion`, `… It was clear`) and a
 * sentence that is nothing but punctuation (a lone `…`). Fixes only where one reading is clear.
 */

const PAIR = /([ \t\u00a0]*)([.!?,;:])([ \t\u00a0]*)([.!?,;:])/gu;
const STOPS = '.!?';
const CLAUSE = ',;:';

/** Part of an ellipsis written with full stops (`...`, `. . .`). */
function inDottedEllipsis(text: string, start: number, end: number): boolean {
  return /\.\s?$/u.test(text.slice(Math.max(0, start - 2), start)) || /^\s?\./u.test(text.slice(end, end + 2));
}

/**
 * The fix of two marks at [start, end) (`space` the spaces before the first): keeps the one the sentence needs,
 * and none of the spaces before or between them.
 */
function pairFix(text: string, space: number, start: number, end: number, first: string, second: string): Edit | undefined {
  const rest = text.slice(end);
  const ends = rest.trim().length === 0;
  const capital = /^\s*\p{Lu}/u.test(rest);
  const keepFirst = () => replacing(space, end, first);
  const keepSecond = () => replacing(space, end, second);
  if (first === second) return keepFirst();
  if (STOPS.includes(first) && CLAUSE.includes(second)) {
    if (ends || capital) return keepFirst(); // the stop ends the sentence; the mark is stray
    // `possible. , – said Tokayev`: the sentence goes on, so the comma stays and the stop goes.
    if (first === '.' && /^\s*(?:[–—-]\s*)?\p{Ll}/u.test(rest)) return keepSecond();
    return undefined;
  }
  if (CLAUSE.includes(first) && STOPS.includes(second)) return ends || capital ? keepSecond() : undefined;
  if ('!?'.includes(first) && second === '.') return keepFirst();
  return undefined;
}

export const checkOrphanedPunctuation: SentenceCheck = ({ ctx, index, text, source }) => {
  const trimmed = text.trim();
  if (trimmed.length === 0) return [];
  const at = text.indexOf(trimmed[0]!);

  if (/^[\p{P}\p{S}\s]+$/u.test(trimmed)) {
    if (/^[\s*#~•·⁂_=\-–—]+$/u.test(trimmed)) return []; // a section break such as `* * *`
    if (source !== null && source.trim() === trimmed) return []; // the source has the same lone marks
    const fix = /^[.…\s]+$/u.test(trimmed) ? replacing(0, text.length, '') : undefined;
    return [makeFlag('orphaned-punctuation', 'major', `The sentence is only ${quoted(trimmed)}`, at, at + trimmed.length, text, fix)];
  }

  const flags: Finding[] = [];
  const lead = /^(?:…|\.{3}|[,.;:!?]+|[”»)\]}])/u.exec(trimmed)?.[0];
  if (lead && !(lead === '.' && /^\.[\p{L}\p{N}]/u.test(trimmed))) {
    const end = at + lead.length;
    let message = `The sentence starts with ${quoted(lead)}`;
    let fix: Edit | undefined;
    if (lead === '”' || lead === '»') {
      const low = usesLowQuotes(ctx, index, text);
      if (paragraphBalance(ctx, index, low).before[lead === '»' ? 'guillemet' : 'double'].opens > 0) {
        message = `The sentence starts with ${quoted(lead)}, which closes the quotation of the sentence before`;
      }
    } else if (/^\s+[\p{Lu}\p{N}“"(]/u.test(text.slice(end))) {
      fix = replacing(at, end + /^\s+/u.exec(text.slice(end))![0].length, '');
    }
    flags.push(makeFlag('orphaned-punctuation', 'major', message, at, end, text, fix));
  }

  for (const match of text.matchAll(PAIR)) {
    const [whole, space = '', first = '', gap = '', second = ''] = match;
    const spaceStart = match.index ?? 0;
    const start = spaceStart + space.length;
    const end = spaceStart + whole.length;
    if (lead && start < at + lead.length) continue; // part of the leading punctuation, flagged above
    if (first === '.' && second === '.' && inDottedEllipsis(text, start, end)) continue;
    if (gap.length === 0) {
      if ('!?'.includes(first) && '!?,;:'.includes(second)) continue; // `?!`, `“Why?,” he asked`
      if (first === ':' && second === ':') continue; // `std::vector`
      if (first === '.' && CLAUSE.includes(second) && abbreviationStop(text, start)) continue; // `etc.,` `U.S.,`
    }
    const before = shownBefore(text, spacesStart(text, start));
    const message = `Stray punctuation ${quoted(text.slice(start, end))}` + (before ? ` after ${quoted(before)}` : '');
    flags.push(makeFlag('orphaned-punctuation', 'major', message, start, end, text, pairFix(text, spaceStart, start, end, first, second)));
  }
  return flags;
};
