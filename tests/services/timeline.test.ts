import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVISION_ORIGINS, type RevisionOrigin } from '../../core/model/revision';
import { FIXED_TIME, openTestServices } from '../electron/support';

const TEXT = 'First sentence here. Second one follows. A third comes next.\n\nA new paragraph starts. It has two.';

describe('the timeline of a document', () => {
  it('lists its revisions of the origins asked, from a moment, newest first: what every sentence’s history holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: -3, max: 12 }),
            sentence: fc.nat(9),
            kind: fc.constantFrom('edit', 'status', 'revert', 'other'),
          }),
          { maxLength: 20 },
        ),
        fc.integer({ min: -4, max: 13 }),
        fc.subarray([...REVISION_ORIGINS]),
        (writes, sinceStep, origins) => {
          const { services, clock } = openTestServices();
          const doc = services.openSample({ fileName: 'a.txt', title: 'A', text: TEXT });
          const other = services.openSample({ fileName: 'b.txt', title: 'B', text: TEXT });
          const ids = services.segments.page(doc.id, 0, 10).items.map((s) => s.id);
          const otherIds = services.segments.page(other.id, 0, 10).items.map((s) => s.id);
          writes.forEach((write, k) => {
            clock.now = FIXED_TIME + write.at * 1000; // the clock may go back
            const id = write.kind === 'other' ? otherIds[write.sentence % otherIds.length]! : ids[write.sentence % ids.length]!;
            if (write.kind === 'status') services.segments.setStatus(id, 'confirmed');
            else if (write.kind === 'revert') services.segments.revert(id);
            else services.segments.update(id, `Changed ${k}.`);
          });
          const since = FIXED_TIME + sinceStep * 1000;
          const asked = origins as RevisionOrigin[];
          const wanted = asked.length > 0 ? asked : [...REVISION_ORIGINS];
          const expected = ids
            .flatMap((id) => services.segments.history(id))
            .filter((r) => r.createdAt >= since && wanted.includes(r.origin))
            .sort((a, b) => b.id - a.id)
            .map((r) => [r.id, r.origin]);
          const listed = services.documents.timeline(doc.id, since, asked).map((e) => [e.id, e.origin]);
          expect(listed).toEqual(expected);
          services.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
