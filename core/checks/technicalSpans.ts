/**
 * The URLs, e-mail addresses and domains of a text, whose dots and commas follow no prose rules: what the
 * pattern below matches, left to right.
 *
 *   /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>“”"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:TLD)\b/giu
 *
 * The pattern itself is tried from every character, and from each character of a long run of letters and
 * dots (`a.b.a.b…`, no `@`, no known domain) it read the rest of the run again: time quadratic in the run. The
 * scan below finds the same spans, each run read once: how an address or a domain tried from a character ends
 * depends only on where the run of its first part ends, which all the characters of that run share.
 */

const TLDS = 'com|org|net|edu|gov|io|ru|kz|uk|de|fr|info|html?|php|pdf|txt|ai|tv|cn|au|jp|nl|ua|ink|xyz|ly|gg|dev|biz';

/** The link alternative, tried at one position (y): its end is where its run of characters ends. */
const LINK = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>“”"]+/iuy;
/** A dot and a domain ending, tried at one position (y). */
const DOT_TLD = new RegExp(`\\.(?:${TLDS})\\b`, 'iuy');

// The character classes, tested by code (a regular expression per character cost more than the pattern did).
/** \w as the pattern reads it with the i and u flags: ſ (U+017F) and K (U+212A) too, which fold to s and k. */
const isWord = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x17f || code === 0x212a;
/** [\w-] */
const isLabel = (code: number): boolean => isWord(code) || code === 0x2d;
/** [\w.+-] */
const isLocal = (code: number): boolean => isLabel(code) || code === 0x2e || code === 0x2b;
/** h, f or w in either case: the only characters a link can start with (nothing else folds to them). */
const mayStartLink = (code: number): boolean => (code | 0x20) === 0x68 || (code | 0x20) === 0x66 || (code | 0x20) === 0x77;

export function technicalSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!/[./@][\w/]/u.test(text)) return spans; // no dot, slash or at sign inside a word: nothing technical

  // charCodeAt past either end is NaN, which no class holds.
  const code = (at: number): number => text.charCodeAt(at);
  /** Where the run of the class's characters from `at` ends. */
  const runEnd = (holds: (code: number) => boolean, at: number): number => {
    let end = at;
    while (holds(code(end))) end++;
    return end;
  };
  const boundary = (at: number): boolean => isWord(code(at - 1)) !== isWord(code(at));
  const sticky = (pattern: RegExp, at: number): number | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    return match ? at + match[0].length : undefined;
  };

  /**
   * `(?:\.[\w-]+)*\.(?:TLD)\b` from the end of a label (a run of [\w-]) at `at`: the labels that follow it, each
   * after one dot, are taken greedily and given back from the last, so the match ends after the last dot of
   * that chain a domain ending follows. Computed once for every dot of a chain, from its end backwards.
   */
  const domainEnds = new Map<number, number | undefined>();
  const domainEnd = (at: number): number | undefined => {
    if (domainEnds.has(at)) return domainEnds.get(at);
    const dots: number[] = [];
    for (let end = at; text[end] === '.' && isLabel(code(end + 1)); end = runEnd(isLabel, end + 1)) dots.push(end);
    let last: number | undefined;
    for (let k = dots.length - 1; k >= 0; k--) {
      last ??= sticky(DOT_TLD, dots[k]!);
      domainEnds.set(dots[k]!, last);
    }
    domainEnds.set(at, last);
    return last;
  };

  /** `@[\w-]+(?:\.[\w-]+)+` at `at`: the end of the chain of labels after the @, when it has two or more. */
  const afterAt = (at: number): number | undefined => {
    if (text[at] !== '@' || !isLabel(code(at + 1))) return undefined;
    let end = runEnd(isLabel, at + 1);
    let labels = 1;
    for (; text[end] === '.' && isLabel(code(end + 1)); labels++) end = runEnd(isLabel, end + 1);
    return labels > 1 ? end : undefined;
  };

  // The runs the position is in (shared by all its characters) and what an address or a domain ends at from them.
  let local = { end: -1, match: undefined as number | undefined };
  let label = { end: -1, match: undefined as number | undefined };
  for (let at = 0; at < text.length; ) {
    const here = code(at);
    let end = mayStartLink(here) ? sticky(LINK, at) : undefined;
    if (end === undefined && isLocal(here)) {
      if (at >= local.end) {
        const runEndsAt = runEnd(isLocal, at);
        local = { end: runEndsAt, match: afterAt(runEndsAt) };
      }
      end = local.match;
    }
    if (end === undefined && isLabel(here) && boundary(at)) {
      if (at >= label.end) {
        const runEndsAt = runEnd(isLabel, at);
        label = { end: runEndsAt, match: domainEnd(runEndsAt) };
      }
      end = label.match;
    }
    if (end === undefined) {
      at++;
      continue;
    }
    spans.push([at, end]);
    at = end;
  }
  return spans;
}
