/**
 * A document's skeleton (everything of its file that is not a sentence: the XML around XLIFF units, the parts of
 * a DOCX, the Markdown around its text) gets a table of its own. On the document row it was rewritten by every
 * write that keeps the row's counters (migration 0009's triggers): SQLite rewrites a whole row on UPDATE, so a
 * save in a 10 MB XLIFF copied 10 MB, and importing a Markdown file of one long line grew with its square.
 */
export default /* sql */ `
CREATE TABLE document_skeletons (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  skeleton    TEXT    NOT NULL CHECK (json_valid(skeleton))
) STRICT;

INSERT INTO document_skeletons (document_id, skeleton)
  SELECT id, skeleton FROM documents WHERE skeleton IS NOT NULL;

ALTER TABLE documents DROP COLUMN skeleton;
`;
