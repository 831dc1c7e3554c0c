/**
 * The document's names index as rows, so a save that changes how a name stands (newly a name, no longer one, a
 * spelling with a new usual variant) re-checks only the sentences that use the name instead of reading them all.
 *
 * - segment_names: per checked sentence, each distinct capitalized word of its text (a maximal run of letters
 *   starting with a capital: `Alma` and `Ata` for `Alma-Ata`). A name's standing can change a sentence's flags
 *   only when the sentence holds the name's first word, so those rows find every sentence to re-check. Kept by
 *   every write that re-checks a sentence, in its transaction; rows exist exactly for documents with a
 *   document_check_state row.
 *
 * Stores checked before this migration have no rows: their check state goes, so each document's next read
 * checks it whole once and fills its rows (its stored flags stay readable until then).
 */
export default /* sql */ `
CREATE TABLE segment_names (
  segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  PRIMARY KEY (segment_id, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_names_by_name ON segment_names (document_id, name);

DELETE FROM document_check_state;
`;
