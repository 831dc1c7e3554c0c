import { describe, expect, it } from 'vitest';
import { sdlxliffFormat, xliffFormat } from '../../../core/formats/xliff';
import { parseXmlTree } from '../../../core/formats/xliff/xmlTree';
import { UnitError } from '../../../core/formats/units';
import type { FormatHandler } from '../../../core/formats/types';
import { thrown } from '../../support/thrown';

/**
 * A sentence the editor deleted whole (a duplicated or hallucinated MT sentence): its text emptied, it takes its
 * own tags with it (keptTags.ts) and the file is written, still well-formed; one end of a span that goes on in
 * another sentence cannot go, and the refusal says why. (Word: docx.test.ts; Markdown, TMX: keptTags.test.ts.)
 */

const XLIFF_12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>A <bpt id="1">[b]</bpt>one. Two<ept id="1">[/b]</ept> end.</source><seg-source><mrk mtype="seg" mid="1">A <bpt id="1">[b]</bpt>one.</mrk> <mrk mtype="seg" mid="2">Two<ept id="1">[/b]</ept> end.</mrk></seg-source><target><mrk mtype="seg" mid="1">Ein <bpt id="1">[b]</bpt>eins.</mrk> <mrk mtype="seg" mid="2">Zwei<ept id="1">[/b]</ept> Ende.</mrk></target></trans-unit>
<trans-unit id="2"><source>Hello <g id="1">world</g>.<x id="2"/></source><target>Hallo <g id="1">Welt</g>.<x id="2"/></target></trans-unit>
<trans-unit id="3"><source>Open <bpt id="1">&lt;b&gt;</bpt>it<ept id="1">&lt;/b&gt;</ept>.</source><target>Öffnen <bpt id="1">&lt;b&gt;</bpt>es<ept id="1">&lt;/b&gt;</ept>.</target></trans-unit>
</body></file></xliff>`;

const XLIFF_20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file id="f1">
<unit id="u1"><segment><source>Hello <pc id="1">world</pc>.<ph id="2"/></source><target>Hallo <pc id="1">Welt</pc>.<ph id="2"/></target></segment></unit>
<unit id="u2"><segment><source>A <sc id="1"/>one.</source><target>Ein <sc id="1"/>eins.</target></segment><segment><source>Two<ec startRef="1"/> end.</source><target>Zwei<ec startRef="1"/> Ende.</target></segment></unit>
</file></xliff>`;

const SDLXLIFF = `<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="de-DE"><body>
<trans-unit id="u1"><source>Hello <g id="pt1">world</g>.<x id="pt2"/>Second sentence.</source><seg-source><mrk mtype="seg" mid="1">Hello <g id="pt1">world</g>.</mrk><x id="pt2"/><mrk mtype="seg" mid="2">Second sentence.</mrk></seg-source><target><mrk mtype="seg" mid="1">Hallo <g id="pt1">Welt</g>.</mrk><x id="pt2"/><mrk mtype="seg" mid="2">Zweiter Satz.</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="mt"/><sdl:seg id="2" conf="Draft" origin="mt"/></sdl:seg-defs></trans-unit>
</body></file></xliff>`;

function deleting(format: FormatHandler<unknown>, text: string, index: number) {
  const document = format.parse(text, 'x.xlf');
  const unit = document.units[index]!;
  return { unit, write: () => format.write(document, [{ key: unit.key, text: '', status: 'edited' }]) };
}

const detailOf = (action: () => unknown): string => {
  const error = thrown(action);
  expect(error).toBeInstanceOf(UnitError);
  return (error as UnitError).detail;
};

describe('a sentence deleted whole, written back as XLIFF', () => {
  it.each([
    ['XLIFF 1.2, <g> and <x/>', xliffFormat, XLIFF_12, 2, '<target state="needs-review-translation" state-qualifier="x-redline-edited"></target>'],
    ['XLIFF 1.2, <bpt>/<ept> in one unit', xliffFormat, XLIFF_12, 3, '<target state="needs-review-translation" state-qualifier="x-redline-edited"></target>'],
    ['XLIFF 2.0, <pc> and <ph/>', xliffFormat, XLIFF_20, 0, '<target></target>'],
    ['SDLXLIFF, a segment with <g>', sdlxliffFormat, SDLXLIFF, 0, '<mrk mtype="seg" mid="1"></mrk><x id="pt2"/><mrk mtype="seg" mid="2">Zweiter Satz.</mrk>'],
  ])('takes its own tags with it (%s), and the file stays well-formed', (_, format, text, index, written) => {
    const { unit, write } = deleting(format as FormatHandler<unknown>, text, index);
    expect(unit.target).toMatch(/[\uE000-\uEFFF]/);
    const out = write();
    expect(out).toContain(written);
    expect(() => parseXmlTree(out, 'out.xlf')).not.toThrow();
    // The other units are as they were, and the emptied one reads back empty.
    const again = (format as FormatHandler<unknown>).parse(out, 'out.xlf');
    const before = (format as FormatHandler<unknown>).parse(text, 'x.xlf');
    expect(again.units.map((u) => u.target)).toEqual(before.units.map((u) => (u.key === unit.key ? '' : u.target)));
  });

  it('is refused where a span of single tags goes on into the next segment, naming the tag', () => {
    for (const [text, index, tag] of [
      [XLIFF_12, 0, '<bpt id="1">[b]</bpt>'],
      [XLIFF_12, 1, '<ept id="1">[/b]</ept>'],
      [XLIFF_20, 1, '<sc id="1"/>'],
      [XLIFF_20, 2, '<ec startRef="1"/>'],
    ] as const) {
      expect(detailOf(deleting(xliffFormat as FormatHandler<unknown>, text, index).write)).toBe(
        `it was deleted, but tag 1 (${tag}) is one end of a span or range that goes on beyond it: ` +
          'keep its tags (undo the deletion, then delete its words only), so that the other end is not left dangling.',
      );
    }
  });

  it('still refuses a sentence with words that lost a tag', () => {
    const document = xliffFormat.parse(XLIFF_12, 'x.xlf');
    const unit = document.units[2]!;
    expect(detailOf(() => xliffFormat.write(document, [{ key: unit.key, text: 'Hallo Welt.', status: 'edited' }]))).toMatch(/^tag 1 .* is missing\.$/);
  });
});
