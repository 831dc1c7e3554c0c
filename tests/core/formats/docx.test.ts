import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFormat, type DocxSkeleton } from '../../../core/formats/docx';
import { type ParsedDocument, type ReviewedUnit, tagChar, TAG_BASE } from '../../../core/formats/types';
import { parseXmlTree, type XmlElement } from '../../../core/formats/xliff/xmlTree';
import { UnitError } from '../../../core/formats/units';
import { badInput, thrown } from '../../support/thrown';

/** Tag characters made readable: {0}, {1} … */
const show = (text: string): string => text.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
/** The inverse of show, for writing expected texts. */
const tags = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A minimal valid package around a body. */
function makeDocx(body: string, extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `${DECL}<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>',
    ),
    ...extra,
  });
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, rPr = ''): string =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
const para = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;

const SAMPLE = makeDocx(
  para(run('Plain start and '), run('bold words', '<w:b/>'), run('. Second sentence with '), run('italic', '<w:i/>'), run(' text.')) +
    '<w:p/>' +
    para(run('See '), `<w:hyperlink r:id="rId5" w:history="1">${run('our site', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`, run(' for more.')) +
    '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:jc w:val="center"/></w:pPr>' +
    run('Привет, ', '<w:lang w:val="ru-RU"/>') +
    run('мир', '<w:b/><w:lang w:val="ru-RU"/>') +
    run('! Как дела?', '<w:lang w:val="ru-RU"/>') +
    '</w:p></w:tc></w:tr></w:tbl>' +
    para(run('Die Straße ist schön. Über Brücken gehen wir.')),
);

const parse = (bytes: Uint8Array, name = 'test.docx'): ParsedDocument<DocxSkeleton> => docxFormat.parseBytes(bytes, name);
const untouched = (document: ParsedDocument): ReviewedUnit[] =>
  document.units.map((unit) => ({ key: unit.key, text: unit.target, status: 'not_started' }));
const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());

type Flag = 'b' | 'i' | 'u' | 'link';

/**
 * What a reader sees, read straight from document.xml (independently of the handler): per paragraph with text,
 * stretches of text with their formatting (bold, italic, underline, inside a hyperlink).
 */
function formatting(bytes: Uint8Array): Array<Array<[string, string]>> {
  const { root } = parseXmlTree(documentXml(bytes), 'document.xml');
  const elements = (element: XmlElement): XmlElement[] =>
    element.children.filter((child): child is XmlElement => child.type === 'element');
  const paragraphs: Array<Array<[string, string]>> = [];
  const walk = (element: XmlElement): void => {
    for (const child of elements(element)) {
      if (child.local !== 'p') {
        walk(child);
        continue;
      }
      const stretches: Array<[string, string]> = [];
      const add = (text: string, flags: Flag[]): void => {
        const key = flags.sort().join('+');
        const last = stretches[stretches.length - 1];
        if (last && last[1] === key) last[0] += text;
        else stretches.push([text, key]);
      };
      const readRun = (r: XmlElement, link: boolean): void => {
        const rPr = elements(r).find((e) => e.local === 'rPr');
        const flags: Flag[] = link ? ['link'] : [];
        for (const property of rPr ? elements(rPr) : []) {
          if (['b', 'i', 'u'].includes(property.local) && property.attrs['w:val'] !== '0') flags.push(property.local as Flag);
        }
        for (const part of elements(r)) {
          if (part.local === 't') add(part.children.map((c) => (c.type === 'text' ? c.text : '')).join(''), flags);
          if (part.local === 'tab') add('\t', flags);
          if (part.local === 'br') add('\n', flags);
        }
      };
      for (const item of elements(child)) {
        if (item.local === 'r') readRun(item, false);
        if (item.local === 'hyperlink') for (const r of elements(item)) if (r.local === 'r') readRun(r, true);
      }
      if (stretches.some(([text]) => text.trim())) paragraphs.push(stretches);
    }
  };
  walk(root);
  return paragraphs;
}

describe('docx: reading', () => {
  it('reads body paragraphs (also in tables) as sentences with formatting tags', () => {
    const document = parse(SAMPLE);
    expect(document.format).toBe('docx');
    expect(document.units.map((unit) => [unit.key, unit.paragraph, unit.source, show(unit.target)])).toEqual([
      ['p1.1', 1, null, 'Plain start and {0}bold words{1}.'],
      ['p1.2', 1, null, 'Second sentence with {2}italic{3} text.'],
      ['p2.1', 2, null, 'See {0}our site{1} for more.'],
      ['p3.1', 3, null, 'Привет, {0}мир{1}!'],
      ['p3.2', 3, null, 'Как дела?'],
      ['p4.1', 4, null, 'Die Straße ist schön.'],
      ['p4.2', 4, null, 'Über Brücken gehen wir.'],
    ]);
    expect(docxFormat).toMatchObject({ id: 'docx', bilingual: false, extensions: ['docx'] });
  });

  it('keeps a paragraph as one unit where a formatting pair straddles its sentences', () => {
    const document = parse(makeDocx(para(run('Start. '), run('Bold one. Bold two', '<w:b/>'), run(' end. Last one.'))));
    expect(document.units.map((unit) => show(unit.target))).toEqual([
      'Start.',
      '{0}Bold one. Bold two{1} end.',
      'Last one.',
    ]);
  });

  it('keeps the closing tag of a sentence-final bold stretch with its sentence', () => {
    const document = parse(makeDocx(para(run('Plain one. '), run('All bold.', '<w:b/>'), run(' Plain two and more plain text.'))));
    expect(document.units.map((unit) => show(unit.target))).toEqual([
      'Plain one.',
      '{0}All bold.{1}',
      'Plain two and more plain text.',
    ]);
  });

  it('reads tabs as tabs, line breaks as line breaks (a unit each side), and page breaks as tags', () => {
    const document = parse(makeDocx(para('<w:r><w:t>Name:</w:t><w:tab/><w:t>Value</w:t><w:br/><w:t>next line</w:t><w:br w:type="page"/><w:t>Page two</w:t></w:r>')));
    expect(document.units.map((unit) => show(unit.target))).toEqual(['Name:\tValue', 'next line{0}Page two']);
  });

  it("reads Word's hyphens as characters of the word and writes them back as Word's elements", () => {
    const bytes = makeDocx(para('<w:r><w:t>Кто</w:t><w:noBreakHyphen/><w:t>то сказал: Doku</w:t><w:softHyphen/><w:t>ment.</w:t></w:r>'));
    const document = parse(bytes);
    expect(document.units.map((unit) => unit.target)).toEqual(['Кто\u2011то сказал: Doku\u00adment.']);
    const reviewed = untouched(document).map((unit) => ({ ...unit, text: 'Кто\u2011то сказал: Doku\u00admente.', status: 'edited' as const }));
    const xml = documentXml(docxFormat.writeBytes(document, reviewed));
    expect(xml).toContain('<w:r><w:t>Кто</w:t><w:noBreakHyphen/><w:t>то сказал: Doku</w:t><w:softHyphen/><w:t>mente.</w:t></w:r>');
    expect(parse(docxFormat.writeBytes(document, reviewed)).units.map((unit) => unit.target)).toEqual([reviewed[0]!.text]);
  });

  it('reads the real-world-like fixture', () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/report.docx', import.meta.url)));
    const document = parse(bytes, 'report.docx');
    const texts = document.units.map((unit) => show(unit.target));
    expect(texts).toContain("The region's economy grew by {0}4.2 percent{1} in the third quarter.");
    expect(texts).toContain('Details are on {4}the ministry\'s site{5}.');
    expect(texts).toContain('Алматинская область');
    expect(texts).toContain('Die Arbeiten {0}begannen im März{1}.');
    expect(texts).toContain('Figure 1 shows the growth {0}{1}{2}2{3} & trends.{4}');
    // The header is offered too, after the body, marked by where it lives.
    const header = document.units.find((unit) => unit.target.includes('Ministry of Economy'));
    expect(header?.key).toMatch(/^header\d*:p\d+\.1$/);
    expect(header?.notes?.[0]).toMatch(/^Header \(header\d*\.xml\)$/);

    // Untouched: the same package contents, part for part.
    const written = docxFormat.writeBytes(document, untouched(document));
    const before = unzipSync(bytes);
    const after = unzipSync(written);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [name, data] of Object.entries(before)) expect(after[name], name).toEqual(data);

    // One corrected sentence: only its paragraph changes, the rest of document.xml stays byte for byte.
    const fixed = untouched(document).map((unit) =>
      unit.key === 'p3.2' ? { ...unit, text: unit.text.replace('Investmnet', 'Investment'), status: 'edited' as const } : unit,
    );
    const rewritten = docxFormat.writeBytes(document, fixed);
    const again = parse(rewritten, 'report.docx');
    expect(again.units.map((unit) => unit.target)).toEqual(
      document.units.map((unit) => (unit.key === 'p3.2' ? unit.target.replace('Investmnet', 'Investment') : unit.target)),
    );
    const oldXml = documentXml(bytes);
    const newXml = documentXml(rewritten);
    const opening = '<w:p w:rsidR="00A1" w:rsidRDefault="00B2">';
    const changedFrom = oldXml.indexOf(opening) + opening.length;
    expect(newXml.slice(0, changedFrom)).toBe(oldXml.slice(0, changedFrom));
    const unchangedTail = oldXml.slice(oldXml.indexOf('<w:p><w:r><w:t>Key figures'));
    expect(newXml.endsWith(unchangedTail)).toBe(true);
    expect(newXml).toContain('<w:hyperlink r:id="rId8" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>');
    expect(formatting(rewritten)).toEqual(formatting(bytes).map((p) => p.map(([t, f]) => [t.replace('Investmnet', 'Investment'), f])));
    for (const name of Object.keys(before)) if (name !== 'word/document.xml') expect(unzipSync(rewritten)[name], name).toEqual(before[name]);
  });
});

describe('docx: writing', () => {
  it('gives back the same package for untouched units', () => {
    const document = parse(SAMPLE);
    const written = docxFormat.writeBytes(document, untouched(document));
    expect(documentXml(written)).toBe(documentXml(SAMPLE));
    expect(unzipSync(written)).toEqual(unzipSync(SAMPLE));
    expect(parse(written).units).toEqual(document.units);
    // Units left out are untouched too.
    expect(documentXml(docxFormat.writeBytes(document, []))).toBe(documentXml(SAMPLE));
  });

  it('writes no space Word hid: the ends of a <w:t> without xml:space="preserve" are no part of the sentence', () => {
    const bytes = makeDocx('<w:p><w:r><w:t>  Lead text.  </w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">  Kept.</w:t></w:r></w:p>');
    const document = parse(bytes);
    expect(document.units.map((unit) => unit.target)).toEqual(['Lead text.', 'Kept.']);
    expect(documentXml(docxFormat.writeBytes(document, untouched(document)))).toBe(documentXml(bytes));
    const xml = documentXml(docxFormat.writeBytes(document, [{ key: document.units[0]!.key, text: 'Led text.', status: 'edited' }]));
    expect(xml).toContain('<w:t>Led text.</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">  Kept.</w:t>');
  });

  it('keeps the bold run around its tagged words when a sentence is corrected', () => {
    const document = parse(SAMPLE);
    const reviewed = untouched(document).map((unit) =>
      unit.key === 'p1.1' ? { ...unit, text: tags('Plain beginning and {0}bold words{1}.'), status: 'edited' as const } : unit,
    );
    const written = docxFormat.writeBytes(document, reviewed);
    const [first, ...rest] = formatting(written);
    expect(first).toEqual([
      ['Plain beginning and ', ''],
      ['bold words', 'b'],
      ['. Second sentence with ', ''],
      ['italic', 'i'],
      [' text.', ''],
    ]);
    expect(rest).toEqual(formatting(SAMPLE).slice(1));
    expect(documentXml(written)).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t>bold words</w:t></w:r>');
    const again = parse(written);
    expect(again.units.map((unit) => unit.target)).toEqual(reviewed.map((unit) => unit.text));
  });

  it('moves formatting with its tags, keeps hyperlinks and Cyrillic, escapes markup characters', () => {
    const document = parse(SAMPLE);
    const edits: Record<string, string> = {
      'p2.1': 'Visit {0}our new site{1} & <more>.',
      'p3.1': '{0}Здравствуй{1}, мир!',
    };
    const written = docxFormat.writeBytes(
      document,
      untouched(document).map((unit) => ({ ...unit, text: edits[unit.key] ? tags(edits[unit.key] ?? '') : unit.text })),
    );
    const [, link, cyrillic] = formatting(written);
    expect(link).toEqual([
      ['Visit ', ''],
      ['our new site', 'link'],
      [' & <more>.', ''],
    ]);
    expect(cyrillic).toEqual([
      ['Здравствуй', 'b'],
      [', мир! Как дела?', ''],
    ]);
    const xml = documentXml(written);
    expect(xml).toContain('<w:hyperlink r:id="rId5" w:history="1">');
    expect(xml).toContain('&amp; &lt;more&gt;.');
    expect(xml).toContain('<w:pPr><w:jc w:val="center"/></w:pPr>');
  });

  it('refuses reviewed texts whose tags are missing, repeated, foreign or unbalanced', () => {
    const document = parse(SAMPLE);
    const write = (key: string, text: string) => () =>
      docxFormat.writeBytes(document, [{ key, text: tags(text), status: 'edited' }]);
    expect(badInput(write('p1.1', 'Plain start and bold words.'))).toMatch(/Unit "p1\.1" is missing tags #1, #2/);
    expect(badInput(write('p1.1', 'Plain {0}start{0} and bold words{1}.'))).toMatch(/"p1\.1" has tag #1 twice/);
    expect(badInput(write('p1.1', 'Plain {1}start and bold words{0}.'))).toMatch(/"p1\.1".*unbalanced/);
    expect(badInput(write('p1.1', 'Plain {0}start{2} and bold words{1}.'))).toMatch(/"p1\.1" has a tag \(#3\) that is not its own/);
    const error = thrown(write('p1.1', 'Plain start and bold words.'));
    expect(error).toBeInstanceOf(UnitError);
    expect([(error as UnitError).unit, (error as UnitError).detail]).toEqual(['p1.1', 'it is missing tags #1, #2.']);
    // A control character pasted in is refused, as XLIFF refuses it, rather than dropped unseen.
    expect(badInput(write('p1.1', 'Plain start\u0007 and {0}bold words{1}.'))).toMatch(/"p1\.1": the text contains U\+0007, a character XML cannot hold/);
    expect(badInput(() => docxFormat.writeBytes(document, [{ key: 'p9.9', text: 'x', status: 'edited' }]))).toMatch(/p9\.9/);
    expect(badInput(() => docxFormat.writeBytes({ format: 'docx', units: [], skeleton: {} as DocxSkeleton }, []))).toMatch(
      /not read from a \.docx/,
    );
  });
});

describe('docx: a sentence deleted whole', () => {
  const deleting = (bytes: Uint8Array, key: string) => {
    const document = parse(bytes);
    return () => docxFormat.writeBytes(document, [{ key, text: '', status: 'edited' }]);
  };

  it('takes its formatting runs and wrappers with it, and leaves the others as they were', () => {
    const written = deleting(SAMPLE, 'p1.1')();
    const [first, ...rest] = formatting(written);
    expect(first).toEqual([
      [' Second sentence with ', ''],
      ['italic', 'i'],
      [' text.', ''],
    ]);
    expect(rest).toEqual(formatting(SAMPLE).slice(1));
    expect(documentXml(written)).not.toContain('bold words');
    expect(parse(written).units.map((unit) => show(unit.target))).toEqual(['Second sentence with {0}italic{1} text.', ...parse(SAMPLE).units.slice(2).map((unit) => show(unit.target))]);
    // A hyperlink, and a line break or a footnote reference, go with their sentence too.
    expect(formatting(deleting(SAMPLE, 'p2.1')())).toHaveLength(3);
    const note = makeDocx(para(run('Noted here.'), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(' Kept.')));
    expect(documentXml(deleting(note, 'p1.1')())).not.toContain('footnoteReference');
  });

  it('takes a bookmark or a field whose ends are both in it', () => {
    const bookmarked = makeDocx(para(run('One '), '<w:bookmarkStart w:id="3" w:name="m"/>', run('here'), '<w:bookmarkEnd w:id="3"/>', run('. Two there.')));
    expect(parse(bookmarked).units.map((unit) => show(unit.target))).toEqual(['One {0}here{1}.', 'Two there.']);
    expect(documentXml(deleting(bookmarked, 'p1.1')())).not.toContain('bookmark');
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const fielded = makeDocx(para(run('Page '), field, run('. Two there.')));
    expect(documentXml(deleting(fielded, 'p1.1')())).not.toContain('fldChar');
  });

  it('is refused, naming the tag, where a bookmark or a field goes on into the next sentence', () => {
    const bookmarked = makeDocx(para(run('One '), '<w:bookmarkStart w:id="3" w:name="m"/>', run('here. Two'), '<w:bookmarkEnd w:id="3"/>', run(' there.')));
    expect(parse(bookmarked).units.map((unit) => show(unit.target))).toEqual(['One {0}here.', 'Two{1} there.']);
    for (const key of ['p1.1', 'p1.2']) {
      const error = thrown(deleting(bookmarked, key));
      expect(error).toBeInstanceOf(UnitError);
      expect((error as UnitError).detail).toMatch(/^it was deleted, but tag \d \(<w:bookmark(Start|End) w:id="3"[^)]*\) is one end of a span or range that goes on beyond it: keep its tags/);
    }
    const fielded = makeDocx(
      para(run('See '), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('this. And'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run(' that.')),
    );
    expect(parse(fielded).units).toHaveLength(2);
    expect((thrown(deleting(fielded, 'p1.1')) as UnitError).detail).toMatch(/^it was deleted, but tag 1 \(.*fldChar.*\), tag 2 \(.*instrText.*\), tag 3 \(.*fldChar.*\) are ends/);
    expect(thrown(deleting(fielded, 'p1.2'))).toBeInstanceOf(UnitError);
    // Its words deleted, its tags kept: written.
    const kept = parse(bookmarked);
    expect(documentXml(docxFormat.writeBytes(kept, [{ key: 'p1.1', text: tags('{0}'), status: 'edited' }]))).toContain('<w:bookmarkStart w:id="3" w:name="m"/>');
  });
});

describe('docx: private-use characters of the file', () => {
  // U+E000–U+EFFF is the range Redline's tags use; a gaiji or an icon font's glyph in the text is not one of them.
  const ICON = '\uE001';
  const GAIJI = '\uE000';
  const bytes = makeDocx(
    para(run(`Press the ${ICON} icon and `), run('bold', '<w:b/>'), run(` text. Next ${GAIJI} sentence.`)) +
      para(run('Icon: '), run(ICON, '<w:rFonts w:ascii="Icons" w:hAnsi="Icons"/>'), run(' done.')),
  );

  it('reads each as a tag standing for itself, so the sentences split and the tags balance', () => {
    const document = parse(bytes);
    expect(document.units.map((unit) => [unit.key, show(unit.target)])).toEqual([
      ['p1.1', 'Press the {0} icon and {1}bold{2} text.'],
      ['p1.2', 'Next {3} sentence.'],
      ['p2.1', 'Icon: {0} done.'],
    ]);
  });

  it('writes each back as the character it was, in its run’s formatting, when its sentence is edited', () => {
    const document = parse(bytes);
    const written = docxFormat.writeBytes(document, [
      { key: 'p1.1', text: tags('Press the {0} symbol and {1}bold{2} text.'), status: 'edited' },
      { key: 'p1.2', text: tags('Then {3} a sentence.'), status: 'edited' },
      { key: 'p2.1', text: tags('Symbol: {0} done.'), status: 'edited' },
    ]);
    const xml = documentXml(written);
    expect(xml).toContain(`<w:r><w:t xml:space="preserve">Press the </w:t></w:r><w:r><w:t>${ICON}</w:t></w:r><w:r><w:t xml:space="preserve"> symbol and </w:t></w:r>`);
    expect(xml).toContain(`<w:r><w:t xml:space="preserve"> text. Then </w:t></w:r><w:r><w:t>${GAIJI}</w:t></w:r>`);
    expect(xml).toContain(`<w:r><w:rPr><w:rFonts w:ascii="Icons" w:hAnsi="Icons"/></w:rPr><w:t>${ICON}</w:t></w:r>`);
    expect(parse(written).units.map((unit) => show(unit.target))).toEqual([
      'Press the {0} symbol and {1}bold{2} text.',
      'Then {3} a sentence.',
      'Symbol: {0} done.',
    ]);
  });
});

describe('docx: malformed files', () => {
  it('refuses a file that is not a ZIP', () => {
    expect(badInput(() => parse(strToU8('Just some text, not a Word file.'), 'notes.docx'))).toMatch(
      /notes\.docx is not a \.docx file: it is not a ZIP archive/,
    );
    expect(badInput(() => parse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.docx'))).toMatch(
      /old\.docx is an old binary Word document \(\.doc\)/,
    );
    expect(badInput(() => parse(SAMPLE.subarray(0, 40), 'cut.docx'))).toMatch(/cut\.docx is not a \.docx file/);
  });

  it('refuses a ZIP without word/document.xml', () => {
    const bytes = zipSync({ 'readme.txt': strToU8('hello') });
    expect(badInput(() => parse(bytes, 'archive.docx'))).toMatch(/archive\.docx .*has no main document part \(word\/document\.xml\)/);
  });

  it('refuses broken XML in document.xml, naming the line', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(`${DECL}<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>Hi</w:r></w:p></w:body></w:document>`) });
    expect(badInput(() => parse(bytes, 'broken.docx'))).toMatch(/broken\.docx \(word\/document\.xml\) is not well-formed XML: line 2/);
    const notWord = zipSync({ 'word/document.xml': strToU8('<html><body/></html>') });
    expect(badInput(() => parse(notWord, 'web.docx'))).toMatch(/web\.docx .*root element is <html>/);
    expect(badInput(() => parse(makeDocx('<w:p/>'), 'empty.docx'))).toMatch(/empty\.docx has no text to review/);
  });

  it('reads a package with bytes before it (a self-extractor stub) and writes it back without them', () => {
    const stub = strToU8('MZ\x90\x00 This program cannot be run in DOS mode. PK\x03\x04 PK\x05\x06');
    const prefixed = new Uint8Array(stub.length + SAMPLE.length);
    prefixed.set(stub);
    prefixed.set(SAMPLE, stub.length);
    const document = parse(prefixed, 'mailed.docx');
    expect(document.units).toEqual(parse(SAMPLE).units);
    const written = docxFormat.writeBytes(document, untouched(document));
    expect(Array.from(written.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(unzipSync(written)).toEqual(unzipSync(SAMPLE));
  });
});

describe('docx: property', () => {
  // Private-use characters of the file too (U+E000–U+EFFF, the range of Redline's tags: gaiji, icon fonts).
  const WORDS = ['Hello', 'world.', 'Привет', 'мир!', 'Straße', 'für', 'a&b', '<x>', 'Mr.', 'Smith', '3.5', 'ok?', 'Done.', 'ab\uE000', 'go\uE002!', '\uEFFF.'];
  const piece = fc.record({
    text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
    after: fc.constantFrom('', ' ', '  ', '\t'),
    bold: fc.boolean(),
    italic: fc.boolean(),
  });
  const paragraph = fc.array(piece, { minLength: 1, maxLength: 6 });

  /** Formatting per character, for comparing texts whose runs may be split differently. */
  const perChar = (paragraphs: Array<Array<[string, string]>>, map: (ch: string) => string = (ch) => ch) =>
    paragraphs.map((stretches) => {
      const out: Array<[string, string]> = [];
      for (const [text, flags] of stretches) {
        for (const ch of [...text].flatMap((c) => [...map(c)])) {
          const last = out[out.length - 1];
          if (last && last[1] === flags) last[0] += ch;
          else out.push([ch, flags]);
        }
      }
      return out;
    });

  it('formatted paragraphs survive parse → write → parse, untouched and corrected', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const body = paragraphs
          .map((pieces) =>
            para(
              ...pieces.map((p) =>
                run(p.text + p.after, `${p.bold ? '<w:b/>' : ''}${p.italic ? '<w:i/>' : ''}`.replace(/^$/, '')),
              ),
            ),
          )
          .join('');
        const bytes = makeDocx(body);
        const document = parse(bytes);
        expect(documentXml(docxFormat.writeBytes(document, untouched(document)))).toBe(documentXml(bytes));

        const upper = (ch: string): string => (/\s/.test(ch) ? ch : ch.toUpperCase());
        const corrected = untouched(document).map((unit) => ({
          ...unit,
          text: [...unit.text].map((ch) => (ch.charCodeAt(0) >= TAG_BASE && ch.charCodeAt(0) < TAG_BASE + 0x1000 ? ch : upper(ch))).join(''),
        }));
        const written = docxFormat.writeBytes(document, corrected);
        expect(perChar(formatting(written))).toEqual(perChar(formatting(bytes), upper));
        const again = parse(written);
        const letters = (texts: string[]): string => texts.join('').replace(/[\uE000-\uEFFF\s]/g, '');
        expect(letters(again.units.map((unit) => unit.target))).toBe(letters(corrected.map((unit) => unit.text)));
      }),
      { numRuns: 150 },
    );
  });

  it('any sentence deleted whole is written without its words and tags, leaving the others’ words and formatting', () => {
    const letters = (text: string): string[] => [...text].filter((ch) => !/[\uE000-\uEFFF\s]/.test(ch));
    /** The formatting of each letter, in order. */
    const flagsOf = (bytes: Uint8Array): string[] => formatting(bytes).flat().flatMap(([text, flags]) => letters(text).map(() => flags));
    fc.assert(
      fc.property(paragraph, fc.nat(), (pieces, pick) => {
        // A last paragraph that stays, so that the file has text to read back.
        const bytes = makeDocx(para(...pieces.map((p) => run(p.text + p.after, `${p.bold ? '<w:b/>' : ''}${p.italic ? '<w:i/>' : ''}`))) + para(run('Kept.')));
        const document = parse(bytes);
        const index = pick % (document.units.length - 1);
        const gone = document.units[index]!;
        const written = docxFormat.writeBytes(document, [{ key: gone.key, text: '', status: 'edited' }]);
        const others = document.units.filter((unit) => unit !== gone).flatMap((unit) => letters(unit.target));
        expect(parse(written).units.flatMap((unit) => letters(unit.target))).toEqual(others);
        const start = document.units.slice(0, index).flatMap((unit) => letters(unit.target)).length;
        const before = flagsOf(bytes);
        expect(flagsOf(written)).toEqual([...before.slice(0, start), ...before.slice(start + letters(gone.target).length)]);
      }),
      { numRuns: 150 },
    );
  });
});
