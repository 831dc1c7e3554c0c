/**
 * Quotation marks and brackets as open/close events, and their balance over a run of sentences. A quotation
 * may open in one sentence and close in a later one of the same paragraph (dialogue), so the checks reduce
 * each sentence to a profile and combine the profiles of its paragraph.
 */

export const PAIR_KINDS = ['double', 'guillemet', 'paren', 'square', 'brace'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface PairEvent {
  kind: PairKind;
  role: 'open' | 'close';
  at: number;
  char: string;
}

/** What a stretch of text leaves unmatched: closes that need an opener before it, opens that need a closer after. */
export interface Balance {
  closes: number;
  opens: number;
}

export type PairProfile = Record<PairKind, Balance> & {
  /** Straight double quotes ("), which open and close alike, so only their number is known. */
  straight: number;
};

export const OPEN_CHARS: Record<string, PairKind> = { '“': 'double', '„': 'double', '«': 'guillemet', '(': 'paren', '[': 'square', '{': 'brace' };
export const CLOSE_CHARS: Record<string, PairKind> = { '”': 'double', '»': 'guillemet', ')': 'paren', ']': 'square', '}': 'brace' };

/** `a) first`, `2) second`, `iv) fourth`: a list marker, not the end of a parenthesis. */
function isListMarker(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < 5 && !/\s/u.test(text[start - 1]!)) start--;
  if (start > 0 && !/\s/u.test(text[start - 1]!)) return false;
  return /^(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$/u.test(text.slice(start, at));
}

/** A run of one bracket repeated (`)))`): where it ends, and whether it is a smiley. */
interface BracketRun {
  char: string;
  to: number;
  smiley: boolean;
}

function bracketRun(text: string, at: number): BracketRun {
  const char = text[at]!;
  let from = at;
  while (from > 0 && text[from - 1] === char) from--;
  let to = at;
  while (to < text.length && text[to] === char) to++;
  // A run of two or more after a letter or a space, ending the text or followed by a space: `)))`.
  const smiley = to - from >= 2 && (to === text.length || /\s/u.test(text[to]!)) && from > 0 && /[\p{L}\s.!?]/u.test(text[from - 1]!);
  return { char, to, smiley };
}

/**
 * `:)`, `;-)`, `:(`, `=)`, `xD`-style faces, and the Russian-style smiley of brackets doubled after a word or at
 * the end (`poor))`, `ну((`): an emoticon, not a bracket. Asked of positions in order, it reads a run of
 * brackets once for all of them (a run of thousands was read again for each).
 */
function emoticons(text: string): (at: number) => boolean {
  let run: BracketRun | undefined;
  return (at) => {
    if (/[:;=8]['-]?$/u.test(text.slice(Math.max(0, at - 3), at))) return true;
    const char = text[at]!;
    if (text[at - 1] !== char && text[at + 1] !== char) return false;
    if (run === undefined || run.char !== char || at >= run.to) run = bracketRun(text, at);
    return run.smiley;
  };
}

/** `5'10"`, `12"`: an inch mark after a digit, not a quotation mark. */
const isInchMark = (text: string, at: number): boolean => at > 0 && /\d/u.test(text[at - 1]!);

/**
 * The open and close events of a sentence in order. With `lowOpeners` (German style, the paragraph uses „),
 * “ closes a quotation instead of opening one.
 */
const PAIR_CHARS = /[“„«([{”»)\]}]/gu;

export function pairEvents(text: string, lowOpeners: boolean): PairEvent[] {
  const events: PairEvent[] = [];
  const isEmoticon = emoticons(text);
  let parens = 0;
  for (const match of text.matchAll(PAIR_CHARS)) {
    const at = match.index ?? 0;
    const char = match[0];
    if (char === '“' && lowOpeners) {
      events.push({ kind: 'double', role: 'close', at, char });
      continue;
    }
    const opens = OPEN_CHARS[char];
    if (opens) {
      if ((char === '(' || char === '[') && isEmoticon(at)) continue;
      if (char === '(') parens++;
      events.push({ kind: opens, role: 'open', at, char });
      continue;
    }
    const closes = CLOSE_CHARS[char]!;
    // `a)` is a list marker unless a parenthesis is open: `(from 1 to 3)`.
    if (char === ')' && (isEmoticon(at) || (parens === 0 && isListMarker(text, at)))) continue;
    if (char === ')') parens = Math.max(0, parens - 1);
    events.push({ kind: closes, role: 'close', at, char });
  }
  return events;
}

/** Positions of the straight double quotes that act as quotation marks (not inch marks). */
export function straightQuotes(text: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    // After a digit with no quotation open it is an inch mark; with one open it closes it (`"00:00:00"`).
    if (found.length % 2 === 1 || !isInchMark(text, at)) found.push(at);
  }
  return found;
}

const emptyBalance = (): Balance => ({ closes: 0, opens: 0 });

export function emptyProfile(): PairProfile {
  return { double: emptyBalance(), guillemet: emptyBalance(), paren: emptyBalance(), square: emptyBalance(), brace: emptyBalance(), straight: 0 };
}

/**
 * The profile of a sentence with no quotation marks or brackets, shared (frozen) by every such sentence: most
 * sentences of a book are, and a context keeps two profiles for each.
 */
const NO_PAIRS: PairProfile = Object.freeze({
  double: Object.freeze(emptyBalance()),
  guillemet: Object.freeze(emptyBalance()),
  paren: Object.freeze(emptyBalance()),
  square: Object.freeze(emptyBalance()),
  brace: Object.freeze(emptyBalance()),
  straight: 0,
});

export function profileOf(text: string, lowOpeners: boolean): PairProfile {
  const events = pairEvents(text, lowOpeners);
  const straight = straightQuotes(text).length;
  if (events.length === 0 && straight === 0) return NO_PAIRS;
  const profile = emptyProfile();
  for (const event of events) {
    const balance = profile[event.kind];
    if (event.role === 'open') balance.opens++;
    else if (balance.opens > 0) balance.opens--;
    else balance.closes++;
  }
  profile.straight = straight;
  return profile;
}

/** The profile of `a` followed by `b`. */
export function combine(a: PairProfile, b: PairProfile): PairProfile {
  const result = emptyProfile();
  for (const kind of PAIR_KINDS) {
    const matched = Math.min(a[kind].opens, b[kind].closes);
    result[kind] = { closes: a[kind].closes + b[kind].closes - matched, opens: a[kind].opens + b[kind].opens - matched };
  }
  result.straight = a.straight + b.straight;
  return result;
}

/** Where an unmatched event stands, and why. */
export interface Unmatched {
  event: PairEvent;
  /** The next sentence starts with the closer this opener is waiting for (the MT put it on the wrong side). */
  closedByNextSentence?: boolean;
}

/**
 * The events of `text` that find no partner in the paragraph: `before` and `after` are the combined profiles
 * of the sentences before and after it. Closers match the nearest opener, so the openers left unmatched are
 * the earliest ones.
 */
export function unmatchedEvents(
  text: string,
  lowOpeners: boolean,
  before: PairProfile,
  after: PairProfile,
  nextStartsWithCloser: Partial<Record<PairKind, boolean>> = {},
): Unmatched[] {
  const result: Unmatched[] = [];
  const events = pairEvents(text, lowOpeners);
  for (const kind of PAIR_KINDS) {
    let outside = before[kind].opens;
    const open: PairEvent[] = [];
    for (const event of events) {
      if (event.kind !== kind) continue;
      if (event.role === 'open') open.push(event);
      else if (open.length > 0) open.pop();
      else if (outside > 0) outside--;
      else result.push({ event });
    }
    const closedLater = Math.min(open.length, after[kind].closes);
    const unclosed = open.slice(0, open.length - closedLater);
    for (const event of unclosed) result.push({ event }); // not spread into push: there may be 130,000
    if (closedLater > 0 && nextStartsWithCloser[kind]) {
      result.push({ event: open[open.length - 1]!, closedByNextSentence: true });
    }
  }
  return result.sort((a, b) => a.event.at - b.event.at);
}
