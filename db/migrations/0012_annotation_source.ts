/**
 * MQM annotations on the source too: an error can be tagged where the editor sees it, in the source, the MT or
 * the correction. SQLite cannot change a CHECK in place, so the table is rebuilt with every row, id and index.
 */
export default /* sql */ `
CREATE TABLE annotations_next (
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

INSERT INTO annotations_next (id, segment_id, side, start, end, quote, category, severity, comment, created_at)
  SELECT id, segment_id, side, start, end, quote, category, severity, comment, created_at FROM annotations;

DROP TABLE annotations;
ALTER TABLE annotations_next RENAME TO annotations;
CREATE INDEX annotations_by_segment ON annotations (segment_id);
`;
