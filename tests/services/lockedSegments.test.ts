import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';
import { thrown } from '../support/thrown';

/** A Trados file whose middle segment is locked (a 100 % match signed off), all three with the same spacing error. */
const SDLXLIFF = `<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="closures.docx" datatype="x-sdlfilterframework2" source-language="ru-RU" target-language="en-US"><body>
<trans-unit id="a"><source>Банки закрыты.</source><seg-source><mrk mtype="seg" mid="1">Банки закрыты.</mrk></seg-source><target><mrk mtype="seg" mid="1">Banks in Almaty are closed .</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Draft" origin="mt"/></sdl:seg-defs></trans-unit>
<trans-unit id="b"><source>Магазины закрыты.</source><seg-source><mrk mtype="seg" mid="2">Магазины закрыты.</mrk></seg-source><target><mrk mtype="seg" mid="2">Shops in Almaty are closed .</mrk></target><sdl:seg-defs><sdl:seg id="2" conf="ApprovedSignOff" locked="true" origin="tm" percent="100"/></sdl:seg-defs></trans-unit>
<trans-unit id="c"><source>Школы закрыты.</source><seg-source><mrk mtype="seg" mid="3">Школы закрыты.</mrk></seg-source><target><mrk mtype="seg" mid="3">Schools in Almaty are closed .</mrk></target><sdl:seg-defs><sdl:seg id="3" conf="Translated" origin="mt"/></sdl:seg-defs></trans-unit>
</body></file></xliff>
`;

function opened() {
  const { services, dir } = openTestServices();
  const path = join(dir, 'closures.sdlxliff');
  writeFileSync(path, SDLXLIFF);
  const document = services.documents.importFile(path);
  const [first, locked, last] = services.segments.page(document.id, 0, 10).items;
  return { services, dir, documentId: document.id, first: first!, locked: locked!, last: last! };
}

const message = (action: () => unknown): string => thrown(action).message;

describe('locked segments', () => {
  it('are stored locked with the statuses their confirmation levels stand for', () => {
    const { locked, first, last } = opened();
    expect([first.locked, locked.locked, last.locked]).toEqual([false, true, false]);
    expect([first.lockedBy, locked.lockedBy, last.lockedBy]).toEqual([null, 'file', null]);
    expect([first.status, locked.status, last.status]).toEqual(['not_started', 'approved', 'confirmed']);
  });

  it('refuse an edit, a revert and a restore with a one-line message, and store nothing', () => {
    const { services, locked } = opened();
    expect(message(() => services.segments.update(locked.id, 'Shops in Almaty are closed.'))).toBe(
      'Sentence 2 is locked in the file (the translation tool locked it): its text cannot be changed.',
    );
    expect(services.segments.get(locked.id)).toEqual(locked);
    expect(services.segments.history(locked.id)).toHaveLength(1);
    // Its status is the editor's to set; it stays in Redline (the file's level is written back as it came).
    expect(services.segments.setStatus(locked.id, 'confirmed').status).toBe('confirmed');
    expect(services.segments.get(locked.id).currentText).toBe(locked.currentText);
  });

  it('whose status the editor changed are listed, as the export leaves that status out', () => {
    const { services, documentId, locked, first } = opened();
    const listed = () => services.segments.positions(documentId, { lockedReviewed: true });
    expect(listed()).toEqual([]);
    services.segments.setStatus(first.id, 'confirmed'); // not locked: its file takes the status
    services.segments.setStatus(locked.id, 'rejected', 'Outdated name.');
    expect(listed()).toEqual([locked.position]);
    expect(services.segments.positions(documentId, { lockedReviewed: true, status: 'rejected' })).toEqual([locked.position]);
    services.segments.setStatus(locked.id, 'approved'); // back to the status it came with
    expect(listed()).toEqual([]);
  });

  it('are left alone by fix-all, replace-all, propagation and the fix memory, which say how many they skipped', () => {
    const { services, documentId, first, locked, last } = opened();
    const fixes = services.checks.previewAll(documentId, 'spacing');
    expect(fixes.map((f) => [f.position, f.locked ?? false])).toEqual([[1, false], [2, 'file'], [3, false]]);
    const fixed = services.checks.applyAll(documentId, 'spacing', fixes.map((f) => f.segmentId));
    expect(fixed.segments.map((s) => s.position)).toEqual([1, 3]);
    expect(fixed.locked).toBe(1);
    expect(services.segments.get(locked.id).currentText).toBe('Shops in Almaty are closed .');

    const replace = { find: 'Almaty', replace: 'the capital', regex: false, caseSensitive: true, wholeWord: true };
    expect(services.replace.preview(documentId, replace).find((p) => p.segmentId === locked.id)?.locked).toBe('file');
    const replaced = services.replace.apply(documentId, replace, [first.id, locked.id, last.id]);
    expect([replaced.segments.length, replaced.locked]).toEqual([2, 1]);
    expect(message(() => services.replace.apply(documentId, { ...replace, find: 'Shops' }, [locked.id]))).toBe(
      'That sentence is locked in the file (the translation tool locked it): nothing was changed.',
    );

    const rule = { find: 'closed', replace: 'shut', wholeWord: true, caseSensitive: true };
    expect(services.propagation.matches(documentId, rule, null).map((m) => m.locked ?? false)).toEqual([false, 'file', false]);
    const propagated = services.propagation.apply(documentId, rule, [first.id, locked.id]);
    expect([propagated.segments.map((s) => s.id), propagated.locked]).toEqual([[first.id], 1]);

    // The rule is in the fix memory now: applied to what is left, the locked sentence is skipped again.
    const memory = services.fixMemory.preview(documentId);
    expect(memory.map((m) => [m.segmentId, m.locked ?? false])).toEqual([[locked.id, 'file'], [last.id, false]]);
    const remembered = services.fixMemory.apply(documentId, memory.map((m) => m.segmentId));
    expect([remembered.segments.map((s) => s.id), remembered.locked]).toEqual([[last.id], 1]);
    expect(services.segments.get(locked.id).currentText).toBe('Shops in Almaty are closed .');

    // Undo and redo move the others only.
    services.batches.undoLast(documentId);
    expect(services.segments.get(last.id).currentText).toBe('Schools in the capital are closed.');
  });

  it('come back in the export as they were, with the others’ edits and levels', () => {
    const { services, documentId, first, dir } = opened();
    services.segments.update(first.id, 'Banks in Almaty are shut.');
    services.segments.setStatus(first.id, 'confirmed');
    const out = join(dir, 'out.sdlxliff');
    services.documents.exportToFile(documentId, out);
    const expected = SDLXLIFF.replace('Banks in Almaty are closed .', 'Banks in Almaty are shut.').replace(
      // Corrected, it is the translator's now, the MT kept as its previous origin (as Trados writes an edit).
      '<sdl:seg id="1" conf="Draft" origin="mt"/>',
      '<sdl:seg id="1" conf="Translated" origin="interactive"><sdl:prev-origin origin="mt"/></sdl:seg>',
    );
    expect(services.documents.exportBytes(documentId).toString('utf8')).toBe(expected);
  });
});
