import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFormat } from '../../../core/formats/docx';
import { readParagraph, renderParagraph } from '../../../core/formats/docx/paragraph';
import { TAG_BASE, type ReviewedUnit } from '../../../core/formats/types';
import { parseXmlTree, type XmlElement } from '../../../core/formats/xliff/xmlTree';
import { badInput } from '../../support/thrown';

const bytes = new Uint8Array(readFileSync(new URL('./fixtures/textboxes.docx', import.meta.url)));
const show = (text: string) => text.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
const part = (zip: Uint8Array, name: string) => strFromU8(unzipSync(zip)[name]!);
const DOCUMENT = 'word/document.xml';

const document = docxFormat.parseBytes(bytes, 'textboxes.docx');
const unit = (key: string) => document.units.find((u) => u.key === key)!;
const write = (...edits: Array<[string, string]>) =>
  docxFormat.writeBytes(
    document,
    edits.map(([key, text]): ReviewedUnit => ({ key, text, status: 'edited' })),
  );

/** Every part but `changed` is the original's, byte for byte. */
function othersUntouched(written: Uint8Array, ...changed: string[]): void {
  const before = unzipSync(bytes);
  const after = unzipSync(written);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const name of Object.keys(before)) if (!changed.includes(name)) expect(after[name], name).toEqual(before[name]);
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('docx: text boxes, line breaks and the other parts', () => {
  it('offers each text box once, after the paragraph anchoring it, and every other part, each marked by where it lives', () => {
    expect(document.units.map((u) => [u.key, show(u.target), u.notes ?? null])).toEqual([
      ['p1.1', 'Ministry of Economy', null],
      ['p1.2', 'Prospekt Mangilik El 8', null],
      ['p1.3', 'Astana\t010000', null],
      ['p2.1', 'Note: the office is {0}closed\non Monday{1} for the national holiday.', null],
      // A box written as DrawingML (mc:Choice) and VML (mc:Fallback): offered once.
      ['p3.1', 'Almaty airport is closed untill Friday.', ['Text box']],
      ['p4.1', 'Flights go to {0}Astana{1}.', ['Text box']],
      // A paragraph with text of its own and a VML box between its sentences.
      ['p5.1', 'Call the hotline in the box.', null],
      ['p5.2', '{0}It is free.{1}', null],
      ['p6.1', 'Hotline: 112', ['Text box']],
      ['p7.1', '{0}The figures are preliminary.{1}{2}{3}', null],
      // Its Fallback copy says something else (stale): not offered, left as it is.
      ['p8.1', 'Updated figures follow.', ['Text box']],
      ['header1:p9.1', 'Quarterly report', ['Header (header1.xml)']],
      ['footer1:p10.1', 'Page {0}{1}{2}', ['Footer (footer1.xml)']],
      ['footnotes:p11.1', '{0} Calls from mobile phones too.', ['Footnote 1 (footnotes.xml)']],
      ['comments:p12.1', 'Check against the ministry site.', ['Comment 1 by Ana Reviewer (comments.xml)']],
    ]);
    expect(count(part(bytes, DOCUMENT), 'untill')).toBe(2); // the box's two copies
  });

  it('writes an untouched package back part for part', () => {
    othersUntouched(docxFormat.writeBytes(document, []));
    othersUntouched(docxFormat.writeBytes(document, document.units.map((u) => ({ key: u.key, text: u.target, status: 'confirmed' }))));
  });

  it('writes an edit of a text box into both of its copies, and nothing else', () => {
    const written = write(['p3.1', 'Almaty airport is closed until Friday.']);
    othersUntouched(written, DOCUMENT);
    expect(part(written, DOCUMENT)).toBe(part(bytes, DOCUMENT).replaceAll('untill', 'until'));
  });

  it('writes an edit of a box inside a paragraph with text, as exactly that change', () => {
    const written = write(['p6.1', 'Hotline: 112 or 103']);
    othersUntouched(written, DOCUMENT);
    expect(part(written, DOCUMENT)).toBe(part(bytes, DOCUMENT).replace('Hotline: 112', 'Hotline: 112 or 103'));
  });

  it('rewrites a paragraph and the box anchored in it together', () => {
    const written = write(['p5.1', 'Call the hotline in the text box.'], ['p6.1', 'Hotline: 103']);
    othersUntouched(written, DOCUMENT);
    const xml = part(written, DOCUMENT);
    expect(xml).toContain('<v:textbox><w:txbxContent><w:p><w:r><w:t>Hotline: 103</w:t></w:r></w:p></w:txbxContent></v:textbox>');
    const reread = docxFormat.parseBytes(written, 'out.docx');
    expect(reread.units.map((u) => u.target)).toEqual(
      document.units.map((u) => (u.key === 'p5.1' ? 'Call the hotline in the text box.' : u.key === 'p6.1' ? 'Hotline: 103' : u.target)),
    );
  });

  it('leaves a stale Fallback copy as it was when its box is edited', () => {
    const written = write(['p8.1', 'Updated figures are below.']);
    expect(part(written, DOCUMENT)).toBe(part(bytes, DOCUMENT).replace('Updated figures follow.', 'Updated figures are below.'));
    expect(part(written, DOCUMENT)).toContain('Old figures.');
  });

  it('keeps line breaks and tabs through an edit of their paragraph', () => {
    const written = write(['p1.2', 'Mangilik El Avenue 8'], ['p2.1', unit('p2.1').target.replace('national', 'public')]);
    const xml = part(written, DOCUMENT);
    const reread = docxFormat.parseBytes(written, 'out.docx');
    expect(reread.units.slice(0, 4).map((u) => show(u.target))).toEqual([
      'Ministry of Economy',
      'Mangilik El Avenue 8',
      'Astana\t010000',
      'Note: the office is {0}closed\non Monday{1} for the public holiday.',
    ]);
    expect(count(xml, '<w:br/>')).toBe(count(part(bytes, DOCUMENT), '<w:br/>'));
    expect(xml).toContain('<w:rPr><w:b/></w:rPr><w:t>closed</w:t><w:br/><w:t>on Monday</w:t></w:r>');
    expect(xml).toContain('<w:t>Astana</w:t><w:tab/><w:t>010000</w:t>');
    // The runs keep their revision ids.
    expect(xml).toContain('<w:r w:rsidRPr="00D4E5F6"><w:t>Ministry of Economy</w:t><w:br/><w:t>Mangilik El Avenue 8</w:t><w:br/>');
  });

  it('edits the header, footer, footnote and comment, each in its own part as exactly that change', () => {
    const written = write(
      ['header1:p9.1', 'Quarterly report, third quarter'],
      ['footer1:p10.1', unit('footer1:p10.1').target.replace('Page', 'Seite')],
      ['footnotes:p11.1', unit('footnotes:p11.1').target.replace('too', 'as well')],
      ['comments:p12.1', 'Check against the ministry’s site.'],
    );
    othersUntouched(written, 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/comments.xml');
    expect(part(written, 'word/header1.xml')).toBe(part(bytes, 'word/header1.xml').replace('Quarterly report', 'Quarterly report, third quarter'));
    expect(part(written, 'word/footer1.xml')).toBe(part(bytes, 'word/footer1.xml').replace('Page ', 'Seite '));
    expect(part(written, 'word/footnotes.xml')).toBe(part(bytes, 'word/footnotes.xml').replace('phones too.', 'phones as well.'));
    expect(part(written, 'word/comments.xml')).toBe(part(bytes, 'word/comments.xml').replace('ministry site', 'ministry’s site'));
  });

  it('refuses a package whose text box is malformed in one line', () => {
    const broken = new Uint8Array(readFileSync(new URL('./fixtures/broken-textboxes.docx', import.meta.url)));
    expect(badInput(() => docxFormat.parseBytes(broken, 'broken-textboxes.docx'))).toMatch(
      /^broken-textboxes\.docx \(word\/document\.xml\) is not well-formed XML: line \d+, column \d+: [^\n]+$/,
    );
  });

  it('property: any edit of any unit changes that unit only, both copies of a box alike, every other part as it was', () => {
    const editable = document.units.map((u, i) => ({ u, i }));
    fc.assert(
      fc.property(fc.constantFrom(...editable), fc.stringMatching(/^[A-Za-z<>&"' \t]{1,16}$/), ({ u, i }, typed) => {
        // Words put before the unit's text (no sentence end among them, its tags where they were), so the
        // edited paragraph splits into units where it did.
        const text = `X${typed.trim()} ${u.target}`;
        fc.pre(text !== u.target);
        const written = docxFormat.writeBytes(document, [{ key: u.key, text, status: 'edited' }]);
        const partName = u.key.includes(':') ? `word/${u.key.split(':')[0]}.xml` : DOCUMENT;
        othersUntouched(written, partName);
        const reread = docxFormat.parseBytes(written, 'out.docx');
        expect(reread.units.map((r) => r.target)).toEqual(document.units.map((d, k) => (k === i ? text : d.target)));
        // The first box's Fallback copy says what its Choice copy says.
        const boxes = [...part(written, DOCUMENT).matchAll(/<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/g)].map((m) => m[1]);
        expect(boxes[1]).toBe(boxes[0]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('docx: line breaks and tabs in a written paragraph (property)', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphOf = (content: string): { element: XmlElement; xml: string } => {
    const xml = `<w:p xmlns:w="${W}">${content}</w:p>`;
    return { element: parseXmlTree(xml, 'p').root, xml };
  };
  const base = paragraphOf('<w:r w:rsidRPr="00112233"><w:t>x</w:t></w:r>');
  const model = readParagraph(base.element, base.xml, 'p', base.element.openEnd);

  it('any text of words, spaces, tabs and line breaks is written as runs that read back as that text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zа-я .,\t\n]{0,40}$/), (text) => {
        const written = renderParagraph(text, model);
        const again = paragraphOf(written);
        expect(readParagraph(again.element, again.xml, 'p', again.element.openEnd).text).toBe(text);
        expect(count(written, '<w:br/>')).toBe(count(text, '\n'));
        expect(count(written, '<w:tab/>')).toBe(count(text, '\t'));
      }),
      { numRuns: 300 },
    );
  });
});
