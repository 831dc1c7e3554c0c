import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPoField, poFormat } from '../../../core/formats/po';
import { thrown } from '../../support/thrown';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const MESSAGES = fixture('messages.po');

describe('poFormat on a real-world catalog', () => {
  const document = poFormat.parse(MESSAGES, 'ru.po');

  it('describes itself', () => {
    expect(poFormat).toMatchObject({ id: 'po', extensions: ['po', 'pot'], bilingual: true });
  });

  it('reads msgid as source and msgstr as MT, one unit per plural form, skipping the header and obsolete entries', () => {
    expect(document.units).toEqual([
      { key: 'Open file…', paragraph: 1, source: 'Open file…', target: 'Открыть файл…', state: null, notes: ['Button in the library screen'] },
      {
        key: 'Export %s',
        paragraph: 2,
        source: 'Export %s',
        target: 'Сохранить %s',
        state: 'fuzzy',
        notes: ['fuzzy: a suggestion to check (confirm it to clear the flag)', 'previous source (#| msgid): Save %s', 'Translator: keep it short, it is a menu item.'],
      },
      { key: 'status\u0004Approved', paragraph: 3, source: 'Approved', target: 'Утверждено', state: null, notes: ['context (msgctxt): status'] },
      { key: 'verb\u0004Approved', paragraph: 4, source: 'Approved', target: 'Утвердил', state: null, notes: ['context (msgctxt): verb'] },
      { key: 'One sentence[0]', paragraph: 5, source: 'One sentence', target: '%d предложение', state: null, notes: ['plural form 1 of 3 (msgstr[0])'] },
      { key: 'One sentence[1]', paragraph: 5, source: '%d sentences', target: '%d предложения', state: null, notes: ['plural form 2 of 3 (msgstr[1])'] },
      { key: 'One sentence[2]', paragraph: 5, source: '%d sentences', target: '%d предложений', state: null, notes: ['plural form 3 of 3 (msgstr[2])'] },
      {
        key: 'The file is not valid UTF-8 text. Choose another encoding in the dialog or save the file as UTF-8 first.\nThen try again.',
        paragraph: 6,
        source: 'The file is not valid UTF-8 text. Choose another encoding in the dialog or save the file as UTF-8 first.\nThen try again.',
        target: 'Файл не является текстом в кодировке UTF-8. Выберите другую кодировку в диалоге или сначала сохраните файл в UTF-8.\nЗатем попробуйте снова.',
        state: null,
      },
      { key: 'Quote "this" and a tab\there', paragraph: 7, source: 'Quote "this" and a tab\there', target: 'Цитата «это» и табуляция\tздесь', state: null },
      { key: 'Untranslated', paragraph: 8, source: 'Untranslated', target: '', state: null },
    ]);
  });

  it('gives the file back byte for byte, also with CRLF line ends, and the skeleton survives JSON', () => {
    expect(poFormat.write(document, [])).toBe(MESSAGES);
    expect(poFormat.write(JSON.parse(JSON.stringify(document)), [])).toBe(MESSAGES);
    const crlf = MESSAGES.replace(/\n/g, '\r\n');
    expect(poFormat.write(poFormat.parse(crlf, 'ru.po'), [])).toBe(crlf);
    const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'edited' as const }));
    expect(poFormat.write(document, same)).toBe(MESSAGES);
  });

  it('writes reviewed msgstr lines, wrapping long ones, and leaves every other line alone', () => {
    const out = poFormat.write(document, [
      { key: 'Open file…', text: 'Открыть «файл»…', status: 'edited' },
      { key: 'One sentence[1]', text: '%d предложения (2–4)', status: 'edited' },
      {
        key: 'Untranslated',
        text: 'Непереведённая строка, которая достаточно длинна, чтобы её пришлось переносить на несколько строк.\nВторая строка.',
        status: 'edited',
      },
    ]);
    expect(out).toBe(
      MESSAGES.replace('msgstr "Открыть файл…"', 'msgstr "Открыть «файл»…"')
        .replace('msgstr[1] "%d предложения"', 'msgstr[1] "%d предложения (2–4)"')
        .replace(
          'msgid "Untranslated"\nmsgstr ""\n',
          'msgid "Untranslated"\nmsgstr ""\n"Непереведённая строка, которая достаточно длинна, чтобы её пришлось "\n"переносить на несколько строк.\\n"\n"Вторая строка."\n',
        ),
    );
    expect(poFormat.parse(out, 'ru.po').units.find((u) => u.key === 'Untranslated')!.target).toMatch(/^Непереведённая .*\nВторая строка\.$/s);
  });

  it('rewrites a multi-line msgstr that now fits on one line as one line', () => {
    const key = document.units[7]!.key;
    const out = poFormat.write(document, [{ key, text: 'Короче.', status: 'edited' }]);
    expect(out).toContain('"Then try again."\nmsgstr "Короче."\n\nmsgid "Quote');
  });

  it('drops fuzzy from an entry confirmed or approved, keeping its other flags and comments', () => {
    const confirmed = poFormat.write(document, [{ key: 'Export %s', text: 'Экспортировать %s', status: 'confirmed' }]);
    expect(confirmed).toContain('#: renderer/menu.ts:10\n#, c-format\n#| msgid "Save %s"\nmsgid "Export %s"\nmsgstr "Экспортировать %s"\n');
    const edited = poFormat.write(document, [{ key: 'Export %s', text: 'Экспортировать %s', status: 'edited' }]);
    expect(edited).toContain('#, fuzzy, c-format\n');
    const approvedOnly = poFormat.write(poFormat.parse('#, fuzzy\nmsgid "a"\nmsgstr "b"\n', 'x.po'), [{ key: 'a', text: 'b', status: 'approved' }]);
    expect(approvedOnly).toBe('msgid "a"\nmsgstr "b"\n');
  });

  it('flags a rejected entry fuzzy, so gettext does not ship it: on its flag line, or on one of its own before the keywords', () => {
    const write = (text: string, key: string) => poFormat.write(poFormat.parse(text, 'x.po'), [{ key, text: 'b', status: 'rejected' }]);
    expect(write('#: a.ts:1\n#, c-format\nmsgid "a"\nmsgstr "b"\n', 'a')).toBe('#: a.ts:1\n#, c-format, fuzzy\nmsgid "a"\nmsgstr "b"\n');
    expect(write('# Translator.\n#: a.ts:1\n#| msgid "old"\nmsgctxt "menu"\nmsgid "a"\nmsgstr "b"\n', 'menu\u0004a')).toBe(
      '# Translator.\n#: a.ts:1\n#, fuzzy\n#| msgid "old"\nmsgctxt "menu"\nmsgid "a"\nmsgstr "b"\n',
    );
    expect(write('msgid "x"\nmsgstr "y"\n\nmsgid ""\n"a"\nmsgstr "b"\n', 'a')).toBe('msgid "x"\nmsgstr "y"\n\n#, fuzzy\nmsgid ""\n"a"\nmsgstr "b"\n');
    // Fuzzy already: as it was. Read back: fuzzy.
    expect(write('#, fuzzy\nmsgid "a"\nmsgstr "b"\n', 'a')).toBe('#, fuzzy\nmsgid "a"\nmsgstr "b"\n');
    expect(poFormat.parse(write('msgid "a"\nmsgstr "b"\n', 'a'), 'x.po').units[0]!.state).toBe('fuzzy');
    // A skeleton stored before entries recorded their first line: the flag goes before the msgctxt.
    const older = poFormat.parse('#: a.ts:1\nmsgctxt "m"\n"enu"\nmsgid "a"\nmsgstr "b"\n', 'x.po');
    for (const entry of older.skeleton.entries) delete entry.start;
    expect(poFormat.write(older, [{ key: 'menu\u0004a', text: 'b', status: 'rejected' }])).toBe('#: a.ts:1\n#, fuzzy\nmsgctxt "m"\n"enu"\nmsgid "a"\nmsgstr "b"\n');
    // One rejected form of a plural entry flags the entry.
    const plural = 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n';
    expect(poFormat.write(poFormat.parse(plural, 'x.po'), [{ key: 'a[1]', text: 'y', status: 'rejected' }])).toBe(`#, fuzzy\n${plural}`);
  });

  it('keeps fuzzy on a plural entry until every form is confirmed', () => {
    const text = '#, fuzzy\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n';
    const parsed = poFormat.parse(text, 'x.po');
    expect(poFormat.write(parsed, [{ key: 'a[0]', text: 'x', status: 'confirmed' }])).toBe(text);
    expect(
      poFormat.write(parsed, [
        { key: 'a[0]', text: 'x', status: 'confirmed' },
        { key: 'a[1]', text: 'y', status: 'approved' },
      ]),
    ).toBe(text.replace('#, fuzzy\n', ''));
  });

  it('keeps a file without a final newline so', () => {
    const text = 'msgid "a"\nmsgstr "b"';
    expect(poFormat.write(poFormat.parse(text, 'x.po'), [{ key: 'a', text: 'c', status: 'edited' }])).toBe('msgid "a"\nmsgstr "c"');
  });
});

describe('poFormat errors', () => {
  it('names the line of a malformed file', () => {
    expect(thrown(() => poFormat.parse(fixture('broken.po'), 'broken.po'))).toMatchObject({
      code: 'bad_input',
      message: 'broken.po, line 4: the string has no closing quote.',
    });
  });

  it.each([
    ['msgid "a"\nmsgstr "b" x\n', 'x.po, line 2: text after the closing quote.'],
    ['msgid "a"\n', 'x.po, line 1: msgid without msgstr.'],
    ['msgstr "b"\n', 'x.po, line 1: msgstr is out of place.'],
    ['msgid "a"\nmsgid_plural "b"\nmsgstr "c"\n', 'x.po, line 3: msgstr is out of place.'],
    ['msgid "a"\nmsgid_plural "b"\nmsgstr[1] "c"\n', 'x.po, line 3: msgstr[1] is out of place.'],
    ['msgid "a"\nmsgid_plural "b"\n', 'x.po, line 1: msgid_plural without msgstr[0].'],
    ['msgid "a"\n# c\nmsgstr "b"\n', 'x.po, line 2: a comment inside an entry (comments go before msgid).'],
    ['msgid "a"\nmsgstr "b"\n\n"orphan"\n', 'x.po, line 4: a string outside any msgid or msgstr.'],
    ['msgid "a"\nmsgstr "b"\nhello\n', 'x.po, line 3: unexpected “hello”.'],
    ['msgid "a\\q"\nmsgstr "b"\n', 'x.po, line 1: unknown escape \\q.'],
    ['msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 'x.po, line 4: the same msgid as on line 1.'],
  ])('refuses %j', (text, message) => {
    expect(thrown(() => poFormat.parse(text, 'x.po'))).toMatchObject({ code: 'bad_input', message });
  });

  it('reads C escapes', () => {
    expect(poFormat.parse('msgid "\\101\\x42\\a\\\\"\nmsgstr "\\"q\\""\n', 'x.po').units[0]).toMatchObject({ source: 'AB\x07\\', target: '"q"' });
  });
});

// --- Generated catalogs ----------------------------------------------------------------------------------------

const poText = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', '"', '\\', '\n', '\t', '%d', 'é', '.', '\x01', 'word', 'слово'), maxLength: 120 });
const entry = fc.record({
  ctxt: fc.option(poText, { nil: undefined }),
  id: poText.map((s) => `k${s}`),
  plural: fc.option(poText, { nil: undefined }),
  forms: fc.array(poText, { minLength: 1, maxLength: 3 }),
  fuzzy: fc.boolean(),
  comment: fc.option(fc.constantFrom('# translator note', '#. extracted', '#: file.c:1', '#| msgid "old"'), { nil: undefined }),
});

type EntrySpec = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function renderCatalog(entries: readonly EntrySpec[], eol: string): string {
  const seen = new Set<string>();
  const blocks = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'];
  entries.forEach((e, i) => {
    const id = `${e.id}${i}`;
    if (seen.has(id)) return;
    seen.add(id);
    const lines = [
      ...(e.comment ? [e.comment] : []),
      ...(e.fuzzy ? ['#, fuzzy, c-format'] : []),
      ...(e.ctxt !== undefined ? formatPoField('msgctxt', e.ctxt) : []),
      ...formatPoField('msgid', id),
      ...(e.plural !== undefined ? formatPoField('msgid_plural', e.plural) : []),
      ...(e.plural !== undefined ? e.forms.flatMap((f, n) => formatPoField(`msgstr[${n}]`, f)) : formatPoField('msgstr', e.forms[0]!)),
    ];
    blocks.push(`${lines.join('\n')}\n`);
  });
  return blocks.join('\n').replace(/\n/g, eol);
}

describe('poFormat properties', () => {
  it('gives back any generated catalog byte for byte and reads every string exactly', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (entries, eol) => {
        const text = renderCatalog(entries, eol);
        const document = poFormat.parse(text, 'g.po');
        expect(poFormat.write(document, [])).toBe(text);
        const expected = entries.flatMap((e) => (e.plural !== undefined ? e.forms : [e.forms[0]!]));
        expect(document.units.map((u) => u.target)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back edited msgstr exactly, with ids, contexts and sources unchanged', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(poText, { minLength: 18, maxLength: 18 }), fc.boolean(), (entries, edits, confirm) => {
        const text = renderCatalog(entries, '\n');
        const document = poFormat.parse(text, 'g.po');
        const reviewed = document.units.map((u, i) => ({ key: u.key, text: edits[i]!, status: confirm ? ('confirmed' as const) : ('edited' as const) }));
        const again = poFormat.parse(poFormat.write(document, reviewed), 'g.po');
        expect(again.units.map((u) => u.target)).toEqual(reviewed.map((u) => u.text));
        // Confirming clears the fuzzy flag, and with it the notes only a fuzzy entry has (the flag, the previous source).
        const kept = (notes: string[] | undefined) => notes?.filter((n) => !(confirm && (n.startsWith('fuzzy:') || n.startsWith('previous source'))));
        const none = (notes: string[] | undefined) => (notes && notes.length > 0 ? notes : undefined);
        expect(again.units.map((u) => [u.key, u.source, none(u.notes)])).toEqual(document.units.map((u) => [u.key, u.source, none(kept(u.notes))]));
        expect(again.units.map((u) => u.state)).toEqual(document.units.map((u) => (confirm ? null : u.state)));
      }),
      { numRuns: 300 },
    );
  });
});

// msgcat (GNU gettext) is the reference for how a field is wrapped; the check runs where it is installed.
const msgcat = spawnSync('msgcat', ['--version']).status === 0;

describe.skipIf(!msgcat)('poFormat wraps as msgcat does', () => {
  it('writes edited entries that msgcat leaves as they are', () => {
    const words = fc
      .array(
        fc.constantFrom('a', 'word', 'слово', 'x'.repeat(30), 'y'.repeat(90), '"q"', '\\', '\n', '\n\n', '\t', ' ', '  ', 'é', 'well-known', 'x-1', '-y', '--', 'and/or', '%s', '(a)', 'b,', '«q»', '日本語', '한국어', 'ファイルを開く。', '「引用」'),
        { maxLength: 40 },
      )
      .map((w) => w.join(' ').replace(/ \n /g, '\n'));
    const samples = fc.sample(words, { numRuns: 500, seed: 42 });
    const header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n';
    const source = header + samples.map((_, i) => `\nmsgid "k${i}"\nmsgstr ""\n`).join('');
    const document = poFormat.parse(source, 'w.po');
    const written = poFormat.write(document, samples.map((text, i) => ({ key: `k${i}`, text, status: 'edited' as const })));
    const dir = mkdtempSync(join(tmpdir(), 'redline-po-'));
    try {
      writeFileSync(join(dir, 'w.po'), written);
      const canonical = execFileSync('msgcat', [join(dir, 'w.po')], { encoding: 'utf8' });
      expect(written).toBe(canonical);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('poFormat notes on context and previous source', () => {
  it('puts msgctxt first, before a plural form’s note, so entries with the same msgid tell apart', () => {
    const text = 'msgctxt "status"\nmsgid "Approved"\nmsgstr "A"\n\nmsgctxt "verb"\nmsgid "Approved"\nmsgid_plural "Approveds"\nmsgstr[0] "B"\nmsgstr[1] "C"\n';
    const units = poFormat.parse(text, 'c.po').units;
    expect(units.map((u) => u.notes)).toEqual([
      ['context (msgctxt): status'],
      ['context (msgctxt): verb', 'plural form 1 of 2 (msgstr[0])'],
      ['context (msgctxt): verb', 'plural form 2 of 2 (msgstr[1])'],
    ]);
    expect(poFormat.write(poFormat.parse(text, 'c.po'), units.map((u) => ({ key: u.key, text: u.target, status: 'edited' as const })))).toBe(text);
  });

  it('shows a fuzzy entry’s `#| msgid` (across its lines) as the previous source; not when unchanged, not when not fuzzy', () => {
    const fuzzy = '#, fuzzy\n#| msgctxt "old"\n#| msgid ""\n#| "Save "\n#| "%s now"\nmsgid "Export %s"\nmsgstr "X"\n';
    expect(poFormat.parse(fuzzy, 'p.po').units[0]!.notes).toEqual(['fuzzy: a suggestion to check (confirm it to clear the flag)', 'previous source (#| msgid): Save %s now']);
    expect(poFormat.parse('#, fuzzy\n#| msgid "Same"\nmsgid "Same"\nmsgstr "X"\n', 'p.po').units[0]!.notes).toEqual(['fuzzy: a suggestion to check (confirm it to clear the flag)']);
    expect(poFormat.parse('#| msgid "Old"\nmsgid "New"\nmsgstr "X"\n', 'p.po').units[0]!.notes).toBeUndefined();
    // A malformed `#|` line is a comment all the same: skipped, never refused.
    expect(poFormat.parse('#, fuzzy\n#| msgid "Old\nmsgid "New"\nmsgstr "X"\n', 'p.po').units[0]!.notes).toEqual(['fuzzy: a suggestion to check (confirm it to clear the flag)']);
  });
});
