import { RedlineError } from '../model/errors';
import { languageTagOf } from '../model/languageTag';
import { childElements as children, parseXmlTree, textContent, type XmlElement } from './xliff/xmlTree';
import { tagChar, type FormatHandler, type FormatInspection, type ParsedDocument, type ParsedUnit, type ReviewedUnit } from './types';
import { fileNote, indentBefore, lineEndOf, REDLINE, spaceStart, withLineEnds, xmlEditorNote } from './editorNotes';
import { checkKeptTags } from './keptTags';
import { checkTmxSpans } from './tmxSpans';
import { TagCollector, expandTags, reviewedUnits } from './units';
import { escapeAttributeDroppingNonXml, escapeCharData, escapeDroppingNonXml } from './xml/escape';
import { refuseCharXmlCannotHold } from './xml/xmlChars';

/**
 * TMX 1.4b translation memories: each <tu> with a segment in the source language is a unit, its segment in
 * the target language the text to review. Inline <bpt>, <ept>, <ph>, <it>, <ut> (with their content) and the
 * start and end tags of <hi> become tag characters. Writing splices the reviewed text into the target
 * <tuv><seg> (adding a <tuv> where a <tu> had none) and leaves every other byte of the file as it was; a text
 * whose <hi> tags do not nest or whose <bpt>/<ept> are out of order (tmxSpans.ts), or that lost a tag of the
 * target it corrects (keptTags.ts), is refused. The editor's notes on a unit go in its <tu> as a <note> before the
 * <tuv>s (where TMX has notes), marked by a "Redline: " prefix (TMX notes have no attribute to say whose they
 * are): one an earlier export wrote is replaced, or dropped once the unit has no note (editorNotes.ts). Read back,
 * it is not one of the unit's notes but its editor's note again (ParsedUnit.editorNote, without the prefix),
 * kept byte for byte while that note is unchanged.
 * The XML is read with the XLIFF handler's saxes tree (core/formats/xliff/xmlTree): no DTD is read and no
 * entity but XML's own is expanded; a DOCTYPE with an internal subset is refused.
 */

export interface TmxLanguages {
  sourceLang: string;
  targetLang: string;
}

export interface TmxSkeleton {
  languages: TmxLanguages;
  /** The file with the target segments' content cut out: pieces[0], slot 0, pieces[1] … */
  pieces: string[];
  slots: Array<{
    /** What the file has there: the <seg> content, a whole `<seg/>`, or nothing (no target <tuv>). */
    raw: string;
    /** Written around new content: '' for a <seg>'s content, `<seg>`…`</seg>` or a whole new <tuv>. */
    before: string;
    after: string;
  }>;
  /** Per unit, the markup of each tag character of its source and target (a tag both share has one character). */
  tags: string[][];
  /**
   * Per unit, where the editor's notes go in pieces[unit], the part of the file from the previous unit's target
   * to its own: offsets into that piece. Absent in skeletons stored before they were recorded: their notes stay out.
   */
  notes?: TmxNotePlace[];
}

/**
 * The <tu>'s Redline note (its range with the space before it) and its text, or an empty range before the first
 * <tuv>; around a new note, the Redline note's leading space or the first <tuv>'s indentation after it. Kept for
 * every unit: what is empty is left out.
 */
export interface TmxNotePlace {
  start: number;
  end: number;
  /** The text of the file's Redline note after its prefix. */
  text?: string;
  before?: string;
  after?: string;
}

/** What a Redline note's text starts with. */
export const TMX_NOTE_PREFIX = `${REDLINE}: `;

/** A <note> element holding the editor's note. */
export const tmxNote = (note: string, lineEnd = '\n'): string => `<note>${withLineEnds(escapeCharData(TMX_NOTE_PREFIX + note), lineEnd)}</note>`;

/** Elements whose whole content is markup (native codes), each one tag character. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

const languageOf = (tuv: XmlElement): string | undefined => tuv.attrs['xml:lang'] ?? tuv.attrs['lang'];
/** The child elements of a given name. */
const childElements = (parent: XmlElement, name: string): XmlElement[] => children(parent).filter((c) => c.qname === name);

const sameLanguage = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

interface TmxFile {
  srclang: string | null;
  tus: XmlElement[];
}

function readTmx(text: string, name: string): TmxFile {
  const { root } = parseXmlTree(text, name);
  if (root.qname !== 'tmx') throw new RedlineError('bad_input', `${name} is not a TMX file: its root element is <${root.qname}>, not <tmx>.`);
  const header = childElements(root, 'header')[0];
  const body = childElements(root, 'body')[0];
  if (!body) throw new RedlineError('bad_input', `${name}, line ${root.line}: <tmx> has no <body>.`);
  const srclang = header?.attrs['srclang'];
  const tus = childElements(body, 'tu');
  for (const tu of tus) {
    for (const tuv of childElements(tu, 'tuv')) {
      if (!languageOf(tuv)) throw new RedlineError('bad_input', `${name}, line ${tuv.line}: <tuv> has no xml:lang.`);
      if (childElements(tuv, 'seg').length !== 1) throw new RedlineError('bad_input', `${name}, line ${tuv.line}: <tuv> needs exactly one <seg>.`);
    }
  }
  return { srclang: srclang && srclang !== '*all*' ? srclang : null, tus };
}

/** The languages of a TMX file: the header's srclang (null for `*all*`) and every xml:lang of its <tuv>s, in order. */
export function tmxLanguages(text: string, name: string): { srclang: string | null; languages: string[] } {
  const { srclang, tus } = readTmx(text, name);
  return { srclang, languages: collectLanguages(tus) };
}

function collectLanguages(tus: readonly XmlElement[]): string[] {
  const languages: string[] = [];
  for (const tu of tus) {
    for (const tuv of childElements(tu, 'tuv')) {
      const lang = languageOf(tuv)!;
      if (!languages.some((l) => sameLanguage(l, lang))) languages.push(lang);
    }
  }
  return languages;
}

/** A segment's content as unit text: inline codes and <hi> boundaries as tag characters. */
function segmentText(seg: XmlElement, source: string, collector: Pick<TagCollector, 'add'>): string {
  let out = '';
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.type === 'text') {
        // Private-use characters of the file itself become tags standing for themselves.
        out += child.text.replace(/[\uE000-\uEFFF]/g, (ch) => collector.add(ch));
      } else if (child.type !== 'element') {
        out += collector.add(source.slice(child.start, child.end)); // a comment or processing instruction
      } else if (CODE_ELEMENTS.has(child.qname) || child.selfClosing) {
        out += collector.add(source.slice(child.start, child.end));
      } else {
        // <hi> (and anything unknown): its tags are markup, its content text.
        out += collector.add(source.slice(child.start, child.openEnd));
        walk(child);
        out += collector.add(source.slice(child.closeStart, child.end));
      }
    }
  };
  walk(seg);
  return out;
}

/**
 * The key of a unit's <tu> without tuid: its 1-based position, as always (the keys stored documents have), unless
 * a unit's tuid is that number (`<tu tuid="2">` then a <tu> without one): then `#` before it, as many as it takes
 * to be no unit's tuid. Tuids keep their own value; export matches units by the keys stored with them.
 */
function positionalKeys(tus: readonly XmlElement[], isUnit: (tu: XmlElement) => boolean): (n: number) => string {
  const tuids = new Set<string>();
  for (const tu of tus) if (tu.attrs['tuid'] !== undefined && isUnit(tu)) tuids.add(tu.attrs['tuid']);
  return (n) => {
    let key = String(n + 1);
    while (tuids.has(key)) key = `#${key}`;
    return key;
  };
}

/** Reads a TMX file for one language pair; languages not given are picked as by the default handler. */
export function parseTmx(text: string, name: string, languages: Partial<TmxLanguages> = {}): ParsedDocument<TmxSkeleton> {
  const { srclang, tus } = readTmx(text, name);
  const present = collectLanguages(tus);
  // The header's srclang when segments use it, else the first language found.
  const headerLang = srclang !== null && present.some((l) => sameLanguage(l, srclang)) ? srclang : undefined;
  const requestedSource = languages.sourceLang ?? headerLang ?? present[0];
  if (!requestedSource) throw new RedlineError('bad_input', `${name} has no translation units.`);
  const requestedTarget = languages.targetLang ?? present.find((l) => !sameLanguage(l, requestedSource));
  if (!requestedTarget) throw new RedlineError('bad_input', `${name} has no language besides ${requestedSource}.`);
  // The file's own spelling of each language (a request may differ in case).
  const spelled = (lang: string): string => {
    const found = present.find((l) => sameLanguage(l, lang));
    if (!found) throw new RedlineError('bad_input', `${name} has no segments in ${lang} (languages: ${present.join(', ')}).`);
    return found;
  };
  const sourceLang = spelled(requestedSource);
  const targetLang = spelled(requestedTarget);
  if (sameLanguage(sourceLang, targetLang)) throw new RedlineError('bad_input', `${name}: the source and target language are both ${sourceLang}.`);

  const units: ParsedUnit[] = [];
  const pieces: string[] = [];
  const slots: TmxSkeleton['slots'] = [];
  const tags: string[][] = [];
  const notePlaces: TmxNotePlace[] = [];
  const keys = new Map<string, number>();
  let cursor = 0;
  const isUnit = (tu: XmlElement): boolean =>
    childElements(tu, 'tuv').some((t) => sameLanguage(languageOf(t), sourceLang) || sameLanguage(languageOf(t), targetLang));
  const positional = positionalKeys(tus, isUnit);

  tus.forEach((tu, n) => {
    const tuvs = childElements(tu, 'tuv');
    const sourceTuv = tuvs.find((t) => sameLanguage(languageOf(t), sourceLang));
    const targetTuv = tuvs.find((t) => sameLanguage(languageOf(t), targetLang));
    if (!sourceTuv && !targetTuv) return;

    const key = tu.attrs['tuid'] ?? positional(n);
    const seen = keys.get(key);
    if (seen !== undefined) throw new RedlineError('bad_input', `${name}, line ${tu.line}: the <tu> key “${key}” is already used on line ${seen}.`);
    keys.set(key, tu.line);

    const collector = new TagCollector(() => `${name}, line ${tu.line}: <tu>`);
    const sourceSeg = sourceTuv && childElements(sourceTuv, 'seg')[0]!;
    const targetSeg = targetTuv && childElements(targetTuv, 'seg')[0]!;
    const source = sourceSeg ? segmentText(sourceSeg, text, collector) : null;
    // A target tag written exactly like a source tag shares its character, so the two read as one tag.
    const sourceTags = collector.tags.length;
    const claimed = new Set<number>();
    const targetCollector = {
      add: (markup: string) => {
        for (let k = 0; k < sourceTags; k++) {
          if (!claimed.has(k) && collector.tags[k] === markup) {
            claimed.add(k);
            return tagChar(k);
          }
        }
        return collector.add(markup);
      },
    };
    const target = targetSeg ? segmentText(targetSeg, text, targetCollector) : '';
    // The <tu>'s Redline note is the editor's, not one of the file's notes.
    const redline = redlineNote(tu, tuvs[0]!);
    const notes = [tu, ...(sourceTuv ? [sourceTuv] : []), ...(targetTuv ? [targetTuv] : [])].flatMap((element) => [
      ...childElements(element, 'note')
        .filter((note) => note !== redline)
        .map((note) => textContent(note)),
      ...childElements(element, 'prop').map((prop) => `${prop.attrs['type'] ?? 'prop'}: ${textContent(prop)}`),
    ]);
    const editorNote = redline ? fileNote(textContent(redline).slice(TMX_NOTE_PREFIX.length)) : '';
    units.push({ key, paragraph: units.length + 1, source, target, ...(notes.length > 0 && { notes }), ...(editorNote !== '' && { editorNote }) });
    tags.push(collector.tags);
    notePlaces.push(notePlace(text, redline, tuvs[0]!, cursor));

    if (targetSeg && !targetSeg.selfClosing) {
      pieces.push(text.slice(cursor, targetSeg.openEnd));
      slots.push({ raw: text.slice(targetSeg.openEnd, targetSeg.closeStart), before: '', after: '' });
      cursor = targetSeg.closeStart;
    } else if (targetSeg) {
      pieces.push(text.slice(cursor, targetSeg.start));
      slots.push({ raw: text.slice(targetSeg.start, targetSeg.end), before: '<seg>', after: '</seg>' });
      cursor = targetSeg.end;
    } else {
      // No target <tuv>: a new one goes after the last <tuv>, indented like it.
      const last = tuvs[tuvs.length - 1]!;
      const at = last.end;
      const indent = /(?:\r\n|\n|\r)[ \t]*$/.exec(text.slice(Math.max(0, last.start - 256), last.start))?.[0] ?? '';
      const attribute = last.attrs['xml:lang'] !== undefined ? 'xml:lang' : 'lang';
      pieces.push(text.slice(cursor, at));
      slots.push({ raw: '', before: `${indent}<tuv ${attribute}="${escapeAttributeDroppingNonXml(targetLang)}"><seg>`, after: '</seg></tuv>' });
      cursor = at;
    }
  });
  pieces.push(text.slice(cursor));
  const declared = { source: languageTagOf(sourceLang), target: languageTagOf(targetLang) };
  return { format: 'tmx', units, skeleton: { languages: { sourceLang, targetLang }, pieces, slots, tags, notes: notePlaces }, languages: declared };
}

/**
 * The <tu>'s Redline note, if it has one: its first note with the prefix where TMX has notes, before the <tuv>s (the
 * piece of the file the writer changes ends in one).
 */
const redlineNote = (tu: XmlElement, firstTuv: XmlElement): XmlElement | undefined =>
  childElements(tu, 'note').find((note) => note.end <= firstTuv.start && textContent(note).startsWith(TMX_NOTE_PREFIX));

/** Where a <tu>'s editor note goes (TmxNotePlace), its offsets counted from `from`, where the unit's piece starts. */
function notePlace(text: string, redline: XmlElement | undefined, firstTuv: XmlElement, from: number): TmxNotePlace {
  if (!redline) {
    const after = indentBefore(text, firstTuv.start);
    return { start: firstTuv.start - from, end: firstTuv.start - from, ...(after !== '' && { after }) };
  }
  const start = spaceStart(text, redline.start);
  const before = text.slice(start, redline.start);
  return { start: start - from, end: redline.end - from, text: textContent(redline).slice(TMX_NOTE_PREFIX.length), ...(before !== '' && { before }) };
}

/** A unit's piece of the file with its note written: as it was while the note is what it says, else the editor's (or none). */
function withNote(piece: string, place: TmxNotePlace | undefined, note: string | null, lineEnd: string): string {
  if (!place || note === null || note === fileNote(place.text ?? '')) return piece;
  const written = note === '' ? '' : (place.before ?? '') + tmxNote(note, lineEnd) + (place.after ?? '');
  return piece.slice(0, place.start) + written + piece.slice(place.end);
}

function writeTmx(document: ParsedDocument<TmxSkeleton>, units: readonly ReviewedUnit[]): string {
  const reviewed = reviewedUnits(document, units);
  const { pieces, slots, tags, notes } = document.skeleton;
  // Unit i's note lies in pieces[i], between the previous unit's target and its own.
  const lineEnd = lineEndOf(pieces.find((p) => /[\r\n]/.test(p)) ?? '');
  const piece = (i: number): string => withNote(pieces[i] ?? '', notes?.[i], reviewed[i] ? xmlEditorNote([reviewed[i]]) : null, lineEnd);
  let out = piece(0);
  slots.forEach((slot, i) => {
    const text = reviewed[i]?.text ?? '';
    const unit = document.units[i]!;
    if (text === unit.target) out += slot.raw;
    else if (text !== '' || slot.raw !== '') {
      // A control character pasted in is refused, as XLIFF and DOCX refuse it: dropped, the words it parted would join.
      refuseCharXmlCannotHold(text, unit.key);
      const markup = expandTags(text, tags[i] ?? [], `<tu> “${unit.key}”`, escapeDroppingNonXml);
      checkTmxSpans(text, unit.target, tags[i] ?? [], `<tu> “${unit.key}”`, unit.key);
      // A whole span or a native code lost takes the formatting or placeholder it stood for with it (keptTags.ts).
      checkKeptTags(text, unit.target, tags[i] ?? [], unit.key, undefined, `<tu> “${unit.key}”`);
      out += slot.before + markup + slot.after;
    }
    out += piece(i + 1);
  });
  return out;
}

export const tmxFormat: FormatHandler<TmxSkeleton> = {
  id: 'tmx',
  label: 'TMX translation memory',
  extensions: ['tmx'],
  bilingual: true,
  xml: true,
  carriesNotes: true,
  importOptions: ['languages'],
  inspect(text: string, name: string): FormatInspection {
    const { srclang, languages } = tmxLanguages(text, name);
    return { languages, sourceLang: srclang ?? undefined };
  },
  /**
   * The languages chosen; for a file of two languages by default the header's srclang (or the first language)
   * and the other one. A file of more languages needs the pair named: taking the first two silently would
   * review a pair the editor never chose.
   */
  parse(text, name, options = {}) {
    const chosen = options.languages;
    if (!chosen?.sourceLang && !chosen?.targetLang) {
      const { languages } = tmxLanguages(text, name);
      if (languages.length > 2) {
        throw new RedlineError(
          'bad_input',
          `${name} holds ${languages.length} languages (${languages.join(', ')}): choose the two to review ` +
            '(the source and target language; on the command line --source-lang and --target-lang).',
        );
      }
    }
    return parseTmx(text, name, chosen);
  },
  write: writeTmx,
};
