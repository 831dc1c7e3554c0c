import Papa from 'papaparse';
import { RedlineError } from '../model/errors';
import { lineFinder } from './textPosition';
import type { FormatHandler, FormatImportOptions, FormatInspection, ParsedDocument, ParsedUnit, ReviewedUnit, TableColumn, TableMapping } from './types';
import { reviewedTexts } from './units';

/**
 * CSV and TSV tables: one unit per row, the machine translation in the target column, optionally the source,
 * an id and a notes column beside it. The file is read by a scanner that keeps every cell's exact bytes, so
 * writing changes nothing but the target cells of edited rows (papaparse only guesses the delimiter).
 */

export type { TableColumn, TableMapping } from './types';

export interface TableSkeleton {
  delimiter: string;
  /** False for a tab-separated file read without quote processing (see usesQuotes). */
  quoting?: boolean;
  /** The file with the target cells cut out: pieces[0], slot 0, pieces[1], slot 1 … pieces[n]. */
  pieces: string[];
  slots: Array<{
    /** The cell as written in the file ('' when the row has no such cell). */
    raw: string;
    quoted: boolean;
    /** Delimiters to write before a new value when the row stops short of the target column. */
    padding: string;
  }>;
}

/** Header names the default mapping knows, in order of preference. */
export const DEFAULT_COLUMN_NAMES = {
  target: ['mt', 'machine translation', 'target', 'translation', 'tgt'],
  source: ['source', 'src', 'original', 'source text'],
  id: ['id', 'key', 'segment id'],
  notes: ['notes', 'note', 'comments', 'comment'],
} as const;
const KNOWN_NAMES = new Set<string>(Object.values(DEFAULT_COLUMN_NAMES).flat());

interface Cell {
  raw: string;
  value: string;
  quoted: boolean;
  start: number;
  end: number;
}

interface Row {
  cells: Cell[];
  /** 1-based line of the file where the row starts. */
  line: number;
  /** 1-based row number (as a spreadsheet shows it). */
  number: number;
  /** Offset of the row's line break (or the end of the text). */
  end: number;
}

const normalizeName = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
const isBlankRow = (row: Row): boolean => row.cells.every((c) => c.value === '');

/**
 * Excel's delimiter hint: a first line `sep=;` (after any BOM) names the delimiter and is no row of the table.
 * Excel writes it for readers whose locale has another list separator; it stays in the file, byte for byte.
 */
export function separatorHint(text: string): { delimiter: string; body: number } | null {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const match = /^sep=([^"\r\n])(?:\r\n|\r|\n|$)/.exec(text.slice(bom, bom + 8));
  return match ? { delimiter: match[1]!, body: bom + match[0].length } : null;
}

/** Where a table's rows begin (after a BOM and Excel's `sep=` line) and the delimiter that line names. */
function tableBody(text: string): { body: number; hinted?: string } {
  const hint = separatorHint(text);
  if (hint) return { body: hint.body, hinted: hint.delimiter };
  return { body: text.startsWith('\uFEFF') ? 1 : 0 };
}

/** The delimiter of a table: the one Excel's `sep=` line names, a tab for .tsv, otherwise papaparse's guess among , ; tab and |. */
export function detectDelimiter(text: string, name: string): string {
  const hinted = separatorHint(text)?.delimiter;
  if (hinted) return hinted;
  if (/\.tsv$/i.test(name)) return '\t';
  const guess = Papa.parse(text, { preview: 50, skipEmptyLines: true, delimitersToGuess: [',', ';', '\t', '|'] });
  return guess.meta.delimiter || ',';
}

/**
 * Whether a table's quotation marks are quoting. Always for comma, semicolon and bar tables (RFC 4180). A tab-
 * separated file has no quoting by convention (IANA's text/tab-separated-values), and MT test sets have cells
 * that begin with a quoted phrase (`"Bukan kes" akan …`), so its quotes are text unless the file is plainly
 * quoted: its quoted cells all read as RFC 4180 cells (closed, then the tab or the line's end).
 */
export function usesQuotes(text: string, delimiter: string): boolean {
  if (delimiter !== '\t') return true;
  if (!text.includes('"')) return false;
  try {
    scanRows(text, delimiter, '', 0, true);
    return true;
  } catch (error) {
    if (error instanceof RedlineError) return false;
    throw error;
  }
}

/** Scans the rows of a delimited text with RFC 4180 quoting, keeping each cell's offsets; errors name the line. */
function scanRows(text: string, delimiter: string, name: string, start: number, quoting = usesQuotes(text.slice(start), delimiter)): Row[] {
  const lineOf = lineFinder(text);
  const rows: Row[] = [];
  let pos = start;
  while (pos < text.length) {
    const rowStart = pos;
    const cells: Cell[] = [];
    for (;;) {
      const cellStart = pos;
      let value: string;
      let quoted = false;
      if (quoting && text[pos] === '"') {
        quoted = true;
        value = '';
        let i = pos + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new RedlineError('bad_input', `${name}, line ${lineOf(cellStart)}: a quoted cell is never closed.`);
          value += text.slice(i, q);
          if (text[q + 1] !== '"') {
            pos = q + 1;
            break;
          }
          value += '"';
          i = q + 2;
        }
        const next = text[pos];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new RedlineError('bad_input', `${name}, line ${lineOf(pos)}: text after the closing quote of a cell (${JSON.stringify(text.slice(pos, pos + 12))}).`);
        }
      } else {
        while (pos < text.length && text[pos] !== delimiter && text[pos] !== '\n' && text[pos] !== '\r') pos++;
        value = text.slice(cellStart, pos);
      }
      cells.push({ raw: text.slice(cellStart, pos), value, quoted, start: cellStart, end: pos });
      if (text[pos] !== delimiter) break;
      pos++;
    }
    rows.push({ cells, line: lineOf(rowStart), number: rows.length + 1, end: pos });
    pos += text.startsWith('\r\n', pos) ? 2 : 1;
  }
  return rows;
}

/**
 * A mapped column's index. `widest` is the most cells a row has: a numbered column beyond every row would read
 * as an empty cell in each, said nowhere, so it is refused — unless `mayBeNew` (the target of a table with a
 * source: its translations go into a column of their own, written on export).
 */
function columnIndex(column: TableColumn, header: readonly string[] | null, name: string, role: string, widest: number, mayBeNew = false): number {
  if (typeof column === 'number') {
    if (!Number.isInteger(column) || column < 0) throw new RedlineError('bad_input', `${name}: the ${role} column ${column} is not a column number.`);
    if (column >= widest && !mayBeNew) {
      throw new RedlineError('bad_input', `${name} has no column ${column} for the ${role}: its rows have ${widest === 1 ? 'one column (0)' : `at most ${widest} columns (0–${widest - 1})`}.`);
    }
    return column;
  }
  if (!header) throw new RedlineError('bad_input', `${name}: the ${role} column “${column}” is named, but the table has no header row.`);
  const index = header.findIndex((h) => normalizeName(h) === normalizeName(column));
  if (index < 0) {
    throw new RedlineError('bad_input', `${name} has no “${column}” column for the ${role} (columns: ${header.map((h) => `“${h}”`).join(', ')}).`);
  }
  return index;
}

/** What the default mapping makes of a table: the delimiter, the first row's cells and the mapping. */
export function detectTableMapping(text: string, name: string): { delimiter: string; firstRow: string[]; header: boolean; mapping: TableMapping } {
  const { body, hinted } = tableBody(text);
  const delimiter = hinted ?? detectDelimiter(text.slice(body), name);
  const first = scanRows(text, delimiter, name, body).find((r) => !isBlankRow(r));
  const firstRow = first?.cells.map((c) => c.value) ?? [];
  const names = firstRow.map(normalizeName);
  const header = names.some((n) => KNOWN_NAMES.has(n));
  if (header) {
    const find = (candidates: readonly string[]) => {
      for (const candidate of candidates) {
        const index = names.indexOf(candidate);
        if (index >= 0) return index;
      }
      return undefined;
    };
    const target = find(DEFAULT_COLUMN_NAMES.target);
    const source = find(DEFAULT_COLUMN_NAMES.source);
    if (target === undefined || target === source) {
      throw new RedlineError(
        'bad_input',
        `${name} has no column for the machine translation: name one “mt”, “target” or “translation”, or choose the columns (columns: ${firstRow.map((h) => `“${h}”`).join(', ')}).`,
      );
    }
    const id = find(DEFAULT_COLUMN_NAMES.id);
    const notes = find(DEFAULT_COLUMN_NAMES.notes);
    return { delimiter, firstRow, header, mapping: { delimiter, header, target, ...(source !== undefined && { source }), ...(id !== undefined && { id }), ...(notes !== undefined && { notes }) } };
  }
  const width = first?.cells.length ?? 1;
  if (width === 1) return { delimiter, firstRow, header, mapping: { delimiter, header, target: 0 } };
  if (width === 2) return { delimiter, firstRow, header, mapping: { delimiter, header, source: 0, target: 1 } };
  throw new RedlineError(
    'bad_input',
    `${name} has ${width} columns and its first row (${firstRow.map((h) => `“${h}”`).join(', ')}) names none Redline knows: ` +
      'call the MT column “mt”, “target” or “translation” and the source “source”, or choose the columns.',
  );
}

/** A column as the editor knows it: its header name, else its 0-based number. */
const columnLabel = (index: number, header: readonly string[] | null): string => (header?.[index] ? `“${header[index]}”` : `column ${index}`);

/** Reads a table with an explicit column mapping. */
export function parseTable(text: string, name: string, mapping: TableMapping): ParsedDocument<TableSkeleton> {
  const { body, hinted } = tableBody(text);
  const delimiter = mapping.delimiter ?? hinted ?? detectDelimiter(text.slice(body), name);
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new RedlineError('bad_input', `${name}: ${JSON.stringify(delimiter)} cannot be a delimiter.`);
  const rows = scanRows(text, delimiter, name, body);
  const named = [mapping.source, mapping.target, mapping.id, mapping.notes].some((c) => typeof c === 'string');
  const firstIndex = rows.findIndex((r) => !isBlankRow(r));
  const first = rows[firstIndex];
  const hasHeader = mapping.header ?? (named || (first?.cells.some((c) => KNOWN_NAMES.has(normalizeName(c.value))) ?? false));
  const header = hasHeader && first ? first.cells.map((c) => c.value) : null;
  if (hasHeader && named && !first) throw new RedlineError('bad_input', `${name} is empty: it has no header row.`);

  const widest = rows.reduce((most, row) => Math.max(most, row.cells.length), 1);
  const target = columnIndex(mapping.target, header, name, 'machine translation', widest, mapping.source !== undefined);
  const source = mapping.source === undefined ? null : columnIndex(mapping.source, header, name, 'source', widest);
  // One column as both would make every MT its own source: the checks against the source would see no error.
  if (source === target) {
    throw new RedlineError('bad_input', `${name}: the source and the machine translation are the same column (${columnLabel(target, header)}); choose another for one of them.`);
  }
  const id = mapping.id === undefined ? null : columnIndex(mapping.id, header, name, 'id', widest);
  const notes = mapping.notes === undefined ? null : columnIndex(mapping.notes, header, name, 'notes', widest);

  const units: ParsedUnit[] = [];
  const pieces: string[] = [];
  const slots: TableSkeleton['slots'] = [];
  const keys = new Map<string, number>();
  let cursor = 0;
  rows.forEach((row, r) => {
    if ((hasHeader && r === firstIndex) || isBlankRow(row)) return;
    const cell = (index: number | null) => (index === null ? undefined : row.cells[index]);
    let key = String(row.number);
    if (id !== null) {
      key = cell(id)?.value ?? '';
      if (key.trim() === '') throw new RedlineError('bad_input', `${name}, line ${row.line}: the id cell is empty.`);
      const seen = keys.get(key);
      if (seen !== undefined) throw new RedlineError('bad_input', `${name}, line ${row.line}: the id “${key}” is already used on line ${seen}.`);
      keys.set(key, row.line);
    }
    const targetCell = cell(target);
    const note = cell(notes)?.value ?? '';
    units.push({
      key,
      paragraph: units.length + 1,
      source: source === null ? null : (cell(source)?.value ?? ''),
      target: targetCell?.value ?? '',
      ...(note.trim() !== '' && { notes: [note] }),
    });
    const slotStart = targetCell?.start ?? row.end;
    pieces.push(text.slice(cursor, slotStart));
    cursor = targetCell?.end ?? row.end;
    slots.push({
      raw: targetCell?.raw ?? '',
      quoted: targetCell?.quoted ?? false,
      padding: targetCell ? '' : delimiter.repeat(target - row.cells.length + 1),
    });
  });
  pieces.push(text.slice(cursor));
  const quoting = usesQuotes(text.slice(body), delimiter);
  return { format: 'csv', units, skeleton: { delimiter, pieces, slots, ...(!quoting && { quoting }) } };
}

/** A cell value as CSV writes it: quoted when it must be (or was), inner quotes doubled. */
function encodeCell(value: string, delimiter: string, quoted: boolean, quoting: boolean): string {
  // A tab-separated file read without quoting keeps its quotation marks as text; only a value it could not
  // hold otherwise (a tab or a line break in it) is written quoted.
  if (!quoting && !value.includes(delimiter) && !/[\r\n]/.test(value)) return value;
  const needsQuotes = quoted || value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * How a tab-separated file read without quoting writes its changed cells. As it was (`plain`) while no value
 * holds a tab or a line break or reads as a whole quoted cell, and the values do not pair up into one (`pairsUp`). One that does is written quoted, and then the file is a quoted one: every changed
 * cell is written as RFC 4180 has it (`quoted`), so a changed cell that begins with a quotation mark cannot be
 * read as the start of a quoted one — unless a cell left as it was begins with a quotation mark as text
 * (`"Bukan kes" akan …`), which a quoted file cannot keep as it is: then the tabs and line breaks of the changed
 * cells are written as spaces (`spaced`), the one thing such a file cannot hold.
 */
function unquotedTableMode(document: ParsedDocument<TableSkeleton>, texts: readonly (string | undefined)[], pairsUp = false): 'plain' | 'quoted' | 'spaced' {
  const { delimiter, pieces, slots } = document.skeleton;
  const changed = (i: number) => (texts[i] ?? '') !== document.units[i]!.target;
  // So is a value that reads as a whole quoted cell: raw, `"Yes."` would make the file read as a quoted one and
  // come back as `Yes.` (`"Bukan kes" akan` reads as no quoted cell, and keeps the file unquoted).
  const needsQuoting = (value: string) => value.includes(delimiter) || /[\r\n]/.test(value) || /^"(?:[^"]|"")*"$/.test(value);
  if (!pairsUp && !slots.some((_, i) => changed(i) && needsQuoting(texts[i] ?? ''))) return 'plain';
  const startsQuoted = new RegExp(`(?:^|[${delimiter === '\t' ? '\\t' : delimiter}\\r\\n])"`);
  const keptQuotes = pieces.some((piece) => startsQuoted.test(piece)) || slots.some((slot, i) => !changed(i) && slot.raw.startsWith('"'));
  return keptQuotes ? 'spaced' : 'quoted';
}

function writeTable(document: ParsedDocument<TableSkeleton>, units: readonly ReviewedUnit[]): string {
  const texts = reviewedTexts(document, units);
  const { delimiter } = document.skeleton;
  if (document.skeleton.quoting !== false) return writeCells(document, texts, 'quoted');
  const mode = unquotedTableMode(document, texts);
  const out = writeCells(document, texts, mode);
  // Changed cells written as they are may pair up into quoted cells across rows (a cell `"a`, the next row's
  // `b"`), so that the file would read as a quoted one: then they are written quoted, unless a cell left as it
  // was starts with a quotation mark as text (no way of writing the file keeps both).
  if (mode !== 'plain' || !usesQuotes(out.startsWith('\uFEFF') ? out.slice(1) : out, delimiter)) return out;
  return unquotedTableMode(document, texts, true) === 'quoted' ? writeCells(document, texts, 'quoted') : out;
}

function writeCells(document: ParsedDocument<TableSkeleton>, texts: readonly (string | undefined)[], mode: 'plain' | 'quoted' | 'spaced'): string {
  const { delimiter, pieces, slots } = document.skeleton;
  const spaced = (value: string) => (mode === 'spaced' ? value.replace(/\r\n|[\r\n]/g, ' ').replaceAll(delimiter, ' ') : value);
  let out = pieces[0] ?? '';
  slots.forEach((slot, i) => {
    const text = texts[i] ?? '';
    if (text === document.units[i]!.target) out += slot.raw;
    else if (text !== '' || slot.padding === '') {
      out += slot.padding + encodeCell(spaced(text), delimiter, slot.quoted, mode === 'quoted');
    }
    out += pieces[i + 1] ?? '';
  });
  return out;
}

export const csvFormat: FormatHandler<TableSkeleton> = {
  id: 'csv',
  label: 'CSV / TSV table',
  extensions: ['csv', 'tsv'],
  bilingual: true,
  importOptions: ['columns'],
  /** The header's names and the default mapping, when the table has a header to choose columns from. */
  inspect(text: string, name: string): FormatInspection {
    const table = detectTableMapping(text, name);
    return table.header ? { columns: table.firstRow, mapping: table.mapping } : {};
  },
  /** Reads the table with the columns chosen, or the default mapping (see detectTableMapping). */
  parse(text: string, name: string, options: FormatImportOptions = {}): ParsedDocument<TableSkeleton> {
    return parseTable(text, name, options.columns ?? detectTableMapping(text, name).mapping);
  },
  write: writeTable,
};
