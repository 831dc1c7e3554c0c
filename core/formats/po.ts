import { RedlineError } from '../model/errors';
import { languageTagOf } from '../model/languageTag';
import { editorNote, fileNote, REDLINE, sentenceNotes } from './editorNotes';
import type { FormatHandler, ParsedDocument, ParsedUnit, ReviewedUnit } from './types';
import { reviewedUnits } from './units';

/**
 * gettext PO (and POT) files: msgid is the source, msgstr the machine translation to review; each plural
 * form (msgstr[n]) is a unit of its own. msgctxt is part of the key, translator (`# `) and extracted (`#.`)
 * comments become notes, the fuzzy flag the state. Writing replaces only the msgstr lines of edited entries
 * (wrapped as msgcat does) and drops `fuzzy` from entries confirmed or approved: every other line — the
 * header, comments, obsolete entries, the wrapping of untouched entries — stays byte for byte.
 * The editor's notes on an entry's units go before it as translator comments, one `# Redline: ` line per line
 * of the notes (editorNotes.ts): the prefix tells them from the translators' own comments, which stay, so an
 * export of a file read back replaces the Redline lines an earlier one wrote (or drops them once there are no
 * notes) rather than adding more. Read back, they are not among the entry's translator comments: they are the
 * editor's note of its first unit again (ParsedUnit.editorNote), kept as they are while that note is unchanged.
 * Hand-written (no Node APIs), so it lives in core.
 */

export interface PoSkeleton {
  /** The file's lines, each with its line break. */
  lines: string[];
  /** The line break new lines get (the file's first). */
  eol: string;
  entries: Array<{
    /** Lines (indices) of `#,` flag comments. */
    flagLines: number[];
    fuzzy: boolean;
    /** Each msgstr field: its lines [start, end), its keyword and its unit. */
    msgstrs: Array<{ start: number; end: number; keyword: string; unit: number }>;
    /**
     * The entry's first line, where the editor's notes go (absent in skeletons stored before it was recorded:
     * their notes stay out), and the lines of the Redline comments it has, if any.
     */
    start?: number;
    redline?: number[];
  }>;
}

interface Field {
  keyword: string;
  value: string;
  start: number;
  end: number;
}

interface Entry {
  /** First line of the entry (a comment or msgctxt/msgid). */
  line: number;
  translator: string[];
  extracted: string[];
  flagLines: number[];
  flags: string[];
  /** Lines of the translator comments Redline wrote (REDLINE_COMMENT), and their text after the prefix. */
  redlineLines: number[];
  redline: string[];
  fields: Field[];
  obsolete: boolean;
  /** The `#| msgid` a fuzzy entry was matched from (msgmerge's previous source), if it has one. */
  previous?: string;
  /** Whether the last `#|` line was of the previous msgid, so a `#| "…"` line continues it. */
  previousOpen?: boolean;
}

/** A translator comment holding a line of the editor's notes. */
const REDLINE_COMMENT = `# ${REDLINE}:`;
const isRedlineComment = (line: string): boolean => line === REDLINE_COMMENT || line.startsWith(`${REDLINE_COMMENT} `);
/** A line of the editor's note in a Redline comment (its line end stripped). */
const redlineText = (line: string): string => line.slice(REDLINE_COMMENT.length).replace(/^ /, '');

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"/;
const CONTINUATION = /^[ \t]*"/;

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/** The value of a `"…"` string starting at `open` (the quote); the rest of the line must be blank. */
function readString(line: string, open: number, where: () => string): string {
  let value = '';
  for (let i = open + 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (!/^[ \t]*$/.test(line.slice(i + 1))) throw new RedlineError('bad_input', `${where()}: text after the closing quote.`);
      return value;
    }
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = line[++i];
    if (next === undefined) break;
    if (ESCAPES[next] !== undefined) value += ESCAPES[next];
    else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(line.slice(i))![0];
      value += String.fromCharCode(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(line.slice(i + 1))) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(line.slice(i + 1))![0];
      value += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else throw new RedlineError('bad_input', `${where()}: unknown escape \\${next}.`);
  }
  throw new RedlineError('bad_input', `${where()}: the string has no closing quote.`);
}

function escapePo(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code === 0x07) out += '\\a';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0b) out += '\\v';
    else if (code === 0x0c) out += '\\f';
    else out += ch; // other control characters as they are, as msgcat writes them
  }
  return out;
}

/** Page width msgcat wraps to. */
const WIDTH = 79;

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

/** Columns a character takes in a terminal: two for East Asian wide characters, one otherwise. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** CJK punctuation, small kana and the prolonged sound mark, which keep to the character beside them. */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー]/;

/**
 * Breaks one portion of a string (it holds no line break but perhaps a final one) into lines of at most
 * `firstWidth`, then `width`, columns of escaped text, greedily, the way msgcat does (Unicode line breaking,
 * as far as PO text needs it): a line may end after a run of spaces, a hyphen before a letter, a slash
 * before a letter or next to a CJK character; never right before the final line break nor after spaces that open the portion; what
 * cannot be broken in time (a long word) overflows to the next break.
 */
function breakPortion(portion: string, firstWidth: number, width: number): string[] {
  const chars = [...portion];
  const tokens = chars.map((ch) => escapePo(ch));
  const columns = chars.map((ch, k) => (WIDE.test(ch) ? 2 : tokens[k]!.length));
  const firstWord = chars.findIndex((c) => c !== ' ');
  const canBreakBefore = (k: number): boolean => {
    const before = chars[k - 1];
    const here = chars[k]!;
    if (k === 0 || here === '\n' || here === ' ') return false;
    if (before === ' ') return firstWord >= 0 && firstWord < k;
    if (before === '-') return isLetter(here); // well-|known
    if ((WIDE.test(here) || WIDE.test(before ?? '')) && !CJK_PUNCTUATION.test(here) && !CJK_PUNCTUATION.test(before ?? '')) return before !== ' ' && here !== ' '; // 日|本
    return before === '/' && chars[k - 2] !== undefined && chars[k - 2] !== ' ' && isLetter(here); // and/|or
  };
  const lines: string[] = [];
  let lineStart = 0;
  let lastBreak = -1;
  let column = 0;
  let budget = firstWidth;
  columns.forEach((w, k) => {
    if (canBreakBefore(k)) lastBreak = k;
    if (column + w > budget && lastBreak > lineStart) {
      lines.push(tokens.slice(lineStart, lastBreak).join(''));
      column = columns.slice(lastBreak, k).reduce((a, b) => a + b, 0);
      lineStart = lastBreak;
      budget = width;
    }
    column += w;
  });
  lines.push(tokens.slice(lineStart).join(''));
  return lines;
}

/**
 * A field as msgcat writes it: `keyword "text"` on one line when the text has no inner line break and needs
 * no break at the page width, else `keyword ""` and then lines broken after each \n and wrapped as above.
 */
export function formatPoField(keyword: string, text: string): string[] {
  const innerBreak = text.indexOf('\n');
  if (innerBreak < 0 || innerBreak === text.length - 1) {
    const single = breakPortion(text, WIDTH - keyword.length - 3, WIDTH - 2);
    if (single.length === 1) return [`${keyword} "${single[0]}"`];
  }
  const lines = [`${keyword} ""`];
  for (const portion of text.split(/(?<=\n)/)) {
    if (portion) lines.push(...breakPortion(portion, WIDTH - 2, WIDTH - 2).map((l) => `"${l}"`));
  }
  return lines;
}

/**
 * Lines with their breaks. A break is \n, \r\n, a lone \r (old Mac files) or \r\r\n — what a file gets when
 * Windows line ends go through a second CRLF conversion; msgfmt accepts it, reading the extra \r as blank.
 */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r*\n|\r)|[^\r\n]+$/g) ?? [];
}

const LINE_END = /(?:\r*\n|\r)$/;
const stripEol = (line: string): string => line.replace(LINE_END, '');

function readEntries(lines: readonly string[], name: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | null = null;
  const at = (n: number) => () => `${name}, line ${n + 1}`;
  const fresh = (n: number): Entry => ({ line: n, translator: [], extracted: [], flagLines: [], flags: [], redlineLines: [], redline: [], fields: [], obsolete: false });
  /** A comment or keyword after an entry's msgstr starts the next entry. */
  const current = (n: number, starting: boolean): Entry => {
    if (!entry || (starting && entry.fields.some((f) => f.keyword.startsWith('msgstr')))) {
      entry = fresh(n);
      entries.push(entry);
    }
    return entry;
  };

  lines.forEach((raw, n) => {
    const line = stripEol(raw);
    if (/^[ \t]*$/.test(line)) {
      entry = null;
      return;
    }
    if (line.startsWith('#')) {
      const e = current(n, true);
      if (e.fields.length > 0 && !line.startsWith('#~')) {
        throw new RedlineError('bad_input', `${at(n)()}: a comment inside an entry (comments go before msgid).`);
      }
      const kind = line[1];
      if (kind === '~') e.obsolete = true;
      else if (kind === '.') e.extracted.push(line.slice(2).replace(/^ /, ''));
      else if (kind === ',') {
        e.flagLines.push(n);
        e.flags.push(...line.slice(2).split(',').map((f) => f.trim()).filter(Boolean));
      } else if (kind === '|') readPrevious(e, line);
      else if (kind !== ':') {
        if (isRedlineComment(line)) {
          e.redlineLines.push(n);
          e.redline.push(redlineText(line));
        } else e.translator.push(line.slice(1).replace(/^ /, ''));
      }
      return;
    }
    const keyword = KEYWORD.exec(line);
    if (keyword) {
      const name = keyword[1]!;
      const e = current(n, name === 'msgctxt' || name === 'msgid');
      e.fields.push({ keyword: name, value: readString(line, keyword[0].length - 1, at(n)), start: n, end: n + 1 });
      return;
    }
    const continuation = CONTINUATION.exec(line);
    const field = entry?.fields[entry.fields.length - 1];
    if (continuation && field && field.end === n) {
      field.value += readString(line, continuation[0].length - 1, at(n));
      field.end = n + 1;
      return;
    }
    throw new RedlineError('bad_input', `${at(n)()}: ${continuation ? 'a string outside any msgid or msgstr' : `unexpected “${line.slice(0, 30)}”`}.`);
  });
  return entries;
}

/**
 * A `#|` comment: its `msgid` and the `#| "…"` lines after it make the previous source. The comment is only
 * shown, never written, so a malformed one is skipped rather than refused.
 */
function readPrevious(entry: Entry, line: string): void {
  const body = line.slice(2).replace(/^[ \t]+/, '');
  const keyword = /^(msgctxt|msgid_plural|msgid)[ \t]+"/.exec(body);
  const open = keyword ? keyword[0].length - 1 : body.startsWith('"') ? 0 : -1;
  let value: string;
  try {
    value = open < 0 ? '' : readString(body, open, () => '');
  } catch {
    entry.previousOpen = false;
    return;
  }
  if (keyword) {
    entry.previousOpen = keyword[1] === 'msgid';
    if (entry.previousOpen) entry.previous = value;
  } else if (open === 0 && entry.previousOpen) entry.previous = (entry.previous ?? '') + value;
  else entry.previousOpen = false;
}

/** Checks an entry's keywords come in gettext's order and returns them by name. */
function entryFields(entry: Entry, name: string) {
  const where = (line: number) => `${name}, line ${line + 1}`;
  let ctxt: Field | undefined;
  let id: Field | undefined;
  let plural: Field | undefined;
  let single: Field | undefined;
  const forms: Field[] = [];
  for (const field of entry.fields) {
    const k = field.keyword;
    const misplaced = () => new RedlineError('bad_input', `${where(field.start)}: ${k} is out of place.`);
    if (k === 'msgctxt') {
      if (ctxt || id) throw misplaced();
      ctxt = field;
    } else if (k === 'msgid') {
      if (id) throw misplaced();
      id = field;
    } else if (k === 'msgid_plural') {
      if (!id || plural || single || forms.length) throw misplaced();
      plural = field;
    } else if (k === 'msgstr') {
      if (!id || plural || single || forms.length) throw misplaced();
      single = field;
    } else {
      const n = Number(/\d+/.exec(k)![0]);
      if (!id || !plural || single || n !== forms.length) throw misplaced();
      forms.push(field);
    }
  }
  const first = entry.fields[0]!;
  if (!id) throw new RedlineError('bad_input', `${where(first.start)}: an entry without msgid.`);
  if (plural && forms.length === 0) throw new RedlineError('bad_input', `${where(id.start)}: msgid_plural without msgstr[0].`);
  if (!plural && !single) throw new RedlineError('bad_input', `${where(id.start)}: msgid without msgstr.`);
  return { ctxt, id, plural, msgstrs: plural ? forms : [single!] };
}

function parsePo(text: string, name: string): ParsedDocument<PoSkeleton> {
  const lines = splitLines(text);
  const units: ParsedUnit[] = [];
  const skeletonEntries: PoSkeleton['entries'] = [];
  const keys = new Map<string, number>();
  let paragraph = 0;
  let target: string | null = null;

  for (const entry of readEntries(lines, name)) {
    if (entry.obsolete || entry.fields.length === 0) continue; // obsolete entries and stray comments: skeleton
    const { ctxt, id, plural, msgstrs } = entryFields(entry, name);
    if (!ctxt && id.value === '') {
      // The header: its `Language:` field is the target language (gettext has no field for the source's).
      target = languageTagOf(/^Language:[ \t]*([^\n]*)$/m.exec(msgstrs[0]?.value ?? '')?.[1]);
      continue;
    }
    const base = ctxt ? `${ctxt.value}\u0004${id.value}` : id.value;
    const fuzzy = entry.flags.includes('fuzzy');
    const notes = [entry.translator.join('\n'), entry.extracted.join('\n')].filter((n) => n !== '');
    // Shown beside the sentence: a fuzzy entry is a guess (often the MT) that gettext will not use until the
    // flag goes, which confirming it does on export.
    if (fuzzy) {
      // msgmerge's `#| msgid`: the source the suggestion was made for, so the editor sees what changed.
      if (entry.previous !== undefined && entry.previous !== id.value) notes.unshift(`previous source (#| msgid): ${entry.previous}`);
      notes.unshift('fuzzy: a suggestion to check (confirm it to clear the flag)');
    }
    // The context, first: it tells apart entries with the same msgid (“Approved” the status, “Approved” the verb).
    const context = ctxt ? [`context (msgctxt): ${ctxt.value}`] : [];
    // The Redline comments an export wrote: the editor's notes on the entry's units (writeNote), each its own below.
    const redline = fileNote(entry.redline.join('\n'));
    paragraph++;
    const skeleton: PoSkeleton['entries'][number] = {
      flagLines: entry.flagLines,
      fuzzy,
      msgstrs: [],
      start: entry.line,
      ...(entry.redlineLines.length > 0 && { redline: entry.redlineLines }),
    };
    // The Redline note holds the notes of the entry's forms, each under its number once more than the first has one.
    const formNotes = redline === '' ? [] : sentenceNotes(redline, msgstrs.length);
    msgstrs.forEach((field, n) => {
      const key = plural ? `${base}[${n}]` : base;
      const seen = keys.get(key);
      if (seen !== undefined) throw new RedlineError('bad_input', `${name}, line ${id.start + 1}: the same msgid${ctxt ? ' and msgctxt' : ''} as on line ${seen}.`);
      keys.set(key, id.start + 1);
      skeleton.msgstrs.push({ start: field.start, end: field.end, keyword: field.keyword, unit: units.length });
      units.push({
        key,
        paragraph,
        source: n === 0 || !plural ? id.value : plural.value,
        target: field.value,
        state: fuzzy ? 'fuzzy' : null,
        // The forms of a plural entry share a paragraph and say which form each is.
        ...((notes.length > 0 || context.length > 0 || plural) && {
          notes: [...context, ...(plural ? [`plural form ${n + 1} of ${msgstrs.length} (msgstr[${n}])`] : []), ...notes],
        }),
        ...(formNotes[n] && { editorNote: formNotes[n] }),
      });
    });
    skeletonEntries.push(skeleton);
  }
  const eol = /\r*\n|\r/.exec(text)?.[0] ?? '\n';
  return { format: 'po', units, skeleton: { lines, eol, entries: skeletonEntries }, languages: { source: null, target } };
}

function writePo(document: ParsedDocument<PoSkeleton>, units: readonly ReviewedUnit[]): string {
  const reviewed = reviewedUnits(document, units);
  const { lines, eol, entries } = document.skeleton;
  const out: Array<string | null> = [...lines];
  const lineEnd = (i: number) => LINE_END.exec(lines[i] ?? '')?.[0] ?? '';

  for (const entry of entries) {
    for (const field of entry.msgstrs) {
      const unit = reviewed[field.unit]!;
      if (unit.text === document.units[field.unit]!.target) continue;
      const end = lineEnd(field.end - 1);
      const formatted = formatPoField(field.keyword, unit.text);
      // The field's last line keeps the break it had (none at the end of a file without a final newline).
      out[field.start] = formatted.map((l, i) => l + (i === formatted.length - 1 ? end : eol)).join('');
      for (let i = field.start + 1; i < field.end; i++) out[i] = null;
    }
    const done = entry.msgstrs.every((f) => ['confirmed', 'approved'].includes(reviewed[f.unit]!.status));
    // A rejected translation must not ship: gettext leaves a fuzzy entry unused until someone fixes it.
    if (!entry.fuzzy && entry.msgstrs.some((f) => reviewed[f.unit]!.status === 'rejected')) markFuzzy(out, lines, eol, entry);
    if (entry.fuzzy && done) {
      for (const i of entry.flagLines) {
        const flags = stripEol(lines[i]!)
          .slice(2)
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== '');
        if (!flags.includes('fuzzy')) continue;
        const kept = flags.filter((f) => f !== 'fuzzy');
        out[i] = kept.length > 0 ? `#, ${kept.join(', ')}${lineEnd(i)}` : null;
      }
    }
    writeNote(out, lines, eol, entry, editorNote(entry.msgstrs.map((f) => reviewed[f.unit]), undefined, filedNote(lines, entry)));
  }
  return out.filter((l) => l !== null).join('');
}

/**
 * Flags an entry fuzzy: `fuzzy` added to its first `#,` line, or a `#, fuzzy` line where gettext puts flags,
 * after the entry's other comments (before a `#|` previous msgid, msgctxt or msgid).
 */
function markFuzzy(out: Array<string | null>, lines: readonly string[], eol: string, entry: PoSkeleton['entries'][number]): void {
  const flags = entry.flagLines[0];
  if (flags !== undefined) {
    const line = lines[flags]!;
    const end = LINE_END.exec(line)?.[0] ?? '';
    out[flags] = `${stripEol(line).replace(/,?[ \t]*$/, '')}, fuzzy${end}`;
    return;
  }
  const msgid = fieldsStart(lines, entry);
  out[msgid] = `#, fuzzy${eol}${out[msgid] ?? ''}`;
}

/** The first line of an entry's keywords (msgctxt or msgid), or of the `#|` comments before them. */
function fieldsStart(lines: readonly string[], entry: PoSkeleton['entries'][number]): number {
  const from = entry.start ?? entry.msgstrs[0]!.start;
  if (entry.start !== undefined) {
    for (let n = from; n < entry.msgstrs[0]!.start; n++) if (/^(?:#\||msgctxt|msgid)/.test(lines[n]!)) return n;
  }
  // A skeleton stored before entries recorded their first line: up from the msgstr to its msgid, and a msgctxt above it.
  let n = entry.msgstrs[0]!.start;
  while (n > 0 && !/^msgid[ \t]/.test(lines[n]!)) n--;
  for (let k = n - 1; k >= 0 && /^(?:[ \t]*"|msgctxt)/.test(lines[k]!); k--) if (lines[k]!.startsWith('msgctxt')) n = k;
  return n;
}

/** What an entry's Redline comments say, as fileNote reads it. */
const filedNote = (lines: readonly string[], entry: PoSkeleton['entries'][number]): string =>
  fileNote((entry.redline ?? []).map((i) => redlineText(stripEol(lines[i]!))).join('\n'));

/**
 * An entry's Redline comments made the editor's note (null: not given, the file's stay): kept while they say what
 * it says, else replaced where the first of them was (or where the entry starts), or dropped.
 */
function writeNote(out: Array<string | null>, lines: readonly string[], eol: string, entry: PoSkeleton['entries'][number], note: string | null): void {
  if (note === null || entry.start === undefined) return;
  const redline = entry.redline ?? [];
  if (note === filedNote(lines, entry)) return;
  for (const i of redline) out[i] = null;
  if (note === '') return;
  const at = redline[0] ?? entry.start;
  const comments = note.split('\n').map((line) => (line === '' ? REDLINE_COMMENT : `${REDLINE_COMMENT} ${line}`) + eol);
  // Before what is left of that line (a flag line that lost `fuzzy` may be gone).
  out[at] = comments.join('') + (out[at] ?? '');
}

export const poFormat: FormatHandler<PoSkeleton> = {
  id: 'po',
  label: 'gettext PO',
  extensions: ['po', 'pot'],
  bilingual: true,
  carriesNotes: true,
  importOptions: [],
  parse: parsePo,
  write: writePo,
};
