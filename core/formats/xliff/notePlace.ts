import { fileNote, indentBefore, REDLINE, spaceStart, withLineEnds } from '../editorNotes';
import { escapeCharData } from '../xml/escape';
import { childElements, textContent, type XmlElement } from './xmlTree';

/**
 * Where the editor's notes on the segments of one <trans-unit> (XLIFF 2: <unit>) are written, kept on the first of
 * the units it covers. XLIFF 1.2 takes a <note from="Redline"> right after the <target> (where the schema lets
 * notes, context groups and alternatives follow in any order), indented like the target; XLIFF 2, whose notes
 * have no `from`, a <note category="Redline"> last in the unit's <notes>, or a new <notes> where the spec puts
 * it: after extension elements, before <originalData> and the segments. A Redline note the file has (an earlier
 * export's) is the place itself: replaced where it is, or removed with the space before it (with its <notes>
 * when it was the only note there, as XLIFF 2 wants no <notes> without a <note>: the comments and processing
 * instructions beside it stay, in the <notes>' place).
 */
export interface XliffNotePlace {
  /** How many units, from the one holding the place, are the element's segments. */
  units: number;
  /**
   * What the file has at the place, when it has a Redline note: the note with the space before it, and its text
   * (import makes fileNote(text) the editor's note of the first unit; written while that is the note, it stays).
   */
  original?: string;
  text?: string;
  /** Written before and after a new note: its indentation, and for a unit without <notes> a <notes> around it. */
  before: string;
  after?: string;
  /** The prefix the file writes the unit's elements with (`xlf:`), when it has one. */
  prefix?: string;
  /**
   * What stays of the place once the note goes, when that is not nothing: the comments and processing
   * instructions of a <notes> whose only note was Redline's, which goes with it.
   */
  kept?: string;
}

/** The name Redline's note goes under: XLIFF 2 notes have no `from`, a `category` says what they are. */
const markOf = (model: 1 | 2): string => (model === 1 ? 'from' : 'category');

/** The name's prefix as written, colon included ('' for none). */
const prefixOf = (element: XmlElement): string => element.qname.slice(0, element.qname.length - element.local.length);

/** The place for the note of `element` (a <trans-unit> or <unit> whose first `units` units are its segments), and the range of the file it covers. */
export function notePlace(
  text: string,
  element: XmlElement,
  model: 1 | 2,
  units: number,
): { start: number; end: number; place: XliffNotePlace } | null {
  const is = (child: XmlElement, local: string): boolean => child.uri === element.uri && child.local === local;
  const prefix = prefixOf(element);
  const isRedline = (child: XmlElement): boolean => is(child, 'note') && child.attrs[markOf(model)] === REDLINE;
  // Kept in every unit's skeleton: only what differs from the usual (no Redline note yet, no prefix).
  const place = (start: number, end: number, before: string, after: string, redline: XmlElement | null, kept = '') => ({
    start,
    end,
    place: {
      units,
      ...(start < end && { original: text.slice(start, end) }),
      ...(redline && { text: textContent(redline) }),
      before,
      ...(after !== '' && { after }),
      ...(prefix !== '' && { prefix }),
      ...(kept !== '' && { kept }),
    },
  });
  const replacing = (redline: XmlElement) => {
    const start = spaceStart(text, redline.start);
    return place(start, redline.end, text.slice(start, redline.start), '', redline);
  };
  const children = childElements(element);

  if (model === 1) {
    const redline = children.find(isRedline);
    if (redline) return replacing(redline);
    const anchor = ['target', 'seg-source', 'source'].map((local) => children.find((c) => is(c, local))).find((c) => c !== undefined);
    return anchor ? place(anchor.end, anchor.end, indentBefore(text, anchor.start), '', null) : null;
  }

  const notes = children.find((c) => is(c, 'notes'));
  if (notes) {
    const inside = childElements(notes).filter((c) => is(c, 'note'));
    const redline = inside.find(isRedline);
    if (redline && notes.children.every((c) => c === redline || c.type !== 'element')) {
      const start = spaceStart(text, notes.start);
      const kept = notes.children.flatMap((c) => (c.type === 'comment' || c.type === 'pi' ? [text.slice(spaceStart(text, c.start), c.end)] : []));
      // One on the <notes>' own line (no space of its own before it) takes the <notes>' line and indentation.
      if (kept[0] !== undefined && !/^[\r\n]/.test(kept[0])) kept[0] = text.slice(start, notes.start) + kept[0];
      return place(start, notes.end, text.slice(start, redline.start), text.slice(redline.end, notes.end), redline, kept.join(''));
    }
    if (redline) return replacing(redline);
    const last = inside.at(-1);
    if (last) return place(last.end, last.end, indentBefore(text, last.start), '', null);
    if (notes.selfClosing) return place(notes.start, notes.end, `${text.slice(notes.start, notes.end - 2)}>`, `</${notes.qname}>`, null);
    return place(notes.closeStart, notes.closeStart, '', '', null);
  }
  const anchor = children.find((c) => is(c, 'originalData') || is(c, 'segment') || is(c, 'ignorable'));
  if (!anchor) return null;
  // Indented like the unit's children, the note one step further in (the step the unit's children take).
  const indent = indentBefore(text, anchor.start);
  const spaces = indent.replace(/^(?:\r\n|\n|\r)/, '');
  const outer = indentBefore(text, element.start).replace(/^(?:\r\n|\n|\r)/, '');
  const step = spaces.startsWith(outer) ? spaces.slice(outer.length) : spaces;
  const inner = indent === '' ? '' : indent + step;
  return place(anchor.start, anchor.start, `<${prefix}notes>${inner}`, `${indent}</${prefix}notes>${indent}`, null);
}

/**
 * What a place holds once written: the file's bytes while the note is what it was, else the editor's note (or
 * nothing), its lines ended with `lineEnd`, the file's.
 */
export function writtenNote(place: XliffNotePlace, model: 1 | 2, note: string | null, lineEnd = '\n'): string {
  if (note === null || note === fileNote(place.text ?? '')) return place.original ?? '';
  if (note === '') return place.kept ?? '';
  const name = `${place.prefix ?? ''}note`;
  return `${place.before}<${name} ${markOf(model)}="${REDLINE}">${withLineEnds(escapeCharData(note), lineEnd)}</${name}>${place.after ?? ''}`;
}
