import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createStore } from '../../db/store';
import { documentService } from '../../services/documentService';
import {
  FIXED_TIME,
  FIXTURE_BYTES,
  FIXTURE_PATH,
  FIXTURE_SEGMENTS,
  FIXTURE_TEXT,
  inputFile,
  onCleanup,
  openTestServices,
  SAMPLE,
  tempDir,
} from '../electron/support';
import { thrown } from '../support/thrown';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');


describe('documentService: import and export', () => {
  it('imports the fixture file as a document of 91 sentences', () => {
    const { services } = openTestServices();
    expect(services.documents.importFile(FIXTURE_PATH)).toEqual({
      id: 1,
      title: 'kazakhstan-mt',
      fileName: 'kazakhstan-mt.txt',
      segmentCount: FIXTURE_SEGMENTS,
      editedCount: 0,
      confirmedCount: 0,
      emptyCount: 0,
      notesPlaced: true,
      format: 'text',
      encoding: 'utf-8',
      createdAt: FIXED_TIME,
      openedAt: FIXED_TIME,
    });
    // Every sentence starts with exactly one revision: its import.
    const first = services.segments.history(1);
    expect(first).toEqual([
      { id: 1, segmentId: 1, text: first[0]?.text, origin: 'import', createdAt: FIXED_TIME, editMs: 0, keystrokes: 0, batchId: null, status: 'not_started', reason: null },
    ]);
  });

  it.each([
    ['as is (LF, no BOM)', FIXTURE_BYTES],
    ['with a BOM', Buffer.concat([BOM, FIXTURE_BYTES])],
    ['with CRLF line endings', Buffer.from(crlf(FIXTURE_TEXT))],
    ['with a BOM and CRLF', Buffer.concat([BOM, Buffer.from(crlf(FIXTURE_TEXT))])],
    ['with a trailing newline and leading blank lines', Buffer.from(`\n\n${FIXTURE_TEXT}\n`)],
  ])('exports the fixture byte for byte %s', (_name, bytes) => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(inputFile('article.txt', bytes));
    expect(doc.segmentCount).toBe(FIXTURE_SEGMENTS);
    expect(services.documents.exportBytes(doc.id).equals(bytes)).toBe(true);

    const out = join(tempDir(), 'article.edited.txt');
    expect(services.documents.exportToFile(doc.id, out)).toEqual({ path: out });
    expect(readFileSync(out).equals(bytes)).toBe(true);
  });

  it.each([
    ['LF', (t: string) => t],
    ['CRLF', crlf],
  ])('puts edited sentences back in the original layout (%s)', (_name, lineEndings) => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(inputFile('article.txt', lineEndings(FIXTURE_TEXT)));
    const all = services.segments.page(doc.id, 0, 200).items;
    // The heading that is a paragraph of its own, and a sentence from the middle of a paragraph.
    const heading = all.find((s) => s.mtText === 'What’s happening in Kazakhstan');
    const middle = all.find((s) => s.mtText.startsWith('13 security officials were killed'));
    if (!heading || !middle) throw new Error('fixture changed');
    services.segments.update(heading.id, 'What is happening in Kazakhstan');
    services.segments.update(middle.id, 'Thirteen officers were killed, two of them beheaded; over 350 were wounded.');

    const expected = lineEndings(FIXTURE_TEXT)
      .replace('What’s happening in Kazakhstan', 'What is happening in Kazakhstan')
      .replace(middle.mtText, 'Thirteen officers were killed, two of them beheaded; over 350 were wounded.');
    expect(expected).not.toBe(lineEndings(FIXTURE_TEXT));
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(expected);
    expect(services.documents.list().find((d) => d.id === doc.id)?.editedCount).toBe(2);
  });

  it('keeps the BOM on export after an edit', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(inputFile('bom.txt', Buffer.concat([BOM, Buffer.from('One. Two.')])));
    services.segments.update(2, 'Three.');
    expect(services.documents.exportBytes(doc.id)).toEqual(Buffer.concat([BOM, Buffer.from('One. Three.')]));
  });

  it('answers not_found for exporting a document that does not exist, and writes nothing', () => {
    const { services } = openTestServices();
    const dir = tempDir();
    expect(thrown(() => services.documents.exportToFile(42, join(dir, 'x.txt')))).toMatchObject({ code: 'not_found' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the file at the export path as it was when the store cannot record the export (held by another process)', () => {
    const { services, dir, databaseFile } = openTestServices();
    const doc = services.documents.importFile(FIXTURE_PATH);
    const out = join(dir, 'out.txt');
    writeFileSync(out, 'the editor’s earlier export');
    const other = openDatabase(databaseFile, { nativeBinding: nodeNativeBinding() });
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    try {
      // SQLite's "database is locked", which the CLI and the window turn into "try again".
      expect(() => services.documents.exportToFile(doc.id, out)).toThrow(/locked|busy/i);
      expect(() => services.documents.exportCsv(doc.id, join(dir, 'new.csv'))).toThrow(/locked|busy/i);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(readFileSync(out, 'utf8')).toBe('the editor’s earlier export');
    expect(readdirSync(dir).filter((name) => name !== 'data')).toEqual(['out.txt']);
    // Free again: written and recorded.
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out).equals(FIXTURE_BYTES)).toBe(true);
  });

  it('imports the sample with its own title and no BOM', () => {
    const { services } = openTestServices();
    const doc = services.openSample(SAMPLE);
    expect(doc).toMatchObject({ title: SAMPLE.title, fileName: SAMPLE.fileName, segmentCount: FIXTURE_SEGMENTS });
    expect(services.documents.exportBytes(doc.id).equals(FIXTURE_BYTES)).toBe(true);
  });
});

describe('documentService: nothing is half-imported', () => {
  it.each([
    ['a missing file', () => join(tempDir(), 'missing.txt'), 'not_found'],
    ['a folder', () => tempDir(), 'bad_input'],
    ['binary data', () => inputFile('data.txt', Buffer.from([0x41, 0x00, 0x42])), 'bad_input'],
    ['an empty file', () => inputFile('empty.txt', ''), 'bad_input'],
    ['whitespace only', () => inputFile('blank.txt', ' \n\n\t'), 'bad_input'],
  ])('refuses %s and stores no document', (_name, path, code) => {
    const { services } = openTestServices();
    expect(thrown(() => services.documents.importFile(path())).code).toBe(code);
    expect(services.documents.list()).toEqual([]);
  });

  it('reads a legacy 8-bit encoding and writes the document back in it', () => {
    const { services, dir } = openTestServices();
    const path = inputFile('latin1.txt', Buffer.from('Un café très noir. Merci.', 'latin1'));
    const doc = services.documents.importFile(path);
    expect(services.segments.page(doc.id, 0, 5).items.map((s) => s.mtText)).toEqual(['Un café très noir.', 'Merci.']);
    const out = join(dir, 'out.txt');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(path));
    services.documents.exportToFile(doc.id, out, { utf8: true });
    expect(readFileSync(out, 'utf8')).toBe('Un café très noir. Merci.');
  });

  it('rolls the whole import back when a sentence fails to store midway', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'redline.sqlite'), { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    onCleanup(() => db.close());
    const store = createStore(db);
    // Fail on the 40th sentence, after the document row and 39 sentences were written.
    const failing = {
      ...store,
      segments: {
        ...store.segments,
        insertImported: (...[documentId, first, at, rows]: Parameters<typeof store.segments.insertImported>) => {
          store.segments.insertImported(documentId, first, at, rows.slice(0, 39));
          expect(store.segments.count(documentId)).toBe(39);
          throw new Error('disk I/O error');
        },
      },
    };
    const documents = documentService(failing, () => FIXED_TIME);

    expect(() => documents.importText({ fileName: 'article.txt', text: FIXTURE_TEXT })).toThrow('disk I/O error');
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect({ documents: count('documents'), segments: count('segments'), revisions: count('revisions') }).toEqual({
      documents: 0,
      segments: 0,
      revisions: 0,
    });

    // The same store still imports afterwards.
    expect(documentService(store, () => FIXED_TIME).importText({ fileName: 'article.txt', text: FIXTURE_TEXT }).segmentCount).toBe(91);
  });
});

describe('documentService: names and lookups', () => {
  it.each([
    ['article.txt', 'article.edited.txt'],
    ['notes.md', 'notes.edited.md'],
    ['README', 'README.edited.txt'],
    ['report.final.txt', 'report.final.edited.txt'],
  ])('suggests an export name for %s: %s', (fileName, expected) => {
    const { services } = openTestServices();
    const doc = services.documents.importText({ fileName, text: 'One sentence.' });
    expect(services.documents.exportFileName(doc.id)).toBe(expected);
  });

  it('answers not_found for names and opening of a missing document', () => {
    const { services } = openTestServices();
    expect(thrown(() => services.documents.exportFileName(3))).toMatchObject({ code: 'not_found' });
    expect(thrown(() => services.documents.open(3))).toMatchObject({ code: 'not_found', message: 'There is no document with id 3.' });
  });

  it('lists the most recently opened document first', () => {
    const test = openTestServices();
    const { documents } = test.services;
    const a = documents.importText({ fileName: 'a.txt', text: 'A.' });
    test.clock.now = FIXED_TIME + 10;
    const b = documents.importText({ fileName: 'b.txt', text: 'B.' });
    expect(documents.list().map((d) => d.id)).toEqual([b.id, a.id]);
    test.clock.now = FIXED_TIME + 20;
    expect(documents.open(a.id).openedAt).toBe(FIXED_TIME + 20);
    expect(documents.list().map((d) => d.id)).toEqual([a.id, b.id]);
  });
});
