import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';

/** A rejected sentence says why wherever it is read (the grid shows it), and only while it is rejected. */
describe('the reason of a rejection', () => {
  it('comes with the sentence while it is rejected, the last one given, and goes with the rejection', () => {
    const { services } = openTestServices();
    const { id } = services.documents.importText({ fileName: 't.txt', text: 'One is here. Two is here.' });
    const [first, second] = services.segments.page(id, 0, 2).items;
    expect(first!.rejectReason).toBeUndefined();
    services.segments.setStatus(first!.id, 'rejected', 'Wrong register.');
    expect(services.segments.get(first!.id).rejectReason).toBe('Wrong register.');
    services.segments.setStatus(first!.id, 'rejected', 'Name misspelt.');
    expect(services.segments.page(id, 0, 2).items.map((s) => s.rejectReason)).toEqual(['Name misspelt.', undefined]);
    services.segments.setStatus(first!.id, 'confirmed');
    expect(services.segments.get(first!.id).rejectReason).toBeUndefined();
    // Undone back to rejected, it says why again.
    services.batches.undoLast(id);
    expect(services.segments.get(first!.id)).toMatchObject({ status: 'rejected', rejectReason: 'Name misspelt.' });
    expect(services.segments.get(second!.id).rejectReason).toBeUndefined();
  });
});
