import { z } from 'zod';
import { id, ordinal } from './fields';

/** The texts of a sentence that full-text search looks in. */
export const SEARCH_FIELDS = ['mt', 'target', 'source', 'note'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Marks where a match starts in a snippet; control characters, so never confused with the text. */
export const MATCH_START = '\u0001';
/** Marks where a match ends in a snippet. */
export const MATCH_END = '\u0002';

/** A sentence that matches a search, best first. */
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
