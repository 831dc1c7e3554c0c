import type { Database } from 'better-sqlite3';
import { storedFigures } from '../../core/metrics/storedFigures';

/**
 * Metrics and counters kept by the write, so opening a document, its metrics panel or the library reads a row
 * instead of measuring every sentence.
 *
 * - segments: each sentence's figures with the default TER options (edits by kind over reference words, its
 *   HTER band — NULL while untouched — and whether it was rewritten), its MT words, its character edits, and
 *   what its revisions add up to: typing time and keystrokes ('edit' revisions) and whether a batch of another
 *   origin ever wrote it. The figures are computed by the segments repository on every insert and text write.
 * - documents: the sum of those over its sentences, the sentence count, the changed count, a count per status
 *   and the number of distinct batches that wrote text. Triggers add a sentence's new contribution and take
 *   back its old one on every insert, update and delete of a sentence, so no write can forget them.
 * - The HTER histogram is a GROUP BY over an index on the band; the median typing time is read through an
 *   index on the time.
 *
 * Stores migrated from 0008 are filled: the revision sums and counters by SQL, the figures (which need the
 * tokenizer and TER) by `fill`, whose updates go through the triggers like any write.
 */

const STATUSES = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'] as const;
const NOT_TYPED = `('edit', 'import', 'status')`;

/** Each document column and a sentence's contribution to it (`X` is NEW or OLD). */
const CONTRIBUTIONS: ReadonlyArray<[column: string, of: (x: string) => string]> = [
  ['segment_count', () => '1'],
  ['changed_count', (x) => `(${x}.current_text <> ${x}.mt_text)`],
  ...STATUSES.map((s): [string, (x: string) => string] => [`status_${s}`, (x) => `(${x}.status = '${s}')`]),
  ['ter_edits', (x) => `${x}.ter_edits`],
  ['ter_ref_words', (x) => `${x}.ter_ref_words`],
  ['ter_insertions', (x) => `${x}.ter_insertions`],
  ['ter_deletions', (x) => `${x}.ter_deletions`],
  ['ter_substitutions', (x) => `${x}.ter_substitutions`],
  ['ter_shifts', (x) => `${x}.ter_shifts`],
  ['rewritten_count', (x) => `${x}.rewritten`],
  ['typed_ms', (x) => `${x}.typed_ms`],
  ['typed_keystrokes', (x) => `${x}.typed_keystrokes`],
  ['timed_count', (x) => `(${x}.typed_ms > 0)`],
  ['words_worked', (x) => `(${x}.typed_ms > 0) * ${x}.mt_words`],
  ['batch_sentences', (x) => `${x}.batch_written`],
];

const SEGMENT_COLUMNS = [
  'ter_edits', 'ter_ref_words', 'ter_insertions', 'ter_deletions', 'ter_substitutions', 'ter_shifts',
  'rewritten', 'mt_words', 'char_edits', 'char_length', 'typed_ms', 'typed_keystrokes', 'batch_written',
];

const addSegmentColumns = SEGMENT_COLUMNS.map(
  (c) => `ALTER TABLE segments ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0 CHECK (${c} >= 0);`,
).join('\n');
const addDocumentColumns = [...CONTRIBUTIONS.map(([c]) => c), 'batch_steps']
  .map((c) => `ALTER TABLE documents ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0;`)
  .join('\n');

const adjust = (sign: '+' | '-', x: string) => CONTRIBUTIONS.map(([c, of]) => `${c} = ${c} ${sign} ${of(x)}`).join(',\n    ');

export default /* sql */ `
${addSegmentColumns}
ALTER TABLE segments ADD COLUMN hter_band INTEGER CHECK (hter_band IS NULL OR hter_band >= 0);
${addDocumentColumns}

-- What the revisions of each sentence add up to, and the counters, for the documents already stored.
UPDATE segments SET
  typed_ms = (SELECT COALESCE(SUM(r.edit_ms), 0) FROM revisions r WHERE r.segment_id = segments.id AND r.origin = 'edit'),
  typed_keystrokes = (SELECT COALESCE(SUM(r.keystrokes), 0) FROM revisions r WHERE r.segment_id = segments.id AND r.origin = 'edit'),
  batch_written = EXISTS (SELECT 1 FROM revisions r WHERE r.segment_id = segments.id AND r.batch_id IS NOT NULL
                          AND r.origin NOT IN ${NOT_TYPED});
UPDATE documents SET
  ${CONTRIBUTIONS.map(([c, of]) => `${c} = (SELECT COALESCE(SUM(${of('s')}), 0) FROM segments s WHERE s.document_id = documents.id)`).join(',\n  ')},
  batch_steps = (SELECT COUNT(DISTINCT r.batch_id) FROM revisions r JOIN segments s ON s.id = r.segment_id
                 WHERE s.document_id = documents.id AND r.batch_id IS NOT NULL AND r.origin NOT IN ${NOT_TYPED});

CREATE INDEX segments_by_band ON segments (document_id, hter_band) WHERE hter_band IS NOT NULL;
CREATE INDEX segments_by_typed_ms ON segments (document_id, typed_ms) WHERE typed_ms > 0;

CREATE TRIGGER segments_totals_insert AFTER INSERT ON segments
BEGIN
  UPDATE documents SET
    ${adjust('+', 'NEW')}
  WHERE id = NEW.document_id;
END;

CREATE TRIGGER segments_totals_delete AFTER DELETE ON segments
BEGIN
  UPDATE documents SET
    ${adjust('-', 'OLD')}
  WHERE id = OLD.document_id;
END;

CREATE TRIGGER segments_totals_update AFTER UPDATE OF current_text, status, ${SEGMENT_COLUMNS.join(', ')} ON segments
BEGIN
  UPDATE documents SET
    ${CONTRIBUTIONS.map(([c, of]) => `${c} = ${c} - ${of('OLD')} + ${of('NEW')}`).join(',\n    ')}
  WHERE id = NEW.document_id;
END;

-- Typing time and keystrokes are those of 'edit' revisions (appended, never changed).
CREATE TRIGGER revisions_typed_effort AFTER INSERT ON revisions
WHEN NEW.origin = 'edit' AND (NEW.edit_ms > 0 OR NEW.keystrokes > 0)
BEGIN
  UPDATE segments SET typed_ms = typed_ms + NEW.edit_ms, typed_keystrokes = typed_keystrokes + NEW.keystrokes
  WHERE id = NEW.segment_id;
END;

-- Text written by a batch the editor did not type (fixes, replace, propagation, revert, undo/redo): the
-- sentence is marked once, and the batch counts as a step the first time one of its revisions is written.
CREATE TRIGGER revisions_batch_change AFTER INSERT ON revisions
WHEN NEW.batch_id IS NOT NULL AND NEW.origin NOT IN ${NOT_TYPED}
BEGIN
  UPDATE documents SET batch_steps = batch_steps + 1
  WHERE id = (SELECT document_id FROM segments WHERE id = NEW.segment_id)
    AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.batch_id = NEW.batch_id AND r.id <> NEW.id
                    AND r.origin NOT IN ${NOT_TYPED});
  UPDATE segments SET batch_written = 1 WHERE id = NEW.segment_id AND batch_written = 0;
END;
`;

/** Computes every stored sentence's figures (the triggers add them to its document's totals). */
export function fill(db: Database): void {
  const rows = db.prepare('SELECT id, mt_text AS mt, current_text AS text FROM segments').iterate() as IterableIterator<{
    id: number;
    mt: string;
    text: string;
  }>;
  const update = db.prepare(
    `UPDATE segments SET ter_edits = ?, ter_ref_words = ?, ter_insertions = ?, ter_deletions = ?, ter_substitutions = ?,
       ter_shifts = ?, hter_band = ?, rewritten = ?, mt_words = ?, char_edits = ?, char_length = ? WHERE id = ?`,
  );
  const figures: Array<[number, ReturnType<typeof storedFigures>]> = [];
  for (const row of rows) figures.push([row.id, storedFigures(row.mt, row.text)]);
  for (const [id, f] of figures) {
    update.run(f.edits, f.refWords, f.insertions, f.deletions, f.substitutions, f.shifts, f.band, f.rewritten ? 1 : 0,
      f.mtWords, f.charEdits, f.charLength, id);
  }
}
