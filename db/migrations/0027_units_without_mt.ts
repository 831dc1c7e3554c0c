/**
 * Units that came without MT (an empty target, as a partly translated XLIFF or SDLXLIFF has them) are reported
 * apart from post-editing. The editor translates them from nothing, so they counted as 100 % HTER "rewritten"
 * sentences and raised the document's HTER and lowered its words per hour for work that is not post-editing.
 *
 * - documents: four counters of such units — how many, how many are translated, their words (TER's reference
 *   words) and their typing time — and the count of units with no text at all (still to translate, or emptied),
 *   which the status bar shows.
 * - The sums of TER counts and the rewritten count take in only units with MT. A unit without MT has no HTER
 *   band and is never rewritten (its stored figures say so from now on; core/metrics/storedFigures.ts).
 * - The totals triggers of 0009 are made again with these contributions (an MT is never written after
 *   import, so they need not watch it). Every document's totals are summed again from its sentences.
 */

const STATUSES = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'] as const;

/** Each document column and a sentence's contribution to it (`X` is NEW or OLD). */
const CONTRIBUTIONS: ReadonlyArray<[column: string, of: (x: string) => string]> = [
  ['segment_count', () => '1'],
  ['changed_count', (x) => `(${x}.current_text <> ${x}.mt_text)`],
  ...STATUSES.map((s): [string, (x: string) => string] => [`status_${s}`, (x) => `(${x}.status = '${s}')`]),
  ['ter_edits', (x) => `(${x}.mt_text <> '') * ${x}.ter_edits`],
  ['ter_ref_words', (x) => `(${x}.mt_text <> '') * ${x}.ter_ref_words`],
  ['ter_insertions', (x) => `(${x}.mt_text <> '') * ${x}.ter_insertions`],
  ['ter_deletions', (x) => `(${x}.mt_text <> '') * ${x}.ter_deletions`],
  ['ter_substitutions', (x) => `(${x}.mt_text <> '') * ${x}.ter_substitutions`],
  ['ter_shifts', (x) => `(${x}.mt_text <> '') * ${x}.ter_shifts`],
  ['rewritten_count', (x) => `${x}.rewritten`],
  ['typed_ms', (x) => `${x}.typed_ms`],
  ['typed_keystrokes', (x) => `${x}.typed_keystrokes`],
  ['timed_count', (x) => `(${x}.typed_ms > 0)`],
  ['words_worked', (x) => `(${x}.typed_ms > 0) * ${x}.mt_words`],
  ['batch_sentences', (x) => `${x}.batch_written`],
  ['no_mt_count', (x) => `(${x}.mt_text = '')`],
  ['no_mt_translated', (x) => `(${x}.mt_text = '' AND ${x}.current_text <> '')`],
  ['no_mt_words', (x) => `(${x}.mt_text = '') * ${x}.ter_ref_words`],
  ['no_mt_ms', (x) => `(${x}.mt_text = '') * ${x}.typed_ms`],
  ['empty_count', (x) => `(${x}.current_text = '')`],
];

const FIGURE_COLUMNS = [
  'ter_edits', 'ter_ref_words', 'ter_insertions', 'ter_deletions', 'ter_substitutions', 'ter_shifts',
  'rewritten', 'mt_words', 'char_edits', 'char_length', 'typed_ms', 'typed_keystrokes', 'batch_written',
];

const adjust = (sign: '+' | '-', x: string) => CONTRIBUTIONS.map(([c, of]) => `${c} = ${c} ${sign} ${of(x)}`).join(',\n    ');

export default /* sql */ `
DROP TRIGGER segments_totals_insert;
DROP TRIGGER segments_totals_delete;
DROP TRIGGER segments_totals_update;

ALTER TABLE documents ADD COLUMN no_mt_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN no_mt_translated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN no_mt_words INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN no_mt_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN empty_count INTEGER NOT NULL DEFAULT 0;

-- A unit without MT has no HTER band and is not rewritten (0014's triggers take it out of the band counts).
UPDATE segments SET hter_band = NULL, rewritten = 0 WHERE mt_text = '' AND (hter_band IS NOT NULL OR rewritten <> 0);

UPDATE documents SET
  ${CONTRIBUTIONS.map(([c, of]) => `${c} = (SELECT COALESCE(SUM(${of('s')}), 0) FROM segments s WHERE s.document_id = documents.id)`).join(',\n  ')};

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

CREATE TRIGGER segments_totals_update AFTER UPDATE OF current_text, status, ${FIGURE_COLUMNS.join(', ')} ON segments
BEGIN
  UPDATE documents SET
    ${CONTRIBUTIONS.map(([c, of]) => `${c} = ${c} - ${of('OLD')} + ${of('NEW')}`).join(',\n    ')}
  WHERE id = NEW.document_id;
END;
`;
