import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_LENGTH } from '../../core/ipc/contract';
import { MAX_SENTENCE_LENGTH } from '../../core/segmentation/sentenceSpans';
import { inputFile, openTestServices } from '../electron/support';

/** Units longer than a correction may be: cut into sentences where Redline splits the text, else kept read-only. */
describe('a run of text too long for one sentence', () => {
  it('in a text file is cut at spaces into sentences an editor can correct, exported as it came', () => {
    const { services } = openTestServices();
    const text = `Title.\n\n${'word '.repeat(5_000).trim()}\n`;
    const doc = services.documents.importFile(inputFile('run.txt', Buffer.from(text)));
    const rows = services.segments.page(doc.id, 0, 200).items;
    expect(rows.length).toBeGreaterThan(7);
    expect(rows.every((row) => row.mtText.length <= MAX_SENTENCE_LENGTH && !row.locked)).toBe(true);
    // Each piece takes a correction.
    const piece = rows[3]!;
    expect(services.segments.update(piece.id, `${piece.currentText} end.`).currentText).toMatch(/ end\.$/);
    services.segments.revert(piece.id);
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(text);
  });

  it('in a file’s unit is kept as it came: read-only, with a note saying why', () => {
    const { services } = openTestServices();
    const long = 'x'.repeat(MAX_SEGMENT_LENGTH + 5);
    const xliff =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
      '  <file original="t.txt" source-language="en" target-language="de" datatype="plaintext"><body>\n' +
      `    <trans-unit id="1"><source>Long.</source><target>${long}</target></trans-unit>\n` +
      '    <trans-unit id="2"><source>Short.</source><target>Kurz.</target></trans-unit>\n' +
      '  </body></file>\n</xliff>\n';
    const doc = services.documents.importFile(inputFile('long.xlf', Buffer.from(xliff)));
    const [first, second] = services.segments.page(doc.id, 0, 10).items;
    expect(first).toMatchObject({ locked: true, fileNotes: ['Too long to edit here: 20,005 characters, where a sentence may have 20,000. Kept as the file has it.'] });
    expect(second!.locked).toBe(false);
    expect(first!.lockedBy).toBe('length');
    expect(() => services.segments.update(first!.id, 'Kurz.')).toThrow(
      'Sentence 1 is too long to edit here (20,005 characters; a sentence may have 20,000): its text cannot be changed.',
    );
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(xliff);
    // Its status is the editor's to give, and the file takes it: the export's notice does not count it as left out.
    services.segments.setStatus(first!.id, 'confirmed');
    expect(services.segments.positions(doc.id, { lockedReviewed: true })).toEqual([]);
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toContain(`<target state="translated">${long}</target>`);
  });
});
