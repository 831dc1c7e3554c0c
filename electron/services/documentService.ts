import { basename, extname } from 'node:path';
import type { DocumentSummary } from '../../core/model/document';
import { RedlineError } from '../../core/model/errors';
import type { RevisionOrigin } from '../../core/model/revision';
import { joinSegments, segmentText } from '../../core/segmentation';
import type { Clock } from '../../db/clock';
import type { Store } from '../../db/store';
import { alignSentences } from '../../core/align/galeChurch';
import { toCsv } from '../../core/formats/csv';
import { pairsToTmx, tmxDate } from '../../core/formats/tmxExport';
import { formatById, formatForFile, isBinaryFormat } from '../../core/formats/registry';
import { detectTableMapping, parseTable, type TableMapping } from '../../core/formats/table';
import { parseTmx, tmxLanguages } from '../../core/formats/tmx';
import type { ParsedDocument, ParsedUnit, ReviewedUnit } from '../../core/formats/types';
import { detectAndDecode, encode } from './encoding';
import { readInputFile, writeFileAtomically } from './files';

export interface TextToImport {
  fileName: string;
  title?: string;
  text: string;
  hasBom?: boolean;
  /** The encoding the file came in, kept for export. */
  encoding?: string;
  /** The source text aligned to each sentence (by index), for a text imported with its source. */
  sources?: ReadonlyArray<string | null>;
}

export interface ImportOptions {
  /** A format id; by default the file's extension decides. */
  format?: string;
  /** An encoding name; by default it is detected. */
  encoding?: string;
  /** For TMX: the two languages to review (by default the header's source language and the other one). */
  languages?: { sourceLang?: string; targetLang?: string };
  /** For CSV/TSV: which columns hold the source, the MT and the id (by default found by their headers). */
  columns?: TableMapping;
}

export interface ExportOptions {
  /** Write UTF-8 (no byte-order mark) instead of the encoding the file came in. */
  utf8?: boolean;
}

const titleFromFileName = (fileName: string) => basename(fileName, extname(fileName)) || fileName;

export function documentService(store: Store, clock: Clock) {
  function summary(documentId: number): DocumentSummary {
    const found = store.documents.summary(documentId);
    if (!found) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    return found;
  }

  /** Stores a text as a new document: every sentence with its import revision, in one transaction. */
  function importText({ fileName, title, text, hasBom = false, encoding = 'utf-8', sources }: TextToImport): DocumentSummary {
    const { leading, segments } = segmentText(text);
    if (segments.length === 0) throw new RedlineError('bad_input', `${fileName} has no text to review.`);
    const now = clock();
    const id = store.transaction(() => {
      const documentId = store.documents.insert({
        title: title ?? titleFromFileName(fileName),
        fileName,
        format: 'text',
        leading,
        hasBom,
        encoding,
        createdAt: now,
      });
      segments.forEach((s, i) => {
        const segmentId = store.segments.insert({
          documentId,
          position: i + 1,
          paragraph: s.paragraph,
          mtText: s.text,
          sourceText: sources?.[i] ?? null,
          trailing: s.trailing,
          createdAt: now,
        });
        store.revisions.append(segmentId, s.text, 'import', now, { status: 'not_started' });
      });
      return documentId;
    });
    return summary(id);
  }

  /**
   * Stores a parsed file of a bilingual or structured format: every unit with its import revision and the
   * format's skeleton, in one transaction (nothing half-imported stays).
   */
  function importParsed(
    parsed: ParsedDocument,
    { fileName, title, encoding, hasBom }: { fileName: string; title?: string; encoding: string; hasBom: boolean },
  ): DocumentSummary {
    if (parsed.units.length === 0) throw new RedlineError('bad_input', `${fileName} has nothing to review.`);
    const now = clock();
    const id = store.transaction(() => {
      const documentId = store.documents.insert({
        title: title ?? titleFromFileName(fileName),
        fileName,
        format: parsed.format,
        leading: '',
        hasBom,
        encoding,
        skeleton: JSON.stringify(parsed.skeleton),
        createdAt: now,
      });
      parsed.units.forEach((unit, i) => {
        const segmentId = store.segments.insert({
          documentId,
          position: i + 1,
          paragraph: Math.max(1, unit.paragraph),
          mtText: unit.target,
          sourceText: unit.source,
          trailing: '',
          createdAt: now,
          unitKey: unit.key,
          fileState: unit.state ?? null,
          fileNotes: unit.notes && unit.notes.length > 0 ? JSON.stringify(unit.notes) : null,
        });
        store.revisions.append(segmentId, unit.target, 'import', now, { status: 'not_started' });
      });
      return documentId;
    });
    return summary(id);
  }

  /** The document's current text as a file: its original format, layout and encoding (or UTF-8). */
  function exportBytes(documentId: number, options: ExportOptions = {}): Buffer {
    const layout = store.documents.layout(documentId);
    if (!layout) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    let text: string;
    if (layout.skeleton === null) {
      text = joinSegments({ leading: layout.leading, segments: store.segments.layout(documentId) });
    } else {
      const rows = store.segments.units(documentId);
      const units: ParsedUnit[] = rows.map((r) => ({
        key: r.key,
        paragraph: r.paragraph,
        source: r.source,
        target: r.mtText,
        state: r.fileState,
        notes: r.fileNotes ? (JSON.parse(r.fileNotes) as string[]) : [],
      }));
      const reviewed: ReviewedUnit[] = rows.map((r) => ({ key: r.key, text: r.text, status: r.status }));
      const handler = formatById(layout.format);
      const document: ParsedDocument = { format: handler.id, units, skeleton: JSON.parse(layout.skeleton) };
      if (isBinaryFormat(handler)) return Buffer.from(handler.writeBytes(document, reviewed));
      text = handler.write(document, reviewed);
    }
    const utf8 = options.utf8 === true || layout.encoding === 'binary';
    return Buffer.from(encode(text, utf8 ? 'utf-8' : layout.encoding, utf8 ? false : layout.hasBom));
  }

  return {
    importText,
    importParsed,
    /** What importing a file would take it for: its format and encoding as detected, and how its start reads. */
    inspectFile(path: string, options: ImportOptions = {}) {
      const name = basename(path);
      const handler = options.format ? formatById(options.format) : formatForFile(name);
      if (isBinaryFormat(handler)) {
        // A binary format has no text encoding: its preview is its first sentences.
        const parsed = handler.parseBytes(readInputFile(path), name);
        const preview = parsed.units.slice(0, 6).map((u) => u.target).join('\n');
        return { fileName: name, format: handler.id, encoding: 'binary', confidence: 1, lineEnding: 'none', preview };
      }
      const decoded = detectAndDecode(readInputFile(path), name, options.encoding);
      // What the editor may choose besides format and encoding: a TMX's two languages, a table's columns.
      const tmx = handler.id === 'tmx' ? tmxLanguages(decoded.text, name) : null;
      const table = handler.id === 'csv' ? detectTableMapping(decoded.text, name) : null;
      return {
        fileName: name,
        format: handler.id,
        encoding: decoded.encoding,
        confidence: decoded.confidence,
        lineEnding: decoded.lineEnding,
        preview: decoded.text.slice(0, 600),
        languages: tmx?.languages,
        sourceLang: tmx?.srclang ?? undefined,
        columns: table?.header ? table.firstRow : undefined,
        mapping: table?.header ? table.mapping : undefined,
      };
    },

    /**
     * Stores a plain-text MT with its source text from a second file: both split into sentences and aligned by
     * length (Gale–Church), each MT sentence keeping the source sentences aligned to it (the first of several MT
     * sentences aligned to one source stretch gets it; the others none).
     */
    importWithSource(mtPath: string, sourcePath: string, options: ImportOptions = {}): DocumentSummary {
      const name = basename(mtPath);
      const mt = detectAndDecode(readInputFile(mtPath), name, options.encoding);
      const source = detectAndDecode(readInputFile(sourcePath), basename(sourcePath));
      const targets = segmentText(mt.text).segments.map((s) => s.text);
      const sourceSentences = segmentText(source.text).segments.map((s) => s.text);
      if (targets.length === 0 || sourceSentences.length === 0) {
        throw new RedlineError('bad_input', `${targets.length === 0 ? name : basename(sourcePath)} has no text to align.`);
      }
      const sources: Array<string | null> = targets.map(() => null);
      for (const pair of alignSentences(sourceSentences, targets)) {
        if (pair.target.end > pair.target.start) {
          const text = sourceSentences.slice(pair.source.start, pair.source.end).join(' ');
          sources[pair.target.start] = text || null;
        }
      }
      return importText({ fileName: name, text: mt.text, hasBom: mt.bom, encoding: mt.encoding, sources });
    },

    /** Reads a file in any supported format and encoding (detected unless given) and stores it. */
    importFile(path: string, options: ImportOptions = {}): DocumentSummary {
      const name = basename(path);
      const handler = options.format ? formatById(options.format) : formatForFile(name);
      if (isBinaryFormat(handler)) {
        const parsed = handler.parseBytes(readInputFile(path), name);
        return importParsed(parsed, { fileName: name, encoding: 'binary', hasBom: false });
      }
      const decoded = detectAndDecode(readInputFile(path), name, options.encoding);
      if (decoded.text.trim().length === 0) {
        throw new RedlineError('bad_input', `${name} is empty: there is no text to review.`);
      }
      if (handler.id === 'text') {
        return importText({ fileName: name, text: decoded.text, hasBom: decoded.bom, encoding: decoded.encoding });
      }
      const parsed =
        handler.id === 'tmx' && options.languages
          ? parseTmx(decoded.text, name, options.languages)
          : handler.id === 'csv' && options.columns
            ? parseTable(decoded.text, name, options.columns)
            : handler.parse(decoded.text, name);
      return importParsed(parsed, { fileName: name, encoding: decoded.encoding, hasBom: decoded.bom });
    },
    list: (): DocumentSummary[] => store.documents.list(),
    open(documentId: number): DocumentSummary {
      summary(documentId);
      store.documents.markOpened(documentId, clock());
      return summary(documentId);
    },
    summary,
    exportBytes,
    exportToFile(documentId: number, path: string, options: ExportOptions = {}): { path: string } {
      writeFileAtomically(path, exportBytes(documentId, options));
      store.exports.record(documentId, 'text', path, clock());
      return { path };
    },

    rename(documentId: number, title: string): DocumentSummary {
      summary(documentId);
      const clean = title.trim();
      if (!clean) throw new RedlineError('bad_input', 'A document needs a title.');
      store.documents.rename(documentId, clean);
      return summary(documentId);
    },

    /** Deletes a document and all that belongs to it, in one transaction: nothing stays half-deleted. */
    remove(documentId: number): void {
      store.transaction(() => {
        if (!store.documents.remove(documentId)) {
          throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
        }
      });
    },

    /** The format a document was imported in. */
    format(documentId: number): string {
      const layout = store.documents.layout(documentId);
      if (!layout) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      return layout.format;
    },

    statusCounts(documentId: number) {
      summary(documentId);
      return store.segments.statusCounts(documentId);
    },

    /** Every change in the document from `since` on, newest first, optionally of some origins only. */
    timeline(documentId: number, since = 0, origins?: readonly RevisionOrigin[]) {
      summary(documentId);
      const entries = store.revisions.timeline(documentId, since);
      return origins && origins.length > 0 ? entries.filter((e) => origins.includes(e.origin)) : entries;
    },

    /**
     * The sentences that changed since a moment (by default the last export), each as its text then and now.
     */
    changesSince(documentId: number, since?: number) {
      summary(documentId);
      const from = since ?? store.exports.lastAt(documentId);
      if (from === null) return { since: null, changes: [] };
      const changes = store.segments
        .texts(documentId)
        .map((row) => ({
          segmentId: row.id,
          position: row.position,
          before: store.revisions.textAt(row.id, from) ?? row.text,
          after: row.text,
        }))
        .filter((c) => c.before !== c.after);
      return { since: from, changes };
    },
    /** A file name for the export next to the original's: `article.txt` → `article.edited.txt` (or `.csv`). */
    exportFileName(documentId: number, extension?: string): string {
      const { fileName } = summary(documentId);
      const ext = extension ? `.${extension}` : extname(fileName) || '.txt';
      return `${basename(fileName, extname(fileName))}.edited${ext}`;
    },

    /**
     * The approved pairs (source and final text) of a bilingual document as a TMX memory. The languages come
     * from the file where it names them (XLIFF), else from the caller, else "und" (undetermined).
     */
    exportTmx(documentId: number, path: string, languages: { source?: string; target?: string } = {}): { path: string } {
      const layout = store.documents.layout(documentId);
      if (!layout) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      const named = (pattern: RegExp) => (layout.skeleton ? pattern.exec(layout.skeleton)?.[1] : undefined);
      const source = languages.source ?? named(/(?:srcLang|source-language)=\\"([^\\"]+)\\"/) ?? 'und';
      const target = languages.target ?? named(/(?:trgLang|target-language)=\\"([^\\"]+)\\"/) ?? 'und';
      const pairs = store.segments
        .page(documentId, 0, Number.MAX_SAFE_INTEGER)
        .filter((s) => s.status === 'approved' && s.sourceText !== null)
        .map((s) => ({ key: String(s.position), source: s.sourceText!, target: s.currentText }));
      if (pairs.length === 0) {
        throw new RedlineError('bad_input', 'No approved sentence with a source yet: a TMX holds approved pairs.');
      }
      writeFileAtomically(path, Buffer.from(pairsToTmx(pairs, { source, target }, tmxDate(clock())), 'utf8'));
      store.exports.record(documentId, 'tmx', path, clock());
      return { path };
    },

    /** Any document as a CSV table: position, source, MT, final text, status and note per sentence (UTF-8). */
    exportCsv(documentId: number, path: string): { path: string } {
      summary(documentId);
      const rows = store.segments.page(documentId, 0, Number.MAX_SAFE_INTEGER).map((s) => ({
        position: s.position,
        source: s.sourceText ?? '',
        mt: s.mtText,
        final: s.currentText,
        status: s.status,
        note: s.note ?? '',
      }));
      const csv = toCsv(['position', 'source', 'mt', 'final', 'status', 'note'], rows);
      writeFileAtomically(path, Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'));
      store.exports.record(documentId, 'csv', path, clock());
      return { path };
    },
  };
}

export type DocumentService = ReturnType<typeof documentService>;
