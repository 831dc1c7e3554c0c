/**
 * The editor's revisions — every origin but the import — of each document, as rows keyed by the document: the
 * Changes panel's timeline walks its document's own work newest first. A revision carries no document id (its
 * sentence does), so the timeline walked the store's worked revisions (migration 0020) and kept its document's,
 * costing every other book's work on every save while the panel was open (12–22 ms per 12k revisions of another
 * book). Revisions are append-only, so the document cannot be a column of theirs: this table holds it.
 *
 * Kept by triggers: a revision written adds its row (the import writes none); a sentence deleted on its own takes
 * its revisions' rows with it (before its revisions cascade away, while they still name it). A document deleted
 * takes its rows by the foreign key, at once: its sentences cascade after it is gone, so the sentence trigger
 * skips them rather than look up each one's revisions (a third more time to delete a book). Filled here from the
 * revisions already stored. The index of 0020, which the timeline walked, is read by nothing now: it goes, so
 * saves stop writing it.
 */
const WORKED_OF_SEGMENT = (segment: string) =>
  `SELECT id FROM revisions WHERE segment_id = ${segment}.id AND origin <> 'import'`;

export default /* sql */ `
CREATE TABLE document_worked_revisions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  revision_id INTEGER NOT NULL,
  PRIMARY KEY (document_id, revision_id)
) STRICT, WITHOUT ROWID;

DROP INDEX revisions_worked;

INSERT INTO document_worked_revisions (document_id, revision_id)
  SELECT s.document_id, r.id FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE r.origin <> 'import';

CREATE TRIGGER document_worked_revisions_insert AFTER INSERT ON revisions WHEN NEW.origin <> 'import'
BEGIN
  INSERT INTO document_worked_revisions (document_id, revision_id)
    SELECT document_id, NEW.id FROM segments WHERE id = NEW.segment_id;
END;

CREATE TRIGGER document_worked_revisions_segment_delete BEFORE DELETE ON segments
  WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.document_id)
BEGIN
  DELETE FROM document_worked_revisions
    WHERE document_id = OLD.document_id AND revision_id IN (${WORKED_OF_SEGMENT('OLD')});
END;

CREATE TRIGGER document_worked_revisions_segment_move AFTER UPDATE OF document_id ON segments
  WHEN OLD.document_id <> NEW.document_id
BEGIN
  UPDATE document_worked_revisions SET document_id = NEW.document_id
    WHERE document_id = OLD.document_id AND revision_id IN (${WORKED_OF_SEGMENT('NEW')});
END;
`;
