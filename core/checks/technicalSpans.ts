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
/** Word characters as `\b` reads them with the i and u flags (ſ and K too: they fold to s and k). */
const WORD = /^\w$/iu;
const LABEL = /^[\w-]$/iu;
const LOCAL = /^[\w.+-]$/iu;

const test = (pattern: RegExp, char: string | undefined): boolean => char !== undefined && pattern.test(char);

export function technicalSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!/[./@][\w/]/u.test(text)) return spans; // no dot, slash or at sign inside a word: nothing technical

  /** Where the run of `pattern`'s characters from `at` ends. */
  const runEnd = (pattern: RegExp, at: number): number => {
    let end = at;
    while (test(pattern, text[end])) end++;
    return end;
  };
  const boundary = (at: number): boolean => test(WORD, text[at - 1]) !== test(WORD, text[at]);
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
    for (let end = at; text[end] === '.' && test(LABEL, text[end + 1]); end = runEnd(LABEL, end + 1)) dots.push(end);
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
    if (text[at] !== '@' || !test(LABEL, text[at + 1])) return undefined;
    let end = runEnd(LABEL, at + 1);
    let labels = 1;
    for (; text[end] === '.' && test(LABEL, text[end + 1]); labels++) end = runEnd(LABEL, end + 1);
    return labels > 1 ? end : undefined;
  };

  // The runs the position is in (shared by all its characters) and what an address or a domain ends at from them.
  let local = { end: -1, match: undefined as number | undefined };
  let label = { end: -1, match: undefined as number | undefined };
  for (let at = 0; at < text.length; ) {
    let end = sticky(LINK, at);
    if (end === undefined && test(LOCAL, text[at])) {
      if (at >= local.end) {
        const runEndsAt = runEnd(LOCAL, at);
        local = { end: runEndsAt, match: afterAt(runEndsAt) };
      }
      end = local.match;
    }
    if (end === undefined && test(LABEL, text[at]) && boundary(at)) {
      if (at >= label.end) {
        const runEndsAt = runEnd(LABEL, at);
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
