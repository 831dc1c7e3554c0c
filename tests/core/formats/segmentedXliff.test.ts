import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForContent, formatForFile } from '../../../core/formats/registry';
import { TAG_BASE, tagChar, type ParsedDocument, type ReviewedUnit } from '../../../core/formats/types';
import { sdlxliffFormat, WRITTEN, xliffFormat, type XliffSkeleton } from '../../../core/formats/xliff';
import { writtenOrigin } from '../../../core/formats/xliff/sdlOrigin';
import { badInput } from '../../support/thrown';
import { onlyChange } from '../../support/onlyChange';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const show = (text: string | null | undefined) => text?.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
const tags = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

describe('SDLXLIFF', () => {
  const text = fixture('review.sdlxliff');
  const document = sdlxliffFormat.parse(text, 'review.sdlxliff');

  it('is registered by extension and recognised by content', () => {
    expect(formatForFile('report.docx.sdlxliff').id).toBe('sdlxliff');
    expect(formatForContent(text)?.id).toBe('sdlxliff');
  });

  it('reads a unit per segment marker, with Trados’ confirmation, origin, match and lock shown', () => {
    expect(document.format).toBe('sdlxliff');
    expect(document.units.map((u) => ({ key: u.key, source: show(u.source), target: show(u.target), state: u.state, notes: u.notes }))).toEqual([
      {
        key: '0a1b2c3d-0000-4000-8000-000000000002/1',
        source: 'Ситуация в Казахстане остаётся напряжённой.',
        target: 'The situation in Kazakhstan remains tense .',
        state: 'Draft',
        notes: ['Trados: Draft, machine translation (DeepL)'],
      },
      {
        key: '0a1b2c3d-0000-4000-8000-000000000002/2',
        source: 'Власти обратились к {0}ОДКБ{1} за помощью.',
        target: 'The authorities asked the {0}CSTO{1} for help.',
        state: 'Translated',
        notes: ['Trados: Translated, machine translation (DeepL)'],
      },
      {
        key: '0a1b2c3d-0000-4000-8000-000000000003/3',
        source: 'Аэропорт Алматы был захвачен.',
        target: 'The airport of Almaty was seized.',
        state: 'ApprovedTranslation',
        notes: ['Trados: ApprovedTranslation, translation memory, 100 % match, locked'],
      },
      // A segment Trados says nothing of (no confirmation, origin or lock) has no note.
      { key: '0a1b2c3d-0000-4000-8000-000000000004/4', source: 'Погибли тринадцать силовиков.', target: '', state: null, notes: [] },
    ]);
  });

  it('writes an untouched file back byte for byte', () => {
    expect(sdlxliffFormat.write(document, [])).toBe(text);
    const untouched = document.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' }));
    expect(sdlxliffFormat.write(document, untouched)).toBe(text);
  });

  it('writes an edit into its <mrk> and its origin (now the translator’s), and the confirmation level into its sdl:seg', () => {
    const key = '0a1b2c3d-0000-4000-8000-000000000002/2';
    const edited = sdlxliffFormat.write(document, [{ key, text: tags('The authorities asked the {0}CSTO{1} for assistance.'), status: 'confirmed' }]);
    expect(edited).toBe(
      text
        .replace('CSTO</g> for help.', 'CSTO</g> for assistance.')
        .replace(
          '<sdl:seg id="2" conf="Translated" origin="mt" origin-system="DeepL"/>',
          '<sdl:seg id="2" conf="Translated" origin="interactive"><sdl:prev-origin origin="mt" origin-system="DeepL"/></sdl:seg>',
        ),
    );
    const confirmed = sdlxliffFormat.write(document, [{ key, text: document.units[1]!.target, status: 'approved' }]);
    expect(onlyChange(text, confirmed)).toEqual(['Translated', 'ApprovedTranslation']);
    // Reset to not started: Draft, as Trados leaves unreviewed MT.
    const reset = sdlxliffFormat.write(document, [{ key, text: document.units[1]!.target, status: 'not_started' }]);
    expect(onlyChange(text, reset)).toEqual(['Translated', 'Draft']);
    expect(sdlxliffFormat.parse(reset, 'review.sdlxliff').units[1]?.status ?? 'not_started').toBe('not_started');
    const first = sdlxliffFormat.write(document, [{ key: '0a1b2c3d-0000-4000-8000-000000000002/1', text: 'The situation remains tense.', status: 'confirmed' }]);
    expect(first).toContain('<mrk mtype="seg" mid="1">The situation remains tense.</mrk>');
    expect(first).toContain('<sdl:seg id="1" conf="Translated" origin="interactive"><sdl:prev-origin origin="mt" origin-system="DeepL"/></sdl:seg>');
    const empty = sdlxliffFormat.write(document, [{ key: '0a1b2c3d-0000-4000-8000-000000000004/4', text: 'Thirteen officers died.', status: 'edited' }]);
    // A segment without an origin, filled by the editor, is the translator's, as Trados makes it.
    expect(empty).toContain('<target><mrk mtype="seg" mid="4">Thirteen officers died.</mrk></target><sdl:seg-defs><sdl:seg id="4" conf="Draft" origin="interactive"/>');
    // Without a <target> at all, a status set on it, its text still empty: the segment is written (empty) with
    // the confirmation level, not a level for a segment the file does not have.
    const noTarget = text.replace('<target><mrk mtype="seg" mid="4"/></target>', '');
    const stated = sdlxliffFormat.write(sdlxliffFormat.parse(noTarget, 'review.sdlxliff'), [{ key: '0a1b2c3d-0000-4000-8000-000000000004/4', text: '', status: 'confirmed' }]);
    expect(stated).toContain('<target><mrk mtype="seg" mid="4"></mrk></target><sdl:seg-defs><sdl:seg id="4" conf="Translated"/>');
  });

  it('copies the source into an empty segment on request, written once the editor confirms it', () => {
    const copied = sdlxliffFormat.parse(text, 'review.sdlxliff', { missingTargets: 'source' });
    const key = '0a1b2c3d-0000-4000-8000-000000000004/4';
    expect(copied.units[3]?.target).toBe('Погибли тринадцать силовиков.');
    expect(copied.units.slice(0, 3)).toEqual(document.units.slice(0, 3));
    expect(sdlxliffFormat.write(copied, [])).toBe(text);
    // Confirmed as it is: Trados is told it is a copy of the source, as its own Copy Source to Target records it.
    const confirmed = sdlxliffFormat.write(copied, [{ key, text: copied.units[3]!.target, status: 'confirmed' }]);
    expect(confirmed).toContain(
      '<mrk mtype="seg" mid="4">Погибли тринадцать силовиков.</mrk></target><sdl:seg-defs><sdl:seg id="4" conf="Translated" origin="source"/>',
    );
    expect(sdlxliffFormat.parse(confirmed, 'review.sdlxliff').units[3]?.notes).toEqual(['Trados: Translated, copied from the source']);
    // Edited, it is the translator's; left at its imported status, nothing is written.
    const edited = sdlxliffFormat.write(copied, [{ key, text: 'Thirteen officers died.', status: 'confirmed' }]);
    expect(edited).toContain('<sdl:seg id="4" conf="Translated" origin="interactive"/>');
    expect(sdlxliffFormat.write(copied, [{ key, text: copied.units[3]!.target, status: 'not_started' }])).toBe(text);
  });

  it('writes a locked segment back as it came, and refuses an edit to its text in one line', () => {
    const key = '0a1b2c3d-0000-4000-8000-000000000003/3';
    expect(sdlxliffFormat.write(document, [{ key, text: document.units[2]!.target, status: 'rejected' }])).toBe(text);
    expect(badInput(() => sdlxliffFormat.write(document, [{ key, text: 'Changed.', status: 'edited' }]))).toBe(
      `Segment "${key}" is locked in the file (Trados), so its text cannot be written: undo the edit to it, or export as CSV to keep it.`,
    );
  });

  it('maps review statuses to confirmation levels', () => {
    expect(Object.fromEntries(Object.entries(WRITTEN.sdl).map(([status, written]) => [status, written.state]))).toEqual({
      not_started: 'Draft',
      edited: 'Draft',
      confirmed: 'Translated',
      approved: 'ApprovedTranslation',
      rejected: 'RejectedTranslation',
    });
  });

  it('refuses a malformed SDLXLIFF, and an XLIFF without Trados’ namespace, in one line', () => {
    expect(badInput(() => sdlxliffFormat.parse(fixture('broken.sdlxliff'), 'broken.sdlxliff'))).toMatch(
      /^broken\.sdlxliff is not well-formed XML: line 7, column \d+: [^\n]+$/,
    );
    expect(badInput(() => sdlxliffFormat.parse(fixture('segmented-1.2.xlf'), 'plain.sdlxliff'))).toMatch(/^plain\.sdlxliff is not an SDLXLIFF file/);
  });
});

describe('SDLXLIFF comments', () => {
  const DOC_INFO =
    '<doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><cmt-defs>' +
    '<cmt-def id="c1"><Comments><Comment severity="Medium" user="Ana" date="2022-01-07T10:00:00.000+01:00" version="1.0">Check the CSTO name.</Comment>' +
    '<Comment severity="Low" user="Ben" version="1.0">Agreed &amp; fixed?</Comment></Comments></cmt-def>' +
    '<cmt-def id="c2"><Comments><Comment severity="Undefined" version="1.0">Tense?</Comment></Comments></cmt-def>' +
    '</cmt-defs></doc-info>';
  const text = fixture('review.sdlxliff')
    .replace('<file original=', `${DOC_INFO}\n<file original=`)
    // A comment on a word of segment 2's target, one around the whole of segment 1 in the source, one pointing at
    // no thread.
    .replace('asked the <g id="pt1">CSTO</g>', 'asked the <mrk mtype="x-sdl-comment" sdl:cid="c1"><g id="pt1">CSTO</g></mrk>')
    .replace('<mrk mtype="seg" mid="1">Ситуация', '<mrk mtype="x-sdl-comment" sdl:cid="c2"><mrk mtype="seg" mid="1">Ситуация')
    .replace('напряжённой.</mrk> <mrk mtype="seg" mid="2">Власти', 'напряжённой.</mrk></mrk> <mrk mtype="seg" mid="2">Власти')
    .replace('<mrk mtype="seg" mid="3">The airport', '<mrk mtype="seg" mid="3"><mrk mtype="x-sdl-comment" sdl:cid="gone"/>The airport');
  const document = sdlxliffFormat.parse(text, 'review.sdlxliff');

  it('are read as notes of the segments they are on: who, how serious, which day, what', () => {
    expect(document.units.map((u) => u.notes)).toEqual([
      ['Trados: Draft, machine translation (DeepL)', 'Trados comment: Tense?'],
      [
        'Trados: Translated, machine translation (DeepL)',
        'Trados comment by Ana (Medium, 2022-01-07): Check the CSTO name.',
        'Trados comment by Ben (Low): Agreed & fixed?',
      ],
      ['Trados: ApprovedTranslation, translation memory, 100 % match, locked'],
      [],
    ]);
    // A marker around a word is a pair of tags, kept like the file's other tags.
    expect(show(document.units[1]!.target)).toBe('The authorities asked the {0}{1}CSTO{2}{3} for help.');
  });

  it('stay in the file as they are, untouched and around an edit', () => {
    expect(sdlxliffFormat.write(document, [])).toBe(text);
    const key = '0a1b2c3d-0000-4000-8000-000000000002/2';
    const edited = sdlxliffFormat.write(document, [{ key, text: tags('The authorities turned to the {0}{1}CSTO{2}{3} for help.'), status: 'edited' }]);
    expect(edited).toContain('The authorities turned to the <mrk mtype="x-sdl-comment" sdl:cid="c1"><g id="pt1">CSTO</g></mrk> for help.');
    expect(edited).toContain(DOC_INFO);
  });
});

describe('SDLXLIFF tracked changes', () => {
  const sdl = (target: string): string =>
    '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ' +
    'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" ' +
    'source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body><trans-unit id="t1">' +
    '<source>The old house.</source><seg-source><mrk mtype="seg" mid="1">The old house.</mrk></seg-source>' +
    `<target><mrk mtype="seg" mid="1">${target}</mrk></target>` +
    '<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit></body></file></xliff>';
  const deleted = '<mrk mtype="x-sdl-deleted" sdl:revid="r1">neue <g id="2">sehr</g></mrk>';
  const text = sdl(`Das ${deleted}<mrk mtype="x-sdl-added" sdl:revid="r2">alte</mrk> Haus.`);
  const document = sdlxliffFormat.parse(text, 'rev.sdlxliff');

  it('offers the deleted text as one tag, never as live text; the added text stays editable', () => {
    expect(show(document.units[0]?.target)).toBe('Das {0}{1}alte{2} Haus.');
    expect(document.units[0]?.notes).toContain(
      'Trados tracked changes: the deleted text is kept as a tag and written back as it was; accept or reject the changes in Trados.',
    );
    const feedback = sdlxliffFormat.parse(sdl('Das <mrk mtype="x-sdl-feedback-deleted" sdl:revid="r3">neue</mrk>Haus.'), 'fb.sdlxliff');
    expect(show(feedback.units[0]?.target)).toBe('Das {0}Haus.');
  });

  it('writes the deletion back untouched around an edit, and refuses an edit that drops it', () => {
    expect(sdlxliffFormat.write(document, [])).toBe(text);
    const out = sdlxliffFormat.write(document, [{ key: 't1/1', text: tags('Das {0}{1}rosa{2} Haus.'), status: 'confirmed' }]);
    expect(onlyChange(text, out.replace(' origin="interactive"', ''))).toEqual(['alte', 'rosa']);
    expect(out).toContain('<sdl:seg id="1" conf="Translated" origin="interactive"/>');
    expect(badInput(() => sdlxliffFormat.write(document, [{ key: 't1/1', text: tags('Das {1}alte{2} Haus.'), status: 'confirmed' }]))).toBe(
      `Unit "t1/1": tag 1 (${deleted.slice(0, 57)}…) is missing.`,
    );
  });
});

describe('a segmented unit without a target', () => {
  const SEG_SOURCE =
    '<g id="1"><mrk mtype="seg" mid="1">First sentence.</mrk> <x id="2"/><mrk mtype="seg" mid="2">Second sentence.</mrk></g>' +
    '<x id="3"/> <mrk mtype="seg" mid="3">Third.</mrk>';
  const sdl = (target: string): string =>
    '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ' +
    'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" ' +
    'source-language="en-US" target-language="fr-FR" datatype="x-sdlfilterframework2"><body><trans-unit id="u1">' +
    '<source><g id="1">First sentence. <x id="2"/>Second sentence.</g><x id="3"/> Third.</source>' +
    `<seg-source>${SEG_SOURCE}</seg-source>${target}</trans-unit></body></file></xliff>`;
  const keys = ['u1/1', 'u1/2', 'u1/3'];
  /** A target or seg-source with its segments' contents emptied: the structure around them. */
  const structure = (xml: string) => xml.replace(/(<mrk mtype="seg" mid="\d+")(?:\/>|>[^<]*<\/mrk>)/g, '$1/>');

  it('gets a copy of the <seg-source>’s structure, each segment’s content its translation (or empty)', () => {
    for (const target of ['', '<target/>', '<target></target>']) {
      const text = sdl(target);
      const document = sdlxliffFormat.parse(text, 'multi.sdlxliff');
      expect(document.units.map((u) => [u.key, u.source, u.target])).toEqual([
        ['u1/1', 'First sentence.', ''],
        ['u1/2', 'Second sentence.', ''],
        ['u1/3', 'Third.', ''],
      ]);
      expect(sdlxliffFormat.write(document, [])).toBe(text);
      const out = sdlxliffFormat.write(document, [{ key: 'u1/1', text: 'Première phrase.', status: 'edited' }]);
      expect(out).toContain(
        '</seg-source><target><g id="1"><mrk mtype="seg" mid="1">Première phrase.</mrk> <x id="2"/><mrk mtype="seg" mid="2"/></g>' +
          '<x id="3"/> <mrk mtype="seg" mid="3"/></target></trans-unit>',
      );
    }
  });

  it('any segments filled: the new target reads back with their texts, its structure that of the <seg-source> (property)', () => {
    const document = sdlxliffFormat.parse(sdl(''), 'multi.sdlxliff');
    fc.assert(
      fc.property(fc.array(fc.option(segmentText, { nil: undefined }), { minLength: 3, maxLength: 3 }), (texts) => {
        const reviewed = texts.flatMap((typed, i) => (typed === undefined ? [] : [{ key: keys[i]!, text: typed, status: 'edited' as const }]));
        const out = sdlxliffFormat.write(document, reviewed);
        const reparsed = sdlxliffFormat.parse(out, 'multi.sdlxliff');
        expect(reparsed.units.map((u) => u.target)).toEqual(texts.map((typed) => typed ?? ''));
        const target = /<target>([\s\S]*)<\/target>/.exec(out)?.[1];
        if (reviewed.some((r) => r.text !== '')) expect(structure(target ?? '')).toBe(structure(SEG_SOURCE));
      }),
      { numRuns: 200 },
    );
  });
});

describe('segmented XLIFF 1.2 (other tools)', () => {
  const text = fixture('segmented-1.2.xlf');
  const document = xliffFormat.parse(text, 'segmented-1.2.xlf');

  it('reads one unit per <mrk mtype="seg">, and whole units where there is no <seg-source>', () => {
    expect(document.units.map((u) => [u.key, show(u.source), show(u.target)])).toEqual([
      ['tu1/0', 'Власти ввели режим ЧС.', 'The authorities introduced a state of emergency.'],
      ['tu1/1', 'Интернет {0}отключён{1}.', 'The Internet is {0}cut off{1}.'],
      ['tu2', 'Без сегментации.', 'Without segmentation.'],
    ]);
  });

  it('round-trips untouched byte for byte, and an edit changes exactly its <mrk>’s content (the shared state stays)', () => {
    expect(xliffFormat.write(document, [])).toBe(text);
    const out = xliffFormat.write(document, [{ key: 'tu1/1', text: tags('The Internet has been {0}cut off{1}.'), status: 'confirmed' }]);
    expect(onlyChange(text, out)).toEqual(['is', 'has been']);
  });

  it('refuses a malformed one in one line', () => {
    const broken = text.replace('<mrk mid="1" mtype="seg">The Internet', '<mrk mid="1" mtype="seg">The <Internet');
    expect(badInput(() => xliffFormat.parse(broken, 'broken.xlf'))).toMatch(/^broken\.xlf is not well-formed XML: line 8, column \d+: [^\n]+$/);
  });
});

describe('partly translated XLIFF', () => {
  it('1.2: units without target are empty targets to fill (or the source, on request), written back only when filled', () => {
    const text = fixture('partial-1.2.xlf');
    const document = xliffFormat.parse(text, 'partial-1.2.xlf');
    expect(document.units.map((u) => [u.key, show(u.target)])).toEqual([
      ['greeting', 'Hallo, {0}!'],
      ['farewell', ''],
      ['#3', ''],
    ]);
    expect(xliffFormat.write(document, [])).toBe(text);
    const filled = xliffFormat.write(document, [{ key: 'farewell', text: 'Auf Wiedersehen.', status: 'confirmed' }]);
    // The new <target> on a line of its own, indented as the <source> before it.
    const farewell = (target: string) => `<source>Goodbye.</source>\n        ${target}\n      </trans-unit>`;
    expect(onlyChange(text, filled)[0]).toBe('');
    expect(filled).toContain(farewell('<target state="translated">Auf Wiedersehen.</target>'));
    const unnamed = xliffFormat.write(document, [{ key: '#3', text: 'Einheit ohne Namen.', status: 'edited' }]);
    expect(onlyChange(text, unnamed)[0]).toBe('');
    expect(unnamed).toContain('\n        <target state="needs-review-translation" state-qualifier="x-redline-edited">Einheit ohne Namen.</target>\n');
    // translate="no" is kept as it is, never offered.
    expect(filled).toContain('<trans-unit id="brand" translate="no">\n        <source>Redline</source>\n      </trans-unit>');

    const copied = xliffFormat.parse(text, 'partial-1.2.xlf', { missingTargets: 'source' });
    expect(copied.units.map((u) => u.target)).toEqual([tags('Hallo, {0}!'), 'Goodbye.', 'Unnamed unit.']);
    expect(xliffFormat.write(copied, [])).toBe(text);
    expect(xliffFormat.write(copied, [{ key: 'farewell', text: 'Goodbye.', status: 'approved' }])).toBe(
      text.replace('<source>Goodbye.</source>', '<source>Goodbye.</source>\n        <target state="signed-off">Goodbye.</target>'),
    );
  });

  it('2.0: a segment without target gets one after its source; the state goes on the segment', () => {
    const text = fixture('partial-2.0.xlf');
    const document = xliffFormat.parse(text, 'partial-2.0.xlf');
    expect(document.units.map((u) => [u.key, show(u.source), show(u.target)])).toEqual([
      ['u1/s1', 'Open the file.', 'Öffnen Sie die Datei.'],
      ['u1/s2', 'Save {0} it.', ''],
    ]);
    expect(xliffFormat.write(document, [])).toBe(text);
    const out = xliffFormat.write(document, [{ key: 'u1/s2', text: tags('Speichern Sie {0} sie.'), status: 'not_started' }]);
    expect(out).toBe(
      text.replace('<source>Save <ph id="1"/> it.</source>', '<source>Save <ph id="1"/> it.</source>\n        <target>Speichern Sie <ph id="1"/> sie.</target>'),
    );
    const reparsed = xliffFormat.parse(out, 'partial-2.0.xlf');
    expect(reparsed.units[1]?.target).toBe(tags('Speichern Sie {0} sie.'));
  });

  it('refuses malformed variants in one line', () => {
    for (const name of ['partial-1.2.xlf', 'partial-2.0.xlf']) {
      const broken = fixture(name).replace('</source>', '</sorce>');
      expect(badInput(() => xliffFormat.parse(broken, name))).toMatch(new RegExp(`^${name.replace('.', '\\.')} is not well-formed XML: line \\d+, column \\d+: [^\\n]+$`));
    }
  });
});

/**
 * The file as it must read either side of unit i's target content once that text is edited: every other slot as
 * the file had it, and unit i's Trados origin (if it records one) as a translator's edit.
 */
function aroundContent(skeleton: XliffSkeleton, i: number): { before: string; after: string } {
  let before = '';
  let after: string | null = null;
  for (const piece of skeleton.pieces) {
    let bytes: string;
    if (typeof piece === 'string') bytes = piece;
    else {
      const unit = skeleton.units[piece.unit]!;
      if (piece.unit === i && piece.part === 'content') {
        after = '';
        continue;
      }
      if (piece.part === 'origin') bytes = writtenOrigin(unit.origin!, piece.n!, piece.unit === i ? 'interactive' : null);
      else {
        const approved = unit.approval?.attr ?? '';
        bytes = { content: unit.content, state: unit.stateAttr, subState: unit.subStateAttr, approved, note: unit.note?.original ?? '' }[piece.part];
      }
    }
    if (after === null) before += bytes;
    else after += bytes;
  }
  if (after === null) throw new Error(`unit ${i} has no content slot`);
  return { before, after };
}

/** Segment texts: words, spaces, markup-significant characters. */
const segmentText = fc.stringMatching(/^[A-Za-z<>&"' ]{0,12}$/);

describe('segmented writers (property)', () => {
  const cases: Array<[string, ParsedDocument<XliffSkeleton>, string, typeof sdlxliffFormat]> = [
    ['review.sdlxliff', sdlxliffFormat.parse(fixture('review.sdlxliff'), 'review.sdlxliff'), fixture('review.sdlxliff'), sdlxliffFormat],
    ['segmented-1.2.xlf', xliffFormat.parse(fixture('segmented-1.2.xlf'), 'x.xlf'), fixture('segmented-1.2.xlf'), xliffFormat],
  ];
  for (const [name, document, , format] of cases) {
    it(`${name}: any edit of any segment changes only that segment's <mrk> content (and its Trados origin)`, () => {
      const editable = document.skeleton.units.map((u, i) => ({ u, i })).filter(({ u }) => !u.locked);
      fc.assert(
        fc.property(fc.constantFrom(...editable), segmentText, ({ u, i }, typed) => {
          // Keep the unit's tags: the typed text before them.
          const tagsOf = [...document.units[i]!.target].filter((ch) => ch.charCodeAt(0) >= TAG_BASE && ch.charCodeAt(0) < TAG_BASE + 0x1000);
          const reviewed = typed + tagsOf.join('');
          fc.pre(reviewed !== u.target);
          // The status it was imported with: only the text changes.
          const out = format.write(document, [{ key: u.key, text: reviewed, status: document.units[i]!.status ?? 'not_started' }]);
          const { before, after } = aroundContent(document.skeleton, i);
          // Every byte before and after that marker's content is the original's, but for its Trados origin.
          expect(out.slice(0, before.length)).toBe(before);
          expect(out.slice(out.length - after.length)).toBe(after);
          const reparsed = format.parse(out, name);
          expect(reparsed.units.map((r) => r.target)).toEqual(document.units.map((d, k) => (k === i ? reviewed : d.target)));
        }),
        { numRuns: 200 },
      );
    });
  }
});
