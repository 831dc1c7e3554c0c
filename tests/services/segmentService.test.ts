import { describe, expect, it } from 'vitest';
import { FIXED_TIME, openTestServices, type TestServices } from '../electron/support';
import { thrown } from '../support/thrown';

/** A small document: two paragraphs, three sentences, ids 1..3. */
function threeSentences(): TestServices & { documentId: number } {
  const test = openTestServices();
  const { id } = test.services.documents.importText({ fileName: 'short.txt', text: 'One is here. Two is here.\n\nThree.' });
  return { ...test, documentId: id };
}

describe('segmentService', () => {
  it('pages segments in order with their paragraphs', () => {
    const { services, documentId } = threeSentences();
    expect(services.segments.page(documentId, 0, 2)).toMatchObject({
      total: 3,
      items: [
        { id: 1, position: 1, paragraph: 1, mtText: 'One is here.' },
        { id: 2, position: 2, paragraph: 1, mtText: 'Two is here.' },
      ],
    });
    expect(services.segments.page(documentId, 2, 2).items.map((s) => s.mtText)).toEqual(['Three.']);
    expect(services.segments.page(documentId, 1, 1).items[0]?.paragraph).toBe(1);
    expect(services.segments.page(documentId, 2, 1).items[0]?.paragraph).toBe(2);
  });

  it('keeps the pages of two documents apart', () => {
    const test = threeSentences();
    const other = test.services.documents.importText({ fileName: 'b.txt', text: 'Other.' });
    expect(test.services.segments.page(other.id, 0, 10)).toMatchObject({ total: 1, items: [{ mtText: 'Other.' }] });
    expect(test.services.segments.page(test.documentId, 0, 10).total).toBe(3);
  });

  it('records edit, edit back to the MT, and revert with their origins and times', () => {
    const test = threeSentences();
    const { segments } = test.services;
    test.clock.now = FIXED_TIME + 1;
    expect(segments.update(1, 'One is there.')).toMatchObject({ status: 'edited', revisionCount: 2, updatedAt: FIXED_TIME + 1 });
    // Typing the MT back is an edit that leaves the segment unchanged from the machine's output.
    test.clock.now = FIXED_TIME + 2;
    expect(segments.update(1, 'One is here.')).toMatchObject({ status: 'not_started', currentText: 'One is here.', revisionCount: 3 });
    test.clock.now = FIXED_TIME + 3;
    segments.update(1, 'One is everywhere.');
    test.clock.now = FIXED_TIME + 4;
    expect(segments.revert(1)).toMatchObject({ status: 'not_started', currentText: 'One is here.', revisionCount: 5 });

    expect(segments.history(1).map(({ origin, text, createdAt }) => [origin, text, createdAt])).toEqual([
      ['import', 'One is here.', FIXED_TIME],
      ['edit', 'One is there.', FIXED_TIME + 1],
      ['edit', 'One is here.', FIXED_TIME + 2],
      ['edit', 'One is everywhere.', FIXED_TIME + 3],
      ['revert', 'One is here.', FIXED_TIME + 4],
    ]);
  });

  it('adds nothing for an unchanged text or a revert of an untouched segment', () => {
    const { services } = threeSentences();
    services.segments.update(2, 'Two is here.');
    services.segments.revert(2);
    expect(services.segments.history(2)).toHaveLength(1);
    expect(services.segments.get(2)).toMatchObject({ status: 'not_started', revisionCount: 1, updatedAt: FIXED_TIME });
  });

  it('stores an emptied sentence as an edit', () => {
    const { services } = threeSentences();
    expect(services.segments.update(3, '')).toMatchObject({ currentText: '', status: 'edited', mtText: 'Three.' });
  });

  it('edits only the segment asked for', () => {
    const { services, documentId } = threeSentences();
    services.segments.update(2, 'Two was here.');
    expect(services.segments.page(documentId, 0, 3).items.map((s) => s.currentText)).toEqual([
      'One is here.',
      'Two was here.',
      'Three.',
    ]);
  });

  it('answers not_found for a missing segment or document', () => {
    const { services } = threeSentences();
    expect(thrown(() => services.segments.get(99))).toMatchObject({ code: 'not_found', message: 'There is no segment with id 99.' });
    expect(thrown(() => services.segments.update(99, 'x')).code).toBe('not_found');
    expect(thrown(() => services.segments.revert(99)).code).toBe('not_found');
    expect(thrown(() => services.segments.history(99)).code).toBe('not_found');
    expect(thrown(() => services.segments.page(99, 0, 10))).toMatchObject({ code: 'not_found', message: 'There is no document with id 99.' });
  });
});
