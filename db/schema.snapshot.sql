-- index annotations_by_segment
CREATE INDEX annotations_by_segment ON annotations (segment_id);

-- index batches_by_document
CREATE INDEX batches_by_document ON batches (document_id, id);

-- index batches_done
CREATE INDEX batches_done ON batches (document_id, id) WHERE stack = 'done';

-- index batches_undoes
CREATE INDEX batches_undoes ON batches (undoes) WHERE undoes IS NOT NULL;

-- index batches_undone
CREATE INDEX batches_undone ON batches (document_id, undone_by) WHERE stack = 'undone';

-- index check_settings_scope
CREATE UNIQUE INDEX check_settings_scope ON check_settings (COALESCE(document_id, 0), check_id);

-- index exports_by_document
CREATE INDEX exports_by_document ON exports (document_id, created_at);

-- index ignored_flags_key
CREATE UNIQUE INDEX ignored_flags_key ON ignored_flags (segment_id, check_id, words);

-- index revisions_by_batch
CREATE INDEX revisions_by_batch ON revisions (batch_id) WHERE batch_id IS NOT NULL;

-- index revisions_by_segment
CREATE INDEX revisions_by_segment ON revisions (segment_id, id);

-- index revisions_worked_by_time
CREATE INDEX revisions_worked_by_time ON revisions (created_at) WHERE origin <> 'import';

-- index segment_flag_checks_by_segment
CREATE INDEX segment_flag_checks_by_segment ON segment_flag_checks (segment_id);

-- index segment_flags_flagged
CREATE INDEX segment_flags_flagged ON segment_flags (document_id, position) WHERE flag_count > 0;

-- index segment_names_by_name
CREATE INDEX segment_names_by_name ON segment_names (document_id, name);

-- index segments_by_status
CREATE INDEX segments_by_status ON segments (document_id, status, position);

-- index segments_by_typed_ms
CREATE INDEX segments_by_typed_ms ON segments (document_id, typed_ms) WHERE typed_ms > 0;

-- index segments_edited
CREATE INDEX segments_edited ON segments (document_id, position) WHERE current_text <> mt_text;

-- index segments_empty
CREATE INDEX segments_empty ON segments (document_id, position) WHERE current_text = '';

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
, stack TEXT CHECK (stack IN ('done', 'undone')), undone_by INTEGER, size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0)) STRICT;

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
  typical_words REAL NOT NULL,
  script       TEXT NOT NULL
, names_version INTEGER NOT NULL DEFAULT 0) STRICT;

-- table document_flag_counts
CREATE TABLE document_flag_counts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  check_id    TEXT NOT NULL,
  n           INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (document_id, check_id)
) STRICT, WITHOUT ROWID;

-- table document_flagged_sentences
CREATE TABLE document_flagged_sentences (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL CHECK (n >= 0)
) STRICT;

-- table document_name_facts
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

-- table document_skeleton_parts
CREATE TABLE document_skeleton_parts (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  part        INTEGER NOT NULL CHECK (part >= 0),
  text        TEXT    NOT NULL,
  PRIMARY KEY (document_id, part)
) STRICT;

-- table document_worked_revisions
CREATE TABLE document_worked_revisions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  revision_id INTEGER NOT NULL,
  PRIMARY KEY (document_id, revision_id)
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
  CHECK (quality_threshold >= 0 AND quality_threshold <= 100), encoding TEXT NOT NULL DEFAULT 'utf-8', importing INTEGER NOT NULL DEFAULT 0 CHECK (importing IN (0, 1)), source_lang TEXT CHECK (source_lang IS NULL OR length(source_lang) BETWEEN 2 AND 35), target_lang TEXT CHECK (target_lang IS NULL OR length(target_lang) BETWEEN 2 AND 35), segment_count INTEGER NOT NULL DEFAULT 0, changed_count INTEGER NOT NULL DEFAULT 0, status_not_started INTEGER NOT NULL DEFAULT 0, status_edited INTEGER NOT NULL DEFAULT 0, status_confirmed INTEGER NOT NULL DEFAULT 0, status_approved INTEGER NOT NULL DEFAULT 0, status_rejected INTEGER NOT NULL DEFAULT 0, ter_edits INTEGER NOT NULL DEFAULT 0, ter_ref_words INTEGER NOT NULL DEFAULT 0, ter_insertions INTEGER NOT NULL DEFAULT 0, ter_deletions INTEGER NOT NULL DEFAULT 0, ter_substitutions INTEGER NOT NULL DEFAULT 0, ter_shifts INTEGER NOT NULL DEFAULT 0, rewritten_count INTEGER NOT NULL DEFAULT 0, typed_ms INTEGER NOT NULL DEFAULT 0, typed_keystrokes INTEGER NOT NULL DEFAULT 0, timed_count INTEGER NOT NULL DEFAULT 0, words_worked INTEGER NOT NULL DEFAULT 0, batch_sentences INTEGER NOT NULL DEFAULT 0, batch_steps INTEGER NOT NULL DEFAULT 0, target_words INTEGER NOT NULL DEFAULT 0 CHECK (target_words >= 0), no_mt_count INTEGER NOT NULL DEFAULT 0, no_mt_translated INTEGER NOT NULL DEFAULT 0, no_mt_words INTEGER NOT NULL DEFAULT 0, no_mt_ms INTEGER NOT NULL DEFAULT 0, empty_count INTEGER NOT NULL DEFAULT 0, notes_placed INTEGER NOT NULL DEFAULT 1 CHECK (notes_placed IN (0, 1))) STRICT;

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

-- table hter_band_counts
CREATE TABLE hter_band_counts (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  band        INTEGER NOT NULL CHECK (band >= 0),
  sentences   INTEGER NOT NULL CHECK (sentences >= 0),
  PRIMARY KEY (document_id, band)
) WITHOUT ROWID, STRICT;

-- table ignored_flags
CREATE TABLE "ignored_flags" (
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  check_id    TEXT    NOT NULL,
  words       TEXT,
  created_at  INTEGER NOT NULL
) STRICT;

-- table notes
CREATE TABLE notes (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
  text        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- table revisions
CREATE TABLE "revisions" (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  text        TEXT    NOT NULL,
  origin      TEXT    NOT NULL
              CHECK (origin IN ('import', 'edit', 'revert', 'fix', 'propagated', 'replace', 'restore', 'status')),
  created_at  INTEGER NOT NULL,
  edit_ms     INTEGER NOT NULL DEFAULT 0 CHECK (edit_ms >= 0),
  keystrokes  INTEGER NOT NULL DEFAULT 0 CHECK (keystrokes >= 0),
  batch_id    INTEGER REFERENCES batches (id),
  status      TEXT CHECK (status IS NULL OR status IN ('not_started', 'edited', 'confirmed', 'approved', 'rejected')),
  reason      TEXT
) STRICT;

-- table schema_migrations
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT;

-- table search_pending
CREATE VIRTUAL TABLE search_pending USING fts5(
  text, content = '', detail = none,
  tokenize = "unicode61 remove_diacritics 2 separators ''"
);

-- table search_pending_config
CREATE TABLE 'search_pending_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table search_pending_data
CREATE TABLE 'search_pending_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table search_pending_docsize
CREATE TABLE 'search_pending_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table search_pending_idx
CREATE TABLE 'search_pending_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table search_pending_terms
CREATE VIRTUAL TABLE search_pending_terms USING fts5vocab(search_pending, 'row');

-- table search_terms
CREATE TABLE search_terms (term TEXT PRIMARY KEY, sentences INTEGER NOT NULL) WITHOUT ROWID;

-- table segment_flag_checks
CREATE TABLE segment_flag_checks (
  document_id INTEGER NOT NULL,
  check_id    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  segment_id  INTEGER NOT NULL,
  PRIMARY KEY (document_id, check_id, position, segment_id)
) STRICT, WITHOUT ROWID;

-- table segment_flags
CREATE TABLE segment_flags (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  flag_count  INTEGER NOT NULL CHECK (flag_count >= 0),
  flags       TEXT NOT NULL
) STRICT;

-- table segment_names
CREATE TABLE segment_names (
  segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  PRIMARY KEY (segment_id, name)
) STRICT, WITHOUT ROWID;

-- table segment_search
CREATE VIRTUAL TABLE segment_search USING fts5(
  mt, target, source, note, document_id UNINDEXED,
  tokenize = "unicode61 remove_diacritics 2 separators ''"
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
  updated_at    INTEGER NOT NULL, unit_key TEXT, file_state TEXT, file_notes TEXT CHECK (file_notes IS NULL OR json_valid(file_notes)), ter_edits INTEGER NOT NULL DEFAULT 0 CHECK (ter_edits >= 0), ter_ref_words INTEGER NOT NULL DEFAULT 0 CHECK (ter_ref_words >= 0), ter_insertions INTEGER NOT NULL DEFAULT 0 CHECK (ter_insertions >= 0), ter_deletions INTEGER NOT NULL DEFAULT 0 CHECK (ter_deletions >= 0), ter_substitutions INTEGER NOT NULL DEFAULT 0 CHECK (ter_substitutions >= 0), ter_shifts INTEGER NOT NULL DEFAULT 0 CHECK (ter_shifts >= 0), rewritten INTEGER NOT NULL DEFAULT 0 CHECK (rewritten >= 0), mt_words INTEGER NOT NULL DEFAULT 0 CHECK (mt_words >= 0), char_edits INTEGER NOT NULL DEFAULT 0 CHECK (char_edits >= 0), char_length INTEGER NOT NULL DEFAULT 0 CHECK (char_length >= 0), typed_ms INTEGER NOT NULL DEFAULT 0 CHECK (typed_ms >= 0), typed_keystrokes INTEGER NOT NULL DEFAULT 0 CHECK (typed_keystrokes >= 0), batch_written INTEGER NOT NULL DEFAULT 0 CHECK (batch_written >= 0), hter_band INTEGER CHECK (hter_band IS NULL OR hter_band >= 0), locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)), target_words INTEGER NOT NULL DEFAULT 0 CHECK (target_words >= 0), file_locked INTEGER NOT NULL DEFAULT 0 CHECK (file_locked IN (0, 1)),
  UNIQUE (document_id, position)
) STRICT;

-- table typing_medians
CREATE TABLE typing_medians (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  timed       INTEGER NOT NULL DEFAULT 0 CHECK (timed >= 0),
  below       INTEGER NOT NULL DEFAULT 0 CHECK (below >= 0),
  cursor_ms   INTEGER NOT NULL DEFAULT 0,
  cursor_id   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- table user_words
CREATE TABLE user_words (
  -- stored lower case: a word added once is known in any case
  word        TEXT    PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 100 AND word = lower(word)),
  created_at  INTEGER NOT NULL
) STRICT;

-- trigger batches_size_revision_added
CREATE TRIGGER batches_size_revision_added AFTER INSERT ON revisions WHEN NEW.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size + 1 WHERE id = NEW.batch_id;
END;

-- trigger batches_size_revision_removed
CREATE TRIGGER batches_size_revision_removed AFTER DELETE ON revisions WHEN OLD.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size - 1 WHERE id = OLD.batch_id;
END;

-- trigger batches_stack_action
CREATE TRIGGER batches_stack_action AFTER INSERT ON batches WHEN NEW.kind NOT IN ('undo', 'redo')
BEGIN
  UPDATE batches SET stack = NULL, undone_by = NULL WHERE document_id = NEW.document_id AND stack = 'undone';
  UPDATE batches SET stack = 'done' WHERE id = NEW.id;
END;

-- trigger batches_stack_redo
CREATE TRIGGER batches_stack_redo AFTER INSERT ON batches WHEN NEW.kind = 'redo'
BEGIN
  UPDATE batches SET stack = NULL, undone_by = NULL WHERE id = NEW.undoes AND stack = 'undone';
  UPDATE batches SET stack = 'done' WHERE id = NEW.id;
END;

-- trigger batches_stack_undo
CREATE TRIGGER batches_stack_undo AFTER INSERT ON batches WHEN NEW.kind = 'undo'
BEGIN
  UPDATE batches SET stack = 'undone', undone_by = NEW.id WHERE id = NEW.undoes;
END;

-- trigger document_worked_revisions_insert
CREATE TRIGGER document_worked_revisions_insert AFTER INSERT ON revisions WHEN NEW.origin <> 'import'
BEGIN
  INSERT INTO document_worked_revisions (document_id, revision_id)
    SELECT document_id, NEW.id FROM segments WHERE id = NEW.segment_id;
END;

-- trigger document_worked_revisions_segment_delete
CREATE TRIGGER document_worked_revisions_segment_delete BEFORE DELETE ON segments
  WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.document_id)
BEGIN
  DELETE FROM document_worked_revisions
    WHERE document_id = OLD.document_id AND revision_id IN (SELECT id FROM revisions WHERE segment_id = OLD.id AND origin <> 'import');
END;

-- trigger document_worked_revisions_segment_move
CREATE TRIGGER document_worked_revisions_segment_move AFTER UPDATE OF document_id ON segments
  WHEN OLD.document_id <> NEW.document_id
BEGIN
  UPDATE document_worked_revisions SET document_id = NEW.document_id
    WHERE document_id = OLD.document_id AND revision_id IN (SELECT id FROM revisions WHERE segment_id = NEW.id AND origin <> 'import');
END;

-- trigger hter_band_counts_delete
CREATE TRIGGER hter_band_counts_delete AFTER DELETE ON segments WHEN OLD.hter_band IS NOT NULL
BEGIN
  UPDATE hter_band_counts SET sentences = sentences - 1 WHERE document_id = OLD.document_id AND band = OLD.hter_band;
END;

-- trigger hter_band_counts_insert
CREATE TRIGGER hter_band_counts_insert AFTER INSERT ON segments WHEN NEW.hter_band IS NOT NULL
BEGIN
  INSERT INTO hter_band_counts (document_id, band, sentences)
  SELECT NEW.document_id, NEW.hter_band, 1 WHERE NEW.hter_band IS NOT NULL
  ON CONFLICT (document_id, band) DO UPDATE SET sentences = sentences + 1;
END;

-- trigger hter_band_counts_update
CREATE TRIGGER hter_band_counts_update AFTER UPDATE OF hter_band, document_id ON segments
WHEN OLD.hter_band IS NOT NEW.hter_band OR OLD.document_id IS NOT NEW.document_id
BEGIN
  UPDATE hter_band_counts SET sentences = sentences - 1 WHERE document_id = OLD.document_id AND band = OLD.hter_band;
  INSERT INTO hter_band_counts (document_id, band, sentences)
  SELECT NEW.document_id, NEW.hter_band, 1 WHERE NEW.hter_band IS NOT NULL
  ON CONFLICT (document_id, band) DO UPDATE SET sentences = sentences + 1;
END;

-- trigger revisions_batch_change
CREATE TRIGGER revisions_batch_change AFTER INSERT ON revisions
WHEN NEW.batch_id IS NOT NULL AND NEW.origin NOT IN ('edit', 'import', 'status')
BEGIN
  UPDATE documents SET batch_steps = batch_steps + 1
  WHERE id = (SELECT document_id FROM segments WHERE id = NEW.segment_id)
    AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.batch_id = NEW.batch_id AND r.id <> NEW.id
                    AND r.origin NOT IN ('edit', 'import', 'status'));
  UPDATE segments SET batch_written = 1 WHERE id = NEW.segment_id AND batch_written = 0;
END;

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

-- trigger revisions_typed_effort
CREATE TRIGGER revisions_typed_effort AFTER INSERT ON revisions
WHEN NEW.origin = 'edit' AND (NEW.edit_ms > 0 OR NEW.keystrokes > 0)
BEGIN
  UPDATE segments SET typed_ms = typed_ms + NEW.edit_ms, typed_keystrokes = typed_keystrokes + NEW.keystrokes
  WHERE id = NEW.segment_id;
END;

-- trigger search_terms_note_insert
CREATE TRIGGER search_terms_note_insert AFTER INSERT ON notes
BEGIN
  INSERT INTO search_pending (rowid, text) VALUES (NEW.segment_id, NEW.text);
END;

-- trigger search_terms_note_update
CREATE TRIGGER search_terms_note_update AFTER UPDATE OF text ON notes
BEGIN
  INSERT INTO search_pending (rowid, text) VALUES (NEW.segment_id, NEW.text);
END;

-- trigger search_terms_segment_insert
CREATE TRIGGER search_terms_segment_insert AFTER INSERT ON segments
BEGIN
  INSERT INTO search_pending (rowid, text)
  VALUES (NEW.id, NEW.mt_text || ' ' || CASE WHEN NEW.current_text IS NOT NEW.mt_text THEN NEW.current_text ELSE '' END
          || ' ' || COALESCE(NEW.source_text, ''));
END;

-- trigger search_terms_segment_update
CREATE TRIGGER search_terms_segment_update AFTER UPDATE OF current_text, source_text ON segments
BEGIN
  INSERT INTO search_pending (rowid, text)
  VALUES (NEW.id, NEW.current_text || ' ' || CASE WHEN NEW.source_text IS NOT OLD.source_text THEN COALESCE(NEW.source_text, '') ELSE '' END);
END;

-- trigger segment_flag_checks_delete
CREATE TRIGGER segment_flag_checks_delete AFTER DELETE ON segment_flags WHEN OLD.flag_count > 0
BEGIN
  DELETE FROM segment_flag_checks WHERE segment_id = OLD.segment_id;
END;

-- trigger segment_flag_checks_insert
CREATE TRIGGER segment_flag_checks_insert AFTER INSERT ON segment_flags WHEN NEW.flag_count > 0
BEGIN
  INSERT INTO segment_flag_checks (document_id, check_id, position, segment_id) SELECT DISTINCT NEW.document_id, json_extract(f.value, '$.check'), NEW.position, NEW.segment_id FROM json_each(NEW.flags) AS f;
END;

-- trigger segment_flag_checks_update
CREATE TRIGGER segment_flag_checks_update AFTER UPDATE OF flags, position, document_id ON segment_flags
BEGIN
  DELETE FROM segment_flag_checks WHERE segment_id = OLD.segment_id;
  INSERT INTO segment_flag_checks (document_id, check_id, position, segment_id) SELECT DISTINCT NEW.document_id, json_extract(f.value, '$.check'), NEW.position, NEW.segment_id FROM json_each(NEW.flags) AS f;
END;

-- trigger segment_flags_flagged_delete
CREATE TRIGGER segment_flags_flagged_delete AFTER DELETE ON segment_flags WHEN OLD.flag_count > 0
BEGIN
  UPDATE document_flagged_sentences SET n = n - 1 WHERE document_id = OLD.document_id;
END;

-- trigger segment_flags_flagged_insert
CREATE TRIGGER segment_flags_flagged_insert AFTER INSERT ON segment_flags WHEN NEW.flag_count > 0
BEGIN
  INSERT INTO document_flagged_sentences (document_id, n) VALUES (NEW.document_id, 1)
    ON CONFLICT (document_id) DO UPDATE SET n = n + 1;
END;

-- trigger segment_flags_flagged_update
CREATE TRIGGER segment_flags_flagged_update AFTER UPDATE OF flag_count, document_id ON segment_flags
  WHEN (OLD.flag_count > 0) <> (NEW.flag_count > 0) OR (OLD.document_id <> NEW.document_id AND NEW.flag_count > 0)
BEGIN
  UPDATE document_flagged_sentences SET n = n - 1 WHERE document_id = OLD.document_id AND OLD.flag_count > 0;
  INSERT INTO document_flagged_sentences (document_id, n) SELECT NEW.document_id, 1 WHERE NEW.flag_count > 0
    ON CONFLICT (document_id) DO UPDATE SET n = n + 1;
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

-- trigger segments_file_lock_is_fixed
CREATE TRIGGER segments_file_lock_is_fixed BEFORE UPDATE OF file_locked ON segments
WHEN NEW.file_locked IS NOT OLD.file_locked
BEGIN
  SELECT RAISE(ABORT, 'segments.file_locked is set at import and never changes');
END;

-- trigger segments_lock_is_fixed
CREATE TRIGGER segments_lock_is_fixed BEFORE UPDATE OF locked ON segments
WHEN NEW.locked IS NOT OLD.locked
BEGIN
  SELECT RAISE(ABORT, 'segments.locked is set at import and never changes');
END;

-- trigger segments_locked_text_is_fixed
CREATE TRIGGER segments_locked_text_is_fixed BEFORE UPDATE OF current_text ON segments
WHEN OLD.locked = 1 AND NEW.current_text IS NOT OLD.current_text
BEGIN
  SELECT RAISE(ABORT, 'a locked segment''s text never changes');
END;

-- trigger segments_mt_is_fixed
CREATE TRIGGER segments_mt_is_fixed BEFORE UPDATE OF mt_text ON segments
WHEN NEW.mt_text IS NOT OLD.mt_text
BEGIN
  SELECT RAISE(ABORT, 'segments.mt_text never changes');
END;

-- trigger segments_target_words_delete
CREATE TRIGGER segments_target_words_delete AFTER DELETE ON segments WHEN OLD.target_words > 0
BEGIN
  UPDATE documents SET target_words = target_words - OLD.target_words WHERE id = OLD.document_id;
END;

-- trigger segments_target_words_insert
CREATE TRIGGER segments_target_words_insert AFTER INSERT ON segments WHEN NEW.target_words > 0
BEGIN
  UPDATE documents SET target_words = target_words + NEW.target_words WHERE id = NEW.document_id;
END;

-- trigger segments_target_words_update
CREATE TRIGGER segments_target_words_update AFTER UPDATE OF target_words, document_id ON segments
  WHEN OLD.target_words <> NEW.target_words OR OLD.document_id <> NEW.document_id
BEGIN
  UPDATE documents SET target_words = target_words - OLD.target_words WHERE id = OLD.document_id;
  UPDATE documents SET target_words = target_words + NEW.target_words WHERE id = NEW.document_id;
END;

-- trigger segments_text_needs_revision
CREATE TRIGGER segments_text_needs_revision BEFORE UPDATE OF current_text ON segments
WHEN NEW.current_text IS NOT
  (SELECT text FROM revisions WHERE segment_id = NEW.id ORDER BY id DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'segments.current_text changes only with a revision');
END;

-- trigger segments_totals_delete
CREATE TRIGGER segments_totals_delete AFTER DELETE ON segments
BEGIN
  UPDATE documents SET
    segment_count = segment_count - 1,
    changed_count = changed_count - (OLD.current_text <> OLD.mt_text),
    status_not_started = status_not_started - (OLD.status = 'not_started'),
    status_edited = status_edited - (OLD.status = 'edited'),
    status_confirmed = status_confirmed - (OLD.status = 'confirmed'),
    status_approved = status_approved - (OLD.status = 'approved'),
    status_rejected = status_rejected - (OLD.status = 'rejected'),
    ter_edits = ter_edits - (OLD.mt_text <> '') * OLD.ter_edits,
    ter_ref_words = ter_ref_words - (OLD.mt_text <> '') * OLD.ter_ref_words,
    ter_insertions = ter_insertions - (OLD.mt_text <> '') * OLD.ter_insertions,
    ter_deletions = ter_deletions - (OLD.mt_text <> '') * OLD.ter_deletions,
    ter_substitutions = ter_substitutions - (OLD.mt_text <> '') * OLD.ter_substitutions,
    ter_shifts = ter_shifts - (OLD.mt_text <> '') * OLD.ter_shifts,
    rewritten_count = rewritten_count - OLD.rewritten,
    typed_ms = typed_ms - OLD.typed_ms,
    typed_keystrokes = typed_keystrokes - OLD.typed_keystrokes,
    timed_count = timed_count - (OLD.typed_ms > 0),
    words_worked = words_worked - (OLD.typed_ms > 0) * OLD.mt_words,
    batch_sentences = batch_sentences - OLD.batch_written,
    no_mt_count = no_mt_count - (OLD.mt_text = ''),
    no_mt_translated = no_mt_translated - (OLD.mt_text = '' AND OLD.current_text <> ''),
    no_mt_words = no_mt_words - (OLD.mt_text = '') * OLD.ter_ref_words,
    no_mt_ms = no_mt_ms - (OLD.mt_text = '') * OLD.typed_ms,
    empty_count = empty_count - (OLD.current_text = '')
  WHERE id = OLD.document_id;
END;

-- trigger segments_totals_insert
CREATE TRIGGER segments_totals_insert AFTER INSERT ON segments
BEGIN
  UPDATE documents SET
    segment_count = segment_count + 1,
    changed_count = changed_count + (NEW.current_text <> NEW.mt_text),
    status_not_started = status_not_started + (NEW.status = 'not_started'),
    status_edited = status_edited + (NEW.status = 'edited'),
    status_confirmed = status_confirmed + (NEW.status = 'confirmed'),
    status_approved = status_approved + (NEW.status = 'approved'),
    status_rejected = status_rejected + (NEW.status = 'rejected'),
    ter_edits = ter_edits + (NEW.mt_text <> '') * NEW.ter_edits,
    ter_ref_words = ter_ref_words + (NEW.mt_text <> '') * NEW.ter_ref_words,
    ter_insertions = ter_insertions + (NEW.mt_text <> '') * NEW.ter_insertions,
    ter_deletions = ter_deletions + (NEW.mt_text <> '') * NEW.ter_deletions,
    ter_substitutions = ter_substitutions + (NEW.mt_text <> '') * NEW.ter_substitutions,
    ter_shifts = ter_shifts + (NEW.mt_text <> '') * NEW.ter_shifts,
    rewritten_count = rewritten_count + NEW.rewritten,
    typed_ms = typed_ms + NEW.typed_ms,
    typed_keystrokes = typed_keystrokes + NEW.typed_keystrokes,
    timed_count = timed_count + (NEW.typed_ms > 0),
    words_worked = words_worked + (NEW.typed_ms > 0) * NEW.mt_words,
    batch_sentences = batch_sentences + NEW.batch_written,
    no_mt_count = no_mt_count + (NEW.mt_text = ''),
    no_mt_translated = no_mt_translated + (NEW.mt_text = '' AND NEW.current_text <> ''),
    no_mt_words = no_mt_words + (NEW.mt_text = '') * NEW.ter_ref_words,
    no_mt_ms = no_mt_ms + (NEW.mt_text = '') * NEW.typed_ms,
    empty_count = empty_count + (NEW.current_text = '')
  WHERE id = NEW.document_id;
END;

-- trigger segments_totals_update
CREATE TRIGGER segments_totals_update AFTER UPDATE OF current_text, status, ter_edits, ter_ref_words, ter_insertions, ter_deletions, ter_substitutions, ter_shifts, rewritten, mt_words, char_edits, char_length, typed_ms, typed_keystrokes, batch_written ON segments
BEGIN
  UPDATE documents SET
    segment_count = segment_count - 1 + 1,
    changed_count = changed_count - (OLD.current_text <> OLD.mt_text) + (NEW.current_text <> NEW.mt_text),
    status_not_started = status_not_started - (OLD.status = 'not_started') + (NEW.status = 'not_started'),
    status_edited = status_edited - (OLD.status = 'edited') + (NEW.status = 'edited'),
    status_confirmed = status_confirmed - (OLD.status = 'confirmed') + (NEW.status = 'confirmed'),
    status_approved = status_approved - (OLD.status = 'approved') + (NEW.status = 'approved'),
    status_rejected = status_rejected - (OLD.status = 'rejected') + (NEW.status = 'rejected'),
    ter_edits = ter_edits - (OLD.mt_text <> '') * OLD.ter_edits + (NEW.mt_text <> '') * NEW.ter_edits,
    ter_ref_words = ter_ref_words - (OLD.mt_text <> '') * OLD.ter_ref_words + (NEW.mt_text <> '') * NEW.ter_ref_words,
    ter_insertions = ter_insertions - (OLD.mt_text <> '') * OLD.ter_insertions + (NEW.mt_text <> '') * NEW.ter_insertions,
    ter_deletions = ter_deletions - (OLD.mt_text <> '') * OLD.ter_deletions + (NEW.mt_text <> '') * NEW.ter_deletions,
    ter_substitutions = ter_substitutions - (OLD.mt_text <> '') * OLD.ter_substitutions + (NEW.mt_text <> '') * NEW.ter_substitutions,
    ter_shifts = ter_shifts - (OLD.mt_text <> '') * OLD.ter_shifts + (NEW.mt_text <> '') * NEW.ter_shifts,
    rewritten_count = rewritten_count - OLD.rewritten + NEW.rewritten,
    typed_ms = typed_ms - OLD.typed_ms + NEW.typed_ms,
    typed_keystrokes = typed_keystrokes - OLD.typed_keystrokes + NEW.typed_keystrokes,
    timed_count = timed_count - (OLD.typed_ms > 0) + (NEW.typed_ms > 0),
    words_worked = words_worked - (OLD.typed_ms > 0) * OLD.mt_words + (NEW.typed_ms > 0) * NEW.mt_words,
    batch_sentences = batch_sentences - OLD.batch_written + NEW.batch_written,
    no_mt_count = no_mt_count - (OLD.mt_text = '') + (NEW.mt_text = ''),
    no_mt_translated = no_mt_translated - (OLD.mt_text = '' AND OLD.current_text <> '') + (NEW.mt_text = '' AND NEW.current_text <> ''),
    no_mt_words = no_mt_words - (OLD.mt_text = '') * OLD.ter_ref_words + (NEW.mt_text = '') * NEW.ter_ref_words,
    no_mt_ms = no_mt_ms - (OLD.mt_text = '') * OLD.typed_ms + (NEW.mt_text = '') * NEW.typed_ms,
    empty_count = empty_count - (OLD.current_text = '') + (NEW.current_text = '')
  WHERE id = NEW.document_id;
END;

-- trigger typing_medians_delete
CREATE TRIGGER typing_medians_delete AFTER DELETE ON segments WHEN OLD.typed_ms > 0
BEGIN
  UPDATE typing_medians SET timed = timed - (OLD.typed_ms > 0 AND typing_medians.document_id = OLD.document_id), below = below - ((OLD.typed_ms > 0 AND typing_medians.document_id = OLD.document_id) AND (OLD.typed_ms, OLD.id) < (typing_medians.cursor_ms, typing_medians.cursor_id))
  WHERE typing_medians.document_id IN (OLD.document_id);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1)
  WHERE typing_medians.document_id IN (OLD.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1 OFFSET 1), below = below + 1
  WHERE typing_medians.document_id IN (OLD.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) - 1;
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id < typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > 0 AND typed_ms < typing_medians.cursor_ms
  ORDER BY 1 DESC, 2 DESC LIMIT 1), below = below - 1
  WHERE typing_medians.document_id IN (OLD.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) + 1;
END;

-- trigger typing_medians_insert
CREATE TRIGGER typing_medians_insert AFTER INSERT ON segments WHEN NEW.typed_ms > 0
BEGIN
  INSERT OR IGNORE INTO typing_medians (document_id) VALUES (NEW.document_id);
  UPDATE typing_medians SET timed = timed + (NEW.typed_ms > 0 AND typing_medians.document_id = NEW.document_id), below = below + ((NEW.typed_ms > 0 AND typing_medians.document_id = NEW.document_id) AND (NEW.typed_ms, NEW.id) < (typing_medians.cursor_ms, typing_medians.cursor_id))
  WHERE typing_medians.document_id IN (NEW.document_id);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1)
  WHERE typing_medians.document_id IN (NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1 OFFSET 1), below = below + 1
  WHERE typing_medians.document_id IN (NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) - 1;
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id < typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > 0 AND typed_ms < typing_medians.cursor_ms
  ORDER BY 1 DESC, 2 DESC LIMIT 1), below = below - 1
  WHERE typing_medians.document_id IN (NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) + 1;
END;

-- trigger typing_medians_update
CREATE TRIGGER typing_medians_update AFTER UPDATE OF typed_ms, document_id ON segments
WHEN (OLD.typed_ms > 0 OR NEW.typed_ms > 0) AND (OLD.typed_ms IS NOT NEW.typed_ms OR OLD.document_id IS NOT NEW.document_id)
BEGIN
  INSERT OR IGNORE INTO typing_medians (document_id) VALUES (NEW.document_id);
  UPDATE typing_medians SET timed = timed - (OLD.typed_ms > 0 AND typing_medians.document_id = OLD.document_id) + (NEW.typed_ms > 0 AND typing_medians.document_id = NEW.document_id), below = below - ((OLD.typed_ms > 0 AND typing_medians.document_id = OLD.document_id) AND (OLD.typed_ms, OLD.id) < (typing_medians.cursor_ms, typing_medians.cursor_id)) + ((NEW.typed_ms > 0 AND typing_medians.document_id = NEW.document_id) AND (NEW.typed_ms, NEW.id) < (typing_medians.cursor_ms, typing_medians.cursor_id))
  WHERE typing_medians.document_id IN (OLD.document_id, NEW.document_id);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1)
  WHERE typing_medians.document_id IN (OLD.document_id, NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1);
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id >= typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > typing_medians.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2 LIMIT 1 OFFSET 1), below = below + 1
  WHERE typing_medians.document_id IN (OLD.document_id, NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) - 1;
  UPDATE typing_medians SET (cursor_ms, cursor_id) = (
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms = typing_medians.cursor_ms AND id < typing_medians.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = typing_medians.document_id AND typed_ms > 0 AND typed_ms < typing_medians.cursor_ms
  ORDER BY 1 DESC, 2 DESC LIMIT 1), below = below - 1
  WHERE typing_medians.document_id IN (OLD.document_id, NEW.document_id) AND timed > 0 AND below = ((typing_medians.timed - 1) >> 1) + 1;
END;
