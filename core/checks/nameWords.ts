/**
 * The words of a text a name can start with: each maximal run of letters (and combining marks) whose first
 * letter is a capital, once. Whatever the checks look up in a document's names (a word, a word without its
 * possessive, a part of a hyphenated word, the word after an ellipsis, a multi-word name) starts at such a run
 * and holds it whole, so a sentence whose flags can follow a name's standing holds the name's first run. The
 * stored names index (migration 0010) keeps these per sentence.
 */
const RUN = /[\p{L}\p{M}]+/gu;

const startsWithCapital = (run: string): boolean => {
  const first = run[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
};

export function nameWords(text: string): string[] {
  const found = new Set<string>();
  for (const [run] of text.matchAll(RUN)) if (startsWithCapital(run)) found.add(run);
  return [...found];
}

/** The first run of a name (or of each word of a multi-word name): what its users' rows hold. */
export function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const part of name.split(' ')) {
    const first = part.match(/[\p{L}\p{M}]+/u)?.[0];
    if (first && startsWithCapital(first)) keys.add(first);
  }
  return [...keys];
}
