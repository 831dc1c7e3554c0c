import { RedlineError } from '../model/errors';
import type { FormatHandler, ParsedDocument, ParsedUnit, ReviewedUnit } from './types';
import { numberTags, renderTarget, tokenize, type XliffTag } from './xliff/inline';
import { childElements, parseXmlTree, scanStartTag, textContent, type XmlElement } from './xliff/xmlTree';

/**
 * XLIFF 1.2 (and 1.0/1.1, same model) and 2.0 (and 2.1/2.2, same core) for reviewing the machine translation in
 * <target>.
 *
 * Units: every 1.2 <trans-unit> and every 2.0 <segment> that has a <target>. Decision: a unit without a <target>
 * is not a unit to review (there is no MT to correct; copying the source in would pass the source off as a
 * translation), so it is left in the skeleton exactly as it is; a file in which no unit has a <target> is refused
 * as not machine-translated. Units marked translate="no" (on the unit or inherited from its <group>/<file>) are
 * left alone the same way. <alt-trans>, <seg-source>, <header>, 2.0 <ignorable>, <originalData> and foreign
 * (extension) elements are never read as units.
 *
 * Keys: the 1.2 trans-unit id; in 2.0 `unitId/segmentId`, or the unit id for a segment without id that is its
 * unit's only segment (`unitId/#n`, n its 1-based position, for one of several). Ids only need to be unique within
 * a <file>: when a key occurs in two <file>s, every key of the document is prefixed with its file's 1-based
 * number (`2:u1`). Paragraphs: one per run of units in the same innermost <file> or <group>.
 *
 * The skeleton is the file itself cut at the few places the writer may change: each unit's target content and
 * its state attribute (1.2: on <target>; 2.0: on <segment>, with subState); everything else is copied byte for
 * byte, so a write with the untouched MT and status not_started gives back the same bytes.
 */

const NS_PREFIX = 'urn:oasis:names:tc:xliff:document:';

/** A place in the file the writer fills in. */
export interface XliffSlot {
  /** Index into XliffSkeleton.units. */
  unit: number;
  part: 'content' | 'state' | 'subState';
}

export interface XliffSkeletonUnit {
  key: string;
  /** The target text as parsed (with tag characters): a reviewed text equal to it keeps the original bytes. */
  target: string;
  /** Every tag of the unit by number, with the exact markup it stands for. */
  tags: XliffTag[];
  /** Tags 0 … required-1 are the target's own: the reviewed text must keep each exactly once. */
  required: number;
  /** The original bytes of the target's content (for a self-closed <target/>, its `/>`). */
  content: string;
  /** The target element's name as written when it was self-closed (the writer then opens it), else null. */
  selfClosed: string | null;
  /** The state the file gave the unit, or null. */
  state: string | null;
  /** The original bytes of the state attribute, leading whitespace included ('' when there was none). */
  stateAttr: string;
  /** 2.0: the original bytes of the segment's subState attribute ('' when none). */
  subStateAttr: string;
}

export interface XliffSkeleton {
  /** 1 for XLIFF 1.x, 2 for XLIFF 2.x. */
  model: 1 | 2;
  /** The file cut into original text and slots, in order. */
  pieces: Array<string | XliffSlot>;
  units: XliffSkeletonUnit[];
}

type Status = ReviewedUnit['status'];

/**
 * Review status → XLIFF state. 1.2: approved is `signed-off` ("changes are reviewed and approved"), not `final`
 * ("the terminating state", which belongs to whoever closes the project); rejected is `needs-translation`.
 * 2.0: approved is `final`, rejected `initial`. Confirmed and edited are `translated` in both. not_started
 * keeps the file's state.
 */
export const XLIFF_STATES: Record<1 | 2, Record<Exclude<Status, 'not_started'>, string>> = {
  1: { edited: 'translated', confirmed: 'translated', approved: 'signed-off', rejected: 'needs-translation' },
  2: { edited: 'translated', confirmed: 'translated', approved: 'final', rejected: 'initial' },
};

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

interface Found {
  fileNumber: number;
  baseKey: string;
  what: string;
  container: XmlElement;
  source: XmlElement | null;
  target: XmlElement;
  stateHost: XmlElement;
  notes: string[];
}

function detectModel(root: XmlElement, name: string): 1 | 2 {
  if (root.local !== 'xliff' || (root.uri !== '' && !root.uri.startsWith(NS_PREFIX))) {
    throw badInput(`${name} is not an XLIFF file: its root element is <${root.qname}>, not <xliff>.`);
  }
  const version = root.attrs.version ?? '';
  if (/^1\./.test(version) || (version === '' && root.uri.startsWith(`${NS_PREFIX}1.`))) return 1;
  if (/^2\./.test(version) || (version === '' && root.uri.startsWith(`${NS_PREFIX}2.`))) return 2;
  throw badInput(
    `${name}: XLIFF version ${version ? `"${version}"` : '(none given)'} is not supported; Redline reads XLIFF 1.2 and 2.x.`,
  );
}

/** Finds the units to review, in document order. Returns them and how many <target>s the file has at all. */
function findUnits(root: XmlElement, model: 1 | 2, name: string): { found: Found[]; targets: number; units: number } {
  const found: Found[] = [];
  let targets = 0;
  let units = 0;
  let files = 0;
  const ns = root.uri;
  const is = (element: XmlElement, local: string): boolean => element.local === local && element.uri === ns;
  const first = (element: XmlElement, local: string): XmlElement | null =>
    childElements(element).find((child) => is(child, local)) ?? null;
  const translates = (element: XmlElement, inherited: boolean): boolean =>
    element.attrs.translate === undefined ? inherited : element.attrs.translate !== 'no';
  const idOf = (element: XmlElement, what: string): string => {
    const id = element.attrs.id;
    if (id === undefined || id === '') throw badInput(`${name}: the <${what}> on line ${element.line} has no id.`);
    return id;
  };

  const walk = (element: XmlElement, container: XmlElement, fileNumber: number, translate: boolean): void => {
    for (const child of childElements(element)) {
      if (child.uri !== ns) continue;
      switch (child.local) {
        case 'file':
          files += 1;
          walk(child, child, files, translates(child, translate));
          break;
        case 'body':
          if (model === 1) walk(child, container, fileNumber, translate);
          break;
        case 'group':
          walk(child, child, fileNumber, translates(child, translate));
          break;
        case 'trans-unit': {
          if (model !== 1) break;
          units += 1;
          const id = idOf(child, 'trans-unit');
          const target = first(child, 'target');
          if (!target) break;
          targets += 1;
          if (!translates(child, translate)) break;
          const notes = childElements(child)
            .filter((c) => is(c, 'note'))
            .map((note) => textContent(note).trim());
          found.push({
            fileNumber,
            baseKey: id,
            what: `trans-unit "${id}" (line ${child.line})`,
            container,
            source: first(child, 'source'),
            target,
            stateHost: target,
            notes,
          });
          break;
        }
        case 'unit': {
          if (model !== 2) break;
          const id = idOf(child, 'unit');
          const notesElement = first(child, 'notes');
          const notes = notesElement
            ? childElements(notesElement)
                .filter((c) => is(c, 'note'))
                .map((note) => textContent(note).trim())
            : [];
          const segments = childElements(child).filter((c) => is(c, 'segment'));
          segments.forEach((segment, index) => {
            units += 1;
            const target = first(segment, 'target');
            if (!target) return;
            targets += 1;
            if (!translates(child, translate)) return;
            const segmentId = segment.attrs.id;
            const baseKey =
              segmentId !== undefined ? `${id}/${segmentId}` : segments.length === 1 ? id : `${id}/#${index + 1}`;
            found.push({
              fileNumber,
              baseKey,
              what: `segment "${baseKey}" (line ${segment.line})`,
              container,
              source: first(segment, 'source'),
              target,
              stateHost: segment,
              notes,
            });
          });
          break;
        }
        default:
          break;
      }
    }
  };
  walk(root, root, 0, true);
  return { found, targets, units };
}

/** Unique keys: ids repeat only across <file>s, and then every key gets its file's number. */
function assignKeys(found: readonly Found[], name: string): string[] {
  const fileOf = new Map<string, number>();
  let collision = false;
  for (const unit of found) {
    const file = fileOf.get(unit.baseKey);
    if (file === unit.fileNumber) {
      throw badInput(`${name}: the id "${unit.baseKey}" is used twice in the same <file> (${unit.what}).`);
    }
    if (file !== undefined) collision = true;
    fileOf.set(unit.baseKey, unit.fileNumber);
  }
  return found.map((unit) => (collision ? `${unit.fileNumber}:${unit.baseKey}` : unit.baseKey));
}

interface Edit {
  start: number;
  end: number;
  slot: XliffSlot;
}

function parseXliff(text: string, name: string): ParsedDocument<XliffSkeleton> {
  const { root } = parseXmlTree(text, name);
  const model = detectModel(root, name);
  const { found, targets, units: unitCount } = findUnits(root, model, name);
  if (targets === 0) {
    throw badInput(
      unitCount === 0
        ? `${name} has no translation units (<${model === 1 ? 'trans-unit' : 'unit'}>).`
        : `${name} has no <target> in any of its ${unitCount} units: Redline reviews machine translation, so the ` +
            'file must carry the MT in <target>.',
    );
  }
  if (found.length === 0) throw badInput(`${name} has nothing to review: every unit with a <target> is marked translate="no".`);

  const keys = assignKeys(found, name);
  const units: ParsedUnit[] = [];
  const skeletonUnits: XliffSkeletonUnit[] = [];
  const edits: Edit[] = [];
  let paragraph = 0;
  let lastContainer: XmlElement | null = null;

  found.forEach((unit, index) => {
    const key = keys[index] as string;
    if (unit.container !== lastContainer) {
      paragraph += 1;
      lastContainer = unit.container;
    }
    const targetTokens = tokenize(text, unit.target, root.uri);
    const sourceTokens = unit.source ? tokenize(text, unit.source, root.uri) : null;
    const inline = numberTags(targetTokens, sourceTokens, `${name}: ${unit.what}`);
    const state = unit.stateHost.attrs.state ?? null;
    units.push({ key, paragraph, source: inline.source, target: inline.target, state, notes: unit.notes });

    const { target } = unit;
    const content = target.selfClosing
      ? { start: target.end - 2, end: target.end }
      : { start: target.openEnd, end: target.closeStart };
    edits.push({ ...content, slot: { unit: index, part: 'content' } });
    const scan = scanStartTag(text, unit.stateHost);
    const stateSpan = scan.attributes.find((a) => a.name === 'state');
    const stateRange = stateSpan ?? { start: scan.insertAt, end: scan.insertAt };
    edits.push({ ...stateRange, slot: { unit: index, part: 'state' } });
    const subStateSpan = model === 2 ? scan.attributes.find((a) => a.name === 'subState') : undefined;
    if (subStateSpan) edits.push({ start: subStateSpan.start, end: subStateSpan.end, slot: { unit: index, part: 'subState' } });

    skeletonUnits.push({
      key,
      target: inline.target,
      tags: inline.tags,
      required: inline.required,
      content: text.slice(content.start, content.end),
      selfClosed: target.selfClosing ? target.qname : null,
      state,
      stateAttr: text.slice(stateRange.start, stateRange.end),
      subStateAttr: subStateSpan ? text.slice(subStateSpan.start, subStateSpan.end) : '',
    });
  });

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: Array<string | XliffSlot> = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) throw new RedlineError('internal', `${name}: overlapping XLIFF edits at offset ${edit.start}.`);
    if (edit.start > at) pieces.push(text.slice(at, edit.start));
    pieces.push(edit.slot);
    at = edit.end;
  }
  if (at < text.length) pieces.push(text.slice(at));

  return { format: 'xliff', units, skeleton: { model, pieces, units: skeletonUnits } };
}

function writeXliff(document: ParsedDocument<XliffSkeleton>, reviewed: readonly ReviewedUnit[]): string {
  const skeleton = document.skeleton;
  if (!skeleton || !Array.isArray(skeleton.pieces) || !Array.isArray(skeleton.units)) {
    throw badInput('This document was not read from an XLIFF file; it cannot be written as XLIFF.');
  }
  const indexOf = new Map(skeleton.units.map((unit, index) => [unit.key, index]));
  const byUnit = new Map<number, ReviewedUnit>();
  for (const unit of reviewed) {
    const index = indexOf.get(unit.key);
    if (index === undefined) throw badInput(`The XLIFF file has no unit "${unit.key}".`);
    if (byUnit.has(index)) throw badInput(`Unit "${unit.key}" was given twice.`);
    byUnit.set(index, unit);
  }

  const rendered = skeleton.units.map((unit, index) => {
    const review = byUnit.get(index);
    let content = unit.content;
    if (review && review.text !== unit.target) {
      const markup = renderTarget(review.text, unit.tags, unit.required, `Unit "${unit.key}"`);
      content = unit.selfClosed === null ? markup : markup === '' ? unit.content : `>${markup}</${unit.selfClosed}>`;
    }
    let stateAttr = unit.stateAttr;
    let subStateAttr = unit.subStateAttr;
    if (review && review.status !== 'not_started') {
      const state = XLIFF_STATES[skeleton.model][review.status];
      if (state !== unit.state) {
        const written = /^(\s+[^\s=]+\s*=\s*)(["'])/.exec(unit.stateAttr);
        stateAttr = written ? `${written[1]}${written[2]}${state}${written[2]}` : ` state="${state}"`;
        // XLIFF 2 (state attribute): a writer that changes state must update or delete subState.
        subStateAttr = '';
      }
    }
    return { content, state: stateAttr, subState: subStateAttr };
  });

  let out = '';
  for (const piece of skeleton.pieces) {
    if (typeof piece === 'string') out += piece;
    else {
      const unit = rendered[piece.unit];
      if (!unit) throw badInput('The XLIFF skeleton is damaged: it names a unit it does not have.');
      out += unit[piece.part];
    }
  }
  return out;
}

export const xliffFormat: FormatHandler<XliffSkeleton> = {
  id: 'xliff',
  label: 'XLIFF',
  extensions: ['xlf', 'xliff'],
  bilingual: true,
  importOptions: [],
  parse: parseXliff,
  write: writeXliff,
};
