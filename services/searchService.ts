import { RedlineError } from '../core/model/errors';
import { SEARCH_COUNT_CAP, type SearchCursor, type SearchPage } from '../core/model/search';
import type { Store } from '../db/store';

export interface SearchRequest {
  /** Only this document; every document when left out. */
  documentId?: number | undefined;
  /** Hits a page (default 50, at most 500). */
  limit?: number | undefined;
  /** The page after the one that ended here (its `next`). */
  after?: SearchCursor | undefined;
  /** In every document: this one's hits first, then the others by title. */
  firstDocumentId?: number | undefined;
}

export function searchService(store: Store) {
  return {
    /**
     * A page of the sentences whose MT, correction, source or note match the editor's query (plain words and
     * "quoted phrases", the last word a prefix while typing), in document order with their positions; in one
     * document, or in all when `documentId` is left out. With the page, how many sentences match in all
     * (counted up to SEARCH_COUNT_CAP, then "more than") and where the next page starts. An empty or
     * punctuation-only query finds nothing. Neither the page nor the count costs more as the matches grow.
     */
    search(query: string, request: SearchRequest = {}): SearchPage {
      const { documentId } = request;
      if (documentId !== undefined && !store.documents.exists(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      // The last word's prefix is expanded once, for the page and the count.
      const prepared = store.search.prepare(query);
      const page = store.search.page(prepared, request);
      // A first page holding every hit is its own count; else the matches are counted (up to the cap).
      const total =
        request.after === undefined && page.next === null && page.hits.length <= SEARCH_COUNT_CAP
          ? { count: page.hits.length, atLeast: false }
          : store.search.count(prepared, { documentId, cap: SEARCH_COUNT_CAP });
      return { ...page, total };
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
