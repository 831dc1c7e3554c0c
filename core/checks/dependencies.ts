import type { DocumentContext } from './context';
import { nameKeys, nameWords } from './nameWords';

/**
 * The document-wide facts a sentence's flags depend on besides its own text and its paragraph: the names index
 * (which capitalized words are names, which spellings have a more frequent variant), the typical sentence
 * length and the dominant script. Stored beside a document's flags, they tell a save which other sentences
 * its change can have re-flagged.
 */
export interface DocumentFacts {
  known: string[];
  /** form → [preferred, count, tie] */
  variants: Array<[string, string, number, boolean]>;
  typicalWords: number;
  script: string;
}

export function documentFacts(ctx: DocumentContext): DocumentFacts {
  return {
    known: [...ctx.names.known].sort(),
    variants: [...ctx.names.variants]
      .map(([form, v]): [string, string, number, boolean] => [form, v.preferred, v.count, v.tie])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    typicalWords: ctx.typicalWords,
    script: ctx.script,
  };
}

/**
 * The sentences whose flags may differ after sentences `written` changed, given the names whose standing changed
 * (newly known or forgotten, or a changed variant) and the dominant script unchanged (a change of script reaches every sentence): each written
 * sentence's paragraph (quotes and brackets balance across it) and the paragraphs either side of it (a quotation
 * may run on over a paragraph break), and every sentence using a name whose standing changed (a run-on is judged
 * by its own structure, not by the document's typical length). `usersOf` gives the sentences holding any of the
 * given words (see nameWords.ts): the stored names index answers it without reading every sentence. `reaches`
 * tells whether a written sentence changed what its paragraph and the ones either side read of it (see
 * `paragraphSignature`); one that did not is re-checked alone.
 */
export function dependentsOf(
  ctx: DocumentContext,
  written: readonly number[],
  names: ReadonlySet<string>,
  usersOf: (keys: readonly string[]) => readonly number[],
  reaches: (index: number) => boolean = () => true,
): number[] {
  const out = new Set<number>();
  for (const index of written) {
    out.add(index);
    if (!reaches(index)) continue;
    const members = ctx.paragraphMembers[index]!;
    for (const i of members) out.add(i);
    // A quotation may run over a paragraph break either way (closed in the next paragraph, opened in the one
    // before), so the paragraphs on both sides read this one's balance.
    const previous = ctx.paragraphMembers[members[0]! - 1];
    if (previous) for (const i of previous) out.add(i);
    const next = ctx.paragraphMembers[members[members.length - 1]! + 1];
    if (next) for (const i of next) out.add(i);
  }
  if (names.size > 0) {
    const keys = [...new Set([...names].flatMap(nameKeys))];
    for (const i of usersOf(keys)) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** The sentences holding any of `keys` as a capitalized word, found by reading every sentence. */
export function scanUsers(ctx: DocumentContext, keys: readonly string[]): number[] {
  if (keys.length === 0) return [];
  const wanted = new Set(keys);
  const out: number[] = [];
  ctx.sentences.forEach((sentence, i) => {
    if (nameWords(sentence.text).some((word) => wanted.has(word))) out.push(i);
  });
  return out;
}
