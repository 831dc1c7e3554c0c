import { z } from 'zod';
import { CHECK_IDS, flagSchema as flag } from '../checks/types';
import { checkSettingSchema as checkSetting } from '../formats/checkSettingsFile';
import { FORMAT_IDS } from '../formats/types';
import { documentMetricsSchema as documentMetrics } from '../metrics/documentMetrics';
import { MQM_CATEGORIES, MQM_SEVERITIES } from '../mqm/categories';
import { mqmSummarySchema as mqmSummary } from '../mqm/score';
import { ANNOTATION_SIDES, annotationSchema as annotation } from '../model/annotation';
import { batchOutcomeSchema as batchOutcome, undoStateSchema as undoState } from '../model/batch';
import { documentSummarySchema as documentSummary } from '../model/document';
import { FIND_COLUMNS, findResultSchema as findResult } from '../model/find';
import { count, id, ordinal } from '../model/fields';
import { fixRuleSchema as fixRule } from '../model/fixRule';
import { glossaryEntrySchema as glossaryEntry } from '../model/glossary';
import { exportProgressSchema as exportProgress } from '../model/exportProgress';
import { importProgressSchema as importProgress } from '../model/importProgress';
import { LANGUAGE_TAG } from '../model/languageTag';
import { REVISION_ORIGINS, revisionSchema as revision } from '../model/revision';
import { searchCursorSchema as searchCursor, searchPageSchema as searchPage } from '../model/search';
import { LOCK_REASONS, SEGMENT_STATUSES, segmentSchema as segment } from '../model/segment';
import type { Channel } from './channels';
import { fieldString, sentenceString } from './storedText';

/** A correction longer than this is not a sentence; refuse it rather than store it. */
export const MAX_SEGMENT_LENGTH = 20_000;
/** The most segments one page may ask for: the grid fetches in pages, never the whole document. */
export const MAX_PAGE_SIZE = 200;
/** The most positions one `checks.inRange` reads: a few screens. */
export const MAX_FLAG_RANGE = 1000;

/** How TER compares words: tercom's normalization and case sensitivity, both on by default. */
const terOptions = { normalize: z.boolean().optional(), caseSensitive: z.boolean().optional() };

/** One sitting in a segment is at most a working day; more is a clock error, not effort. */
export const MAX_EDIT_MS = 24 * 60 * 60 * 1000;

/** A backup is named by its file name in the store's backups folder, never by a path the page chooses. */
const backupFileName = z.string().regex(/^redline-(daily|pre-migration|manual)-\d{13}\.sqlite$/, 'not a backup file name');
const backupEntry = z.strictObject({
  fileName: backupFileName,
  kind: z.enum(['daily', 'pre-migration', 'manual']),
  createdAt: z.number().int().nonnegative(),
  /** Null when the copy cannot be read. */
  documents: count.nullable(),
});

const empty = z.strictObject({});
/** An encoding's name as the editor may choose it (utf-8, windows-1251 …). */
const encodingName = z.string().regex(/^[A-Za-z0-9_.:-]{1,40}$/);

/** A CSV/TSV column: its header name or its 0-based number. */
const tableColumn = z.union([z.string().max(200), z.number().int().nonnegative()]);
const columnMapping = z.strictObject({ source: tableColumn.optional(), target: tableColumn, id: tableColumn.optional() });

/**
 * What a picked file was taken for, and what the editor may change before importing it: the format, the
 * encoding (with a preview), a TMX's two languages, a table's columns.
 */
const inspectedFile = z.object({
  fileName: z.string(),
  format: z.enum(FORMAT_IDS),
  encoding: z.string(),
  confidence: z.number(),
  lineEnding: z.string(),
  preview: z.string(),
  languages: z.array(z.string()).optional(),
  sourceLang: z.string().optional(),
  columns: z.array(z.string()).optional(),
  mapping: z.object({ source: tableColumn.optional(), target: tableColumn, id: tableColumn.optional() }).optional(),
});

/** A file picked in the native dialog, by the opaque token main gave for it. */
const pickToken = z.string().max(100);
/** Source and MT sentences per aligned row (see core/align/beads); main checks they fit the files. */
const beadCounts = z.array(z.tuple([count, count])).max(1_000_000);
/** An MT text's source text, picked as a second file, and the alignment the editor accepted. */
const sourceFile = z.strictObject({ token: pickToken, encoding: encodingName.optional(), counts: beadCounts.optional() });
const alignment = z.object({
  source: z.array(z.string()),
  target: z.array(z.string()),
  paragraphs: z.array(ordinal),
  counts: beadCounts,
});

const checkId = z.enum(CHECK_IDS);

/** A BCP 47-like language tag (`en`, `de-AT`, `zh-Hans`, `pt_BR`): a 2–3 letter language, optional subtags. */
const languageTag = z.string().regex(LANGUAGE_TAG, 'A language is a tag such as en, de-AT or zh-Hans.');
const languages = z.object({ source: languageTag.nullable(), target: languageTag.nullable() });
/** One word for the user's dictionary: no spaces, at most 100 characters. */
const dictionaryWord = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s]+$/u, 'A dictionary word is one word of at most 100 characters.');

/** One change a bulk action would make, as its preview shows it. */
/** `locked`: why the sentence's text never changes here (the file locks it, or it is too long), so applying leaves it alone (and counts it). */
const fixPreview = z.object({ segmentId: id, position: ordinal, before: z.string(), after: z.string(), locked: z.enum(LOCK_REASONS).optional() });

const sentenceText = sentenceString(MAX_SEGMENT_LENGTH);
const ruleText = fieldString(1_000);
const rule = z.strictObject({
  find: ruleText.min(1),
  replace: ruleText,
  wholeWord: z.boolean(),
  caseSensitive: z.boolean(),
});

const segmentIds = z.array(id).min(1).max(100_000);

const status = z.enum(SEGMENT_STATUSES);
const origin = z.enum(REVISION_ORIGINS);
const timelineEntry = revision.extend({ position: ordinal, batchLabel: z.string().nullable() });

const mqmCategory = z.enum(MQM_CATEGORIES);
const mqmSeverity = z.enum(MQM_SEVERITIES);

/** How find-and-replace matches: literally or as a regular expression (with capture groups). */
const replaceOptions = {
  find: fieldString(1_000).min(1),
  replace: fieldString(1_000),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
};
const findOptions = {
  find: fieldString(1_000).min(1),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
};
/** A CSV written or read through a native dialog; `null` when the editor cancels it. */
/** `settingsPath`: the glossary's check settings and word list, written beside it (core/formats/checkSettingsFile). */
const csvExported = z.object({ path: z.string(), count, settingsPath: z.string().optional() }).nullable();
/** `settingsImported`: check settings were found beside the glossary and taken. */
const csvImported = z.object({ count, settingsImported: z.boolean().optional() }).nullable();

/** The one source of truth for IPC: each channel's request and response schema. */
export const contract = {
  'documents.list': { request: empty, response: z.array(documentSummary) },
  'documents.openSample': { request: empty, response: documentSummary },
  /** Shows an open dialog and reports what the file looks like (`null` when cancelled); the token imports it. */
  'documents.pickFile': { request: empty, response: inspectedFile.extend({ token: z.string() }).nullable() },
  /** The picked file read with another format or encoding, before importing it. */
  'documents.inspectPicked': {
    request: z.strictObject({ token: pickToken, format: z.enum(FORMAT_IDS).optional(), encoding: encodingName.optional() }),
    response: inspectedFile,
  },
  /**
   * Imports the picked file (with its source text, aligned, when one is given). A large file is stored in
   * steps: meanwhile `documents.importProgress` tells how far it is and `documents.cancelImport` stops it.
   */
  'documents.importPicked': {
    request: z.strictObject({
      token: pickToken,
      format: z.enum(FORMAT_IDS).optional(),
      encoding: encodingName.optional(),
      sourceLang: z.string().max(40).optional(),
      targetLang: z.string().max(40).optional(),
      columns: columnMapping.optional(),
      /** XLIFF units without a target: empty targets to fill (the default) or the source copied in. */
      missingTargets: z.enum(['empty', 'source']).optional(),
      source: sourceFile.optional(),
    }),
    response: documentSummary,
  },
  /** How far the import (or alignment) of the picked file has got; null when none is running. */
  'documents.importProgress': { request: z.strictObject({ token: pickToken }), response: importProgress.nullable() },
  /** Stops the import (or alignment) of the picked file; nothing of it stays. False when none was running. */
  'documents.cancelImport': { request: z.strictObject({ token: pickToken }), response: z.object({ cancelled: z.boolean() }) },
  /**
   * A picked plain-text MT and a picked source text, split into sentences and aligned by length, for review;
   * in steps, like an import (progress and cancel by the MT file's token).
   */
  'documents.alignPicked': {
    request: z.strictObject({
      token: pickToken,
      encoding: encodingName.optional(),
      source: z.strictObject({ token: pickToken, encoding: encodingName.optional() }),
    }),
    response: alignment,
  },
  'documents.open': { request: z.strictObject({ documentId: id }), response: documentSummary },
  /**
   * Shows a save dialog and writes the clean text (or a CSV table, a TMX memory); `null` when the editor cancels
   * it. The file is made off the request path: meanwhile `documents.exportProgress` tells how far it is and
   * `documents.cancelExport` stops it (nothing is left under the chosen name).
   */
  'documents.exportText': {
    request: z.strictObject({ documentId: id, utf8: z.boolean().optional(), as: z.enum(['original', 'csv', 'tmx']).optional() }),
    response: z.object({ path: z.string() }).nullable(),
  },
  /** How far the export (text, table, memory or report) of a document has got; null when none is running. */
  'documents.exportProgress': { request: z.strictObject({ documentId: id }), response: exportProgress.nullable() },
  /** Stops the export of a document: no file is written. False when none was running. */
  'documents.cancelExport': { request: z.strictObject({ documentId: id }), response: z.object({ cancelled: z.boolean() }) },
  'segments.page': {
    request: z.strictObject({
      documentId: id,
      offset: z.number().int().nonnegative(),
      limit: ordinal.max(MAX_PAGE_SIZE),
    }),
    response: z.object({ total: z.number().int().nonnegative(), items: z.array(segment) }),
  },
  /** Stores a correction with the editing time and keystrokes spent on it since the last save. */
  'segments.update': {
    request: z.strictObject({
      segmentId: id,
      text: sentenceText,
      editMs: z.number().int().nonnegative().max(MAX_EDIT_MS).optional(),
      keystrokes: z.number().int().nonnegative().max(1_000_000).optional(),
      /** Still typing in the sentence since the last save: the save joins that typing's undo step. */
      continues: z.boolean().optional(),
      /** The field's own undo or redo: the save joins the step of the typing it takes back, when undo may still take it. */
      restores: z.boolean().optional(),
    }),
    response: segment,
  },
  'segments.revert': { request: z.strictObject({ segmentId: id }), response: segment },
  /**
   * The document's metrics. With TER options other than the stored ones every sentence is measured again, in the
   * background: meanwhile the answer is `{ pending }` (how far it is; ask again), and the figures once measured
   * are answered until the document is revised. `documents.cancelMetrics` stops the measuring.
   */
  'documents.metrics': {
    request: z.strictObject({ documentId: id, ...terOptions }),
    response: z.union([documentMetrics, z.strictObject({ pending: z.object({ done: count, total: count }) })]),
  },
  /** Stops measuring the document with other TER options; false when none was running. */
  'documents.cancelMetrics': { request: z.strictObject({ documentId: id }), response: z.object({ cancelled: z.boolean() }) },

  /**
   * What the window shows of a document's flags: counts per check and how many sentences are flagged, from the
   * store. The flags themselves are read a screen at a time (`checks.inRange`), never all at once.
   */
  'checks.document': {
    request: z.strictObject({ documentId: id }),
    response: z.object({
      counts: z.partialRecord(checkId, count),
      flagged: count,
      /**
       * Present while the document is being checked whole in the background (its first check, or after a write
       * that reached too many sentences to check on the request path): how far it is. Meanwhile the counts and
       * flags are those stored (none for a first check); asking again after it ends gives the new ones.
       */
      pending: z.object({ done: count, total: count }).optional(),
    }),
  },
  /** The stored flags of the sentences at positions from…to (the rows on screen); only flagged ones are listed. */
  'checks.inRange': {
    request: z
      .strictObject({ documentId: id, from: ordinal, to: ordinal })
      .refine((r) => r.to >= r.from && r.to - r.from < MAX_FLAG_RANGE, { message: `to must lie within ${MAX_FLAG_RANGE} positions from from` }),
    response: z.array(z.object({ segmentId: id, position: ordinal, flags: z.array(flag) })),
  },
  /** The nearest flagged sentence after (F8) or before (Shift+F8) a position, as stored; null when there is none. */
  'checks.nearest': {
    request: z.strictObject({ documentId: id, position: count, direction: z.enum(['next', 'previous']) }),
    response: ordinal.nullable(),
  },
  /** The positions of the flagged sentences, in order (the grid's flag filter): any flag, or one check's. */
  'checks.positions': {
    request: z.strictObject({ documentId: id, check: checkId.optional() }),
    response: z.array(ordinal),
  },
  /** Stops the background check of a document's first check (nothing stored); false when none is running. */
  'checks.cancelWhole': { request: z.strictObject({ documentId: id }), response: z.boolean() },
  /** The flags of a sentence as the editor is typing it. */
  'checks.segment': { request: z.strictObject({ segmentId: id, text: sentenceText }), response: z.array(flag) },
  /**
   * One flag of a sentence ignored (or shown again): its check and `words`, the text it flags (as a key only, so
   * it may hold the control character a hidden-text flag is about).
   */
  'checks.ignore': {
    request: z.strictObject({ segmentId: id, check: checkId, words: z.string().max(MAX_SEGMENT_LENGTH), ignored: z.boolean() }),
    response: z.null(),
  },
  /** How many flags of a sentence the editor's ignores hide: shown under its flags, with the way to show them again. */
  'checks.ignoredCount': { request: z.strictObject({ segmentId: id }), response: count },
  /** Shows again every flag ignored on a sentence (whole kinds from earlier releases too); how many ignores went. */
  'checks.showIgnored': { request: z.strictObject({ segmentId: id }), response: count },
  /** The document's languages as stored (null: detected) and as the checks use them. */
  'checks.languages': {
    request: z.strictObject({ documentId: id }),
    response: z.object({ stored: languages, used: languages }),
  },
  /** Sets the languages the document is checked in (null: detect); its flags are checked again. */
  'checks.setLanguages': {
    request: z.strictObject({ documentId: id, source: languageTag.nullable(), target: languageTag.nullable() }),
    response: z.null(),
  },
  /** "Add to dictionary": spelling never flags the word again, in any document. */
  'checks.addWord': { request: z.strictObject({ word: dictionaryWord }), response: z.null() },
  /** The editor's dictionary words, to look over and take back. */
  'checks.words': { request: z.strictObject({}), response: z.array(z.string()) },
  'checks.removeWord': { request: z.strictObject({ word: dictionaryWord }), response: z.null() },
  /** Each check kind's setting for all documents, and the document's own (which wins where it has one). */
  'checks.settings': {
    request: z.strictObject({ documentId: id }),
    response: z.object({ global: z.partialRecord(checkId, checkSetting), document: z.partialRecord(checkId, checkSetting) }),
  },
  /**
   * Sets (null: clears) a check kind's setting for the document, or with `forAll` for every document; the
   * flags follow (the document is checked again).
   */
  'checks.setSetting': {
    request: z.strictObject({ documentId: id, forAll: z.boolean(), check: checkId, setting: checkSetting.nullable() }),
    response: z.null(),
  },
  'fixes.applyOne': {
    request: z.strictObject({ segmentId: id, check: checkId, start: count, end: count }),
    response: batchOutcome,
  },
  'fixes.preview': { request: z.strictObject({ documentId: id, check: checkId }), response: z.array(fixPreview) },
  'fixes.applyAll': {
    request: z.strictObject({ documentId: id, check: checkId, segmentIds }),
    response: batchOutcome,
  },
  /**
   * What the editor just changed in a sentence, offered for the other sentences: the first ones it would change,
   * in document order, and whether more would (`propagation.preview` lists them all).
   */
  'propagation.suggest': {
    request: z.strictObject({ segmentId: id, before: sentenceText, after: sentenceText }),
    response: z.array(
      z.object({ rule: z.object(rule.shape), matches: z.array(fixPreview), more: z.boolean(), misspelt: z.array(z.string()),
        variants: z.array(z.string()),
        spellingPending: z.boolean(),
        dependsOnSentence: z.boolean(),
      }),
    ),
  },
  /** Every other sentence of the segment's document that a suggested rule would change. */
  'propagation.preview': { request: z.strictObject({ segmentId: id, rule }), response: z.array(fixPreview) },
  'propagation.apply': { request: z.strictObject({ documentId: id, rule, segmentIds }), response: batchOutcome },

  'segments.setStatus': {
    request: z.strictObject({ segmentId: id, status, reason: fieldString(2_000).optional() }),
    response: segment,
  },
  'segments.history': { request: z.strictObject({ segmentId: id }), response: z.array(revision) },
  /** Gives a sentence the text of one of its revisions, as a new revision. */
  'segments.restore': { request: z.strictObject({ segmentId: id, revisionId: id }), response: segment },
  /** Reads a sentence's note, or sets it when `text` is given (an empty text removes it). */
  'segments.note': {
    request: z.strictObject({ segmentId: id, text: fieldString(10_000).optional() }),
    response: z.string(),
  },
  /** Positions of the sentences that pass a filter: the grid shows only these. */
  'segments.positions': {
    request: z.strictObject({
      documentId: id,
      status: status.optional(),
      edited: z.boolean().optional(),
      withNotes: z.boolean().optional(),
      empty: z.boolean().optional(),
      /** Sentences the file locks whose status the editor changed: an export in the file's format leaves it out. */
      lockedReviewed: z.boolean().optional(),
    }),
    response: z.array(ordinal),
  },
  /**
   * The first sentence after position `after` (0: from the start) still to review — not started, edited or
   * rejected — wrapping round to the first; null when every sentence is confirmed or approved.
   */
  'segments.nextUnconfirmed': {
    /**
     * With `among` (the rows a filter shows, a chunk of them), the first of those positions still to review,
     * in position order, whatever `after` says.
     */
    request: z.strictObject({ documentId: id, after: count, among: z.array(ordinal).max(2000).optional() }),
    response: ordinal.nullable(),
  },
  /** A document's counters (sentences, edited, confirmed) as stored, for the document screen's progress. */
  'documents.summary': { request: z.strictObject({ documentId: id }), response: documentSummary },
  'documents.statusCounts': { request: z.strictObject({ documentId: id }), response: z.partialRecord(status, count) },
  'documents.undoState': { request: z.strictObject({ documentId: id }), response: undoState },
  'documents.undo': { request: z.strictObject({ documentId: id }), response: batchOutcome },
  'documents.redo': { request: z.strictObject({ documentId: id }), response: batchOutcome },
  'documents.timeline': {
    request: z.strictObject({ documentId: id, since: z.number().nonnegative().optional(), origins: z.array(origin).max(REVISION_ORIGINS.length).optional() }),
    response: z.array(timelineEntry),
  },
  /** The sentences changed since a moment, by default since the last export. */
  'documents.changesSince': {
    request: z.strictObject({ documentId: id, since: z.number().nonnegative().optional() }),
    response: z.object({ since: z.number().nullable(), changes: z.array(fixPreview) }),
  },
  'documents.rename': {
    request: z.strictObject({ documentId: id, title: z.string().trim().min(1).max(500).pipe(fieldString(500)) }),
    response: documentSummary,
  },
  'documents.delete': { request: z.strictObject({ documentId: id }), response: z.null() },

  'annotations.add': {
    request: z.strictObject({
      segmentId: id,
      side: z.enum(ANNOTATION_SIDES),
      start: count,
      end: count,
      category: mqmCategory,
      severity: mqmSeverity,
      comment: fieldString(2_000).optional(),
      /** The words expected at [start, end): refused when they are not (an undone removal, its sentence edited since). */
      quote: fieldString(MAX_SEGMENT_LENGTH).optional(),
    }),
    response: annotation,
  },
  'annotations.remove': { request: z.strictObject({ id }), response: z.null() },
  'annotations.ofSegment': { request: z.strictObject({ segmentId: id }), response: z.array(annotation) },
  /** Every annotation of a document, in sentence order: what the grid draws. */
  'annotations.ofDocument': { request: z.strictObject({ documentId: id }), response: z.array(annotation) },
  'annotations.summary': { request: z.strictObject({ documentId: id }), response: mqmSummary },
  'annotations.setThreshold': {
    request: z.strictObject({ documentId: id, threshold: z.number().min(0).max(100) }),
    response: mqmSummary,
  },
  /**
   * Shows a save dialog and writes the self-contained HTML review report; `null` when cancelled. `changedOnly`
   * collapses untouched sentences into one line per run (default: on for long documents). Made off the request
   * path like `documents.exportText`, with the same progress and cancel.
   */
  'documents.exportReport': {
    request: z.strictObject({ documentId: id, changedOnly: z.boolean().optional() }),
    response: z.object({ path: z.string() }).nullable(),
  },
  /** Find in the document's grid: every match in the columns shown, in document order (see services/findService). */
  'find.matches': {
    request: z.strictObject({ documentId: id, ...findOptions, columns: z.array(z.enum(FIND_COLUMNS)).min(1).max(3) }),
    response: findResult,
  },
  /** The row filter: positions of the sentences whose source, MT or correction match. */
  'find.positions': { request: z.strictObject({ documentId: id, ...findOptions }), response: z.array(ordinal) },
  /**
   * Full-text search, a page at a time in document order (`after`: the `next` of the page before), with how many
   * sentences match in all, counted up to a cap. In every document, `firstDocumentId`'s hits come first.
   */
  'search.query': {
    request: z.strictObject({
      query: fieldString(500),
      documentId: id.optional(),
      after: searchCursor.optional(),
      firstDocumentId: id.optional(),
    }),
    response: searchPage,
  },
  'replace.preview': { request: z.strictObject({ documentId: id, ...replaceOptions }), response: z.array(fixPreview) },
  'replace.apply': {
    request: z.strictObject({ documentId: id, ...replaceOptions, segmentIds }),
    response: batchOutcome,
  },
  'batches.undo': { request: z.strictObject({ batchId: id }), response: batchOutcome },
  /**
   * How far the bulk write of a document (replace all, fix all, undo…) has got, and whether it may be stopped part
   * way (an undo or redo may not); null when none is being written.
   */
  'batches.progress': {
    request: z.strictObject({ documentId: id }),
    response: z.object({ done: count, total: count, stoppable: z.boolean() }).nullable(),
  },
  /**
   * Stops the bulk write of a document after its current step: what it wrote stays, as one undoable step, and its
   * answer says so. False when none is being written or it may not stop.
   */
  'batches.stop': { request: z.strictObject({ documentId: id }), response: z.object({ stopping: z.boolean() }) },

  'memory.list': { request: empty, response: z.array(fixRule) },
  'memory.update': {
    request: z.strictObject({
      id,
      find: ruleText.min(1).optional(),
      replace: ruleText.optional(),
      wholeWord: z.boolean().optional(),
      caseSensitive: z.boolean().optional(),
      enabled: z.boolean().optional(),
    }),
    response: fixRule,
  },
  'memory.remove': { request: z.strictObject({ id }), response: z.null() },
  'memory.preview': {
    request: z.strictObject({ documentId: id }),
    response: z.array(fixPreview.extend({ ruleIds: z.array(id) })),
  },
  'memory.apply': { request: z.strictObject({ documentId: id, segmentIds }), response: batchOutcome },
  'memory.exportCsv': { request: empty, response: csvExported },
  'memory.importCsv': { request: empty, response: csvImported },

  'glossary.list': { request: empty, response: z.array(glossaryEntry) },
  'glossary.save': {
    request: z.strictObject({
      id: id.optional(),
      preferred: ruleText.min(1),
      forbidden: z.array(ruleText.min(1)).max(100),
      note: fieldString(2_000).optional(),
    }),
    response: glossaryEntry,
  },
  'glossary.remove': { request: z.strictObject({ id }), response: z.null() },
  'glossary.exportCsv': { request: empty, response: csvExported },
  'glossary.importCsv': { request: empty, response: csvImported },

  'backups.list': { request: empty, response: z.array(backupEntry) },
  'backups.restore': {
    request: z.strictObject({ fileName: backupFileName }),
    /** keptAs: the file name the replaced store was kept under, beside the restored one. */
    response: z.strictObject({ restored: backupEntry, keptAs: z.string().nullable() }),
  },

  // The damaged-store screen: how the store is, what can be read out of it, and starting again without it.
  'store.health': {
    request: empty,
    response: z.discriminatedUnion('state', [
      z.strictObject({ state: z.literal('sound'), checking: z.boolean() }),
      z.strictObject({ state: z.literal('damaged'), message: z.string() }),
    ]),
  },
  'store.exportReadable': {
    request: empty,
    /** Null when the editor cancelled the folder dialog. */
    response: z
      .strictObject({
        folder: z.string(),
        exported: z.array(z.strictObject({ title: z.string(), sentences: count, files: z.array(z.string()) })),
        skipped: z.array(z.strictObject({ title: z.string().nullable(), reason: z.string() })),
      })
      .nullable(),
  },
  /** keptAs: the file name the damaged store was kept under, beside the new empty one. */
  'store.startEmpty': { request: empty, response: z.strictObject({ keptAs: z.string() }) },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
