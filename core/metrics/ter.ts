/**
 * Translation Edit Rate with block shifts (Snover et al. 2006), computed exactly as tercom and sacrebleu's
 * TER do: a beam-limited edit distance around the diagonal, greedy shifts of up to 10 words over at most 50
 * positions, shift candidates ranked (gain, length, earliest start, earliest target), and sacrebleu's cap of
 * 1,000 evaluated candidates per sentence. Words are compared as integers, and a candidate's distance reuses
 * the matrix rows of the unchanged prefix and, past its shifted block, the costs to the end; the matrix is kept
 * only within the beam. So the numbers are sacrebleu's at a fraction of its cost, and a sentence of thousands
 * of words costs O(words · beam) a candidate at most, not O(words²).
 */

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;
const INF = 1 << 29;
/** Up to this many reference words (4 blocks of 32) candidates are measured bit-parallel; past it, by the beam. */
const BIT_PARALLEL_MAX_WORDS = 128;

const NOP = 0;
const SUB = 1;
/** Consumes a hypothesis word: the MT word is deleted. */
const DEL = 2;
/** Consumes a reference word: a word is inserted. */
const INS = 3;
const UNDEF = 4;

/** The edits TER counts, by kind; their sum is `edits`. */
export interface TerCounts {
  insertions: number;
  deletions: number;
  substitutions: number;
  shifts: number;
}

export interface TerResult extends TerCounts {
  edits: number;
  refWords: number;
}

/** The id of every hypothesis word that the reference does not have. */
const ABSENT = -1;
/** Up to this many distinct reference words a linear scan beats hashing fresh strings into a Map. */
const SCAN_LIMIT = 48;
const refIds = new Map<string, number>();

/**
 * Maps words to integers so comparisons are integer comparisons. Only equality with a reference word matters
 * (the distance and the shift search compare hypothesis words with reference words), so every hypothesis word
 * the reference lacks gets one shared id.
 */
function encode(hyp: readonly string[], ref: readonly string[]): { h: Int32Array; r: Int32Array } {
  const distinct: string[] = [];
  reserveWords(Math.max(hyp.length, ref.length));
  const r = refWordsScratch;
  const h = hypWordsScratch[0]!;
  if (ref.length <= SCAN_LIMIT) {
    for (let k = 0; k < ref.length; k++) {
      const word = ref[k]!;
      let id = distinct.indexOf(word);
      if (id < 0) id = distinct.push(word) - 1;
      r[k] = id;
    }
    for (let k = 0; k < hyp.length; k++) h[k] = distinct.indexOf(hyp[k]!);
    return { h, r };
  }
  refIds.clear();
  for (let k = 0; k < ref.length; k++) {
    const word = ref[k]!;
    let id = refIds.get(word);
    if (id === undefined) refIds.set(word, (id = refIds.size));
    r[k] = id;
  }
  for (let k = 0; k < hyp.length; k++) h[k] = refIds.get(hyp[k]!) ?? ABSENT;
  return { h, r };
}

/**
 * Scratch memory reused across calls: TER runs on every keystroke and over whole corpora. Fresh typed arrays
 * would cost far more than they seem: past 64 bytes each gets its own memory outside the JavaScript heap,
 * several microseconds apiece (as much as the rest of the TER of a short sentence), and views (subarray) are
 * slow to make too; so arrays are reused and their lengths passed along.
 */
let refWordsScratch = new Int32Array(256);
/** The hypothesis as encoded, and two more for shifted candidates (the shift search keeps the best one). */
const hypWordsScratch = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];
let firstScratch = new Int32Array(256);
let nextScratch = new Int32Array(256);
function reserveWords(size: number): void {
  if (refWordsScratch.length >= size) return;
  refWordsScratch = new Int32Array(size * 2);
  for (let k = 0; k < hypWordsScratch.length; k++) hypWordsScratch[k] = new Int32Array(size * 2);
  firstScratch = new Int32Array(size * 2);
  nextScratch = new Int32Array(size * 2);
}

let scratchTrace = new Uint8Array(256);
let scratchRowA = new Int32Array(256);
let scratchRowB = new Int32Array(256);
let scratchAlign = new Int32Array(256);
let scratchRefErr = new Uint8Array(256);
let scratchHypErr = new Uint8Array(256);
let scratchCost = new Int32Array(4096);
let scratchOp = new Uint8Array(4096);
let scratchToEnd = new Int32Array(4096);
let scratchBase = new Int32Array(256);
let scratchStart = new Int32Array(256);
let scratchEnd = new Int32Array(256);
function bands(rows: number): { base: Int32Array; start: Int32Array; end: Int32Array } {
  if (scratchBase.length < rows) {
    scratchBase = new Int32Array(rows * 2);
    scratchStart = new Int32Array(rows * 2);
    scratchEnd = new Int32Array(rows * 2);
  }
  return { base: scratchBase, start: scratchStart, end: scratchEnd };
}
function matrices(size: number): { cost: Int32Array; op: Uint8Array; toEnd: Int32Array } {
  if (scratchCost.length < size) {
    scratchCost = new Int32Array(size * 2);
    scratchOp = new Uint8Array(size * 2);
    scratchToEnd = new Int32Array(size * 2);
  }
  return { cost: scratchCost, op: scratchOp, toEnd: scratchToEnd };
}

/** The beam edit distance of sacrebleu's BeamEditDistance, over one reference and hypotheses of one length. */
class BeamDistance {
  private readonly width: number;
  private readonly ratio: number;
  readonly beam: number;
  /** Whether every row's beam spans the whole row, so the beam distance is the plain edit distance. */
  readonly unbounded: boolean;
  /**
   * Costs and ops of the matrix of the current hypothesis, a band of it per row: row i holds columns
   * [start(i), end(i)), cell (i, j) at base[i] + j. The band is the row's beam and, holding infinity, the
   * columns next to it that the rows above and below read. So the matrix takes O(n · beam + m) cells, not
   * (n + 1) · (m + 1), which a sentence of thousands of words cannot afford in time or memory. Laid out by the
   * first fill(): most sentences are measured bit-parallel and never need it.
   */
  private cost: Int32Array = scratchCost;
  private op: Uint8Array = scratchOp;
  /**
   * The same band of the matrix backwards: the cost from cell (i, j) to the end, within the beam. A candidate
   * equals the current hypothesis after its shifted block, so its distance is its own rows up to there met
   * with these (distanceFrom): O(shift distance · beam) a candidate, not O(n · beam). Made when first needed.
   */
  private toEnd: Int32Array = scratchToEnd;
  private toEndFor: Int32Array | null = null;
  private base: Int32Array = scratchBase;
  private start: Int32Array = scratchStart;
  private end: Int32Array = scratchEnd;
  private laidOut = false;
  /** Two rolling rows for candidates, which need only the final cost. */
  private readonly rowA: Int32Array;
  private readonly rowB: Int32Array;

  constructor(
    private readonly ref: Int32Array,
    m: number,
    private readonly n: number,
  ) {
    this.width = m + 1;
    this.ratio = n > 0 ? m / n : 1;
    this.beam = BEAM_WIDTH < this.ratio / 2 ? Math.ceil(this.ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    if (scratchRowA.length < this.width) {
      scratchRowA = new Int32Array(this.width * 2);
      scratchRowB = new Int32Array(this.width * 2);
    }
    this.rowA = scratchRowA;
    this.rowB = scratchRowB;
    // floor(i · ratio) never decreases with i, so the last row has the largest first column and the first row
    // the smallest end (the last row always ends at the width).
    this.unbounded = this.minColumn(n) === 0 && (n <= 1 || this.maxColumn(1) === this.width);
  }

  /** The bands of the rows (see `cost`) and row 0, j insertions. */
  private layOut(): void {
    this.laidOut = true;
    const { n } = this;
    ({ base: this.base, start: this.start, end: this.end } = bands(n + 1));
    let cells = 0;
    for (let i = 0; i <= n; i++) {
      const start = i === 0 ? 0 : Math.max(0, Math.min(this.minColumn(i - 1), this.minColumn(i) - 1));
      const end = i === n ? this.width : Math.min(this.width, Math.max(this.maxColumn(i + 1), this.maxColumn(i - 1) + 1));
      this.start[i] = start;
      this.end[i] = end;
      this.base[i] = cells - start;
      cells += end - start;
    }
    ({ cost: this.cost, op: this.op, toEnd: this.toEnd } = matrices(cells));
    for (let j = 0, stop = this.end[0]!; j < stop; j++) {
      this.cost[j] = j;
      this.op[j] = INS;
    }
  }

  /** The beam: columns [minColumn(i), maxColumn(i)) of row i are computed, the rest stay infinite. */
  private minColumn(i: number): number {
    return Math.max(0, Math.floor(i * this.ratio) - this.beam);
  }

  private maxColumn(i: number): number {
    return i === this.n ? this.width : Math.min(this.width, Math.floor(i * this.ratio) + this.beam);
  }

  /** Fills the matrix for `hyp` from row `from` + 1 on (rows up to `from` are already right). */
  fill(hyp: Int32Array, from = 0): number {
    if (!this.laidOut) this.layOut();
    const { cost, op, ref, base, start, end } = this;
    this.toEndFor = null;
    for (let i = from + 1; i <= this.n; i++) {
      const row = base[i]!;
      const above = base[i - 1]!;
      const min = this.minColumn(i);
      const max = this.maxColumn(i);
      // Outside the beam a cell is infinite (plain loops: TypedArray#fill costs more on short rows).
      for (let j = start[i]!; j < min; j++) {
        cost[row + j] = INF;
        op[row + j] = UNDEF;
      }
      for (let j = max, stop = end[i]!; j < stop; j++) {
        cost[row + j] = INF;
        op[row + j] = UNDEF;
      }
      const word = hyp[i - 1];
      for (let j = min; j < max; j++) {
        if (j === 0) {
          cost[row] = cost[above]! + 1;
          op[row] = DEL;
          continue;
        }
        // First the diagonal, then deletion, then insertion: the first strictly cheaper one wins.
        let best = cost[above + j - 1]! + (word === ref[j - 1] ? 0 : 1);
        let bestOp = word === ref[j - 1] ? NOP : SUB;
        const del = cost[above + j]! + 1;
        if (del < best) {
          best = del;
          bestOp = DEL;
        }
        const ins = cost[row + j - 1]! + 1;
        if (ins < best) {
          best = ins;
          bestOp = INS;
        }
        cost[row + j] = best;
        op[row + j] = bestOp;
      }
    }
    return cost[base[this.n]! + this.width - 1]!;
  }

  /** Fills toEnd for `hyp`, the hypothesis fill() last filled, from the last row up. */
  private fillToEnd(hyp: Int32Array): void {
    const { toEnd, ref, base, start, end, n, width } = this;
    const m = width - 1;
    for (let i = n; i >= 1; i--) {
      const row = base[i]!;
      const below = i < n ? base[i + 1]! : 0;
      const min = this.minColumn(i);
      const max = this.maxColumn(i);
      for (let j = start[i]!; j < min; j++) toEnd[row + j] = INF;
      for (let j = max, stop = end[i]!; j < stop; j++) toEnd[row + j] = INF;
      const word = i < n ? hyp[i] : -1;
      for (let j = max - 1; j >= min; j--) {
        if (i === n) {
          toEnd[row + j] = m - j;
          continue;
        }
        // A step down consumes hypothesis word i: along the diagonal against reference word j, or deleted.
        const diagonal = j < m ? toEnd[below + j + 1]! + (word === ref[j] ? 0 : 1) : INF;
        const del = toEnd[below + j]! + 1;
        const ins = j + 1 < max ? toEnd[row + j + 1]! + 1 : INF;
        toEnd[row + j] = diagonal < del ? (diagonal < ins ? diagonal : ins) : del < ins ? del : ins;
      }
    }
    this.toEndFor = hyp;
  }

  /**
   * The distance of a candidate that equals the current hypothesis (`current`, as filled) in its first `prefix`
   * words and from word `suffix` on, or -1 as soon as it is certain to exceed `limit`: from cell (i, j) the path
   * still needs at least the difference of the remaining lengths, |(n - i) - (m - j)|, in insertions or
   * deletions. Every path crosses row `suffix`, so the distance is the least, over its cells, of the
   * candidate's cost to the cell and the current hypothesis's cost from it (the rows below are the same words).
   */
  distanceFrom(hyp: Int32Array, current: Int32Array, prefix: number, suffix: number, limit: number): number {
    const { ref, width, n } = this;
    const m = width - 1;
    if (suffix < n && this.toEndFor !== current) this.fillToEnd(current);
    let previous = this.rowA;
    let next = this.rowB;
    const cost = this.cost;
    // Only the columns the next row reads (its band) are copied and, row after row, written: O(beam) a row.
    for (let j = this.start[prefix]!, stop = this.end[prefix]!, at = this.base[prefix]! + j; j < stop; j++, at++) {
      previous[j] = cost[at]!;
    }
    for (let i = prefix + 1; i <= suffix; i++) {
      const min = this.minColumn(i);
      const max = this.maxColumn(i);
      if (min > 0) next[min - 1] = INF;
      for (let j = max, stop = this.end[i]!; j < stop; j++) next[j] = INF;
      const word = hyp[i - 1];
      let rowMin = INF;
      let from = min;
      if (min === 0 && max > 0) {
        // Column 0 (only deletions lead there), out of the loop so the loop has no branch for it.
        const value = previous[0]! + 1;
        next[0] = value;
        const remaining = n - i - m;
        rowMin = value + (remaining < 0 ? -remaining : remaining);
        from = 1;
      }
      // remaining = (n - i) - (m - j) grows by one a column.
      let remaining = n - i - m + from;
      let left = next[from - 1]!;
      for (let j = from; j < max; j++, remaining++) {
        const diagonal = previous[j - 1]! + (word === ref[j - 1] ? 0 : 1);
        const del = previous[j]! + 1;
        const ins = left + 1;
        const value = diagonal < del ? (diagonal < ins ? diagonal : ins) : del < ins ? del : ins;
        next[j] = value;
        left = value;
        const bound = value + (remaining < 0 ? -remaining : remaining);
        if (bound < rowMin) rowMin = bound;
      }
      if (rowMin > limit) return -1;
      // A plain swap: the destructuring form allocates an array per row until the optimizing compiler runs.
      const done = previous;
      previous = next;
      next = done;
    }
    if (suffix === n) return previous[width - 1]!;
    const toEnd = this.toEnd;
    const row = this.base[suffix]!;
    let best = INF;
    for (let j = this.minColumn(suffix), max = this.maxColumn(suffix); j < max; j++) {
      const total = previous[j]! + toEnd[row + j]!;
      if (total < best) best = total;
    }
    return best > limit ? -1 : best;
  }

  /** Where trace() leaves the edit operations: scratchTrace[start … end). */
  get traceEnd(): number {
    return this.n + this.width;
  }

  /**
   * Writes the edit operations of the filled matrix, from the start of both sequences, into scratchTrace and
   * returns where they start; they end at traceEnd.
   */
  trace(): number {
    const { op, width, base, start, end } = this;
    const capacity = this.n + width;
    if (scratchTrace.length < capacity) scratchTrace = new Uint8Array(capacity * 2);
    let k = capacity;
    let i = this.n;
    let j = width - 1;
    while (i > 0 || j > 0) {
      const o = j >= start[i]! && j < end[i]! ? op[base[i]! + j]! : UNDEF;
      scratchTrace[--k] = o;
      if (o === NOP || o === SUB) {
        i--;
        j--;
      } else if (o === INS) j--;
      else if (o === DEL) i--;
      else throw new Error('TER: the edit path left the beam');
    }
    return k;
  }
}

/**
 * Per reference word id and 32-word block of the reference: the bits of the block's positions holding that word
 * (Myers' Peq), at [block * m + id]. Reused; only the entries of the current reference are written.
 */
let peqScratch = new Int32Array(256);
/** The bit-parallel state after each prefix of the current hypothesis: [i * blocks + block], and the score. */
let stateP = new Int32Array(256);
let stateM = new Int32Array(256);
let stateScore = new Int32Array(256);
/** One block's vertical deltas while a candidate is swept (multi-block references). */
let sweepP = new Int32Array(8);
let sweepM = new Int32Array(8);

/**
 * The plain edit distance of hypotheses against the reference, bit-parallel (Myers 1999 in Hyyrö's form, as
 * levenshtein.ts does for characters): the reference's words are the bits, 32 to a block, each hypothesis word
 * one step of a few word operations per block. The state after every prefix of the current hypothesis is kept,
 * so a shift candidate, which equals it up to some word, is swept from there: O(words after the prefix)
 * instead of a matrix row per word.
 *
 * This is the beam distance tercom and sacrebleu rank candidates by only when the beam cannot matter, which
 * `exactUpTo` says; see candidateDistance.
 */
class WordBits {
  private readonly blocks: number;
  /** The bit of the reference's last word in its block. */
  private readonly last: number;

  constructor(
    private readonly ref: Int32Array,
    private readonly m: number,
    private readonly n: number,
  ) {
    const blocks = (m + 31) >>> 5;
    this.blocks = blocks;
    this.last = 1 << ((m - 1) & 31);
    if (peqScratch.length < blocks * m) peqScratch = new Int32Array(blocks * m * 2);
    const peq = peqScratch;
    peq.fill(0, 0, blocks * m);
    for (let k = 0; k < m; k++) peq[(k >>> 5) * m + ref[k]!]! |= 1 << (k & 31);
    const states = (n + 1) * blocks;
    if (stateP.length < states) {
      stateP = new Int32Array(states * 2);
      stateM = new Int32Array(states * 2);
    }
    if (stateScore.length < n + 1) stateScore = new Int32Array((n + 1) * 2);
    if (sweepP.length < blocks) {
      sweepP = new Int32Array(blocks * 2);
      sweepM = new Int32Array(blocks * 2);
    }
    // Column 0: each row one more than the row above (pv all ones, mv none), the last row at m.
    for (let b = 0; b < blocks; b++) {
      stateP[b] = -1;
      stateM[b] = 0;
    }
    stateScore[0] = m;
  }

  /** Records the states of `hyp`'s prefixes from `from` + 1 words on (those up to `from` are already right). */
  prepare(hyp: Int32Array, from: number): void {
    const { blocks, n } = this;
    if (blocks === 1) {
      let pv = stateP[from]!;
      let mv = stateM[from]!;
      let score = stateScore[from]!;
      for (let i = from; i < n; i++) {
        const word = hyp[i]!;
        const eq = word < 0 ? 0 : peqScratch[word]!;
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & this.last) score++;
        else if (mh & this.last) score--;
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        stateP[i + 1] = pv;
        stateM[i + 1] = mv;
        stateScore[i + 1] = score;
      }
      return;
    }
    for (let b = 0; b < blocks; b++) {
      sweepP[b] = stateP[from * blocks + b]!;
      sweepM[b] = stateM[from * blocks + b]!;
    }
    let score = stateScore[from]!;
    for (let i = from; i < n; i++) {
      score += this.step(hyp[i]!);
      for (let b = 0; b < blocks; b++) {
        stateP[(i + 1) * blocks + b] = sweepP[b]!;
        stateM[(i + 1) * blocks + b] = sweepM[b]!;
      }
      stateScore[i + 1] = score;
    }
  }

  /** The edit distance of a hypothesis that equals the prepared one in its first `prefix` words. */
  distance(hyp: Int32Array, prefix: number): number {
    const { blocks, n } = this;
    let score = stateScore[prefix]!;
    if (blocks === 1) {
      const last = this.last;
      const peq = peqScratch;
      let pv = stateP[prefix]!;
      let mv = stateM[prefix]!;
      for (let i = prefix; i < n; i++) {
        const word = hyp[i]!;
        const eq = word < 0 ? 0 : peq[word]!;
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & last) score++;
        else if (mh & last) score--;
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      return score;
    }
    for (let b = 0; b < blocks; b++) {
      sweepP[b] = stateP[prefix * blocks + b]!;
      sweepM[b] = stateM[prefix * blocks + b]!;
    }
    for (let i = prefix; i < n; i++) score += this.step(hyp[i]!);
    return score;
  }

  /** The distance of the prepared hypothesis. */
  get score(): number {
    return stateScore[this.n]!;
  }

  /**
   * The cell (i, j) of the edit distance matrix of the prepared hypothesis (i of its words against j of the
   * reference's): i plus the vertical deltas of column i's first j rows.
   */
  private cell(i: number, j: number): number {
    const { blocks } = this;
    let value = i;
    const base = i * blocks;
    for (let b = 0; j > 0; b++, j -= 32) {
      const mask = j >= 32 ? -1 : ~(-1 << j); // the low j bits, in 32-bit arithmetic throughout
      value += popCount(stateP[base + b]! & mask) - popCount(stateM[base + b]! & mask);
    }
    return value;
  }

  /** D(i, j) − D(i, j − 1) of the prepared hypothesis, j ≥ 1: the vertical delta of column i at row j. */
  private delta(i: number, j: number): number {
    const at = i * this.blocks + ((j - 1) >>> 5);
    const bit = 1 << ((j - 1) & 31);
    return (stateP[at]! & bit) !== 0 ? 1 : (stateM[at]! & bit) !== 0 ? -1 : 0;
  }

  /**
   * The edit operations of the prepared hypothesis `hyp`, written as BeamDistance.trace writes them (the same
   * choice at every cell: the diagonal, then deletion, then insertion, the first strictly cheaper one), from
   * cells read off the kept states: `here` is the cell reached, `above` the one a hypothesis word earlier,
   * each step down a row costs a delta and only a step back a word counts bits. Meaningful where exactByBits
   * holds, the beam matrix then agreeing with the plain one along the way.
   */
  trace(hyp: Int32Array): number {
    const { ref, n, m } = this;
    const capacity = n + m + 1;
    if (scratchTrace.length < capacity) scratchTrace = new Uint8Array(capacity * 2);
    const trace = scratchTrace;
    let k = capacity;
    let i = n;
    let j = m;
    let here = stateScore[n]!;
    let above = i > 0 ? this.cell(i - 1, j) : 0;
    while (i > 0 && j > 0) {
      const same = hyp[i - 1] === ref[j - 1];
      const diagonal = above - this.delta(i - 1, j);
      let best = diagonal + (same ? 0 : 1);
      let op = same ? NOP : SUB;
      if (above + 1 < best) {
        best = above + 1;
        op = DEL;
      }
      const left = here - this.delta(i, j);
      if (left + 1 < best) op = INS;
      trace[--k] = op;
      if (op === INS) {
        j--;
        here = left;
        above = diagonal;
      } else {
        here = op === DEL ? above : diagonal;
        i--;
        if (op !== DEL) j--;
        if (i > 0) above = this.cell(i - 1, j);
      }
    }
    // Along the first column only deletions lead, along the first row only insertions.
    for (; i > 0; i--) trace[--k] = DEL;
    for (; j > 0; j--) trace[--k] = INS;
    return k;
  }

  /**
   * One hypothesis word through every block (sweepP/sweepM), each handing the horizontal delta of its last row
   * to the block below; returns the delta leaving the last block (the change of the score).
   */
  private step(word: number): number {
    const { blocks, m } = this;
    const peq = peqScratch;
    let hin = 1; // the top row grows by one a word
    for (let b = 0; b < blocks; b++) {
      let eq = word < 0 ? 0 : peq[b * m + word]!;
      const pv = sweepP[b]!;
      const mv = sweepM[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const last = b === blocks - 1 ? this.last : 1 << 31;
      const hout = (ph & last) !== 0 ? 1 : (mh & last) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      sweepP[b] = mh | ~(xv | ph);
      sweepM[b] = ph & xv;
      hin = hout;
    }
    return hin;
  }
}

/** The number of bits set in a 32-bit integer. */
function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

interface Alignment {
  /** For each reference position, the hypothesis position it is aligned to (or the last one before it). */
  align: Int32Array;
  refErr: Uint8Array;
  hypErr: Uint8Array;
}

function alignmentOf(from: number, end: number, n: number, m: number): Alignment {
  if (scratchAlign.length < m || scratchHypErr.length < n) {
    scratchAlign = new Int32Array(Math.max(m, n) * 2);
    scratchRefErr = new Uint8Array(Math.max(m, n) * 2);
    scratchHypErr = new Uint8Array(Math.max(m, n) * 2);
  }
  const align = scratchAlign;
  const refErr = scratchRefErr.fill(0, 0, m);
  const hypErr = scratchHypErr.fill(0, 0, n);
  let h = -1;
  let r = -1;
  const trace = scratchTrace;
  for (let k = from; k < end; k++) {
    const o = trace[k]!;
    if (o === NOP || o === SUB) {
      h++;
      r++;
      align[r] = h;
      if (o === SUB) {
        hypErr[h] = 1;
        refErr[r] = 1;
      }
    } else if (o === DEL) {
      h++; // an extra hypothesis word
      hypErr[h] = 1;
    } else {
      r++; // a reference word missing from the hypothesis
      align[r] = h;
      refErr[r] = 1;
    }
  }
  return { align, refErr, hypErr };
}

/**
 * Writes `words` with the block [start, start + length) moved to `target` into `out`. Plain loops: hypotheses
 * are a few dozen words, and views (subarray) for TypedArray#set cost more than the copying, in time and garbage.
 */
function performShift(words: Int32Array, n: number, start: number, length: number, target: number, out: Int32Array): Int32Array {
  const end = start + length;
  let o = 0;
  if (target < start) {
    for (let k = 0; k < target; k++) out[o++] = words[k]!;
    for (let k = start; k < end; k++) out[o++] = words[k]!;
    for (let k = target; k < start; k++) out[o++] = words[k]!;
    for (let k = end; k < n; k++) out[o++] = words[k]!;
  } else if (target > end) {
    for (let k = 0; k < start; k++) out[o++] = words[k]!;
    for (let k = end; k < target; k++) out[o++] = words[k]!;
    for (let k = start; k < end; k++) out[o++] = words[k]!;
    for (let k = target; k < n; k++) out[o++] = words[k]!;
  } else {
    // A target inside the block itself; like Python's slices, the part after the block stops at the end.
    const middle = Math.min(length + target, n);
    for (let k = 0; k < start; k++) out[o++] = words[k]!;
    for (let k = end; k < middle; k++) out[o++] = words[k]!;
    for (let k = start; k < end; k++) out[o++] = words[k]!;
    for (let k = middle; k < n; k++) out[o++] = words[k]!;
  }
  return out;
}

interface ShiftOutcome {
  gain: number;
  words: Int32Array;
  checked: number;
  /** Where the trace of the hypothesis the round started from begins in scratchTrace (it ends at traceEnd). */
  traceStart: number;
}

/** The best single shift of `words`, ranked as tercom ranks them; gain 0 when none helps. */
/**
 * Where each reference word occurs, as linked lists in increasing order: `first[id]` and `next[position]`
 * (-1 ends a list). The shift search visits only the reference positions where a block can start.
 */
interface Occurrences {
  first: Int32Array;
  next: Int32Array;
}

/** Reference ids are below m (encode numbers them densely), so m entries of `first` suffice. */
function occurrencesOf(ref: Int32Array, m: number): Occurrences {
  const first = firstScratch.fill(-1, 0, m);
  const next = nextScratch.fill(-1, 0, m);
  for (let k = m - 1; k >= 0; k--) {
    next[k] = first[ref[k]!]!;
    first[ref[k]!] = k;
  }
  return { first, next };
}

/**
 * The best single shift of `words` (n of them), ranked as tercom ranks them; gain 0 when none helps. The
 * candidates are written into `spareA` and `spareB`; the best one's words are one of them.
 */
function bestShift(
  words: Int32Array,
  n: number,
  ref: Int32Array,
  m: number,
  occurrences: Occurrences,
  ed: BeamDistance,
  bits: WordBits | null,
  byBits: boolean,
  preScore: number,
  checked: number,
  spareA: Int32Array,
  spareB: Int32Array,
): ShiftOutcome {
  const traceStart = byBits && bits ? bits.trace(words) : ed.trace();
  const { align, refErr, hypErr } = alignmentOf(traceStart, ed.traceEnd, n, m);
  let best: { gain: number; length: number; start: number; target: number; words: Int32Array } | null = null;
  let shifted: Int32Array = spareA;

  for (let startH = 0; startH < n; startH++) {
    const word = words[startH]!;
    // Pairs whose first words differ yield no block; visiting only matches keeps tercom's order.
    for (let startR = word < 0 ? -1 : occurrences.first[word]!; startR >= 0; startR = occurrences.next[startR]!) {
      if (startR < startH - MAX_SHIFT_DIST) continue;
      if (startR > startH + MAX_SHIFT_DIST) break;
      let length = 0;
      let hypErrors = 0;
      let refErrors = 0;
      while (words[startH + length] === ref[startR + length] && length < MAX_SHIFT_SIZE) {
        hypErrors += hypErr[startH + length]!;
        refErrors += refErr[startR + length]!;
        length++;
        // Each matching block, from one word up, is a candidate of its own.
        if (hypErrors !== 0 && refErrors !== 0) {
          const aligned = align[startR]!;
          if (!(startH <= aligned && aligned < startH + length)) {
            let previousTarget = -1;
            for (let offset = -1; offset < length; offset++) {
              const target = startR + offset === -1 ? 0 : align[startR + offset]! + 1;
              if (target === previousTarget) continue;
              previousTarget = target;
              performShift(words, n, startH, length, target, shifted);
              checked++;
              // Only a candidate that can still win matters: one with a positive gain at least equal to the best
              // one's (ties are broken below). Any other would change nothing, so its distance is cut short.
              const limit = preScore - Math.max(best?.gain ?? 1, 1);
              const prefix = commonPrefix(words, shifted, Math.min(startH, target), n);
              const suffix = commonSuffix(words, shifted, shiftedUpTo(startH, length, target, n), prefix);
              const distance = candidateDistance(ed, bits, shifted, words, prefix, suffix, limit);
              if (distance < 0) continue;
              const gain = preScore - distance;
              if (
                best === null ||
                gain > best.gain ||
                (gain === best.gain &&
                  (length > best.length ||
                    (length === best.length && (startH < best.start || (startH === best.start && target < best.target)))))
              ) {
                const previous = best?.words;
                best = { gain, length, start: startH, target, words: shifted };
                shifted = previous ?? spareB; // keep the best, reuse the loser's memory
              }
            }
            if (checked >= MAX_SHIFT_CANDIDATES) return done(best, words, checked, traceStart);
          }
        }
        if (n === startH + length || m === startR + length) break;
      }
    }
  }
  return done(best, words, checked, traceStart);
}

/**
 * A candidate's beam distance if it is at most `limit`, else -1. The bit-parallel sweep gives the plain edit
 * distance d, which equals the beam distance when the beam spans every row, and also whenever d ≤ beam − 2:
 * every cell (i, j) of an alignment costing d lies within d of the pseudo-diagonal i·m/n (it is at least
 * |i − j| from the start and |(n − i) − (m − j)| from the end, and i·m/n lies between those), and the beam
 * keeps a margin of one more for the rounding of floor(i·m/n) in floating point. A candidate with d over the
 * limit has a beam distance over it too (the beam only removes paths). So when the limit is at most beam − 2,
 * d decides exactly; above it (a sentence of many words with more than 23 edits, none in the APE corpus) the
 * rows within the beam are computed as sacrebleu does.
 */
/**
 * Whether a hypothesis whose plain edit distance is `plain` has the same beam distance and the same trace:
 * when the beam spans every row, or when plain ≤ beam − 2. Then every alignment costing `plain` stays within
 * the beam (as for candidates, below), so the beam distance is `plain`; and the trace, walking back from the
 * last cell, compares at each cell the neighbours a cheapest alignment can come from, which lie on such an
 * alignment and so have their plain values, with neighbours that cannot, which are dearer in both matrices:
 * the same choice at every cell.
 */
function exactByBits(ed: BeamDistance, plain: number): boolean {
  return ed.unbounded || plain <= ed.beam - 2;
}

function candidateDistance(
  ed: BeamDistance,
  bits: WordBits | null,
  shifted: Int32Array,
  words: Int32Array,
  prefix: number,
  suffix: number,
  limit: number,
): number {
  if (bits && (ed.unbounded || limit <= ed.beam - 2)) {
    const distance = bits.distance(shifted, prefix);
    return distance > limit ? -1 : distance;
  }
  return ed.distanceFrom(shifted, words, prefix, suffix, limit);
}

function done(best: { gain: number; words: Int32Array } | null, words: Int32Array, checked: number, traceStart: number): ShiftOutcome {
  return best ? { gain: best.gain, words: best.words, checked, traceStart } : { gain: 0, words, checked, traceStart };
}

/** Where performShift's words are the original's again: from the end of the block or of where it went. */
function shiftedUpTo(start: number, length: number, target: number, n: number): number {
  const end = start + length;
  return target < start ? end : target > end ? target : Math.min(length + target, n);
}

/** Where two hypotheses' common tail starts, knowing they agree from `from` on and share `prefix` leading words. */
function commonSuffix(a: Int32Array, b: Int32Array, from: number, prefix: number): number {
  let k = Math.max(from, prefix);
  while (k > prefix && a[k - 1] === b[k - 1]) k--;
  return k;
}

/** How many leading words two hypotheses of n words share, knowing they agree before `from`. */
function commonPrefix(a: Int32Array, b: Int32Array, from: number, n: number): number {
  let k = from;
  while (k < n && a[k] === b[k]) k++;
  return k;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * TER edits of a tokenized hypothesis (the MT) against a tokenized reference (the post-edit), with the
 * count of each kind of edit. An empty reference counts every hypothesis word as an edit.
 */
export function terWords(hypothesis: readonly string[], reference: readonly string[]): TerResult {
  const refWords = reference.length;
  if (refWords === 0 || sameWords(hypothesis, reference)) return unchanged(hypothesis.length, refWords);
  const { h, r } = encode(hypothesis, reference);
  return terOfIds(h, hypothesis.length, r, refWords);
}

/** TER of a hypothesis against an empty reference (every word deleted), or against the same words (0). */
function unchanged(n: number, m: number): TerResult {
  return m === 0
    ? { edits: n, refWords: 0, insertions: 0, deletions: n, substitutions: 0, shifts: 0 }
    : { edits: 0, refWords: m, insertions: 0, deletions: 0, substitutions: 0, shifts: 0 };
}

/**
 * terWords of words given as integers: `r` the reference's, numbered densely from 0 (each id below m), `h`
 * the hypothesis's, equal to a reference word's id exactly when it is that word, else negative (wordIds.ts
 * and encode number them so). `h` is overwritten.
 */
export function terOfIds(h: Int32Array, n: number, r: Int32Array, m: number): TerResult {
  if (m === 0 || sameIds(h, n, r, m)) return unchanged(n, m);
  reserveWords(Math.max(n, m));
  const ed = new BeamDistance(r, m, n);
  const occurrences = occurrencesOf(r, m);
  // Past a few blocks of words the bit-parallel sweeps (O(n · m / 32) a candidate) cost more than the beam's.
  const bits = m <= BIT_PARALLEL_MAX_WORDS ? new WordBits(r, m, n) : null;
  let words = h;
  let [, spareA, spareB] = hypWordsScratch as [Int32Array, Int32Array, Int32Array];
  // The bit-parallel states give the distance and the trace when the beam cannot have changed them (exactByBits);
  // else the matrix rows within the beam do, of which the first `rowsRight` are right for `words`.
  let rowsRight = 0;
  bits?.prepare(words, 0);
  let byBits = bits !== null && exactByBits(ed, bits.score);
  let score = byBits && bits ? bits.score : ed.fill(words, rowsRight);
  if (!byBits) rowsRight = n;
  let shifts = 0;
  let checked = 0;
  // Where the trace of `words` starts in scratchTrace, once a round of the shift search has traced it.
  let traced = -1;
  // With no error left no shift can gain anything (sacrebleu would evaluate candidates and stop the same way).
  while (score > 0) {
    const outcome = bestShift(words, n, r, m, occurrences, ed, bits, byBits, score, checked, spareA, spareB);
    checked = outcome.checked;
    // sacrebleu stops at the candidate cap before applying the shift it found in that round.
    if (checked >= MAX_SHIFT_CANDIDATES || outcome.gain <= 0) {
      traced = outcome.traceStart;
      break;
    }
    shifts++;
    const prefix = commonPrefix(words, outcome.words, 0, n);
    // The shifted words become the hypothesis; the array they replace is free for the next candidates.
    if (outcome.words === spareA) spareA = words;
    else spareB = words;
    words = outcome.words;
    if (rowsRight > prefix) rowsRight = prefix;
    bits?.prepare(words, prefix);
    byBits = bits !== null && exactByBits(ed, bits.score);
    score = byBits && bits ? bits.score : ed.fill(words, rowsRight);
    if (!byBits) rowsRight = n;
  }
  let insertions = 0;
  let deletions = 0;
  let substitutions = 0;
  // The kinds of the edits, from the trace of the final words: the last round's when it changed nothing, none
  // when no edit is left.
  const start = score === 0 ? ed.traceEnd : traced >= 0 ? traced : byBits && bits ? bits.trace(words) : ed.trace();
  const trace = scratchTrace;
  for (let k = start, end = ed.traceEnd; k < end; k++) {
    const o = trace[k];
    if (o === SUB) substitutions++;
    else if (o === DEL) deletions++;
    else if (o === INS) insertions++;
  }
  return { edits: shifts + score, refWords: m, insertions, deletions, substitutions, shifts };
}

function sameIds(h: Int32Array, n: number, r: Int32Array, m: number): boolean {
  if (n !== m) return false;
  for (let k = 0; k < n; k++) if (h[k] !== r[k]) return false;
  return true;
}
