-- index annotations_by_segment
CREATE INDEX annotations_by_segment ON annotations (segment_id);

-- index batches_by_document
CREATE INDEX batches_by_document ON batches (document_id, id);

-- index check_settings_scope
CREATE UNIQUE INDEX check_settings_scope ON check_settings (COALESCE(document_id, 0), check_id);

-- index exports_by_document
CREATE INDEX exports_by_document ON exports (document_id, created_at);

-- index revisions_by_batch
CREATE INDEX revisions_by_batch ON revisions (batch_id) WHERE batch_id IS NOT NULL;

-- index revisions_by_segment
CREATE INDEX revisions_by_segment ON revisions (segment_id, id);

-- index segment_flags_flagged
CREATE INDEX segment_flags_flagged ON segment_flags (document_id, position) WHERE flag_count > 0;

-- table annotations
CREATE TABLE "annotations" (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  side        TEXT    NOT NULL CHECK (side IN ('source', 'mt', 'target')),
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  quote       TEXT    NOT NULL,
  category    TEXT    NOT NULL CHECK (category IN ('accuracy.mistranslation', 'accuracy.omission',
                'accuracy.addition', 'accuracy.untranslated', 'fluency.grammar', 'fluency.punctuation',
                'fluency.spelling', 'fluency.typography', 'terminology', 'style', 'locale-convention')),
  severity    TEXT    NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  comment     TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
) STRICT;

-- table batches
CREATE TABLE batches (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL
               CHECK (kind IN ('edit', 'revert', 'status', 'restore', 'fix', 'propagated', 'replace', 'undo', 'redo')),
  label        TEXT    NOT NULL,
  -- for an undo, the batch it undid; for a redo, the batch it applied again
  undoes       INTEGER REFERENCES batches (id),
  created_at   INTEGER NOT NULL
) STRICT;

-- table check_settings
CREATE TABLE check_settings (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  check_id      TEXT    NOT NULL,
  enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  severity      TEXT    CHECK (severity IS NULL OR severity IN ('minor', 'major', 'critical')),
  show_possible INTEGER NOT NULL DEFAULT 0 CHECK (show_possible IN (0, 1)),
  updated_at    INTEGER NOT NULL
) STRICT;

-- table document_check_state
CREATE TABLE document_check_state (
  document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  glossary     TEXT NOT NULL,
  names        TEXT NOT NULL,
  typical_words REAL NOT NULL,
  script       TEXT NOT NULL
) STRICT;

-- table document_flag_counts
CREATE TABLE document_flag_counts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  check_id    TEXT NOT NULL,
  n           INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (document_id, check_id)
) STRICT, WITHOUT ROWID;

-- table documents
CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL,
  file_name   TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  -- whitespace before the first sentence, so export reproduces the file byte for byte
  leading     TEXT    NOT NULL,
  has_bom     INTEGER NOT NULL CHECK (has_bom IN (0, 1)),
  created_at  INTEGER NOT NULL,
  opened_at   INTEGER NOT NULL
, quality_threshold REAL NOT NULL DEFAULT 99
  CHECK (quality_threshold >= 0 AND quality_threshold <= 100), skeleton TEXT CHECK (skeleton IS NULL OR json_valid(skeleton)), encoding TEXT NOT NULL DEFAULT 'utf-8', importing INTEGER NOT NULL DEFAULT 0 CHECK (importing IN (0, 1)), source_lang TEXT CHECK (source_lang IS NULL OR length(source_lang) BETWEEN 2 AND 35), target_lang TEXT CHECK (target_lang IS NULL OR length(target_lang) BETWEEN 2 AND 35)) STRICT;

-- table exports
CREATE TABLE exports (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  format       TEXT    NOT NULL,
  path         TEXT    NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;

-- table fix_rules
CREATE TABLE fix_rules (
  id              INTEGER PRIMARY KEY,
  find            TEXT    NOT NULL CHECK (length(find) > 0),
  replace         TEXT    NOT NULL,
  whole_word      INTEGER NOT NULL DEFAULT 1 CHECK (whole_word IN (0, 1)),
  case_sensitive  INTEGER NOT NULL DEFAULT 1 CHECK (case_sensitive IN (0, 1)),
  enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  uses            INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (find, whole_word, case_sensitive)
) STRICT;

-- table glossary_terms
CREATE TABLE glossary_terms (
  id          INTEGER PRIMARY KEY,
  preferred   TEXT    NOT NULL UNIQUE CHECK (length(preferred) > 0),
  -- a JSON array of the variants to replace by the preferred term
  forbidden   TEXT    NOT NULL CHECK (json_valid(forbidden) AND json_type(forbidden) = 'array'),
  note        TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- table ignored_flags
CREATE TABLE ignored_flags (
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  check_id    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (segment_id, check_id)
) STRICT;

-- table notes
CREATE TABLE notes (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
  text        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- table revisions
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  text        TEXT    NOT NULL,
  origin      TEXT    NOT NULL
              CHECK (origin IN ('import', 'edit', 'revert', 'fix', 'propagated', 'replace', 'restore', 'status')),
  created_at  INTEGER NOT NULL
, edit_ms INTEGER NOT NULL DEFAULT 0 CHECK (edit_ms >= 0), keystrokes INTEGER NOT NULL DEFAULT 0 CHECK (keystrokes >= 0), batch_id INTEGER REFERENCES batches (id), status TEXT
  CHECK (status IS NULL OR status IN ('not_started', 'edited', 'confirmed', 'approved', 'rejected')), reason TEXT) STRICT;

-- table schema_migrations
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT;

-- table segment_flags
CREATE TABLE segment_flags (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  flag_count  INTEGER NOT NULL CHECK (flag_count >= 0),
  flags       TEXT NOT NULL
) STRICT;

-- table segment_search
CREATE VIRTUAL TABLE segment_search USING fts5(
  mt, target, source, note, document_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- table segment_search_config
CREATE TABLE 'segment_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table segment_search_content
CREATE TABLE 'segment_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);

-- table segment_search_data
CREATE TABLE 'segment_search_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table segment_search_docsize
CREATE TABLE 'segment_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table segment_search_idx
CREATE TABLE 'segment_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table segments
CREATE TABLE segments (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position > 0),
  paragraph     INTEGER NOT NULL CHECK (paragraph > 0),
  mt_text       TEXT    NOT NULL,
  current_text  TEXT    NOT NULL,
  source_text   TEXT,
  -- the whitespace that followed the sentence in the original file
  trailing      TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'edited', 'confirmed', 'approved', 'rejected')),
  updated_at    INTEGER NOT NULL, unit_key TEXT, file_state TEXT, file_notes TEXT CHECK (file_notes IS NULL OR json_valid(file_notes)),
  UNIQUE (document_id, position)
) STRICT;

-- table user_words
CREATE TABLE user_words (
  -- stored lower case: a word added once is known in any case
  word        TEXT    PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 100 AND word = lower(word)),
  created_at  INTEGER NOT NULL
) STRICT;

-- trigger revisions_no_delete
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM segments WHERE id = OLD.segment_id)
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- trigger revisions_no_update
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- trigger segment_search_delete
CREATE TRIGGER segment_search_delete AFTER DELETE ON segments
BEGIN
  DELETE FROM segment_search WHERE rowid = OLD.id;
END;

-- trigger segment_search_insert
CREATE TRIGGER segment_search_insert AFTER INSERT ON segments
BEGIN
  INSERT INTO segment_search (rowid, mt, target, source, note, document_id)
  VALUES (NEW.id, NEW.mt_text, NEW.current_text, COALESCE(NEW.source_text, ''), '', NEW.document_id);
END;

-- trigger segment_search_note_delete
CREATE TRIGGER segment_search_note_delete AFTER DELETE ON notes
BEGIN
  UPDATE segment_search SET note = '' WHERE rowid = OLD.segment_id;
END;

-- trigger segment_search_note_insert
CREATE TRIGGER segment_search_note_insert AFTER INSERT ON notes
BEGIN
  UPDATE segment_search SET note = NEW.text WHERE rowid = NEW.segment_id;
END;

-- trigger segment_search_note_update
CREATE TRIGGER segment_search_note_update AFTER UPDATE ON notes
BEGIN
  UPDATE segment_search SET note = NEW.text WHERE rowid = NEW.segment_id;
END;

-- trigger segment_search_update
CREATE TRIGGER segment_search_update AFTER UPDATE OF current_text, source_text ON segments
BEGIN
  UPDATE segment_search SET target = NEW.current_text, source = COALESCE(NEW.source_text, '') WHERE rowid = NEW.id;
END;

-- trigger segments_mt_is_fixed
CREATE TRIGGER segments_mt_is_fixed BEFORE UPDATE OF mt_text ON segments
WHEN NEW.mt_text IS NOT OLD.mt_text
BEGIN
  SELECT RAISE(ABORT, 'segments.mt_text never changes');
END;

-- trigger segments_text_needs_revision
CREATE TRIGGER segments_text_needs_revision BEFORE UPDATE OF current_text ON segments
WHEN NEW.current_text IS NOT
  (SELECT text FROM revisions WHERE segment_id = NEW.id ORDER BY id DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'segments.current_text changes only with a revision');
END;
