import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { HTER_BINS } from '../../../core/metrics/documentMetrics';
import { createStore, type Store } from '../../../db/store';
import { insertDocument, openMemoryDatabase } from '../testDb';
import { panelCountsFromScratch } from '../panelCountsFromScratch';

/**
 * The counts per HTER band and the median typing time kept by migration 0014's triggers, against what the
 * sentences give counted and sorted from scratch — after any write SQL can make to a sentence: times that grow,
 * shrink, go to zero or tie; bands set and cleared; sentences inserted, deleted and moved to the other document.
 */

type Op =
  | { kind: 'time'; at: number; ms: number }
  | { kind: 'band'; at: number; band: number | null }
  | { kind: 'insert'; doc: number; ms: number; band: number | null }
  | { kind: 'delete'; at: number }
  | { kind: 'move'; at: number };

// Few distinct times, so ties (ordered by id) are common; one large one.
const ms = fc.constantFrom(0, 0, 1, 5, 5, 7, 90_000, 2 ** 40);
const band = fc.option(fc.nat(HTER_BINS.length - 1), { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('time' as const), at: fc.nat(), ms }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('band' as const), at: fc.nat(), band }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), doc: fc.nat(1), ms, band }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), at: fc.nat() }), weight: 1 },
);

let db: Database.Database;
let store: Store;
let docs: number[];

beforeEach(() => {
  db = openMemoryDatabase();
  store = createStore(db);
  docs = [0, 1].map((d) => insertDocument(store, [{ text: `Document ${d}.` }], { title: `Doc ${d}` }).documentId);
});
afterEach(() => db.close());

let nextPosition = 1000;
function apply(o: Op): void {
  const ids = db.prepare('SELECT id FROM segments ORDER BY id').pluck().all() as number[];
  const id = ids[('at' in o ? o.at : 0) % ids.length]!;
  switch (o.kind) {
    case 'time':
      db.prepare('UPDATE segments SET typed_ms = ? WHERE id = ?').run(o.ms, id);
      break;
    case 'band':
      db.prepare('UPDATE segments SET hter_band = ? WHERE id = ?').run(o.band, id);
      break;
    case 'insert':
      db.prepare(
        `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at, typed_ms, hter_band)
         VALUES (?, ?, 1, 'x', 'y', ' ', 0, ?, ?)`,
      ).run(docs[o.doc], nextPosition++, o.ms, o.band);
      break;
    case 'delete':
      db.prepare('DELETE FROM segments WHERE id = ?').run(id);
      break;
    case 'move':
      db.prepare('UPDATE segments SET document_id = (SELECT id FROM documents WHERE id <> segments.document_id), position = ? WHERE id = ?').run(
        nextPosition++,
        id,
      );
      break;
  }
}

const fromScratch = (documentId: number) => panelCountsFromScratch(db, documentId);

function expectKept(): void {
  for (const documentId of docs) {
    const totals = store.metrics.totals(documentId)!;
    expect({ documentId, bands: totals.bands, medianEditMs: totals.medianEditMs }).toEqual({ documentId, ...fromScratch(documentId) });
  }
}

describe('counts per HTER band and the median typing time (migration 0014)', () => {
  it('equal a recount from every sentence after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        db.exec('SAVEPOINT run');
        try {
          for (const o of ops) {
            apply(o);
            expectKept();
          }
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keep each document to itself and go with a deleted document', () => {
    for (const [doc, time, b] of [[0, 5, 1], [0, 9, 2], [1, 3, 1], [0, 7, null]] as const) {
      apply({ kind: 'insert', doc, ms: time, band: b });
    }
    expect(fromScratch(docs[0]!)).toEqual({ bands: new Map([[1, 1], [2, 1]]), medianEditMs: 7 });
    expectKept();
    db.prepare('DELETE FROM documents WHERE id = ?').run(docs[0]);
    expect(db.prepare('SELECT count(*) FROM typing_medians WHERE document_id = ?').pluck().get(docs[0])).toBe(0);
    expect(db.prepare('SELECT count(*) FROM hter_band_counts WHERE document_id = ?').pluck().get(docs[0])).toBe(0);
    docs = [docs[1]!];
    expectKept();
  });
});
