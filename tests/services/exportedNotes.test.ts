import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

/** A document's sentences in order (these fixtures have a few). */
function sentences(services: ReturnType<typeof openTestServices>['services'], documentId: number) {
  return services.segments.page(documentId, 0, 100).items;
}

describe('the editor’s notes in an exported file', () => {
  it('go into an XLIFF file as its units’ Redline notes; read back, they are file notes, and the next export replaces them', () => {
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
    expect(titleAgain!.fileNotes).toEqual(['Shorter: "Optionen"?', 'Page title, keep it short.']);
    expect([titleAgain!.note, chooseAgain!.note]).toEqual([null, null]);
    // The file's Redline notes become what the editor's notes are now: one changed, the other gone.
    services.segments.note(titleAgain!.id, 'Fine as it is.');
    expect(services.documents.exportBytes(again.id).toString('utf8')).toBe(
      original.replace('Einstellungen</target>\n', 'Einstellungen</target>\n        <note from="Redline">Fine as it is.</note>\n'),
    );
  });

  it('of a pre-segmented unit’s sentences make one note, in sentence order', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('segmented-1.2.xlf'));
    const [first, second] = sentences(services, doc.id);
    services.segments.note(second!.id, 'Second.');
    services.segments.note(first!.id, 'First.');
    expect(services.documents.exportBytes(doc.id).toString('utf8')).toContain(
      '</mrk></target>\n        <note from="Redline">First.\nSecond.</note>\n      </trans-unit>',
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
