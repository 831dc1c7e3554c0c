import { unzipSync } from 'fflate';

/**
 * What a file looks like from its first bytes or characters, whatever its name says: the format to read it
 * with, or, for a kind of file Redline does not read, words naming it for the refusal ("an HTML page"). The
 * registry uses this when the extension is unknown or disagrees with the content.
 */
export type Sniffed = { format: 'xliff' | 'sdlxliff' | 'mqxliff' | 'tmx' | 'docx' } | { unsupported: string } | null;

const startsWithBytes = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' }, // GIF8
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document (.doc/.xls), which Redline does not read: save it as .docx' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' }, // {\rtf
];

/** The kind of a binary file by its signature; a ZIP package by the parts it holds. */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names: string[] = [];
    try {
      // Only the directory is read: the filter declines every entry, so nothing is inflated.
      unzipSync(bytes, {
        filter: (file) => {
          names.push(file.name);
          return false;
        },
      });
    } catch {
      return { unsupported: 'a damaged ZIP archive' };
    }
    // word/document.xml as Word names it; Word on the web writes word/document2.xml (the reader follows _rels/.rels).
    if (names.includes('word/document.xml') || (names.includes('[Content_Types].xml') && names.some((n) => /^word\/[^/]+\.xml$/.test(n)))) {
      return { format: 'docx' };
    }
    if (names.some((n) => n.startsWith('xl/'))) return { unsupported: 'an Excel workbook' };
    if (names.some((n) => n.startsWith('ppt/'))) return { unsupported: 'a PowerPoint presentation' };
    if (names.includes('content.xml')) return { unsupported: 'an OpenDocument file' };
    return { unsupported: 'a ZIP archive' };
  }
  const known = SIGNATURES.find((s) => startsWithBytes(bytes, s.bytes));
  return known ? { unsupported: known.what } : null;
}

/** The root element's name of an XML text, skipping the declaration, comments, processing instructions and DOCTYPE. */
function rootElement(text: string): { name: string; tag: string; doctype: string } | null {
  let at = 0;
  let doctype = '';
  const head = text.slice(0, 64 * 1024);
  const skipTo = (from: number, end: string): number => {
    const found = head.indexOf(end, from);
    return found < 0 ? -1 : found + end.length;
  };
  for (;;) {
    while (at < head.length && /\s|\uFEFF/.test(head[at]!)) at++;
    let next: number;
    if (head.startsWith('<?', at)) next = skipTo(at, '?>');
    else if (head.startsWith('<!--', at)) next = skipTo(at, '-->');
    else if (/^<!doctype/i.test(head.slice(at, at + 9))) {
      next = skipTo(at, '>');
      doctype = head.slice(at, next);
    } else break;
    if (next < 0) return null;
    at = next;
  }
  const match = /^<([A-Za-z_][\w.:-]*)[^>]*>/.exec(head.slice(at));
  return match ? { name: match[1]!, tag: match[0], doctype } : null;
}

/** The kind of a text file by its content. */
export function sniffText(text: string): Sniffed {
  const root = rootElement(text);
  if (root) {
    const local = root.name.replace(/^.*:/, '').toLowerCase();
    if (local === 'xliff') {
      if (root.tag.includes('http://sdl.com/FileTypes/SdlXliff/1.0')) return { format: 'sdlxliff' };
      return { format: /\sxmlns:[\w.-]+\s*=\s*(["'])MQXliff\1/.test(root.tag) ? 'mqxliff' : 'xliff' };
    }
    if (local === 'tmx') return { format: 'tmx' };
    if (local === 'html' || /^<!doctype\s+html/i.test(root.doctype)) return { unsupported: 'an HTML page' };
    if (local === 'svg') return { unsupported: 'an SVG image' };
    // Other markup counts as XML only with a declaration: a plain text may well begin with "<b>" or "<unk>".
    if (/^\uFEFF?\s*<\?xml\s/.test(text)) return { unsupported: `an XML file (root element <${root.name}>)` };
    return null;
  }
  const start = text.trimStart();
  if (/^<!doctype\s+html/i.test(start)) return { unsupported: 'an HTML page' };
  if (start.startsWith('{\\rtf')) return { unsupported: 'an RTF document' };
  return null;
}
