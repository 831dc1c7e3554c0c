import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFormat, type DocxSkeleton } from '../../../core/formats/docx';
import { isTagChar, type ParsedDocument, type ReviewedUnit, tagChar, TAG_BASE } from '../../../core/formats/types';
import { parseXmlTree, type XmlElement } from '../../../core/formats/xliff/xmlTree';

/**
 * Text inside Word's wrappers around runs — tracked insertions and move destinations, inline content controls,
 * smart tags, custom XML, simple fields, bidirectional embeddings, hyperlinks — is the document's text and is
 * offered for review, an edit landing in the runs inside the wrapper; tracked deletions and move sources are not
 * live text and come back untouched.
 */

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const show = (text: string): string => text.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
const tags = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

const docx = (body: string): Uint8Array =>
  zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}</w:body></w:document>`),
  });
const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml']!);
const run = (text: string, rPr = ''): string => `<w:r>${rPr && `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...content: string[]): string => `<w:p>${content.join('')}</w:p>`;
const parse = (bytes: Uint8Array): ParsedDocument<DocxSkeleton> => docxFormat.parseBytes(bytes, 'wrappers.docx');
const edit = (document: ParsedDocument<DocxSkeleton>, key: string, text: string): Uint8Array =>
  docxFormat.writeBytes(document, [{ key, text: tags(text), status: 'edited' }]);

const INS = '<w:ins w:id="1" w:author="Rev" w:date="2024-01-01T00:00:00Z">';
const DEL = '<w:del w:id="2" w:author="Rev" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>red </w:delText></w:r></w:del>';
const SDT = '<w:sdt><w:sdtPr><w:alias w:val="Name"/><w:id w:val="5"/></w:sdtPr><w:sdtContent>';
const SMART = '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date"><w:smartTagPr><w:attr w:name="Month" w:val="5"/></w:smartTagPr>';

describe('docx: text inside wrappers', () => {
  const bytes = docx(
    para(run('The quick '), `${INS}${run('brown ')}</w:ins>`, DEL, run('fox jumps.')) +
      para(`${INS}${run('Whole paragraph inserted by tracked change.')}</w:ins>`) +
      para(run('Customer name: '), `${SDT}${run('John Smith')}</w:sdtContent></w:sdt>`, run(' signed.')) +
      para(run('Due '), `${SMART}${run('May 5')}</w:smartTag>`, run(' at '), `<w:customXml w:element="place"><w:customXmlPr><w:attr w:name="a" w:val="b"/></w:customXmlPr>${run('Almaty')}</w:customXml>`, run('.')) +
      para(run('Mixed '), `<w:dir w:val="rtl">${run('עברית כאן')}</w:dir>`, run(' and '), `<w:bdo w:val="ltr">${run('ltr')}</w:bdo>`, run(' text.')) +
      para(run('See page '), `<w:fldSimple w:instr=" PAGEREF _Toc1 \\h ">${run('3')}</w:fldSimple>`, run(' and '), `<w:hyperlink r:id="rId9">${run('our site', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`, run('.')) +
      para(run('Moved '), '<w:moveFrom w:id="3" w:author="Rev"><w:r><w:delText>old place </w:delText></w:r></w:moveFrom>', '<w:moveTo w:id="4" w:author="Rev">', run('new place'), '</w:moveTo>', run(' here.')) +
      para(`<w:del w:id="5" w:author="Rev"><w:r><w:delText>A deleted paragraph.</w:delText></w:r></w:del>`),
  );
  const document = parse(bytes);

  it('offers the text of insertions, content controls, smart tags, custom XML, fields, links and embeddings; never deleted text', () => {
    expect(document.units.map((unit) => [unit.key, show(unit.target)])).toEqual([
      ['p1.1', 'The quick {0}brown {1}{2}fox jumps.'],
      ['p2.1', '{0}Whole paragraph inserted by tracked change.{1}'],
      ['p3.1', 'Customer name: {0}John Smith{1} signed.'],
      ['p4.1', 'Due {0}May 5{1} at {2}Almaty{3}.'],
      ['p5.1', 'Mixed {0}עברית כאן{1} and {2}ltr{3} text.'],
      ['p6.1', 'See page {0}3{1} and {2}our site{3}.'],
      ['p7.1', 'Moved {0}{1}new place{2} here.'],
    ]);
  });

  it('gives back the same document.xml for untouched units', () => {
    expect(documentXml(docxFormat.writeBytes(document, []))).toBe(documentXml(bytes));
  });

  it('writes an edit into the runs inside the wrapper, keeping the wrapper and the deleted text as they were', () => {
    const xml = (key: string, text: string): string => documentXml(edit(document, key, text));
    expect(xml('p1.1', 'The quick {0}dark brown {1}{2}fox leaps.')).toContain(
      `<w:p><w:r><w:t xml:space="preserve">The quick </w:t></w:r>${INS}<w:r><w:t xml:space="preserve">dark brown </w:t></w:r></w:ins>${DEL}<w:r><w:t>fox leaps.</w:t></w:r></w:p>`,
    );
    expect(xml('p2.1', '{0}The whole paragraph was inserted.{1}')).toContain(`<w:p>${INS}<w:r><w:t>The whole paragraph was inserted.</w:t></w:r></w:ins></w:p>`);
    expect(xml('p3.1', 'Client: {0}Jane Smith{1} signed it.')).toContain(
      `${SDT}<w:r><w:t>Jane Smith</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> signed it.</w:t></w:r>`,
    );
    expect(xml('p4.1', 'Due on {0}June 6{1} in {2}Astana{3}.')).toContain(
      `${SMART}<w:r><w:t>June 6</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> in </w:t></w:r>` +
        '<w:customXml w:element="place"><w:customXmlPr><w:attr w:name="a" w:val="b"/></w:customXmlPr><w:r><w:t>Astana</w:t></w:r></w:customXml>',
    );
    expect(xml('p5.1', 'Mixed {0}עברית{1} and {2}LTR{3} words.')).toContain('<w:dir w:val="rtl"><w:r><w:t>עברית</w:t></w:r></w:dir>');
    expect(xml('p6.1', 'See {0}page 3{1} and {2}the site{3}.')).toContain(
      '<w:fldSimple w:instr=" PAGEREF _Toc1 \\h "><w:r><w:t>page 3</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> and </w:t></w:r>' +
        '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the site</w:t></w:r></w:hyperlink>',
    );
    expect(xml('p7.1', 'Moved {0}{1}to a new place{2} here.')).toContain(
      '<w:moveFrom w:id="3" w:author="Rev"><w:r><w:delText>old place </w:delText></w:r></w:moveFrom><w:moveTo w:id="4" w:author="Rev"><w:r><w:t>to a new place</w:t></w:r></w:moveTo>',
    );
    // The deleted paragraph is not offered and stays as it was.
    expect(xml('p1.1', 'The quick {0}brown {1}{2}fox jumped.')).toContain('<w:del w:id="5" w:author="Rev"><w:r><w:delText>A deleted paragraph.</w:delText></w:r></w:del>');
  });

  it('keeps wrappers nested as they were, each with its own base formatting', () => {
    const nested = docx(
      para(
        run('Call '),
        `${SDT}${INS}${run('Mr ', '<w:i/>')}<w:hyperlink r:id="rId9">${run('Smith', '<w:b/>')}</w:hyperlink></w:ins></w:sdtContent></w:sdt>`,
        run(' now.'),
      ),
    );
    const doc = parse(nested);
    expect(doc.units.map((unit) => show(unit.target))).toEqual(['Call {0}{1}Mr {2}Smith{3}{4}{5} now.']);
    expect(documentXml(edit(doc, 'p1.1', 'Please call {0}{1}Dr {2}Smith{3}{4}{5} today.'))).toContain(
      `<w:p><w:r><w:t xml:space="preserve">Please call </w:t></w:r>${SDT}${INS}<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Dr </w:t></w:r>` +
        '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:b/></w:rPr><w:t>Smith</w:t></w:r></w:hyperlink></w:ins></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> today.</w:t></w:r></w:p>',
    );
  });

  it('does not offer a text box deleted with its run, and keeps it as it was', () => {
    const box = (text: string) =>
      '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>' +
      `<w:txbxContent>${para(run(text))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const deleted = `<w:del w:id="6" w:author="Rev">${box('Deleted box.')}</w:del>`;
    const doc = parse(docx(para(run('Kept text. '), deleted, `${INS}${box('Inserted box.')}</w:ins>`)));
    expect(doc.units.map((unit) => [unit.key, show(unit.target)])).toEqual([
      ['p1.1', 'Kept text. {0}{1}{2}{3}'],
      ['p2.1', 'Inserted box.'],
    ]);
    const xml = documentXml(edit(doc, 'p1.1', 'Kept words. {0}{1}{2}{3}'));
    expect(xml).toContain(`<w:t xml:space="preserve">Kept words. </w:t></w:r>${deleted}${INS}`);
  });

  it('keeps a wrapper with nothing inside as it was', () => {
    const empty = '<w:sdt><w:sdtPr><w:id w:val="8"/></w:sdtPr><w:sdtContent></w:sdtContent></w:sdt>';
    const doc = parse(docx(para(run('Sign here: '), empty, run(' thanks.'))));
    expect(doc.units.map((unit) => show(unit.target))).toEqual(['Sign here: {0} thanks.']);
    expect(documentXml(edit(doc, 'p1.1', 'Sign: {0} thank you.'))).toContain(`<w:t xml:space="preserve">Sign: </w:t></w:r>${empty}<w:r>`);
  });
});

describe('docx: wrappers (property)', () => {
  type Node = { kind: 'run'; text: string; bold: boolean } | { kind: 'deleted'; text: string } | { kind: 'wrapper'; name: string; children: Node[] };

  const OPEN: Record<string, [string, string]> = {
    ins: [INS, '</w:ins>'],
    moveTo: ['<w:moveTo w:id="4" w:author="Rev">', '</w:moveTo>'],
    sdt: [SDT, '</w:sdtContent></w:sdt>'],
    smartTag: [SMART, '</w:smartTag>'],
    customXml: ['<w:customXml w:element="x"><w:customXmlPr/>', '</w:customXml>'],
    fldSimple: ['<w:fldSimple w:instr=" MERGEFIELD Name ">', '</w:fldSimple>'],
    dir: ['<w:dir w:val="rtl">', '</w:dir>'],
    bdo: ['<w:bdo w:val="ltr">', '</w:bdo>'],
    hyperlink: ['<w:hyperlink r:id="rId9">', '</w:hyperlink>'],
  };
  const WORDS = ['Hello', 'world.', 'Привет', 'мир!', 'a&amp;b', 'Mr.', 'Smith', 'ok?', 'Done.', 'שלום'];
  const text = fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' '))
    .map(([words, after]) => words.join(' ') + after);
  const node: fc.Memo<Node> = fc.memo((depth) =>
    depth <= 1
      ? fc.oneof(
          fc.record({ kind: fc.constant('run' as const), text, bold: fc.boolean() }),
          fc.record({ kind: fc.constant('deleted' as const), text }),
        )
      : fc.oneof(
          { weight: 2, arbitrary: node(1) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrapper' as const), name: fc.constantFrom(...Object.keys(OPEN)), children: fc.array(node(depth - 1), { maxLength: 3 }) }) },
        ),
  );
  const markup = (n: Node): string => {
    if (n.kind === 'run') return run(n.text, n.bold ? '<w:b/>' : '');
    if (n.kind === 'deleted') return `<w:del w:id="9" w:author="Rev"><w:r><w:delText xml:space="preserve">${n.text}</w:delText></w:r></w:del>`;
    const [open, close] = OPEN[n.name]!;
    return open + n.children.map(markup).join('') + close;
  };

  /**
   * What Word shows, read straight from document.xml: per paragraph, each live character with the wrappers
   * around it (outermost first) and its boldness; and the deleted text.
   */
  const reading = (bytes: Uint8Array) => {
    const { root } = parseXmlTree(documentXml(bytes), 'document.xml');
    const elements = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => c.type === 'element');
    const textOf = (e: XmlElement): string => e.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
    const paragraphs: string[][] = [];
    const deleted: string[] = [];
    const walk = (e: XmlElement, path: string[], chars: string[]): void => {
      for (const child of elements(e)) {
        if (child.local === 'r') {
          const bold = elements(child).some((c) => c.local === 'rPr' && elements(c).some((p) => p.local === 'b'));
          for (const part of elements(child)) {
            if (part.local === 't') for (const ch of textOf(part)) chars.push(`${ch}|${path.join('/')}|${bold ? 'b' : ''}`);
            if (part.local === 'delText') deleted.push(textOf(part));
          }
        } else if (['sdtPr', 'smartTagPr', 'customXmlPr'].includes(child.local)) {
          continue;
        } else {
          walk(child, child.local === 'sdtContent' ? path : [...path, child.local], chars);
        }
      }
    };
    for (const p of elements(elements(root)[0]!)) {
      const chars: string[] = [];
      walk(p, [], chars);
      paragraphs.push(chars);
    }
    return { paragraphs, deleted };
  };
  const upper = (ch: string): string => (/\s/.test(ch) ? ch : ch.toUpperCase());
  const visible = (chars: string[]): string => chars.map((c) => c.split('|')[0]).join('').replace(/\s/g, '');

  it('every live character is offered; an edit keeps each one in its wrappers and every deleted text as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.array(node(3), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const bytes = docx(paragraphs.map((nodes) => para(...nodes.map(markup))).join('') + '<w:p><w:r><w:t>End.</w:t></w:r></w:p>');
        const document = parse(bytes);
        const before = reading(bytes);
        // Every live character is in a unit, none of the deleted ones.
        const offered = document.units.map((unit) => [...unit.target].filter((ch) => !isTagChar(ch)).join('')).join('').replace(/\s/g, '');
        expect(offered).toBe(before.paragraphs.map(visible).join(''));
        expect(documentXml(docxFormat.writeBytes(document, []))).toBe(documentXml(bytes));

        const corrected: ReviewedUnit[] = document.units.map((unit) => ({
          key: unit.key,
          text: [...unit.target].map((ch) => (isTagChar(ch) ? ch : upper(ch))).join(''),
          status: 'edited',
        }));
        const written = docxFormat.writeBytes(document, corrected);
        const after = reading(written);
        expect(after.deleted).toEqual(before.deleted);
        const upperChars = (chars: string[]) => chars.map((c) => upper(c[0]!) + c.slice(1));
        expect(after.paragraphs.map((chars) => chars.join('\n'))).toEqual(before.paragraphs.map((chars) => upperChars(chars).join('\n')));
        // Read again, the same text and tags (the sentences may split differently in capitals).
        const joined = (texts: string[]): string => texts.join('').replace(/\s/g, '');
        expect(joined(parse(written).units.map((unit) => unit.target))).toBe(joined(corrected.map((unit) => unit.text)));
      }),
      { numRuns: 150 },
    );
  });
});
