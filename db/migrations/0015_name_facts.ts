/**
 * The names a document's stored flags were computed against, as rows: a save that changes how a few names stand
 * writes those rows, where it rewrote the document's whole list of names (a JSON text in document_check_state,
 * read by every save). In a German book every noun is a known name: tens of thousands, hundreds of kilobytes a save.
 *
 * - document_name_facts: per checked document, each known name (`known` 1) and each spelling with a usual variant
 *   (`preferred`, `count`, `tie`); a form can be both. Kept in the transaction of every write that re-checks.
 * - document_check_state.names_version: a number the writes that change those rows raise, so a process can tell
 *   the rows it follows from rows another process has changed since. It replaces the `names` text.
 *
 * The rows are filled from the stored texts; every stored flag stays as it is.
 */
export default /* sql */ `
CREATE TABLE document_name_facts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  form        TEXT NOT NULL,
  known       INTEGER NOT NULL CHECK (known IN (0, 1)),
  preferred   TEXT,
  count       INTEGER,
  tie         INTEGER CHECK (tie IN (0, 1)),
  CHECK ((preferred IS NULL) = (count IS NULL) AND (preferred IS NULL) = (tie IS NULL)),
  CHECK (known = 1 OR preferred IS NOT NULL),
  PRIMARY KEY (document_id, form)
) STRICT, WITHOUT ROWID;

INSERT INTO document_name_facts (document_id, form, known)
  SELECT s.document_id, k.value, 1 FROM document_check_state s, json_each(s.names, '$.known') k WHERE true
  ON CONFLICT (document_id, form) DO NOTHING;
INSERT INTO document_name_facts (document_id, form, known, preferred, count, tie)
  SELECT s.document_id, v.value ->> 0, 0, v.value ->> 1, v.value ->> 2, CASE WHEN v.value ->> 3 THEN 1 ELSE 0 END
  FROM document_check_state s, json_each(s.names, '$.variants') v WHERE true
  ON CONFLICT (document_id, form) DO UPDATE SET preferred = excluded.preferred, count = excluded.count, tie = excluded.tie;

ALTER TABLE document_check_state ADD COLUMN names_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_check_state DROP COLUMN names;
`;
