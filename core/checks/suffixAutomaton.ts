/**
 * A suffix automaton of a sequence of symbols (a text's characters, or its words as numbers): which stretches of
 * the sequence another holds, each question answered in time linear in that other sequence, however long the
 * first. Searching the first anew for each of thousands of stretches made checks quadratic in a long sentence.
 *
 * Transitions live in one map keyed by state and symbol (symbols renumbered densely), with each state's symbols
 * listed in typed arrays for the copies a split makes, rather than in a map for each of the 2n states.
 */
export class SuffixAutomaton {
  /** Symbol → dense number. */
  private readonly alphabet = new Map<number, number>();
  /** state * width + dense symbol → state. */
  private readonly transitions = new Map<number, number>();
  private readonly link: Int32Array;
  private readonly length: Int32Array;
  /** The symbols leaving each state, as linked lists: first[state] → edge, nextEdge[edge] → edge. */
  private readonly first: Int32Array;
  private readonly edgeSymbol: Int32Array;
  private readonly nextEdge: Int32Array;
  private edges = 0;
  private states = 1;
  private last = 0;
  /** The alphabet's size, read from the sequence before the automaton is built. */
  private readonly width: number;

  constructor(symbols: readonly number[]) {
    for (const symbol of symbols) if (!this.alphabet.has(symbol)) this.alphabet.set(symbol, this.alphabet.size);
    this.width = Math.max(1, this.alphabet.size);
    // At most 2n states and 3n transitions for a sequence of n symbols.
    const capacity = 2 * symbols.length + 2;
    this.link = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
    this.first = new Int32Array(capacity).fill(-1);
    this.edgeSymbol = new Int32Array(3 * symbols.length + 3);
    this.nextEdge = new Int32Array(3 * symbols.length + 3);
    this.link[0] = -1;
    for (const symbol of symbols) this.extend(this.alphabet.get(symbol)!);
  }

  private target(state: number, symbol: number): number | undefined {
    return this.transitions.get(state * this.width + symbol);
  }

  private add(state: number, symbol: number, to: number): void {
    this.transitions.set(state * this.width + symbol, to);
    this.edgeSymbol[this.edges] = symbol;
    this.nextEdge[this.edges] = this.first[state]!;
    this.first[state] = this.edges++;
  }

  private extend(symbol: number): void {
    const state = this.states++;
    this.length[state] = this.length[this.last]! + 1;
    let p = this.last;
    while (p !== -1 && this.target(p, symbol) === undefined) {
      this.add(p, symbol, state);
      p = this.link[p]!;
    }
    if (p === -1) {
      this.link[state] = 0;
    } else {
      const q = this.target(p, symbol)!;
      if (this.length[p]! + 1 === this.length[q]) {
        this.link[state] = q;
      } else {
        const clone = this.states++;
        this.length[clone] = this.length[p]! + 1;
        this.link[clone] = this.link[q]!;
        for (let edge = this.first[q]!; edge !== -1; edge = this.nextEdge[edge]!) {
          this.add(clone, this.edgeSymbol[edge]!, this.target(q, this.edgeSymbol[edge]!)!);
        }
        while (p !== -1 && this.target(p, symbol) === q) {
          this.transitions.set(p * this.width + symbol, clone);
          p = this.link[p]!;
        }
        this.link[q] = clone;
        this.link[state] = clone;
      }
    }
    this.last = state;
  }

  private step(state: number, symbol: number): number | undefined {
    const dense = this.alphabet.get(symbol);
    return dense === undefined ? undefined : this.target(state, dense);
  }

  /** Whether the sequence holds `symbols` as one stretch. */
  holds(symbols: Iterable<number>): boolean {
    let state = 0;
    for (const symbol of symbols) {
      const to = this.step(state, symbol);
      if (to === undefined) return false;
      state = to;
    }
    return true;
  }

  /** For each position of `symbols`, the length of the longest stretch ending there that the sequence holds. */
  longestEndingAt(symbols: readonly number[]): number[] {
    const lengths: number[] = [];
    let state = 0;
    let matched = 0;
    for (const symbol of symbols) {
      let to = this.step(state, symbol);
      while (to === undefined && state !== 0) {
        state = this.link[state]!;
        matched = this.length[state]!;
        to = this.step(state, symbol);
      }
      if (to === undefined) {
        matched = 0;
      } else {
        state = to;
        matched++;
      }
      lengths.push(matched);
    }
    return lengths;
  }
}

/** A text's UTF-16 code units, as the automaton's symbols. */
export const codeUnits = (text: string): number[] => Array.from({ length: text.length }, (_, k) => text.charCodeAt(k));

/** Searches of a text made with `includes` before it is indexed: an index costs about as much as a few dozen. */
const SEARCHES_BEFORE_INDEX = 16;

/**
 * Whether `text` holds a stretch, for many stretches: a search of the whole text for each of the first few
 * different ones (most sentences ask one or two), then an automaton built once, so thousands of searches of a
 * long text stay linear in it. A stretch asked again is answered from memory.
 */
export function substringsOf(text: string): (part: string) => boolean {
  const answers = new Map<string, boolean>();
  let index: SuffixAutomaton | undefined;
  return (part) => {
    let holds = answers.get(part);
    if (holds === undefined) {
      if (index === undefined && answers.size < SEARCHES_BEFORE_INDEX) holds = text.includes(part);
      else holds = (index ??= new SuffixAutomaton(codeUnits(text))).holds(codeUnits(part));
      answers.set(part, holds);
    }
    return holds;
  };
}
