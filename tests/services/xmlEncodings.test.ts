import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseXmlTree, textContent, type XmlElement } from '../../core/formats/xliff/xmlTree';
import { declaredEncoding } from '../../core/formats/xml/declaration';
import { openTestServices } from '../electron/support';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url)), 'utf8');

/** A one-unit XLIFF 1.2 declaring `encoding`, its target `target`. */
const xliff = (encoding: string, target: string, source = 'Cafe menu'): string =>
  `<?xml version="1.0" encoding="${encoding}"?>\n` +
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  '<file original="a.txt" source-language="en" target-language="fr" datatype="plaintext"><body>\n' +
  `<trans-unit id="1"><source>${source}</source><target>${target}</target></trans-unit>\n` +
  '</body></file></xliff>\n';

/** The first element named `local`, depth first. */
function find(element: XmlElement, local: string): XmlElement | undefined {
  if (element.local === local) return element;
  for (const child of element.children) {
    const found = child.type === 'element' ? find(child, local) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** What any XML reader makes of the bytes: decoded in the encoding their declaration names, then parsed. */
function readAsXml(bytes: Buffer): XmlElement {
  const declared = declaredEncoding(bytes.toString('latin1')) ?? 'utf-8';
  return parseXmlTree(iconv.decode(bytes, declared), 'out.xlf').root;
}

function importBytes(bytes: Buffer, name: string, options = {}) {
  const opened = openTestServices();
  const path = join(opened.dir, name);
  writeFileSync(path, bytes);
  const doc = opened.services.documents.importFile(path, options);
  return { ...opened, doc, path };
}

describe('export as UTF-8 of an XML file in another encoding', () => {
  const utf16 = (text: string, encoding: 'utf-16le' | 'utf-16be') =>
    Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), iconv.encode(text.replace(/encoding="utf-8"/i, 'encoding="UTF-16"'), encoding)]);

  it.each([
    ['help-de.xlf', {}],
    ['review.sdlxliff', {}],
    ['review.mqxliff', {}],
    ['memory.tmx', { languages: { sourceLang: 'en-US', targetLang: 'de-DE' } }],
  ])('%s from UTF-16 declares UTF-8, the rest byte for byte; in its own encoding it comes back as it was', (name, options) => {
    const original = fixture(name);
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bytes = utf16(original, encoding);
      const { services, doc } = importBytes(bytes, name, options);
      expect(services.documents.exportBytes(doc.id, { utf8: true }).toString('utf8')).toBe(original.replace(/encoding="utf-8"/i, 'encoding="UTF-8"'));
      expect(services.documents.exportBytes(doc.id)).toEqual(bytes);
    }
  });

  it('from windows-1252 declares UTF-8, so a reader reads the accents the file had', () => {
    const bytes = iconv.encode(xliff('windows-1252', '« Café » – déjà'), 'windows-1252');
    const { services, doc } = importBytes(bytes, 'cp1252.xlf');
    const exported = services.documents.exportBytes(doc.id, { utf8: true });
    expect(exported.toString('utf8')).toBe(xliff('UTF-8', '« Café » – déjà'));
    expect(textContent(find(readAsXml(exported), 'target')!)).toBe('« Café » – déjà');
    expect(services.documents.exportBytes(doc.id)).toEqual(bytes);
  });
});

describe('the encoding an XML declaration names', () => {
  it('reads an ISO-8859-15 file in it: € and œ, not ¤ and ½', () => {
    const { services, doc, path } = importBytes(iconv.encode(xliff('ISO-8859-15', '5 €, dit la sœur.'), 'iso-8859-15'), 'iso15.xlf');
    expect(services.segments.page(doc.id, 0, 5).items.map((s) => s.mtText)).toEqual(['5 €, dit la sœur.']);
    expect(services.documents.inspectFile(path)).toMatchObject({ encoding: 'iso-8859-15', confidence: 1 });
  });

  it('writes what ISO-8859-1 lacks as character references, so the dash and the euro survive a reader', () => {
    const bytes = iconv.encode(xliff('ISO-8859-1', 'Menu du café'), 'iso-8859-1');
    const { services, doc } = importBytes(bytes, 'latin1.xlf');
    const [segment] = services.segments.page(doc.id, 0, 5).items;
    services.segments.update(segment!.id, 'Menu du café – édité €');
    const exported = services.documents.exportBytes(doc.id);
    expect(exported.toString('latin1')).toContain('>Menu du caf\xe9 &#8211; \xe9dit\xe9 &#8364;</target>');
    expect(textContent(find(readAsXml(exported), 'target')!)).toBe('Menu du café – édité €');
  });

  it('property: any edit, in any encoding named, reads back exactly from the file exported in it', () => {
    // Each file has a word of its encoding's own in the source, as real files do: bytes that are all valid UTF-8
    // are read as UTF-8 whatever the declaration says (a mislabelled UTF-8 file is far likelier than legacy text
    // that happens to be valid UTF-8, such as "é««" in ISO-8859-1).
    const encodings = [
      ['ISO-8859-1', 'Café'],
      ['ISO-8859-15', 'Œuvre'],
      ['windows-1252', 'Déjà'],
      ['ISO-8859-2', 'Żółć'],
      ['Shift_JIS', '日本語'],
      ['US-ASCII', 'Menu'],
    ] as const;
    const char = fc.constantFrom('a', 'Z', ' ', 'é', 'ÿ', 'œ', 'ł', '€', '–', '’', '«', '日', '本', '😀', '&', '<', '>', '"', "'", '\n', 'Ω');
    const text = fc.tuple(fc.constantFrom('A', 'é', '€'), fc.array(char, { maxLength: 12 })).map(([first, rest]) => first + rest.join(''));
    for (const [encoding, word] of encodings) {
      const opened = openTestServices();
      let n = 0;
      fc.assert(
        fc.property(text, (edited) => {
          const path = join(opened.dir, `in-${n++}.xlf`);
          writeFileSync(path, iconv.encode(xliff(encoding, 'Menu', word), encoding));
          const doc = opened.services.documents.importFile(path);
          const [segment] = opened.services.segments.page(doc.id, 0, 5).items;
          opened.services.segments.update(segment!.id, edited);
          const exported = opened.services.documents.exportBytes(doc.id);
          expect(textContent(find(readAsXml(exported), 'target')!)).toBe(edited);
          const out = join(opened.dir, `out-${n}.xlf`);
          writeFileSync(out, exported);
          const again = opened.services.documents.importFile(out);
          expect(opened.services.segments.page(again.id, 0, 5).items.map((s) => s.mtText)).toEqual([edited]);
        }),
        { numRuns: 25 },
      );
    }
  });
});
