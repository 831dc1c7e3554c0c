/** The texts of a sentence that full-text search looks in. */
export const SEARCH_FIELDS = ['mt', 'target', 'source', 'note'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Marks where a match starts in a snippet; control characters, so never confused with the text. */
export const MATCH_START = '\u0001';
/** Marks where a match ends in a snippet. */
export const MATCH_END = '\u0002';

/** A sentence that matches a search, best first. */
export interface SearchHit {
  segmentId: number;
  documentId: number;
  documentTitle: string;
  /** 1-based order of the sentence in its document. */
  position: number;
  /** The text that matched best: the MT, the correction, the source or the note. */
  field: SearchField;
  /**
   * An excerpt of that text (`…` where it was cut) with each match between MATCH_START and MATCH_END; the
   * text itself never contains either marker.
   */
  snippet: string;
}

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
