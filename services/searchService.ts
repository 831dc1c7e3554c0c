import { RedlineError } from '../core/model/errors';
import type { SearchHit } from '../core/model/search';
import type { Store } from '../db/store';

export function searchService(store: Store) {
  return {
    /**
     * Sentences whose MT, correction, source or note match the editor's query (plain words and "quoted
     * phrases", the last word a prefix while typing), best first; in one document, or in all when
     * `documentId` is left out. An empty or punctuation-only query finds nothing.
     */
    search(query: string, documentId?: number, limit?: number): SearchHit[] {
      if (documentId !== undefined && !store.documents.layout(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      return store.search.search(query, { documentId, limit });
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
