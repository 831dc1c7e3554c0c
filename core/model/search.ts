import { z } from 'zod';
import { id, ordinal } from './fields';
import { TAG_RANGE } from '../formats/types';

/** The texts of a sentence that full-text search looks in. */
export const SEARCH_FIELDS = ['mt', 'target', 'source', 'note'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Marks where a match starts in a snippet; control characters, so never confused with the text. */
export const MATCH_START = '\u0001';
/** Marks where a match ends in a snippet. */
export const MATCH_END = '\u0002';

/** A sentence that matches a search; hits come in document order. */
export const searchHitSchema = z.object({
  segmentId: id,
  documentId: id,
  documentTitle: z.string(),
  /** 1-based order of the sentence in its document. */
  position: ordinal,
  /** The text that matched best: the MT, the correction, the source or the note. */
  field: z.enum(SEARCH_FIELDS),
  /**
   * An excerpt of that text (`…` where it was cut) with each match between MATCH_START and MATCH_END; the
   * text itself never contains either marker.
   */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Matching sentences are counted up to this many; past it the count says "more than" (it stopped there). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * While the editor types, the last word is a prefix only from this many characters on: a one-letter prefix
 * matches most words of a book, and merging all their lists of sentences cost 50 ms at 100k sentences. A
 * shorter last word is looked for whole.
 */
export const MIN_PREFIX_CHARACTERS = 2;

/** Whether a word is too short to be taken as a prefix (its combining marks not counted as characters). */
export const tooShortForPrefix = (word: string): boolean => [...word.replace(/\p{M}/gu, '')].length < MIN_PREFIX_CHARACTERS;

/**
 * A word as the search index's tokenizer sees one (db/searchTokenizer.ts): letters, digits and private-use
 * characters other than the inline tags (U+E000–U+EFFF), which separate words, with the combining marks that
 * follow them. Everything else separates words.
 */
export const INDEX_WORD = `(?:(?![${TAG_RANGE}])[\\p{L}\\p{N}\\p{Co}])(?:(?![${TAG_RANGE}])[\\p{L}\\p{M}\\p{N}\\p{Co}])*`;
const LAST_WORD = new RegExp(`${INDEX_WORD}$`, 'u');

/** Whether a query still being typed ends in a word too short to be taken as a prefix. */
export function endsInShortWord(query: string): boolean {
  const last = LAST_WORD.exec(query)?.[0];
  return last !== undefined && tooShortForPrefix(last);
}

/** Where a page of hits ends: the next page starts after this sentence, in document order (keyset paging). */
export const searchCursorSchema = z.object({ documentId: id, position: ordinal });
export type SearchCursor = z.infer<typeof searchCursorSchema>;

/** One page of a search: its hits in document order, how many sentences match in all, and where to go on. */
export const searchPageSchema = z.object({
  hits: z.array(searchHitSchema),
  /**
   * Sentences that match, counted up to SEARCH_COUNT_CAP: with `atLeast`, the counting stopped there and more
   * match (the UI says "more than"). Counted over the whole search, not from the page on.
   */
  total: z.object({ count: z.number().int().nonnegative(), atLeast: z.boolean() }),
  /** Pass as `after` for the hits that follow; null when this page holds the last of them. */
  next: searchCursorSchema.nullable(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/** A snippet as runs of plain and matched text, in order, for display. */
export function splitSnippet(snippet: string): Array<{ text: string; match: boolean }> {
  const runs: Array<{ text: string; match: boolean }> = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) runs.push({ text, match });
    text = '';
  };
  for (const c of snippet) {
    if (c === MATCH_START || c === MATCH_END) {
      flush();
      match = c === MATCH_START;
    } else {
      text += c;
    }
  }
  flush();
  return runs;
}
