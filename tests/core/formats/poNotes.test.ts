import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { poFormat } from '../../../core/formats/po';
import type { ParsedDocument, ReviewedUnit } from '../../../core/formats/types';

const MESSAGES = readFileSync(fileURLToPath(new URL('./fixtures/messages.po', import.meta.url)), 'utf8');

/** Every unit as imported, with the editor's notes by key (none for the others) and a status by key. */
const reviewed = (document: ParsedDocument, notes: Record<string, string[]>, statuses: Record<string, ReviewedUnit['status']> = {}): ReviewedUnit[] =>
  document.units.map((u) => ({ key: u.key, text: u.target, status: statuses[u.key] ?? 'not_started', notes: notes[u.key] ?? [] }));

const writeNotes = (text: string, notes: Record<string, string[]>, statuses: Record<string, ReviewedUnit['status']> = {}): string => {
  const document = poFormat.parse(text, 'notes.po');
  return poFormat.write(document, reviewed(document, notes, statuses));
};

const ENTRY = '#: src/app.ts:3\nmsgid "Open"\nmsgstr "Öffnen"\n';

describe('PO: the editor’s notes', () => {
  it('go before the entry as translator comments, one `# Redline:` line per line of the note', () => {
    expect(writeNotes(ENTRY, { Open: ['Menu item.\r\nKeep it short. "Really" <b> & \\n'] })).toBe(
      '# Redline: Menu item.\n# Redline: Keep it short. "Really" <b> & \\n\n#: src/app.ts:3\nmsgid "Open"\nmsgstr "Öffnen"\n',
    );
  });

  it('keep the translators’ own comments, and read back as the editor’s note, the translators’ comments staying the file’s', () => {
    const out = writeNotes(MESSAGES, { 'Export %s': ['Check the placeholder.'] });
    expect(out).toBe(
      MESSAGES.replace(
        '# Translator: keep it short, it is a menu item.\n',
        '# Redline: Check the placeholder.\n# Translator: keep it short, it is a menu item.\n',
      ),
    );
    const back = poFormat.parse(out, 'ru.po').units[1]!;
    expect(back.notes).toEqual(['fuzzy: a suggestion to check (confirm it to clear the flag)', 'previous source (#| msgid): Save %s', 'Translator: keep it short, it is a menu item.']);
    expect(back.editorNote).toBe('Check the placeholder.');
  });

  it('of the forms of a plural entry make one note, each under its number; a blank line of a note is a bare `# Redline:`', () => {
    const out = writeNotes(MESSAGES, { 'One sentence[0]': ['One.\n\nStill one.'], 'One sentence[2]': ['Many.'] });
    expect(out).toContain('# Redline: [1] One.\n# Redline: [1]\n# Redline: [1] Still one.\n# Redline: [3] Many.\n#: core/report/htmlReport.ts:88\nmsgid "One sentence"\n');
    // Read back, each form holds its own note again, and written as read the file keeps its bytes.
    const forms = poFormat.parse(out, 'ru.po').units.filter((u) => u.key.startsWith('One sentence['));
    expect(forms.map((u) => u.editorNote)).toEqual(['One.\n\nStill one.', undefined, 'Many.']);
    expect(forms.map((u) => u.notes)).toEqual([1, 2, 3].map((n) => [`plural form ${n} of 3 (msgstr[${n - 1}])`]));
    expect(writeNotes(out, { 'One sentence[0]': [forms[0]!.editorNote!], 'One sentence[2]': [forms[2]!.editorNote!] })).toBe(out);
    // A writer given one form alone (a script may) keeps the others' parts of the note.
    const document = poFormat.parse(out, 'ru.po');
    const first = reviewed(document, { 'One sentence[0]': ['Changed.'] }).filter((u) => u.key === 'One sentence[0]');
    expect(poFormat.write(document, first)).toContain('# Redline: [1] Changed.\n# Redline: [3] Many.\n#: core/report/htmlReport.ts:88\n');
  });

  it('take the place of a `#, fuzzy` line the confirmed entry drops', () => {
    const text = '#, fuzzy\nmsgid "Open"\nmsgstr "Öffnen"\n';
    expect(writeNotes(text, { Open: ['Checked.'] }, { Open: 'confirmed' })).toBe('# Redline: Checked.\nmsgid "Open"\nmsgstr "Öffnen"\n');
  });

  it('keep a CRLF file’s line ends', () => {
    expect(writeNotes(ENTRY.replace(/\n/g, '\r\n'), { Open: ['One.\nTwo.'] })).toBe(
      '# Redline: One.\r\n# Redline: Two.\r\n#: src/app.ts:3\r\nmsgid "Open"\r\nmsgstr "Öffnen"\r\n',
    );
  });

  it('leave a file without any byte for byte, and do not touch it when the writer is given no notes', () => {
    expect(writeNotes(MESSAGES, {})).toBe(MESSAGES);
    const document = poFormat.parse(MESSAGES, 'ru.po');
    expect(poFormat.write(document, [])).toBe(MESSAGES);
    // A skeleton stored before the entries' starts were recorded writes none.
    const entries = document.skeleton.entries.map(({ start: _, ...entry }) => entry);
    expect(poFormat.write({ ...document, skeleton: { ...document.skeleton, entries } }, reviewed(document, { 'Open file…': ['A note.'] }))).toBe(MESSAGES);
  });
});

describe('PO: Redline comments an earlier export wrote', () => {
  const exported = '# Redline: Old note.\n# Redline: Its second line.\n# Translator: theirs.\n#: src/app.ts:3\nmsgid "Open"\nmsgstr "Öffnen"\n';

  it('are replaced by the editor’s note, where they were', () => {
    expect(writeNotes(exported, { Open: ['New note.'] })).toBe('# Redline: New note.\n# Translator: theirs.\n#: src/app.ts:3\nmsgid "Open"\nmsgstr "Öffnen"\n');
  });

  it('go once the editor has no note, the translators’ comments staying', () => {
    expect(writeNotes(exported, {})).toBe('# Translator: theirs.\n#: src/app.ts:3\nmsgid "Open"\nmsgstr "Öffnen"\n');
  });

  it('keep their bytes while the note says the same', () => {
    expect(writeNotes(exported, { Open: ['Old note.\nIts second line.'] })).toBe(exported);
  });

  it('read back as the editor’s note of the entry, not among its comments', () => {
    const unit = poFormat.parse(exported, 'ru.po').units[0]!;
    expect(unit.editorNote).toBe('Old note.\nIts second line.');
    expect(unit.notes).toEqual(['Translator: theirs.']);
    // Written with the note read back, the file is as it was.
    expect(writeNotes(exported, { Open: [unit.editorNote!] })).toBe(exported);
  });

  it('are Redline’s only with the prefix as an export writes it: another translator comment is the file’s', () => {
    const theirs = '# Redliner: not ours.\n#Redline: nor this.\n# redline: nor this.\nmsgid "Open"\nmsgstr "Öffnen"\n';
    const unit = poFormat.parse(theirs, 'ru.po').units[0]!;
    expect(unit.editorNote).toBeUndefined();
    expect(unit.notes).toEqual(['Redliner: not ours.\nRedline: nor this.\nredline: nor this.']);
    // Bare `# Redline:` lines say nothing: no note.
    expect(poFormat.parse('# Redline:\nmsgid "Open"\nmsgstr "Öffnen"\n', 'ru.po').units[0]).not.toHaveProperty('editorNote');
  });
});
