import type { SentenceCheck } from './context';
import { NOT_NAMES } from './nameIndex';
import { isUpperLetter, makeFlag, quoted, SPEECH_VERBS, words, type Word } from './text';

/**
 * A subject said twice: a noun phrase, an adverbial, then a comma and a pronoun that takes the subject's place
 * (`President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address`), the mark of
 * an MT that translated a topic construction word for word. The fix needs a choice of words, so there is none.
 * Left alone: sentences that open with a preposition or a subordinate clause (`After the vote, he left`), time
 * phrases (`The next day, she called`) and parenthetical attributions (`The plan, he said, failed`).
 */

const DETERMINERS = new Set('the a an this that these those our their his her its my your'.split(' '));
const TITLES = new Set(
  'president prime minister mr mrs ms dr general chairman chairwoman senator governor mayor king queen prince princess sir lord lady professor prof judge ambassador secretary chancellor premier pope colonel captain sheikh emir commander director spokesman spokeswoman'.split(' '),
);
/** Words that open an adverbial between the subject and the pronoun. */
const ADVERBIAL = new Set(
  'in on at during after before since for from with within throughout by upon over under yesterday today tonight tomorrow earlier later then also once last this next recently now already still again meanwhile shortly soon immediately afterwards thereafter subsequently finally first'.split(' '),
);
/** Words that make what precedes the comma a clause of its own, not a bare subject. */
const CLAUSE_WORDS = new Set([
  ...'who whom whose which that when while whereas because if although though unless until where as and but or nor is are was were has have had will would can could should may might must did does do not'.split(' '),
  ...SPEECH_VERBS,
]);
/** Heads of noun phrases that are themselves adverbials of time or manner: `The next day, he left`. */
const ADVERBIAL_NOUNS = new Set(
  'day days week weeks month months year years morning afternoon evening night time times moment minute minutes hour hours weekend season decade century period spring summer autumn fall winter age era way case point end rest meantime same following other'.split(' '),
);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
const NOT_VERBS = new Set('and or but who which that himself herself itself themselves ourselves alone too both all'.split(' '));

const lower = (word: Word) => word.text.toLowerCase();
const spaceBetween = (text: string, a: Word, b: Word) => /^[ \u00a0]+$/u.test(text.slice(a.end, b.start));

/** How many words the sentence's opening subject spans, or 0 when it does not open with one. */
function subjectLength(text: string, all: readonly Word[], known: ReadonlySet<string>): { length: number; determiner: boolean } {
  const first = all[0]!;
  if (text.slice(0, first.start).trim() !== '') return { length: 0, determiner: false };
  if (DETERMINERS.has(lower(first))) {
    let k = 1;
    while (k < all.length && k <= 6 && spaceBetween(text, all[k - 1]!, all[k]!)) {
      const w = lower(all[k]!);
      if ((ADVERBIAL.has(w) && w !== 'this') || CLAUSE_WORDS.has(w) || /\p{N}/u.test(w)) break;
      k++;
    }
    const phrase = all.slice(1, k).map(lower);
    if (k < 2 || phrase.some((w) => ADVERBIAL_NOUNS.has(w))) return { length: 0, determiner: true };
    return { length: k, determiner: true };
  }
  if (!isUpperLetter(first.text[0]) || NOT_NAMES.has(first.text) || /(?:ing|ed|ly)$/u.test(first.text)) return { length: 0, determiner: false };
  const second = all[1];
  const run = second !== undefined && isUpperLetter(second.text[0]) && spaceBetween(text, first, second);
  if (!TITLES.has(lower(first)) && !known.has(first.text) && !run) return { length: 0, determiner: false };
  let k = 1;
  while (k < all.length && isUpperLetter(all[k]!.text[0]) && spaceBetween(text, all[k - 1]!, all[k]!)) k++;
  return { length: k, determiner: false };
}

export const checkResumptivePronoun: SentenceCheck = ({ ctx, text, words: all }) => {
  if (all.length < 5) return [];
  const { length, determiner } = subjectLength(text, all, ctx.names.known);
  if (length === 0) return [];
  const subjectEnd = all[length - 1]!.end;
  const comma = text.indexOf(',', subjectEnd);
  if (comma === -1) return [];
  const between = text.slice(subjectEnd, comma);
  if (/[;:()“”"«»–—…]/u.test(between)) return [];
  const adverbial = words(between);
  if (adverbial.length === 0 ? determiner : !ADVERBIAL.has(lower(adverbial[0]!)) || adverbial.length > 15) return [];
  if (adverbial.slice(1).some((w) => CLAUSE_WORDS.has(lower(w)))) return [];

  const after = /^,[ \u00a0]+(\p{L}+)[ \u00a0]+(\p{Ll}[\p{L}’'-]*)([ \u00a0]*,)?/u.exec(text.slice(comma));
  if (!after) return [];
  const [, pronoun = '', verb = '', parenthetical] = after;
  if (!PRONOUNS.has(pronoun) || NOT_VERBS.has(verb) || parenthetical) return [];
  const end = comma + after[0].indexOf(pronoun) + pronoun.length;
  const subject = text.slice(all[0]!.start, subjectEnd);
  return [
    makeFlag('resumptive-pronoun', 'major', `The subject is said twice: ${quoted(subject)} and then ${quoted(pronoun)}`, comma, end, text),
  ];
};
