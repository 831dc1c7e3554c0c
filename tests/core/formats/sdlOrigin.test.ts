import { describe, expect, it } from 'vitest';
import { sdlxliffFormat } from '../../../core/formats/xliff';

/**
 * What Trados is told of a segment the editor changed: its origin becomes the translator's (`interactive`), and
 * what it was before is kept as <sdl:prev-origin>, as Trados Studio writes it for an edit made in Studio.
 */

const segments: Array<{ mid: string; target: string; def: string }> = [
  // MT with a repetition and metadata: the whole origin (attributes and children) goes into the prev-origin.
  {
    mid: '1',
    target: 'Das Haus ist alt.',
    def:
      '<sdl:seg id="1" conf="Draft" origin="mt" origin-system="DeepL" percent="0"><sdl:rep id="r-1"/>' +
      '<sdl:value key="created_by">mt-bot</sdl:value></sdl:seg>',
  },
  // MT that came after a TM match: the older prev-origin nests inside the new one.
  {
    mid: '2',
    target: 'Der Garten ist groß.',
    def:
      "<sdl:seg id='2' conf='Translated' origin='mt' origin-system='DeepL'>" +
      "<sdl:prev-origin origin='tm' percent='85' text-match='SourceAndTarget'/></sdl:seg>",
  },
  // A TM match with a context match, self-closed.
  { mid: '3', target: 'Die Tür ist rot.', def: '<sdl:seg id="3" conf="Draft" origin="tm" percent="100" struct-match="true" text-match="SourceAndTarget"/>' },
  // Already the translator's: nothing to record.
  { mid: '4', target: 'Das Dach ist neu.', def: '<sdl:seg id="4" conf="Translated" origin="interactive"><sdl:prev-origin origin="mt"/></sdl:seg>' },
  // Left empty, no origin: the editor is the first to fill it.
  { mid: '5', target: '', def: '<sdl:seg id="5" />' },
];

const file =
  '<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ' +
  'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" ' +
  'source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>\n' +
  segments
    .map(
      ({ mid, target, def }) =>
        `<trans-unit id="t${mid}"><source>Source ${mid}.</source><seg-source><mrk mtype="seg" mid="${mid}">Source ${mid}.</mrk></seg-source>` +
        `<target><mrk mtype="seg" mid="${mid}">${target}</mrk></target>\n  <sdl:seg-defs>${def}</sdl:seg-defs>\n</trans-unit>\n`,
    )
    .join('') +
  '</body></file></xliff>\n';

const document = sdlxliffFormat.parse(file, 'origin.sdlxliff');
const key = (mid: string) => `t${mid}/${mid}`;
const targetOf = (mid: string) => document.units.find((u) => u.key === key(mid))!.target;

describe('SDLXLIFF: the origin of an edited segment', () => {
  it('an untouched file, and statuses changed without an edit, keep every origin as it was', () => {
    expect(sdlxliffFormat.write(document, [])).toBe(file);
    const confirmed = sdlxliffFormat.write(document, [{ key: key('1'), text: targetOf('1'), status: 'confirmed' }]);
    expect(confirmed).toBe(file.replace('<sdl:seg id="1" conf="Draft"', '<sdl:seg id="1" conf="Translated"'));
  });

  it('an edited MT segment is the translator’s, the MT kept as its prev-origin with its children', () => {
    const out = sdlxliffFormat.write(document, [{ key: key('1'), text: 'Das Haus ist sehr alt.', status: 'confirmed' }]);
    expect(out).toBe(
      file
        .replace('>Das Haus ist alt.<', '>Das Haus ist sehr alt.<')
        .replace(
          segments[0]!.def,
          '<sdl:seg id="1" conf="Translated" origin="interactive"><sdl:rep id="r-1"/>' +
            '<sdl:prev-origin origin="mt" origin-system="DeepL" percent="0"><sdl:rep id="r-1"/><sdl:value key="created_by">mt-bot</sdl:value></sdl:prev-origin>' +
            '<sdl:value key="created_by">mt-bot</sdl:value></sdl:seg>',
        ),
    );
    // The other segments, unedited, keep theirs.
    for (const { def } of segments.slice(1)) expect(out).toContain(def);
  });

  it('writes the same from the skeleton as the store keeps it (JSON)', () => {
    const stored = JSON.parse(JSON.stringify(document)) as typeof document;
    const edits = segments.map(({ mid, target }) => ({ key: key(mid), text: `${target} Neu.`, status: 'confirmed' as const }));
    expect(sdlxliffFormat.write(stored, edits)).toBe(sdlxliffFormat.write(document, edits));
  });

  it('an older prev-origin nests inside the new one', () => {
    const out = sdlxliffFormat.write(document, [{ key: key('2'), text: 'Der Garten ist sehr groß.', status: 'confirmed' }]);
    expect(out).toContain(
      "<sdl:seg id='2' conf='Translated' origin='interactive'><sdl:prev-origin origin='mt' origin-system='DeepL'>" +
        "<sdl:prev-origin origin='tm' percent='85' text-match='SourceAndTarget'/></sdl:prev-origin></sdl:seg>",
    );
  });

  it('a TM match loses its percent and context match to the prev-origin; a translator’s segment stays as it was', () => {
    const out = sdlxliffFormat.write(document, [
      { key: key('3'), text: 'Die Tür ist blau.', status: 'not_started' },
      { key: key('4'), text: 'Das Dach ist ganz neu.', status: 'confirmed' },
    ]);
    expect(out).toContain(
      '<sdl:seg id="3" conf="Draft" origin="interactive"><sdl:prev-origin origin="tm" percent="100" struct-match="true" text-match="SourceAndTarget"/></sdl:seg>',
    );
    expect(out).toContain(segments[3]!.def);
  });

  it('a segment without an origin, left empty, becomes the translator’s once filled; left empty, stays as it was', () => {
    const filled = sdlxliffFormat.write(document, [{ key: key('5'), text: 'Das Fenster ist offen.', status: 'confirmed' }]);
    expect(filled).toContain('<sdl:seg id="5" conf="Translated" origin="interactive" />');
    expect(filled).toContain('<mrk mtype="seg" mid="5">Das Fenster ist offen.</mrk>');
    expect(sdlxliffFormat.parse(filled, 'origin.sdlxliff').units.at(-1)?.notes?.[0]).toBe('Trados: Translated, typed by a translator');
    expect(sdlxliffFormat.write(document, [{ key: key('5'), text: '', status: 'not_started' }])).toBe(file);
  });

  it('an edit changed back to the MT writes the origin as it was', () => {
    expect(sdlxliffFormat.write(document, [{ key: key('1'), text: targetOf('1'), status: 'not_started' }])).toBe(file);
  });

  it('reads back: the texts, statuses and Trados’ word on the origin', () => {
    const out = sdlxliffFormat.write(document, [
      { key: key('1'), text: 'Das Haus ist sehr alt.', status: 'confirmed' },
      { key: key('2'), text: 'Der Garten ist sehr groß.', status: 'approved' },
      { key: key('3'), text: 'Die Tür ist blau.', status: 'confirmed' },
    ]);
    const again = sdlxliffFormat.parse(out, 'origin.sdlxliff');
    expect(again.units.map((u) => [u.target, u.status ?? 'not_started', u.notes?.[0]])).toEqual([
      ['Das Haus ist sehr alt.', 'confirmed', 'Trados: Translated, typed by a translator'],
      ['Der Garten ist sehr groß.', 'approved', 'Trados: ApprovedTranslation, typed by a translator'],
      ['Die Tür ist blau.', 'confirmed', 'Trados: Translated, typed by a translator'],
      ['Das Dach ist neu.', 'confirmed', 'Trados: Translated, typed by a translator'],
      ['', 'not_started', undefined],
    ]);
    // Written again untouched, it stays as it is; edited again, the translator's origin is kept as it is.
    expect(sdlxliffFormat.write(again, [])).toBe(out);
    expect(sdlxliffFormat.write(again, [{ key: key('1'), text: 'Das Haus ist uralt.', status: 'confirmed' }])).toBe(
      out.replace('>Das Haus ist sehr alt.<', '>Das Haus ist uralt.<'),
    );
  });
});
