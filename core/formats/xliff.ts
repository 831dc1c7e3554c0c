import { RedlineError } from '../model/errors';
import type { FormatHandler, ParsedDocument, ParsedUnit, ReviewedUnit, WriteContext } from './types';
import { UnitError } from './units';
import { isDeletedRevision, numberTags, renderTarget, tokenize, type XliffTag } from './xliff/inline';
import {
  attributeValue,
  carriesStatus,
  legacyStatusOfState,
  QUALIFIER_ATTRIBUTE,
  statusOfState,
  statusWithApproval,
  WRITTEN,
  type StateVocabulary,
  type WrittenState,
} from './xliff/reviewStates';
import { xliffLanguages } from './xliff/declaredLanguages';
import { fileNote, indentBefore, lineEndOf, REDLINE, sentenceNotes, xmlEditorNote } from './editorNotes';
import { notePlace, writtenNote, type XliffNotePlace } from './xliff/notePlace';
import { commentNotes, commentsBySegment, memoqComments, tradosComments } from './xliff/toolComments';
import { escapeAttributeDroppingNonXml } from './xml/escape';
import { originPieces, writtenOrigin, type NewOrigin, type OriginPiece } from './xliff/sdlOrigin';
import { childElements, parseXmlTree, scanStartTag, textContent, type XmlElement } from './xliff/xmlTree';

/**
 * XLIFF 1.2 (and 1.0/1.1, same model) and 2.0 (and 2.1/2.2, same core) for reviewing the machine translation in
 * <target>.
 *
 * Units: every 1.2 <trans-unit> and every 2.0 <segment>. A pre-segmented 1.2 unit (a <seg-source> whose
 * sentences are <mrk mtype="seg" mid="…">, as Trados, memoQ and Okapi write them) gives one unit per segment
 * marker, its text the content of the target's matching <mrk>; a segment the target lacks (a mid missing, no
 * <target>, an empty one) is untranslated, its <mrk> written once filled (NewSegment). A target with text but no
 * segment marker makes its unit one sentence (findUnits says why).
 *
 * A unit without a <target> (a partly translated file) is imported with an empty target to fill, or, when the
 * editor asks (missingTargets: 'source'), with the source copied in; its <target> is written only when the editor
 * typed a translation or set a status, so an untouched file comes back as it was. Units marked translate="no" (on
 * the unit or inherited from its <group>/<file>) are not offered for review and are kept byte for byte.
 * <alt-trans>, <header>, 2.0 <ignorable>, <originalData> and foreign (extension) elements are never read as units.
 *
 * Keys: the 1.2 trans-unit id (`id/mid` for a segment marker; `#n`, its 1-based position in its <file>, for a
 * trans-unit without id: nothing is added to the file); in 2.0 `unitId/segmentId`, or the unit id for a segment
 * without id that is its unit's only segment (`unitId/#n`, n its 1-based position, for one of several). Ids only
 * need to be unique within a <file>: when a key occurs in two <file>s, every key of the document is prefixed with
 * its file's 1-based number (`2:u1`). Paragraphs: one per run of units in the same innermost <file> or <group>.
 *
 * The skeleton is the file itself cut at the few places the writer may change: each unit's target content and
 * its state attribute (1.2: on <target>, with state-qualifier; 2.0: on <segment>, with subState; SDLXLIFF: the
 * segment's `conf` in <sdl:seg-defs>, and the origin of a segment whose text was edited, made the translator's as
 * Trados does (xliff/sdlOrigin.ts); MQXLIFF: mq:status on the <trans-unit>; a segment marker of plain XLIFF 1.2
 * has no state of its own, its <target>'s state is shared, so none is written); everything else is copied byte
 * for byte, so a write with the untouched MT and the statuses as imported gives back the same bytes. How states
 * and statuses map, both ways, is core/formats/xliff/reviewStates.ts.
 *
 * The editor's notes go into plain XLIFF as one Redline note per <trans-unit> or <unit> (xliff/notePlace.ts,
 * editorNotes.ts); a file with none, or with its Redline notes as the editor left them, keeps its bytes. Read
 * again, a Redline note is not one of the unit's notes but the editor's note of the element's first sentence
 * (ParsedUnit.editorNote), which the next export finds unchanged and keeps. SDLXLIFF and MQXLIFF get none: Trados
 * and memoQ keep comments in structures of their own (Trados' <cmt-def>s in <doc-info>, referenced from the text)
 * and do not show a <note>; a Redline note one of them has is read as one of its notes. Their comments are read
 * as notes of the segments they are on (xliff/toolComments.ts) and kept in the file as they are.
 */

const NS_PREFIX = 'urn:oasis:names:tc:xliff:document:';
/** Trados Studio's extension namespace (SDLXLIFF). */
export const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';
/** memoQ's extension namespace (MQXLIFF): its per-unit status, lock and match percent are mq: attributes. */
export const MQ_NS = 'MQXliff';

/** A place in the file the writer fills in. */
export interface XliffSlot {
  /** Index into XliffSkeleton.units. */
  unit: number;
  part: 'content' | 'state' | 'subState' | 'approved' | 'origin' | 'note';
  /** For an origin slot: which of the unit's origin edits. */
  n?: number;
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
  /**
   * The original bytes of the state's qualifier attribute ('' when none): 2.0 the segment's subState, 1.2 the
   * target's state-qualifier (slotted since statuses round-trip; older 1.2 skeletons have no such slot).
   */
  subStateAttr: string;
  /**
   * The status the import stored for the unit (what its state and qualifier stood for). Export writes a state
   * only for a status different from it. Absent in skeletons stored before it was recorded: those compare with
   * the mapping they were imported by (legacyStatusOfState).
   */
  imported?: Status;
  /** Which state vocabulary the state slot takes: XLIFF 1.2, 2.0, Trados' confirmation levels or memoQ's statuses. */
  states?: StateVocabulary;
  /** The state attribute's name as the file writes it, when it has a prefix of the file's choosing (mq:status). */
  stateName?: string;
  /**
   * The unit had no <target>: its content slot is where one goes (after the <source>), written only when the
   * editor typed a translation or set a status. `missing` is the target element's name to write.
   */
  missing?: string;
  /** The line break and indentation the <source> before a missing target starts with: the new <target> gets it too. */
  missingIndent?: string;
  /** A locked segment (Trados' `locked="true"`): written as it was; an edit to its text is refused. */
  locked?: boolean;
  /** The target was empty or missing and the source was copied in: written once the editor sets a status. */
  copied?: boolean;
  /** A segment whose <mrk> the target lacks (NewSegment). */
  newSegment?: NewSegment;
  /**
   * XLIFF 1.2's `approved` on the <trans-unit> (reviewStates.ts: statusWithApproval), on the first of the units it
   * covers (a pre-segmented trans-unit's segments share it): its original bytes, leading whitespace included,
   * and how many units it covers. Rewritten only when the review changed one of their statuses.
   */
  approval?: { attr: string; units: number };
  /**
   * Trados' origin of the segment (sdl:seg), rewritten once the editor changed the text: `origin="interactive"`,
   * the previous origin kept as <sdl:prev-origin> (xliff/sdlOrigin.ts): the pieces an edit rewrites, as the file has
   * them. Absent in skeletons stored before it was recorded: their origin stays.
   */
  origin?: OriginPiece[];
  /**
   * Where the editor's notes on this unit and the next `units - 1` (the segments of one <trans-unit> or <unit>) go
   * (xliff/notePlace.ts). Plain XLIFF only; absent in skeletons stored before it was recorded: their notes stay out.
   */
  note?: XliffNotePlace;
}

/**
 * A pre-segmented unit's segment the target has no <mrk mtype="seg"> for. Its slot is empty and its marker,
 * `before<marker mtype="seg" mid>…</marker>after`, is written only once the editor types a translation (or
 * confirms a copied source), beside the target's markers. In a unit whose target has no marker at all (none in
 * the file, or an empty one) its segments are `whole`: once one is filled the target is written with every
 * segment's marker (the others empty, as Trados writes an untranslated segment), `open` on the first and `close`
 * on the last, in the <seg-source>'s structure (`before` each marker what precedes it there, `after` the last
 * what follows it); the first's slot holds the empty target the file had.
 */
export interface NewSegment {
  marker: string;
  mid: string;
  before: string;
  after: string;
  whole?: true;
  open?: string;
  close?: string;
}

export interface XliffSkeleton {
  /** 1 for XLIFF 1.x, 2 for XLIFF 2.x. */
  model: 1 | 2;
  /** The file cut into original text and slots, in order. */
  pieces: Array<string | XliffSlot>;
  units: XliffSkeletonUnit[];
  /**
   * XLIFF 2 whose <xliff> has no trgLang: where in pieces[0] (the root's start tag, after its attributes) one
   * goes. The spec requires trgLang once any <target> exists, so a new target is written only with it (writeXliff).
   */
  trgLangAt?: number;
}

type Status = ReviewedUnit['status'];

export {
  MQ_STATUS_NAMES,
  QUALIFIER_ATTRIBUTE,
  ROUND_TRIP,
  statusOfState,
  WRITTEN,
  type StateVocabulary,
  type WrittenState,
} from './xliff/reviewStates';

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

interface Found {
  fileNumber: number;
  baseKey: string;
  what: string;
  container: XmlElement;
  source: XmlElement | null;
  /** The element whose content is the target text, or null when the unit has no <target>. */
  target: XmlElement | null;
  /** Without a target: the element after which one is written, and the target element's name. */
  insertAfter?: XmlElement;
  targetName?: string;
  /** The element and attribute holding the unit's state, or null when it has none of its own. */
  state: { host: XmlElement; attribute: string; vocabulary: StateVocabulary } | null;
  notes: string[];
  locked: boolean;
  /** A segment whose <mrk> the target lacks: where its marker goes (see MissingSegment). */
  missingSegment?: MissingSegment;
  /** A 1.2 <trans-unit> with an `approved` attribute, the unit's or its segment's. */
  approvedBy?: XmlElement;
  /** The <trans-unit> (2.0: <unit>) the unit is of, where the editor's notes go. */
  element: XmlElement;
  /** The text of the element's Redline note (an earlier export's editor note), which `notes` leaves out. */
  redline?: string;
}

/**
 * Where the <mrk> of a segment the target lacks is written: after the target's marker of the segment before
 * it, else before the target's marker of a later one; in a target with no marker at all (none in the file, or
 * an empty one) the segments write the target whole, `target` the empty one or null.
 */
type MissingSegment = {
  mid: string;
  marker: XmlElement;
  /** The source markers either side, for the space between segments. */
  previous: XmlElement | null;
  next: XmlElement | null;
} & ({ after: XmlElement } | { before: XmlElement } | { whole: XmlElement | null; first: boolean; last: boolean });

/** What the import does with a unit that has no <target>. */
export type MissingTargets = 'empty' | 'source';

/** The <mrk mtype="seg"> elements inside `element`, at any depth, in document order. */
function segmentMarkers(element: XmlElement, ns: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of childElements(element)) {
    if (child.uri === ns && child.local === 'mrk' && child.attrs.mtype === 'seg') out.push(child);
    else out.push(...segmentMarkers(child, ns));
  }
  return out;
}

/** Trados' per-segment data: <sdl:seg-defs><sdl:seg id="mid" conf origin percent locked>, by mid. */
function sdlSegments(unit: XmlElement): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const defs of childElements(unit)) {
    if (defs.uri !== SDL_NS || defs.local !== 'seg-defs') continue;
    for (const seg of childElements(defs)) {
      if (seg.uri === SDL_NS && seg.local === 'seg' && seg.attrs.id !== undefined) out.set(seg.attrs.id, seg);
    }
  }
  return out;
}

const ORIGINS: Record<string, string> = {
  mt: 'machine translation',
  'adaptive-mt': 'adaptive machine translation',
  nmt: 'machine translation',
  tm: 'translation memory',
  'document-match': 'document match (context)',
  interactive: 'typed by a translator',
  'auto-propagated': 'auto-propagated',
  source: 'copied from the source',
};

/** What Trados says of a segment, for the editor: confirmation, origin, match percent, lock (null: nothing). */
function sdlNote(seg: XmlElement): string | null {
  const parts: string[] = [];
  if (seg.attrs.conf) parts.push(seg.attrs.conf);
  const origin = seg.attrs.origin;
  if (origin) {
    const system = seg.attrs['origin-system'];
    parts.push(`${ORIGINS[origin] ?? origin}${system ? ` (${system})` : ''}`);
  }
  if (seg.attrs.percent !== undefined && origin !== 'mt') parts.push(`${seg.attrs.percent} % match`);
  if (seg.attrs.locked === 'true') parts.push('locked');
  return parts.length > 0 ? `Trados: ${parts.join(', ')}` : null;
}

/** What memoQ says of a unit, for the editor: status, match percent, lock. */
function mqNote(unit: XmlElement, prefix: string): string | null {
  const parts: string[] = [];
  const status = unit.attrs[`${prefix}:status`];
  if (status) parts.push(status);
  const percent = unit.attrs[`${prefix}:percent`];
  if (percent !== undefined && percent !== '0') parts.push(`${percent} % match`);
  if (isMqLocked(unit, prefix)) parts.push('locked');
  return parts.length > 0 ? `memoQ: ${parts.join(', ')}` : null;
}

const isMqLocked = (unit: XmlElement, prefix: string): boolean => {
  const locked = unit.attrs[`${prefix}:locked`];
  return locked === 'locked' || locked === 'true';
};

/** The prefix the root binds memoQ's namespace to, if it does. */
function mqPrefix(root: XmlElement): string | null {
  for (const [name, value] of Object.entries(root.attrs)) {
    if (value === MQ_NS && name.startsWith('xmlns:')) return name.slice('xmlns:'.length);
  }
  return null;
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

/** Whether a target holds a tracked deletion (inline.ts: DELETED_REVISION_MTYPES), at any depth. */
const hasDeletedRevision = (element: XmlElement, ns: string): boolean =>
  childElements(element).some((child) => isDeletedRevision(child, ns) || hasDeletedRevision(child, ns));

const DELETED_REVISION_NOTE =
  'Trados tracked changes: the deleted text is kept as a tag and written back as it was; accept or reject the changes in Trados.';

/** Whether an element holds anything but whitespace. */
const hasContent = (element: XmlElement): boolean =>
  element.children.some((child) => child.type !== 'text' || child.text.trim() !== '');

/** Where the marker of source segment m, which the target lacks, is written (MissingSegment). */
function missingSegment(
  markers: readonly XmlElement[],
  m: number,
  byMid: ReadonlyMap<string | undefined, XmlElement>,
  target: XmlElement | null,
): MissingSegment {
  const marker = markers[m]!;
  const around = { mid: marker.attrs.mid ?? '', marker, previous: markers[m - 1] ?? null, next: markers[m + 1] ?? null };
  const present = (k: number) => byMid.get(markers[k]!.attrs.mid);
  if (byMid.size === 0) return { ...around, whole: target, first: m === 0, last: m === markers.length - 1 };
  for (let k = m - 1; k >= 0; k--) {
    const after = present(k);
    if (after) return { ...around, after };
  }
  // None before it: before the first later one the target has (there is one, the target has markers).
  for (let k = m + 1; k < markers.length; k++) {
    const before = present(k);
    if (before) return { ...around, before };
  }
  // The target's markers are all of other mids: after its last.
  return { ...around, after: [...byMid.values()].at(-1)! };
}

/** Finds the units to review, in document order. Returns them and how many <target>s the file has at all. */
function findUnits(
  root: XmlElement,
  model: 1 | 2,
  name: string,
  redlineNotes: boolean,
): { found: Found[]; targets: number; units: number; untranslatable: number } {
  const found: Found[] = [];
  let targets = 0;
  let units = 0;
  let untranslatable = 0;
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
  // 1.2 trans-units without id (OmegaT reads them) are keyed by position within their <file>.
  let positionInFile = 0;
  // memoQ keeps a unit's status and lock in mq: attributes on the <trans-unit>.
  const mq = model === 1 ? mqPrefix(root) : null;
  // Trados keeps its comments once for the file, marked where they are in the text (xliff/toolComments.ts).
  const threads = model === 1 ? tradosComments(root) : new Map<string, string[]>();
  /**
   * Of an element's <note>s, the file's own notes and the text of its Redline note: the first marked as Redline's
   * (1.2 from, 2.0 category), the one the writer replaces (xliff/notePlace.ts). Plain XLIFF only: Trados and memoQ
   * files get no Redline note, and one they have stays a note of the file.
   */
  const readNotes = (noteElements: readonly XmlElement[]): { notes: string[]; redline?: string } => {
    const mark = model === 1 ? 'from' : 'category';
    const redline = redlineNotes ? noteElements.find((note) => note.attrs[mark] === REDLINE) : undefined;
    const notes = noteElements.filter((note) => note !== redline).map((note) => textContent(note).trim());
    return { notes, ...(redline && { redline: fileNote(textContent(redline)) }) };
  };

  const walk = (element: XmlElement, container: XmlElement, fileNumber: number, translate: boolean): void => {
    for (const child of childElements(element)) {
      if (child.uri !== ns) continue;
      switch (child.local) {
        case 'file':
          files += 1;
          positionInFile = 0;
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
          positionInFile += 1;
          const id = child.attrs.id === undefined || child.attrs.id === '' ? `#${positionInFile}` : child.attrs.id;
          const target = first(child, 'target');
          const source = first(child, 'source');
          const { notes, redline } = readNotes(childElements(child).filter((c) => is(c, 'note')));
          const segSource = first(child, 'seg-source');
          const markers = segSource ? segmentMarkers(segSource, ns) : [];
          const targetMarkers = target ? segmentMarkers(target, ns) : [];
          // A target with text but no segment marker cannot be told apart by the source's mids without guessing
          // where one sentence ends (target sentences need not match the source's one for one): the unit is
          // reviewed as one sentence, as it was translated, and written back whole. (Trados and memoQ do the
          // same with a target they cannot align: they join the unit's segments.)
          const unsegmented = target !== null && targetMarkers.length === 0 && hasContent(target);
          // Segments are told apart by their mids; with a mid missing or repeated and no target segments to
          // follow, the unit is reviewed whole too (written back as one <target>).
          const mids = markers.map((m) => m.attrs.mid ?? '');
          const unnamed = targetMarkers.length === 0 && (mids.includes('') || new Set(mids).size < mids.length);
          if (markers.length > 0 && !unsegmented && !unnamed) {
            // Pre-segmented: one unit per segment marker; one the target lacks is untranslated.
            const byMid = new Map(targetMarkers.map((m) => [m.attrs.mid, m]));
            const sdl = sdlSegments(child);
            const comments = threads.size === 0 ? null : [commentsBySegment(segSource, ns), commentsBySegment(target, ns)];
            markers.forEach((marker, m) => {
              units += 1;
              const mid = marker.attrs.mid ?? '';
              const targetMarker = byMid.get(mid) ?? null;
              if (targetMarker) targets += 1;
              if (!translates(child, translate)) {
                untranslatable += 1;
                return;
              }
              const seg = sdl.get(mid);
              const commented = comments ? commentNotes(comments.flatMap((c) => c.bySegment.get(mid) ?? []), threads) : [];
              found.push({
                fileNumber,
                baseKey: `${id}/${mid}`,
                what: `segment "${mid}" of trans-unit "${id}" (line ${(targetMarker ?? marker).line})`,
                container,
                source: marker,
                target: targetMarker,
                ...(!targetMarker && {
                  insertAfter: segSource!,
                  missingSegment: missingSegment(markers, m, byMid, target),
                }),
                state: seg ? { host: seg, attribute: 'conf', vocabulary: 'sdl' } : null,
                notes: [...(seg && sdlNote(seg) !== null ? [sdlNote(seg)!] : []), ...notes, ...commented],
                locked: seg?.attrs.locked === 'true',
                ...(child.attrs.approved !== undefined && { approvedBy: child }),
                element: child,
                ...(redline !== undefined && { redline }),
              });
            });
            break;
          }
          if (unsegmented && markers.length > 0) {
            notes.unshift(`The target is not segmented like the source (segments ${mids.join(', ')}): reviewed as one sentence.`);
          } else if (unnamed && markers.length > 0) {
            notes.unshift('The source’s segments have no distinct ids: reviewed as one sentence.');
          }
          units += 1;
          if (target) targets += 1;
          if (!translates(child, translate)) {
            untranslatable += 1;
            break;
          }
          if (!target && !source) break;
          found.push({
            fileNumber,
            baseKey: id,
            what: `trans-unit "${id}" (line ${child.line})`,
            container,
            source,
            target,
            ...(!target && source && { insertAfter: source, targetName: source.qname.replace(/source$/, 'target') }),
            state: mq
              ? { host: child, attribute: `${mq}:status`, vocabulary: 'mq' }
              : target
                ? { host: target, attribute: 'state', vocabulary: 'xliff1' }
                : null,
            notes: [
              ...(mq && mqNote(child, mq) !== null ? [mqNote(child, mq)!] : []),
              ...notes,
              ...(mq ? memoqComments(child, MQ_NS) : []),
              ...(threads.size === 0 ? [] : commentNotes([segSource ?? source, target].flatMap((e) => commentsBySegment(e, ns).whole), threads)),
            ],
            locked: mq ? isMqLocked(child, mq) : false,
            ...(child.attrs.approved !== undefined && { approvedBy: child }),
            element: child,
            ...(redline !== undefined && { redline }),
          });
          break;
        }
        case 'unit': {
          if (model !== 2) break;
          const id = idOf(child, 'unit');
          const notesElement = first(child, 'notes');
          const { notes, redline } = readNotes(notesElement ? childElements(notesElement).filter((c) => is(c, 'note')) : []);
          const segments = childElements(child).filter((c) => is(c, 'segment'));
          segments.forEach((segment, index) => {
            units += 1;
            const target = first(segment, 'target');
            const source = first(segment, 'source');
            if (target) targets += 1;
            if (!translates(child, translate)) {
              untranslatable += 1;
              return;
            }
            if (!target && !source) return;
            const segmentId = segment.attrs.id;
            const baseKey =
              segmentId !== undefined ? `${id}/${segmentId}` : segments.length === 1 ? id : `${id}/#${index + 1}`;
            found.push({
              fileNumber,
              baseKey,
              what: `segment "${baseKey}" (line ${segment.line})`,
              container,
              source,
              target,
              ...(!target && source && { insertAfter: source, targetName: source.qname.replace(/source$/, 'target') }),
              state: { host: segment, attribute: 'state', vocabulary: 'xliff2' },
              notes,
              locked: false,
              element: child,
              ...(redline !== undefined && { redline }),
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
  return { found, targets, units, untranslatable };
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

/** Why a file with units offers none: translate="no", or units with neither source nor target. */
function nothingToReview(units: number, untranslatable: number): string {
  const empty = units - untranslatable;
  if (empty === 0) return 'every unit is marked translate="no"';
  const neither = 'neither a source nor a target';
  if (untranslatable === 0) return units === 1 ? `its one unit has ${neither}` : `its units have ${neither}`;
  return `${untranslatable} ${untranslatable === 1 ? 'unit is' : 'units are'} marked translate="no" and ${empty} ${empty === 1 ? 'has' : 'have'} ${neither}`;
}

/** Where a missing segment's <mrk> goes: beside a target marker, or in place of the (empty or absent) target. */
function missingSegmentRange(missing: MissingSegment, segSource: XmlElement): { start: number; end: number } {
  if ('after' in missing) return { start: missing.after.end, end: missing.after.end };
  if ('before' in missing) return { start: missing.before.start, end: missing.before.start };
  // The first segment's slot holds the empty target (written again as it was while no segment is filled).
  if (missing.whole) return missing.first ? { start: missing.whole.start, end: missing.whole.end } : { start: missing.whole.end, end: missing.whole.end };
  return { start: segSource.end, end: segSource.end };
}

/** The space between two source markers, when it is only space (markup between them is not the target's). */
function spaceBetween(text: string, a: XmlElement | null, b: XmlElement | null): string {
  if (!a || !b) return '';
  const between = text.slice(a.end, b.start);
  return /^\s*$/.test(between) ? between : '';
}

/** What the writer needs to write a missing segment's <mrk> (XliffSkeletonUnit.newSegment). */
function newSegment(text: string, missing: MissingSegment, segSource: XmlElement): NewSegment {
  const out: NewSegment = { marker: missing.marker.qname, mid: missing.mid, before: '', after: '' };
  if ('after' in missing) out.before = spaceBetween(text, missing.previous, missing.marker);
  else if ('before' in missing) out.after = spaceBetween(text, missing.marker, missing.next);
  else {
    // A new target is a copy of the <seg-source>, each segment's content its translation: what surrounds and
    // separates the markers there (a <g> around them, an <x/> or text between) goes around and between them here.
    out.whole = true;
    out.before = text.slice(missing.previous ? missing.previous.end : segSource.openEnd, missing.marker.start);
    if (missing.last) out.after = text.slice(missing.marker.end, segSource.closeStart);
    const target = missing.whole;
    if (missing.first) {
      out.open = !target
        ? `<${segSource.qname.replace(/seg-source$/, 'target')}>`
        : target.selfClosing
          ? `${text.slice(target.start, target.end - 2)}>`
          : text.slice(target.start, target.openEnd);
    }
    if (missing.last) out.close = `</${target ? target.qname : segSource.qname.replace(/seg-source$/, 'target')}>`;
  }
  return out;
}

function parseXliff(
  text: string,
  name: string,
  options: { missingTargets?: MissingTargets } = {},
  format: 'xliff' | 'sdlxliff' | 'mqxliff' = 'xliff',
): ParsedDocument<XliffSkeleton> {
  const { root } = parseXmlTree(text, name);
  const model = detectModel(root, name);
  const { found, units: unitCount, untranslatable } = findUnits(root, model, name, format === 'xliff');
  // XLIFF 2 translates <segment>s: a <unit> holding only <ignorable> text has none.
  if (unitCount === 0) throw badInput(`${name} has no translation units (${model === 1 ? '<trans-unit>' : '<segment> in a <unit>'}).`);
  if (found.length === 0) throw badInput(`${name} has nothing to review: ${nothingToReview(unitCount, untranslatable)}.`);

  const keys = assignKeys(found, name);
  const units: ParsedUnit[] = [];
  const skeletonUnits: XliffSkeletonUnit[] = [];
  const edits: Edit[] = [];
  let paragraph = 0;
  let lastContainer: XmlElement | null = null;
  // How many sentences the current element has, their notes in its Redline note, and which of them this one is.
  let elementUnits = 1;
  let elementNotes: string[] = [];
  let inElement = 0;

  found.forEach((unit, index) => {
    const key = keys[index] as string;
    if (unit.container !== lastContainer) {
      paragraph += 1;
      lastContainer = unit.container;
    }
    if (found[index - 1]?.element !== unit.element) {
      elementUnits = 1;
      while (found[index + elementUnits]?.element === unit.element) elementUnits += 1;
      elementNotes = unit.redline ? sentenceNotes(unit.redline, elementUnits) : [];
      inElement = 0;
    } else inElement += 1;
    const editorNote = elementNotes[inElement] ?? '';
    const sourceTokens = unit.source ? tokenize(text, unit.source, root.uri) : null;
    // A missing target is empty, or the source copied in (its tags then the target's own).
    // An empty target (Trados' `<mrk mtype="seg" mid="4"/>`) is untranslated too.
    const ownTokens = unit.target ? tokenize(text, unit.target, root.uri) : [];
    const copied = ownTokens.length === 0 && options.missingTargets === 'source' && sourceTokens !== null && sourceTokens.length > 0;
    const targetTokens = copied ? sourceTokens : ownTokens;
    const inline = numberTags(targetTokens, sourceTokens, `${name}: ${unit.what}`);
    const state = unit.state ? (unit.state.host.attrs[unit.state.attribute] ?? null) : null;
    const qualifierName = unit.state ? QUALIFIER_ATTRIBUTE[unit.state.vocabulary] : undefined;
    const qualifier = unit.state && qualifierName ? (unit.state.host.attrs[qualifierName] ?? null) : null;
    const stateStatus = unit.state ? statusOfState(unit.state.vocabulary, state, qualifier) : 'not_started';
    // Plain XLIFF 1.2 only: Trados and memoQ keep their own statuses and never write `approved`.
    const approvedBy = format === 'xliff' ? unit.approvedBy : undefined;
    const status =
      approvedBy && ownTokens.length > 0 ? statusWithApproval(stateStatus, approvedBy.attrs.approved, state, qualifier) : stateStatus;
    let approval: XliffSkeletonUnit['approval'];
    if (approvedBy && found[index - 1]?.approvedBy !== approvedBy) {
      const span = scanStartTag(text, approvedBy).attributes.find((a) => a.name === 'approved')!;
      edits.push({ ...span, slot: { unit: index, part: 'approved' } });
      let units = 1;
      while (found[index + units]?.approvedBy === approvedBy) units += 1;
      approval = { attr: text.slice(span.start, span.end), units };
    }
    units.push({
      key,
      paragraph,
      source: inline.source,
      target: inline.target,
      state,
      notes: unit.target && hasDeletedRevision(unit.target, root.uri) ? [...unit.notes, DELETED_REVISION_NOTE] : unit.notes,
      ...(status !== 'not_started' && { status }),
      ...(unit.locked && { locked: true }),
      // The element's note, the notes of its sentences, goes back to each (written again from the first).
      ...(editorNote !== '' && { editorNote }),
    });

    const { target, missingSegment: missing } = unit;
    const content = target
      ? target.selfClosing
        ? { start: target.end - 2, end: target.end }
        : { start: target.openEnd, end: target.closeStart }
      : missing
        ? missingSegmentRange(missing, unit.insertAfter!)
        : { start: unit.insertAfter!.end, end: unit.insertAfter!.end };
    edits.push({ ...content, slot: { unit: index, part: 'content' } });
    let stateAttr = '';
    let subStateAttr = '';
    // The state lives on the target (1.2), the segment (2.0), the sdl:seg or the trans-unit (memoQ).
    if (unit.state && (target || unit.state.vocabulary !== 'xliff1')) {
      const scan = scanStartTag(text, unit.state.host);
      const attribute = unit.state.attribute;
      const stateSpan = scan.attributes.find((a) => a.name === attribute);
      const stateRange = stateSpan ?? { start: scan.insertAt, end: scan.insertAt };
      edits.push({ ...stateRange, slot: { unit: index, part: 'state' } });
      stateAttr = text.slice(stateRange.start, stateRange.end);
      const subStateSpan = qualifierName ? scan.attributes.find((a) => a.name === qualifierName) : undefined;
      if (subStateSpan) {
        edits.push({ start: subStateSpan.start, end: subStateSpan.end, slot: { unit: index, part: 'subState' } });
        subStateAttr = text.slice(subStateSpan.start, subStateSpan.end);
      }
    }
    const origin = unit.state?.vocabulary === 'sdl' && !unit.locked ? originPieces(text, unit.state.host, SDL_NS) : [];
    origin.forEach(({ start, end }, n) => edits.push({ start, end, slot: { unit: index, part: 'origin', n } }));
    let note: XliffNotePlace | undefined;
    if (format === 'xliff' && found[index - 1]?.element !== unit.element) {
      const at = notePlace(text, unit.element, model, elementUnits);
      if (at) {
        edits.push({ start: at.start, end: at.end, slot: { unit: index, part: 'note' } });
        note = at.place;
      }
    }

    skeletonUnits.push({
      key,
      target: inline.target,
      tags: inline.tags,
      required: inline.required,
      content: text.slice(content.start, content.end),
      selfClosed: target?.selfClosing ? target.qname : null,
      state,
      stateAttr,
      subStateAttr,
      imported: status,
      ...(unit.state && { states: unit.state.vocabulary }),
      ...(unit.state?.vocabulary === 'mq' && { stateName: unit.state.attribute }),
      ...(!target && !missing && { missing: unit.targetName ?? 'target' }),
      ...(!target && !missing && indentBefore(text, unit.insertAfter!.start) !== '' && { missingIndent: indentBefore(text, unit.insertAfter!.start) }),
      ...(missing && { newSegment: newSegment(text, missing, unit.insertAfter!) }),
      ...(unit.locked && { locked: true }),
      ...(copied && { copied: true }),
      ...(approval && { approval }),
      ...(origin.length > 0 && { origin: origin.map(({ piece }) => piece) }),
      ...(note && { note }),
    });
  });

  // A note goes after a <target> written where the file has none, at the same place (the end of the <source>).
  const rank = (edit: Edit): number => (edit.slot.part === 'note' ? 1 : 0);
  edits.sort((a, b) => a.start - b.start || a.end - b.end || rank(a) - rank(b));
  const pieces: Array<string | XliffSlot> = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) throw new RedlineError('internal', `${name}: overlapping XLIFF edits at offset ${edit.start}.`);
    if (edit.start > at) pieces.push(text.slice(at, edit.start));
    pieces.push(edit.slot);
    at = edit.end;
  }
  if (at < text.length) pieces.push(text.slice(at));

  const trgLangAt = model === 2 && root.attrs.trgLang === undefined ? scanStartTag(text, root).insertAt : undefined;
  return {
    format,
    units,
    skeleton: { model, pieces, units: skeletonUnits, ...(trgLangAt !== undefined && { trgLangAt }) },
    languages: xliffLanguages(root, model),
  };
}

/** An attribute with a new value, written as the file wrote it (its spacing and quotes), or added as ` name="value"`. */
function attributeWith(written: string, value: string, name: string): string {
  const found = /^(\s+[^\s=]+\s*=\s*)(["'])/.exec(written);
  return found ? `${found[1]}${found[2]}${value}${found[2]}` : ` ${name}="${value}"`;
}

/**
 * The state slot and the qualifier slot of a unit whose status the review changed: the state's new value (the
 * bytes kept when the value is the same), and the qualifier set to the status's own, kept or removed (below). A
 * qualifier the file did not have is added after the state attribute.
 */
function stateSlots(
  unit: XliffSkeletonUnit,
  written: WrittenState,
  vocabulary: StateVocabulary,
): { state: string; subState: string } {
  const name = vocabulary === 'sdl' ? 'conf' : (unit.stateName ?? 'state');
  let state = written.state === unit.state ? unit.stateAttr : attributeWith(unit.stateAttr, written.state, name);
  let subState = unit.subStateAttr;
  const qualifierName = QUALIFIER_ATTRIBUTE[vocabulary];
  // A 1.2 skeleton stored before the state-qualifier was slotted cannot tell whether the target has one: it
  // gets the state alone rather than risk a second attribute of the same name.
  const qualifiable = qualifierName !== undefined && (vocabulary !== 'xliff1' || unit.imported !== undefined);
  const current = attributeValue(unit.subStateAttr);
  // A qualifier that says something of its own (1.2 `mt-suggestion`, where the translation came from) stays
  // while the status needs none; one that carries a status (a rejection, Redline's own) goes. XLIFF 2 wants
  // subState updated or deleted whenever state changes.
  const keepsCurrent =
    current !== null && !carriesStatus(current) && (vocabulary === 'xliff1' || written.state === unit.state);
  const qualifier = written.qualifier ?? (keepsCurrent ? current : null);
  if (qualifiable && current !== qualifier) {
    if (unit.subStateAttr !== '') subState = qualifier === null ? '' : attributeWith(unit.subStateAttr, qualifier, qualifierName);
    else if (qualifier !== null) state += ` ${qualifierName}="${qualifier}"`;
  }
  return { state, subState };
}

/** A missing segment's marker with its content, or empty (markup null). */
function segmentMarker(segment: NewSegment, markup: string | null): string {
  const open = `<${segment.marker} mtype="seg" mid="${escapeAttributeDroppingNonXml(segment.mid)}"`;
  const marker = markup === null ? `${open}/>` : `${open}>${markup}</${segment.marker}>`;
  return `${segment.before}${marker}${segment.after}`;
}

/**
 * The targets that segments write whole (NewSegment): where one of a unit's segments was filled, every other
 * gets an empty marker and the target is opened before the first and closed after the last; where none was,
 * each slot keeps what the file had.
 */
function writeWholeTargets(units: readonly XliffSkeletonUnit[], rendered: Array<{ content: string }>, filled: ReadonlySet<number>): void {
  for (let first = 0; first < units.length; first++) {
    const open = units[first]!.newSegment?.open;
    if (open === undefined) continue;
    let last = first;
    while (units[last]?.newSegment?.close === undefined) {
      if (!units[last]?.newSegment?.whole) throw badInput('The XLIFF skeleton is damaged: a segment target is not closed.');
      last += 1;
    }
    const range = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    if (!range.some((k) => filled.has(k))) continue;
    for (const k of range) {
      if (!filled.has(k)) rendered[k]!.content = segmentMarker(units[k]!.newSegment!, null);
    }
    rendered[first]!.content = open + rendered[first]!.content;
    rendered[last]!.content += units[last]!.newSegment!.close;
    first = last;
  }
}

/**
 * A 1.2 trans-unit's `approved` once the review changed the status of a unit it covers: `yes` while every one
 * of them is approved, else `no` (as the Translate Toolkit writes it), the bytes kept where the value stays.
 */
function approvalSlot(
  skeleton: XliffSkeleton,
  first: number,
  approval: NonNullable<XliffSkeletonUnit['approval']>,
  byUnit: ReadonlyMap<number, ReviewedUnit>,
): string {
  const covered = skeleton.units.slice(first, first + approval.units).map((unit, k) => ({ unit, review: byUnit.get(first + k) }));
  const imported = (unit: XliffSkeletonUnit) => unit.imported ?? 'not_started';
  if (!covered.some(({ unit, review }) => review !== undefined && review.status !== imported(unit))) return approval.attr;
  const approved = covered.every(({ unit, review }) => (review?.status ?? imported(unit)) === 'approved');
  const value = approved ? 'yes' : 'no';
  return attributeValue(approval.attr) === value ? approval.attr : attributeWith(approval.attr, value, 'approved');
}

/**
 * The trgLang an XLIFF 2 file without one gets once Redline writes a <target> into it (`unit` the first such):
 * the document's target language as the editor chose it, or, when none is chosen, a refusal saying how to
 * choose one, rather than a file the spec forbids (XLIFF 2: trgLang is required once the document has a <target>).
 */
function targetLanguageAttribute(skeleton: XliffSkeleton, unit: string, context: WriteContext): string {
  if (skeleton.trgLangAt === undefined) return '';
  const language = context.targetLanguage?.trim();
  if (!language) {
    throw badInput(
      `Segment "${unit}" needs a <target>, and XLIFF 2 allows one only in a file that names its target language ` +
        '(trgLang on <xliff>), which this file does not: choose the document’s target language (Target, in the ' +
        'Checks panel’s languages) and export again, or export as CSV.',
    );
  }
  return ` trgLang="${escapeAttributeDroppingNonXml(language)}"`;
}

/**
 * A piece of a Trados segment's origin: as the file has it, or, once the editor changed the segment's text (a
 * status alone changes nothing of where the translation came from), as Trados writes a translator's edit; a
 * copied source confirmed as it is, as Trados writes a copy of the source.
 */
function originPiece(unit: XliffSkeletonUnit | undefined, n: number | undefined, review: ReviewedUnit | undefined, vocabulary: StateVocabulary): string {
  if (!unit?.origin || n === undefined || !unit.origin[n]) throw badInput('The XLIFF skeleton is damaged: it names an origin it does not have.');
  const origin: NewOrigin =
    review === undefined ? null
    : review.text !== unit.target ? 'interactive'
    : unit.copied === true && review.status !== importedStatus(unit, vocabulary) ? 'source'
    : null;
  return writtenOrigin(unit.origin, n, origin);
}

/** The states a unit's file writes: its tool's own (Trados', memoQ's), or those of its XLIFF version. */
const vocabularyOf = (skeleton: XliffSkeleton, index: number): StateVocabulary =>
  skeleton.units[index]?.states ?? (skeleton.model === 1 ? 'xliff1' : 'xliff2');

/** The status a unit was imported with, by the mapping it was imported by (legacyStatusOfState for old skeletons). */
const importedStatus = (unit: XliffSkeletonUnit, vocabulary: StateVocabulary): ReviewedUnit['status'] => unit.imported ?? legacyStatusOfState(vocabulary, unit.state);

function writeXliff(document: ParsedDocument<XliffSkeleton>, reviewed: readonly ReviewedUnit[], context: WriteContext = {}): string {
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

  const filled = new Set<number>();
  // The first unit given a <target> the file did not have (see trgLangAt).
  let newTarget: string | null = null;
  const rendered = skeleton.units.map((unit, index) => {
    const original = {
      content: unit.content,
      state: unit.stateAttr,
      subState: unit.subStateAttr,
      approved: unit.approval?.attr ?? '',
      note: unit.note?.original ?? '',
    };
    const review = byUnit.get(index);
    if (!review) return original;
    // A locked segment is the client's: it goes back as it came. Its status may change in Redline (not in the
    // file); a changed text is refused rather than dropped without a word.
    if (unit.locked) {
      if (review.text !== unit.target) {
        const locked = `locked in the file (${unit.states === 'mq' ? 'memoQ' : 'Trados'}), so its text cannot be written`;
        const remedy = 'undo the edit to it, or export as CSV to keep it.';
        throw new UnitError(unit.key, `it is ${locked}: ${remedy}`, `Segment "${unit.key}" is ${locked}: ${remedy}`);
      }
      return original;
    }
    const vocabulary = vocabularyOf(skeleton, index);
    // Still the status the unit was imported with (never changed, or changed and changed back): the file's
    // state stays as it was. Otherwise the status's own state (reviewStates.ts).
    const imported = importedStatus(unit, vocabulary);
    const written = review.status === imported ? null : WRITTEN[vocabulary][review.status];
    // A copied source the editor confirmed is a translation now, though its text did not change.
    const changedText = review.text !== unit.target || (unit.copied === true && written !== null);
    if (unit.newSegment) {
      const slots = written === null ? original : { ...original, ...stateSlots(unit, written, vocabulary) };
      // A status the file records (a Trados conf) writes its marker too, empty without text: a "Translated"
      // with no target segment would be the state of nothing.
      const stateRecorded = written !== null && unit.states !== undefined;
      if (!changedText && !stateRecorded) return { ...slots, content: unit.content };
      filled.add(index);
      const markup = renderTarget(review.text, unit.tags, unit.required, unit.key, unit.target);
      return { ...slots, content: segmentMarker(unit.newSegment, markup) };
    }
    if (unit.missing !== undefined) {
      // No <target> in the file: one is written only for a translation typed or a status set.
      if (!changedText && written === null) return original;
      newTarget ??= unit.key;
      const markup = renderTarget(review.text, unit.tags, unit.required, unit.key, unit.target);
      // 1.2 keeps the state on the <target> being written; the others on the segment or trans-unit.
      const onTarget =
        vocabulary === 'xliff1' && written !== null
          ? ` state="${written.state}"${written.qualifier === null ? '' : ` state-qualifier="${written.qualifier}"`}`
          : '';
      const content = `${unit.missingIndent ?? ''}<${unit.missing}${onTarget}>${markup}</${unit.missing}>`;
      const slots = vocabulary !== 'xliff1' && written !== null ? stateSlots(unit, written, vocabulary) : original;
      return { ...original, content, state: slots.state, subState: slots.subState };
    }
    let content = unit.content;
    if (changedText) {
      const markup = renderTarget(review.text, unit.tags, unit.required, unit.key, unit.target);
      content = unit.selfClosed === null ? markup : markup === '' ? unit.content : `>${markup}</${unit.selfClosed}>`;
    }
    const slots = written === null ? original : stateSlots(unit, written, vocabulary);
    return { ...original, content, state: slots.state, subState: slots.subState };
  });

  writeWholeTargets(skeleton.units, rendered, filled);
  const lineEnd = lineEndOf(skeleton.pieces.find((piece): piece is string => typeof piece === 'string' && /[\r\n]/.test(piece)) ?? '');
  skeleton.units.forEach((unit, index) => {
    if (unit.approval) rendered[index]!.approved = approvalSlot(skeleton, index, unit.approval, byUnit);
    if (unit.note) {
      const covered = Array.from({ length: unit.note.units }, (_, k) => byUnit.get(index + k));
      rendered[index]!.note = writtenNote(unit.note, skeleton.model, xmlEditorNote(covered, unit.note.text ?? ''), lineEnd);
    }
  });

  let out = '';
  const trgLang = newTarget === null ? '' : targetLanguageAttribute(skeleton, newTarget, context);
  for (const [n, piece] of skeleton.pieces.entries()) {
    if (n === 0 && trgLang !== '' && typeof piece === 'string') out += piece.slice(0, skeleton.trgLangAt) + trgLang + piece.slice(skeleton.trgLangAt);
    else if (typeof piece === 'string') out += piece;
    else if (piece.part === 'origin') out += originPiece(skeleton.units[piece.unit], piece.n, byUnit.get(piece.unit), vocabularyOf(skeleton, piece.unit));
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
  xml: true,
  carriesNotes: true,
  importOptions: ['missingTargets'],
  parse: (text, name, options = {}) => parseXliff(text, name, options),
  write: writeXliff,
};

/** Whether an XLIFF text is Trados' SDLXLIFF: its root declares the sdl namespace (read from the first tag). */
export const isSdlXliff = (text: string): boolean => {
  const root = /<xliff\b[^>]*>/.exec(text.slice(0, 4096))?.[0] ?? '';
  return root.includes(SDL_NS);
};

/**
 * Trados Studio's bilingual file: XLIFF 1.2 whose units are pre-segmented (<seg-source>, <mrk mtype="seg">) and
 * whose per-segment confirmation level, origin (MT, TM …), match percent and lock live in <sdl:seg-defs>. Read by
 * the same code as XLIFF; what it adds: the confirmation level is the state the writer sets, a note shows the
 * origin and match, and a locked segment is written back as it came.
 */
export const sdlxliffFormat: FormatHandler<XliffSkeleton> = {
  id: 'sdlxliff',
  label: 'Trados SDLXLIFF',
  extensions: ['sdlxliff'],
  bilingual: true,
  xml: true,
  importOptions: ['missingTargets'],
  parse(text, name, options = {}) {
    if (!isSdlXliff(text)) {
      throw badInput(`${name} is not an SDLXLIFF file: its <xliff> root does not declare Trados' namespace (${SDL_NS}).`);
    }
    return parseXliff(text, name, options, 'sdlxliff');
  },
  write: writeXliff,
};

/** Whether an XLIFF text is memoQ's MQXLIFF: its root declares the MQXliff namespace (read from the first tag). */
export const isMqXliff = (text: string): boolean => {
  const root = /<xliff\b[^>]*>/.exec(text.slice(0, 4096))?.[0] ?? '';
  return /\sxmlns:[\w.-]+\s*=\s*(["'])MQXliff\1/.test(root);
};

/**
 * memoQ's bilingual file: XLIFF 1.2 whose <trans-unit>s carry memoQ's row status (mq:status), lock
 * (mq:locked="locked") and match percent (mq:percent). Read by the same code as XLIFF; what it adds: the status is
 * the state the writer sets (on the trans-unit, never a 1.2 state on the target), a note shows status and match,
 * and a locked row is written back as it came.
 */
export const mqxliffFormat: FormatHandler<XliffSkeleton> = {
  id: 'mqxliff',
  label: 'memoQ MQXLIFF',
  extensions: ['mqxliff'],
  bilingual: true,
  xml: true,
  importOptions: ['missingTargets'],
  parse(text, name, options = {}) {
    if (!isMqXliff(text)) {
      throw badInput(`${name} is not an MQXLIFF file: its <xliff> root does not declare memoQ's namespace (xmlns:mq="${MQ_NS}").`);
    }
    return parseXliff(text, name, options, 'mqxliff');
  },
  write: writeXliff,
};
