/**
 * Checks that know their languages: a document's source and target language (BCP 47 tags, from its file or
 * chosen by the editor; NULL means "detect from the text"), the editor's own word list that spelling never
 * flags ("Add to dictionary"), and a setting per kind of check, for one document or (document_id NULL) for
 * all: on or off, another severity, whether its unsure flags are shown too.
 */
export default /* sql */ `
ALTER TABLE documents ADD COLUMN source_lang TEXT CHECK (source_lang IS NULL OR length(source_lang) BETWEEN 2 AND 35);
ALTER TABLE documents ADD COLUMN target_lang TEXT CHECK (target_lang IS NULL OR length(target_lang) BETWEEN 2 AND 35);

CREATE TABLE user_words (
  -- stored lower case: a word added once is known in any case
  word        TEXT    PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 100 AND word = lower(word)),
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE check_settings (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  check_id      TEXT    NOT NULL,
  enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  severity      TEXT    CHECK (severity IS NULL OR severity IN ('minor', 'major', 'critical')),
  show_possible INTEGER NOT NULL DEFAULT 0 CHECK (show_possible IN (0, 1)),
  updated_at    INTEGER NOT NULL
) STRICT;
-- one setting per check and scope; NULL (global) counted as scope 0, as SQLite treats NULLs as distinct
CREATE UNIQUE INDEX check_settings_scope ON check_settings (COALESCE(document_id, 0), check_id);
`;
