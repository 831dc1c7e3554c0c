import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTmx, tmxFormat, tmxLanguages, type TmxSkeleton } from '../../../core/formats/tmx';
import { TAG_BASE, tagChar, type ParsedDocument } from '../../../core/formats/types';
import { thrown } from '../../support/thrown';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const MEMORY = fixture('memory.tmx');

/** A unit's text with each tag shown as ⟨markup⟩. */
const shown = (document: ParsedDocument<TmxSkeleton>, index: number, text: string | null) =>
  text?.replace(/[\uE000-\uEFFF]/g, (c) => `⟨${document.skeleton.tags[index]![c.charCodeAt(0) - TAG_BASE]}⟩`) ?? null;

describe('tmxFormat on a real-world memory', () => {
  // Three languages: the pair is named (without one the file is refused, listing them; see below).
  const document = tmxFormat.parse(MEMORY, 'memory.tmx', { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } });

  it('describes itself', () => {
    expect(tmxFormat).toMatchObject({ id: 'tmx', extensions: ['tmx'], bilingual: true });
  });

  it('lists the languages, refuses to guess a pair among three, and reads the pair named', () => {
    expect(tmxLanguages(MEMORY, 'memory.tmx')).toEqual({ srclang: 'en-US', languages: ['en-US', 'ru-RU', 'de-DE'] });
    expect(thrown(() => tmxFormat.parse(MEMORY, 'memory.tmx')).message).toBe(
      'memory.tmx holds 3 languages (en-US, ru-RU, de-DE): choose the two to review (the source and target language; on the command line --source-lang and --target-lang).',
    );
    expect(document.skeleton.languages).toEqual({ sourceLang: 'en-US', targetLang: 'ru-RU' });
    // Naming one side is enough: the other is the header's srclang or the first other language.
    expect(tmxFormat.parse(MEMORY, 'memory.tmx', { languages: { targetLang: 'de-DE' } }).skeleton.languages).toEqual({ sourceLang: 'en-US', targetLang: 'de-DE' });
  });

  it('reads each <tu> as a unit keyed by tuid (or position), inline codes as tags, notes and props as notes', () => {
    expect(document.units.map((u) => u.key)).toEqual(['kz-001', 'kz-002', 'kz-003', '4', 'kz-005', 'kz-006']);
    expect(document.units.map((u) => u.paragraph)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(document.units.map((u, i) => [shown(document, i, u.source), shown(document, i, u.target)])).toEqual([
      ['The president declared a state of emergency.', 'Президент объявил режим чрезвычайного положения.'],
      [
        'Prices for ⟨<bpt i="1">&lt;b&gt;</bpt>⟩liquefied gas⟨<ept i="1">&lt;/b&gt;</ept>⟩ will fall.',
        'Цены на ⟨<bpt i="1">&lt;b&gt;</bpt>⟩сжиженный газ⟨<ept i="1">&lt;/b&gt;</ept>⟩ снизятся.',
      ],
      [
        'Line one⟨<ph x="1">&lt;br/&gt;</ph>⟩line two & ⟨<hi type="italic">⟩more⟨</hi>⟩.',
        'Строка один⟨<ph x="1">&lt;br/&gt;</ph>⟩строка два & ⟨<hi type="italic">⟩ещё⟨</hi>⟩.',
      ],
      ['No translation yet.', ''],
      ['⟨<it pos="begin" x="2">&lt;a href="x"&gt;</it>⟩Read more', ''],
      ['5 < 6 & "quotes"', '5 < 6 и «кавычки»'],
    ]);
    // Tags written alike in source and target share one character.
    expect(document.units[1]!.target).toBe(`Цены на ${tagChar(0)}сжиженный газ${tagChar(1)} снизятся.`);
    expect(document.units[0]!.notes).toEqual(['x-domain: news']);
    expect(document.units[1]!.notes).toEqual(['Keep the bold.', 'MT output']);
    expect(document.units[2]!.notes).toBeUndefined();
  });

  it('gives the file back byte for byte, and the skeleton survives JSON', () => {
    expect(tmxFormat.write(document, [])).toBe(MEMORY);
    expect(tmxFormat.write(JSON.parse(JSON.stringify(document)), [])).toBe(MEMORY);
    const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'approved' as const }));
    expect(tmxFormat.write(document, same)).toBe(MEMORY);
  });

  it('writes reviewed targets into their <seg>, escaping text and restoring tags; adds a <tuv> where there was none', () => {
    const out = tmxFormat.write(document, [
      { key: 'kz-002', text: `Цены на ${tagChar(0)}газ${tagChar(1)} упадут <скоро> & навсегда.`, status: 'confirmed' },
      { key: '4', text: 'Перевода пока нет.', status: 'edited' },
      { key: 'kz-005', text: `${tagChar(0)}Читать далее`, status: 'edited' },
    ]);
    expect(out).toContain('<seg>Цены на <bpt i="1">&lt;b&gt;</bpt>газ<ept i="1">&lt;/b&gt;</ept> упадут &lt;скоро&gt; &amp; навсегда.</seg>');
    expect(out).toContain(
      '      <tuv xml:lang="en-US"><seg>No translation yet.</seg></tuv>\n      <tuv xml:lang="ru-RU"><seg>Перевода пока нет.</seg></tuv>\n    </tu>',
    );
    expect(out).toContain('<tuv xml:lang="ru-RU"><seg><it pos="begin" x="2">&lt;a href="x"&gt;</it>Читать далее</seg></tuv>');
    const again = tmxFormat.parse(out, 'memory.tmx', { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } });
    expect(again.units.map((u) => u.target)).toEqual([
      document.units[0]!.target,
      `Цены на ${tagChar(0)}газ${tagChar(1)} упадут <скоро> & навсегда.`,
      document.units[2]!.target,
      'Перевода пока нет.',
      `${tagChar(0)}Читать далее`,
      document.units[5]!.target,
    ]);
    // Outside the edited segments nothing moved.
    const rest = (s: string) => s.replace(/<tu tuid="kz-002">[\s\S]*?<\/tu>|<tu>[\s\S]*?<\/tu>|<tu tuid="kz-005">[\s\S]*?<\/tu>/g, '');
    expect(rest(out)).toBe(rest(MEMORY));
  });

  it('reads another language pair on request', () => {
    const german = parseTmx(MEMORY, 'memory.tmx', { sourceLang: 'en-us', targetLang: 'DE-de' });
    expect(german.units.map((u) => [u.key, u.target])).toEqual([
      ['kz-001', ''],
      ['kz-002', ''],
      ['kz-003', ''],
      ['4', ''],
      ['kz-005', ''],
      ['kz-006', '5 < 6 und „Anführungszeichen“'],
    ]);
    const out = tmxFormat.write(german, [{ key: 'kz-001', text: 'Der Präsident …', status: 'edited' }]);
    expect(out).toContain('<tuv xml:lang="ru-RU"><seg>Президент объявил режим чрезвычайного положения.</seg></tuv>\n      <tuv xml:lang="de-DE"><seg>Der Präsident …</seg></tuv>');
    const reverse = parseTmx(MEMORY, 'memory.tmx', { sourceLang: 'ru-RU', targetLang: 'en-US' });
    expect(reverse.units[0]).toMatchObject({ source: 'Президент объявил режим чрезвычайного положения.', target: 'The president declared a state of emergency.' });
  });

  it('refuses a tag the unit never had', () => {
    expect(() => tmxFormat.write(document, [{ key: 'kz-001', text: `x${tagChar(3)}`, status: 'edited' }])).toThrow(/<tu> “kz-001” has a tag/);
  });
});

describe('tmxFormat spans: <hi> tags nest, a <bpt> comes before its <ept>', () => {
  const BPT = '<bpt i="1" type="bold">&lt;b&gt;</bpt>';
  const EPT = '<ept i="1">&lt;/b&gt;</ept>';
  const memory =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="xml" segtype="sentence" adminlang="en" ' +
    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n' +
    `<tu tuid="b"><tuv xml:lang="en"><seg>Click ${BPT}Save${EPT} now.</seg></tuv><tuv xml:lang="de"><seg>Klicken Sie ${BPT}Speichern${EPT}.</seg></tuv></tu>\n` +
    '<tu tuid="h"><tuv xml:lang="en"><seg>An <hi type="i">emphasis</hi>.</seg></tuv><tuv xml:lang="de"><seg>Eine <hi type="i">Betonung</hi>.</seg></tuv></tu>\n' +
    '<tu tuid="s"><tuv xml:lang="en"><seg>Click <bpt i="2">[</bpt>it<ept i="2">]</ept>.</seg></tuv><tuv xml:lang="de"><seg>Klicken.</seg></tuv></tu>\n' +
    '</body></tmx>\n';
  const document = tmxFormat.parse(memory, 'spans.tmx');
  const write = (key: string, text: string) =>
    tmxFormat.write(document, [{ key, text: text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n))), status: 'edited' }]);

  it('refuses an <ept> written before its <bpt>, naming the unit and both tags, and writes them in order', () => {
    expect(thrown(() => write('b', 'Klicken Sie {1}Speichern{0}.')).message).toBe(
      `<tu> “b”: tag 2 (${EPT}) ends tag 1 (${BPT}), which comes after it: a span's start must come first.`,
    );
    expect(write('b', 'Sie {0}speichern{1}.')).toContain(`<seg>Sie ${BPT}speichern${EPT}.</seg>`);
  });

  it('refuses <hi> tags that would not be XML: reversed, or one of them dropped', () => {
    expect(thrown(() => write('h', 'Eine {1}Betonung{0}.')).message).toBe('<tu> “h”: tag 2 (</hi>) closes no tag opened before it.');
    expect(thrown(() => write('h', 'Eine {0}Betonung.')).message).toBe('<tu> “h”: tag 1 (<hi type="i">) is not closed.');
    expect(write('h', 'Eine {0}starke Betonung{1}.')).toContain('<seg>Eine <hi type="i">starke Betonung</hi>.</seg>');
  });

  it('leaves a target alone whose tags stay in the order the file had them', () => {
    const odd = tmxFormat.parse(memory.replace(`Klicken Sie ${BPT}Speichern${EPT}.`, `Klicken Sie ${EPT}Speichern${BPT}.`), 'odd.tmx');
    const out = tmxFormat.write(odd, [{ key: 'b', text: odd.units[0]!.target.replace('Speichern', 'Sichern'), status: 'edited' }]);
    expect(out).toContain(`<seg>Klicken Sie ${EPT}Sichern${BPT}.</seg>`);
  });

  it('takes a span from the source whole, not by halves', () => {
    expect(write('s', 'Klicken Sie {0}hier{1}.')).toContain('<seg>Klicken Sie <bpt i="2">[</bpt>hier<ept i="2">]</ept>.</seg>');
    expect(thrown(() => write('s', 'Klicken Sie {0}hier.')).message).toBe(
      '<tu> “s”: tag 1 (<bpt i="2">[</bpt>) starts a span whose end, tag 2 (<ept i="2">]</ept>), the text lacks.',
    );
    expect(thrown(() => write('s', 'Klicken Sie hier{1}.')).message).toBe(
      '<tu> “s”: tag 2 (<ept i="2">]</ept>) ends tag 1 (<bpt i="2">[</bpt>), which the text lacks.',
    );
  });
});

describe('tmxFormat errors', () => {
  it('names the line and column of malformed XML', () => {
    expect(thrown(() => tmxFormat.parse(fixture('broken.tmx'), 'broken.tmx'))).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^broken\.tmx is not well-formed XML: line 10, column \d+: unexpected close tag\.$/),
    });
  });

  it('resolves no entity: a DOCTYPE declaring entities is refused, references to undeclared ones are errors', () => {
    expect(thrown(() => tmxFormat.parse(fixture('entity.tmx'), 'entity.tmx'))).toMatchObject({
      code: 'bad_input',
      message: 'entity.tmx has declarations in its DOCTYPE (line 2), where XML entities are declared; Redline never expands entities, so it does not open such files.',
    });
    const laughs = '<!DOCTYPE tmx [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;">]><tmx><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>';
    expect(thrown(() => tmxFormat.parse(laughs, 'x.tmx')).message).toMatch(/^x\.tmx has declarations in its DOCTYPE/);
    const external = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx><body><tu><tuv xml:lang="en"><seg>&ext;</seg></tuv></tu></body></tmx>';
    expect(thrown(() => tmxFormat.parse(external, 'y.tmx')).message).toMatch(/^y\.tmx is not well-formed XML: line 2, column \d+: undefined entity &ext; \(XML knows only &amp; &lt; &gt; &quot; &apos;: write the character itself, or a character reference such as &#160;\)\.$/);
    expect(thrown(() => tmxFormat.parse('<tmx><body><tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu></body></tmx>', 'z.tmx')).message).toMatch(
      /^z\.tmx is not well-formed XML: line 1, column \d+: undefined entity &nbsp; \(XML knows only &amp; &lt; &gt; &quot; &apos;: write the character itself, or a character reference such as &#160;\)\.$/,
    );
    expect(thrown(() => tmxFormat.parse('<tmx><body>\n<tu><tuv xml:lang="en"><seg>a & b</seg></tuv></tu></body></tmx>', 'w.tmx')).message).toBe(
      'w.tmx is not well-formed XML: line 2, column 31: a bare "&" (write it as &amp;).',
    );
  });

  it.each([
    ['<xliff/>', 'x.tmx is not a TMX file: its root element is <xliff>, not <tmx>.'],
    ['<tmx>\n<header srclang="en"/>\n</tmx>', 'x.tmx, line 1: <tmx> has no <body>.'],
    ['<tmx><body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>', 'x.tmx, line 2: <tuv> has no xml:lang.'],
    ['<tmx><body>\n<tu>\n<tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu></body></tmx>', 'x.tmx, line 3: <tuv> needs exactly one <seg>.'],
    ['<tmx><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>', 'x.tmx has no language besides en.'],
    ['<tmx><body></body></tmx>', 'x.tmx has no translation units.'],
    [
      '<tmx><body><tu tuid="a"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu>\n<tu tuid="a"><tuv xml:lang="en"><seg>c</seg></tuv></tu></body></tmx>',
      'x.tmx, line 2: the <tu> key “a” is already used on line 1.',
    ],
    ['', 'x.tmx is not well-formed XML: line 1, column 0: document must contain a root element.'],
  ])('refuses %j', (text, message) => {
    expect(thrown(() => tmxFormat.parse(text, 'x.tmx'))).toMatchObject({ code: 'bad_input', message });
  });

  it('refuses a correction holding a character XML cannot hold, as XLIFF and DOCX do, rather than drop it', () => {
    const document = tmxFormat.parse('<tmx><body><tu tuid="c"><tuv xml:lang="en"><seg>A</seg></tuv><tuv xml:lang="de"><seg>B</seg></tuv></tu></body></tmx>', 'c.tmx');
    for (const bad of ['\u000C', '\u000B', '\u0001', '\uFFFE']) {
      const error = thrown(() => tmxFormat.write(document, [{ key: 'c', text: `x${bad}y`, status: 'edited' }]));
      expect(error.message).toBe(`Unit "c": the text contains U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, a character XML cannot hold.`);
    }
  });

  it('refuses a language the file does not have', () => {
    expect(thrown(() => parseTmx(MEMORY, 'memory.tmx', { targetLang: 'fr' })).message).toBe('memory.tmx has no segments in fr (languages: en-US, ru-RU, de-DE).');
  });
});

// --- Generated memories ---------------------------------------------------------------------------------------

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plain = fc.string({ unit: fc.constantFrom('a', 'Я', 'ü', ' ', '.', '&', '<', '>', '"', "'", '\n', '\t', '😀', '\uE003'), maxLength: 10 });
const inline = fc.oneof(
  { arbitrary: plain.map((s) => ({ xml: escape(s), text: s })), weight: 4 },
  plain.map((s) => ({ xml: `<![CDATA[${s.replace(/]]>/g, '')}]]>`, text: s.replace(/]]>/g, '') })),
  fc.constantFrom('<ph x="1"/>', '<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<it pos="end">}</it>', '<ut>x</ut>', '<!-- c -->').map((xml) => ({ xml, tag: true })),
  plain.map((s) => ({ xml: `<hi type="b">${escape(s)}</hi>`, text: s, hi: true })),
);
const segment = fc.array(inline, { maxLength: 5 });
const space = fc.constantFrom('', ' ', '\n  ', '\r\n\t');
const tu = fc.record({ tuid: fc.option(fc.uuid(), { nil: undefined }), source: segment, target: fc.option(segment, { nil: undefined }), selfClosing: fc.boolean(), space, note: fc.option(plain) });
const memory = fc.record({ tus: fc.array(tu, { minLength: 1, maxLength: 6 }), space, decl: fc.boolean() });

type MemorySpec = typeof memory extends fc.Arbitrary<infer T> ? T : never;

function renderMemory(spec: MemorySpec): string {
  const seg = (parts: Array<{ xml: string }>, selfClosing: boolean) => (parts.length === 0 && selfClosing ? '<seg/>' : `<seg>${parts.map((p) => p.xml).join('')}</seg>`);
  const tus = spec.tus.map((t, i) => {
    const id = t.tuid === undefined ? '' : ` tuid="${t.tuid}-${i}"`;
    const note = t.note === null ? '' : `${t.space}<note>${escape(t.note)}</note>`;
    const target = t.target === undefined ? '' : `${t.space}<tuv lang="DE">${seg(t.target, t.selfClosing)}</tuv>`;
    return `<tu${id}>${note}${t.space}<tuv xml:lang="en">${seg(t.source, t.selfClosing)}</tuv>${target}${t.space}</tu>`;
  });
  const anchor = `<tu tuid="anchor"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu>`;
  return `${spec.decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<tmx version="1.4">${spec.space}<header srclang="en"/>${spec.space}<body>${[anchor, ...tus].join(spec.space)}</body></tmx>${spec.space}`;
}

describe('tmxFormat properties', () => {
  it('gives back any generated memory byte for byte', () => {
    fc.assert(
      fc.property(memory, (spec) => {
        const text = renderMemory(spec);
        const document = tmxFormat.parse(text, 'g.tmx');
        expect(document.units).toHaveLength(spec.tus.length + 1);
        expect(tmxFormat.write(document, [])).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back reviewed targets exactly, keeps sources, and changes nothing else', () => {
    const newText = fc.string({ unit: fc.constantFrom('x', 'Ж', ' ', '&', '<', '>', ']]>', '"', '\n', '\r'), maxLength: 12 });
    fc.assert(
      fc.property(memory, fc.array(newText, { minLength: 7, maxLength: 7 }), (spec, edits) => {
        const text = renderMemory(spec);
        const document = tmxFormat.parse(text, 'g.tmx');
        // Keep each unit's tags, in order, after the new words.
        const reviewed = document.units.map((u, i) => ({
          key: u.key,
          text: edits[i]! + [...u.target].filter((c) => c >= '\uE000' && c <= '\uEFFF').join(''),
          status: 'edited' as const,
        }));
        const again = tmxFormat.parse(tmxFormat.write(document, reviewed), 'g.tmx');
        expect(again.units.map((u) => u.key)).toEqual(document.units.map((u) => u.key));
        expect(again.units.map((u) => u.source)).toEqual(document.units.map((u) => u.source));
        expect(again.units.map((u, i) => shown(again, i, u.target))).toEqual(reviewed.map((u, i) => shown(document, i, u.text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('tmxFormat keys: a <tu> without tuid never takes another’s tuid', () => {
  const tuOf = (tuid: string | undefined, en: string, de: string) =>
    `<tu${tuid === undefined ? '' : ` tuid="${tuid}"`}><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="de"><seg>${de}</seg></tuv></tu>`;
  const tmx = (...tus: string[]) => `<tmx version="1.4"><header srclang="en"/><body>\n${tus.join('\n')}\n</body></tmx>`;

  it('reads a tuid "2" followed by a <tu> without tuid (its position, 2, is taken): the second is “#2”', () => {
    const text = tmx(tuOf('2', 'One.', 'Eins.'), tuOf(undefined, 'Two.', 'Zwei.'));
    const document = tmxFormat.parse(text, 'keyclash.tmx');
    expect(document.units.map((u) => [u.key, u.target])).toEqual([
      ['2', 'Eins.'],
      ['#2', 'Zwei.'],
    ]);
    expect(tmxFormat.write(document, [])).toBe(text);
    expect(tmxFormat.write(document, [{ key: '#2', text: 'Zwo.', status: 'edited' }])).toBe(text.replace('Zwei.', 'Zwo.'));
    expect(tmxFormat.write(document, [{ key: '2', text: 'Ein.', status: 'edited' }])).toBe(text.replace('Eins.', 'Ein.'));
  });

  it('also when the tuid comes later, and when “#n” is itself a tuid', () => {
    const later = tmxFormat.parse(tmx(tuOf(undefined, 'a', 'b'), tuOf('1', 'c', 'd')), 'x.tmx');
    expect(later.units.map((u) => u.key)).toEqual(['#1', '1']);
    const both = tmxFormat.parse(tmx(tuOf('#2', 'a', 'b'), tuOf(undefined, 'c', 'd'), tuOf('2', 'e', 'f')), 'x.tmx');
    expect(both.units.map((u) => u.key)).toEqual(['#2', '##2', '2']);
  });

  it('keeps the keys it always gave where nothing collides (documents stored before map the same)', () => {
    const document = tmxFormat.parse(tmx(tuOf('kz-1', 'a', 'b'), tuOf(undefined, 'c', 'd'), tuOf('9', 'e', 'f')), 'x.tmx');
    expect(document.units.map((u) => u.key)).toEqual(['kz-1', '2', '9']);
  });

  it('property: any mix of numeric, “#n” and missing tuids reads with distinct keys, tuids kept, and writes back exactly', () => {
    const tuid = fc.option(fc.oneof(fc.integer({ min: 1, max: 6 }).map(String), fc.integer({ min: 1, max: 6 }).map((n) => `#${n}`)), { nil: undefined });
    fc.assert(
      fc.property(fc.array(tuid, { minLength: 1, maxLength: 6 }), fc.nat(), (ids, pick) => {
        const given = ids.filter((id) => id !== undefined);
        fc.pre(new Set(given).size === given.length); // a tuid used twice is refused (above)
        const text = tmx(...ids.map((id, i) => tuOf(id, `s${i}`, `t${i}`)));
        const document = tmxFormat.parse(text, 'g.tmx');
        const keys = document.units.map((u) => u.key);
        expect(new Set(keys).size).toBe(keys.length);
        ids.forEach((id, i) => id !== undefined && expect(keys[i]).toBe(id));
        expect(tmxFormat.write(document, [])).toBe(text);
        const i = pick % ids.length;
        expect(tmxFormat.write(document, [{ key: keys[i]!, text: 'new', status: 'edited' }])).toBe(text.replace(`t${i}<`, 'new<'));
      }),
      { numRuns: 300 },
    );
  });
});
