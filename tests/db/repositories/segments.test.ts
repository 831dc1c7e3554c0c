import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../core/ipc';
import { joinSegments, segmentText } from '../../../core/segmentation';
import type { Store } from '../../../db/store';
import { readKazakhstanFixture } from '../../core/kazakhstanFixture';
import { insertDocument, NOW, openMemoryStore } from '../testDb';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

const sentences = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `Sentence ${i + 1}.`, paragraph: Math.floor(i / 3) + 1 }));

describe('segments repository', () => {
  it('pages a document’s texts in order, each page once, whatever the page size, and none of another document', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (count, pageSize) => {
        const local = openMemoryStore();
        try {
          const { documentId } = insertDocument(local, sentences(count));
          insertDocument(local, sentences(5));
          const pages = [...local.segments.textPages(documentId, pageSize)];
          expect(pages.flat()).toEqual(local.segments.texts(documentId));
          expect(pages.every((page) => page.length > 0 && page.length <= pageSize)).toBe(true);
          expect(pages.length).toBe(Math.ceil(count / pageSize));
        } finally {
          local.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads the MT of the sentences whose MT holds an inline tag (U+E000–U+EFFF) with their texts, and only theirs', () => {
    const mts = ['Plain.', 'A \uE000bold\uE001 word.', 'Last \uEFFF tag.', 'Beyond \uF000 and \uD7FF, é, 日本, 😀.'];
    const { documentId } = insertDocument(store, mts.map((text) => ({ text, paragraph: 1 })));
    expect(store.segments.texts(documentId).map((row) => row.taggedMt)).toEqual([null, mts[1], mts[2], null]);
    expect([...store.segments.textPages(documentId, 2)].flat().map((row) => row.taggedMt)).toEqual([null, mts[1], mts[2], null]);
  });

  it('stores a sentence with the MT as its current text and its import revision counted', () => {
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'The airport was destroyed.', paragraph: 2 }]);
    const segment = store.segments.get(segmentIds[0] ?? 0);
    expect(segment).toEqual({
      id: segmentIds[0],
      documentId,
      position: 1,
      paragraph: 2,
      mtText: 'The airport was destroyed.',
      currentText: 'The airport was destroyed.',
      sourceText: null,
      status: 'not_started',
      revisionCount: 1,
      editMs: 0,
      keystrokes: 0,
      note: null,
      fileNotes: [],
      locked: false,
      lockedBy: null,
      updatedAt: NOW,
    });
    expect(contract['segments.update'].response.safeParse(segment).success).toBe(true);
  });

  it('has nothing for an unknown id', () => {
    expect(store.segments.get(404)).toBeUndefined();
  });

  it('pages in position order, whatever order the rows were inserted in', () => {
    const documentId = store.documents.insert({
      title: 'T',
      fileName: 't.txt',
      format: 'text',
      leading: '',
      hasBom: false,
      createdAt: NOW,
    });
    for (const position of [3, 1, 2]) {
      store.segments.insert({
        documentId,
        position,
        paragraph: 1,
        mtText: `P${position}.`,
        sourceText: null,
        trailing: ' ',
        createdAt: NOW,
      });
    }
    expect(store.segments.page(documentId, 0, 10).map((s) => s.mtText)).toEqual(['P1.', 'P2.', 'P3.']);
  });

  it('says why a sentence is locked: the file locks it, or it is locked without the file (too long to edit)', () => {
    const documentId = store.documents.insert({ title: 'T', fileName: 't.xlf', format: 'xliff', leading: '', hasBom: false, createdAt: NOW });
    const locks = [{}, { locked: true, fileLocked: true }, { locked: true, fileLocked: false }];
    locks.forEach((lock, i) =>
      store.segments.insert({ documentId, position: i + 1, paragraph: 1, mtText: `P${i}.`, sourceText: null, trailing: '', createdAt: NOW, ...lock }),
    );
    const expected = [
      [false, null],
      [true, 'file'],
      [true, 'length'],
    ];
    expect(store.segments.page(documentId, 0, 10).map((s) => [s.locked, s.lockedBy])).toEqual(expected);
    expect(store.segments.texts(documentId).map((s) => [s.locked, s.lockedBy])).toEqual(expected);
    expect([...store.segments.textPages(documentId, 2)].flat().map((s) => [s.locked, s.lockedBy])).toEqual(expected);
  });

  it('pages by offset and limit, and past the end gives nothing', () => {
    const { documentId } = insertDocument(store, sentences(10));
    const texts = (offset: number, limit: number) =>
      store.segments.page(documentId, offset, limit).map((s) => s.position);
    expect(texts(0, 4)).toEqual([1, 2, 3, 4]);
    expect(texts(4, 4)).toEqual([5, 6, 7, 8]);
    expect(texts(8, 4)).toEqual([9, 10]);
    expect(texts(10, 4)).toEqual([]);
    expect(texts(0, 200)).toHaveLength(10);
    const page = { total: store.segments.count(documentId), items: store.segments.page(documentId, 0, 3) };
    expect(contract['segments.page'].response.safeParse(page).success).toBe(true);
  });

  it('counts and pages only the given document', () => {
    const a = insertDocument(store, sentences(5), { title: 'A' });
    const b = insertDocument(store, sentences(2), { title: 'B' });
    expect(store.segments.count(a.documentId)).toBe(5);
    expect(store.segments.count(b.documentId)).toBe(2);
    expect(store.segments.count(404)).toBe(0);
    expect(store.segments.page(b.documentId, 0, 10).every((s) => s.documentId === b.documentId)).toBe(true);
  });

  it('sets the text, status and time together and counts the revision behind it', () => {
    const { segmentIds } = insertDocument(store, [{ text: 'Alma-Ata.' }]);
    const id = segmentIds[0] ?? 0;
    store.revisions.append(id, 'Almaty.', 'edit', NOW + 10);
    store.segments.setText(id, 'Almaty.', 'edited', NOW + 10);
    expect(store.segments.get(id)).toMatchObject({
      mtText: 'Alma-Ata.',
      currentText: 'Almaty.',
      status: 'edited',
      revisionCount: 2,
      updatedAt: NOW + 10,
    });
  });

  it('lays out current texts with their trailing whitespace in position order', () => {
    const { documentId, segmentIds } = insertDocument(store, [
      { text: 'One.', trailing: ' ' },
      { text: 'Two.', trailing: '\n\n' },
      { text: 'Three.', trailing: '' },
    ]);
    store.revisions.append(segmentIds[1] ?? 0, 'Second.', 'edit', NOW);
    store.segments.setText(segmentIds[1] ?? 0, 'Second.', 'edited', NOW);
    expect(store.segments.layout(documentId)).toEqual([
      { text: 'One.', trailing: ' ' },
      { text: 'Second.', trailing: '\n\n' },
      { text: 'Three.', trailing: '' },
    ]);
  });

  it('stores the Kazakhstan article so that its layout rebuilds the file byte for byte', () => {
    const fixture = readKazakhstanFixture().replace(/\n/g, '\r\n');
    const { leading, segments } = segmentText(fixture);
    const documentId = store.documents.insert({
      title: 'K',
      fileName: 'k.txt',
      format: 'text',
      leading,
      hasBom: false,
      createdAt: NOW,
    });
    segments.forEach((s, i) =>
      store.segments.insert({
        documentId,
        position: i + 1,
        paragraph: s.paragraph,
        mtText: s.text,
        sourceText: null,
        trailing: s.trailing,
        createdAt: NOW,
      }),
    );
    const layout = store.documents.layout(documentId);
    expect(joinSegments({ leading: layout?.leading ?? '', segments: store.segments.layout(documentId) })).toBe(fixture);
    expect(store.segments.count(documentId)).toBe(91);
  });
});
