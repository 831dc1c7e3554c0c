import {
  bucketOf,
  SPELLINGS,
  clusterVariantsOf,
  compareWords,
  linked,
  occurrencesIn,
  type BuiltNameIndex,
  type NameIndex,
  type NameVariant,
  type Token,
} from './nameIndex';
import type { Steps } from '../model/steps';

/** Sentences a step of building the state takes. */
const SLICE = 250;

/**
 * What it takes to keep a document's names index (nameIndex.ts) up to date as sentences change, in time
 * proportional to the sentences that use the names involved rather than to the document: how often each
 * capitalized word stands where a capital is required or not, each sentence's names in order, the sentences
 * using each spelling, and which spellings form one name. An updated index equals a freshly built one.
 */
export interface NameState {
  /** Whether spellings are compared strictly (a language that capitalizes its nouns); fixed for the state. */
  readonly strict: boolean;
  readonly midSentence: Map<string, number>;
  readonly atStart: Map<string, number>;
  readonly midSentenceByBucket: Map<string, Set<string>>;
  readonly atStartByBucket: Map<string, Set<string>>;
  /** Per sentence, the spellings of the names it holds, in order. */
  readonly forms: Array<readonly string[]>;
  readonly formSentences: Map<string, Set<number>>;
  readonly formsByBucket: Map<string, Set<string>>;
  /** Spelling → the spellings of its name (one shared set per name). */
  readonly clusters: Map<string, Set<string>>;
}

const bump = (map: Map<string, number>, byBucket: Map<string, Set<string>>, word: string, delta: number, strict: boolean): void => {
  const n = (map.get(word) ?? 0) + delta;
  const key = bucketOf(word, strict);
  if (n > 0) {
    map.set(word, n);
    let bucket = byBucket.get(key);
    if (!bucket) byBucket.set(key, (bucket = new Set()));
    bucket.add(word);
  } else {
    map.delete(word);
    const bucket = byBucket.get(key);
    bucket?.delete(word);
    if (bucket?.size === 0) byBucket.delete(key);
  }
};

function countTokens(state: NameState, all: readonly Token[], sign: number, touched: Set<string>): void {
  for (const token of all) {
    if (!token.capitalized) continue;
    touched.add(token.text);
    if (token.initial) bump(state.atStart, state.atStartByBucket, token.text, sign, state.strict);
    else bump(state.midSentence, state.midSentenceByBucket, token.text, sign, state.strict);
  }
}

/**
 * The state behind an index just built (see buildNameIndexSteps), without comparing spellings again, a slice of
 * sentences a step.
 */
export function* nameStateSteps(built: BuiltNameIndex, tokenized: ReadonlyArray<readonly Token[]>, strict: boolean): Steps<void, NameState> {
  const { index: names, forms } = built;
  const state: NameState = {
    strict,
    midSentence: new Map(),
    atStart: new Map(),
    midSentenceByBucket: new Map(),
    atStartByBucket: new Map(),
    forms,
    formSentences: new Map(),
    formsByBucket: new Map(),
    clusters: new Map(),
  };
  const ignored = new Set<string>();
  for (let i = 0; i < tokenized.length; i++) {
    countTokens(state, tokenized[i]!, 1, ignored);
    ignored.clear();
    for (const form of forms[i]!) {
      let users = state.formSentences.get(form);
      if (!users) state.formSentences.set(form, (users = new Set()));
      users.add(i);
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  let keyed = 0;
  for (const form of names.counts.keys()) {
    const key = bucketOf(form, strict);
    let bucket = state.formsByBucket.get(key);
    if (!bucket) state.formsByBucket.set(key, (bucket = new Set()));
    bucket.add(form);
    state.clusters.set(form, new Set([form]));
    if (++keyed % SPELLINGS === 0) yield;
  }
  // A name of several spellings lists each in the variants, every one pointing within the name.
  for (const [form, variant] of names.variants) {
    const a = state.clusters.get(form)!;
    const b = state.clusters.get(variant.preferred)!;
    if (a === b) continue;
    for (const member of b) {
      a.add(member);
      state.clusters.set(member, a);
    }
  }
  return state;
}

/** A deep copy (shared cluster sets stay shared), for callers that keep the state they patch from. */
export function copyNameState(state: NameState): NameState {
  const copySets = (map: Map<string, Set<string>>) => new Map([...map].map(([k, v]) => [k, new Set(v)]));
  const clusters = new Map<string, Set<string>>();
  const copies = new Map<Set<string>, Set<string>>();
  for (const [form, cluster] of state.clusters) {
    let copy = copies.get(cluster);
    if (!copy) copies.set(cluster, (copy = new Set(cluster)));
    clusters.set(form, copy);
  }
  return {
    strict: state.strict,
    midSentence: new Map(state.midSentence),
    atStart: new Map(state.atStart),
    midSentenceByBucket: copySets(state.midSentenceByBucket),
    atStartByBucket: copySets(state.atStartByBucket),
    forms: state.forms.map((f) => [...f]),
    formSentences: new Map([...state.formSentences].map(([k, v]) => [k, new Set(v)])),
    formsByBucket: copySets(state.formsByBucket),
    clusters,
  };
}

export const copyNameIndex = (names: NameIndex): NameIndex => ({
  known: new Set(names.known),
  counts: new Map(names.counts),
  variants: new Map(names.variants),
});

const sameVariant = (a: NameVariant | undefined, b: NameVariant | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.preferred === b.preferred && a.count === b.count && a.tie === b.tie);

export interface SentenceChange {
  index: number;
  before: readonly Token[];
  after: readonly Token[];
}

/**
 * Brings `names` (changed in place) and its state up to date after sentences got new tokens (the texts and
 * tokens already hold the new ones). `usersOf` gives sentences holding any of the given capitalized words (a
 * superset will do; see nameWords.ts). Returns the names whose standing changed: a word that became or stopped
 * being a name, a spelling whose variant entry changed.
 */
export function updateNames(
  names: NameIndex,
  state: NameState,
  text: (index: number) => string,
  tokensOf: (index: number) => readonly Token[],
  changes: readonly SentenceChange[],
  usersOf: (words: readonly string[]) => Iterable<number>,
): Set<string> {
  const known = names.known as Set<string>;
  const counts = names.counts as Map<string, number>;
  const variants = names.variants as Map<string, NameVariant>;
  const { strict } = state;

  // 1. How often each word stands mid-sentence and at a start.
  const words = new Set<string>();
  const hadMid = new Map<string, boolean>();
  const hadStart = new Map<string, boolean>();
  for (const change of changes) {
    for (const token of [...change.before, ...change.after]) {
      if (!token.capitalized || hadMid.has(token.text)) continue;
      hadMid.set(token.text, state.midSentence.has(token.text));
      hadStart.set(token.text, state.atStart.has(token.text));
    }
    countTokens(state, change.before, -1, words);
    countTokens(state, change.after, 1, words);
  }

  // 2. Which words are names: used mid-sentence, or at a start as a variant of one used mid-sentence.
  const isKnown = (word: string): boolean =>
    state.midSentence.has(word) ||
    (state.atStart.has(word) &&
      [...(state.midSentenceByBucket.get(bucketOf(word, strict)) ?? [])].some((other) => compareWords(word, other, strict) === 'variant'));
  const recheck = new Set<string>();
  for (const word of words) {
    const midMoved = hadMid.get(word) !== state.midSentence.has(word);
    if (midMoved || hadStart.get(word) !== state.atStart.has(word)) recheck.add(word);
    if (!midMoved) continue;
    // A word newly (or no longer) used mid-sentence can make start-of-sentence spellings of it names (or not).
    for (const other of state.atStartByBucket.get(bucketOf(word, strict)) ?? []) {
      if (compareWords(other, word, strict) === 'variant') recheck.add(other);
    }
  }
  const knownChanged = new Set<string>();
  for (const word of recheck) {
    const now = isKnown(word);
    if (now === known.has(word)) continue;
    if (now) known.add(word);
    else known.delete(word);
    knownChanged.add(word);
  }

  // 3. The names each affected sentence holds, and how often each spelling is used.
  const affected = new Set(changes.map((c) => c.index));
  if (knownChanged.size > 0) {
    const firstRuns = [...knownChanged].map((w) => w.match(/[\p{L}\p{M}]+/u)?.[0] ?? w);
    for (const i of usersOf(firstRuns)) affected.add(i);
  }
  const touched = new Set<string>();
  const hadForm = new Map<string, boolean>();
  for (const i of affected) {
    const before = state.forms[i] ?? [];
    const after = occurrencesIn(text(i), tokensOf(i), known).map((o) => o.form);
    if (before.length === after.length && before.every((f, k) => f === after[k])) continue;
    for (const form of [...before, ...after]) {
      if (!hadForm.has(form)) hadForm.set(form, counts.has(form));
      touched.add(form);
    }
    for (const form of before) {
      const n = counts.get(form)! - 1;
      if (n > 0) counts.set(form, n);
      else counts.delete(form);
    }
    for (const form of after) counts.set(form, (counts.get(form) ?? 0) + 1);
    const still = new Set(after);
    for (const form of before) if (!still.has(form)) state.formSentences.get(form)?.delete(i);
    for (const form of still) {
      let users = state.formSentences.get(form);
      if (!users) state.formSentences.set(form, (users = new Set()));
      users.add(i);
    }
    state.forms[i] = after;
  }

  // 4. Which spellings form one name: a spelling gone may split its name, a new one may join names.
  const oldMembers = new Set<string>();
  for (const form of touched) for (const member of state.clusters.get(form) ?? []) oldMembers.add(member);
  for (const form of touched) {
    if (!hadForm.get(form) || counts.has(form)) continue;
    state.formSentences.delete(form);
    const key = bucketOf(form, strict);
    state.formsByBucket.get(key)?.delete(form);
    if (state.formsByBucket.get(key)?.size === 0) state.formsByBucket.delete(key);
    const cluster = state.clusters.get(form)!;
    state.clusters.delete(form);
    cluster.delete(form);
    for (const part of components([...cluster], strict)) {
      const set = new Set(part);
      for (const member of part) state.clusters.set(member, set);
    }
  }
  for (const form of touched) {
    if (hadForm.get(form) || !counts.has(form)) continue;
    const key = bucketOf(form, strict);
    let bucket = state.formsByBucket.get(key);
    if (!bucket) state.formsByBucket.set(key, (bucket = new Set()));
    const merged = new Set([form]);
    for (const other of bucket) {
      if (!merged.has(other) && linked(form, other, strict)) for (const member of state.clusters.get(other)!) merged.add(member);
    }
    bucket.add(form);
    for (const member of merged) state.clusters.set(member, merged);
  }

  // 5. The variants of every name involved, spellings ranked as a fresh build ranks them.
  const ranked = new Set<Set<string>>();
  for (const member of [...oldMembers, ...touched]) {
    const cluster = state.clusters.get(member);
    if (cluster) ranked.add(cluster);
  }
  const involved = new Set([...oldMembers, ...touched]);
  for (const cluster of ranked) for (const member of cluster) involved.add(member);
  const before = new Map([...involved].map((m) => [m, variants.get(m)]));
  for (const member of involved) variants.delete(member);
  const firstUse = (form: string): [number, number] => {
    let first = Infinity;
    for (const i of state.formSentences.get(form)!) if (i < first) first = i;
    return [first, state.forms[first]!.indexOf(form)];
  };
  for (const cluster of ranked) {
    if (cluster.size < 2) continue;
    const order = [...cluster].map((form) => ({ form, at: firstUse(form) }));
    order.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    for (const [form, variant] of clusterVariantsOf(order.map((o) => o.form), counts)) variants.set(form, variant);
  }
  const changed = knownChanged;
  for (const member of involved) if (!sameVariant(before.get(member), variants.get(member))) changed.add(member);
  return changed;
}

/** The names the spellings form among themselves (as a fresh build links them). */
function components(forms: readonly string[], strict: boolean): string[][] {
  const out: string[][] = [];
  const left = new Set(forms);
  for (const start of forms) {
    if (!left.has(start)) continue;
    left.delete(start);
    const part = [start];
    for (let k = 0; k < part.length; k++) {
      for (const other of [...left]) {
        if (linked(part[k]!, other, strict)) {
          left.delete(other);
          part.push(other);
        }
      }
    }
    out.push(part);
  }
  return out;
}
