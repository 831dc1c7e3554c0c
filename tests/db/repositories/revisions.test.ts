import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store';
import { insertDocument, NOW, openMemoryStore } from '../testDb';

let store: Store;
let segmentId: number;
let otherId: number;
beforeEach(() => {
  store = openMemoryStore();
  [segmentId = 0, otherId = 0] = insertDocument(store, [{ text: 'Alma-Ata.' }, { text: 'Other.' }]).segmentIds;
});
afterEach(() => store.close());

describe('revisions repository', () => {
  it('returns a segment’s history in the order it was written, even if the clock went back', () => {
    const edit = store.revisions.append(segmentId, 'Almaty.', 'edit', NOW + 20);
    store.revisions.append(otherId, 'Not mine.', 'edit', NOW + 15);
    const revert = store.revisions.append(segmentId, 'Alma-Ata.', 'revert', NOW + 10);

    const history = store.revisions.forSegment(segmentId);
    expect(history.map(({ text, origin, createdAt }) => ({ text, origin, createdAt }))).toEqual([
      { text: 'Alma-Ata.', origin: 'import', createdAt: NOW },
      { text: 'Almaty.', origin: 'edit', createdAt: NOW + 20 },
      { text: 'Alma-Ata.', origin: 'revert', createdAt: NOW + 10 },
    ]);
    expect(history.slice(1).map((r) => r.id)).toEqual([edit, revert]);
    expect(history.every((r) => r.segmentId === segmentId)).toBe(true);
  });

  it('keeps an emptied sentence as an empty revision', () => {
    store.revisions.append(segmentId, '', 'edit', NOW + 1);
    expect(store.revisions.forSegment(segmentId).at(-1)).toMatchObject({ text: '', origin: 'edit' });
  });

  it('has no history for an unknown segment', () => {
    expect(store.revisions.forSegment(404)).toEqual([]);
  });
});
