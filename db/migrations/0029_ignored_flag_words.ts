/**
 * "Ignore" acts on one flag, not on every flag of its kind in the sentence: an ignored flag is remembered with
 * the words it is about (`words`, the flagged span's text), so ignoring one misspelling leaves the sentence's
 * other misspellings shown, and an edit that changes those words gets its flag again. Rows of earlier releases
 * ignored the whole kind in the sentence, and keep doing so: their `words` is NULL.
 */
export default /* sql */ `
CREATE TABLE ignored_flags_by_words (
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  check_id    TEXT    NOT NULL,
  words       TEXT,
  created_at  INTEGER NOT NULL
) STRICT;
INSERT INTO ignored_flags_by_words (segment_id, check_id, words, created_at)
  SELECT segment_id, check_id, NULL, created_at FROM ignored_flags;
DROP TABLE ignored_flags;
ALTER TABLE ignored_flags_by_words RENAME TO ignored_flags;
CREATE UNIQUE INDEX ignored_flags_key ON ignored_flags (segment_id, check_id, words);
`;
