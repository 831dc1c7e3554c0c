import type { Database, Statement } from 'better-sqlite3';
import type { MeasuredSegment } from '../../core/metrics';
import { storedFigures, type StoredFigures } from '../../core/metrics/storedFigures';
import type { LockReason, Segment, SegmentStatus } from '../../core/model/segment';
import { spanAfterEdit } from '../../core/model/spanAfterEdit';
import { searchTermsRepository } from './searchTerms';

export interface NewSegment {
  documentId: number;
  position: number;
  paragraph: number;
  mtText: string;
  sourceText: string | null;
  trailing: string;
  createdAt: number;
  /** The format's key for the unit (formats other than plain text). */
  unitKey?: string | null;
  fileState?: string | null;
  /** Notes the file carries for the unit, as JSON. */
  fileNotes?: string | null;
  /** The status the file's state stands for (not_started by default). */
  status?: SegmentStatus;
  /** Its text never changes: the file locks the unit, or it is too long to edit. */
  locked?: boolean;
  /** The file itself locks the unit (its export keeps the unit as it came, status included). */
  fileLocked?: boolean;
}

/** A unit as a format's writer needs it: its key, MT, source, file state and notes, the reviewed text and the editor's note. */
export interface UnitRow {
  key: string;
  /** 1-based place in the document: the sentence's number in the grid. */
  position: number;
  paragraph: number;
  source: string | null;
  mtText: string;
  text: string;
  status: SegmentStatus;
  fileState: string | null;
  fileNotes: string | null;
  /** The editor's note on the sentence, or null. */
  note: string | null;
}

const COLUMNS = `
  s.id, s.document_id AS documentId, s.position, s.paragraph, s.mt_text AS mtText,
  s.current_text AS currentText, s.source_text AS sourceText, s.status, s.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM revisions r WHERE r.segment_id = s.id) AS revisionCount,
  (SELECT COALESCE(SUM(r.edit_ms), 0) FROM revisions r WHERE r.segment_id = s.id) AS editMs,
  (SELECT COALESCE(SUM(r.keystrokes), 0) FROM revisions r WHERE r.segment_id = s.id) AS keystrokes,
  (SELECT n.text FROM notes n WHERE n.segment_id = s.id) AS note, s.file_notes AS fileNotes, s.locked, s.file_locked AS lockedBy,
  CASE WHEN s.status = 'rejected' THEN (SELECT r.reason FROM revisions r WHERE r.segment_id = s.id AND r.status = 'rejected'
    AND r.reason IS NOT NULL ORDER BY r.id DESC LIMIT 1) END AS rejectReason`;

/** Why a sentence is locked (null, 'file' or 'length'; see lockReason) as SQL, of the segments row `s`. */
export const LOCKED_BY_SQL = "CASE WHEN s.locked = 0 THEN NULL WHEN s.file_locked = 1 THEN 'file' ELSE 'length' END";

/** Why a sentence is locked, from its `locked` and `file_locked` columns (a locked unit the file does not lock is too long). */
const lockReason = (locked: number, fileLocked: number): LockReason | null => (locked !== 1 ? null : fileLocked === 1 ? 'file' : 'length');

/** A segment row as SQLite gives it: the file's notes still as JSON, the lock and file lock (as lockedBy) as 0 or 1. */
type SegmentRow = Omit<Segment, 'fileNotes' | 'locked' | 'lockedBy'> & { fileNotes: string | null; locked: number; lockedBy: number };
const toSegment = ({ rejectReason, ...row }: SegmentRow): Segment => ({
  ...row,
  fileNotes: row.fileNotes ? (JSON.parse(row.fileNotes) as string[]) : [],
  locked: row.locked === 1,
  lockedBy: lockReason(row.locked, row.lockedBy),
  // Only a rejected sentence has one.
  ...(rejectReason ? { rejectReason } : {}),
});

const FIGURE_COLUMNS = `ter_edits, ter_ref_words, ter_insertions, ter_deletions, ter_substitutions, ter_shifts,
  hter_band, rewritten, mt_words, char_edits, char_length, target_words`;
const FIGURE_PARAMS = `@edits, @refWords, @insertions, @deletions, @substitutions, @shifts, @band, @rewritten,
  @mtWords, @charEdits, @charLength, @targetWords`;
const figureParams = (f: StoredFigures) => ({
  edits: f.edits,
  refWords: f.refWords,
  insertions: f.insertions,
  deletions: f.deletions,
  substitutions: f.substitutions,
  shifts: f.shifts,
  band: f.band,
  rewritten: f.rewritten ? 1 : 0,
  mtWords: f.mtWords,
  charEdits: f.charEdits,
  charLength: f.charLength,
  targetWords: f.targetWords,
});

export interface SegmentText {
  id: number;
  position: number;
  paragraph: number;
  text: string;
  source: string | null;
  /** The MT when it holds inline tags, else null (what the tags check compares with; see TAGGED_MT). */
  taggedMt: string | null;
  /** Its text never changes here (the file locks it, or it is too long to edit): bulk changes leave it alone. */
  locked: boolean;
  /** Why it is locked, or null. */
  lockedBy: LockReason | null;
}

/** The columns an import writes, in the order `insertImported` binds them (a sentence's figures last). */
const IMPORT_COLUMNS = `document_id, position, paragraph, mt_text, current_text, source_text, trailing, updated_at,
  unit_key, file_state, file_notes, status, locked, file_locked, ${FIGURE_COLUMNS}`;
const IMPORT_COLUMN_COUNT = IMPORT_COLUMNS.split(',').length;

/**
 * Sentences per INSERT when importing. Each statement inside a transaction opens a statement savepoint, and
 * FTS5 writes its pending terms to disk at every savepoint: one row per statement makes one FTS segment per
 * sentence (plus their merging), which cost more than the rows themselves. 500 rows (13,000 parameters, under
 * SQLite's 32,766) let FTS5 write one segment per 500 sentences; the same triggers still fire for every row.
 */
export const IMPORT_ROWS_PER_INSERT = 500;

/**
 * The statement sizes an import is stored with: full statements, then the remainder in smaller ones, so every
 * statement is prepared once per connection (preparing a 500-row INSERT takes some 10 ms; one per remainder
 * size met would be paid again by every import).
 */
const IMPORT_STATEMENT_SIZES = [IMPORT_ROWS_PER_INSERT, 100, 10, 1];

/** A sentence as an import stores it: its place comes from the call, its figures are an untouched sentence's. */
export type ImportedSegment = Omit<NewSegment, 'documentId' | 'position' | 'createdAt'>;

/**
 * The MT of a sentence whose MT holds an inline tag (a character of U+E000–U+EFFF, core/formats/types.ts), else
 * null: only tagged sentences carry their MT into the checks' context, so a document without tags reads no more.
 * In the store's UTF-8 the byte EE begins exactly the characters U+E000–U+EFFF (and is never a continuation
 * byte): a byte search finds them at memchr speed, where a GLOB over the characters read every row some 40 % slower.
 */
const TAGGED_MT = "CASE WHEN instr(CAST(mt_text AS BLOB), x'EE') > 0 THEN mt_text END AS taggedMt";

/**
 * SQLite's 0/1 made a boolean and the file lock (read as lockedBy) a reason, in place: this runs on every row a
 * check of a document reads.
 */
function lockedAsBoolean(found: unknown[]): SegmentText[] {
  const rows = found as Array<Omit<SegmentText, 'locked' | 'lockedBy'> & { locked: number | boolean; lockedBy: number | LockReason | null }>;
  for (const row of rows) {
    row.lockedBy = lockReason(row.locked as number, row.lockedBy as number);
    row.locked = row.locked === 1;
  }
  return rows as SegmentText[];
}

// One statement per filter the grid offers, each through its index (migration 0022): an answer costs the
// sentences it lists, not the document. Any other mix of criteria walks the document's sentences.
/** One seek of segments_by_status per status, not the positions of every such sentence. */
export const FIRST_WITH_STATUS_AFTER_SQL = 'SELECT MIN(position) FROM segments WHERE document_id = ? AND status = ? AND position > ?';
export const STATUS_POSITIONS_SQL = 'SELECT position FROM segments WHERE document_id = ? AND status = ? ORDER BY position';
export const EDITED_POSITIONS_SQL =
  'SELECT position FROM segments INDEXED BY segments_edited WHERE document_id = ? AND current_text <> mt_text ORDER BY position';
/** Of some positions (a JSON array), the first whose status is one of some (another): a look-up per position. */
export const FIRST_WITH_STATUS_AMONG_SQL = `SELECT position FROM segments
  WHERE document_id = ? AND position IN (SELECT value FROM json_each(?)) AND status IN (SELECT value FROM json_each(?))
  ORDER BY position LIMIT 1`;
/** Units still without a text: read from their own index (migration 0028). */
export const EMPTY_POSITIONS_SQL =
  "SELECT position FROM segments INDEXED BY segments_empty WHERE document_id = ? AND current_text = '' ORDER BY position";
/** Notes are few: walked first, each one's sentence looked up by id (CROSS JOIN keeps that order). */
export const NOTED_POSITIONS_SQL =
  'SELECT s.position FROM notes n CROSS JOIN segments s ON s.id = n.segment_id WHERE s.document_id = ? ORDER BY s.position';

/** What the grid's filters ask for, each criterion optional (all of them when several are given). */
export interface SegmentFilter {
  status?: SegmentStatus;
  edited?: boolean;
  withNotes?: boolean;
  /** The units still without a text. */
  empty?: boolean;
  /**
   * The sentences the file locks whose status the editor changed (from the one imported): their file keeps
   * locked segments as they came, so an export leaves that status out.
   */
  lockedReviewed?: boolean;
}

export function segmentsRepository(db: Database) {
  // The words of the text written, recorded by migration 0016's triggers, moved to search_terms by the writes.
  const searchTerms = searchTermsRepository(db);
  // The MQM tags on a correction, moved with their words as it changes (prepared when first needed: tests make
  // this repository over stores older than the annotations table).
  let tagged: { of: Statement; move: Statement } | null = null;
  const taggedSpans = () =>
    (tagged ??= {
      of: db.prepare("SELECT id, start, end FROM annotations WHERE segment_id = ? AND side = 'target'"),
      move: db.prepare('UPDATE annotations SET start = ?, end = ? WHERE id = ?'),
    });
  // Multi-row INSERTs for imports, one per size of IMPORT_STATEMENT_SIZES, prepared when first needed.
  const importInserts = new Map<number, Statement>();
  const importInsert = (rows: number): Statement => {
    let statement = importInserts.get(rows);
    if (!statement) {
      const tuple = `(${Array.from({ length: IMPORT_COLUMN_COUNT }, () => '?').join(', ')})`;
      statement = db.prepare(`INSERT INTO segments (${IMPORT_COLUMNS}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      importInserts.set(rows, statement);
    }
    return statement;
  };
  // Every insert and text write stores the sentence's figures (migration 0009); triggers add them to its document.
  const insert = db.prepare(
    `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, source_text, trailing, updated_at,
                           unit_key, file_state, file_notes, status, locked, file_locked, ${FIGURE_COLUMNS})
     VALUES (@documentId, @position, @paragraph, @mtText, @mtText, @sourceText, @trailing, @createdAt,
             @unitKey, @fileState, @fileNotes, @status, @locked, @fileLocked, ${FIGURE_PARAMS})`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM segments s WHERE s.id = ?`);
  // Keyset paging: positions run 1..n, so the page after `offset` sentences starts past position `offset`,
  // found through the (document_id, position) key instead of stepping over `offset` rows.
  const page = db.prepare(
    `SELECT ${COLUMNS} FROM segments s WHERE s.document_id = ? AND s.position > ? ORDER BY s.position LIMIT ?`,
  );
  const textsOf = db.prepare('SELECT mt_text AS mt, current_text AS text FROM segments WHERE id = ?');
  const setStatus = db.prepare('UPDATE segments SET status = ?, updated_at = ? WHERE id = ?');
  // The counter kept on the document row by the segments' triggers (migration 0009), not a COUNT over them.
  const count = db.prepare('SELECT COALESCE((SELECT segment_count FROM documents WHERE id = ?), 0) AS n');
  const setText = db.prepare(
    `UPDATE segments SET current_text = @text, status = @status, updated_at = @at,
       ter_edits = @edits, ter_ref_words = @refWords, ter_insertions = @insertions, ter_deletions = @deletions,
       ter_substitutions = @substitutions, ter_shifts = @shifts, hter_band = @band, rewritten = @rewritten,
       mt_words = @mtWords, char_edits = @charEdits, char_length = @charLength, target_words = @targetWords
     WHERE id = @id`,
  );
  const removeSome = db.prepare('DELETE FROM segments WHERE id IN (SELECT id FROM segments WHERE document_id = ? ORDER BY position DESC LIMIT ?)');
  const positionsByStatus = db.prepare(STATUS_POSITIONS_SQL).pluck();
  const firstWithStatusAfter = db.prepare(FIRST_WITH_STATUS_AFTER_SQL).pluck();
  const editedPositions = db.prepare(EDITED_POSITIONS_SQL).pluck();
  const notedPositions = db.prepare(NOTED_POSITIONS_SQL).pluck();
  const emptyPositions = db.prepare(EMPTY_POSITIONS_SQL).pluck();
  const firstWithStatusAmong = db.prepare(FIRST_WITH_STATUS_AMONG_SQL).pluck();
  const positions = db.prepare(
    `SELECT s.position FROM segments s
     WHERE s.document_id = @documentId
       AND (@status IS NULL OR s.status = @status)
       AND (@edited IS NULL OR (s.current_text <> s.mt_text) = @edited)
       AND (@withNotes IS NULL OR EXISTS (SELECT 1 FROM notes n WHERE n.segment_id = s.id) = @withNotes)
       AND (@empty IS NULL OR (s.current_text = '') = @empty)
       AND (@lockedReviewed IS NULL OR (s.file_locked = 1 AND s.status IS NOT
             (SELECT r.status FROM revisions r WHERE r.segment_id = s.id ORDER BY r.id LIMIT 1)) = @lockedReviewed)
     ORDER BY s.position`,
  );
  // Editing time is typing only ('edit' revisions); text written by a batch of any other origin (a status
  // change writes no new text, an import is no change) is listed by batch, to be reported apart.
  const measured = db.prepare(
    `SELECT s.mt_text AS mtText, s.current_text AS currentText,
            COALESCE(SUM(CASE WHEN r.origin = 'edit' THEN r.edit_ms END), 0) AS editMs,
            COALESCE(SUM(CASE WHEN r.origin = 'edit' THEN r.keystrokes END), 0) AS keystrokes,
            GROUP_CONCAT(DISTINCT CASE WHEN r.origin NOT IN ('edit', 'import', 'status') THEN r.batch_id END) AS batchIds
     FROM segments s LEFT JOIN revisions r ON r.segment_id = s.id
     WHERE s.document_id = ? GROUP BY s.id ORDER BY s.position`,
  );
  const texts = db.prepare(
    `SELECT id, position, paragraph, current_text AS text, source_text AS source, ${TAGGED_MT}, locked, file_locked AS lockedBy
     FROM segments WHERE document_id = ? ORDER BY position`,
  );
  const textsAfter = db.prepare(
    `SELECT id, position, paragraph, current_text AS text, source_text AS source, ${TAGGED_MT}, locked, file_locked AS lockedBy
     FROM segments WHERE document_id = ? AND position > ? ORDER BY position LIMIT ?`,
  );
  const units = db.prepare(
    `SELECT s.unit_key AS key, s.position, s.paragraph, s.source_text AS source, s.mt_text AS mtText, s.current_text AS text,
            s.status, s.file_state AS fileState, s.file_notes AS fileNotes, n.text AS note
     FROM segments s LEFT JOIN notes n ON n.segment_id = s.id WHERE s.document_id = ? ORDER BY s.position`,
  );
  const layout = db.prepare(
    'SELECT current_text AS text, trailing FROM segments WHERE document_id = ? ORDER BY position',
  );

  return {
    insert(segment: NewSegment): number {
      const { locked, fileLocked, ...row } = segment;
      const figures = figureParams(storedFigures(segment.mtText, segment.mtText));
      const id = Number(
        insert.run({
          unitKey: null,
          fileState: null,
          fileNotes: null,
          status: 'not_started',
          ...row,
          locked: locked ? 1 : 0,
          fileLocked: fileLocked ? 1 : 0,
          ...figures,
        }).lastInsertRowid,
      );
      searchTerms.written();
      return id;
    },
    /**
     * Stores an import's sentences at positions `firstPosition`, `firstPosition + 1` …, as `insert` would one by
     * one (the same columns, figures and triggers), in multi-row INSERTs.
     */
    insertImported(documentId: number, firstPosition: number, createdAt: number, rows: readonly ImportedSegment[]): void {
      for (let start = 0; start < rows.length; ) {
        const size = IMPORT_STATEMENT_SIZES.find((n) => n <= rows.length - start)!;
        const end = start + size;
        const params: unknown[] = new Array((end - start) * IMPORT_COLUMN_COUNT);
        let at = 0;
        for (let i = start; i < end; i++) {
          const row = rows[i]!;
          // An imported sentence is untouched (its text is its MT): storedFigures' fast case.
          const f = storedFigures(row.mtText, row.mtText);
          params[at++] = documentId;
          params[at++] = firstPosition + i;
          params[at++] = row.paragraph;
          params[at++] = row.mtText;
          params[at++] = row.mtText;
          params[at++] = row.sourceText;
          params[at++] = row.trailing;
          params[at++] = createdAt;
          params[at++] = row.unitKey ?? null;
          params[at++] = row.fileState ?? null;
          params[at++] = row.fileNotes ?? null;
          params[at++] = row.status ?? 'not_started';
          params[at++] = row.locked ? 1 : 0;
          params[at++] = row.fileLocked ? 1 : 0;
          params[at++] = f.edits;
          params[at++] = f.refWords;
          params[at++] = f.insertions;
          params[at++] = f.deletions;
          params[at++] = f.substitutions;
          params[at++] = f.shifts;
          params[at++] = f.band;
          params[at++] = f.rewritten ? 1 : 0;
          params[at++] = f.mtWords;
          params[at++] = f.charEdits;
          params[at++] = f.charLength;
          params[at++] = f.targetWords;
        }
        importInsert(size).run(params);
        start = end;
      }
      searchTerms.drain();
    },
    get(id: number): Segment | undefined {
      const row = byId.get(id) as SegmentRow | undefined;
      return row && toSegment(row);
    },
    /** Up to `limit` sentences after the first `offset`, in order. */
    page(documentId: number, offset: number, limit: number): Segment[] {
      return (page.all(documentId, offset, limit) as SegmentRow[]).map(toSegment);
    },
    count(documentId: number): number {
      return (count.get(documentId) as { n: number }).n;
    },
    /** Only valid right after the revision recording `text` was appended (a trigger enforces it). */
    setText(id: number, text: string, status: SegmentStatus, at: number): void {
      const row = textsOf.get(id) as { mt: string; text: string } | undefined;
      if (!row) return;
      // A status change keeps the text, and so its figures.
      if (row.text === text) setStatus.run(status, at, id);
      else {
        setText.run({ id, text, status, at, ...figureParams(storedFigures(row.mt, text)) });
        searchTerms.written();
        // Words typed before a tagged error move it along; an edit of its own words leaves it (its quote tells).
        const spans = taggedSpans();
        for (const span of spans.of.all(id) as Array<{ id: number; start: number; end: number }>) {
          const moved = spanAfterEdit(row.text, text, span.start, span.end);
          if (moved.start !== span.start) spans.move.run(moved.start, moved.end, span.id);
        }
      }
    },
    /** Deletes up to `limit` of a document's sentences (the last ones), with all that cascades; returns how many. */
    removeSome(documentId: number, limit: number): number {
      return removeSome.run(documentId, limit).changes;
    },
    /**
     * The first position after `after` of a sentence with one of the statuses, else the first of all such
     * sentences (the search wraps round), else null.
     */
    nextWithStatus(documentId: number, statuses: readonly SegmentStatus[], after: number): number | null {
      const first = (from: number) => {
        let best: number | null = null;
        for (const status of statuses) {
          const position = firstWithStatusAfter.get(documentId, status, from) as number | null;
          if (position !== null && (best === null || position < best)) best = position;
        }
        return best;
      };
      return first(after) ?? (after > 0 ? first(0) : null);
    },
    /** Of `positions` (a filter's rows), the first in position order whose status is one of `statuses`, or null. */
    firstWithStatusAmong(documentId: number, statuses: readonly SegmentStatus[], positions: readonly number[]): number | null {
      if (positions.length === 0) return null;
      return (firstWithStatusAmong.get(documentId, JSON.stringify(positions), JSON.stringify(statuses)) as number | undefined) ?? null;
    },
    /** Positions of the sentences that pass a filter (each criterion optional). */
    positions(
      documentId: number,
      filter: SegmentFilter,
    ): number[] {
      const { status, edited, withNotes, empty, lockedReviewed } = filter;
      const only = (set: unknown) =>
        [status, edited, withNotes, empty, lockedReviewed].filter((value) => value !== undefined).length === 1 && set !== undefined;
      if (only(status)) return positionsByStatus.all(documentId, status) as number[];
      if (only(edited) && edited === true) return editedPositions.all(documentId) as number[];
      if (only(withNotes) && withNotes === true) return notedPositions.all(documentId) as number[];
      if (only(empty) && empty === true) return emptyPositions.all(documentId) as number[];
      const bool = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
      const rows = positions.all({
        documentId,
        status: filter.status ?? null,
        edited: bool(filter.edited),
        withNotes: bool(filter.withNotes),
        empty: bool(filter.empty),
        lockedReviewed: bool(filter.lockedReviewed),
      }) as Array<{ position: number }>;
      return rows.map((r) => r.position);
    },
    /** Every unit with its format key and reviewed text, in order: what a format's writer needs. */
    units(documentId: number): UnitRow[] {
      return units.all(documentId) as UnitRow[];
    },
    /** Every sentence's current text with what locates it, in order: what checks and fixes read. */
    texts(documentId: number): SegmentText[] {
      return lockedAsBoolean(texts.all(documentId));
    },
    /**
     * `texts` a page of `pageSize` each time the caller asks for the next (keyset on the position): what reads a
     * whole document between requests pages through, yielding after each.
     */
    *textPages(documentId: number, pageSize: number): Generator<SegmentText[], void> {
      for (let after = 0; ; ) {
        const page = lockedAsBoolean(textsAfter.all(documentId, after, pageSize));
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.position;
      }
    },
    /** Every sentence's MT, current text, typed effort and the batches that changed it, in order: what document metrics need. */
    measured(documentId: number): MeasuredSegment[] {
      const rows = measured.all(documentId) as Array<Omit<MeasuredSegment, 'batchIds'> & { batchIds: string | null }>;
      return rows.map((row) => ({ ...row, batchIds: row.batchIds === null ? [] : row.batchIds.split(',').map(Number) }));
    },
    /** The current text of every sentence with the whitespace that followed it, in order. */
    layout(documentId: number): Array<{ text: string; trailing: string }> {
      return layout.all(documentId) as Array<{ text: string; trailing: string }>;
    },
  };
}

export type SegmentsRepository = ReturnType<typeof segmentsRepository>;
