/**
 * Revision ids are never given twice. Without AUTOINCREMENT SQLite numbers a new row one past the largest id
 * there is, so deleting a document whose revisions were the newest handed their ids out again to the next saves.
 * The caches kept by "the newest revision seen" (stored flags, the metrics measured with other options) then
 * took a new save for one they had seen: its sentence was never checked again, and the figures stayed old.
 * With AUTOINCREMENT the next id is past every id ever given (sqlite_sequence).
 *
 * SQLite cannot add AUTOINCREMENT to a table: the table is made again with it, its rows copied (ids kept), and
 * its indexes and triggers made again as migrations 0001–0025 left them. No table refers to revisions, so
 * dropping the old one deletes nothing else; the implicit delete of a DROP fires no trigger (batch sizes stay).
 * Triggers on other tables name revisions in their bodies: the rename is done the legacy way, which leaves
 * their text alone (the table they name exists again once it is done). One copy of the history, once.
 */
export default `
CREATE TABLE revisions_numbered (
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

INSERT INTO revisions_numbered (id, segment_id, text, origin, created_at, edit_ms, keystrokes, batch_id, status, reason)
  SELECT id, segment_id, text, origin, created_at, edit_ms, keystrokes, batch_id, status, reason FROM revisions;

DROP TABLE revisions;
PRAGMA legacy_alter_table = ON;
ALTER TABLE revisions_numbered RENAME TO revisions;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX revisions_by_segment ON revisions (segment_id, id);
CREATE INDEX revisions_by_batch ON revisions (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX revisions_worked_by_time ON revisions (created_at) WHERE origin <> 'import';

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;

CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM segments WHERE id = OLD.segment_id)
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;

CREATE TRIGGER revisions_typed_effort AFTER INSERT ON revisions
WHEN NEW.origin = 'edit' AND (NEW.edit_ms > 0 OR NEW.keystrokes > 0)
BEGIN
  UPDATE segments SET typed_ms = typed_ms + NEW.edit_ms, typed_keystrokes = typed_keystrokes + NEW.keystrokes
  WHERE id = NEW.segment_id;
END;

CREATE TRIGGER revisions_batch_change AFTER INSERT ON revisions
WHEN NEW.batch_id IS NOT NULL AND NEW.origin NOT IN ('edit', 'import', 'status')
BEGIN
  UPDATE documents SET batch_steps = batch_steps + 1
  WHERE id = (SELECT document_id FROM segments WHERE id = NEW.segment_id)
    AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.batch_id = NEW.batch_id AND r.id <> NEW.id
                    AND r.origin NOT IN ('edit', 'import', 'status'));
  UPDATE segments SET batch_written = 1 WHERE id = NEW.segment_id AND batch_written = 0;
END;

CREATE TRIGGER document_worked_revisions_insert AFTER INSERT ON revisions WHEN NEW.origin <> 'import'
BEGIN
  INSERT INTO document_worked_revisions (document_id, revision_id)
    SELECT document_id, NEW.id FROM segments WHERE id = NEW.segment_id;
END;

CREATE TRIGGER batches_size_revision_added AFTER INSERT ON revisions WHEN NEW.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size + 1 WHERE id = NEW.batch_id;
END;

CREATE TRIGGER batches_size_revision_removed AFTER DELETE ON revisions WHEN OLD.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size - 1 WHERE id = OLD.batch_id;
END;
`;
