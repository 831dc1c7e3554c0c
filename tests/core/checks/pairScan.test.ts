import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextOf, paragraphBalance, quoteDepth, usesLowQuotes } from '../../../core/checks/context';
import { CLOSE_CHARS, OPEN_CHARS, pairEvents, type PairEvent } from '../../../core/checks/pairs';

/**
 * Quotation marks and brackets read once: pairEvents reads a run of repeated brackets once (not once for each
 * of its brackets), and quoteDepth finds a position's depth by a binary search (not by reading every mark
 * before it). Each against the straightforward reading it replaced.
 */
const piece = fc.constantFrom(...'( ) [ ] { } “ ” „ « » " a b 1 : ; = 8 - \' . ! ?'.split(' '), ' ', '\t', '))', '((', ':)', ';-)', 'ну', 'a)', 'iv)');
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const RUNS = { numRuns: Number(process.env.CHECK_RUNS ?? 2000) };

/** pairEvents as it was: the run of brackets around each one read again. */
function referenceEvents(text: string, lowOpeners: boolean): PairEvent[] {
  const isEmoticon = (at: number): boolean => {
    if (/[:;=8]['-]?$/u.test(text.slice(Math.max(0, at - 3), at))) return true;
    const char = text[at]!;
    if (text[at - 1] === char || text[at + 1] === char) {
      let from = at;
      while (from > 0 && text[from - 1] === char) from--;
      let to = at;
      while (to < text.length && text[to] === char) to++;
      return to - from >= 2 && (to === text.length || /\s/u.test(text[to]!)) && from > 0 && /[\p{L}\s.!?]/u.test(text[from - 1]!);
    }
    return false;
  };
  const isListMarker = (at: number): boolean => {
    let start = at;
    while (start > 0 && at - start < 5 && !/\s/u.test(text[start - 1]!)) start--;
    if (start > 0 && !/\s/u.test(text[start - 1]!)) return false;
    return /^(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$/u.test(text.slice(start, at));
  };
  const events: PairEvent[] = [];
  let parens = 0;
  for (const match of text.matchAll(/[“„«([{”»)\]}]/gu)) {
    const at = match.index;
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
    if (char === ')' && (isEmoticon(at) || (parens === 0 && isListMarker(at)))) continue;
    if (char === ')') parens = Math.max(0, parens - 1);
    events.push({ kind: CLOSE_CHARS[char]!, role: 'close', at, char });
  }
  return events;
}

describe('marks read once', () => {
  it('pairEvents gives the events the reading of each bracket’s run gave', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, low) => {
        expect(pairEvents(t, low)).toEqual(referenceEvents(t, low));
      }),
      RUNS,
    );
  });

  it('quoteDepth gives the depth that counting the marks before each position gives', () => {
    fc.assert(
      fc.property(text, text, (before, t) => {
        const sentences = [
          { paragraph: 1, text: before },
          { paragraph: 1, text: t },
        ];
        const ctx = contextOf(sentences);
        const low = usesLowQuotes(ctx, 1, t);
        const events = pairEvents(t, low).filter((event) => event.kind === 'double');
        const depth = quoteDepth(ctx, 1, t);
        for (let at = 0; at <= t.length + 1; at++) {
          let expected = paragraphBalance(ctx, 1, low).before.double.opens;
          for (const event of events) {
            if (event.at >= at) break;
            expected = event.role === 'open' ? expected + 1 : Math.max(0, expected - 1);
          }
          expect(depth(at)).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});
