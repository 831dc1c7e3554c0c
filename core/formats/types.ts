/**
 * The format registry's contract: every importer turns a file into units (the sentences or segments to
 * review) plus an opaque skeleton, and its writer rebuilds the file from the skeleton and the reviewed texts.
 * Nothing of the original is lost: whatever is not a unit's text lives in the skeleton.
 */

export const FORMAT_IDS = ['text', 'markdown', 'xliff', 'tmx', 'csv', 'po', 'docx'] as const;
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
  /** Notes or comments the file carries for the unit. */
  notes?: string[];
}

export interface ParsedDocument<Skeleton = unknown> {
  format: FormatId;
  units: ParsedUnit[];
  /** JSON-serializable; only the format's own writer reads it. */
  skeleton: Skeleton;
}

/** A reviewed unit as the writer receives it. */
export interface ReviewedUnit {
  key: string;
  text: string;
  /** The review status, mapped by bilingual writers to their states (XLIFF translated/reviewed/final). */
  status: 'not_started' | 'edited' | 'confirmed' | 'approved' | 'rejected';
}

export interface FormatHandler<Skeleton = unknown> {
  id: FormatId;
  label: string;
  /** Lower-case file extensions without the dot. */
  extensions: readonly string[];
  bilingual: boolean;
  /** Parses decoded text; throws RedlineError('bad_input') naming the file, the line or element and the problem. */
  parse(text: string, name: string): ParsedDocument<Skeleton>;
  /** Rebuilds the file; untouched units give back the original (same bytes for text formats). */
  write(document: ParsedDocument<Skeleton>, units: readonly ReviewedUnit[]): string;
}
