import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEGMENT_STATUSES } from '../../../core/model/segment';
import { IMPORT_ROWS_PER_INSERT, type ImportedSegment } from '../../../db/repositories/segments';
import type Database from 'better-sqlite3';
import { createStore, type Store } from '../../../db/store';
import { NOW, openMemoryDatabase } from '../testDb';

let db: Database.Database;
let store: Store;
beforeEach(() => {
  db = openMemoryDatabase();
  store = createStore(db);
});
afterEach(() => store.close());

const newDocument = (title: string) =>
  store.documents.insert({ title, fileName: `${title}.xlf`, format: 'xliff', leading: '', hasBom: false, createdAt: NOW, importing: true });

/** Every stored column of a document's sentences but the ids, in position order. */
const segmentRows = (documentId: number) =>
  db
    .prepare('SELECT * FROM segments WHERE document_id = ? ORDER BY position')
    .all(documentId)
    .map((row) => {
      const { id: _id, document_id: _documentId, ...rest } = row as Record<string, unknown>;
      return rest;
    });

/** A document's revisions in id order, with the position of their sentence instead of its id. */
const revisionRows = (documentId: number) =>
  db
    .prepare(
      `SELECT s.position, r.text, r.origin, r.created_at, r.edit_ms, r.keystrokes, r.batch_id, r.status, r.reason
       FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.document_id = ? ORDER BY r.id`,
    )
    .all(documentId);

/** The document's kept counters and totals (migration 0009), without what tells documents apart. */
const documentTotals = (documentId: number) => {
  const { id: _id, title: _title, file_name: _fileName, ...rest } = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as Record<
    string,
    unknown
  >;
  return rest;
};

const searchRows = (documentId: number) =>
  db
    .prepare(
      `SELECT s.position, f.mt, f.target, f.source, f.note FROM segment_search f JOIN segments s ON s.id = f.rowid
       WHERE f.document_id = ? ORDER BY s.position`,
    )
    .all(documentId);

const sentence: fc.Arbitrary<ImportedSegment> = fc.record({
  paragraph: fc.integer({ min: 1, max: 50 }),
  mtText: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('Klicken Sie auf " OK . "', 'Dies ist ein Test.')),
  sourceText: fc.option(fc.string({ maxLength: 30 })),
  trailing: fc.constantFrom('', ' ', '\n', '\n\n'),
  unitKey: fc.option(fc.string({ maxLength: 8 })),
  fileState: fc.option(fc.constantFrom('translated', 'needs-review-translation')),
  fileNotes: fc.option(fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }).map((notes) => JSON.stringify(notes))),
  status: fc.constantFrom(...SEGMENT_STATUSES),
  locked: fc.boolean(),
});

describe('storing an import in multi-row statements', () => {
  it('stores the same sentences, revisions, index rows and totals as storing them one at a time', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (rows, before) => {
        store.transaction(() => {
          // One by one, as the import did before (segments.insert + revisions.append per sentence).
          const oneByOne = newDocument('one by one');
          rows.forEach((row, i) => {
            const id = store.segments.insert({ ...row, documentId: oneByOne, position: before + i + 1, createdAt: NOW });
            store.revisions.append(id, row.mtText, 'import', NOW, { status: row.status ?? 'not_started' });
          });
          const batched = newDocument('batched');
          store.segments.insertImported(batched, before + 1, NOW, rows);
          expect(store.revisions.appendImported(batched, before + 1, before + rows.length, NOW)).toBe(rows.length);

          expect(segmentRows(batched)).toEqual(segmentRows(oneByOne));
          expect(revisionRows(batched)).toEqual(revisionRows(oneByOne));
          expect(searchRows(batched)).toEqual(searchRows(oneByOne));
          expect(documentTotals(batched)).toEqual(documentTotals(oneByOne));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('crosses the statement sizes: full statements and a remainder in smaller ones, in order', () => {
    const n = IMPORT_ROWS_PER_INSERT * 2 + 117; // two full statements, then 100, 10 and seven single rows
    const rows = Array.from({ length: n }, (_, i) => ({ paragraph: Math.floor(i / 5) + 1, mtText: `Satz ${i + 1}.`, sourceText: null, trailing: '\n' }));
    store.transaction(() => {
      const documentId = newDocument('long');
      store.segments.insertImported(documentId, 1, NOW, rows);
      store.revisions.appendImported(documentId, 1, n, NOW);
      expect(store.segments.count(documentId)).toBe(n);
      expect(segmentRows(documentId).map((r) => [r.position, r.mt_text])).toEqual(rows.map((r, i) => [i + 1, r.mtText]));
      expect(revisionRows(documentId).map((r) => (r as { position: number }).position)).toEqual(rows.map((_, i) => i + 1));
    });
  });
});
