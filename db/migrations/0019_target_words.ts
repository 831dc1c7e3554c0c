import type { Database } from 'better-sqlite3';
import { mqmWordCount } from '../../core/mqm/score';

/**
 * The words of each sentence's current text as the MQM score counts them, kept with the sentence like its other
 * figures (migration 0009), and their sum on its document, kept by triggers: the MQM summary of the metrics
 * panel divides by that sum, which it counted from every sentence's text on each opening and each save while
 * open (0.6 s at 100k sentences).
 *
 * Existing sentences are counted by `fill` (the count is core's), through the triggers like any write.
 */
export default /* sql */ `
ALTER TABLE segments ADD COLUMN target_words INTEGER NOT NULL DEFAULT 0 CHECK (target_words >= 0);
ALTER TABLE documents ADD COLUMN target_words INTEGER NOT NULL DEFAULT 0 CHECK (target_words >= 0);

CREATE TRIGGER segments_target_words_insert AFTER INSERT ON segments WHEN NEW.target_words > 0
BEGIN
  UPDATE documents SET target_words = target_words + NEW.target_words WHERE id = NEW.document_id;
END;

CREATE TRIGGER segments_target_words_delete AFTER DELETE ON segments WHEN OLD.target_words > 0
BEGIN
  UPDATE documents SET target_words = target_words - OLD.target_words WHERE id = OLD.document_id;
END;

CREATE TRIGGER segments_target_words_update AFTER UPDATE OF target_words, document_id ON segments
  WHEN OLD.target_words <> NEW.target_words OR OLD.document_id <> NEW.document_id
BEGIN
  UPDATE documents SET target_words = target_words - OLD.target_words WHERE id = OLD.document_id;
  UPDATE documents SET target_words = target_words + NEW.target_words WHERE id = NEW.document_id;
END;
`;

export function fill(db: Database): void {
  const rows = db.prepare('SELECT id, current_text AS text FROM segments').all() as Array<{ id: number; text: string }>;
  const update = db.prepare('UPDATE segments SET target_words = ? WHERE id = ?');
  for (const row of rows) {
    const words = mqmWordCount(row.text);
    if (words > 0) update.run(words, row.id);
  }
}
