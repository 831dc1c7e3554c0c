/**
 * What every export writes, computed as steps that say how far they are (core/model/steps): the document in its
 * original format, the CSV table, the TMX memory and the HTML report. The same steps run to their end on the
 * request path for the CLI (documentService, reportService) and a step at a time in the export worker
 * (exportWorker.ts), which posts each step's progress to the window; the bytes are the same either way.
 */
import { withTagMarkers } from '../core/formats/tagMarkers';
import { toCsv } from '../core/formats/csv';
import { formatById, isBinaryFormat } from '../core/formats/registry';
import { pairsToTmx, tmxDate } from '../core/formats/tmxExport';
import { withDeclaredEncoding } from '../core/formats/xml/declaration';
import type { ParsedDocument, ParsedUnit, ReviewedUnit } from '../core/formats/types';
import { UnitError } from '../core/formats/units';
import { RedlineError } from '../core/model/errors';
import type { ExportProgress } from '../core/model/exportProgress';
import type { Segment } from '../core/model/segment';
import type { Steps } from '../core/model/steps';
import { renderReport } from '../core/report/htmlReport';
import { joinSegments } from '../core/segmentation';
import type { Store } from '../db/store';
import { encode, encodeXml } from './encoding';
import type { ReportService } from './reportService';
import { sentenceRefusal } from './unitRefusal';

export const EXPORT_KINDS = ['original', 'csv', 'tmx', 'html'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One export: what to write, of which document, as of `at` (the time printed in a report or a TMX header). */
export interface ExportRequest {
  documentId: number;
  kind: ExportKind;
  /** original: UTF-8 (no byte-order mark) instead of the file's own encoding. */
  utf8?: boolean | undefined;
  /** html: untouched sentences collapsed into runs (default: for long documents). */
  changedOnly?: boolean | undefined;
  /** tmx: the languages when neither the file nor the document names them (the checks detected them). */
  languages?: { source?: string | undefined; target?: string | undefined } | undefined;
  at: number;
}

/** Sentences read (or built) between two progress reports: small enough for a smooth bar, large enough to be cheap. */
export const EXPORT_CHUNK = 5_000;

const notFound = (documentId: number) => new RedlineError('not_found', `There is no document with id ${documentId}.`);

/** Every sentence of a document in order, read a chunk at a time by position (keyset), with how many so far. */
export function* readSegmentSteps(store: Store, documentId: number): Steps<ExportProgress, Segment[]> {
  const total = store.segments.count(documentId);
  const segments: Segment[] = [];
  yield { phase: 'reading', done: 0, total };
  for (let after = 0; ; ) {
    const page = store.segments.page(documentId, after, EXPORT_CHUNK);
    for (const segment of page) segments.push(segment);
    if (page.length < EXPORT_CHUNK) break;
    after = page[page.length - 1]!.position;
    yield { phase: 'reading', done: segments.length, total };
  }
  return segments;
}

/** The document's current text as a file: its original format, layout and encoding (or UTF-8, declared so in XML). */
export function* originalSteps(store: Store, documentId: number, utf8 = false): Steps<ExportProgress, Buffer> {
  yield { phase: 'reading', done: 0, total: 1 };
  const layout = store.documents.layout(documentId);
  if (!layout) throw notFound(documentId);
  let text: string;
  let xml = false;
  if (layout.skeleton === null) {
    const segments = store.segments.layout(documentId);
    yield { phase: 'building', done: 0, total: 1 };
    text = joinSegments({ leading: layout.leading, segments });
  } else {
    const rows = store.segments.units(documentId);
    yield { phase: 'building', done: 0, total: 1 };
    const units: ParsedUnit[] = rows.map((r) => ({
      key: r.key,
      paragraph: r.paragraph,
      source: r.source,
      target: r.mtText,
      state: r.fileState,
      notes: r.fileNotes ? (JSON.parse(r.fileNotes) as string[]) : [],
    }));
    // The editor's notes go to the writer too: a format that has a place for them puts them there (carriesNotes).
    const reviewed: ReviewedUnit[] = rows.map((r) => ({ key: r.key, text: r.text, status: r.status, notes: r.note === null ? [] : [r.note] }));
    const handler = formatById(layout.format);
    const document: ParsedDocument = { format: handler.id, units, skeleton: JSON.parse(layout.skeleton) };
    try {
      if (isBinaryFormat(handler)) return Buffer.from(handler.writeBytes(document, reviewed));
      text = handler.write(document, reviewed, { targetLanguage: store.checkSettings.languages(documentId).target });
    } catch (error) {
      throw error instanceof UnitError ? sentenceRefusal(rows, error) : error;
    }
    xml = handler.xml === true;
  }
  const plain = utf8 || layout.encoding === 'binary';
  if (!xml) return Buffer.from(encode(text, plain ? 'utf-8' : layout.encoding, plain ? false : layout.hasBom));
  // XML says in its declaration what its bytes are: UTF-8 bytes must say so, and the file's own encoding
  // holds any character as a reference.
  if (plain) return Buffer.from(encode(withDeclaredEncoding(text, 'UTF-8'), 'utf-8', false));
  return Buffer.from(encodeXml(text, layout.encoding, layout.hasBom));
}

/**
 * Any document as a CSV table: position, source, MT, final text, status, note and the reason of a rejection per
 * sentence (UTF-8 with BOM).
 */
export function* csvSteps(store: Store, documentId: number): Steps<ExportProgress, Buffer> {
  if (!store.documents.exists(documentId)) throw notFound(documentId);
  const segments = yield* readSegmentSteps(store, documentId);
  yield { phase: 'building', done: 0, total: 1 };
  const reasons = store.revisions.rejectReasons(documentId);
  // Inline tags as {1}, {2} … : a spreadsheet shows their private-use characters as boxes.
  const rows = segments.map((s) => ({
    position: s.position,
    source: withTagMarkers(s.sourceText ?? ''),
    mt: withTagMarkers(s.mtText),
    final: withTagMarkers(s.currentText),
    status: s.status,
    note: s.note ?? '',
    reject_reason: reasons.get(s.id) ?? '',
  }));
  // The reason last, so that a reader of the columns by their place finds the others where they were.
  const csv = toCsv(['position', 'source', 'mt', 'final', 'status', 'note', 'reject_reason'], rows);
  return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
}

/**
 * The approved pairs (source and final text, with the editor's note) of a bilingual document as a TMX memory.
 * The languages come from the file where it names them (XLIFF), else those the document was imported in or set to
 * (a TMX's chosen pair, the Flags panel's choice), else the request's (the languages the checks detected), else
 * "und" (undetermined), which a CAT tool cannot import.
 */
export function* tmxSteps(
  store: Store,
  documentId: number,
  at: number,
  languages: ExportRequest['languages'] = {},
): Steps<ExportProgress, Buffer> {
  const layout = store.documents.layout(documentId);
  if (!layout) throw notFound(documentId);
  const named = (pattern: RegExp) => (layout.skeleton ? pattern.exec(layout.skeleton)?.[1] : undefined);
  const stored = store.checkSettings.languages(documentId);
  const source = named(/(?:srcLang|source-language)=\\"([^\\"]+)\\"/) ?? stored.source ?? languages.source ?? 'und';
  const target = named(/(?:trgLang|target-language)=\\"([^\\"]+)\\"/) ?? stored.target ?? languages.target ?? 'und';
  const segments = yield* readSegmentSteps(store, documentId);
  yield { phase: 'building', done: 0, total: 1 };
  const pairs = segments
    .filter((s) => s.status === 'approved' && s.sourceText !== null)
    .map((s) => ({ key: String(s.position), source: s.sourceText!, target: s.currentText, ...(s.note !== null && { note: s.note }) }));
  if (pairs.length === 0) {
    throw new RedlineError('bad_input', 'No approved sentence with a source yet: a TMX holds approved pairs.');
  }
  return Buffer.from(pairsToTmx(pairs, { source, target }, tmxDate(at)), 'utf8');
}

/** The HTML review report as a complete, self-contained document. */
export function* htmlSteps(report: Pick<ReportService, 'reportDataSteps'>, request: ExportRequest): Steps<ExportProgress, Buffer> {
  const data = yield* report.reportDataSteps(request.documentId, request.at);
  yield { phase: 'building', done: data.segments.length, total: data.segments.length };
  return Buffer.from(renderReport(data, { changedOnly: request.changedOnly }), 'utf8');
}

/** The bytes of any export, as steps. */
export function exportSteps(store: Store, report: Pick<ReportService, 'reportDataSteps'>, request: ExportRequest): Steps<ExportProgress, Buffer> {
  switch (request.kind) {
    case 'original':
      return originalSteps(store, request.documentId, request.utf8);
    case 'csv':
      return csvSteps(store, request.documentId);
    case 'tmx':
      return tmxSteps(store, request.documentId, request.at, request.languages);
    case 'html':
      return htmlSteps(report, request);
  }
}

/** What store.exports records for each kind (the "changes since the last export" panel reads it). */
export const RECORDED_KIND: Record<ExportKind, string> = { original: 'text', csv: 'csv', tmx: 'tmx', html: 'html' };
