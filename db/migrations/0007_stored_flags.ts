/**
 * The flags of every sentence are stored and kept by the write that changes the sentence, so opening the flags
 * panel, F8 and the counts read rows instead of checking the whole document again.
 *
 * - segment_flags: one row per sentence once its document has been checked: its visible (not ignored) flags as
 *   JSON, their number, and its position (copied, so flagged sentences are found in order through an index).
 * - document_flag_counts: flags per check and document, adjusted by every re-check of a sentence.
 * - document_check_state: what the stored flags were computed against — the document-wide facts a sentence's
 *   flags depend on (glossary, names, typical sentence length, dominant script). A document without a row has
 *   never been checked (every document of a store migrated from 0006): its first read checks it whole, once.
 */
export default /* sql */ `
CREATE TABLE segment_flags (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  flag_count  INTEGER NOT NULL CHECK (flag_count >= 0),
  flags       TEXT NOT NULL
) STRICT;
CREATE INDEX segment_flags_flagged ON segment_flags (document_id, position) WHERE flag_count > 0;

CREATE TABLE document_flag_counts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  check_id    TEXT NOT NULL,
  n           INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (document_id, check_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_check_state (
  document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  glossary     TEXT NOT NULL,
  names        TEXT NOT NULL,
  typical_words REAL NOT NULL,
  script       TEXT NOT NULL
) STRICT;
`;
