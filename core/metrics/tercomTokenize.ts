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

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isStop = (c: number) => c === 0x2e || c === 0x2c; // . or ,
const APOSTROPHE = 0x27;
const LOWER_S = 0x73;
const SPACE = 0x20;
const HYPHEN = 0x2d;

/**
 * What each UTF-16 code is to the tokenizer, looked up once per character instead of a chain of range tests
 * (and without a branch of its own for codes beyond ASCII). PADDED: tercom pads it with spaces — `{-~`,
 * `[-\``, `!-&`, `(-+`, `:-@` and `/` (the space itself changes nothing). SPACE_CLASS: Python's whitespace,
 * the set PY_SPACE names. Every other code is OTHER.
 */
const OTHER = 0;
const PADDED = 1;
const STOP_CLASS = 2;
const HYPHEN_CLASS = 3;
const APOSTROPHE_CLASS = 4;
const SPACE_CLASS = 5;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  if ((c >= 0x7b && c <= 0x7e) || (c >= 0x5b && c <= 0x60) || (c >= 0x21 && c <= 0x26) || (c >= 0x28 && c <= 0x2b) || (c >= 0x3a && c <= 0x40) || c === 0x2f) {
    CLASS[c] = PADDED;
  } else if (isStop(c)) CLASS[c] = STOP_CLASS;
  else if (c === HYPHEN) CLASS[c] = HYPHEN_CLASS;
  else if (c === APOSTROPHE) CLASS[c] = APOSTROPHE_CLASS;
  else if (c === SPACE || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) CLASS[c] = SPACE_CLASS;
}
for (const c of [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) CLASS[c] = SPACE_CLASS;
CLASS.fill(SPACE_CLASS, 0x2000, 0x200b);

// Scratch: the codes, cut points and where the stops and commas are. Reused, as tokenizing is a hot path, and
// sized for sentences of up to 1,024 characters from the start: a reallocation later, in compiled code that
// never took that path, sends the function back to the interpreter to be compiled again.
let codes = new Uint16Array(1025);
let cut = new Uint8Array(1025);
let stopAt = new Int32Array(1025);

/**
 * tercom's Western normalization (sacrebleu's TercomTokenizer, normalized=True) in one scan instead of its
 * chain of regex rewrites. Every rewrite only inserts spaces, so the words are slices of the text and only
 * the cut points matter: `cut[k]` says whether a space was inserted before character k. Each rule is replayed
 * on the text as the previous rules left it, including which characters an earlier match of the same rule
 * consumed (regex matches do not overlap). tests/core/metrics checks it against the regex chain itself.
 * Returns the text the words are cut from (line breaks and entities rewritten), whose codes are in `codes`.
 */
function normalizedCuts(text: string): string {
  let t = text;
  if (t.includes('\n')) t = t.replace(/\n-/g, '').replace(/\n/g, ' ');
  if (t.includes('&')) t = t.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const n = t.length;
  reserveCodes(n);
  cut.fill(0, 0, n + 1);
  const code = codes;
  let stops = 0;
  let hyphens = false;
  let apostrophes = false;
  // Punctuation of tercom's class gets a space on both sides; note which later rules can apply at all.
  const marks = cut;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    code[k] = c;
    const kind = CLASS[c]!;
    if (kind === OTHER || kind === SPACE_CLASS) continue;
    if (kind === PADDED) marks[k] = marks[k + 1] = 1;
    else if (kind === STOP_CLASS) stopAt[stops++] = k;
    else if (kind === HYPHEN_CLASS) hyphens = true;
    else apostrophes = true;
  }
  if (apostrophes) markPossessives(code, n);
  if (stops > 0) markStops(code, n, stops);
  if (hyphens) markHyphens(code, n);
  return t;
}

function reserveCodes(n: number): void {
  if (codes.length < n + 1) codes = new Uint16Array((n + 1) * 2);
  if (cut.length >= n + 1) return;
  cut = new Uint8Array((n + 1) * 2);
  stopAt = new Int32Array((n + 1) * 2);
}

/** Memory the next tokenization writes its codes into once the caller has kept the last one's (keepCodes). */
let spareCodes = new Uint16Array(1025);

/**
 * Leaves the codes of the last tokenization (WordSpans.codes) to the caller until the call after next: the next
 * one writes into other memory. wordIds.ts reads the reference's words while it tokenizes the hypothesis.
 */
export function keepCodes(): void {
  const kept = codes;
  codes = spareCodes;
  spareCodes = kept;
}

/** Possessive: "'s " becomes " 's " (the space after may be the padding of the next character or the end). */
function markPossessives(code: Uint16Array, n: number): void {
  for (let k = 0; k + 1 < n; k++) {
    if (code[k]! === APOSTROPHE && code[k + 1]! === LOWER_S && (k + 2 === n || code[k + 2]! === SPACE || cut[k + 2])) {
      cut[k] = 1;
    }
  }
}

/**
 * Stops and commas: tercom's two rules, each replayed on the text as the rules before it left it. Only the
 * positions of stops and commas (stopAt[0 … stops)) can match, and a match only bears on the next position,
 * so each rule visits those alone. `here` is cut[k] as the rule found it: a match at k − 1 set cut[k], and
 * kept what it was in cutAfterMatch.
 */
function markStops(code: Uint16Array, n: number, stops: number): void {
  // A stop or comma not after a digit is split off; a stop consumed by the match before it cannot match.
  let matchedAt = -2;
  let cutAfterMatch = 0; // cut[matchedAt + 1] before that match set it
  for (let s = 0; s < stops; s++) {
    const k = stopAt[s]!;
    const consumed = matchedAt === k - 1;
    const here = consumed ? cutAfterMatch : cut[k]!;
    if (k === 0 || here === 1 || (!isDigit(code[k - 1]!) && !consumed)) {
      cutAfterMatch = cut[k + 1]!;
      cut[k] = cut[k + 1] = 1;
      matchedAt = k;
    }
  }
  // A stop or comma not before a digit is split off; the character after it is consumed by the match.
  matchedAt = -2;
  for (let s = 0; s < stops; s++) {
    const k = stopAt[s]!;
    const afterMatch = matchedAt === k - 1;
    const here = afterMatch ? cutAfterMatch : cut[k]!;
    const takenAsFollower = afterMatch && here === 0;
    if (!takenAsFollower && (k + 1 === n || cut[k + 1] === 1 || !isDigit(code[k + 1]!))) {
      cutAfterMatch = cut[k + 1]!;
      cut[k] = cut[k + 1] = 1;
      matchedAt = k;
    }
  }
}

/** A hyphen right after a digit is split off. */
function markHyphens(code: Uint16Array, n: number): void {
  for (let k = 1; k < n; k++) {
    if (code[k]! === HYPHEN && cut[k] === 0 && isDigit(code[k - 1]!)) cut[k] = cut[k + 1] = 1;
  }
}

/**
 * Where the words of a sentence lie: word k is codes[spans[2k] … spans[2k + 1]), and hashes[k] a hash of its
 * codes (wordHash). Valid until the next call.
 */
export interface WordSpans {
  /** The UTF-16 codes of the text the words were cut from (lower-cased, entities and line breaks rewritten). */
  codes: Uint16Array;
  spans: Int32Array;
  hashes: Int32Array;
  count: number;
}

const found: WordSpans = { codes, spans: new Int32Array(2048), hashes: new Int32Array(1024), count: 0 };

/** The hash scanWords gives a word, from its codes: equal words hash alike. */
export function wordHash(code: Uint16Array, start: number, end: number): number {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = Math.imul(h ^ code[k]!, HASH_PRIME);
  return finishHash(h);
}

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const finishHash = (h: number): number => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);

/**
 * The words of `n` codes: runs between whitespace and, when `cuts`, the cut points. Their ends go into
 * found.spans and their hashes into found.hashes (made in the same pass); returns how many.
 */
function scanWords(code: Uint16Array, n: number, cuts: boolean): number {
  // At most a word a code (punctuation cut off on both sides), two ends each.
  if (found.spans.length < 2 * n) {
    found.spans = new Int32Array(4 * n);
    found.hashes = new Int32Array(2 * n);
  }
  const { spans, hashes } = found;
  const marks = cut;
  let count = 0;
  let start = -1;
  let h = HASH_SEED;
  for (let k = 0; k < n; k++) {
    const c = code[k]!;
    const space = CLASS[c] === SPACE_CLASS;
    if (start >= 0 && (space || (cuts && marks[k] === 1))) {
      spans[2 * count] = start;
      spans[2 * count + 1] = k;
      hashes[count] = finishHash(h);
      count++;
      start = -1;
    }
    if (space) continue;
    if (start < 0) {
      start = k;
      h = HASH_SEED;
    }
    h = Math.imul(h ^ c, HASH_PRIME);
  }
  if (start >= 0) {
    spans[2 * count] = start;
    spans[2 * count + 1] = n;
    hashes[count] = finishHash(h);
    count++;
  }
  return count;
}

/**
 * The words TER compares, as tercomWords gives them, but as spans of codes rather than strings: TER only
 * needs to know which words are equal (core/metrics/wordIds.ts numbers them without making a string each).
 */
export function tercomSpans(sentence: string, { normalize = true, caseSensitive = true }: TerOptions = {}): WordSpans {
  const s = caseSensitive ? sentence : sentence.toLowerCase();
  let n: number;
  if (normalize) {
    n = normalizedCuts(s).length;
  } else {
    n = s.length;
    reserveCodes(n);
    for (let k = 0; k < n; k++) codes[k] = s.charCodeAt(k);
  }
  found.codes = codes;
  found.count = scanWords(codes, n, normalize);
  return found;
}

/** The words TER compares, exactly as sacrebleu's TER tokenizes a sentence. */
export function tercomWords(sentence: string, { normalize = true, caseSensitive = true }: TerOptions = {}): string[] {
  if (!sentence) return [];
  const s = caseSensitive ? sentence : sentence.toLowerCase();
  if (!normalize) return s.split(SPACES).filter((word) => word.length > 0);
  const t = normalizedCuts(s);
  const count = scanWords(codes, t.length, true);
  const spans = found.spans;
  const words = new Array<string>(count);
  for (let k = 0; k < count; k++) words[k] = t.slice(spans[2 * k]!, spans[2 * k + 1]!);
  return words;
}
