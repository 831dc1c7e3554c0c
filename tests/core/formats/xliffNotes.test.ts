import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carriesNotes } from '../../../core/formats/registry';
import type { ParsedDocument, ReviewedUnit } from '../../../core/formats/types';
import { mqxliffFormat, sdlxliffFormat, xliffFormat, type XliffSkeleton } from '../../../core/formats/xliff';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const parse = (text: string): ParsedDocument<XliffSkeleton> => xliffFormat.parse(text, 'notes.xlf');

/** Every unit as imported (text and status), with the editor's notes by key (none for the others). */
const reviewed = (document: ParsedDocument, notes: Record<string, string[]> = {}): ReviewedUnit[] =>
  document.units.map((u) => ({ key: u.key, text: u.target, status: u.status ?? 'not_started', notes: notes[u.key] ?? [] }));

const writeNotes = (text: string, notes: Record<string, string[]>): string => {
  const document = parse(text);
  return xliffFormat.write(document, reviewed(document, notes));
};

const file12 = (units: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  '  <file original="t.txt" source-language="en" target-language="de" datatype="plaintext">\n    <body>\n' +
  units +
  '    </body>\n  </file>\n</xliff>\n';

const file20 = (units: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n' +
  '  <file id="f1">\n' +
  units +
  '  </file>\n</xliff>\n';

const GREETING = [
  '      <trans-unit id="t1">\n',
  '        <source>Hello.</source>\n',
  '        <target>Hallo.</target>\n',
  '      </trans-unit>\n',
];

describe('XLIFF 1.2: the editor’s notes', () => {
  it('go in a <note from="Redline"> after the <target>, indented like it', () => {
    expect(writeNotes(file12(GREETING.join('')), { t1: ['Check the greeting.'] })).toBe(
      file12(
        '      <trans-unit id="t1">\n' +
          '        <source>Hello.</source>\n' +
          '        <target>Hallo.</target>\n' +
          '        <note from="Redline">Check the greeting.</note>\n' +
          '      </trans-unit>\n',
      ),
    );
  });

  it('escaped, line breaks kept (as \\n), each note trimmed, and read back as the editor’s note of the unit', () => {
    const out = writeNotes(file12(GREETING.join('')), { t1: ['  a < b & "c" > d\r\nsecond line\r\n\n'] });
    expect(out).toContain('        <target>Hallo.</target>\n        <note from="Redline">a &lt; b &amp; "c" &gt; d\nsecond line</note>\n      </trans-unit>');
    expect(parse(out).units[0]!.editorNote).toBe('a < b & "c" > d\nsecond line');
    expect(parse(out).units[0]!.notes).toEqual([]);
  });

  it('end their lines as a CRLF file ends its own, and read back the same', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const out = writeNotes(crlf(file12(GREETING.join(''))), { t1: ['first line\nsecond line'] });
    expect(out).toBe(
      crlf(
        file12(
          '      <trans-unit id="t1">\n' +
            '        <source>Hello.</source>\n' +
            '        <target>Hallo.</target>\n' +
            '        <note from="Redline">first line\nsecond line</note>\n' +
            '      </trans-unit>\n',
        ),
      ),
    );
    expect(parse(out).units[0]!.editorNote).toBe('first line\nsecond line');
    const again = parse(out);
    expect(xliffFormat.write(again, reviewed(again, { t1: ['first line\nsecond line'] }))).toBe(out);
  });

  it('leave out a character XML cannot hold rather than refuse the export', () => {
    const out = writeNotes(file12(GREETING.join('')), { t1: ['bell\u0007 here'] });
    expect(parse(out).units[0]!.editorNote).toBe('bell here');
  });

  it('of the segments of one trans-unit make one note, each under its number, and come back each to its own', () => {
    const text = file12(
      '      <trans-unit id="tu1">\n' +
        '        <source>One. Two.</source>\n' +
        '        <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>\n' +
        '        <target><mrk mtype="seg" mid="1">Eins.</mrk> <mrk mtype="seg" mid="2">Zwei.</mrk></target>\n' +
        '      </trans-unit>\n',
    );
    const note = (written: string) => /<note[^>]*>([^<]*)<\/note>/.exec(written)?.[1];
    expect(note(writeNotes(text, { 'tu1/1': ['First.'], 'tu1/2': ['Second.\nTwo lines.'] }))).toBe('[1] First.\n[2] Second.\n[2] Two lines.');
    expect(note(writeNotes(text, { 'tu1/2': ['Second only.'] }))).toBe('[2] Second only.');
    // The first segment's note alone is written as it is.
    expect(note(writeNotes(text, { 'tu1/1': ['First only.'] }))).toBe('First only.');
    // Each segment reads its own back as its editor note; it is a file note of neither. Exported again as read,
    // the file keeps its bytes; one note changed replaces that segment's, the other stays.
    const exported = writeNotes(text, { 'tu1/1': ['First.'], 'tu1/2': ['Second.\nTwo lines.'] });
    const back = parse(exported).units;
    expect(back.map((u) => u.editorNote)).toEqual(['First.', 'Second.\nTwo lines.']);
    expect(back.map((u) => u.notes)).toEqual([[], []]);
    expect(writeNotes(exported, { 'tu1/1': ['First.'], 'tu1/2': ['Second.\nTwo lines.'] })).toBe(exported);
    expect(note(writeNotes(exported, { 'tu1/1': ['First.'], 'tu1/2': ['Replaced.'] }))).toBe('[1] First.\n[2] Replaced.');
    expect(parse(writeNotes(text, { 'tu1/2': ['Second only.'] })).units.map((u) => u.editorNote)).toEqual([undefined, 'Second only.']);
    // A writer given one segment alone (a script may) keeps the other's part of the note.
    const document = parse(exported);
    const first = reviewed(document, { 'tu1/1': ['Changed.'] }).filter((u) => u.key === 'tu1/1');
    expect(note(xliffFormat.write(document, first))).toBe('[1] Changed.\n[2] Second.\n[2] Two lines.');
  });

  it('go before the notes the unit already has, which stay as they are', () => {
    const out = writeNotes(fixture('help-de.xlf'), { 'changes.unsaved': ['Count the drafts too.'] });
    expect(out).toContain(
      '        <target state="translated">Sie haben <ph id="1" ctype="x-placeholder">{count}</ph> ungespeicherte Änderungen &amp; einen Entwurf.</target>\n' +
        '        <note from="Redline">Count the drafts too.</note>\n' +
        '        <note from="reviewer" priority="2">Plural forms are handled by the app.</note>\n' +
        '        <note>Feldgröße: höchstens 60 Zeichen.</note>\n',
    );
    const back = parse(out).units.find((u) => u.key === 'changes.unsaved')!;
    expect(back.notes).toEqual(['Plural forms are handled by the app.', 'Feldgröße: höchstens 60 Zeichen.']);
    expect(back.editorNote).toBe('Count the drafts too.');
  });

  it('follow a <target> written where the file had none', () => {
    const text = file12('      <trans-unit id="t1">\n        <source>Discard?</source>\n      </trans-unit>\n');
    const document = parse(text);
    expect(xliffFormat.write(document, [{ key: 't1', text: 'Verwerfen?', status: 'confirmed', notes: ['Short.'] }])).toBe(
      file12(
        '      <trans-unit id="t1">\n' +
          '        <source>Discard?</source>\n' +
          '        <target state="translated">Verwerfen?</target>\n' +
          '        <note from="Redline">Short.</note>\n' +
          '      </trans-unit>\n',
      ),
    );
    // No translation typed: no <target>, the note alone.
    expect(xliffFormat.write(document, [{ key: 't1', text: '', status: 'not_started', notes: ['Ask.'] }])).toBe(
      file12('      <trans-unit id="t1">\n        <source>Discard?</source>\n        <note from="Redline">Ask.</note>\n      </trans-unit>\n'),
    );
  });

  it('keep the file’s prefix and its one-line layout', () => {
    const text =
      '<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><xlf:file original="t" source-language="en" ' +
      'target-language="de" datatype="plaintext"><xlf:body><xlf:trans-unit id="t1"><xlf:source>Hi</xlf:source><xlf:target>Hallo</xlf:target>' +
      '</xlf:trans-unit></xlf:body></xlf:file></xlf:xliff>';
    expect(writeNotes(text, { t1: ['Informal.'] })).toBe(
      text.replace('</xlf:target>', '</xlf:target><xlf:note from="Redline">Informal.</xlf:note>'),
    );
  });
});

describe('XLIFF 1.2: a Redline note an earlier export wrote', () => {
  const exported = file12(
    '      <trans-unit id="t1">\n' +
      '        <source>Hello.</source>\n' +
      '        <target>Hallo.</target>\n' +
      '        <note from="Redline">Check the greeting.</note>\n' +
      '        <note from="pm">Keep it short.</note>\n' +
      '      </trans-unit>\n',
  );

  it('reads back as the editor’s note of the unit, not one of the file’s notes', () => {
    expect(parse(exported).units[0]!.editorNote).toBe('Check the greeting.');
    expect(parse(exported).units[0]!.notes).toEqual(['Keep it short.']);
  });

  it('is the editor’s only when it is Redline’s: a note from anyone else, or a file without one, is the file’s', () => {
    const theirs = parse(exported.replace('from="Redline"', 'from="someone else"')).units[0]!;
    expect(theirs.notes).toEqual(['Check the greeting.', 'Keep it short.']);
    expect(theirs.editorNote).toBeUndefined();
    expect(parse(file12(GREETING.join(''))).units[0]!.editorNote).toBeUndefined();
    // An empty one is nothing: neither a note of the file nor one of the editor.
    const empty = parse(exported.replace('Check the greeting.', ' ')).units[0]!;
    expect([empty.notes, empty.editorNote]).toEqual([['Keep it short.'], undefined]);
  });

  it('is read back from the first of the notes marked so, the one the writer replaces; a second stays the file’s', () => {
    const twice = exported.replace('<note from="pm">', '<note from="Redline">Another.</note>\n        <note from="pm">');
    expect(parse(twice).units[0]!.editorNote).toBe('Check the greeting.');
    expect(parse(twice).units[0]!.notes).toEqual(['Another.', 'Keep it short.']);
    expect(writeNotes(twice, { t1: ['Check the greeting.'] })).toBe(twice);
  });

  it('keeps its bytes when written with the note read back, even spaced as the file has it', () => {
    const spaced = exported.replace('>Check the greeting.<', '>\n          Check the greeting.\n        <');
    const document = parse(spaced);
    expect(document.units[0]!.editorNote).toBe('Check the greeting.');
    expect(xliffFormat.write(document, reviewed(document, { t1: [document.units[0]!.editorNote!] }))).toBe(spaced);
  });

  it('is a note of the file in Trados and memoQ files, which get no Redline note', () => {
    const sdl = fixture('review.sdlxliff').replaceAll('</trans-unit>', '<note from="Redline">Theirs now.</note></trans-unit>');
    const document = sdlxliffFormat.parse(sdl, 'review.sdlxliff');
    expect(document.units.every((u) => u.notes?.includes('Theirs now.'))).toBe(true);
    expect(document.units.every((u) => u.editorNote === undefined)).toBe(true);
  });

  it('is replaced where it stands by the editor’s note, not added to', () => {
    expect(writeNotes(exported, { t1: ['Informal, please.'] })).toBe(exported.replace('Check the greeting.', 'Informal, please.'));
  });

  it('is removed with its line once the editor has no note', () => {
    expect(writeNotes(exported, {})).toBe(exported.replace('        <note from="Redline">Check the greeting.</note>\n', ''));
  });

  it('keeps its bytes while the editor’s note says the same, or when the writer is given no notes', () => {
    expect(writeNotes(exported, { t1: ['Check the greeting.'] })).toBe(exported);
    const document = parse(exported);
    expect(xliffFormat.write(document, [{ key: 't1', text: 'Hallo!', status: 'confirmed' }])).toBe(
      exported.replace('<target>Hallo.</target>', '<target state="translated">Hallo!</target>'),
    );
  });
});

describe('XLIFF 2.0: the editor’s notes', () => {
  const unit = (inner: string) => `    <unit id="u1">\n${inner}    </unit>\n`;
  const SEGMENT = '      <segment>\n        <source>A<ph id="1" dataRef="d1"/></source>\n        <target>B<ph id="1" dataRef="d1"/></target>\n      </segment>\n';
  const ORIGINAL_DATA = '      <originalData>\n        <data id="d1">&lt;br/&gt;</data>\n      </originalData>\n';

  it('go in a new <notes> after extension elements and before <originalData> and the segments, indented like the unit', () => {
    const metadata = '      <mda:metadata>\n        <mda:metaGroup category="mt"><mda:meta type="engine">e1</mda:meta></mda:metaGroup>\n      </mda:metadata>\n';
    const text = file20(unit(metadata + ORIGINAL_DATA + SEGMENT)).replace('version="2.0"', 'xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0"');
    expect(writeNotes(text, { u1: ['Check <br/> & "this".'] })).toBe(
      text.replace(
        ORIGINAL_DATA,
        '      <notes>\n        <note category="Redline">Check &lt;br/&gt; &amp; "this".</note>\n      </notes>\n' + ORIGINAL_DATA,
      ),
    );
  });

  it('go last in the unit’s <notes> when it has one', () => {
    const notes = '      <notes>\n        <note id="n1" category="style">Headline.</note>\n      </notes>\n';
    const text = file20(unit(notes + ORIGINAL_DATA + SEGMENT));
    const out = writeNotes(text, { u1: ['Shorter.'] });
    expect(out).toBe(text.replace('Headline.</note>\n', 'Headline.</note>\n        <note category="Redline">Shorter.</note>\n'));
    expect(parse(out).units[0]!.notes).toEqual(['Headline.']);
    expect(parse(out).units[0]!.editorNote).toBe('Shorter.');
    // A note of another category is the file's.
    const other = parse(out.replace('category="Redline"', 'category="someone else"')).units[0]!;
    expect([other.notes, other.editorNote]).toEqual([['Headline.', 'Shorter.'], undefined]);
  });

  it('of a unit’s segments make one note, each under its number; a one-line unit gets a one-line <notes>', () => {
    const text = file20(
      '    <unit id="u1"><segment id="a"><source>One.</source><target>Eins.</target></segment><segment id="b"><source>Two.</source><target>Zwei.</target></segment></unit>\n',
    );
    const out = writeNotes(text, { 'u1/a': ['First.'], 'u1/b': ['Second.'] });
    expect(out).toBe(text.replace('<unit id="u1">', '<unit id="u1"><notes><note category="Redline">[1] First.\n[2] Second.</note></notes>'));
    // Read back: each segment's own editor note, the file's notes of neither.
    expect(parse(out).units.map((u) => [u.editorNote, u.notes])).toEqual([
      ['First.', []],
      ['Second.', []],
    ]);
    expect(writeNotes(out, { 'u1/a': ['First.'], 'u1/b': ['Second.'] })).toBe(out);
  });

  it('keep a CRLF file’s line ends', () => {
    const text = fixture('article-ru-de.xlf');
    const out = writeNotes(text, { 'u3/s1': ['Translate later.'] });
    expect(out).toBe(
      text.replace(
        '<unit id="u3">\r\n        <segment id="s1">',
        '<unit id="u3">\r\n        <notes>\r\n          <note category="Redline">Translate later.</note>\r\n        </notes>\r\n        <segment id="s1">',
      ),
    );
  });

  it('replace a Redline note an earlier export wrote, and take away a <notes> left with none', () => {
    const exported = file20(unit('      <notes>\n        <note category="Redline">Old.</note>\n      </notes>\n' + SEGMENT));
    expect(writeNotes(exported, { u1: ['New.'] })).toBe(exported.replace('Old.', 'New.'));
    expect(writeNotes(exported, { u1: ['Old.'] })).toBe(exported);
    expect(writeNotes(exported, {})).toBe(file20(unit(SEGMENT)));
    const shared = file20(unit('      <notes>\n        <note>Theirs.</note>\n        <note category="Redline">Old.</note>\n      </notes>\n' + SEGMENT));
    expect(writeNotes(shared, {})).toBe(shared.replace('\n        <note category="Redline">Old.</note>', ''));
  });

  it('take away a <notes> whose only note was Redline’s though it has a comment, which stays in its place', () => {
    const inside = '      <notes>\n        <!-- checked by Ana -->\n        <note category="Redline">Old.</note>\n        <?review done?>\n      </notes>\n';
    const exported = file20(unit(inside + SEGMENT));
    expect(writeNotes(exported, { u1: ['New.'] })).toBe(exported.replace('Old.', 'New.'));
    expect(writeNotes(exported, { u1: ['Old.'] })).toBe(exported);
    expect(writeNotes(exported, {})).toBe(file20(unit('        <!-- checked by Ana -->\n        <?review done?>\n' + SEGMENT)));
    // A comment on the <notes>' own line keeps that line and its indentation.
    const sameLine = file20(unit('      <notes><!-- by Ana --><note category="Redline">Old.</note></notes>\n' + SEGMENT));
    expect(writeNotes(sameLine, {})).toBe(file20(unit('      <!-- by Ana -->\n' + SEGMENT)));
    const spaced = file20(unit('      <notes> <!-- by Ana --><note category="Redline">Old.</note></notes>\n' + SEGMENT));
    expect(writeNotes(spaced, {})).toBe(file20(unit('       <!-- by Ana -->\n' + SEGMENT)));
  });
});

describe('files without editor notes', () => {
  it.each(['help-de.xlf', 'article-ru-de.xlf', 'segmented-1.2.xlf', 'partial-1.2.xlf', 'partial-2.0.xlf', 'states-1.2.xlf', 'states-2.0.xlf'])(
    '%s is written byte for byte as without notes',
    (name) => {
      const text = fixture(name);
      const document = xliffFormat.parse(text, name);
      expect(xliffFormat.write(document, reviewed(document))).toBe(text);
      // The same with corrections: the notes change nothing else.
      const edited = document.units.map((u) => ({ key: u.key, text: u.target.replace(/[a-z]/, 'X'), status: 'edited' as const }));
      expect(xliffFormat.write(document, edited.map((u) => ({ ...u, notes: [] })))).toBe(xliffFormat.write(document, edited));
    },
  );
});

describe('a skeleton stored before notes were placed', () => {
  it('writes no note, and nothing else differs', () => {
    const text = fixture('help-de.xlf');
    const document = parse(text);
    const older = { ...document, skeleton: { ...document.skeleton, units: document.skeleton.units.map(({ note: _, ...unit }) => unit) } };
    expect(xliffFormat.write(older, reviewed(document, { title: ['A note.'] }))).toBe(text);
  });
});

describe('Trados and memoQ files', () => {
  it.each([
    ['review.sdlxliff', sdlxliffFormat],
    ['review.mqxliff', mqxliffFormat],
  ] as const)('%s gets no <note>: its tool keeps comments its own way', (name, format) => {
    const text = fixture(name);
    const document = format.parse(text, name);
    const units = document.units.map((u) => ({ key: u.key, text: u.target, status: u.status ?? 'not_started', notes: ['A note.'] }));
    expect(format.write(document, units)).toBe(text);
    expect(carriesNotes(format.id)).toBe(false);
  });

  it('the registry says which formats carry notes', () => {
    expect(['text', 'markdown', 'xliff', 'sdlxliff', 'mqxliff', 'tmx', 'csv', 'po', 'docx'].filter(carriesNotes)).toEqual(['xliff', 'tmx', 'po']);
  });
});
