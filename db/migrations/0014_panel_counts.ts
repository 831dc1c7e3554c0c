/**
 * The two figures of the metrics panel that migration 0009 left to be read from the sentences, kept by the write
 * instead, so opening the panel costs the same in a book as in a page:
 *
 * - hter_band_counts: the changed sentences per HTER band of each document (the histogram). 0009 counted them
 *   with a GROUP BY over the band index: one index entry per changed sentence (0.1 ms for 1,100 of them).
 * - typing_medians: the median typing time of each document, as a cursor on the sentence at the lower middle of
 *   its timed sentences (typed_ms > 0) in (typed_ms, id) order. 0009 stepped through the time index from its low
 *   end to the middle (an OFFSET of half the timed sentences).
 *
 * A typing_medians row keeps `timed` (how many sentences have typing time), a cursor (`cursor_ms`, `cursor_id`: a
 * place in that order) and `below` (how many timed sentences lie before the cursor). After every write the
 * cursor is the sentence at rank (timed − 1) >> 1 and `below` is that rank. A write changes one sentence, so it
 * moves the rank and `below` by at most one each: the triggers count the sentence taken out and the one put in
 * against the cursor, then move the cursor by at most one sentence in each direction through the time index —
 * a few index look-ups, whatever the size of the document.
 *
 * Both are filled here from the sentences already stored, in SQL.
 */

/** The typing_medians row being updated (correlated subqueries refer to it by name). */
const M = 'typing_medians';
/** Rank of the lower middle timed sentence. */
const RANK = `((${M}.timed - 1) >> 1)`;

// The timed sentences of the row's document at or after its cursor, in (typed_ms, id) order. Two arms, each a
// plain range of the (document_id, typed_ms) index (its rowid orders equal times): the same time from the cursor's
// id on, then greater times. A row value (typed_ms, id) >= (…) does not seek on the rowid and would read every
// sentence of the cursor's time. `typed_ms > cursor_ms` comes before `typed_ms > 0` (the partial index's own
// condition, which the query must state to use it): of two lower bounds SQLite seeks on the first.
const AT_OR_AFTER = `
  SELECT typed_ms, id FROM segments
   WHERE document_id = ${M}.document_id AND typed_ms = ${M}.cursor_ms AND id >= ${M}.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = ${M}.document_id AND typed_ms > ${M}.cursor_ms AND typed_ms > 0
  ORDER BY 1, 2`;
const BEFORE = `
  SELECT typed_ms, id FROM segments
   WHERE document_id = ${M}.document_id AND typed_ms = ${M}.cursor_ms AND id < ${M}.cursor_id AND typed_ms > 0
  UNION ALL
  SELECT typed_ms, id FROM segments
   WHERE document_id = ${M}.document_id AND typed_ms > 0 AND typed_ms < ${M}.cursor_ms
  ORDER BY 1 DESC, 2 DESC`;

/** Whether sentence X (NEW or OLD) is timed and in the row's document, and whether it also lies before the cursor. */
const counted = (x: string) => `(${x}.typed_ms > 0 AND ${M}.document_id = ${x}.document_id)`;
const countedBelow = (x: string) => `(${counted(x)} AND (${x}.typed_ms, ${x}.id) < (${M}.cursor_ms, ${M}.cursor_id))`;

/** Takes OLD out and puts NEW in (either may be absent), then moves the cursor of each document touched. */
function keepMedian(out: string | null, into: string | null): string {
  const docs = [out, into].filter((x): x is string => x !== null).map((x) => `${x}.document_id`);
  const where = `${M}.document_id IN (${docs.join(', ')})`;
  const change = (of: (x: string) => string) => [out && `- ${of(out)}`, into && `+ ${of(into)}`].filter(Boolean).join(' ');
  return `
  UPDATE ${M} SET timed = timed ${change(counted)}, below = below ${change(countedBelow)}
  WHERE ${where};
  UPDATE ${M} SET (cursor_ms, cursor_id) = (${AT_OR_AFTER} LIMIT 1)
  WHERE ${where} AND timed > 0 AND below = ${RANK};
  UPDATE ${M} SET (cursor_ms, cursor_id) = (${AT_OR_AFTER} LIMIT 1 OFFSET 1), below = below + 1
  WHERE ${where} AND timed > 0 AND below = ${RANK} - 1;
  UPDATE ${M} SET (cursor_ms, cursor_id) = (${BEFORE} LIMIT 1), below = below - 1
  WHERE ${where} AND timed > 0 AND below = ${RANK} + 1;`;
}

const addBand = (x: string) => `
  INSERT INTO hter_band_counts (document_id, band, sentences)
  SELECT ${x}.document_id, ${x}.hter_band, 1 WHERE ${x}.hter_band IS NOT NULL
  ON CONFLICT (document_id, band) DO UPDATE SET sentences = sentences + 1;`;
const takeBand = (x: string) => `
  UPDATE hter_band_counts SET sentences = sentences - 1 WHERE document_id = ${x}.document_id AND band = ${x}.hter_band;`;
const medianRow = (x: string) => `
  INSERT OR IGNORE INTO ${M} (document_id) VALUES (${x}.document_id);`;

export default /* sql */ `
CREATE TABLE hter_band_counts (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  band        INTEGER NOT NULL CHECK (band >= 0),
  sentences   INTEGER NOT NULL CHECK (sentences >= 0),
  PRIMARY KEY (document_id, band)
) WITHOUT ROWID, STRICT;

CREATE TABLE ${M} (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  timed       INTEGER NOT NULL DEFAULT 0 CHECK (timed >= 0),
  below       INTEGER NOT NULL DEFAULT 0 CHECK (below >= 0),
  cursor_ms   INTEGER NOT NULL DEFAULT 0,
  cursor_id   INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO hter_band_counts (document_id, band, sentences)
  SELECT document_id, hter_band, COUNT(*) FROM segments WHERE hter_band IS NOT NULL GROUP BY document_id, hter_band;

INSERT INTO ${M} (document_id, timed, below, cursor_ms, cursor_id)
  SELECT document_id, timed, rank, typed_ms, id FROM (
    SELECT document_id, typed_ms, id,
           ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY typed_ms, id) - 1 AS rank,
           COUNT(*) OVER (PARTITION BY document_id) AS timed
    FROM segments WHERE typed_ms > 0)
  WHERE rank = (timed - 1) >> 1;

-- Read by the table above now.
DROP INDEX segments_by_band;

CREATE TRIGGER hter_band_counts_insert AFTER INSERT ON segments WHEN NEW.hter_band IS NOT NULL
BEGIN${addBand('NEW')}
END;

CREATE TRIGGER hter_band_counts_delete AFTER DELETE ON segments WHEN OLD.hter_band IS NOT NULL
BEGIN${takeBand('OLD')}
END;

CREATE TRIGGER hter_band_counts_update AFTER UPDATE OF hter_band, document_id ON segments
WHEN OLD.hter_band IS NOT NEW.hter_band OR OLD.document_id IS NOT NEW.document_id
BEGIN${takeBand('OLD')}${addBand('NEW')}
END;

CREATE TRIGGER typing_medians_insert AFTER INSERT ON segments WHEN NEW.typed_ms > 0
BEGIN${medianRow('NEW')}${keepMedian(null, 'NEW')}
END;

CREATE TRIGGER typing_medians_delete AFTER DELETE ON segments WHEN OLD.typed_ms > 0
BEGIN${keepMedian('OLD', null)}
END;

CREATE TRIGGER typing_medians_update AFTER UPDATE OF typed_ms, document_id ON segments
WHEN (OLD.typed_ms > 0 OR NEW.typed_ms > 0) AND (OLD.typed_ms IS NOT NEW.typed_ms OR OLD.document_id IS NOT NEW.document_id)
BEGIN${medianRow('NEW')}${keepMedian('OLD', 'NEW')}
END;
`;
