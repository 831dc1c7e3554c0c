import { RedlineError } from '../../model/errors';
import { segmentText } from '../../segmentation';
import { isTagChar, MAX_TAGS, TAG_BASE, tagChar } from '../types';
import { splitAtTagChars } from '../units';
import type { XmlElement, XmlNode } from '../xliff/xmlTree';
import { checkKeptTags, isDeletedWhole } from '../keptTags';
import { UnitError } from '../units';
import { docxTagRoles } from './tagRoles';
import { escapeCharData } from '../xml/escape';
import { withoutCharsXmlCannotHold } from '../xml/xmlChars';

/**
 * One WordprocessingML paragraph (<w:p>) as text with tag characters, and back.
 *
 * Reading: the paragraph's runs are walked in order. <w:t> gives its text, <w:tab/> a tab character, Word's
 * hyphens (<w:noBreakHyphen/>, <w:softHyphen/>) U+2011 and U+00AD, and a plain
 * line break (<w:br/>, no page or column break, no `w:clear`) a line feed, so a line break reads as one to the
 * sentence splitter and the checks (a break between two lines splits them into two units) and comes back as a
 * <w:br/> from an edited paragraph. A private-use character of the range Redline uses for tags (U+E000–U+EFFF:
 * gaiji, icon fonts) in a <w:t> is a standalone tag standing for itself, as in every other format, so it cannot
 * pass for one of the paragraph's tags. The run
 * properties (<w:rPr>, compared as written) that cover most of the paragraph's text outside wrappers are its
 * base formatting and get no tags; every stretch of consecutive runs with other properties (bold, italic,
 * underline, but also any other difference: colour, font, language …, all kept rather than merged so that nothing
 * is lost) is wrapped in a pair of tags that carries those properties. A wrapper — an element around runs that
 * holds live text: <w:hyperlink>, a tracked insertion or move destination (<w:ins>, <w:moveTo>), an inline
 * content control (<w:sdt>, its <w:sdtContent>), <w:smartTag>, <w:customXml>, <w:fldSimple>, a bidirectional
 * embedding or override (<w:dir>, <w:bdo>) — is a pair of tags too, carrying its markup before and after its
 * runs (properties such as <w:sdtPr> included); inside it the same rules apply, nested wrappers included, with its
 * own base formatting. Everything else a run holds (<w:br/>, drawings, field characters, footnote references,
 * symbols …) is a standalone tag carrying its markup and its run's properties (a text box's markup, when the
 * box's paragraphs are units of their own, is cut around them: `pieces`, filled in by the writer); everything else
 * the paragraph holds (bookmarks, comment ranges, tracked deletions and move sources — <w:del>, <w:moveFrom>, whose
 * text is no longer the document's — wrappers with nothing inside …) is a standalone tag carrying its markup as
 * is. <w:proofErr/> and <w:lastRenderedPageBreak/> are Word's caches of spelling state and layout: they are not
 * tags, and a rewritten paragraph drops them.
 *
 * Writing: the reviewed text is walked with a stack of open tags; each character gets the properties of the
 * innermost open pair (or the base), consecutive characters with the same properties and wrappers share a run. A
 * run is written with the start tag its properties had (Word's w:rsidR/w:rsidRPr revision ids kept), and a
 * standalone tag in the run it sat in.
 */

/**
 * Word's hyphens are elements of their own, not text: <w:noBreakHyphen/> (Ctrl+Shift+-, `Кто‑то`) reads as
 * U+2011 and <w:softHyphen/> (an optional break) as U+00AD, so the word stays one word to the reader, the checks
 * and the speller, and each is written back as that element (a literal U+2011 or U+00AD in a <w:t> too).
 */
const NON_BREAKING_HYPHEN = '\u2011';
const SOFT_HYPHEN = '\u00ad';

export const W_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

export type DocxTag =
  /**
   * Opens formatting (`rPr`) or a wrapper (`link` = its markup before its runs, `linkClose` = after them; named
   * for hyperlinks, the first wrapper read, as stored skeletons have them).
   */
  | { kind: 'open'; rPr: string; link: string | null; linkClose: string | null; partner: number }
  | { kind: 'close'; partner: number }
  /** Markup kept as is; `rPr` is the properties of the run it sat in, or null outside runs. */
  | { kind: 'standalone'; xml: string; rPr: string | null; run?: string; pieces?: Array<string | number> };

export interface DocxParagraphModel {
  /** The paragraph's text with tag characters (TAG_BASE + index into `tags`). */
  text: string;
  tags: DocxTag[];
  /** The base run properties, as written ('' for none). */
  baseRPr: string;
  /** The element prefix to write new elements with ('w'), or '' when the document uses a default namespace. */
  prefix: string;
  /**
   * Per run properties (as written), the start tag of the runs that had them, attributes and all (w:rsidR,
   * w:rsidRPr …: Word's revision ids), the one covering most text: a rewritten run keeps them.
   */
  runStarts?: Record<string, string>;
}

export interface DocxUnitSpan {
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
}

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

const isW = (element: XmlElement, local: string): boolean =>
  element.local === local && W_NAMESPACES.includes(element.uri);

interface Item {
  kind: 'text' | 'standalone';
  text: string;
  rPr: string | null;
  /** The innermost wrapper the item sits in (an index into the wrappers), or null. */
  wrapper: number | null;
  /** The start tag of the run the item sat in, as written. */
  run?: string;
  /** Offset of a standalone item's markup in the file. */
  at?: number;
}

interface Wrapper {
  start: string;
  close: string;
  parent: number | null;
}

/** Wrappers whose content is read as the paragraph's own, and the properties they hold before it. */
const WRAPPERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['hyperlink', []],
  ['ins', []],
  ['moveTo', []],
  ['smartTag', ['smartTagPr']],
  ['customXml', ['customXmlPr']],
  ['fldSimple', ['fldData']],
  ['dir', []],
  ['bdo', []],
]);

/**
 * A wrapper's markup before and after its content, and the content; null for an element that is not one (or is
 * empty: a self-closing one, a content control without <w:sdtContent>).
 */
function wrapperOf(element: XmlElement, xml: string): { start: string; close: string; content: XmlNode[] } | null {
  if (element.selfClosing || !W_NAMESPACES.includes(element.uri)) return null;
  if (element.local === 'sdt') {
    const content = element.children.find((c): c is XmlElement => c.type === 'element' && isW(c, 'sdtContent'));
    if (!content || content.selfClosing) return null;
    return {
      start: xml.slice(element.start, content.openEnd),
      close: xml.slice(content.closeStart, element.end),
      content: content.children,
    };
  }
  const properties = WRAPPERS.get(element.local);
  if (!properties) return null;
  // Its properties come first (the schema's order): they belong to the start markup.
  let from = 0;
  let startEnd = element.openEnd;
  for (let i = 0; i < element.children.length; i++) {
    const child = element.children[i]!;
    if (child.type === 'text') continue;
    if (child.type !== 'element' || !properties.some((local) => isW(child, local))) break;
    startEnd = child.end;
    from = i + 1;
  }
  return {
    start: xml.slice(element.start, startEnd),
    close: xml.slice(element.closeStart, element.end),
    content: element.children.slice(from),
  };
}

/** A line break that is only that: not a page or column break, not clearing floating objects. */
const isPlainBreak = (element: XmlElement): boolean =>
  isW(element, 'br') &&
  Object.entries(element.attrs).every(([name, value]) => /(^|:)type$/.test(name) && value === 'textWrapping');

/**
 * Reads a paragraph's content from offset `from` on (just after its <w:pPr>) into text with tags. `offsets`, when
 * given, gets the file offset of each standalone tag's markup (by tag number), for cutting it around text boxes.
 */
export function readParagraph(
  paragraph: XmlElement,
  xml: string,
  where: string,
  from: number,
  offsets?: number[],
): DocxParagraphModel {
  const items: Item[] = [];
  const wrappers: Wrapper[] = [];
  const raw = (node: { start: number; end: number }): string => xml.slice(node.start, node.end);

  const readRun = (run: XmlElement, wrapper: number | null): void => {
    const rPrElement = run.children.find((c): c is XmlElement => c.type === 'element' && isW(c, 'rPr'));
    const rPr = rPrElement ? raw(rPrElement) : '';
    const start = xml.slice(run.start, run.openEnd);
    for (const child of run.children) {
      if (child.type === 'text') continue;
      if (child.type !== 'element') {
        items.push({ kind: 'standalone', text: raw(child), rPr, wrapper, run: start, at: child.start });
      } else if (child === rPrElement || isW(child, 'lastRenderedPageBreak')) {
        continue;
      } else if (isW(child, 't')) {
        // Without xml:space="preserve" Word shows no space at either end of a <w:t>: neither does the sentence, so an
        // edited paragraph is not written with spaces the reader never saw (kept, they would show then).
        const text = child.attrs['xml:space'] === 'preserve' ? textOf(child) : textOf(child).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
        for (const piece of splitAtTagChars(text)) {
          if (piece.kind === 'text') items.push({ kind: 'text', text: piece.text, rPr, wrapper, run: start });
          // A tag character of the file's own: written back as the one-character text it was.
          else items.push({ kind: 'standalone', text: `<${child.qname}>${piece.text}</${child.qname}>`, rPr, wrapper, run: start });
        }
      } else if (isW(child, 'tab')) {
        items.push({ kind: 'text', text: '\t', rPr, wrapper, run: start });
      } else if (isW(child, 'noBreakHyphen') || isW(child, 'softHyphen')) {
        items.push({ kind: 'text', text: isW(child, 'noBreakHyphen') ? NON_BREAKING_HYPHEN : SOFT_HYPHEN, rPr, wrapper, run: start });
      } else if (isPlainBreak(child)) {
        items.push({ kind: 'text', text: '\n', rPr, wrapper, run: start });
      } else {
        items.push({ kind: 'standalone', text: raw(child), rPr, wrapper, run: start, at: child.start });
      }
    }
  };
  const readChildren = (children: XmlNode[], wrapper: number | null): void => {
    for (const child of children) {
      if (child.type === 'text') continue;
      const wrapped = child.type === 'element' ? wrapperOf(child, xml) : null;
      if (child.type !== 'element') {
        items.push({ kind: 'standalone', text: raw(child), rPr: null, wrapper, at: child.start });
      } else if (isW(child, 'pPr') || isW(child, 'proofErr')) {
        continue;
      } else if (isW(child, 'r')) {
        readRun(child, wrapper);
      } else if (wrapped) {
        const before = items.length;
        wrappers.push({ start: wrapped.start, close: wrapped.close, parent: wrapper });
        readChildren(wrapped.content, wrappers.length - 1);
        // Nothing inside (an empty content control …): kept as it is, a standalone tag.
        if (items.length === before) items.push({ kind: 'standalone', text: raw(child), rPr: null, wrapper, at: child.start });
      } else {
        items.push({ kind: 'standalone', text: raw(child), rPr: null, wrapper, at: child.start });
      }
    }
  };
  readChildren(
    paragraph.children.filter((child) => child.type === 'text' || child.start >= from),
    null,
  );

  // The base formatting of the paragraph (key -1) and of each wrapper: the properties covering the most text (a
  // wrapper without text of its own takes the one around it).
  const weights = new Map<number, Map<string, number>>();
  for (const item of items) {
    if (item.kind !== 'text' || item.rPr === null) continue;
    const scope = item.wrapper ?? -1;
    const counts = weights.get(scope) ?? new Map<string, number>();
    counts.set(item.rPr, (counts.get(item.rPr) ?? 0) + item.text.length);
    weights.set(scope, counts);
  }
  const baseOf = (scope: number): string => {
    const counts = weights.get(scope);
    if (!counts) return scope < 0 ? '' : baseOf(wrappers[scope]?.parent ?? -1);
    let best = '';
    let bestCount = -1;
    for (const [rPr, count] of counts) {
      if (count > bestCount) [best, bestCount] = [rPr, count];
    }
    return best;
  };
  const baseRPr = baseOf(-1);

  // Per run properties, the run start tag covering the most text (a plain `<w:r>` is not worth remembering).
  const startWeights = new Map<string, Map<string, number>>();
  for (const item of items) {
    if (item.kind !== 'text' || item.rPr === null || item.run === undefined) continue;
    const counts = startWeights.get(item.rPr) ?? new Map<string, number>();
    counts.set(item.run, (counts.get(item.run) ?? 0) + item.text.length);
    startWeights.set(item.rPr, counts);
  }
  const runStarts: Record<string, string> = {};
  for (const [rPr, counts] of startWeights) {
    let best = '';
    let bestCount = -1;
    for (const [start, count] of counts) if (count > bestCount) [best, bestCount] = [start, count];
    if (/\s/.test(best)) runStarts[rPr] = best;
  }

  const tags: DocxTag[] = [];
  let text = '';
  const add = (tag: DocxTag): number => {
    if (tags.length >= MAX_TAGS) throw badInput(`${where} has more than ${MAX_TAGS} formatting changes and tags.`);
    tags.push(tag);
    text += tagChar(tags.length - 1);
    return tags.length - 1;
  };
  const close = (open: number | null): null => {
    if (open !== null) {
      const partner = add({ kind: 'close', partner: open });
      const tag = tags[open];
      if (tag?.kind === 'open') tag.partner = partner;
    }
    return null;
  };
  /** The wrappers around the item, outermost first. */
  const chainOf = (innermost: number | null): number[] => {
    const chain: number[] = [];
    for (let at = innermost; at !== null; at = wrappers[at]?.parent ?? null) chain.unshift(at);
    return chain;
  };
  /** The wrappers open (indices into `wrappers`), outermost first, and their opening tags. */
  let open: number[] = [];
  const openTags: Array<number | null> = [];
  let innermost: number | null = null;
  let style: string | null = null;
  let styleTag: number | null = null;
  for (const item of items) {
    if (item.wrapper !== innermost) {
      styleTag = close(styleTag);
      style = null;
      const wanted = chainOf(item.wrapper);
      let common = 0;
      while (common < open.length && common < wanted.length && open[common] === wanted[common]) common++;
      while (openTags.length > common) close(openTags.pop() ?? null);
      for (const index of wanted.slice(common)) {
        const wrapper = wrappers[index]!;
        openTags.push(add({ kind: 'open', rPr: baseOf(index), link: wrapper.start, linkClose: wrapper.close, partner: -1 }));
      }
      open = wanted;
      innermost = item.wrapper;
    }
    if (item.kind === 'standalone') {
      if (offsets && item.at !== undefined) offsets[tags.length] = item.at;
      add({ kind: 'standalone', xml: item.text, rPr: item.rPr, ...(item.run && /\s/.test(item.run) && { run: item.run }) });
      continue;
    }
    const base = innermost === null ? baseRPr : baseOf(innermost);
    const wanted = item.rPr === base ? null : item.rPr;
    if (wanted !== style) {
      styleTag = close(styleTag);
      style = wanted;
      if (wanted !== null) styleTag = add({ kind: 'open', rPr: wanted, link: null, linkClose: null, partner: -1 });
    }
    text += item.text;
  }
  close(styleTag);
  while (openTags.length > 0) close(openTags.pop() ?? null);

  const colon = paragraph.qname.indexOf(':');
  return {
    text,
    tags,
    baseRPr,
    prefix: colon < 0 ? '' : paragraph.qname.slice(0, colon),
    ...(Object.keys(runStarts).length > 0 && { runStarts }),
  };
}

/** The text of a <w:t>, at any depth (it holds only text). */
function textOf(element: XmlElement): string {
  let out = '';
  for (const child of element.children) {
    if (child.type === 'text') out += child.text;
    else if (child.type === 'element') out += textOf(child);
  }
  return out;
}

const tagIndex = (ch: string): number => ch.charCodeAt(0) - TAG_BASE;
const isSpace = (ch: string): boolean => !isTagChar(ch) && /\s/u.test(ch);

/**
 * Splits a paragraph's text into sentence units. Sentences are found on the text without tags (so a tag never
 * hides a sentence end); each tag then goes with the sentence it touches — a closing tag or markup just after a
 * sentence's end stays with it, an opening tag just before the next one goes with that one. The whitespace between
 * two units must hold no tag, and each unit must hold both tags of every pair it holds a tag of: otherwise the
 * sentences are joined into one unit until it does.
 */
export function splitUnits(model: DocxParagraphModel): { units: DocxUnitSpan[]; trailing: string[]; lead: string } {
  const { text, tags } = model;
  const positions: number[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (isTagChar(ch)) continue;
    positions.push(i);
    plain += ch;
  }
  let leadEnd = 0;
  while (leadEnd < text.length && isSpace(text[leadEnd] ?? '')) leadEnd++;
  let tailStart = text.length;
  while (tailStart > leadEnd && isSpace(text[tailStart - 1] ?? '')) tailStart--;

  const segmented = segmentText(plain);
  let cursor = segmented.leading.length;
  const sentences: DocxUnitSpan[] = [];
  for (const segment of segmented.segments) {
    const start = positions[cursor] ?? text.length;
    const end = (positions[cursor + segment.text.length - 1] ?? text.length - 1) + 1;
    sentences.push({ start, end });
    cursor += segment.text.length + segment.trailing.length;
  }
  if (sentences.length === 0) return { units: [], trailing: [], lead: text };

  // Cut points: unit i spans [cuts[i].from, cuts[i+1].to) … expressed as explicit starts and ends.
  const starts: number[] = [leadEnd];
  const ends: number[] = [];
  const joined: boolean[] = [];
  for (let i = 0; i + 1 < sentences.length; i++) {
    const gapStart = sentences[i]!.end;
    const gapEnd = sentences[i + 1]!.start;
    let first = -1;
    let last = -1;
    for (let j = gapStart; j < gapEnd; j++) {
      if (isSpace(text[j] ?? '')) {
        if (first < 0) first = j;
        last = j;
      }
    }
    if (first < 0) {
      let cut = gapStart;
      while (cut < gapEnd && tags[tagIndex(text[cut] ?? '')]?.kind !== 'open') cut++;
      ends.push(cut);
      starts.push(cut);
      joined.push(false);
    } else {
      ends.push(first);
      starts.push(last + 1);
      joined.push([...text.slice(first, last + 1)].some(isTagChar));
    }
  }
  ends.push(tailStart);

  const units: DocxUnitSpan[] = [];
  const trailing: string[] = [];
  let depth = 0;
  let groupStart = starts[0]!;
  for (let i = 0; i < sentences.length; i++) {
    for (let j = starts[i]!; j < ends[i]!; j++) {
      const tag = tags[tagIndex(text[j] ?? '')];
      if (isTagChar(text[j] ?? '') && tag?.kind === 'open') depth++;
      else if (isTagChar(text[j] ?? '') && tag?.kind === 'close') depth--;
    }
    const last = i === sentences.length - 1;
    if (!last && (depth !== 0 || joined[i])) {
      // The next sentence joins this unit: count the gap's tags too.
      for (let j = ends[i]!; j < starts[i + 1]!; j++) {
        const tag = tags[tagIndex(text[j] ?? '')];
        if (isTagChar(text[j] ?? '') && tag?.kind === 'open') depth++;
        else if (isTagChar(text[j] ?? '') && tag?.kind === 'close') depth--;
      }
      continue;
    }
    units.push({ start: groupStart, end: ends[i]! });
    if (!last) {
      trailing.push(text.slice(ends[i]!, starts[i + 1]!));
      groupStart = starts[i + 1]!;
    }
  }
  trailing.push(text.slice(tailStart));
  return { units, trailing, lead: text.slice(0, leadEnd) };
}

/**
 * Checks a reviewed unit's tags: exactly the tags of its original text, each once, pairs opened before they are
 * closed and properly nested. Throws bad_input naming the unit.
 */
export function checkTags(reviewed: string, original: string, tags: readonly DocxTag[], unit: string): void {
  const required = new Set([...original].filter(isTagChar));
  const seen = new Set<string>();
  const stack: number[] = [];
  for (const ch of reviewed) {
    if (!isTagChar(ch)) continue;
    const index = tagIndex(ch);
    const tag = tags[index];
    if (!required.has(ch) || !tag) {
      throw new UnitError(unit, `tag #${index + 1} is not one of its tags.`, `Unit "${unit}" has a tag (#${index + 1}) that is not its own.`);
    }
    if (seen.has(ch)) throw new UnitError(unit, `it has tag #${index + 1} twice.`, `Unit "${unit}" has tag #${index + 1} twice.`);
    seen.add(ch);
    if (tag.kind === 'open') stack.push(index);
    else if (tag.kind === 'close') {
      if (stack.pop() !== tag.partner) {
        throw new UnitError(unit, `its tags are unbalanced (tag #${index + 1} closes a pair that is not open).`);
      }
    }
  }
  const missing = [...required].filter((ch) => !seen.has(ch));
  if (missing.length > 0 && isDeletedWhole(reviewed)) {
    // A sentence deleted whole takes its runs with it, not one end of a range beyond it (keptTags.ts).
    const markup = tags.map((tag) => (tag.kind === 'standalone' ? tag.xml : `${tag.kind === 'open' ? 'start' : 'end'} of formatting`));
    checkKeptTags(reviewed, original, markup, unit, docxTagRoles(original, tags));
  } else if (missing.length > 0) {
    const named = `${missing.length === 1 ? 'tag' : 'tags'} ${missing.map((ch) => `#${tagIndex(ch) + 1}`).join(', ')}`;
    throw new UnitError(unit, `it is missing ${named}.`, `Unit "${unit}" is missing ${named}.`);
  }
  if (stack.length > 0) throw new UnitError(unit, 'its tags are unbalanced (a pair is never closed).');
}

const isWrapper = (tag: DocxTag | undefined): boolean => tag?.kind === 'open' && tag.link !== null;

const escapeText = (text: string): string => escapeCharData(withoutCharsXmlCannotHold(text));

/**
 * Writes a paragraph's content (the part after its <w:pPr>) from a text with the model's tags. `markupOf` gives a
 * standalone tag's markup (by default as read; the writer fills in the text boxes it holds).
 */
export function renderParagraph(
  text: string,
  model: DocxParagraphModel,
  markupOf: (tag: Extract<DocxTag, { kind: 'standalone' }>) => string = (tag) => tag.xml,
): string {
  const w = model.prefix ? `${model.prefix}:` : '';
  const { tags } = model;
  let out = '';
  let run: { rPr: string; body: string; text: string } | null = null;
  const flushText = (): void => {
    if (run && run.text) {
      const space = /^\s|\s$/u.test(run.text) ? ' xml:space="preserve"' : '';
      run.body += `<${w}t${space}>${escapeText(run.text)}</${w}t>`;
      run.text = '';
    }
  };
  const flush = (): void => {
    flushText();
    if (run) out += `${model.runStarts?.[run.rPr] ?? `<${w}r>`}${run.rPr}${run.body}</${w}r>`;
    run = null;
  };
  const stack: number[] = [];
  /** The wrappers written open so far (their opening tags), outermost first. */
  let emitted: number[] = [];
  const syncWrappers = (): void => {
    const wanted = stack.filter((index) => isWrapper(tags[index]));
    let common = 0;
    while (common < emitted.length && common < wanted.length && emitted[common] === wanted[common]) common++;
    if (common === emitted.length && common === wanted.length) return;
    flush();
    for (let k = emitted.length - 1; k >= common; k--) {
      const previous = tags[emitted[k]!];
      if (previous?.kind === 'open') out += previous.linkClose ?? '';
    }
    for (const index of wanted.slice(common)) {
      const next = tags[index];
      if (next?.kind === 'open') out += next.link ?? '';
    }
    emitted = wanted;
  };
  const currentRPr = (): string => {
    const top = stack[stack.length - 1];
    const tag = top === undefined ? undefined : tags[top];
    return tag?.kind === 'open' ? tag.rPr : model.baseRPr;
  };

  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (isTagChar(ch)) {
      const index = tagIndex(ch);
      const tag = tags[index];
      if (!tag) continue;
      if (tag.kind === 'open') {
        stack.push(index);
        if (tag.link) syncWrappers();
      } else if (tag.kind === 'close') {
        const at = stack.lastIndexOf(tag.partner);
        if (at >= 0) stack.splice(at, 1);
        if (isWrapper(tags[tag.partner])) syncWrappers();
      } else {
        syncWrappers();
        flush();
        const markup = markupOf(tag);
        out += tag.rPr === null ? markup : `${tag.run ?? `<${w}r>`}${tag.rPr}${markup}</${w}r>`;
      }
      continue;
    }
    syncWrappers();
    const rPr = currentRPr();
    if (run && run.rPr !== rPr) flush();
    run ??= { rPr, body: '', text: '' };
    if (ch === '\t') {
      flushText();
      run.body += `<${w}tab/>`;
    } else if (ch === NON_BREAKING_HYPHEN || ch === SOFT_HYPHEN) {
      flushText();
      run.body += ch === NON_BREAKING_HYPHEN ? `<${w}noBreakHyphen/>` : `<${w}softHyphen/>`;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && chars[i + 1] === '\n') i++;
      flushText();
      run.body += `<${w}br/>`;
    } else {
      run.text += ch;
    }
  }
  stack.length = 0;
  syncWrappers();
  flush();
  return out;
}
