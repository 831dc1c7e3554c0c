/**
 * The review workflow: every revision records the status it left the sentence in (a status change is a
 * revision of its own, with the reason for a rejection); notes per sentence; MQM error annotations; the
 * exports made (for "changes since the last export"); the document's MQM pass threshold; and a full-text
 * index over MT, correction, source and notes, kept current by triggers.
 */
export default /* sql */ `
ALTER TABLE revisions ADD COLUMN status TEXT
  CHECK (status IS NULL OR status IN ('not_started', 'edited', 'confirmed', 'approved', 'rejected'));
ALTER TABLE revisions ADD COLUMN reason TEXT;

ALTER TABLE documents ADD COLUMN quality_threshold REAL NOT NULL DEFAULT 99
  CHECK (quality_threshold >= 0 AND quality_threshold <= 100);

CREATE TABLE notes (
  segment_id  INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
  text        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE annotations (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  side        TEXT    NOT NULL CHECK (side IN ('mt', 'target')),
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

CREATE INDEX annotations_by_segment ON annotations (segment_id);

CREATE TABLE exports (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  format       TEXT    NOT NULL,
  path         TEXT    NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX exports_by_document ON exports (document_id, created_at);

-- Full-text search: one row per sentence, rowid = segment id.
CREATE VIRTUAL TABLE segment_search USING fts5(
  mt, target, source, note, document_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO segment_search (rowid, mt, target, source, note, document_id)
  SELECT id, mt_text, current_text, COALESCE(source_text, ''), '', document_id FROM segments;

CREATE TRIGGER segment_search_insert AFTER INSERT ON segments
BEGIN
  INSERT INTO segment_search (rowid, mt, target, source, note, document_id)
  VALUES (NEW.id, NEW.mt_text, NEW.current_text, COALESCE(NEW.source_text, ''), '', NEW.document_id);
END;

CREATE TRIGGER segment_search_update AFTER UPDATE OF current_text, source_text ON segments
BEGIN
  UPDATE segment_search SET target = NEW.current_text, source = COALESCE(NEW.source_text, '') WHERE rowid = NEW.id;
END;

CREATE TRIGGER segment_search_delete AFTER DELETE ON segments
BEGIN
  DELETE FROM segment_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER segment_search_note_insert AFTER INSERT ON notes
BEGIN
  UPDATE segment_search SET note = NEW.text WHERE rowid = NEW.segment_id;
END;

CREATE TRIGGER segment_search_note_update AFTER UPDATE ON notes
BEGIN
  UPDATE segment_search SET note = NEW.text WHERE rowid = NEW.segment_id;
END;

CREATE TRIGGER segment_search_note_delete AFTER DELETE ON notes
BEGIN
  UPDATE segment_search SET note = '' WHERE rowid = OLD.segment_id;
END;
`;
