import type { ReviewedUnit } from './types';
import { withoutCharsXmlCannotHold } from './xml/xmlChars';

/**
 * The editor's notes as a bilingual file carries them: one note on each element the format keeps notes on (an
 * XLIFF <trans-unit> or <unit>, a PO entry, a TMX <tu>), holding the notes of the sentences it covers in their
 * order, marked as Redline's (XLIFF 1.2 from="Redline", 2.0 category="Redline", a PO comment's or TMX note's
 * "Redline:" prefix). The mark tells it apart both ways. Imported again, that note is not one of the file's notes
 * (ParsedUnit.notes) but the editor's notes again (ParsedUnit.editorNote, as `fileNote` reads it), each on its
 * own sentence (editorNote numbers them when several sentences have one), and import stores them as the
 * sentences' notes; exported again, it is replaced by the
 * editor's notes as they are then, kept byte for byte while they say what it says (an export, a re-import and an
 * export give the same file), or dropped where there are none, so notes never pile up from one round trip to
 * the next.
 */

/** The name Redline's notes go under. */
export const REDLINE = 'Redline';

/** Notes as one: each trimmed, the others one per line in their order, line ends as \n. */
export const joinNotes = (notes: readonly string[]): string =>
  notes
    .map((note) => note.replace(/\r\n?/g, '\n').trim())
    .filter((note) => note !== '')
    .join('\n');

/**
 * The editor's note a file's Redline note stands for: its text as an export would write it (joinNotes), which is
 * what import stores as the editor's note and what a writer compares the editor's note with to keep the file's.
 */
export const fileNote = (text: string): string => joinNotes([text]);

/** A line of a note of several sentences: the sentence's number in its element, then the line (`[2] Check it.`). */
const NUMBERED_LINE = /^\[(\d+)\](?: |$)/;

/** A sentence's note with each of its lines under the sentence's number (a blank line is the number alone). */
const numbered = (note: string, n: number): string[] => note.split('\n').map((line) => (line === '' ? `[${n}]` : `[${n}] ${line}`));

/**
 * The note for a run of units (the segments of one element): their sentences' notes in sentence order, each
 * first made what the file can hold (`clean`). A note of the first sentence alone is written as it is; once
 * another sentence has one, every line goes under its sentence's number in the element (`[2] Check the name.`),
 * so that import gives each sentence its own note back (sentenceNotes). null when no unit of the run says what
 * its notes are (a writer given texts alone): the file's notes then stay as they are. A unit given without its
 * notes, beside others given with theirs, keeps its part of the file's note (`fileText`, as the file holds it).
 */
export function editorNote(
  units: ReadonlyArray<ReviewedUnit | undefined>,
  clean = (note: string): string => note,
  fileText = '',
): string | null {
  if (!units.some((unit) => unit?.notes !== undefined)) return null;
  const filed = units.some((unit) => unit?.notes === undefined) ? sentenceNotes(fileNote(fileText), units.length) : [];
  const notes = units.map((unit, k) => (unit?.notes === undefined ? (filed[k] ?? '') : joinNotes(unit.notes.map(clean))));
  const first = notes[0] ?? '';
  // As it is, unless it would read as numbered lines itself.
  if (notes.slice(1).every((note) => note === '') && sentenceNotes(first, notes.length)[0] === first) return first;
  return notes.flatMap((note, k) => (note === '' ? [] : numbered(note, k + 1))).join('\n');
}

/**
 * The notes of an element's `count` sentences in its Redline note (as `fileNote` reads it): each line under its
 * sentence's number, in order, as editorNote writes them; else (a note of the first alone, one written some
 * other way, a number out of order or beyond the element's sentences) the whole note the first sentence's.
 */
export function sentenceNotes(note: string, count: number): string[] {
  const whole = Array.from({ length: Math.max(1, count) }, (_, k) => (k === 0 ? note : ''));
  if (count < 2 || note === '') return whole;
  const parts: string[][] = whole.map(() => []);
  let last = 1;
  for (const line of note.split('\n')) {
    const match = NUMBERED_LINE.exec(line);
    const n = match ? Number(match[1]) : 0;
    if (!match || n < last || n > count) return whole;
    last = n;
    parts[n - 1]!.push(line.slice(match[0].length));
  }
  return parts.map((lines) => fileNote(lines.join('\n')));
}

/**
 * A note as an XML file holds it: a character XML cannot hold (a control character pasted in) left out, since a
 * note is read by people and refusing the export over it would be worse.
 */
export const xmlNoteText = (note: string): string => withoutCharsXmlCannotHold(note);

/** editorNote for an XML file. */
export const xmlEditorNote = (units: ReadonlyArray<ReviewedUnit | undefined>, fileText = ''): string | null =>
  editorNote(units, xmlNoteText, fileText);

/** The line break a file uses (its first; a line feed when it has none), for the lines of a note written into it. */
export const lineEndOf = (text: string): string => /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';

/** A note's lines ended as the file ends its own (editorNote joins them with line feeds). */
export const withLineEnds = (note: string, lineEnd: string): string => (lineEnd === '\n' ? note : note.replace(/\n/g, lineEnd));

/** The line break and indentation just before `at`, when the element there starts a line ('' when it does not). */
export const indentBefore = (text: string, at: number): string =>
  /(?:\r\n|\n|\r)[ \t]*$/.exec(text.slice(Math.max(0, at - 256), at))?.[0] ?? '';

/** Where the whitespace just before `at` starts (an element's own line, to remove it with the element). */
export function spaceStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && /[ \t\r\n]/.test(text[start - 1]!)) start--;
  return start;
}
