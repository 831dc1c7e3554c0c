/**
 * Which checks flag each sentence, as rows: the grid's filter to one check (spelling, spacing…) reads the
 * positions of that check's flagged sentences through an index, instead of reading the flags of every flagged
 * sentence of the document (0.1–0.4 s at 100k sentences, asked again after each save while the filter is on).
 *
 * Kept by triggers on segment_flags — every path that stores, clears or cascades flags goes through it — from its
 * JSON, and filled here from the flags already stored.
 */
const ROWS_OF = (x: string) =>
  `SELECT DISTINCT ${x}.document_id, json_extract(f.value, '$.check'), ${x}.position, ${x}.segment_id FROM json_each(${x}.flags) AS f`;

export default /* sql */ `
CREATE TABLE segment_flag_checks (
  document_id INTEGER NOT NULL,
  check_id    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  segment_id  INTEGER NOT NULL,
  PRIMARY KEY (document_id, check_id, position, segment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_flag_checks_by_segment ON segment_flag_checks (segment_id);

INSERT INTO segment_flag_checks (document_id, check_id, position, segment_id)
  SELECT DISTINCT s.document_id, json_extract(f.value, '$.check'), s.position, s.segment_id
  FROM segment_flags s, json_each(s.flags) AS f WHERE s.flag_count > 0;

CREATE TRIGGER segment_flag_checks_insert AFTER INSERT ON segment_flags WHEN NEW.flag_count > 0
BEGIN
  INSERT INTO segment_flag_checks (document_id, check_id, position, segment_id) ${ROWS_OF('NEW')};
END;

CREATE TRIGGER segment_flag_checks_delete AFTER DELETE ON segment_flags WHEN OLD.flag_count > 0
BEGIN
  DELETE FROM segment_flag_checks WHERE segment_id = OLD.segment_id;
END;

CREATE TRIGGER segment_flag_checks_update AFTER UPDATE OF flags, position, document_id ON segment_flags
BEGIN
  DELETE FROM segment_flag_checks WHERE segment_id = OLD.segment_id;
  INSERT INTO segment_flag_checks (document_id, check_id, position, segment_id) ${ROWS_OF('NEW')};
END;
`;
