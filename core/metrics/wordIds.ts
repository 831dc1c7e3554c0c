import { keepCodes, tercomSpans, type TerOptions } from './tercomTokenize';

/**
 * The words of a hypothesis and its reference as integers, as TER compares them: the reference's distinct
 * words numbered 0, 1, 2 … in order of first use, and every hypothesis word the reference lacks ABSENT. Only
 * equality with a reference word matters to TER, so that is all the numbers keep.
 *
 * Words are read as spans of the tokenizer's codes, hashed in the tokenizer's own pass, and looked up in a
 * small hash table by their codes, so no string is made per word: over a corpus, making, hashing and
 * collecting those strings cost as much as the tokenizing itself.
 */

/** The id of every hypothesis word that the reference does not have. */
export const ABSENT = -1;

export interface EncodedPair {
  hyp: Int32Array;
  n: number;
  ref: Int32Array;
  m: number;
}

/** Reused across calls (metrics run per line over whole corpora); valid until the next call. */
const pair: EncodedPair = { hyp: new Int32Array(128), n: 0, ref: new Int32Array(128), m: 0 };
/** Open addressing: id + 1 of the word in each slot, 0 for none. Sized for references of up to 127 words. */
let slots = new Int32Array(256);
/** Per reference id: its hash, and where its codes lie in the reference's codes. */
let idHash = new Int32Array(128);
let idStart = new Int32Array(128);
let idLength = new Int32Array(128);

/** The id of codes[start … end) among the reference's words (whose codes are `refCodes`), or ABSENT. */
function lookUp(codes: Uint16Array, start: number, end: number, hash: number, mask: number, refCodes: Uint16Array): number {
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]!;
    if (entry === 0) return ABSENT;
    const id = entry - 1;
    if (idHash[id] !== hash || idLength[id] !== length) continue;
    const at = idStart[id]!;
    let k = 0;
    while (k < length && refCodes[at + k] === codes[start + k]) k++;
    if (k === length) return id;
  }
}

/**
 * Tokenizes both sentences as tercomWords does (the reference first) and numbers their words. The hypothesis
 * array is the caller's to overwrite (TER's shift search does).
 */
export function encodePair(hypothesis: string, reference: string, options: TerOptions = {}): EncodedPair {
  const words = tercomSpans(reference, options);
  const m = words.count;
  const { codes: refCodes, spans, hashes } = words;
  if (pair.ref.length < m) pair.ref = new Int32Array(m * 2);
  if (idHash.length < m) {
    idHash = new Int32Array(m * 2);
    idStart = new Int32Array(m * 2);
    idLength = new Int32Array(m * 2);
  }
  // The power of two above 2m + 1, at least 64: at most half the slots taken.
  const size = 1 << Math.max(6, 32 - Math.clz32(2 * m + 1));
  if (slots.length < size) slots = new Int32Array(size);
  slots.fill(0, 0, size);
  const mask = size - 1;
  let distinct = 0;
  const ref = pair.ref;
  for (let w = 0; w < m; w++) {
    const start = spans[2 * w]!;
    const end = spans[2 * w + 1]!;
    const hash = hashes[w]!;
    let id = lookUp(refCodes, start, end, hash, mask, refCodes);
    if (id === ABSENT) {
      id = distinct++;
      idHash[id] = hash;
      idStart[id] = start;
      idLength[id] = end - start;
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    ref[w] = id;
  }
  pair.m = m;

  let n: number;
  if (hypothesis === reference) {
    n = m;
    if (pair.hyp.length < n) pair.hyp = new Int32Array(n * 2);
    for (let w = 0; w < n; w++) pair.hyp[w] = ref[w]!;
  } else {
    // The reference's codes stay where they are while the hypothesis is tokenized into other memory.
    keepCodes();
    const hypWords = tercomSpans(hypothesis, options);
    n = hypWords.count;
    if (pair.hyp.length < n) pair.hyp = new Int32Array(n * 2);
    const hyp = pair.hyp;
    for (let w = 0; w < n; w++) {
      hyp[w] = lookUp(hypWords.codes, hypWords.spans[2 * w]!, hypWords.spans[2 * w + 1]!, hypWords.hashes[w]!, mask, refCodes);
    }
  }
  pair.n = n;
  return pair;
}
