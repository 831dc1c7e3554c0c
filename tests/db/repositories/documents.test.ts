import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../core/ipc';
import type { Store } from '../../../db/store';
import { insertDocument, NOW, openMemoryStore } from '../testDb';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

/** Records an edit the way the segment service does: revision first, then the text it vouches for. */
function edit(segmentId: number, text: string, at = NOW + 1): void {
  const mt = store.segments.get(segmentId)?.mtText;
  store.revisions.append(segmentId, text, 'edit', at);
  store.segments.setText(segmentId, text, text === mt ? 'not_started' : 'edited', at);
}

describe('documents repository', () => {
  it('summarises a new document with its sentence count and no edits', () => {
    const { documentId } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }]);
    const summary = store.documents.summary(documentId);
    expect(summary).toEqual({
      id: documentId,
      title: 'Kazakhstan',
      fileName: 'Kazakhstan.txt',
      segmentCount: 3,
      editedCount: 0,
      confirmedCount: 0,
      emptyCount: 0,
      notesPlaced: true,
      format: 'text',
      encoding: 'utf-8',
      createdAt: NOW,
      openedAt: NOW,
    });
    expect(contract['documents.open'].response.safeParse(summary).success).toBe(true);
  });

  it('summarises a document without sentences as zero, not null', () => {
    const id = store.documents.insert({
      title: 'Empty',
      fileName: 'e.txt',
      format: 'text',
      leading: '',
      hasBom: false,
      createdAt: NOW,
    });
    expect(store.documents.summary(id)).toMatchObject({ segmentCount: 0, editedCount: 0 });
  });

  it('has no summary or layout for an unknown id', () => {
    expect(store.documents.summary(404)).toBeUndefined();
    expect(store.documents.layout(404)).toBeUndefined();
  });

  it('counts as edited only sentences whose current text differs from the MT', () => {
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }]);
    const [one = 0, two = 0, three = 0] = segmentIds;
    edit(one, 'First.');
    edit(two, 'Second.');
    edit(three, 'Three.'); // rewritten to the same words: not an edit
    expect(store.documents.summary(documentId)?.editedCount).toBe(2);

    edit(two, 'Two.'); // reverted to the MT
    expect(store.documents.summary(documentId)?.editedCount).toBe(1);
  });

  it('keeps each document’s counts to its own sentences', () => {
    const a = insertDocument(store, [{ text: 'A1.' }, { text: 'A2.' }], { title: 'A' });
    const b = insertDocument(store, [{ text: 'B1.' }], { title: 'B' });
    edit(b.segmentIds[0] ?? 0, 'B-one.');
    expect(store.documents.summary(a.documentId)).toMatchObject({ segmentCount: 2, editedCount: 0 });
    expect(store.documents.summary(b.documentId)).toMatchObject({ segmentCount: 1, editedCount: 1 });
  });

  it('lists the most recently opened first, newest id first on a tie', () => {
    const older = insertDocument(store, [{ text: 'x.' }], { title: 'Older', createdAt: NOW - 1000 });
    const tieLow = insertDocument(store, [{ text: 'x.' }], { title: 'Tie low' });
    const tieHigh = insertDocument(store, [{ text: 'x.' }], { title: 'Tie high' });
    expect(store.documents.list().map((d) => d.title)).toEqual(['Tie high', 'Tie low', 'Older']);

    store.documents.markOpened(older.documentId, NOW + 5000);
    expect(store.documents.list().map((d) => [d.title, d.openedAt])).toEqual([
      ['Older', NOW + 5000],
      ['Tie high', NOW],
      ['Tie low', NOW],
    ]);
    expect(store.documents.summary(older.documentId)).toMatchObject({ createdAt: NOW - 1000, openedAt: NOW + 5000 });
    expect([tieLow.documentId, tieHigh.documentId].every((id) => store.documents.summary(id)?.openedAt === NOW)).toBe(
      true,
    );
  });

  it('lists nothing for an empty library', () => {
    expect(store.documents.list()).toEqual([]);
  });

  it('keeps what export needs: leading whitespace byte for byte and the BOM flag as a boolean', () => {
    const withBom = store.documents.insert({
      title: 'T',
      fileName: 'kazakhstan-mt.txt',
      format: 'text',
      leading: ' \r\n\t',
      hasBom: true,
      createdAt: NOW,
    });
    const without = store.documents.insert({
      title: 'U',
      fileName: 'u.txt',
      format: 'text',
      leading: '',
      hasBom: false,
      createdAt: NOW,
    });
    expect(store.documents.layout(withBom)).toEqual({
      id: withBom,
      fileName: 'kazakhstan-mt.txt',
      format: 'text',
      leading: ' \r\n\t',
      hasBom: true,
      skeleton: null,
      encoding: 'utf-8',
    });
    expect(store.documents.layout(without)?.hasBom).toBe(false);
  });
});
