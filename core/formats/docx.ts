import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
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
import { safeUnzip } from './zip/safeUnzip';

/**
 * Word documents (.docx, Office Open XML WordprocessingML), read from and written back to the ZIP package.
 *
 * Units: the sentences of every non-empty paragraph of the body (word/document.xml), in document order, including
 * paragraphs in table cells and content controls; then those of the headers, footers, footnotes, endnotes and
 * comments (each unit with a note saying where it lives: "Footnote 1 (footnotes.xml)", "Comment 0 by Ana …").
 * Text boxes are not read yet (their paragraphs sit inside a drawing that a body paragraph carries as a tag);
 * they stay exactly as they are. A paragraph whose text, without tags, is only whitespace is not a unit.
 * Keys are `p{n}.{k}`: the k-th unit of the n-th non-empty paragraph, `part:p{n}.{k}` outside the body
 * (`footnotes:p12.1`); `paragraph` is n, counted on from the body through the other parts. Inline formatting and
 * markup become tag characters (see docx/paragraph.ts for which); a paragraph's sentences come from segmentText,
 * and sentences a pair of tags would straddle are joined into one unit.
 *
 * The skeleton is the original file (base64) and document.xml cut around each unit-bearing paragraph's content
 * (after its <w:pPr>). The writer copies every other ZIP entry byte for byte (same names, order and contents;
 * stored entries stay stored, the rest are deflated again), copies every paragraph whose units are all untouched
 * byte for byte, and rewrites the runs of the others from the reviewed texts.
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

const DOCUMENT_PART = 'word/document.xml';

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

const isW = (element: XmlElement, local: string): boolean =>
  element.local === local && W_NAMESPACES.includes(element.uri);

interface Entry {
  name: string;
  data: Uint8Array;
  stored: boolean;
}

/** The package's entries in order, or a bad_input saying why it is not one. */
function readZip(bytes: Uint8Array, name: string): Entry[] {
  const signature = Array.from(bytes.subarray(0, 4));
  if (signature.join() === [0xd0, 0xcf, 0x11, 0xe0].join()) {
    throw badInput(`${name} is an old binary Word document (.doc), not a .docx; save it as .docx in Word first.`);
  }
  if (signature[0] !== 0x50 || signature[1] !== 0x4b) {
    throw badInput(`${name} is not a .docx file: it is not a ZIP archive.`);
  }
  return safeUnzip(bytes, name);
}

/** A part's XML as text (UTF-8, perhaps with a byte-order mark), refusing UTF-16. */
function partText(entry: Entry, name: string): { xml: string; bom: boolean } {
  const data = entry.data;
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw badInput(`${name}: ${entry.name} is in UTF-16, which Redline does not read; save it again in Word.`);
  }
  const xml = strFromU8(data);
  return xml.startsWith('\uFEFF') ? { xml: xml.slice(1), bom: true } : { xml, bom: false };
}

/**
 * Cuts one part around its paragraphs, numbering them from `first` on. `place` says where a paragraph lives, for
 * parts other than the body (a note on each of its units): the header or footer, the footnote, the comment.
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
  const pieces: Array<string | number> = [];
  let at = 0;
  const visit = (element: XmlElement, container: XmlElement | null): void => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (!isW(child, 'p')) {
        // Tables, rows, cells, content controls, custom XML: their paragraphs are the document's too. Anything
        // outside the WordprocessingML namespace (mc:AlternateContent …) is left alone.
        const owner = isW(child, 'footnote') || isW(child, 'endnote') || isW(child, 'comment') ? child : container;
        if (W_NAMESPACES.includes(child.uri)) visit(child, owner);
        continue;
      }
      if (child.selfClosing) continue;
      const pPr = child.children.find((c): c is XmlElement => c.type === 'element' && isW(c, 'pPr'));
      const from = pPr ? pPr.end : child.openEnd;
      const number = first + paragraphs.length;
      const model = readParagraph(child, xml, `${where}, paragraph on line ${child.line}`, from);
      if ([...model.text].every((ch) => isTagChar(ch) || /\s/u.test(ch))) continue;
      const split = splitUnits(model);
      const paragraphUnits = split.units.map((span, k) => ({
        key: `${keyPrefix}p${number}.${k + 1}`,
        target: model.text.slice(span.start, span.end),
      }));
      pieces.push(xml.slice(at, from), paragraphs.length);
      at = child.closeStart;
      paragraphs.push({
        model,
        original: xml.slice(from, child.closeStart),
        lead: split.lead,
        trailing: split.trailing,
        units: paragraphUnits,
      });
      const notes = place ? [place(container)] : undefined;
      for (const unit of paragraphUnits) {
        units.push({ key: unit.key, paragraph: number, source: null, target: unit.target, ...(notes && { notes }) });
      }
    }
  };
  visit(root, null);
  pieces.push(xml.slice(at));
  return { pieces, paragraphs, units };
}

/** Where a paragraph of another part lives, for the editor. */
function placeOf(what: string, part: string) {
  const file = part.replace(/^word\//, '');
  return (container: XmlElement | null): string => {
    if (!container) return `${what} (${file})`;
    const id = container.attrs['w:id'] ?? Object.entries(container.attrs).find(([k]) => k.endsWith(':id'))?.[1];
    const author = container.attrs['w:author'] ?? Object.entries(container.attrs).find(([k]) => k.endsWith(':author'))?.[1];
    return `${what}${id !== undefined ? ` ${id}` : ''}${author ? ` by ${author}` : ''} (${file})`;
  };
}

function parseDocx(bytes: Uint8Array, name: string): ParsedDocument<DocxSkeleton> {
  const entries = readZip(bytes, name);
  const part = entries.find((entry) => entry.name === DOCUMENT_PART);
  if (!part) throw badInput(`${name} is not a Word document: its ZIP archive has no ${DOCUMENT_PART}.`);
  const { xml, bom } = partText(part, name);
  const where = `${name} (${DOCUMENT_PART})`;
  const { root } = parseXmlTree(xml, where);
  if (!isW(root, 'document')) {
    throw badInput(`${where} is not a WordprocessingML document: its root element is <${root.qname}>.`);
  }
  const body = root.children.find((child): child is XmlElement => child.type === 'element' && isW(child, 'body'));
  if (!body) throw badInput(`${where} has no <w:body>.`);

  const main = readPart(body, xml, where, 1, '', null);
  const units = [...main.units];
  let next = main.paragraphs.length + 1;
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
    const read = readPart(tree.root, text.xml, partWhere, next, keyPrefix, placeOf(what, entry.name));
    if (read.paragraphs.length === 0) continue;
    next += read.paragraphs.length;
    units.push(...read.units);
    others.push({ part: entry.name, bom: text.bom, pieces: read.pieces, paragraphs: read.paragraphs });
  }
  if (units.length === 0) throw badInput(`${name} has no text to review: it has no non-empty paragraph.`);

  return {
    format: 'docx',
    units,
    skeleton: { zip: toBase64(bytes), part: DOCUMENT_PART, bom, pieces: main.pieces, paragraphs: main.paragraphs, ...(others.length > 0 && { others }) },
  };
}

/** A part's XML with the reviewed paragraphs; null when none of its paragraphs changed. */
function writePart(part: DocxSkeletonPart, texts: ReadonlyMap<string, string>): string | null {
  let anyChanged = false;
  const contents = part.paragraphs.map((paragraph) => {
    let changed = false;
    let text = paragraph.lead;
    paragraph.units.forEach((unit, k) => {
      const reviewedText = texts.get(unit.key) ?? unit.target;
      if (reviewedText !== unit.target) {
        checkTags(reviewedText, unit.target, paragraph.model.tags, unit.key);
        changed = true;
      }
      text += reviewedText + (paragraph.trailing[k] ?? '');
    });
    anyChanged ||= changed;
    return changed ? renderParagraph(text, paragraph.model) : paragraph.original;
  });
  if (!anyChanged) return null;
  let xml = part.bom ? '\uFEFF' : '';
  for (const piece of part.pieces) {
    if (typeof piece === 'string') xml += piece;
    else {
      const content = contents[piece];
      if (content === undefined) throw badInput('The .docx skeleton is damaged: it names a paragraph it does not have.');
      xml += content;
    }
  }
  return xml;
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

  const files: Zippable = {};
  for (const entry of readZip(original, 'The original .docx')) {
    const xml = rewritten.get(entry.name);
    files[entry.name] = [xml === undefined ? entry.data : strToU8(xml), { level: entry.stored ? 0 : 6 }];
  }
  return zipSync(files);
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
