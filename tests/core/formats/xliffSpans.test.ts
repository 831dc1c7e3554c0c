import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAG_BASE, tagChar, type ParsedDocument } from '../../../core/formats/types';
import { xliffFormat, type XliffSkeleton } from '../../../core/formats/xliff';
import { badInput } from '../../support/thrown';

// Spans written as two single tags (1.2 <bpt>/<ept>, 2.0 <sc/>/<ec/> and <sm/>/<em/>): their order is checked on
// write like a <g>'s, but not their nesting, and a 2.0 span may cross segments.

const show = (text: string | null | undefined) => text?.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
const tags = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

const xliff12 = (unit: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">' +
  `<file original="x" source-language="en" target-language="de" datatype="html"><body>\n${unit}\n</body></file></xliff>\n`;
const xliff20 = (unit: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">' +
  `<file id="f1">\n${unit}\n</file></xliff>\n`;

const BPT = '<bpt id="1">&lt;b&gt;</bpt>';
const EPT = '<ept id="1">&lt;/b&gt;</ept>';
const bold12 = parse(
  xliff12(`<trans-unit id="1"><source>Make ${BPT}this bold${EPT} now.</source><target>Mach ${BPT}das fett${EPT} jetzt.</target></trans-unit>`),
);
const SC = '<sc id="1" type="fmt" subType="xlf:b"/>';
const EC = '<ec startRef="1" type="fmt" subType="xlf:b"/>';
const bold20 = parse(
  xliff20(`<unit id="u1"><segment state="translated"><source>Make ${SC}this bold${EC} now.</source><target>Mach ${SC}das fett${EC} jetzt.</target></segment></unit>`),
);

function parse(text: string): ParsedDocument<XliffSkeleton> {
  return xliffFormat.parse(text, 'spans.xlf');
}
const write = (document: ParsedDocument<XliffSkeleton>, key: string, text: string): string =>
  xliffFormat.write(document, [{ key, text: tags(text), status: 'edited' }]);

describe('XLIFF spans of single tags', () => {
  it('1.2 <bpt>/<ept>: the end written before its start is refused, naming the unit and both tags', () => {
    expect(show(bold12.units[0]?.target)).toBe('Mach {0}das fett{1} jetzt.');
    expect(badInput(() => write(bold12, '1', 'Mach {1}das fett{0} jetzt.'))).toBe(
      `Unit "1": tag 2 (${EPT}) ends tag 1 (${BPT}), which comes after it: a span's start must come first.`,
    );
    expect(write(bold12, '1', 'Mach das {0}fett{1} jetzt.')).toContain(`<target state="needs-review-translation" state-qualifier="x-redline-edited">Mach das ${BPT}fett${EPT} jetzt.</target>`);
  });

  it('1.2 pairs by rid where the tags have one', () => {
    const document = parse(
      xliff12('<trans-unit id="1"><source>a</source><target><bpt id="1" rid="7">[</bpt>x<ept id="2" rid="7">]</ept></target></trans-unit>'),
    );
    expect(badInput(() => write(document, '1', '{1}x{0}'))).toMatch(/^Unit "1": tag 2 \(<ept id="2" rid="7">]<\/ept>\) ends tag 1/);
  });

  it('2.0 <sc/>/<ec/> and <sm/>/<em/>: the same, and overlapping other spans is allowed', () => {
    expect(badInput(() => write(bold20, 'u1', 'Mach {1}das fett{0} jetzt.'))).toBe(
      `Unit "u1": tag 2 (${EC}) ends tag 1 (${SC}), which comes after it: a span's start must come first.`,
    );
    const overlapping = parse(
      xliff20(
        '<unit id="u2"><segment><source>a b c</source><target><sc id="1"/>a <pc id="2">b<ec startRef="1"/> c</pc> <sm id="3"/>d<em startRef="3"/></target></segment></unit>',
      ),
    );
    expect(show(overlapping.units[0]?.target)).toBe('{0}a {1}b{2} c{3} {4}d{5}');
    expect(write(overlapping, 'u2', '{0}A {1}B{2} C{3} {4}D{5}')).toContain(
      '<target><sc id="1"/>A <pc id="2">B<ec startRef="1"/> C</pc> <sm id="3"/>D<em startRef="3"/></target>',
    );
    expect(badInput(() => write(overlapping, 'u2', '{0}A {1}B{2} C{3} {5}D{4}'))).toMatch(/^Unit "u2": tag 6 \(<em startRef="3"\/>\) ends tag 5/);
  });

  it('2.0: a span across segments, or an isolated end, is no pair within a segment, so any order of the segment is kept', () => {
    const document = parse(
      xliff20(
        '<unit id="u1"><segment id="s1"><source>One <sc id="1"/>two.</source><target>Eins <sc id="1"/>zwei.</target></segment>' +
          '<segment id="s2"><source>Three<ec startRef="1"/>.</source><target>Drei<ec startRef="1"/>. <ec id="9" isolated="yes"/>x<sc id="8" isolated="yes"/></target></segment></unit>',
      ),
    );
    expect(write(document, 'u1/s1', '{0}Eins zwei.')).toContain('<target><sc id="1"/>Eins zwei.</target>');
    expect(write(document, 'u1/s2', '{1}x{2}Drei{0}.')).toContain('<target><ec id="9" isolated="yes"/>x<sc id="8" isolated="yes"/>Drei<ec startRef="1"/>.</target>');
  });

  it('a target the file wrote with its span reversed may still be corrected, its tags left as they were', () => {
    const document = parse(xliff12(`<trans-unit id="1"><source>a</source><target>Mach ${EPT}das fett${BPT} jetzt.</target></trans-unit>`));
    expect(write(document, '1', 'Mach {0}dies fett{1} jetzt.')).toContain(`Mach ${EPT}dies fett${BPT} jetzt.</target>`);
    // … or put right by the editor.
    expect(write(document, '1', 'Mach {1}dies fett{0} jetzt.')).toContain(`Mach ${BPT}dies fett${EPT} jetzt.</target>`);
  });

  it('a span the target lacks may come in from the source whole and in order, not by halves', () => {
    const document = parse(xliff12(`<trans-unit id="1"><source>Make ${BPT}this bold${EPT} now.</source><target>Mach das fett jetzt.</target></trans-unit>`));
    expect(show(document.units[0]?.source)).toBe('Make {0}this bold{1} now.');
    expect(write(document, '1', 'Mach {0}das fett{1} jetzt.')).toContain(`Mach ${BPT}das fett${EPT} jetzt.</target>`);
    expect(badInput(() => write(document, '1', 'Mach {0}das fett jetzt.'))).toBe(
      `Unit "1": tag 1 (${BPT}) starts a span whose end, tag 2 (${EPT}), the text lacks.`,
    );
    expect(badInput(() => write(document, '1', 'Mach das fett{1} jetzt.'))).toBe(`Unit "1": tag 2 (${EPT}) ends tag 1 (${BPT}), which the text lacks.`);
    expect(badInput(() => write(document, '1', 'Mach {1}das fett{0} jetzt.'))).toMatch(/which comes after it/);
  });

  it('any placement of a span’s two tags is written exactly when its start comes first, and reads back as written (property)', () => {
    const words = fc.array(fc.constantFrom('Mach', 'das', 'fett', 'jetzt', '&', '<b>'), { minLength: 1, maxLength: 6 });
    for (const [document, key] of [
      [bold12, '1'],
      [bold20, 'u1'],
    ] as const) {
      fc.assert(
        fc.property(words, fc.nat(), fc.nat(), (list, a, b) => {
          const slots = list.length + 1;
          const [start, end] = [a % slots, b % slots];
          const pieces = list.map((word) => `${word} `);
          // The start tag goes before the end tag where both fall in the same gap exactly when start <= end.
          pieces.splice(end, 0, '{1}');
          pieces.splice(start <= end ? start : start + 1, 0, '{0}');
          const text = pieces.join('');
          const ordered = text.indexOf('{0}') < text.indexOf('{1}');
          if (!ordered) {
            expect(badInput(() => write(document, key, text))).toMatch(/a span's start must come first\.$/);
            return;
          }
          const reparsed = parse(write(document, key, text));
          expect(show(reparsed.units[0]?.target)).toBe(text);
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('XLIFF protected spans', () => {
  it('1.2 <mrk mtype="protected"> and 2.0 <mrk translate="no"> are one tag each: their words cannot be edited', () => {
    const PROTECTED = '<mrk mtype="protected">Redline Pro</mrk>';
    const document12 = parse(
      xliff12(`<trans-unit id="1"><source>Open ${PROTECTED} now.</source><target>Öffnen Sie ${PROTECTED} jetzt.</target></trans-unit>`),
    );
    expect(show(document12.units[0]?.target)).toBe('Öffnen Sie {0} jetzt.');
    expect(write(document12, '1', 'Öffnen Sie {0} sofort.')).toContain(`<target state="needs-review-translation" state-qualifier="x-redline-edited">Öffnen Sie ${PROTECTED} sofort.</target>`);
    expect(badInput(() => write(document12, '1', 'Öffnen Sie Redline Pro sofort.'))).toMatch(/^Unit "1": .*missing/);
    // Another marker stays a pair around editable words.
    const term = parse(xliff12('<trans-unit id="1"><source>a</source><target><mrk mtype="term">Haus</mrk></target></trans-unit>'));
    expect(show(term.units[0]?.target)).toBe('{0}Haus{1}');

    const NO = '<mrk id="m1" translate="no">Redline Pro</mrk>';
    const document20 = parse(xliff20(`<unit id="u1"><segment><source>Open ${NO}.</source><target>Öffnen Sie ${NO}.</target></segment></unit>`));
    expect(show(document20.units[0]?.target)).toBe('Öffnen Sie {0}.');
  });
});
