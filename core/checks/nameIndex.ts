import { levenshtein } from '../metrics/levenshtein';
import { runToEnd, type Steps } from '../model/steps';
import { isUpperLetter, words, type Word } from './text';

/** Sentences, and spelling comparisons, a build step takes before it lets a caller answer in between. */
const SLICE = 250;
const COMPARISONS = 1_000;
/**
 * Spellings keyed (bucketOf) or grouped a step: in a book of a name a sentence, they are as many as its sentences.
 * 2,000 a step took 15–35 ms in a book of 110k names, each a request's wait when built between requests.
 */
export const SPELLINGS = 500;

/**
 * The names of a document and how each is spelled. A name is a run of capitalized words (`Kassym-Jomart
 * Tokayev`, `Alma-Ata`); a capitalized word where any word may be capitalized (the start of a sentence, after
 * a quotation mark or a colon) counts only when the document also capitalizes it elsewhere. Runs are compared
 * only with runs of as many words, so `Nursultan Nazarbayev` (a person) is never taken for `Nur-Sultan` (a city).
 */

/** One name in a sentence. */
export interface NameOccurrence {
  /** The name as written, inner spaces made single, a possessive `’s` left out. */
  form: string;
  start: number;
  end: number;
  words: number;
}

/** What to use instead of a spelling that is not the document's usual one. */
export interface NameVariant {
  /** The most frequent spelling of the name (with a tie, the other tied spelling). */
  preferred: string;
  count: number;
  /** No spelling is the most frequent: the editor has to choose. */
  tie: boolean;
}

export interface NameIndex {
  /** Capitalized words the document uses where a capital is not required: names. */
  known: ReadonlySet<string>;
  /** Occurrences of each spelling. */
  counts: ReadonlyMap<string, number>;
  /** The spellings that have a more frequent (or equally frequent) variant. */
  variants: ReadonlyMap<string, NameVariant>;
}

/** Capitalized function words: they start sentences and titles, never a name of their own. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'The A An This That These Those He She It They We I You His Her Its Their Our My Your In On At Of For From ' +
    'With By To Into Onto Upon And But Or Nor As If When While After Before Since Until Because Although Though ' +
    'There Here What Who Whom Whose Which How Why Where Some All Any Each Every No Not So Then Also Yet Thus ' +
    'Is Was Are Were Be Been Has Have Had Do Does Did Will Would Can Could Should May Might Must Shall Let ' +
    'According Among Amid During Despite Without Within Throughout Against Over Under About Above Below ' +
    'Meanwhile However Therefore Moreover Furthermore Nevertheless Still Even Only Just Both Either Neither ' +
    'Such Other Another Many Much More Most Few Several One Two Three Mr Mrs Ms Dr'
  ).split(' '),
);

const INITIAL_BEFORE = new Set([...'“"‘«([{–—-:…;.!?']);

export interface Token {
  text: string;
  start: number;
  end: number;
  capitalized: boolean;
  initial: boolean;
  /** The word went on with a possessive `’s`. */
  possessive: boolean;
}

export function tokens(text: string, split: readonly Word[]): Token[] {
  return split.map((word) => {
    const possessive = /['’]s$/u.test(word.text) ? 2 : 0;
    const form = word.text.slice(0, word.text.length - possessive);
    let before = word.start - 1;
    while (before >= 0 && /\s/u.test(text[before]!)) before--;
    const initial = before < 0 || INITIAL_BEFORE.has(text[before]!);
    // A name has a capital and lower-case letters: `KTK` and `CSTO` are acronyms, `I` and `A` are not names.
    const capitalized = isUpperLetter(form[0]) && /\p{Ll}/u.test(form) && !NOT_NAMES.has(form);
    return { text: form, start: word.start, end: word.start + form.length, capitalized, initial, possessive: possessive > 0 };
  });
}

/**
 * Capitalized words that stand where a capital is not required, and words at the start of a sentence that
 * are spelling variants of those (`Tokaev said …` where the document elsewhere has `… said Tokayev`).
 */
function* collectKnown(tokenized: ReadonlyArray<readonly Token[]>, strict: boolean): Steps<void, Set<string>> {
  const known = new Set<string>();
  const initial = new Set<string>();
  for (let i = 0; i < tokenized.length; i++) {
    for (const token of tokenized[i]!) {
      if (!token.capitalized) continue;
      if (token.initial) initial.add(token.text);
      else known.add(token.text);
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  const byKey = new Map<string, string[]>();
  let keyed = 0;
  for (const word of known) {
    const key = bucketOf(word, strict);
    const bucket = byKey.get(key);
    if (bucket) bucket.push(word);
    else byKey.set(key, [word]);
    if (++keyed % SPELLINGS === 0) yield;
  }
  let compared = 0;
  for (const word of initial) {
    if (known.has(word)) continue;
    const bucket = byKey.get(bucketOf(word, strict));
    if (bucket?.some((other) => compareWords(word, other, strict) === 'variant')) known.add(word);
    compared += 1 + (bucket?.length ?? 0); // keying the word costs about a comparison
    if (compared >= COMPARISONS) {
      compared = 0;
      yield;
    }
  }
  return known;
}

/** The names in `text`: maximal runs of capitalized words separated by single spaces. */
export function nameOccurrences(text: string, known: ReadonlySet<string>, split: readonly Word[] = words(text)): NameOccurrence[] {
  return occurrencesIn(text, tokens(text, split), known);
}

export function occurrencesIn(text: string, all: readonly Token[], known: ReadonlySet<string>): NameOccurrence[] {
  const found: NameOccurrence[] = [];
  const qualifies = (token: Token) => token.capitalized && (!token.initial || known.has(token.text));
  for (let i = 0; i < all.length; i++) {
    const first = all[i]!;
    if (!qualifies(first)) continue;
    const parts = [first.text];
    let end = first.end;
    while (i + 1 < all.length) {
      const next = all[i + 1]!;
      const gap = text.slice(end, next.start);
      // A possessive ends a name (`Kazakhstan’s Ministry`); so does anything but a single space.
      if (all[i]!.possessive || !/^[ \u00a0]$/u.test(gap) || !qualifies(next)) break;
      parts.push(next.text);
      end = next.end;
      i++;
    }
    found.push({ form: parts.join(' ').replace(/‐/gu, '-'), start: first.start, end, words: parts.length });
  }
  return found;
}

// --- Comparing spellings -------------------------------------------------------------------------------

/** Lower case, no accents, no hyphens, apostrophes or spaces: `Alma-Ata` → `almaata`. */
const plainOf = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-‐'’\s]/gu, '');

/**
 * A word's plain and romanized forms, remembered: a document's build compares each spelling with every other
 * of its bucket, and folding the same word for every comparison was most of the build.
 */
interface Folded {
  plain: string;
  romanized: string;
}
const FOLDED_KEPT = 100_000;
let foldedWords = new Map<string, Folded>();
function folded(word: string): Folded {
  let known = foldedWords.get(word);
  if (!known) {
    if (foldedWords.size >= FOLDED_KEPT) foldedWords = new Map();
    const plain = plainOf(word);
    known = { plain, romanized: romanized(plain) };
    foldedWords.set(word, known);
  }
  return known;
}

/** Lower case without hyphens, apostrophes or spaces, accents kept: `Popup-Menü` → `popupmenü`. */
const joined = (word: string): string => word.toLowerCase().replace(/[-‐'’\s]/gu, '');

/** Folds the usual alternatives of romanized names together: Tokayev/Tokaev, Yevgeny/Evgeniy, Uighur/Uyghur. */
function romanized(word: string): string {
  return word
    .replace(/shch/gu, 'sch')
    .replace(/dzh/gu, 'j')
    .replace(/zh/gu, 'j')
    .replace(/kh/gu, 'h')
    .replace(/gh/gu, 'g')
    .replace(/t[sz]/gu, 'c')
    .replace(/ph/gu, 'f')
    .replace(/ck/gu, 'k')
    .replace(/w/gu, 'v')
    .replace(/x/gu, 'ks')
    .replace(/([aeiou])y(?=[aeiou])/gu, '$1')
    .replace(/^y(?=e)/u, '')
    .replace(/(?:iy|yi|ij|ii)$/u, 'i')
    .replace(/y/gu, 'i')
    .replace(/(.)\1+/gu, '$1');
}

/** The first letter and the consonants: names that differ only in vowels share it. */
const skeleton = (folded: string): string => (folded[0] ?? '') + folded.slice(1).replace(/[aeiou]/gu, '');

/** Endings that derive one word from another: Kazakh → Kazakhs, Kazakhstan, Kazakhstani; Minister → Ministry. */
const DERIVING = new Set(
  (
    '- s es n an ans ian ians ean eans i is ese ish ic ics ical ism ist ists ite ites er ers ry y ies e a ia ' +
    'stan istan stani istanis stanis istani ern al ial ed ing ity ness ly'
  )
    .split(' ')
    .map((ending) => (ending === '-' ? '' : ending)),
);

const commonPrefix = (a: string, b: string): number => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

/** One word derives from the other (or both from a common stem). */
function derived(a: string, b: string): boolean {
  const shared = commonPrefix(a, b);
  for (let k = shared; k >= Math.max(3, shared - 3); k--) {
    if (DERIVING.has(a.slice(k)) && DERIVING.has(b.slice(k))) return true;
  }
  return false;
}

/** Words one vowel apart are usually different words: Colombia/Columbia, Tasten/Testen. */
function oneVowelApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    // `y` for `i` is romanization (Uighur/Uyghur), not another word.
    if (++differences > 1 || !/[aeiou]/u.test(a[k]!) || !/[aeiou]/u.test(b[k]!)) return false;
  }
  return differences === 1;
}

/** Words that differ only in final vowels are usually different words: Maria/Mario, Georgia/George. */
function differInFinalVowels(a: string, b: string): boolean {
  const shared = commonPrefix(a, b);
  return /^[aeiouy]*$/u.test(a.slice(shared)) && /^[aeiouy]*$/u.test(b.slice(shared));
}

type Likeness = 'same' | 'variant' | 'different';

/** Whether two capitalized words are one name spelled two ways. */
export function compareWords(a: string, b: string, strict = false): Likeness {
  if (a === b) return 'same';
  if (strict) return joined(a) === joined(b) ? 'variant' : 'different';
  const fa = folded(a);
  const fb = folded(b);
  const pa = fa.plain;
  const pb = fb.plain;
  if (pa === pb) return pa.length >= 3 ? 'variant' : 'different';
  if (pa.length < 4 || pb.length < 4) return 'different';
  if (derived(pa, pb) || differInFinalVowels(pa, pb) || oneVowelApart(pa, pb)) return 'different';
  const ra = fa.romanized;
  const rb = fb.romanized;
  if (ra === rb) return 'variant';
  if (ra[0] !== rb[0] || Math.min(pa.length, pb.length) < 5) return 'different';
  const sa = skeleton(ra);
  if (sa !== skeleton(rb) || sa.length < 4) return 'different';
  const allowed = Math.max(2, Math.floor(0.3 * Math.max(ra.length, rb.length)));
  return levenshtein(ra, rb) <= allowed ? 'variant' : 'different';
}

/** Whether two names of as many words are one name spelled two ways: no word differs, one word varies. */
export function sameNameVariant(a: string, b: string, strict = false): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length || a === b) return false;
  let varies = false;
  for (let k = 0; k < wa.length; k++) {
    const likeness = compareWords(wa[k]!, wb[k]!, strict);
    if (likeness === 'different') return false;
    if (likeness === 'variant') varies = true;
  }
  return varies;
}

/**
 * Candidates for comparison share this key: what compareWords requires of two words it calls the same or a
 * variant, for each word in turn — their joined forms (strict) or the skeletons of their romanized forms. Only
 * spellings with one key are compared, so a book's tens of thousands of names are not compared each with each
 * (keyed by first letter, a German book's nouns took minutes, and a save compared thousands).
 */
export const bucketOf = (form: string, strict: boolean): string =>
  form
    .split(' ')
    .map((word) => (strict ? joined(word) : skeleton(folded(word).romanized)))
    .join(' ');

/** Groups the spellings into names and picks each name's usual spelling. */
function* clusterVariants(counts: ReadonlyMap<string, number>, strict: boolean): Steps<void, Map<string, NameVariant>> {
  const buckets = new Map<string, string[]>();
  let grouped = 0;
  for (const form of counts.keys()) {
    const key = bucketOf(form, strict);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(form);
    else buckets.set(key, [form]);
    if (++grouped % SPELLINGS === 0) yield;
  }
  const parent = new Map<string, string>();
  const root = (form: string): string => {
    let r = form;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(form, r);
    return r;
  };
  for (const form of counts.keys()) {
    parent.set(form, form);
    if (++grouped % SPELLINGS === 0) yield;
  }
  let compared = 0;
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        if (linked(a, b, strict)) parent.set(root(a), root(b));
      }
      compared += bucket.length - i;
      if (compared >= COMPARISONS) {
        compared = 0;
        yield;
      }
    }
  }
  const clusters = new Map<string, string[]>();
  for (const form of counts.keys()) {
    const r = root(form);
    const cluster = clusters.get(r);
    if (cluster) cluster.push(form);
    else clusters.set(r, [form]);
    if (++grouped % SPELLINGS === 0) yield;
  }
  const variants = new Map<string, NameVariant>();
  for (const cluster of clusters.values()) {
    for (const [form, variant] of clusterVariantsOf(cluster, counts)) variants.set(form, variant);
    if (++grouped % SPELLINGS === 0) yield;
  }
  return variants;
}

/** Two spellings of as many words are joined into one name (clusters are what these links connect). */
export const linked = (a: string, b: string, strict: boolean): boolean =>
  Math.abs(a.length - b.length) <= 6 && sameNameVariant(a, b, strict);

/** The variants one cluster of spellings gives, its spellings listed in the order the document first uses them. */
export function clusterVariantsOf(cluster: readonly string[], counts: ReadonlyMap<string, number>): Array<[string, NameVariant]> {
  if (cluster.length < 2) return [];
  // Most frequent first; among equals, the one met first in the document.
  const ranked = [...cluster].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const top = ranked[0]!;
  const topCount = counts.get(top)!;
  const tied = ranked.filter((form) => counts.get(form) === topCount);
  const out: Array<[string, NameVariant]> = [];
  for (const form of ranked) {
    if (form === top && tied.length === 1) continue;
    const preferred = form === top ? ranked[1]! : top;
    out.push([form, { preferred, count: counts.get(preferred)!, tie: tied.length > 1 }]);
  }
  return out;
}

/**
 * Above this share of capitalized words in mid-sentence, the language capitalizes its nouns (German: about a
 * third; English prose: under a sixth), so a capital does not make a name, and only spellings that differ in
 * case or hyphens are taken for variants (`Popup-Menü` / `Popupmenü`; never `Tasten` / `Testen`, and never
 * `Drucken` / `Drücken`, whose accents make them different words).
 */
export const NOUN_CAPITALS = 0.25;
export const MIN_SAMPLE = 100;

/** Of one sentence's words not at a sentence start: how many count, and how many are capitalized. */
export function capitalTally(sentence: readonly Token[]): { counted: number; capitals: number } {
  let counted = 0;
  let capitals = 0;
  for (const token of sentence) {
    if (token.initial || !/^\p{L}/u.test(token.text)) continue;
    counted++;
    if (isUpperLetter(token.text[0]) && /\p{Ll}/u.test(token.text)) capitals++;
  }
  return { counted, capitals };
}

/** The share of capitalized words, or 0 on too small a sample (a few sentences of names say nothing). */
export const shareOf = (counted: number, capitals: number): number => (counted < MIN_SAMPLE ? 0 : capitals / counted);

/** A name index built, with the names of each sentence in order (what keeps the index current needs them). */
export interface BuiltNameIndex {
  index: NameIndex;
  forms: Array<readonly string[]>;
}

/** The names of a sentence that has none, shared: most sentences of a book. */
const NO_FORMS: readonly string[] = Object.freeze([]);

/**
 * The name index of a document from its sentences' tokens (all of them, or only the capitalized ones: the others
 * neither name nor join names, as the gap between two capitalized tokens then holds them), a slice at a time (see core/model/steps.ts): each
 * yield ends a slice of sentences or of spelling comparisons, so a caller with an event loop can answer between
 * them. `strict`: spellings compared as a language that capitalizes its nouns needs.
 */
export function* buildNameIndexSteps(texts: readonly string[], tokenized: ReadonlyArray<readonly Token[]>, strict: boolean): Steps<void, BuiltNameIndex> {
  const known = yield* collectKnown(tokenized, strict);
  const counts = new Map<string, number>();
  const forms: Array<readonly string[]> = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const found = occurrencesIn(texts[i]!, tokenized[i]!, known).map((o) => o.form);
    for (const form of found) counts.set(form, (counts.get(form) ?? 0) + 1);
    forms[i] = found.length > 0 ? found : NO_FORMS;
    if (i % SLICE === SLICE - 1) yield;
  }
  const variants = yield* clusterVariants(counts, strict);
  return { index: { known, counts, variants }, forms };
}

/** The name index of a document, built at once from its texts. */
export function buildNameIndex(texts: readonly string[], split: ReadonlyArray<readonly Word[]> = texts.map(words), capitalizesNouns?: boolean): NameIndex {
  const tokenized = texts.map((text, i) => tokens(text, split[i]!));
  let counted = 0;
  let capitals = 0;
  for (const sentence of tokenized) {
    const tally = capitalTally(sentence);
    counted += tally.counted;
    capitals += tally.capitals;
  }
  // Known from the document's language, or else guessed from how many words it capitalizes.
  const strict = capitalizesNouns ?? shareOf(counted, capitals) > NOUN_CAPITALS;
  return runToEnd(buildNameIndexSteps(texts, tokenized, strict)).index;
}
