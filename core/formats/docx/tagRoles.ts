import { isTagChar, TAG_BASE } from '../types';
import type { DocxTag } from './paragraph';

/**
 * The roles of a paragraph's tags in one unit, as checkKeptTags (keptTags.ts) reads them when the unit is deleted
 * whole. Formatting and wrapper pairs never straddle units (the paragraph reader joins sentences until they
 * close), so they are `o` and `c` and go with the unit. A standalone tag goes with it too (`a`: a line break, a
 * drawing, a footnote reference), unless it is one end of something whose other end may be elsewhere: a
 * bookmark, comment, move or permission range, a comment's reference without its range, a field's characters and
 * instructions. Those are `x` (kept) unless every end of theirs is in the unit's MT: a range's start and end by
 * id, a field's begin, separate and end in order.
 */

const RANGE = /<(?:[\w.-]+:)?(bookmark|commentRange|moveFromRange|moveToRange|perm|customXml\w*Range)(Start|End)\b[^>]*?\b(?:[\w.-]+:)?id="([^"]*)"/;
const COMMENT_REFERENCE = /<(?:[\w.-]+:)?commentReference\b[^>]*?\b(?:[\w.-]+:)?id="([^"]*)"/;
const FIELD_CHAR = /<(?:[\w.-]+:)?fldChar\b[^>]*?\b(?:[\w.-]+:)?fldCharType="(begin|separate|end)"/;
const FIELD_CODE = /<(?:[\w.-]+:)?(?:instrText|delInstrText)\b/;

export function docxTagRoles(mt: string, tags: readonly DocxTag[]): string {
  const own = [...mt].filter(isTagChar).map((ch) => ch.charCodeAt(0) - TAG_BASE);
  const xmlOf = (n: number): string => {
    const tag = tags[n];
    return tag?.kind === 'standalone' ? tag.xml : '';
  };
  // Ranges whose start and end are both in the unit.
  const ends = new Map<string, Set<string>>();
  for (const n of own) {
    const range = RANGE.exec(xmlOf(n));
    if (range) ends.set(`${range[1]}:${range[3]}`, (ends.get(`${range[1]}:${range[3]}`) ?? new Set()).add(range[2]!));
  }
  const whole = (key: string): boolean => ends.get(key)?.size === 2;
  // Fields whose characters all pair up in the unit, in order.
  let depth = 0;
  let fieldsWhole = true;
  for (const n of own) {
    const type = FIELD_CHAR.exec(xmlOf(n))?.[1];
    if (type === 'begin') depth++;
    else if (type !== undefined && depth === 0) fieldsWhole = false;
    else if (type === 'end') depth--;
  }
  fieldsWhole &&= depth === 0;
  return tags
    .map((tag, n) => {
      if (tag.kind === 'open') return 'o';
      if (tag.kind === 'close') return 'c';
      const xml = tag.xml;
      const range = RANGE.exec(xml);
      if (range) return whole(`${range[1]}:${range[3]}`) ? 'a' : 'x';
      const reference = COMMENT_REFERENCE.exec(xml);
      if (reference) return whole(`commentRange:${reference[1]}`) ? 'a' : 'x';
      if (FIELD_CHAR.test(xml) || FIELD_CODE.test(xml)) return fieldsWhole && own.includes(n) ? 'a' : 'x';
      return 'a';
    })
    .join('');
}
