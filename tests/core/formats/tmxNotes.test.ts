import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmxFormat } from '../../../core/formats/tmx';
import { pairsToTmx } from '../../../core/formats/tmxExport';
import type { ParsedDocument, ReviewedUnit } from '../../../core/formats/types';

const MEMORY = readFileSync(fileURLToPath(new URL('./fixtures/memory.tmx', import.meta.url)), 'utf8');
const PAIR = { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } };

const reviewed = (document: ParsedDocument, notes: Record<string, string[]>): ReviewedUnit[] =>
  document.units.map((u) => ({ key: u.key, text: u.target, status: 'not_started', notes: notes[u.key] ?? [] }));

const writeNotes = (text: string, notes: Record<string, string[]>): string => {
  const document = tmxFormat.parse(text, 'notes.tmx', PAIR);
  return tmxFormat.write(document, reviewed(document, notes));
};

const file = (tus: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header srclang="en-US" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n' +
  `  <body>\n${tus}  </body>\n</tmx>\n`;

const TU =
  '    <tu tuid="1">\n' +
  '      <tuv xml:lang="en-US"><seg>Hello.</seg></tuv>\n' +
  '      <tuv xml:lang="ru-RU"><seg>Привет.</seg></tuv>\n' +
  '    </tu>\n';

describe('TMX: the editor’s notes', () => {
  it('go in a <note> before the <tuv>s, marked as Redline’s, escaped, indented like the <tuv>s', () => {
    expect(writeNotes(file(TU), { '1': ['Too <b>informal</b> & "short".\nAsk.'] })).toBe(
      file(
        '    <tu tuid="1">\n' +
          '      <note>Redline: Too &lt;b&gt;informal&lt;/b&gt; &amp; "short".\nAsk.</note>\n' +
          '      <tuv xml:lang="en-US"><seg>Hello.</seg></tuv>\n' +
          '      <tuv xml:lang="ru-RU"><seg>Привет.</seg></tuv>\n' +
          '    </tu>\n',
      ),
    );
  });

  it('end their lines as a CRLF file ends its own', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const out = writeNotes(crlf(file(TU)), { '1': ['Too informal.\nAsk.'] });
    expect(out).toContain('      <note>Redline: Too informal.\r\nAsk.</note>\r\n      <tuv');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('follow the notes and props the <tu> has, which stay, and read back as its editor’s note, not one of its notes', () => {
    const out = writeNotes(MEMORY, { 'kz-002': ['Check the gas.'] });
    expect(out).toBe(MEMORY.replace('      <note>Keep the bold.</note>\n', '      <note>Keep the bold.</note>\n      <note>Redline: Check the gas.</note>\n'));
    const back = tmxFormat.parse(out, 'memory.tmx', PAIR).units[1]!;
    expect(back.notes).toEqual(['Keep the bold.', 'MT output']);
    expect(back.editorNote).toBe('Check the gas.');
    // Written with the note read back, the file is as it was.
    expect(writeNotes(out, { 'kz-002': [back.editorNote!] })).toBe(out);
  });

  it('are Redline’s only with the prefix, in the <tu> before its <tuv>s: other notes are the file’s', () => {
    const notes = (tu: string) => tmxFormat.parse(file(tu), 'notes.tmx', PAIR).units[0]!;
    const theirs = notes(TU.replace('    <tu tuid="1">\n', '    <tu tuid="1">\n      <note>Redliner: not ours.</note>\n      <note>redline: nor this.</note>\n'));
    expect([theirs.notes, theirs.editorNote]).toEqual([['Redliner: not ours.', 'redline: nor this.'], undefined]);
    // In a <tuv>, or after the <tuv>s, where the writer puts none, a note so marked is the file's too.
    const inTuv = notes(TU.replace('<tuv xml:lang="ru-RU">', '<tuv xml:lang="ru-RU"><note>Redline: in the tuv.</note>'));
    expect([inTuv.notes, inTuv.editorNote]).toEqual([['Redline: in the tuv.'], undefined]);
    const after = notes(TU.replace('    </tu>\n', '      <note>Redline: after.</note>\n    </tu>\n'));
    expect([after.notes, after.editorNote]).toEqual([['Redline: after.'], undefined]);
  });

  it('replace a Redline note an earlier export wrote, or take it away once there is none', () => {
    const exported = writeNotes(file(TU), { '1': ['Old.'] });
    expect(writeNotes(exported, { '1': ['New.'] })).toBe(exported.replace('Redline: Old.', 'Redline: New.'));
    expect(writeNotes(exported, { '1': ['Old.'] })).toBe(exported);
    expect(writeNotes(exported, {})).toBe(file(TU));
  });

  it('leave a file without any byte for byte, edited or not', () => {
    expect(writeNotes(MEMORY, {})).toBe(MEMORY);
    const document = tmxFormat.parse(MEMORY, 'memory.tmx', PAIR);
    const edited = document.units.map((u) => ({ key: u.key, text: u.key === 'kz-001' ? 'Иначе.' : u.target, status: 'edited' as const }));
    expect(tmxFormat.write(document, edited.map((u) => ({ ...u, notes: [] })))).toBe(tmxFormat.write(document, edited));
    // A skeleton stored before notes were placed writes none, and fails nothing.
    const { notes: _, ...older } = document.skeleton;
    expect(tmxFormat.write({ ...document, skeleton: older }, reviewed(document, { 'kz-001': ['A note.'] }))).toBe(MEMORY);
  });
});

describe('the TMX memory of approved pairs', () => {
  it('puts a pair’s note in its <tu>, as the TMX writer does', () => {
    const tmx = pairsToTmx(
      [
        { key: '1', source: 'One', target: 'Eins', note: '  Check <this> & that.  ' },
        { key: '2', source: 'Two', target: 'Zwei' },
        { key: '3', source: 'Three', target: 'Drei', note: ' ' },
      ],
      { source: 'en', target: 'de' },
      '20260101T000000Z',
    );
    expect(tmx).toContain(
      '    <tu tuid="1">\n      <note>Redline: Check &lt;this&gt; &amp; that.</note>\n      <tuv xml:lang="en"><seg>One</seg></tuv>\n',
    );
    expect(tmx).toContain('    <tu tuid="2">\n      <tuv xml:lang="en"><seg>Two</seg></tuv>\n');
    expect(tmx).toContain('    <tu tuid="3">\n      <tuv xml:lang="en"><seg>Three</seg></tuv>\n');
    const units = tmxFormat.parse(tmx, 'memory.tmx').units;
    expect(units.map((u) => u.editorNote)).toEqual(['Check <this> & that.', undefined, undefined]);
    expect(units.map((u) => u.notes)).toEqual([undefined, undefined, undefined]);
  });
});
