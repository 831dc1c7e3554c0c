/**
 * XML written in a legacy encoding (ISO-8859-1, windows-1252, Shift_JIS …) can still carry any character: as a
 * numeric character reference (`&#8211;`), which every XML reader resolves. References are allowed only in
 * character data and attribute values, so the scan below keeps out of tags, comments, CDATA sections,
 * processing instructions and the DOCTYPE; a character the encoding lacks there is left for the encoder to
 * refuse. Every such character in Redline's output comes from the editor's text, which writers put only in
 * character data and attribute values.
 */

/** Where the scan is: between tags (character data), inside a tag, or inside one of its quoted values. */
type Place = 'data' | 'tag' | '"' | "'";

/** Markup whose content is not parsed for references, by how it opens and how it ends. */
const OPAQUE: ReadonlyArray<{ open: string; close: string }> = [
  { open: '<!--', close: '-->' },
  { open: '<![CDATA[', close: ']]>' },
  { open: '<?', close: '?>' },
];

/** Characters XML never allows, not even as a reference: a surrogate half, U+FFFE and U+FFFF. */
const referable = (code: number): boolean => !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff;

/**
 * `xml` with each character outside ASCII that `canEncode` rejects written as `&#N;` where XML resolves
 * references (character data and attribute values); everything else, and any text without such a character,
 * is returned as it was.
 */
export function referenceUnencodable(xml: string, canEncode: (char: string) => boolean): string {
  let out = '';
  let copied = 0;
  let place: Place = 'data';
  for (let i = 0; i < xml.length; ) {
    const c = xml.charCodeAt(i);
    if (c === 0x3c /* < */ && place === 'data') {
      const opaque = OPAQUE.find((o) => xml.startsWith(o.open, i));
      if (opaque) {
        const close = xml.indexOf(opaque.close, i + opaque.open.length);
        i = close < 0 ? xml.length : close + opaque.close.length;
      } else if (xml.startsWith('<!', i)) {
        i = doctypeEnd(xml, i);
      } else {
        place = 'tag';
        i++;
      }
      continue;
    }
    if (place === 'tag') {
      if (c === 0x3e /* > */) place = 'data';
      else if (c === 0x22 || c === 0x27) place = c === 0x22 ? '"' : "'";
      i++;
      continue;
    }
    if (place !== 'data' && c === place.charCodeAt(0)) {
      place = 'tag';
      i++;
      continue;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    const code = xml.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    if (referable(code) && !canEncode(char)) {
      out += `${xml.slice(copied, i)}&#${code};`;
      copied = i + char.length;
    }
    i += char.length;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

/** Just after a `<!DOCTYPE …>` (or other `<!` declaration) starting at `start`: its `>` outside quotes and brackets. */
function doctypeEnd(xml: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 2; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return xml.length;
}
