let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * Plain edit distance (insertions, deletions, substitutions of one item each) between two sequences, by the
 * O(n·m) dynamic programme. Words and short names use it; characters go through `charDistance`, which is
 * property-tested against it.
 */
export function levenshtein<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length < b.length) [a, b] = [b, a]; // keep the rows short
  const m = b.length;
  if (m === 0) return a.length;
  if (rowA.length < m + 1) {
    rowA = new Int32Array((m + 1) * 2);
    rowB = new Int32Array((m + 1) * 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const item = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const substitute = previous[j - 1]! + (item === b[j - 1] ? 0 : 1);
      const remove = previous[j]! + 1;
      const insert = current[j - 1]! + 1;
      current[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
    }
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}

/**
 * Per character code: the bits of the pattern block's positions holding that character. Kept all-zero between
 * uses, so only the block's own characters are set and cleared — no per-call allocation or clearing of 64k
 * entries.
 */
const peq = new Int32Array(0x10000);
/** Horizontal deltas carried from one 32-row block to the next, one bit per text column (+1 and -1). */
let carryPlus = new Int32Array(64);
let carryMinus = new Int32Array(64);

/** Any UTF-16 surrogate: a text without one is its own code points, one unit each. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Texts holding surrogates, rewritten so that each code point is one unit: the distinct code points numbered
 * densely, each number a UTF-16 unit (units are only compared for equality). Null when they hold more
 * distinct code points than 16 bits can number.
 */
function denseTexts(a: string, b: string): [string, string] | null {
  const ids = new Map<number, number>();
  const encode = (text: string): string => {
    const units: number[] = [];
    for (const character of text) {
      const point = character.codePointAt(0)!;
      let id = ids.get(point);
      if (id === undefined) ids.set(point, (id = ids.size));
      units.push(id);
    }
    let out = '';
    for (let k = 0; k < units.length; k += 4096) out += String.fromCharCode(...units.slice(k, k + 4096));
    return out;
  };
  const x = encode(a);
  const y = encode(b);
  return ids.size > 0x10000 ? null : [x, y];
}

/**
 * Edit distance of pattern x[from, from + m) against text y[from, from + n), bit-parallel (Myers 1999, in
 * Hyyrö's formulation): the pattern is cut into blocks of 32 rows, each block's vertical deltas are two 32-bit
 * words, and each block sweeps the whole text, handing the horizontal delta of its last row to the next block
 * through one bit per column. O(⌈m/32⌉·n) word operations, exact. The texts are read in place (charCodeAt):
 * copying them into arrays first cost as much as a one-block sweep.
 */
function myers(x: string, xFrom: number, m: number, y: string, yFrom: number, n: number): number {
  if (m <= 32) return myersOneBlock(x, xFrom, m, y, yFrom, n);
  if (m <= 32 * COLUMN_BLOCKS) return myersByColumns(x, xFrom, m, y, yFrom, n);
  const words = (n + 31) >>> 5;
  if (carryPlus.length < words) {
    carryPlus = new Int32Array(words * 2);
    carryMinus = new Int32Array(words * 2);
  }
  // Above the first block the top row is 0, 1, 2 … : every horizontal delta is +1.
  carryPlus.fill(-1, 0, words);
  carryMinus.fill(0, 0, words);
  let score = n; // the bottom row's value at column 0 … then tracked along the last row
  const blocks = (m + 31) >>> 5;
  for (let block = 0; block < blocks; block++) {
    const start = xFrom + block * 32;
    const rows = Math.min(32, m - block * 32);
    for (let k = 0; k < rows; k++) peq[x.charCodeAt(start + k)]! |= 1 << k;
    const last = 1 << (rows - 1);
    const final = block === blocks - 1;
    let pv = -1; // vertical deltas of column 0: each row is one more than the row above
    let mv = 0;
    let blockScore = rows; // the block's last row at column 0 (only the final block's is needed)
    for (let j = 0; j < n; j++) {
      const bit = 1 << (j & 31);
      const word = j >>> 5;
      const hin = (carryPlus[word]! & bit) !== 0 ? 1 : (carryMinus[word]! & bit) !== 0 ? -1 : 0;
      let eq = peq[y.charCodeAt(yFrom + j)]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      // The horizontal delta leaving the block's last row, for the block below.
      if (ph & last) {
        carryPlus[word]! |= bit;
        carryMinus[word]! &= ~bit;
        if (final) blockScore++;
      } else if (mh & last) {
        carryMinus[word]! |= bit;
        carryPlus[word]! &= ~bit;
        if (final) blockScore--;
      } else {
        carryPlus[word]! &= ~bit;
        carryMinus[word]! &= ~bit;
      }
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = 0; k < rows; k++) peq[x.charCodeAt(start + k)] = 0;
    if (final) score = blockScore + block * 32;
  }
  return score;
}

/** Patterns of up to this many blocks of 32 (sentences, as a rule) are swept a column at a time. */
const COLUMN_BLOCKS = 8;
/** Per block and character code: the bits of the block's positions holding it, at [block << 16 | code]. */
let peqByBlock: Int32Array | null = null;
const blockPv = new Int32Array(COLUMN_BLOCKS);
const blockMv = new Int32Array(COLUMN_BLOCKS);

/**
 * `myers` for a pattern of 33 to 32·COLUMN_BLOCKS characters, with the loops the other way round: each text
 * character goes down every block in turn, the horizontal delta leaving one block entering the next as a plain
 * number, so no delta is stored per column (the block-by-block sweep above keeps two bit arrays for that).
 */
function myersByColumns(x: string, xFrom: number, m: number, y: string, yFrom: number, n: number): number {
  const peqs = (peqByBlock ??= new Int32Array(COLUMN_BLOCKS << 16));
  const blocks = (m + 31) >>> 5;
  for (let k = 0; k < m; k++) peqs[((k >>> 5) << 16) | x.charCodeAt(xFrom + k)]! |= 1 << (k & 31);
  for (let b = 0; b < blocks; b++) {
    blockPv[b] = -1; // column 0: each row one more than the row above
    blockMv[b] = 0;
  }
  const lastBlock = blocks - 1;
  const last = 1 << ((m - 1) & 31);
  let score = m; // the last row, along the text
  for (let j = 0; j < n; j++) {
    const c = y.charCodeAt(yFrom + j);
    let hin = 1; // the top row grows by one a column
    for (let b = 0; b < blocks; b++) {
      let eq = peqs[(b << 16) | c]!;
      const pv = blockPv[b]!;
      const mv = blockMv[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const bottom = b === lastBlock ? last : 1 << 31;
      const hout = (ph & bottom) !== 0 ? 1 : (mh & bottom) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      blockPv[b] = mh | ~(xv | ph);
      blockMv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  for (let k = 0; k < m; k++) peqs[((k >>> 5) << 16) | x.charCodeAt(xFrom + k)] = 0;
  return score;
}

/** `myers` for a pattern of at most 32 characters: one block, whose top row is 0, 1, 2 … (no carries). */
function myersOneBlock(x: string, xFrom: number, m: number, y: string, yFrom: number, n: number): number {
  for (let k = 0; k < m; k++) peq[x.charCodeAt(xFrom + k)]! |= 1 << k;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const eq = peq[y.charCodeAt(yFrom + j)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1; // the top row grows by one a column
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let k = 0; k < m; k++) peq[x.charCodeAt(xFrom + k)] = 0;
  return score;
}

/** Character edit distance between two texts, over code points: exact, bit-parallel, common ends skipped. */
export function charDistance(a: string, b: string): number {
  return distanceOf(a, b, SURROGATE.test(a) || SURROGATE.test(b));
}

function distanceOf(a: string, b: string, surrogates: boolean): number {
  if (a === b) return 0;
  let x = a;
  let y = b;
  if (surrogates) {
    const dense = denseTexts(a, b);
    if (dense === null) return levenshtein(Array.from(a), Array.from(b));
    [x, y] = dense;
  }
  const lengthX = x.length;
  const lengthY = y.length;
  // Equal leading and trailing characters never cost an edit and are left out of the sweep.
  let from = 0;
  while (from < lengthX && from < lengthY && x.charCodeAt(from) === y.charCodeAt(from)) from++;
  let endX = lengthX;
  let endY = lengthY;
  while (endX > from && endY > from && x.charCodeAt(endX - 1) === y.charCodeAt(endY - 1)) {
    endX--;
    endY--;
  }
  const m = endX - from;
  const n = endY - from;
  if (m === 0) return n;
  if (n === 0) return m;
  // Long texts with few edits apart (a word changed here and there in a paragraph-long sentence): the diagonal
  // search costs O((m + n) · d) there, where the sweep costs O(m · n / 32) whatever the distance.
  if (m * n > DIAGONAL_MIN_CELLS) {
    const budget = Math.floor(Math.sqrt(m * n / 32) / 4);
    const d = diagonalDistance(x, from, m, y, from, n, budget);
    if (d >= 0) return d;
  }
  return m <= n ? myers(x, from, m, y, from, n) : myers(y, from, n, x, from, m);
}

/** Above this many cells of the full matrix the diagonal search is tried first (about 4,000 × 4,000). */
const DIAGONAL_MIN_CELLS = 1 << 24;
let reachA = new Int32Array(64);
let reachB = new Int32Array(64);
/** A reach no diagonal has: below every row, so that one more row is still below row 0. */
const UNREACHED = -0x40000000;

/**
 * Edit distance of x[xFrom, xFrom + m) and y[yFrom, yFrom + n) if it is at most maxEdits, else -1, by
 * Ukkonen's diagonal search (Landau–Vishkin without suffix trees): for e = 0, 1, 2 … the furthest row each
 * diagonal j − i reaches with e edits, sliding along equal characters. Each diagonal slides over its length
 * once in all, so the work is O((m + n) · e + e²). Exported for its tests.
 */
export function diagonalDistance(x: string, xFrom: number, m: number, y: string, yFrom: number, n: number, maxEdits: number): number {
  const width = 2 * maxEdits + 3;
  if (reachA.length < width) {
    reachA = new Int32Array(width);
    reachB = new Int32Array(width);
  }
  let previous = reachA;
  let current = reachB;
  previous.fill(UNREACHED, 0, width);
  current.fill(UNREACHED, 0, width);
  const offset = maxEdits + 1; // diagonal k is at k + offset
  const goal = n - m;
  for (let e = 0; e <= maxEdits; e++) {
    const low = Math.max(-e, -m);
    const high = Math.min(e, n);
    for (let k = low; k <= high; k++) {
      let i: number;
      if (e === 0) i = 0;
      else {
        // A substitution on this diagonal, a deletion from the one above (k + 1), an insertion from below (k − 1).
        const substitute = previous[k + offset]! + 1;
        const remove = previous[k + 1 + offset]! + 1;
        const insert = previous[k - 1 + offset]!;
        i = substitute > remove ? substitute : remove;
        if (insert > i) i = insert;
        if (i < 0) continue; // not reachable yet with e edits
        if (i > m) i = m;
        if (i + k > n) i = n - k;
      }
      while (i < m && i + k < n && x.charCodeAt(xFrom + i) === y.charCodeAt(yFrom + i + k)) i++;
      current[k + offset] = i;
      if (k === goal && i === m) return e;
    }
    [previous, current] = [current, previous];
  }
  return -1;
}

/** Character edit rate in percent: character edit distance over the longer text's length (code points). */
export function charEditRate(mt: string, correction: string): number {
  // The surrogate test runs natively (a regular expression): a loop per character costs more, above all while
  // the code is not yet compiled.
  const surrogates = SURROGATE.test(mt) || SURROGATE.test(correction);
  const longer = surrogates ? Math.max(codePoints(mt), codePoints(correction)) : Math.max(mt.length, correction.length);
  return longer === 0 ? 0 : (100 * distanceOf(mt, correction, surrogates)) / longer;
}

/** The length of a text in code points (a surrogate pair counts once). */
function codePoints(text: string): number {
  let length = text.length;
  for (let k = 0; k < text.length - 1; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        length--;
        k++;
      }
    }
  }
  return length;
}
