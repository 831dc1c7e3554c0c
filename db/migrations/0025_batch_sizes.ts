/**
 * How many revisions each step (batch) wrote, kept on its row: the undo bar asks for the steps at the top of the
 * stacks after every save, and an undo for the size of the step it takes back, so counting a step's revisions on
 * each ask cost in proportion to the step (a replace-all over a book writes tens of thousands). Kept by triggers
 * on the write of each revision, in its transaction; revisions go only with their sentence (a document's
 * deletion, a few sentences a step), and the count follows them down. Filled here from the revisions stored.
 */
export default /* sql */ `
ALTER TABLE batches ADD COLUMN size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0);

UPDATE batches SET size = (SELECT COUNT(*) FROM revisions r WHERE r.batch_id = batches.id);

CREATE TRIGGER batches_size_revision_added AFTER INSERT ON revisions WHEN NEW.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size + 1 WHERE id = NEW.batch_id;
END;

CREATE TRIGGER batches_size_revision_removed AFTER DELETE ON revisions WHEN OLD.batch_id IS NOT NULL
BEGIN
  UPDATE batches SET size = size - 1 WHERE id = OLD.batch_id;
END;
`;
