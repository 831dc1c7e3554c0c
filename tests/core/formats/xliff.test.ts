import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedDocument, type ReviewedUnit, tagChar, TAG_BASE } from '../../../core/formats/types';
import { statusOfState, WRITTEN, xliffFormat, type XliffSkeleton } from '../../../core/formats/xliff';
import { UnitError } from '../../../core/formats/units';
import { badInput, thrown } from '../../support/thrown';
import { onlyChange } from '../../support/onlyChange';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const HELP = 'help-de.xlf';
const ARTICLE = 'article-ru-de.xlf';

/** Tag characters made readable: {0}, {1} … */
const show = (text: string | null | undefined): string | null | undefined =>
  text?.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
/** The inverse of show, for writing expected texts. */
const tags = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

const parse = (text: string, name = 'test.xlf'): ParsedDocument<XliffSkeleton> => xliffFormat.parse(text, name);

/** What the file says, for comparing two parses: keys, paragraphs, texts, states and notes. */
const content = (document: ParsedDocument<XliffSkeleton>) =>
  document.units.map(({ key, paragraph, source, target, state, notes }) => ({ key, paragraph, source, target, state, notes }));

const xliff12 = (body: string, fileAttrs = 'original="t.txt" source-language="en" target-language="de" datatype="plaintext"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n` +
  `<file ${fileAttrs}><body>\n${body}\n</body></file>\n</xliff>\n`;
const xliff20 = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n` +
  `<file id="f1">\n${body}\n</file>\n</xliff>\n`;

describe('xliffFormat', () => {
  it('registers as the bilingual XLIFF handler', () => {
    expect(xliffFormat.id).toBe('xliff');
    expect(xliffFormat.extensions).toEqual(['xlf', 'xliff']);
    expect(xliffFormat.bilingual).toBe(true);
  });
});

describe('XLIFF 1.2', () => {
  const text = fixture(HELP);
  const document = parse(text, HELP);

  it('reads every trans-unit: ids, texts with tag characters, states, notes, paragraphs per file/group', () => {
    expect(document.format).toBe('xliff');
    expect(document.units.map((u) => ({ ...u, source: show(u.source), target: show(u.target) }))).toEqual([
      {
        key: 'title',
        paragraph: 1,
        source: 'Settings',
        target: 'Einstellungen',
        state: 'needs-review-translation',
        notes: ['Page title, keep it short.'],
      },
      {
        key: 'lang.choose',
        paragraph: 2,
        source: 'Choose a {0}display language{1}: English, Русский or 日本語.',
        target: 'Wählen Sie eine {0}Anzeigesprache{1}: Englisch, Русский oder 日本語.',
        state: 'needs-review-translation',
        notes: ['Language names stay in their own script (Русский, 日本語).'],
      },
      {
        key: 'lang.help',
        paragraph: 2,
        source: 'Click {0}Help{1} to open the manual.{2}It opens in a new window.',
        target: 'Klicken Sie auf {0}Hilfe{1}, um das Handbuch zu öffnen.{2}Es öffnet sich in einem neuen Fenster.',
        state: 'new',
        notes: [],
      },
      {
        key: 'changes.unsaved',
        paragraph: 3,
        // The <x id="2"/> the MT dropped is the source's own tag, numbered after the target's.
        source: 'You have {0} unsaved changes & {1}one draft.',
        target: 'Sie haben {0} ungespeicherte Änderungen & einen Entwurf.',
        state: 'translated',
        status: 'confirmed',
        notes: ['Plural forms are handled by the app.', 'Feldgröße: höchstens 60 Zeichen.'],
      },
      // No <target>: an empty one to fill.
      { key: 'changes.discard', paragraph: 3, source: 'Discard all changes?', target: '', state: null, notes: [] },
      {
        key: 'address',
        paragraph: 3,
        source: 'Line one\nLine two {0}translation{1}',
        target: 'Zeile eins\nZeile zwei {0}Übersetzung{1}',
        state: null,
        notes: [],
      },
      {
        key: 'news.1',
        paragraph: 4,
        source: 'Президент Казахстана посетил Токио (東京) в понедельник.',
        target: 'Der Präsident Kasachstans besuchte am Montag Tokio (東京).',
        state: 'needs-review-translation',
        notes: [],
      },
      {
        key: 'news.2',
        paragraph: 4,
        source: '«Мы обсудили торговлю», — сказал он.',
        target: '„Wir haben den Handel besprochen“, sagte er.',
        state: 'needs-review-translation',
        notes: ['Quotes converted to German style.'],
      },
    ]);
  });

  it('offers units without a target to fill, and skips translate="no" units and alt-trans proposals', () => {
    const keys = document.units.map((u) => u.key);
    expect(document.units.find((u) => u.key === 'changes.discard')?.target).toBe('');
    expect(keys).not.toContain('brand'); // translate="no"
    expect(document.units.map((u) => u.target).join('\n')).not.toContain('Klicken Sie auf Hilfe, um'); // alt-trans
  });

  it('remembers the exact markup of every tag', () => {
    const unit = document.skeleton.units.find((u) => u.key === 'lang.help');
    expect(unit?.tags.map((t) => [t.kind, t.markup])).toEqual([
      ['atom', '<bpt id="1">&lt;a href="/help"&gt;</bpt>'],
      ['atom', '<ept id="1">&lt;/a&gt;</ept>'],
      ['atom', '<x id="2" ctype="lb"/>'],
    ]);
    const choose = document.skeleton.units.find((u) => u.key === 'lang.choose');
    expect(choose?.tags).toEqual([
      { kind: 'open', markup: '<g id="1" ctype="bold">', partner: 1 },
      { kind: 'close', markup: '</g>', partner: 0 },
    ]);
  });

  it('writes the untouched MT back byte for byte', () => {
    expect(xliffFormat.write(document, [])).toBe(text);
    const untouched = document.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' }));
    expect(xliffFormat.write(document, untouched)).toBe(text);
  });

  it('survives a JSON round trip of the skeleton (it is stored in the database)', () => {
    const stored = JSON.parse(JSON.stringify(document)) as ParsedDocument<XliffSkeleton>;
    expect(xliffFormat.write(stored, [])).toBe(text);
  });

  it('writes a correction inside a unit with its tags kept and the state set from the review status', () => {
    const out = xliffFormat.write(document, [
      { key: 'lang.choose', text: tags('Wählen Sie eine {0}Anzeigesprache{1} aus: Englisch, Русский oder 日本語.'), status: 'confirmed' },
      { key: 'news.1', text: 'Der Präsident Kasachstans besuchte am Montag Tokio (東京).', status: 'approved' },
      { key: 'address', text: tags('Zeile eins\nZeile zwei {0}Übersetzung{1}'), status: 'edited' },
      { key: 'lang.help', text: tags('Klicken Sie auf {0}Hilfe{1}, um das Handbuch zu öffnen.{2}Es öffnet sich in einem neuen Fenster.'), status: 'rejected' },
    ]);
    expect(out).toContain(
      '<target state="translated" state-qualifier="mt-suggestion">Wählen Sie eine <g id="1" ctype="bold">Anzeigesprache</g> aus: Englisch, Русский oder 日本語.</target>',
    );
    expect(out).toContain('<target state="signed-off">Der Präsident Kasachstans besuchte am Montag Tokio (東京).</target>');
    // An unconfirmed edit and a rejection have no 1.2 state of their own: a state asking for work, qualified.
    expect(out).toContain(
      '<target state="needs-review-translation" state-qualifier="x-redline-edited">Zeile eins\nZeile zwei <mrk mtype="term">Übersetzung</mrk></target>',
    );
    expect(out).toContain('<target state="needs-translation" state-qualifier="rejected-inaccurate">Klicken Sie auf <bpt id="1">');
    // Nothing else changed: the same text with only those three spots different.
    const reparsed = parse(out, HELP);
    const expected = content(document).map((u) => {
      if (u.key === 'lang.choose') return { ...u, target: tags('Wählen Sie eine {0}Anzeigesprache{1} aus: Englisch, Русский oder 日本語.'), state: 'translated' };
      if (u.key === 'news.1') return { ...u, state: 'signed-off' };
      if (u.key === 'address') return { ...u, state: 'needs-review-translation' };
      if (u.key === 'lang.help') return { ...u, state: 'needs-translation' };
      return u;
    });
    expect(content(reparsed)).toEqual(expected);
    expect(reparsed.units.filter((u) => ['lang.choose', 'news.1', 'address', 'lang.help'].includes(u.key)).map((u) => [u.key, u.status])).toEqual([
      ['lang.choose', 'confirmed'],
      ['lang.help', 'rejected'],
      ['address', 'edited'],
      ['news.1', 'approved'],
    ]);
    const bare = (xml: string) => xml.replace(/ state(-qualifier)?="[^"]*"/g, '');
    expect(bare(out).replace(' aus:', ':')).toBe(bare(text).replace(' state-qualifier="mt-suggestion">Wählen', '>Wählen'));
  });

  it('lets the editor bring in a tag the MT dropped from the source', () => {
    const out = xliffFormat.write(document, [
      { key: 'changes.unsaved', text: tags('Sie haben {0} ungespeicherte Änderungen & {1}einen Entwurf.'), status: 'edited' },
    ]);
    expect(out).toContain('<ph id="1" ctype="x-placeholder">{count}</ph> ungespeicherte Änderungen &amp; <x id="2"/>einen Entwurf.</target>');
    // The target's own tags stay required; a source-only tag is optional.
    expect(() =>
      xliffFormat.write(document, [{ key: 'changes.unsaved', text: 'Sie haben ungespeicherte Änderungen.', status: 'edited' }]),
    ).toThrow(/Unit "changes\.unsaved": tag 1 \(<ph id="1" ctype="x-placeholder">\{count\}<\/ph>\) is missing/);
  });

  it('escapes what XML needs escaped in a corrected text', () => {
    const out = xliffFormat.write(document, [{ key: 'title', text: 'A < B & C > D ]]> "E" \'F\'\r\n', status: 'edited' }]);
    expect(out).toContain('<target state="needs-review-translation" state-qualifier="x-redline-edited">A &lt; B &amp; C &gt; D ]]&gt; "E" \'F\'&#13;\n</target>');
    expect(parse(out).units[0]?.target).toBe('A < B & C > D ]]> "E" \'F\'\r\n');
  });

  it('adds a state attribute where the target had none, and leaves the state alone for not_started', () => {
    const out = xliffFormat.write(document, [
      { key: 'address', text: tags('Zeile 1\nZeile 2 {0}Übersetzung{1}'), status: 'not_started' },
      { key: 'news.2', text: '„Wir haben über den Handel gesprochen“, sagte er.', status: 'not_started' },
    ]);
    const reparsed = parse(out);
    expect(reparsed.units.find((u) => u.key === 'address')?.state).toBeNull();
    expect(reparsed.units.find((u) => u.key === 'news.2')).toMatchObject({
      target: '„Wir haben über den Handel gesprochen“, sagte er.',
      state: 'needs-review-translation',
    });
    expect(out).toContain('<target>Zeile 1\nZeile 2 <mrk mtype="term">Übersetzung</mrk></target>');
  });

  it('maps review statuses to 1.2 states', () => {
    expect(WRITTEN.xliff1).toEqual({
      not_started: { state: 'needs-review-translation', qualifier: null },
      edited: { state: 'needs-review-translation', qualifier: 'x-redline-edited' },
      confirmed: { state: 'translated', qualifier: null },
      approved: { state: 'signed-off', qualifier: null },
      rejected: { state: 'needs-translation', qualifier: 'rejected-inaccurate' },
    });
  });

  it('writes the state of a unit reset to not started, and keeps the qualifier that says where its MT came from', () => {
    // lang.choose: needs-review-translation (not started) → confirmed → written translated; reset: nothing new.
    const choose = document.units.find((u) => u.key === 'lang.choose')!;
    expect(xliffFormat.write(document, [{ key: 'lang.choose', text: choose.target, status: 'not_started' }])).toBe(text);
    const confirmed = xliffFormat.write(document, [{ key: 'lang.choose', text: choose.target, status: 'confirmed' }]);
    expect(onlyChange(text, confirmed)).toEqual(['needs-review-translation', 'translated']); // mt-suggestion kept
    // changes.unsaved: translated (confirmed) reset to not started is written as such.
    const out = xliffFormat.write(document, [{ key: 'changes.unsaved', text: document.units.find((u) => u.key === 'changes.unsaved')!.target, status: 'not_started' }]);
    expect(onlyChange(text, out)).toEqual(['translated', 'needs-review-translation']);
    expect(parse(out).units.find((u) => u.key === 'changes.unsaved')?.status ?? 'not_started').toBe('not_started');
  });
});

describe('XLIFF 2.0', () => {
  const text = fixture(ARTICLE);
  const document = parse(text, ARTICLE);

  it('reads every segment: unit/segment keys, tags, segment states, unit notes, paragraphs', () => {
    expect(document.units.map((u) => ({ ...u, source: show(u.source), target: show(u.target) }))).toEqual([
      {
        key: 'u1/s1',
        paragraph: 1,
        source: 'Президент {0}Казахстана{1} посетил Токио.',
        target: 'Der Präsident {0}Kasachstans{1} besuchte Tokio.',
        state: 'translated',
        status: 'confirmed',
        notes: ['Überschrift: höchstens 70 Zeichen.'],
      },
      {
        key: 'u1/s2',
        paragraph: 1,
        source: 'Визит продлится три дня.{0}',
        target: 'Der Besuch dauert drei Tage.{0}',
        state: 'initial',
        notes: ['Überschrift: höchstens 70 Zeichen.'],
      },
      {
        key: 'u2', // the only segment of its unit, without an id
        paragraph: 2,
        source: '«Мы обсудили {0}торговлю{1} и 東京 2025», — сказал он.',
        target: '„Wir haben {0}den Handel{1} und 東京 2025 besprochen“, sagte er.',
        state: 'translated',
        status: 'confirmed',
        notes: ['東京 bleibt in Kanji.'],
      },
      { key: 'u3/s1', paragraph: 2, source: 'Без перевода.', target: '', state: null, notes: [] },
      { key: 'u4/a', paragraph: 2, source: 'Первое предложение.', target: 'Erster Satz.', state: null, notes: [] },
      {
        key: 'u4/#2', // one of several segments, without an id
        paragraph: 2,
        source: 'Второе {0}предложение{1}.',
        target: 'Zweiter {0}Satz{1}.',
        state: null,
        notes: [],
      },
    ]);
    expect(document.skeleton.units[0]?.tags.map((t) => t.markup)).toEqual([
      '<pc id="1" dataRefStart="d1" dataRefEnd="d2">',
      '</pc>',
    ]);
    expect(document.skeleton.units[2]?.tags.map((t) => t.markup)).toEqual(['<sc id="3"/>', '<ec startRef="3"/>']);
  });

  it('writes the untouched MT back byte for byte (CRLF line ends included)', () => {
    expect(xliffFormat.write(document, [])).toBe(text);
    const untouched = document.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' }));
    expect(xliffFormat.write(document, untouched)).toBe(text);
  });

  it('writes corrections with their tags, sets segment states and drops a subState the new state outdates', () => {
    const out = xliffFormat.write(document, [
      { key: 'u1/s1', text: tags('Der Präsident {0}Kasachstans{1} besucht Tokio.'), status: 'approved' },
      { key: 'u2', text: tags('„Wir haben {0}den Handel{1} und 東京 2025 erörtert“, sagte er.'), status: 'approved' },
      { key: 'u4/a', text: 'Der erste Satz.', status: 'edited' },
      { key: 'u4/#2', text: tags('Zweiter {0}Satz{1}.'), status: 'rejected' },
    ]);
    expect(out).toContain(
      '<segment id="s1" state="reviewed">\r\n        <source>Президент <pc id="1" dataRefStart="d1" dataRefEnd="d2">Казахстана</pc> посетил Токио.</source>\r\n' +
        '        <target>Der Präsident <pc id="1" dataRefStart="d1" dataRefEnd="d2">Kasachstans</pc> besucht Tokio.</target>',
    );
    expect(out).toContain('<segment state="reviewed">');
    expect(out).not.toContain('mt:unreviewed');
    expect(out).toContain('<target>„Wir haben <sc id="3"/>den Handel<ec startRef="3"/> und 東京 2025 erörtert“, sagte er.</target>');
    // An unconfirmed edit and a rejection: `initial`, told apart by Redline's subState.
    expect(out).toContain(
      '<segment id="a" state="initial" subState="redline:edited"><source>Первое предложение.</source><target>Der erste Satz.</target></segment>',
    );
    expect(out).toContain('<segment state="initial" subState="redline:rejected"><source>Второе');
    const reparsed = parse(out, ARTICLE);
    expect(reparsed.units.map((u) => [u.key, u.state])).toEqual([
      ['u1/s1', 'reviewed'],
      ['u1/s2', 'initial'],
      ['u2', 'reviewed'],
      ['u3/s1', null],
      ['u4/a', 'initial'],
      ['u4/#2', 'initial'],
    ]);
    expect(reparsed.units.map((u) => u.status ?? 'not_started')).toEqual(['approved', 'not_started', 'approved', 'not_started', 'edited', 'rejected']);
    expect(reparsed.units.map((u) => u.source)).toEqual(document.units.map((u) => u.source));
    expect(reparsed.units[0]?.target).toBe(tags('Der Präsident {0}Kasachstans{1} besucht Tokio.'));
  });

  it('keeps a subState when the state does not change (confirmed on a translated segment), and the state for not_started', () => {
    const out = xliffFormat.write(document, [
      { key: 'u2', text: tags('„Wir haben {0}den Handel{1} besprochen“, sagte er.'), status: 'confirmed' },
      { key: 'u1/s2', text: tags('Der Besuch dauert drei Tage.{0}'), status: 'not_started' },
    ]);
    expect(out).toContain('<segment state="translated" subState="mt:unreviewed">');
    expect(out).toContain('<segment id="s2" state="initial">');
  });

  it('maps review statuses to 2.0 states', () => {
    expect(WRITTEN.xliff2).toEqual({
      not_started: { state: 'initial', qualifier: null },
      edited: { state: 'initial', qualifier: 'redline:edited' },
      confirmed: { state: 'translated', qualifier: null },
      approved: { state: 'reviewed', qualifier: null },
      rejected: { state: 'initial', qualifier: 'redline:rejected' },
    });
  });

  it('writes initial for a segment reset to not started, dropping the subState the old state had', () => {
    const out = xliffFormat.write(document, [{ key: 'u2', text: document.units.find((u) => u.key === 'u2')!.target, status: 'not_started' }]);
    expect(out).toContain('<segment state="initial">');
    expect(out).not.toContain('mt:unreviewed');
    expect(parse(out, ARTICLE).units.find((u) => u.key === 'u2')?.status ?? 'not_started').toBe('not_started');
  });
});

describe('XLIFF details', () => {
  it('keeps a file without an XML declaration, with comments and processing instructions inside targets', () => {
    const text =
      '<xliff version="1.2"><file original="a" source-language="en" target-language="de" datatype="plaintext"><body>' +
      '<trans-unit id="1"><source>a<!-- c -->b</source><target>A<!-- c -->B<?hint keep?>C<![CDATA[<D>]]></target></trans-unit>' +
      '</body></file></xliff>';
    const document = parse(text);
    expect(show(document.units[0]?.target)).toBe('A{0}B{1}C<D>');
    expect(show(document.units[0]?.source)).toBe('a{0}b');
    expect(xliffFormat.write(document, [])).toBe(text);
    const out = xliffFormat.write(document, [{ key: '1', text: tags('a{0}b{1}c<d>'), status: 'confirmed' }]);
    expect(out).toContain('<target state="translated">a<!-- c -->b<?hint keep?>c&lt;d&gt;</target>');
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const text = '\uFEFF' + xliff20('<unit id="u1">\n<segment>\n<source>a</source>\n<target>b</target>\n</segment>\n</unit>').replace(/\n/g, '\r\n');
    const document = parse(text);
    expect(document.units[0]).toMatchObject({ key: 'u1', source: 'a', target: 'b' });
    expect(xliffFormat.write(document, [])).toBe(text);
    const out = xliffFormat.write(document, [{ key: 'u1', text: 'c', status: 'confirmed' }]);
    expect(out).toBe(text.replace('<segment>', '<segment state="translated">').replace('>b<', '>c<'));
  });

  it('lets a pair of tags the MT dropped come back from the source, whole and in order', () => {
    const text = xliff20(
      '<unit id="u1"><segment><source><pc id="1">Bold</pc> and <pc id="2" type="fmt">italic</pc></source>' +
        '<target><pc id="1">Fett</pc> und kursiv</target></segment></unit>',
    );
    const document = parse(text);
    expect(show(document.units[0]?.source)).toBe('{0}Bold{1} and {2}italic{3}');
    expect(show(document.units[0]?.target)).toBe('{0}Fett{1} und kursiv');
    const write = (value: string) => xliffFormat.write(document, [{ key: 'u1', text: tags(value), status: 'edited' }]);
    expect(write('{0}Fett{1} und {2}kursiv{3}')).toContain('<target><pc id="1">Fett</pc> und <pc id="2" type="fmt">kursiv</pc></target>');
    expect(badInput(() => write('{0}Fett{1} und {2}kursiv'))).toBe(
      'Unit "u1": tag 4 (</pc>) (closing tag 3 (<pc id="2" type="fmt">)) is missing.',
    );
    expect(badInput(() => write('{0}Fett{1} und kursiv{3}'))).toMatch(/tag 4 \(<\/pc>\) has no opening tag 3/);
  });

  it('opens a self-closed <target/> when a text is written into it', () => {
    const text = xliff12('<trans-unit id="1"><source>Hello</source><target state="new"/></trans-unit>');
    const document = parse(text);
    expect(document.units[0]).toMatchObject({ key: '1', target: '', state: 'new' });
    expect(xliffFormat.write(document, [{ key: '1', text: '', status: 'not_started' }])).toBe(text);
    expect(xliffFormat.write(document, [{ key: '1', text: 'Hallo', status: 'confirmed' }])).toContain(
      '<target state="translated">Hallo</target>',
    );
  });

  it('reads private-use characters already in the file as tags, so they cannot be mistaken for Redline tags', () => {
    const text = xliff12('<trans-unit id="1"><source>Icon \uE001 here</source><target>Symbol \uE001 hier <x id="1"/></target></trans-unit>');
    const document = parse(text);
    expect(show(document.units[0]?.target)).toBe('Symbol {0} hier {1}');
    expect(show(document.units[0]?.source)).toBe('Icon {0} here');
    const out = xliffFormat.write(document, [{ key: '1', text: tags('{1} Symbol {0} hier'), status: 'confirmed' }]);
    expect(out).toContain('<target state="translated"><x id="1"/> Symbol \uE001 hier</target>');
  });

  it('prefixes keys with the file number when an id repeats across <file>s, and refuses one repeated in a file', () => {
    const file = (lang: string) =>
      `<file original="${lang}.txt" source-language="en" target-language="${lang}" datatype="plaintext"><body>` +
      `<trans-unit id="1"><source>Yes</source><target>${lang}-1</target></trans-unit>` +
      `<trans-unit id="2"><source>No</source><target>${lang}-2</target></trans-unit></body></file>`;
    const text = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${file('de')}${file('fr')}</xliff>`;
    const document = parse(text);
    expect(document.units.map((u) => [u.key, u.paragraph, u.target])).toEqual([
      ['1:1', 1, 'de-1'],
      ['1:2', 1, 'de-2'],
      ['2:1', 2, 'fr-1'],
      ['2:2', 2, 'fr-2'],
    ]);
    expect(xliffFormat.write(document, [{ key: '2:1', text: 'oui', status: 'confirmed' }])).toContain(
      '<target state="translated">oui</target>',
    );
    const twice = xliff12('<trans-unit id="1"><source>a</source><target>b</target></trans-unit>\n<trans-unit id="1"><source>c</source><target>d</target></trans-unit>');
    expect(badInput(() => parse(twice, 'twice.xlf'))).toMatch(/twice\.xlf: the id "1" is used twice in the same <file> \(trans-unit "1" \(line 5\)\)/);
  });

  it('keys a trans-unit without id by its position in its file, adding nothing to the file, and reads XLIFF 1.2 without a namespace', () => {
    const text = '<xliff version="1.2"><file original="a" source-language="en" datatype="plaintext"><body>\n<trans-unit><source>a</source><target>b</target></trans-unit></body></file></xliff>';
    const document = parse(text, 'noid.xlf');
    expect(document.units.map((u) => [u.key, u.target])).toEqual([['#1', 'b']]);
    expect(xliffFormat.write(document, [{ key: '#1', text: 'c', status: 'not_started' }])).toBe(text.replace('<target>b</target>', '<target>c</target>'));
  });

  it('refuses reviewed texts for units the file does not have, or given twice', () => {
    const document = parse(fixture(HELP), HELP);
    expect(badInput(() => xliffFormat.write(document, [{ key: 'nope', text: 'x', status: 'edited' }]))).toMatch(/no unit "nope"/);
    expect(
      badInput(() =>
        xliffFormat.write(document, [
          { key: 'title', text: 'x', status: 'edited' },
          { key: 'title', text: 'y', status: 'edited' },
        ]),
      ),
    ).toMatch(/"title" was given twice/);
  });
});

describe('XLIFF errors', () => {
  it('names the file, line and column of malformed XML', () => {
    expect(badInput(() => parse(fixture('malformed-1.2.xlf'), 'malformed-1.2.xlf'))).toBe(
      'malformed-1.2.xlf is not well-formed XML: line 7, column 56: unexpected close tag.',
    );
    expect(badInput(() => parse(fixture('malformed-2.0.xlf'), 'malformed-2.0.xlf'))).toBe(
      'malformed-2.0.xlf is not well-formed XML: line 6, column 22: a bare "&" (write it as &amp;).',
    );
    expect(badInput(() => parse('', 'empty.xlf'))).toMatch(/^empty\.xlf is not well-formed XML/);
    expect(badInput(() => parse('<xliff version="1.2"><file>', 'cut.xlf'))).toMatch(/^cut\.xlf is not well-formed XML: line 1, column \d+/);
  });

  it('refuses a file that is not XLIFF, or of a version it does not know', () => {
    expect(badInput(() => parse(fixture('not-xliff.tmx'), 'memory.tmx'))).toBe(
      'memory.tmx is not an XLIFF file: its root element is <tmx>, not <xliff>.',
    );
    expect(badInput(() => parse('<html><body/></html>', 'page.xlf'))).toMatch(/root element is <html>/);
    expect(badInput(() => parse('<xliff version="3.0"><file/></xliff>', 'v3.xlf'))).toMatch(/XLIFF version "3\.0" is not supported/);
  });

  it('reads an XLIFF without any target as targets to fill, and refuses one with nothing to review', () => {
    expect(parse(fixture('no-targets.xlf'), 'no-targets.xlf').units.map((u) => [u.key, u.source, u.target])).toEqual([
      ['1', 'Good morning.', ''],
      ['2', 'Good night.', ''],
    ]);
    expect(parse(xliff20('<unit id="u1"><segment><source>a</source></segment></unit>'), 'src.xlf').units.map((u) => u.target)).toEqual(['']);
    expect(badInput(() => parse(xliff12(''), 'nothing.xlf'))).toBe('nothing.xlf has no translation units (<trans-unit>).');
    expect(badInput(() => parse(xliff20('<unit id="u1"><ignorable><source>A.</source></ignorable></unit>'), 'ig.xlf'))).toBe(
      'ig.xlf has no translation units (<segment> in a <unit>).',
    );
    expect(
      badInput(() => parse(xliff12('<trans-unit id="1" translate="no"><source>a</source><target>a</target></trans-unit>'), 'no.xlf')),
    ).toMatch(/nothing to review/);
  });

  it('never resolves external entities (XXE) or entity declarations, and ignores a DOCTYPE naming a DTD', () => {
    const message = badInput(() => parse(fixture('xxe.xlf'), 'xxe.xlf'));
    expect(message).toBe(
      'xxe.xlf has declarations in its DOCTYPE (line 2), where XML entities are declared; Redline never expands entities, so it does not open such files.',
    );
    expect(message).not.toMatch(/root:/);
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>&lol2;</target></trans-unit></body></file></xliff>';
    expect(badInput(() => parse(laughs, 'laughs.xlf'))).toMatch(/has declarations in its DOCTYPE/);
    const parameter = '<!DOCTYPE xliff [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]><xliff version="1.2"/>';
    expect(badInput(() => parse(parameter, 'param.xlf'))).toMatch(/has declarations in its DOCTYPE/);

    // A DOCTYPE that only names the XLIFF 1.2 DTD is kept as text, never fetched; an entity it would define is
    // simply unknown.
    const dtd = '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n';
    const withDtd = xliff12('<trans-unit id="1"><source>a</source><target>b</target></trans-unit>').replace('\n', `\n${dtd}`);
    expect(xliffFormat.write(parse(withDtd), [])).toBe(withDtd);
    expect(badInput(() => parse(withDtd.replace('<target>b', '<target>&nbsp;b'), 'nbsp.xlf'))).toMatch(
      /^nbsp\.xlf is not well-formed XML: line \d+, column \d+: undefined entity &nbsp; \(XML knows only &amp; &lt; &gt; &quot; &apos;: write the character itself, or a character reference such as &#160;\)\.$/,
    );
  });

  describe('reviewed texts whose tags do not match the unit', () => {
    const document = parse(fixture(HELP), HELP);
    const write = (key: string, text: string) => () => xliffFormat.write(document, [{ key, text: tags(text), status: 'confirmed' }]);

    it('a missing tag', () => {
      expect(badInput(write('lang.help', 'Klicken Sie auf {0}Hilfe{1}, um das Handbuch zu öffnen.'))).toBe(
        'Unit "lang.help": tag 3 (<x id="2" ctype="lb"/>) is missing.',
      );
      expect(badInput(write('lang.choose', 'Wählen Sie eine {0}Anzeigesprache: Englisch.'))).toBe(
        'Unit "lang.choose": tag 2 (</g>) (closing tag 1 (<g id="1" ctype="bold">)) is missing.',
      );
    });

    it('a duplicated tag', () => {
      expect(badInput(write('lang.help', '{0}Hilfe{1}{2}{2}'))).toBe('Unit "lang.help": tag 3 (<x id="2" ctype="lb"/>) appears more than once.');
    });

    it('an unknown tag', () => {
      expect(badInput(write('title', 'Einstellungen{7}'))).toBe('Unit "title": tag 8 is not one of the unit\'s tags.');
    });

    it('a close tag before its open tag, and crossed pairs', () => {
      expect(badInput(write('lang.choose', 'Wählen Sie eine {1}Anzeigesprache{0}.'))).toBe(
        'Unit "lang.choose": tag 2 (</g>) has no opening tag 1 (<g id="1" ctype="bold">) before it.',
      );
      const nested = parse(xliff12('<trans-unit id="n"><source>x</source><target><g id="1">a<g id="2">b</g>c</g></target></trans-unit>'));
      expect(badInput(() => xliffFormat.write(nested, [{ key: 'n', text: tags('{0}a{1}b{3}c{2}'), status: 'edited' }]))).toMatch(
        /^Unit "n": tag 4 \(<\/g>\) does not close the innermost open tag tag 2 \(<g id="2">\): tags overlap\.$/,
      );
    });

    it('a character XML cannot hold', () => {
      expect(badInput(write('title', 'Ein\u0001stellungen'))).toBe('Unit "title": the text contains U+0001, a character XML cannot hold.');
    });

    it('each refused with the unit’s key and what is wrong apart, for the caller to name the sentence', () => {
      const error = thrown(write('lang.choose', 'Wählen Sie eine Anzeigesprache.'));
      expect(error).toBeInstanceOf(UnitError);
      expect([(error as UnitError).unit, (error as UnitError).detail]).toEqual(['lang.choose', 'tag 1 (<g id="1" ctype="bold">) is missing.']);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: generated units (text with tags) survive parse → write → parse, in 1.2 and 2.0.

type Part = { text: string } | { pair: Part[] } | { atom: true };

const CHARS = [...'aZ09 .,;!?-—«»„“\'"<>&/=]ÄäöüßЖжЯя東京語日本\t\n\r', '😀', ']]>', '&amp;', '\u00A0'];
const textArb = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 });
const partsArb: fc.Arbitrary<Part[]> = fc.letrec<{ parts: Part[]; part: Part }>((tie) => ({
  parts: fc.array(tie('part'), { maxLength: 5 }),
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((text): Part => ({ text })),
    fc.constant<Part>({ atom: true }),
    tie('parts').map((parts): Part => ({ pair: parts })),
  ),
})).parts;

const escapeXml = (text: string): string =>
  text.replace(/[&<>\r]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[ch] as string);

/** Renders parts as 1.2 or 2.0 markup and as the text Redline shows (tags numbered in order of appearance). */
function render(parts: Part[], model: 1 | 2, texts: () => string): { markup: string; shown: string } {
  let tag = 0;
  let id = 0;
  const walk = (list: Part[]): { markup: string; shown: string } => {
    let markup = '';
    let shown = '';
    for (const part of list) {
      if ('text' in part) {
        const text = texts();
        markup += escapeXml(text);
        shown += text;
      } else if ('atom' in part) {
        id += 1;
        markup += model === 1 ? (id % 2 ? `<x id="${id}"/>` : `<ph id="${id}">&lt;br/&gt;</ph>`) : `<ph id="${id}" dataRef="d"/>`;
        shown += tagChar(tag++);
      } else {
        id += 1;
        const open = tag++;
        const name = model === 1 ? 'g' : 'pc';
        const inner = walk(part.pair);
        markup += `<${name} id="${id}">${inner.markup}</${name}>`;
        shown += tagChar(open) + inner.shown + tagChar(tag++);
      }
    }
    return { markup, shown };
  };
  return walk(parts);
}

const STATUSES = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'] as const;

/** Editor notes: markup characters, line ends of every kind, space to trim, a character XML cannot hold. */
const noteArb = fc.string({ unit: fc.constantFrom(...'aZ Ж東<>&"\'\t\n\r', '\u0001', ']]>', '😀'), maxLength: 10 });
/** The editor's note the file must read back: notes without what XML cannot hold, line ends as \n, trimmed, one a line. */
const redlineNote = (notes: readonly string[]): string[] => {
  const joined = notes
    .map((n) => n.replaceAll('\u0001', '').replace(/\r\n?/g, '\n').trim())
    .filter((n) => n !== '')
    .join('\n');
  return joined === '' ? [] : [joined];
};

describe('XLIFF property', () => {
  it('generated units with tags and notes survive parse → write → parse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 2 as const),
        fc.array(
          fc.record({
            parts: partsArb,
            texts: fc.array(textArb, { minLength: 40, maxLength: 40 }),
            state: fc.option(fc.constantFrom('new', 'translated', 'initial', 'final', 'signed-off', 'reviewed', 'needs-review-translation'), { nil: null }),
            status: fc.constantFrom(...STATUSES),
            notes: fc.array(noteArb, { maxLength: 2 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (model, generated) => {
          const units = generated.map((unit, index) => {
            let n = 0;
            const fromOriginal = () => `s${index}`;
            const source = render(unit.parts, model, fromOriginal);
            // The MT: the same structure, text of its own.
            const target = render(unit.parts, model, () => (n % 2 ? '' : 'mt') + String(n++));
            let m = 0;
            const reviewed = render(unit.parts, model, () => unit.texts[m++ % unit.texts.length] ?? '');
            return { ...unit, key: `u${index}`, source, target, reviewed };
          });
          const state = (s: string | null) => (s === null ? '' : ` state="${s}"`);
          const text =
            model === 1
              ? xliff12(
                  units
                    .map((u) => `<trans-unit id="${u.key}"><source>${u.source.markup}</source><target${state(u.state)}>${u.target.markup}</target></trans-unit>`)
                    .join('\n'),
                )
              : xliff20(
                  units
                    .map((u) => `<unit id="${u.key}"><segment${state(u.state)}><source>${u.source.markup}</source><target>${u.target.markup}</target></segment></unit>`)
                    .join('\n'),
                );
          const document = parse(text);
          expect(content(document)).toEqual(
            units.map((u) => ({ key: u.key, paragraph: 1, source: u.source.shown, target: u.target.shown, state: u.state, notes: [] })),
          );
          expect(xliffFormat.write(document, [])).toBe(text);

          const withoutNotes = units.map((u): ReviewedUnit => ({ key: u.key, text: u.reviewed.shown, status: u.status }));
          const withNotes = units.map((u): ReviewedUnit => ({ key: u.key, text: u.reviewed.shown, status: u.status, notes: u.notes }));
          const written = xliffFormat.write(document, withNotes);
          const reparsed = parse(written);
          expect(content(reparsed)).toEqual(
            units.map((u) => ({
              key: u.key,
              paragraph: 1,
              source: u.source.shown,
              target: u.reviewed.shown,
              // The file's state stays while the status is the one it was imported as; else the status's own.
              state:
                u.status === statusOfState(model === 1 ? 'xliff1' : 'xliff2', u.state) ? u.state : WRITTEN[model === 1 ? 'xliff1' : 'xliff2'][u.status].state,
              // The editor's notes come back as the unit's editor note, not as a note of the file.
              notes: [],
            })),
          );
          expect(reparsed.units.map((u) => u.editorNote)).toEqual(units.map((u) => redlineNote(u.notes)[0]));
          // Every status reads back as itself.
          expect(reparsed.units.map((u) => u.status ?? 'not_started')).toEqual(units.map((u) => u.status));
          // The tags' markup survives, and writing the result untouched gives it back.
          expect(reparsed.skeleton.units.map((u) => u.tags)).toEqual(document.skeleton.units.map((u) => u.tags));
          expect(xliffFormat.write(reparsed, [])).toBe(written);
          // Exported again, the Redline note is kept while the notes are the same, and goes with them.
          expect(xliffFormat.write(reparsed, withNotes)).toBe(written);
          // And so it is with the notes read back as the editor's (what import stores): the same bytes.
          const readBack = reparsed.units.map((u): ReviewedUnit => ({
            key: u.key,
            text: u.target,
            status: u.status ?? 'not_started',
            notes: u.editorNote === undefined ? [] : [u.editorNote],
          }));
          expect(xliffFormat.write(reparsed, readBack)).toBe(written);
          expect(xliffFormat.write(reparsed, withNotes.map((u) => ({ ...u, notes: [] })))).toBe(xliffFormat.write(document, withoutNotes));
        },
      ),
      { numRuns: 300 },
    );
  });
});
