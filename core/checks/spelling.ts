import { isOneEditAway } from './oneEdit';
import type { SentenceCheck } from './context';
import { insideAny, isUpperLetter, makeFlag, matchCapitalization, quoted, replacing, technicalSpans, type Finding } from './text';
import { slipOf } from './slips';
import { transliterationsOf } from './transliteration';
import type { Speller } from './types';

/**
 * Words the target language's dictionary does not know (Hunspell, loaded outside core and passed in as a
 * Speller). Left alone: words that occur in the source (names, terms, code), glossary terms, the document's
 * names, the user's word list, acronyms and words with digits, URLs, and words of another alphabet (the
 * mixed-script check sees those). A lower-case word with a suggestion is flagged as sure; one without, or a
 * capitalized one (a name the dictionary lacks?), only as possible. German is sure only for a slip of the keys
 * (see INFLECTS_BEYOND_DICTIONARY and slips.ts).
 */

const LATIN = /^[\p{Script=Latin}'’‐‑-]+$/u;
const CYRILLIC = /^[\p{Script=Cyrillic}'’‐‑-]+$/u;
const SCRIPT_OF: Record<string, RegExp> = { en: LATIN, de: LATIN, fr: LATIN, es: LATIN, it: LATIN, pt: LATIN, nl: LATIN, ru: CYRILLIC, uk: CYRILLIC };

/** Whole words of `text`, lower-cased, for membership tests. */
const wordSet = (text: string): Set<string> => new Set((text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu) ?? []));

/** The source's words, computed once per source string. */
let lastSource: { text: string; words: Set<string>; romanized: (word: string) => boolean } | undefined;
function sourceWords(source: string | null): Set<string> {
  if (!source) return new Set();
  if (lastSource?.text !== source) lastSource = { text: source, words: wordSet(source), romanized: transliterationsOf(source) };
  return lastSource.words;
}
/** Whether a word is the source's Cyrillic word in Latin letters (same cache as sourceWords). */
function romanizedFromSource(source: string | null, word: string): boolean {
  if (!source) return false;
  sourceWords(source);
  return lastSource!.romanized(word);
}

/** `teh` for `the`: the same letters, two neighbours swapped. */
const isTransposition = (word: string, other: string): boolean => {
  if (word.length !== other.length || word === other) return false;
  const k = [...word].findIndex((c, i) => c !== other[i]);
  return word[k] === other[k + 1] && word[k + 1] === other[k] && word.slice(k + 2) === other.slice(k + 2);
};
/** The dictionary's word with two neighbouring letters of `word` swapped back (`teh` → `the`), which nspell's suggestions can miss. */
function swappedBack(speller: Speller, word: string): string | undefined {
  if (word.length < SHORT) return undefined; // two letters swapped are any two-letter word (`da`, `ad`)
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (speller.correct(candidate)) return candidate;
  }
  return undefined;
}
/** Words this short the dictionary lacks are mostly abbreviations, units and interjections (`pcs`, `tm`, `da`). */
const SHORT = 3;

const POSSESSIVE = /['’]s$/u;

/** British spellings of an American dictionary's words: `neighbouring`, `cancelled`, `organise`, `centre`. */
function britishVariants(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    lower.replace(/our/gu, 'or'),
    lower.replace(/ll(?=ed|ing|er)/gu, 'l'),
    lower.replace(/is(e|ed|es|ing|ation)$/u, 'iz$1'),
    lower.replace(/ys(e|ed|es|ing)$/u, 'yz$1'),
    lower.replace(/re(s?)$/u, 'er$1'),
    lower.replace(/ogue(s?)$/u, 'og$1'),
    lower.replace(/ae/gu, 'e'),
    lower.replace(/ence$/u, 'ense'),
    lower.replace(/^grey/u, 'gray').replace(/^rouble/u, 'ruble').replace(/^programme/u, 'program').replace(/^cheque/u, 'check').replace(/^tyre/u, 'tire').replace(/aluminium/u, 'aluminum').replace(/^axe(s?)$/u, 'ax$1'),
  ].filter((v) => v !== lower);
}
/**
 * Languages whose Hunspell dictionary, as nspell reads it, misses many right words (German: compounds, separable
 * verbs, inflections — most unknown words on correct German are right). An unknown word there is sure only when
 * it has the shape of a slip of a listed word (slips.ts), and that word is its fix; nspell's suggestions are
 * not looked for (they take a tenth of a second a German word, and do not tell a slip from a right word).
 */
const INFLECTS_BEYOND_DICTIONARY = new Set(['de']);
/** German words this short the dictionary lacks are as often abbreviations, dialect or English. */
const SHORTEST_SLIP = 6;

/** Slips found per speller and word: a document repeats its unknown words, and a search asks hundreds of forms. */
const slipsFound = new WeakMap<Speller, Map<string, string | null>>();
const MAX_SLIPS_REMEMBERED = 20_000;
function slipIn(speller: Speller, word: string, language: string): string | undefined {
  let found = slipsFound.get(speller);
  if (!found) slipsFound.set(speller, (found = new Map()));
  let slip = found.get(word);
  if (slip === undefined) {
    slip = slipOf(word, (w) => (speller.listed ? speller.listed(w) : speller.correct(w)), language) ?? null;
    if (found.size >= MAX_SLIPS_REMEMBERED) found.clear();
    found.set(word, slip);
  }
  return slip ?? undefined;
}
/** Words longer than this get no suggestion: nspell's search grows with the word, and slips are in short words. */
const MAX_SUGGESTED_LENGTH = 24;
/**
 * Unknown words of a sentence that are looked up for suggestions: nspell takes 3–30 ms for a typo, but 50–230 ms
 * for a German word checked as English and up to half a second for a string of random letters, and the checks of
 * a typed or saved sentence run on the request path. The words past these are flagged as possible, without a fix.
 */
const MAX_SUGGESTED_PER_SENTENCE = 5;
/**
 * A sentence with at least FOREIGN_AT_LEAST unknown lower-case words, FOREIGN_SHARE of those looked up, is not
 * in the dictionary's language (a passage left untranslated, a quotation, code, noise): none of its words gets a
 * suggestion, which would only guess at near English words for them; its lower-case words are flagged as sure
 * (but German's), without a fix.
 */
const FOREIGN_AT_LEAST = 3;
const FOREIGN_SHARE = 0.5;

/** Corrections of an unknown word: its case put right (`afro` → `Afro`), two swapped letters put back, nspell's others. */
const nearWords = (speller: Speller, word: string): string[] => {
  const suggested = speller.suggest(word).filter((s) => s !== word);
  const swapped = swappedBack(speller, word);
  const cased = suggested.filter((s) => s.toLowerCase() === word.toLowerCase());
  return [...new Set([...cased, ...(swapped ? [swapped] : []), ...suggested])];
};

export const checkSpelling: SentenceCheck = ({ ctx, text, words, source, glossary, languages, speller, knownWords }) => {
  if (!speller || !languages.target) return [];
  const script = SCRIPT_OF[languages.target];
  const flags: Finding[] = [];
  const technical = technicalSpans(text);
  const fromSource = sourceWords(source);
  const known = (word: string) => {
    const lower = word.toLowerCase();
    return knownWords.has(lower) || fromSource.has(lower) || ctx.names.known.has(word) || glossary.some((t) => t.preferred.toLowerCase().split(/\s+/u).includes(lower));
  };
  // The words the dictionary lacks first (a lookup each), then their flags: how many there are decides which
  // get suggestions, the costly part.
  const unknown: Array<{ start: number; form: string; length: number; parts: string[] }> = [];
  // Lower-case words only: a sentence may well hold several names the dictionary lacks.
  let lookedLower = 0;
  let unknownLower = 0;
  for (const word of words) {
    // A soft hyphen is only where the line may break: the word is looked up without it, and flagged with it.
    const written = word.text.replace(POSSESSIVE, '');
    const form = written.replace(/\u00ad/gu, '');
    if (form.length < 2 || /[\p{N}_]/u.test(form) || (script && !script.test(form))) continue;
    if (/\p{Lu}/u.test(form.slice(1))) continue; // acronyms and brands: NATO, iPhone, McDonald
    if (insideAny(technical, word.start) || known(form)) continue;
    const lower = !isUpperLetter(form[0]);
    if (lower) lookedLower++;
    // A hyphenated word is right when each part is (`well-known`, `Anti-Flüchtlings-Demonstration`).
    const parts = form.split(/[-‐‑]/u).filter((p) => p.length > 0);
    if (speller.correct(form) || (parts.length > 1 && parts.every((p) => speller.correct(p) || known(p)))) continue;
    if (parts.length > 1 && speller.correct(parts.join(''))) continue; // `socio-economic` for `socioeconomic`
    if (languages.target === 'en' && britishVariants(form).some((v) => speller.correct(v))) continue;
    unknown.push({ start: word.start, form, length: written.length, parts });
    if (lower) unknownLower++;
  }
  const foreign = unknownLower >= FOREIGN_AT_LEAST && unknownLower >= FOREIGN_SHARE * lookedLower;
  let suggestionsLeft = foreign ? 0 : MAX_SUGGESTED_PER_SENTENCE;
  const firstStart = words.find((w) => /\p{L}/u.test(w.text))?.start ?? -1;
  for (const { start, form, length, parts } of unknown) {
    const capitalized = isUpperLetter(form[0]);
    // A capitalized word the dictionary lacks is most often a name (at the start of a sentence, it may be either).
    // German inflects and compounds more than its Hunspell dictionary covers as nspell reads it (on the en→de
    // development set and on correct German most of its unknown lower-case words are right), so a German flag
    // is sure only for the shape of a slip (a letter dropped inside, struck thrice, two swapped), which is its fix.
    // Suggestions cost milliseconds a word, so they are looked for only where they can make the flag sure: a
    // lower-case word of a language the dictionary covers well.
    const slipsOnly = INFLECTS_BEYOND_DICTIONARY.has(languages.target);
    const couldBeSure =
      !capitalized && form.length <= MAX_SUGGESTED_LENGTH && (!slipsOnly || (form.length >= SHORTEST_SLIP && parts.length === 1)) && suggestionsLeft > 0;
    if (couldBeSure) suggestionsLeft--;
    const slip = couldBeSure && slipsOnly ? slipIn(speller, form, languages.target) : undefined;
    // The sentence's first word is capitalized by its place: sure only as two letters swapped (`Teh`), looked up
    // in the dictionary (a few lookups, no costly suggestions), since a name opens a sentence as often as it
    // stands anywhere (`Xinhua`).
    const opener = capitalized && start === firstStart && !slipsOnly && form.length <= MAX_SUGGESTED_LENGTH;
    const swapped = opener ? swappedBack(speller, form.toLowerCase()) : undefined;
    const suggestions = opener ? (swapped ? [swapped] : []) : !couldBeSure ? [] : slipsOnly ? (slip ? [slip] : []) : nearWords(speller, form);
    // A slip of the keys has a near correction; a word with none is more often one the dictionary lacks.
    // Two kinds stay possible: a short word, unless a suggestion only swaps two of its letters (`teh`), and a
    // word that is a source word in Latin letters (a borrowing or a name the MT transliterated).
    // In a sentence not in the dictionary's language a lower-case word is sure without a suggestion: the editor
    // sees that the sentence (or the document's language) is wrong, but no guessed fix.
    const sure =
      ((couldBeSure && suggestions.length > 0 && (form.length > SHORT || suggestions.some((s) => isTransposition(form.toLowerCase(), s.toLowerCase())))) ||
        swapped !== undefined ||
        (foreign && !slipsOnly && !capitalized && form.length > SHORT)) &&
      !romanizedFromSource(source, form);
    // Only a suggestion one slip away is offered as its fix: further off (`majeure` → `manure`, `akimats` →
    // `animate`) it is seldom the word meant, and "Fix all" would write it everywhere. The flag stays.
    const near = suggestions.filter((suggestion) => isOneEditAway(form, suggestion));
    const best = near[0];
    const message = `${quoted(form)} is not in the dictionary` + (near.length > 0 ? `; did you mean ${near.slice(0, 3).map(quoted).join(', ')}?` : '');
    const fix = best ? replacing(start, start + length, matchCapitalization(form, best)) : undefined;
    flags.push(makeFlag('spelling', 'minor', message, start, start + length, text, fix, sure ? 'sure' : 'possible'));
  }
  return flags;
};
