import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORT_ROWS_PER_INSERT } from '../../db/repositories/segments';
import { openTestServices } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

/** A document's sentences in order (these fixtures have a few). */
function sentences(services: ReturnType<typeof openTestServices>['services'], documentId: number) {
  return services.segments.page(documentId, 0, 100).items;
}

describe('the editor’s notes in an exported file', () => {
  it('go into an XLIFF file as its units’ Redline notes; read back, they are the editor’s notes, and the next export writes them as they are then', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('help-de.xlf'));
    const [title, choose] = sentences(services, doc.id);
    services.segments.note(title!.id, 'Shorter: "Optionen"?');
    services.segments.note(choose!.id, 'Keep <b> & the names.');
    const exported = services.documents.exportBytes(doc.id).toString('utf8');
    const original = readFileSync(fixture('help-de.xlf'), 'utf8');
    expect(exported).toBe(
      original
        .replace('Einstellungen</target>\n', 'Einstellungen</target>\n        <note from="Redline">Shorter: "Optionen"?</note>\n')
        .replace('日本語.</target>\n', '日本語.</target>\n          <note from="Redline">Keep &lt;b&gt; &amp; the names.</note>\n'),
    );

    const path = join(dir, 'help-de.edited.xlf');
    writeFileSync(path, exported);
    const again = services.documents.importFile(path);
    const [titleAgain, chooseAgain] = sentences(services, again.id);
    expect(titleAgain!.fileNotes).toEqual(['Page title, keep it short.']);
    expect([titleAgain!.note, chooseAgain!.note]).toEqual(['Shorter: "Optionen"?', 'Keep <b> & the names.']);
    // Exported untouched, the file is the one read; the file's Redline notes become what the editor's notes are
    // now: one changed, the other gone.
    expect(services.documents.exportBytes(again.id).toString('utf8')).toBe(exported);
    services.segments.note(titleAgain!.id, 'Fine as it is.');
    services.segments.note(chooseAgain!.id, '');
    expect(services.documents.exportBytes(again.id).toString('utf8')).toBe(
      original.replace('Einstellungen</target>\n', 'Einstellungen</target>\n        <note from="Redline">Fine as it is.</note>\n'),
    );
  });

  it.each([
    // XLIFF 1.2: a trans-unit of two segments, and one of its own.
    { name: 'segmented-1.2.xlf', notes: ['First.', 'Second.', 'Third.'] },
    // XLIFF 2.0: a unit with notes of its own (they stay the file's), a unit's second segment alone.
    { name: 'article-ru-de.xlf', notes: ['Headline: "short".', 'Three days?', null, null, null, 'Only the second & <last>.'] },
    // PO: a plural entry's forms make one note, each form's under its number.
    { name: 'messages.po', notes: ['A button.\nNot a menu.', null, null, null, null, 'Few.', 'Many.'] },
    { name: 'memory.tmx', options: { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } }, notes: ['Check <b>.', null, 'Two\nlines.'] },
  ])('$name: exported, imported again as a new document and exported again, keep their notes and the bytes', ({ name, options, notes }) => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture(name), options);
    const rows = sentences(services, doc.id);
    notes.forEach((note, i) => {
      if (note !== null) services.segments.note(rows[i]!.id, note);
    });
    const exported = services.documents.exportBytes(doc.id);
    const path = join(dir, `exported-${name}`);
    writeFileSync(path, exported);

    const again = services.documents.importFile(path, options);
    const rowsAgain = sentences(services, again.id);
    expect(rowsAgain).toHaveLength(rows.length);
    // The notes set are the editor's notes again, each on its own sentence (those of a unit's sentences share
    // one note in the file), none of the file's.
    expect(rowsAgain.map((r) => r.note)).toEqual([...notes, ...Array<null>(rows.length - notes.length).fill(null)]);
    expect(rowsAgain.map((r) => r.fileNotes)).toEqual(rows.map((r) => r.fileNotes));
    // The next export, nothing changed, is the same file.
    expect(services.documents.exportBytes(again.id)).toEqual(exported);
  });

  it('read back from a file of many sentences go to theirs, whichever batch of rows they are stored with', () => {
    const { services, dir } = openTestServices();
    const count = 2 * IMPORT_ROWS_PER_INSERT + 203;
    const noted = new Map([0, IMPORT_ROWS_PER_INSERT - 1, IMPORT_ROWS_PER_INSERT, 2 * IMPORT_ROWS_PER_INSERT - 1, count - 1].map((i) => [i, `Note ${i}.`]));
    const units = Array.from(
      { length: count },
      (_, i) =>
        `<trans-unit id="u${i}"><source>Sentence ${i}.</source><target>Satz ${i}.</target>` +
        `${noted.has(i) ? `<note from="Redline">${noted.get(i)}</note>` : ''}</trans-unit>`,
    );
    const path = join(dir, 'book.xlf');
    writeFileSync(
      path,
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">' +
        `<file original="book.txt" source-language="en" target-language="de" datatype="plaintext"><body>\n${units.join('\n')}\n</body></file></xliff>\n`,
    );
    const doc = services.documents.importFile(path);
    const rows = services.segments.page(doc.id, 0, count).items;
    expect(rows).toHaveLength(count);
    expect(new Map(rows.flatMap((r, i) => (r.note === null ? [] : [[i, r.note]])))).toEqual(noted);
    expect(services.documents.exportBytes(doc.id)).toEqual(readFileSync(path));
  });

  it('of a pre-segmented unit’s sentences make one note, each under its number, in sentence order', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('segmented-1.2.xlf'));
    const [first, second] = sentences(services, doc.id);
    services.segments.note(second!.id, 'Second.');
    services.segments.note(first!.id, 'First.');
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toContain(
      '</mrk></target>\n        <note from="Redline">[1] First.\n[2] Second.</note>\n      </trans-unit>',
    );
  });

  it('leave a file without notes byte for byte, and in an encoding of its own', () => {
    const { services } = openTestServices();
    for (const name of ['article-ru-de.xlf', 'messages.po', 'review.sdlxliff']) {
      const doc = services.documents.importFile(fixture(name));
      expect(services.documents.exportBytes(doc.id)).toEqual(readFileSync(fixture(name)));
    }
  });

  it('go into a PO file as `# Redline:` comments', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('messages.po'));
    services.segments.note(sentences(services, doc.id)[0]!.id, 'A button, not a menu.');
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toBe(
      readFileSync(fixture('messages.po'), 'utf8').replace('#. Button in the library screen\n', '# Redline: A button, not a menu.\n#. Button in the library screen\n'),
    );
  });

  it('stay out of Trados files and plain text, and go into the TMX memory of approved pairs', () => {
    const { services, dir } = openTestServices();
    const sdl = services.documents.importFile(fixture('review.sdlxliff'));
    services.segments.note(sentences(services, sdl.id)[0]!.id, 'Not in Trados.');
    expect(services.documents.exportBytes(sdl.id)).toEqual(readFileSync(fixture('review.sdlxliff')));

    const text = services.documents.importFile(fixture('news.txt'));
    services.segments.note(sentences(services, text.id)[0]!.id, 'Not in text.');
    expect(services.documents.exportBytes(text.id)).toEqual(readFileSync(fixture('news.txt')));

    const xliff = services.documents.importFile(fixture('help-de.xlf'));
    const [approved] = sentences(services, xliff.id);
    services.segments.setStatus(approved!.id, 'approved');
    services.segments.note(approved!.id, 'Approved with a doubt.');
    const memory = join(dir, 'memory.tmx');
    services.documents.exportTmx(xliff.id, memory);
    expect(readFileSync(memory, 'utf8')).toContain('<tu tuid="1">\n      <note>Redline: Approved with a doubt.</note>\n');
  });
});
