import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseXmlTree, textContent, type XmlElement } from '../../core/formats/xliff/xmlTree';
import { declaredEncoding } from '../../core/formats/xml/declaration';
import { openTestServices } from '../electron/support';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url)), 'utf8');

/** A one-unit XLIFF 1.2 declaring `encoding`, its target `target`. */
const xliff = (encoding: string, target: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?>\n` +
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  '<file original="a.txt" source-language="en" target-language="fr" datatype="plaintext"><body>\n' +
  `<trans-unit id="1"><source>Cafe menu</source><target>${target}</target></trans-unit>\n` +
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
