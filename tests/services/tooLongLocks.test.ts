import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_LENGTH } from '../../core/ipc/contract';
import { allLocked } from '../../services/batchService';
import { openTestServices } from '../electron/support';
import { thrown } from '../support/thrown';

/** A unit longer than a sentence may be (kept as it came, locked) that ends with a spacing error, as the others do. */
const LONG = `${'Schools in Almaty are closed. '.repeat(Math.ceil(MAX_SEGMENT_LENGTH / 30))}Schools in Almaty are closed .`;

const unit = (id: string, mid: number, target: string, locked = false) =>
  `<trans-unit id="${id}"><source>Src ${mid}.</source><seg-source><mrk mtype="seg" mid="${mid}">Src ${mid}.</mrk></seg-source>` +
  `<target><mrk mtype="seg" mid="${mid}">${target}</mrk></target><sdl:seg-defs><sdl:seg id="${mid}" conf="Draft" origin="mt"${locked ? ' locked="true"' : ''}/></sdl:seg-defs></trans-unit>\n`;

/** A Trados file: a sentence to edit, one the file locks, and one too long to edit here, all with the same spacing error. */
const SDLXLIFF =
  '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">\n' +
  '<file original="closures.docx" datatype="x-sdlfilterframework2" source-language="ru-RU" target-language="en-US"><body>\n' +
  unit('a', 1, 'Banks in Almaty are closed .') +
  unit('b', 2, 'Shops in Almaty are closed .', true) +
  unit('c', 3, LONG) +
  '</body></file></xliff>\n';

function opened() {
  const { services, dir } = openTestServices();
  const path = join(dir, 'closures.sdlxliff');
  writeFileSync(path, SDLXLIFF);
  const document = services.documents.importFile(path);
  const [open, fileLocked, long] = services.segments.page(document.id, 0, 10).items;
  return { services, documentId: document.id, open: open!, fileLocked: fileLocked!, long: long! };
}

const message = (action: () => unknown): string => thrown(action).message;

const length = LONG.length.toLocaleString('en-US');

describe('a unit too long to edit here, beside one the file locks', () => {
  it('is locked for its length, not by the file, and its refusal says so', () => {
    const { services, open, fileLocked, long } = opened();
    expect([open, fileLocked, long].map((s) => [s.locked, s.lockedBy])).toEqual([
      [false, null],
      [true, 'file'],
      [true, 'length'],
    ]);
    expect(message(() => services.segments.update(long.id, 'Short.'))).toBe(
      `Sentence 3 is too long to edit here (${length} characters; a sentence may have 20,000): its text cannot be changed.`,
    );
    expect(message(() => services.segments.update(fileLocked.id, 'Shops are shut.'))).toBe(
      'Sentence 2 is locked in the file (the translation tool locked it): its text cannot be changed.',
    );
  });

  it('is previewed by fix-all, replace-all, propagation and the fix memory with why it is locked, and counted apart when applied', () => {
    const { services, documentId, open, fileLocked, long } = opened();
    const fixes = services.checks.previewAll(documentId, 'spacing');
    expect(fixes.map((f) => [f.position, f.locked ?? null])).toEqual([
      [1, null],
      [2, 'file'],
      [3, 'length'],
    ]);
    const fixed = services.checks.applyAll(documentId, 'spacing', fixes.map((f) => f.segmentId));
    expect([fixed.segments.map((s) => s.id), fixed.locked, fixed.tooLong]).toEqual([[open.id], 1, 1]);

    const replace = { find: 'Almaty', replace: 'the capital', regex: false, caseSensitive: true, wholeWord: true };
    expect(services.replace.preview(documentId, replace).map((p) => [p.segmentId, p.locked ?? null])).toEqual([
      [open.id, null],
      [fileLocked.id, 'file'],
      [long.id, 'length'],
    ]);
    expect(message(() => services.replace.apply(documentId, replace, [long.id]))).toBe(
      `That sentence is too long to edit here (${length} characters; a sentence may have 20,000): nothing was changed.`,
    );
    expect(message(() => services.replace.apply(documentId, replace, [fileLocked.id, long.id]))).toBe(
      'None of the 2 sentences can be changed (1 locked in the file, 1 too long to edit here): nothing was changed.',
    );

    const rule = { find: 'closed', replace: 'shut', wholeWord: true, caseSensitive: true };
    expect(services.propagation.matches(documentId, rule, null).map((m) => m.locked ?? null)).toEqual([null, 'file', 'length']);
    const propagated = services.propagation.apply(documentId, rule, [open.id, fileLocked.id, long.id]);
    expect([propagated.segments.map((s) => s.id), propagated.locked, propagated.tooLong]).toEqual([[open.id], 1, 1]);

    // The rule is in the fix memory now: the locked sentences are previewed with why, and skipped again.
    const memory = services.fixMemory.preview(documentId);
    expect(memory.map((m) => [m.segmentId, m.locked ?? null])).toEqual([
      [fileLocked.id, 'file'],
      [long.id, 'length'],
    ]);
    expect(message(() => services.fixMemory.apply(documentId, memory.map((m) => m.segmentId)))).toBe(
      'None of the 2 sentences can be changed (1 locked in the file, 1 too long to edit here): nothing was changed.',
    );
    expect(services.segments.get(long.id).currentText).toBe(LONG);
  });

  it('carries why in the review report', () => {
    const { services, documentId } = opened();
    expect(services.report.reportData(documentId).segments.map((s) => s.locked ?? null)).toEqual([null, 'file', 'length']);
  });
});

describe('the refusal of a bulk change whose every sentence is locked', () => {
  it('says why: locked in the file, too long to edit here, or both', () => {
    expect(allLocked(1, 0, 0)).toBe('That sentence is locked in the file (the translation tool locked it): nothing was changed.');
    expect(allLocked(3, 0, 0)).toBe('All 3 sentences are locked in the file (the translation tool locked them): nothing was changed.');
    expect(allLocked(0, 1, 25_000)).toBe('That sentence is too long to edit here (25,000 characters; a sentence may have 20,000): nothing was changed.');
    expect(allLocked(0, 2, 25_000)).toBe('All 2 sentences are too long to edit here (a sentence may have 20,000 characters): nothing was changed.');
    expect(allLocked(2, 1, 25_000)).toBe('None of the 3 sentences can be changed (2 locked in the file, 1 too long to edit here): nothing was changed.');
  });
});
