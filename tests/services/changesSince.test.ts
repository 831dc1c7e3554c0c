import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestServices, FIXED_TIME } from '../electron/support';

const TEXT = 'First sentence here. Second one follows. A third comes next. The fourth ends it.\n\nA new paragraph starts. It has two.';

/**
 * What "changed since" means, read from every sentence's history: its text at the moment is that of its newest
 * revision written up to then (by id: the order they were written, whatever the clock said), and the sentence
 * changed when that differs from its text now. A sentence with no revision by then came later: not a change.
 */
function naive(services: ReturnType<typeof openTestServices>['services'], documentId: number, from: number) {
  const rows = services.segments.page(documentId, 0, 200).items;
  return rows.flatMap((row) => {
    const then = services.segments.history(row.id).filter((r) => r.createdAt <= from).sort((a, b) => a.id - b.id).at(-1);
    return then && then.text !== row.currentText ? [{ segmentId: row.id, position: row.position, before: then.text, after: row.currentText }] : [];
  });
}

describe('changes since a moment, read through the revisions written since', () => {
  it('equal reading every sentence’s history, whatever order the clock gave the revisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: -5, max: 20 }), sentence: fc.nat(5), text: fc.constantFrom('Changed.', 'Other words.', 'First sentence here.') }), { maxLength: 25 }),
        fc.integer({ min: -6, max: 21 }),
        (writes, fromStep) => {
          const { services, clock } = openTestServices();
          // Two documents: the other's writes must not be listed as this one's.
          const doc = services.openSample({ fileName: 'a.txt', title: 'A', text: TEXT });
          const other = services.openSample({ fileName: 'b.txt', title: 'B', text: TEXT });
          const ids = services.segments.page(doc.id, 0, 10).items.map((s) => s.id);
          const otherIds = services.segments.page(other.id, 0, 10).items.map((s) => s.id);
          writes.forEach((write, k) => {
            // The clock may go back (a changed system time): revisions are then not in time order.
            clock.now = FIXED_TIME + write.at * 1000;
            const target = k % 3 === 2 ? otherIds : ids;
            const id = target[write.sentence % target.length]!;
            if (services.segments.get(id).currentText !== write.text) services.segments.update(id, write.text);
          });
          const from = FIXED_TIME + fromStep * 1000;
          expect(services.documents.changesSince(doc.id, from)).toEqual({ since: from, changes: naive(services, doc.id, from) });
          services.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
