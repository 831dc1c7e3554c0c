import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../../core/model/segment';
import { EDITED_POSITIONS_SQL, EMPTY_POSITIONS_SQL, FIRST_WITH_STATUS_AFTER_SQL, FIRST_WITH_STATUS_AMONG_SQL, NOTED_POSITIONS_SQL, STATUS_POSITIONS_SQL } from '../../../db/repositories/segments';
import { insertDocument, NOW, openMemoryDatabase, openMemoryStore } from '../testDb';

/**
 * The grid's filters (status, edited, notes) answer from their indexes (migration 0022): the same positions as a
 * walk of every sentence, and a plan that walks none of the document's other sentences.
 */
const MT = ['Die Datei wird gespeichert .', 'Klicken Sie auf OK.', 'Das Menü öffnet sich .', 'Fertig.'];

type Step =
  | { kind: 'text'; index: number; variant: number; status: SegmentStatus }
  | { kind: 'status'; index: number; status: SegmentStatus }
  | { kind: 'note'; index: number; text: string };

const status = fc.constantFrom(...SEGMENT_STATUSES);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), index: fc.nat(23), variant: fc.nat(3), status }),
  fc.record({ kind: fc.constant('status' as const), index: fc.nat(23), status }),
  fc.record({ kind: fc.constant('note' as const), index: fc.nat(23), text: fc.constantFrom('', 'check the term', '  ') }),
);

describe('segments.positions', () => {
  it('gives, for each filter, the positions a walk of every sentence gives, in order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const store = openMemoryStore();
        // Two documents of 12 sentences: the steps land on either, and each filter must keep to its own.
        const docs = [0, 1].map((d) =>
          insertDocument(store, Array.from({ length: 12 }, (_, i) => ({ text: MT[(i + d) % MT.length]! })), { title: `Book ${d}` }),
        );
        let at = NOW;
        for (const s of steps) {
          const { segmentIds } = docs[s.index % 2]!;
          const id = segmentIds[Math.floor(s.index / 2)]!;
          const segment = store.segments.get(id)!;
          at += 1000;
          if (s.kind === 'text') {
            // Variant 0 writes the MT back: an edited sentence that is no longer edited; variant 3 empties it.
            const text =
              s.variant === 0 ? segment.mtText : s.variant === 3 ? '' : `${segment.mtText.replace(' .', '.')} ${'!'.repeat(s.variant)}`;
            store.transaction(() => {
              store.revisions.append(id, text, 'edit', at, { status: s.status });
              store.segments.setText(id, text, s.status, at);
            });
          } else if (s.kind === 'status') {
            store.transaction(() => {
              store.revisions.append(id, segment.currentText, 'status', at, { status: s.status });
              store.segments.setText(id, segment.currentText, s.status, at);
            });
          } else store.notes.set(id, s.text, at);
        }
        for (const { documentId } of docs) {
          const all = store.segments.page(documentId, 0, 1000);
          const notes = store.notes.ofDocument(documentId);
          for (const value of SEGMENT_STATUSES) {
            expect(store.segments.positions(documentId, { status: value })).toEqual(all.filter((s) => s.status === value).map((s) => s.position));
          }
          const edited = all.filter((s) => s.currentText !== s.mtText).map((s) => s.position);
          expect(store.segments.positions(documentId, { edited: true })).toEqual(edited);
          expect(store.segments.positions(documentId, { withNotes: true })).toEqual(all.filter((s) => notes.has(s.id)).map((s) => s.position));
          expect(store.segments.positions(documentId, { empty: true })).toEqual(all.filter((s) => s.currentText === '').map((s) => s.position));
          expect(store.segments.positions(documentId, { empty: true, status: 'edited' })).toEqual(
            all.filter((s) => s.currentText === '' && s.status === 'edited').map((s) => s.position),
          );
          // A mix no single index answers still walks the sentences, and agrees.
          expect(store.segments.positions(documentId, { edited: true, status: 'edited' })).toEqual(
            all.filter((s) => s.currentText !== s.mtText && s.status === 'edited').map((s) => s.position),
          );
          expect(store.segments.positions(documentId, { edited: false })).toEqual(
            all.filter((s) => s.currentText === s.mtText).map((s) => s.position),
          );
          // The next sentence still to review, after each position and wrapping round, as the walk finds it.
          const unreviewed = all.filter((s) => s.status !== 'confirmed' && s.status !== 'approved').map((s) => s.position);
          for (let after = 0; after <= 13; after++) {
            const walked = unreviewed.find((p) => p > after) ?? unreviewed[0] ?? null;
            expect(store.segments.nextWithStatus(documentId, ['not_started', 'edited', 'rejected'], after)).toBe(walked);
          }
          // Among a filter's rows (every third, and those out of order): the first still to review.
          const some = [9, 3, 12, 6, 99];
          expect(store.segments.firstWithStatusAmong(documentId, ['not_started', 'edited', 'rejected'], some)).toBe(
            unreviewed.filter((p) => some.includes(p)).sort((a, b) => a - b)[0] ?? null,
          );
          expect(store.segments.firstWithStatusAmong(documentId, ['not_started'], [])).toBeNull();
        }
        store.close();
      }),
      { numRuns: 60 },
    );
  });
});

describe('the filters’ plans', () => {
  const planOf = (sql: string, ...params: unknown[]) => {
    const db = openMemoryDatabase();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    db.close();
    return plan;
  };

  it('a status filter searches its index by document and status, in position order (no sort, no walk)', () => {
    expect(planOf(STATUS_POSITIONS_SQL, 1, 'confirmed')).toEqual([expect.stringMatching(/^SEARCH segments USING COVERING INDEX segments_by_status \(document_id=\? AND status=\?\)/)]);
  });

  it('the next sentence of a status is one seek of the status index', () => {
    expect(planOf(FIRST_WITH_STATUS_AFTER_SQL, 1, 'edited', 5)).toEqual([
      expect.stringMatching(/^SEARCH segments USING COVERING INDEX segments_by_status \(document_id=\? AND status=\? AND position>\?\)/),
    ]);
  });

  it('the first of a filter’s rows still to review is a look-up per row, not a walk of the document', () => {
    const plan = planOf(FIRST_WITH_STATUS_AMONG_SQL, 1, '[1,2]', '["edited"]');
    expect(plan.join('\n')).toMatch(/SEARCH segments USING (COVERING )?INDEX \w+ \(document_id=\? AND position=\?\)/);
    expect(plan.join('\n')).not.toMatch(/SCAN segments/);
  });

  it('the edited filter reads only the edited sentences’ index, in position order', () => {
    expect(planOf(EDITED_POSITIONS_SQL, 1)).toEqual([expect.stringMatching(/^SEARCH segments USING (COVERING )?INDEX segments_edited \(document_id=\?\)/)]);
  });

  it('the empty filter reads only the empty sentences’ index, in position order', () => {
    expect(planOf(EMPTY_POSITIONS_SQL, 1)).toEqual([expect.stringMatching(/^SEARCH segments USING (COVERING )?INDEX segments_empty \(document_id=\?\)/)]);
  });

  it('the notes filter walks the notes and looks their sentences up by id', () => {
    const plan = planOf(NOTED_POSITIONS_SQL, 1);
    expect(plan[0]).toMatch(/^SCAN n/);
    expect(plan[1]).toMatch(/^SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
