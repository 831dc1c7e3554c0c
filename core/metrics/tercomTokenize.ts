/** Options of tercom's (and sacrebleu's) TER tokenizer that Redline offers. */
export interface TerOptions {
  /** tercom's -N: split punctuation off words (Western rules). Default true. */
  normalize?: boolean;
  /** Compare words case-sensitively. Default true. */
  caseSensitive?: boolean;
}

// Python's notion of whitespace (str.split(), re's \s), which is what sacrebleu splits on.
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${PY_SPACE}]+`, 'g');

/** The same set as PY_SPACE, by code. */
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return CLASS[c] === SPACE_CLASS;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isStop = (c: number) => c === 0x2e || c === 0x2c; // . or ,
const APOSTROPHE = 0x27;
const LOWER_S = 0x73;
const SPACE = 0x20;
const HYPHEN = 0x2d;

/**
 * What each ASCII character is to the tokenizer, looked up once per character instead of a chain of range
 * tests. PADDED: tercom pads it with spaces — `{-~`, `[-\``, `!-&`, `(-+`, `:-@` and `/` (the space itself
 * changes nothing). Every other code (beyond ASCII too) is OTHER, except Python's whitespace beyond ASCII,
 * which isSpaceCode tests.
 */
const OTHER = 0;
const PADDED = 1;
const STOP_CLASS = 2;
const HYPHEN_CLASS = 3;
const APOSTROPHE_CLASS = 4;
const SPACE_CLASS = 5;
const CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  if ((c >= 0x7b && c <= 0x7e) || (c >= 0x5b && c <= 0x60) || (c >= 0x21 && c <= 0x26) || (c >= 0x28 && c <= 0x2b) || (c >= 0x3a && c <= 0x40) || c === 0x2f) {
    CLASS[c] = PADDED;
  } else if (isStop(c)) CLASS[c] = STOP_CLASS;
  else if (c === HYPHEN) CLASS[c] = HYPHEN_CLASS;
  else if (c === APOSTROPHE) CLASS[c] = APOSTROPHE_CLASS;
  else if (c === SPACE || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) CLASS[c] = SPACE_CLASS;
}

// Scratch: cut points, and snapshots of them as two rules saw the text. Reused, as tokenizing is a hot path.
let codes = new Uint16Array(256);
let cut = new Uint8Array(256);
let seenByStops = new Uint8Array(256);
let seenByStopsAfter = new Uint8Array(256);

/**
 * tercom's Western normalization (sacrebleu's TercomTokenizer, normalized=True) in one scan instead of its
 * chain of regex rewrites. Every rewrite only inserts spaces, so the words are slices of the text and only
 * the cut points matter: `cut[k]` says whether a space was inserted before character k. Each rule is replayed
 * on the text as the previous rules left it, including which characters an earlier match of the same rule
 * consumed (regex matches do not overlap). tests/core/metrics checks it against the regex chain itself.
 */
function normalizedWords(text: string): string[] {
  let t = text;
  if (t.includes('\n')) t = t.replace(/\n-/g, '').replace(/\n/g, ' ');
  if (t.includes('&')) t = t.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const n = t.length;
  if (cut.length < n + 1) {
    codes = new Uint16Array((n + 1) * 2);
    cut = new Uint8Array((n + 1) * 2);
    seenByStops = new Uint8Array((n + 1) * 2);
    seenByStopsAfter = new Uint8Array((n + 1) * 2);
  }
  cut.fill(0, 0, n + 1);
  const code = codes;
  let stops = false;
  let hyphens = false;
  let apostrophes = false;
  // Punctuation of tercom's class gets a space on both sides; note which later rules can apply at all.
  const marks = cut;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    code[k] = c;
    if (c >= 0x80) continue;
    const kind = CLASS[c]!;
    if (kind === OTHER || kind === SPACE_CLASS) continue;
    if (kind === PADDED) marks[k] = marks[k + 1] = 1;
    else if (kind === STOP_CLASS) stops = true;
    else if (kind === HYPHEN_CLASS) hyphens = true;
    else apostrophes = true;
  }
  if (apostrophes) markPossessives(code, n);
  if (stops) markStops(code, n);
  if (hyphens) markHyphens(code, n);
  return sliceWords(t, code, n);
}

/** Possessive: "'s " becomes " 's " (the space after may be the padding of the next character or the end). */
function markPossessives(code: Uint16Array, n: number): void {
  for (let k = 0; k + 1 < n; k++) {
    if (code[k]! === APOSTROPHE && code[k + 1]! === LOWER_S && (k + 2 === n || code[k + 2]! === SPACE || cut[k + 2])) {
      cut[k] = 1;
    }
  }
}

/** A snapshot of the cut points 0 … n (a loop: a subarray view per sentence costs more than the copy). */
function copyCuts(into: Uint8Array, n: number): void {
  const from = cut;
  for (let k = 0; k <= n; k++) into[k] = from[k]!;
}

/** Stops and commas: tercom's two rules, each replayed on the text as the rules before it left it. */
function markStops(code: Uint16Array, n: number): void {
  // A stop or comma not after a digit is split off; a stop consumed by the match before it cannot match.
  const afterFirstRule = seenByStops;
  copyCuts(afterFirstRule, n);
  let consumed = false;
  for (let k = 0; k < n; k++) {
    const matched: boolean = isStop(code[k]!) && (k === 0 || afterFirstRule[k] === 1 || (!isDigit(code[k - 1]!) && !consumed));
    if (matched) cut[k] = cut[k + 1] = 1;
    consumed = matched;
  }
  // A stop or comma not before a digit is split off; the character after it is consumed by the match.
  const afterSecondRule = seenByStopsAfter;
  copyCuts(afterSecondRule, n);
  let previousMatched = false;
  for (let k = 0; k < n; k++) {
    const c = code[k]!;
    const takenAsFollower: boolean = previousMatched && afterSecondRule[k] === 0;
    const matched: boolean = isStop(c) && !takenAsFollower && (k + 1 === n || afterSecondRule[k + 1] === 1 || !isDigit(code[k + 1]!));
    if (matched) cut[k] = cut[k + 1] = 1;
    previousMatched = matched;
  }
}

/** A hyphen right after a digit is split off. */
function markHyphens(code: Uint16Array, n: number): void {
  for (let k = 1; k < n; k++) {
    if (code[k]! === HYPHEN && cut[k] === 0 && isDigit(code[k - 1]!)) cut[k] = cut[k + 1] = 1;
  }
}

/** The words: runs between whitespace and cut points, as slices of the text. */
function sliceWords(t: string, code: Uint16Array, n: number): string[] {
  const words: string[] = [];
  const marks = cut;
  let start = -1;
  for (let k = 0; k < n; k++) {
    const space = isSpaceCode(code[k]!);
    if (start >= 0 && (space || marks[k] === 1)) {
      words.push(t.slice(start, k));
      start = -1;
    }
    if (start < 0 && !space) start = k;
  }
  if (start >= 0) words.push(t.slice(start, n));
  return words;
}

/** The words TER compares, exactly as sacrebleu's TER tokenizes a sentence. */
export function tercomWords(sentence: string, { normalize = true, caseSensitive = true }: TerOptions = {}): string[] {
  if (!sentence) return [];
  const s = caseSensitive ? sentence : sentence.toLowerCase();
  if (normalize) return normalizedWords(s);
  return s.split(SPACES).filter((word) => word.length > 0);
}
