/**
 * How many sentences of each document have flags, kept by the write, so the window can say "N sentences flagged"
 * without reading every flagged sentence (it used to receive all their flags after every save: 7 MB at 10k
 * sentences of the bench book, whose MT is tokenized and flags nearly every sentence).
 *
 * - document_flagged_sentences: per document, the stored sentences with at least one flag (segment_flags rows
 *   with flag_count > 0). Triggers on segment_flags keep it: every path that stores, clears or cascades flags
 *   goes through that table, so none can leave the count behind. Filled here from the rows already stored.
 */
export default /* sql */ `
CREATE TABLE document_flagged_sentences (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL CHECK (n >= 0)
) STRICT;

INSERT INTO document_flagged_sentences (document_id, n)
  SELECT document_id, COUNT(*) FROM segment_flags WHERE flag_count > 0 GROUP BY document_id;

CREATE TRIGGER segment_flags_flagged_insert AFTER INSERT ON segment_flags WHEN NEW.flag_count > 0
BEGIN
  INSERT INTO document_flagged_sentences (document_id, n) VALUES (NEW.document_id, 1)
    ON CONFLICT (document_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER segment_flags_flagged_delete AFTER DELETE ON segment_flags WHEN OLD.flag_count > 0
BEGIN
  UPDATE document_flagged_sentences SET n = n - 1 WHERE document_id = OLD.document_id;
END;

CREATE TRIGGER segment_flags_flagged_update AFTER UPDATE OF flag_count, document_id ON segment_flags
  WHEN (OLD.flag_count > 0) <> (NEW.flag_count > 0) OR (OLD.document_id <> NEW.document_id AND NEW.flag_count > 0)
BEGIN
  UPDATE document_flagged_sentences SET n = n - 1 WHERE document_id = OLD.document_id AND OLD.flag_count > 0;
  INSERT INTO document_flagged_sentences (document_id, n) SELECT NEW.document_id, 1 WHERE NEW.flag_count > 0
    ON CONFLICT (document_id) DO UPDATE SET n = n + 1;
END;
`;
