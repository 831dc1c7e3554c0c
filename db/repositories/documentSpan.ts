import type { Database } from 'better-sqlite3';

/** The ids of a document's first and last sentence. */
export interface DocumentSpan {
  first: number;
  last: number;
}

/**
 * A document's sentences as a span of segment ids (the full-text index's rowids), found through the
 * (document_id, position) key in two look-ups. Import stores a document's sentences in position order and no
 * sentence is ever inserted later, so within a document id order is position order: a query of the index bounded
 * to the span, in rowid order, reads the document in order and can stop at its LIMIT. Another document's
 * sentences may lie inside the span (two imports stored in turns), so callers still check the document.
 */
export function documentSpan(db: Database): (documentId: number) => DocumentSpan | null {
  const span = db.prepare(
    `SELECT (SELECT id FROM segments WHERE document_id = @id ORDER BY position LIMIT 1) AS first,
            (SELECT id FROM segments WHERE document_id = @id ORDER BY position DESC LIMIT 1) AS last`,
  );
  return (documentId) => {
    const { first, last } = span.get({ id: documentId }) as { first: number | null; last: number | null };
    return first === null || last === null ? null : { first, last };
  };
}
