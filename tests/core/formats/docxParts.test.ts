import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFormat } from '../../../core/formats/docx';
import { sniffBytes } from '../../../core/formats/sniff';
import { TAG_BASE } from '../../../core/formats/types';
import { badInput } from '../../support/thrown';

const bytes = new Uint8Array(readFileSync(new URL('./fixtures/parts.docx', import.meta.url)));
const show = (text: string) => text.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);
const part = (zip: Uint8Array, name: string) => strFromU8(unzipSync(zip)[name]!);

describe('docx: the parts beyond the body', () => {
  const document = docxFormat.parseBytes(bytes, 'parts.docx');

  it('offers headers, footers, footnotes and comments after the body, each marked by where it lives', () => {
    expect(document.units.map((u) => [u.key, show(u.target), u.notes ?? null])).toEqual([
      ['p1.1', 'The situation in Kazakhstan remains tense.', null],
      ['p1.2', '{0}The authorites asked the CSTO for help.{1}{2}', null],
      ['p2.1', 'Thirteen officers were killed.{0}', null],
      ['p3.1', 'Text in a box.', ['Text box']],
      ['header1:p4.1', 'Ministry of Economy — quarterly report', ['Header (header1.xml)']],
      ['footer1:p5.1', 'Page {0}{1}{2}', ['Footer (footer1.xml)']],
      ['footnotes:p6.1', '{0} According to the ministry of interior.', ['Footnote 1 (footnotes.xml)']],
      ['comments:p7.1', 'Check the spelling of this sentence.', ['Comment 1 by Ana Reviewer (comments.xml)']],
    ]);
  });

  it('numbers comments as the editor counts them: from 1, in the order of comments.xml, not by Word’s w:id', () => {
    const files = unzipSync(bytes);
    const comment = (id: number, author: string, text: string) =>
      `<w:comment w:id="${id}" w:author="${author}" w:date="2024-05-02T09:00:00Z"><w:p>${text && `<w:r><w:t>${text}</w:t></w:r>`}</w:p></w:comment>`;
    files['word/comments.xml'] = strToU8(
      part(bytes, 'word/comments.xml').replace(
        /<w:comment .*<\/w:comment>/,
        comment(7, 'Ana Reviewer', 'First in the file.') + comment(0, 'Ben', '') + comment(3, 'Ben', 'Third, after a blank one.'),
      ),
    );
    const notes = docxFormat.parseBytes(zipSync(files), 'parts.docx').units.filter((u) => u.key.startsWith('comments:'));
    expect(notes.map((u) => [u.target, u.notes])).toEqual([
      ['First in the file.', ['Comment 1 by Ana Reviewer (comments.xml)']],
      ['Third, after a blank one.', ['Comment 3 by Ben (comments.xml)']],
    ]);
  });

  it('writes an untouched package back part for part', () => {
    const written = docxFormat.writeBytes(document, []);
    const before = unzipSync(bytes);
    const after = unzipSync(written);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [name, data] of Object.entries(before)) expect(after[name], name).toEqual(data);
  });

  it('writes an edit of a footnote into footnotes.xml only, as exactly that change', () => {
    const unit = document.units.find((u) => u.key === 'footnotes:p6.1')!;
    const written = docxFormat.writeBytes(document, [{ key: unit.key, text: unit.target.replace('ministry of interior', 'Ministry of Internal Affairs'), status: 'edited' }]);
    const before = unzipSync(bytes);
    const after = unzipSync(written);
    for (const name of Object.keys(before)) if (name !== 'word/footnotes.xml') expect(after[name], name).toEqual(before[name]);
    expect(part(written, 'word/footnotes.xml')).toBe(part(bytes, 'word/footnotes.xml').replace('ministry of interior', 'Ministry of Internal Affairs'));
  });

  it('keeps a comment range around the text it enclosed, and the runs’ revision ids, when the sentence is edited', () => {
    const unit = document.units.find((u) => u.key === 'p1.2')!;
    const written = docxFormat.writeBytes(document, [{ key: unit.key, text: unit.target.replace('authorites', 'authorities'), status: 'edited' }]);
    const xml = part(written, 'word/document.xml');
    expect(xml).toContain('<w:commentRangeStart w:id="0"/><w:r w:rsidRPr="00D4E5F6"><w:t>The authorities asked the CSTO for help.</w:t></w:r><w:commentRangeEnd w:id="0"/>');
    expect(xml).toContain('<w:r w:rsidRPr="00D4E5F6"><w:t xml:space="preserve">The situation in Kazakhstan remains tense. </w:t></w:r>');
    expect(xml).toBe(part(bytes, 'word/document.xml').replace('authorites', 'authorities'));
  });

  it('edits a header and a comment', () => {
    const written = docxFormat.writeBytes(document, [
      { key: 'header1:p4.1', text: 'Ministry of the Economy — quarterly report', status: 'edited' },
      { key: 'comments:p7.1', text: 'Check the spelling of “authorities”.', status: 'edited' },
    ]);
    expect(part(written, 'word/header1.xml')).toBe(part(bytes, 'word/header1.xml').replace('Ministry of Economy', 'Ministry of the Economy'));
    expect(part(written, 'word/comments.xml')).toBe(part(bytes, 'word/comments.xml').replace('this sentence.', '“authorities”.'));
  });

  it('refuses a package with a malformed footnotes part in one line', () => {
    const broken = new Uint8Array(readFileSync(new URL('./fixtures/broken-parts.docx', import.meta.url)));
    expect(badInput(() => docxFormat.parseBytes(broken, 'broken-parts.docx'))).toMatch(
      /^broken-parts\.docx \(word\/footnotes\.xml\) is not well-formed XML: line 2, column \d+: [^\n]+$/,
    );
  });
});

describe('docx: the main part found as Word finds it', () => {
  /** parts.docx as Word on the web writes it: the body in word/document2.xml, named by the package's relationships. */
  function renamedBody(): Uint8Array {
    const files = unzipSync(bytes);
    const renamed: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(files)) {
      if (name === 'word/document.xml') renamed['word/document2.xml'] = data;
      else if (name === '_rels/.rels' || name === '[Content_Types].xml') renamed[name] = strToU8(strFromU8(data).replace('/word/document.xml', '/word/document2.xml').replace('"word/document.xml"', '"/word/document2.xml"'));
      else renamed[name] = data;
    }
    return zipSync(renamed);
  }

  it('reads and writes word/document2.xml through _rels/.rels', () => {
    const zip = renamedBody();
    expect(strFromU8(unzipSync(zip)['_rels/.rels']!)).toContain('Target="/word/document2.xml"');
    expect(sniffBytes(zip)).toEqual({ format: 'docx' });
    const document = docxFormat.parseBytes(zip, 'online.docx');
    expect(document.units.map((u) => show(u.target))).toEqual(docxFormat.parseBytes(bytes, 'parts.docx').units.map((u) => show(u.target)));
    const unit = document.units.find((u) => u.key === 'p1.2')!;
    const written = docxFormat.writeBytes(document, [{ key: unit.key, text: unit.target.replace('authorites', 'authorities'), status: 'edited' }]);
    expect(Object.keys(unzipSync(written))).not.toContain('word/document.xml');
    expect(part(written, 'word/document2.xml')).toBe(part(zip, 'word/document2.xml').replace('authorites', 'authorities'));
  });

  it('writes a package nothing was changed in back byte for byte, whatever zipped it (its headers too)', () => {
    // As a Linux tool zips it: Unix "made by", file attributes, a level of its own.
    const files = unzipSync(bytes);
    const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 9, os: 3, attrs: 0o100644 << 16 }]])));
    const document = docxFormat.parseBytes(zipped, 'linux.docx');
    expect(docxFormat.writeBytes(document, [])).toEqual(zipped);
    expect(docxFormat.writeBytes(document, document.units.map((u) => ({ key: u.key, text: u.target, status: 'confirmed' as const })))).toEqual(zipped);
  });

  it('says a package without a main part is not a Word document', () => {
    const files = unzipSync(bytes);
    delete files['word/document.xml'];
    expect(badInput(() => docxFormat.parseBytes(zipSync(files), 'hollow.docx'))).toBe(
      'hollow.docx is not a Word document: its ZIP archive has no main document part (word/document.xml).',
    );
  });
});
