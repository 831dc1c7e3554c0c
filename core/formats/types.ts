/**
 * The format registry's contract: every importer turns a file into units (the sentences or segments to
 * review) plus an opaque skeleton, and its writer rebuilds the file from the skeleton and the reviewed texts.
 * Nothing of the original is lost: whatever is not a unit's text lives in the skeleton.
 */
import type { DeclaredLanguages } from '../model/languageTag';

export const FORMAT_IDS = ['text', 'markdown', 'xliff', 'sdlxliff', 'mqxliff', 'tmx', 'csv', 'po', 'docx'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/**
 * Inline tags (XLIFF <g>/<x/>/<ph>/<pc>, DOCX runs, Markdown emphasis) appear in a unit's text as one private-use
 * character each, TAG_BASE + n for the unit's n-th tag: the editor sees them as atoms and cannot break half of
 * one; the skeleton keeps what each stands for.
 */
export const TAG_BASE = 0xe000;
export const MAX_TAGS = 0x1000;
export const tagChar = (n: number): string => String.fromCharCode(TAG_BASE + n);
export const isTagChar = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c >= TAG_BASE && c < TAG_BASE + MAX_TAGS;
};
/** The tag characters as a range of a `u` regular expression's character class. */
export const TAG_RANGE = `\\u{${TAG_BASE.toString(16)}}-\\u{${(TAG_BASE + MAX_TAGS - 1).toString(16)}}`;
const ANY_TAG = new RegExp(`[${TAG_RANGE}]`, 'u');
const NOT_TAGS = new RegExp(`[^${TAG_RANGE}]+`, 'gu');
/** Whether a text holds any tag character. */
export const hasTag = (text: string): boolean => ANY_TAG.test(text);
/** A text's tags alone, in order: two texts with the same are the same to the file's formatting. */
export const tagsIn = (text: string): string => text.replace(NOT_TAGS, '');
const EDGE_TAGS_AND_SPACES = new RegExp(`^[\\s${TAG_RANGE}]+|[\\s${TAG_RANGE}]+$`, 'gu');
/** A text without the spaces and tags at its ends: the words of `<b>Alma-Ata</b> `. */
export const trimTags = (text: string): string => text.replace(EDGE_TAGS_AND_SPACES, '');

/** One unit to review: a sentence of a text file, a trans-unit of an XLIFF file, a row of a CSV … */
export interface ParsedUnit {
  /** Stable within the file: an XLIFF id, a CSV row number, a PO msgctxt+msgid, a sentence index. */
  key: string;
  /** 1-based group for display: a paragraph, an XLIFF <file>/<group>, one per row for tables. */
  paragraph: number;
  /** The source text, for bilingual formats (with tag characters). */
  source: string | null;
  /** The machine translation to review (with tag characters). */
  target: string;
  /** The state the file gave the unit (XLIFF state, PO fuzzy …), if any. */
  state?: string | null;
  /** Notes or comments the file carries for the unit (not the editor's note a Redline export wrote: editorNote). */
  notes?: string[];
  /**
   * The editor's note a Redline export wrote into the file (core/formats/editorNotes.ts), to be the sentence's
   * editor note again. The element that holds it (an XLIFF <trans-unit> or <unit>, a PO entry) has one note for
   * its sentences: each unit gets its own part of it (editorNotes.ts sentenceNotes).
   */
  editorNote?: string;
  /** The review status the file's state stands for (Trados `Translated` → confirmed …); not_started when absent. */
  status?: ReviewedUnit['status'];
  /** The file locks the unit (Trados `locked="true"`): shown, never editable, written back as it came. */
  locked?: boolean;
}

export interface ParsedDocument<Skeleton = unknown> {
  format: FormatId;
  units: ParsedUnit[];
  /** JSON-serializable; only the format's own writer reads it. */
  skeleton: Skeleton;
  /** The languages the file declares (XLIFF, SDLXLIFF, TMX, PO carry them), stored with the document. */
  languages?: DeclaredLanguages;
}

/** A reviewed unit as the writer receives it. */
export interface ReviewedUnit {
  key: string;
  text: string;
  /** The review status, mapped by bilingual writers to their states (XLIFF translated/reviewed/final). */
  status: 'not_started' | 'edited' | 'confirmed' | 'approved' | 'rejected';
  /**
   * The editor's notes on the unit's sentences, in sentence order (none for a sentence without one). A writer
   * whose format carries notes (FormatHandler.carriesNotes) puts them in the file; absent, the file's notes stay.
   */
  notes?: string[];
}

/** A table column by its header name (compared case-insensitively, trimmed) or its 0-based index. */
export type TableColumn = string | number;

/** Which columns of a CSV/TSV table hold what (see core/formats/table). */
export interface TableMapping {
  source?: TableColumn;
  target: TableColumn;
  id?: TableColumn;
  notes?: TableColumn;
  /** Whether the first row is a header; by default, when a column is named or a known header name is there. */
  header?: boolean;
  /** The delimiter; by default a tab for .tsv and papaparse's guess otherwise. */
  delimiter?: string;
}

/**
 * What the editor may choose when importing, besides format and encoding. A handler lists the kinds it takes in
 * `importOptions`; the importer passes them on without knowing which format wants what.
 *  - languages: the language pair of a multilingual file (TMX);
 *  - columns: which columns of a table hold the source, the MT and the id;
 *  - alignment: a source text in a second file, split into sentences and aligned with the units (plain text);
 *  - missingTargets: what a unit without a target starts as: empty, or the source copied in (XLIFF).
 */
export type ImportOptionKind = 'languages' | 'columns' | 'alignment' | 'missingTargets';

export interface FormatImportOptions {
  languages?: { sourceLang?: string; targetLang?: string };
  columns?: TableMapping;
  missingTargets?: 'empty' | 'source';
}

/** What a writer may need to know of the document beyond its file: what the editor said of it in Redline. */
export interface WriteContext {
  /** The target language the editor chose for the document (a BCP 47 tag), if any. */
  targetLanguage?: string | null;
}

/** What a handler finds in a file before import, for the editor to choose the options from. */
export interface FormatInspection {
  /** Every language the file has (TMX), and the one its header names as the source. */
  languages?: string[];
  sourceLang?: string;
  /** The first row's cells of a table with a header, and how the default mapping reads them. */
  columns?: string[];
  mapping?: TableMapping;
}

export interface FormatHandler<Skeleton = unknown> {
  id: FormatId;
  label: string;
  /** Lower-case file extensions without the dot. */
  extensions: readonly string[];
  bilingual: boolean;
  /** The import options this format takes (see ImportOptionKind). */
  importOptions: readonly ImportOptionKind[];
  /**
   * True when the units are the text's sentences: the importer then splits the text itself, in steps (progress
   * and cancel on a book-length file), and stores the layout without a skeleton.
   */
  sentences?: boolean;
  /**
   * True for XML files: the declaration names their encoding, which a UTF-8 export rewrites, and a character
   * their encoding lacks is written as a character reference.
   */
  xml?: boolean;
  /**
   * True when the writer puts the editor's notes (ReviewedUnit.notes) into the file, where the format's own tools
   * read them (core/formats/editorNotes.ts).
   */
  carriesNotes?: boolean;
  /** What the editor may choose for this file; absent when the format has no choices. */
  inspect?(text: string, name: string): FormatInspection;
  /** Parses decoded text; throws RedlineError('bad_input') naming the file, the line or element and the problem. */
  parse(text: string, name: string, options?: FormatImportOptions): ParsedDocument<Skeleton>;
  /** Rebuilds the file; untouched units give back the original (same bytes for text formats). */
  write(document: ParsedDocument<Skeleton>, units: readonly ReviewedUnit[], context?: WriteContext): string;
}
