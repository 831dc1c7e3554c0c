import { strFromU8, strToU8 } from 'fflate';
import { RedlineError } from '../model/errors';
import { toBase64, fromBase64 } from './docx/base64';
import {
  checkTags,
  readParagraph,
  renderParagraph,
  splitUnits,
  W_NAMESPACES,
  type DocxParagraphModel,
} from './docx/paragraph';
import type { ImportOptionKind, ParsedDocument, ParsedUnit, ReviewedUnit } from './types';
import { isTagChar } from './types';
import { parseXmlTree, type XmlElement } from './xliff/xmlTree';
import { refuseCharXmlCannotHold } from './xml/xmlChars';
import { safeUnzip, type ZipEntry } from './zip/safeUnzip';
import { archiveComment, archiveStart } from './zip/archiveStart';
import { zipEntries } from './zip/zipEntries';

/**
 * Word documents (.docx, Office Open XML WordprocessingML), read from and written back to the ZIP package.
 *
 * Units: the sentences of every non-empty paragraph of the body (word/document.xml), in document order, including
 * paragraphs in table cells and content controls; then those of the headers, footers, footnotes, endnotes and
 * comments (each unit with a note saying where it lives: "Footnote 1 (footnotes.xml)", "Comment 1 by Ana …").
 * Text boxes (<w:txbxContent>, in a drawing or a VML shape a paragraph anchors) are offered after the paragraph
 * that anchors them, noted "Text box"; a box written twice inside <mc:AlternateContent> (DrawingML for Word 2010
 * on, VML for older readers) is offered once, and its Fallback copy gets the same edit. A paragraph whose text,
 * without tags, is only whitespace is not a unit.
 * Keys are `p{n}.{k}`: the k-th unit of the n-th non-empty paragraph, `part:p{n}.{k}` outside the body
 * (`footnotes:p12.1`); `paragraph` is n, counted on from the body through the other parts. Inline formatting and
 * markup become tag characters (see docx/paragraph.ts for which); a paragraph's sentences come from segmentText,
 * and sentences a pair of tags would straddle are joined into one unit.
 *
 * The skeleton is the original file (base64) and document.xml cut around each unit-bearing paragraph's content
 * (after its <w:pPr>). The writer copies every other ZIP entry byte for byte (same names, order, contents and
 * modification times; stored entries stay stored, the rest are deflated again), copies every paragraph whose units
 * are all untouched byte for byte, and rewrites the runs of the others from the reviewed texts.
 */

export interface BinaryFormatHandler<S = unknown> {
  id: 'docx';
  label: string;
  extensions: readonly string[];
  bilingual: false;
  importOptions: readonly ImportOptionKind[];
  parseBytes(bytes: Uint8Array, name: string): ParsedDocument<S>;
  writeBytes(document: ParsedDocument<S>, units: readonly ReviewedUnit[]): Uint8Array;
}

export interface DocxSkeletonParagraph {
  model: DocxParagraphModel;
  /** The original bytes of the paragraph's content after its <w:pPr> (kept when nothing in it changed). */
  original: string;
  /** Whitespace before the first unit. */
  lead: string;
  /** Text after each unit: whitespace between units, then after the last one. */
  trailing: string[];
  units: Array<{ key: string; target: string }>;
  /** When text boxes are anchored in it: `original` cut around their paragraphs (indices into the part's). */
  pieces?: Array<string | number>;
  /**
   * A text box's Fallback (VML) copy of paragraph `mirrorOf` of the same part: not offered, written with that
   * paragraph's reviewed text.
   */
  mirrorOf?: number;
}

export interface DocxSkeleton {
  /** The original file, base64. */
  zip: string;
  /** The ZIP entry that holds the document. */
  part: string;
  /** document.xml began with a byte-order mark. */
  bom: boolean;
  /** document.xml cut into original text and paragraph contents (an index into `paragraphs`). */
  pieces: Array<string | number>;
  paragraphs: DocxSkeletonParagraph[];
  /** The other parts with text to review (headers, footers, footnotes, endnotes, comments), cut the same way. */
  others?: DocxSkeletonPart[];
}

export interface DocxSkeletonPart {
  part: string;
  bom: boolean;
  pieces: Array<string | number>;
  paragraphs: DocxSkeletonParagraph[];
}

/** The parts besides the body whose paragraphs are offered for review, and what to call where they live. */
const OTHER_PARTS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /^word\/header(\d*)\.xml$/, what: 'Header' },
  { pattern: /^word\/footer(\d*)\.xml$/, what: 'Footer' },
  { pattern: /^word\/footnotes\.xml$/, what: 'Footnote' },
  { pattern: /^word\/endnotes\.xml$/, what: 'Endnote' },
  { pattern: /^word\/comments\.xml$/, what: 'Comment' },
];

/** Where Word puts the body; Word on the web and some libraries name it otherwise (word/document2.xml). */
const DOCUMENT_PART = 'word/document.xml';
/** The package relationship to the main part, in transitional and strict OOXML. */
const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The main (body) part's name: the target of the package's officeDocument relationship (_rels/.rels), as Word
 * finds it, else word/document.xml. Null when the package has neither.
 */
function mainPartName(entries: readonly ZipEntry[], name: string): string | null {
  const rels = entries.find((entry) => entry.name === '_rels/.rels');
  if (rels) {
    const { root } = parseXmlTree(partText(rels, name).xml, `${name} (_rels/.rels)`);
    for (const child of root.children) {
      if (child.type !== 'element' || child.local !== 'Relationship' || !OFFICE_DOCUMENT.test(child.attrs.Type ?? '')) continue;
      if (child.attrs.TargetMode === 'External') continue;
      // A target is relative to the package's root; a leading slash says so too.
      const target = (child.attrs.Target ?? '').replace(/^\//, '');
      if (entries.some((entry) => entry.name === target)) return target;
    }
  }
  return entries.some((entry) => entry.name === DOCUMENT_PART) ? DOCUMENT_PART : null;
}

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

const isW = (element: XmlElement, local: string): boolean =>
  element.local === local && W_NAMESPACES.includes(element.uri);

/** The package's entries in order, or a bad_input saying why it is not one. */
function readZip(bytes: Uint8Array, name: string): ZipEntry[] {
  const signature = Array.from(bytes.subarray(0, 4));
  if (signature.join() === [0xd0, 0xcf, 0x11, 0xe0].join()) {
    throw badInput(`${name} is an old binary Word document (.doc), not a .docx; save it as .docx in Word first.`);
  }
  return safeUnzip(bytes, name);
}

/** A part's XML as text (UTF-8, perhaps with a byte-order mark), refusing UTF-16. */
function partText(entry: ZipEntry, name: string): { xml: string; bom: boolean } {
  const data = entry.data;
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw badInput(`${name}: ${entry.name} is in UTF-16, which Redline does not read; save it again in Word.`);
  }
  const xml = strFromU8(data);
  return xml.startsWith('\uFEFF') ? { xml: xml.slice(1), bom: true } : { xml, bom: false };
}

/** Where a paragraph's content lies in a part, and its index in the part's paragraphs. */
interface Slot {
  start: number;
  end: number;
  index: number;
}

const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const isMc = (element: XmlElement, local: string): boolean => element.local === local && element.uri === MC_NAMESPACE;
const elementsOf = (element: XmlElement): XmlElement[] => element.children.filter((c): c is XmlElement => c.type === 'element');

/** The <w:txbxContent>s inside `element`, outermost only (a box in a box is read from its own paragraph). */
function boxContents(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of elementsOf(element)) {
    if (isW(child, 'txbxContent')) out.push(child);
    else out.push(...boxContents(child));
  }
  return out;
}

/**
 * The text boxes anchored in a paragraph. A box Word 2010 and later writes twice — as DrawingML in
 * <mc:Choice> and as VML in <mc:Fallback>, for older readers — is one box: its Choice copy is offered, and its
 * Fallback copy (`mirror`) is written with the same text when the two matched box for box; one that did not
 * (already stale) is left as it was.
 */
function textBoxes(paragraph: XmlElement): Array<{ main: XmlElement; mirror: XmlElement | null }> {
  const out: Array<{ main: XmlElement; mirror: XmlElement | null }> = [];
  const walk = (element: XmlElement): void => {
    for (const child of elementsOf(element)) {
      if (isMc(child, 'AlternateContent')) {
        const choice = elementsOf(child).find((c) => isMc(c, 'Choice'));
        const fallback = elementsOf(child).find((c) => isMc(c, 'Fallback'));
        const mains = choice ? boxContents(choice) : [];
        const mirrors = fallback ? boxContents(fallback) : [];
        if (mains.length === 0) mirrors.forEach((main) => out.push({ main, mirror: null }));
        else mains.forEach((main, i) => out.push({ main, mirror: mains.length === mirrors.length ? (mirrors[i] ?? null) : null }));
      } else if (isW(child, 'txbxContent')) {
        out.push({ main: child, mirror: null });
      } else if (isW(child, 'del') || isW(child, 'moveFrom')) {
        continue; // deleted (or moved away) with its text: kept as it is, inside its standalone tag
      } else {
        walk(child);
      }
    }
  };
  walk(paragraph);
  return out;
}

/** The original text from `start` to `end` cut around the slots in it (in order), as writer pieces. */
function cut(xml: string, start: number, end: number, slots: readonly Slot[]): Array<string | number> {
  const pieces: Array<string | number> = [];
  let at = start;
  for (const slot of slots) {
    pieces.push(xml.slice(at, slot.start), slot.index);
    at = slot.end;
  }
  pieces.push(xml.slice(at, end));
  return pieces;
}

const sameShape = (a: DocxParagraphModel, b: DocxParagraphModel): boolean =>
  a.text === b.text && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag.kind === b.tags[i]?.kind);

/**
 * Cuts one part around its paragraphs, numbering them from `first` on. `place` says where a paragraph lives, for
 * parts other than the body (a note on each of its units): the header or footer, the footnote, the comment. The
 * paragraphs of a text box follow the paragraph it is anchored in, each unit noted as in a text box; their
 * content is cut out of the anchoring paragraph's (and out of the tag that stands for the box in it).
 */
function readPart(
  root: XmlElement,
  xml: string,
  where: string,
  first: number,
  keyPrefix: string,
  place: ((container: XmlElement | null) => string) | null,
) {
  const paragraphs: DocxSkeletonParagraph[] = [];
  const units: ParsedUnit[] = [];
  const indexOf = new Map<XmlElement, number>();
  let numbered = 0;

  const visit = (element: XmlElement, container: XmlElement | null, inBox: boolean): Slot[] => {
    const slots: Slot[] = [];
    for (const child of elementsOf(element)) {
      if (!isW(child, 'p')) {
        // Tables, rows, cells, content controls, custom XML: their paragraphs are the document's too. Anything
        // outside the WordprocessingML namespace (mc:AlternateContent …) is left alone.
        const owner = isW(child, 'footnote') || isW(child, 'endnote') || isW(child, 'comment') ? child : container;
        if (W_NAMESPACES.includes(child.uri)) slots.push(...visit(child, owner, inBox));
        continue;
      }
      if (!child.selfClosing) slots.push(...readOne(child, container, inBox));
    }
    return slots;
  };

  /** A box's Fallback paragraphs, each written with its Choice twin's text; none when they do not match. */
  const mirrorSlots = (main: XmlElement, mirror: XmlElement): Slot[] => {
    const blocks = (box: XmlElement) => elementsOf(box);
    const mains = blocks(main);
    const copies = blocks(mirror);
    if (mains.length !== copies.length || !mains.every((p) => isW(p, 'p')) || !copies.every((p) => isW(p, 'p'))) return [];
    const pairs: Array<{ copy: XmlElement; model: DocxParagraphModel; from: number; master: number }> = [];
    for (let k = 0; k < mains.length; k++) {
      const twin = mains[k]!;
      const copy = copies[k]!;
      const master = indexOf.get(twin);
      const from = paragraphStart(copy);
      const model = readParagraph(copy, xml, `${where}, paragraph on line ${copy.line}`, from);
      if (master === undefined) {
        if (!isBlank(model)) return [];
        continue;
      }
      if (!sameShape(paragraphs[master]!.model, model)) return [];
      pairs.push({ copy, model, from, master });
    }
    return pairs.map(({ copy, model, from, master }) => {
      const index = paragraphs.length;
      paragraphs.push({ model, original: xml.slice(from, copy.closeStart), lead: '', trailing: [], units: [], mirrorOf: master });
      return { start: from, end: copy.closeStart, index };
    });
  };

  const readOne = (paragraph: XmlElement, container: XmlElement | null, inBox: boolean): Slot[] => {
    const from = paragraphStart(paragraph);
    const offsets: number[] = [];
    const model = readParagraph(paragraph, xml, `${where}, paragraph on line ${paragraph.line}`, from, offsets);
    let index: number | null = null;
    if (!isBlank(model)) {
      const number = first + numbered++;
      const split = splitUnits(model);
      const paragraphUnits = split.units.map((span, k) => ({
        key: `${keyPrefix}p${number}.${k + 1}`,
        target: model.text.slice(span.start, span.end),
      }));
      index = paragraphs.length;
      indexOf.set(paragraph, index);
      paragraphs.push({ model, original: xml.slice(from, paragraph.closeStart), lead: split.lead, trailing: split.trailing, units: paragraphUnits });
      const home = place?.(container);
      const note = inBox ? (home ? `Text box in ${home}` : 'Text box') : home;
      for (const unit of paragraphUnits) {
        units.push({ key: unit.key, paragraph: number, source: null, target: unit.target, ...(note && { notes: [note] }) });
      }
    }
    // Its text boxes' paragraphs follow it.
    const inner: Slot[] = [];
    for (const { main, mirror } of textBoxes(paragraph)) {
      inner.push(...visit(main, container, true));
      if (mirror) inner.push(...mirrorSlots(main, mirror));
    }
    inner.sort((a, b) => a.start - b.start);
    if (index === null) return inner; // a paragraph that only anchors boxes: their paragraphs are cut from the part
    const own = paragraphs[index]!;
    if (inner.length > 0) {
      own.pieces = cut(xml, from, paragraph.closeStart, inner);
      // Rewritten, the paragraph writes each box's markup from its tag: cut that around the box's paragraphs too.
      let covered = 0;
      model.tags.forEach((tag, t) => {
        const start = offsets[t];
        if (tag.kind !== 'standalone' || start === undefined) return;
        const within = inner.filter((slot) => slot.start >= start && slot.end <= start + tag.xml.length);
        if (within.length === 0) return;
        tag.pieces = cut(xml, start, start + tag.xml.length, within);
        covered += within.length;
      });
      if (covered !== inner.length) {
        throw new RedlineError('internal', `${where}: a text box on line ${paragraph.line} lies outside every tag of its paragraph.`);
      }
    }
    return [{ start: from, end: paragraph.closeStart, index }];
  };

  const pieces = cut(xml, 0, xml.length, visit(root, null, false));
  return { pieces, paragraphs, units, count: numbered };
}

/** Where a paragraph's content starts: after its <w:pPr>. */
function paragraphStart(paragraph: XmlElement): number {
  const pPr = elementsOf(paragraph).find((c) => isW(c, 'pPr'));
  return pPr ? pPr.end : paragraph.openEnd;
}

/** A paragraph whose text, without tags, is only whitespace is not a unit. */
const isBlank = (model: DocxParagraphModel): boolean => [...model.text].every((ch) => isTagChar(ch) || /\s/u.test(ch));

/**
 * Where a paragraph of another part lives, for the editor. A comment is numbered as the editor counts them, from 1
 * in the order of comments.xml (every w:comment, with text or not, so a number never moves), not by Word's w:id,
 * which starts at 0 and need not follow the order.
 */
function placeOf(what: string, part: string, root: XmlElement) {
  const file = part.replace(/^word\//, '');
  const ordinals = new Map<XmlElement, number>();
  if (what === 'Comment') for (const child of elementsOf(root)) if (isW(child, 'comment')) ordinals.set(child, ordinals.size + 1);
  return (container: XmlElement | null): string => {
    if (!container) return `${what} (${file})`;
    const id = ordinals.get(container) ?? container.attrs['w:id'] ?? Object.entries(container.attrs).find(([k]) => k.endsWith(':id'))?.[1];
    const author = container.attrs['w:author'] ?? Object.entries(container.attrs).find(([k]) => k.endsWith(':author'))?.[1];
    return `${what}${id !== undefined ? ` ${id}` : ''}${author ? ` by ${author}` : ''} (${file})`;
  };
}

function parseDocx(bytes: Uint8Array, name: string): ParsedDocument<DocxSkeleton> {
  const entries = readZip(bytes, name);
  const mainPart = mainPartName(entries, name);
  const part = mainPart === null ? undefined : entries.find((entry) => entry.name === mainPart);
  if (!part) throw badInput(`${name} is not a Word document: its ZIP archive has no main document part (${DOCUMENT_PART}).`);
  const { xml, bom } = partText(part, name);
  const where = `${name} (${part.name})`;
  const { root } = parseXmlTree(xml, where);
  if (!isW(root, 'document')) {
    throw badInput(`${where} is not a WordprocessingML document: its root element is <${root.qname}>.`);
  }
  const body = root.children.find((child): child is XmlElement => child.type === 'element' && isW(child, 'body'));
  if (!body) throw badInput(`${where} has no <w:body>.`);

  const main = readPart(body, xml, where, 1, '', null);
  const units = [...main.units];
  let next = main.count + 1;
  const others: DocxSkeletonPart[] = [];
  const otherEntries = OTHER_PARTS.flatMap(({ pattern, what }) =>
    entries
      .filter((entry) => pattern.test(entry.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
      .map((entry) => ({ entry, what })),
  );
  for (const { entry, what } of otherEntries) {
    const text = partText(entry, name);
    const partWhere = `${name} (${entry.name})`;
    const tree = parseXmlTree(text.xml, partWhere);
    if (!W_NAMESPACES.includes(tree.root.uri)) continue; // not WordprocessingML: left as it is
    const keyPrefix = `${entry.name.replace(/^word\//, '').replace(/\.xml$/, '')}:`;
    const read = readPart(tree.root, text.xml, partWhere, next, keyPrefix, placeOf(what, entry.name, tree.root));
    if (read.count === 0) continue;
    next += read.count;
    units.push(...read.units);
    others.push({ part: entry.name, bom: text.bom, pieces: read.pieces, paragraphs: read.paragraphs });
  }
  if (units.length === 0) throw badInput(`${name} has no text to review: it has no non-empty paragraph.`);

  return {
    format: 'docx',
    units,
    skeleton: { zip: toBase64(bytes), part: part.name, bom, pieces: main.pieces, paragraphs: main.paragraphs, ...(others.length > 0 && { others }) },
  };
}

/** A part's XML with the reviewed paragraphs; null when none of its paragraphs changed. */
function writePart(part: DocxSkeletonPart, texts: ReadonlyMap<string, string>): string | null {
  const reviewed = part.paragraphs.map((paragraph) => {
    let changed = false;
    let text = paragraph.lead;
    paragraph.units.forEach((unit, k) => {
      const reviewedText = texts.get(unit.key) ?? unit.target;
      if (reviewedText !== unit.target) {
        checkTags(reviewedText, unit.target, paragraph.model.tags, unit.key);
        refuseCharXmlCannotHold(reviewedText, unit.key);
        changed = true;
      }
      text += reviewedText + (paragraph.trailing[k] ?? '');
    });
    return { changed, text };
  });
  // A text box's Fallback copy follows its twin.
  part.paragraphs.forEach((paragraph, i) => {
    if (paragraph.mirrorOf !== undefined) reviewed[i] = reviewed[paragraph.mirrorOf] ?? reviewed[i]!;
  });
  if (!reviewed.some((r) => r.changed)) return null;

  const damaged = (): RedlineError => badInput('The .docx skeleton is damaged: it names a paragraph it does not have.');
  const rendered = new Map<number, string>();
  const fill = (pieces: ReadonlyArray<string | number>): string =>
    pieces.map((piece) => (typeof piece === 'string' ? piece : content(piece))).join('');
  // A paragraph's content; the paragraphs of text boxes anchored in it are filled in wherever it keeps them.
  const content = (index: number): string => {
    const done = rendered.get(index);
    if (done !== undefined) return done;
    const paragraph = part.paragraphs[index];
    const review = reviewed[index];
    if (!paragraph || !review) throw damaged();
    const out = review.changed
      ? renderParagraph(review.text, paragraph.model, (tag) => (tag.pieces ? fill(tag.pieces) : tag.xml))
      : paragraph.pieces
        ? fill(paragraph.pieces)
        : paragraph.original;
    rendered.set(index, out);
    return out;
  };
  return (part.bom ? '\uFEFF' : '') + fill(part.pieces);
}

function writeDocx(document: ParsedDocument<DocxSkeleton>, reviewed: readonly ReviewedUnit[]): Uint8Array {
  const skeleton = document.skeleton;
  const original = skeleton && typeof skeleton.zip === 'string' ? fromBase64(skeleton.zip) : null;
  if (!original || !Array.isArray(skeleton.pieces) || !Array.isArray(skeleton.paragraphs)) {
    throw badInput('This document was not read from a .docx file; it cannot be written as .docx.');
  }
  const parts: DocxSkeletonPart[] = [
    { part: skeleton.part, bom: skeleton.bom, pieces: skeleton.pieces, paragraphs: skeleton.paragraphs },
    ...(skeleton.others ?? []),
  ];
  const known = new Set(parts.flatMap((part) => part.paragraphs.flatMap((paragraph) => paragraph.units.map((unit) => unit.key))));
  const texts = new Map<string, string>();
  for (const unit of reviewed) {
    if (!known.has(unit.key)) throw badInput(`The .docx document has no unit "${unit.key}".`);
    if (texts.has(unit.key)) throw badInput(`Unit "${unit.key}" was given twice.`);
    texts.set(unit.key, unit.text);
  }
  const rewritten = new Map<string, string>();
  for (const part of parts) {
    const xml = writePart(part, texts);
    if (xml !== null) rewritten.set(part.part, xml);
  }
  // Nothing changed: the file as it came, byte for byte (a package rewritten gets headers of its own, not those
  // of whatever zipped it first: a python-docx or LibreOffice file's "made by" and attributes). Not with bytes
  // before the archive (a self-extractor's stub), which the export leaves out.
  if (rewritten.size === 0) {
    const start = archiveStart(original);
    if (start.ok && start.offset === 0) return original;
  }

  // Every entry of the original in its order, whatever its name (zipEntries.ts: not an object keyed by name); those
  // copied keep their time, the rewritten ones get the time of writing. The archive keeps its comment.
  const entries = readZip(original, 'The original .docx').map((entry) => {
    const xml = rewritten.get(entry.name);
    return xml === undefined ? entry : { name: entry.name, data: strToU8(xml), stored: entry.stored };
  });
  return zipEntries(entries, new Date(), archiveComment(original));
}

export const docxFormat: BinaryFormatHandler<DocxSkeleton> = {
  id: 'docx',
  label: 'Word document',
  extensions: ['docx'],
  bilingual: false,
  importOptions: [],
  parseBytes: parseDocx,
  writeBytes: writeDocx,
};
