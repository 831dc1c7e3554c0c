import { basename, extname } from 'node:path';
import type { DocumentSummary } from '../core/model/document';
import { RedlineError } from '../core/model/errors';
import { REVISION_ORIGINS, type RevisionOrigin } from '../core/model/revision';
import { runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import { documentImporter } from './documentImport';
import { csvSteps, originalSteps, RECORDED_KIND, tmxSteps, type ExportKind, type ExportRequest } from './exportContent';
import { runBetweenRequests } from './betweenRequests';
import { writeFileAtomically } from './files';
import { logUnforeseen } from './unforeseenFailure';

export interface ExportOptions {
  /** Write UTF-8 (no byte-order mark) instead of the encoding the file came in. */
  utf8?: boolean;
}

/**
 * Sentences a deletion removes a step (each with its revisions, flags, names and index entries: 70–150 µs).
 * Unlike an import or a bulk write, a deletion is not run with checkpoints of its own (checkpointedSteps):
 * measured at 100k, its longest request wait was 25 ms without them and 28 ms with, and it took longer.
 */
const SENTENCES_REMOVED_A_STEP = 100;

export function documentService(store: Store, clock: Clock) {
  /**
   * Writes an export and records it as one step: the record's transaction is opened first, so a store another
   * process holds (or any failure to record) is known before the file is touched — an export said to have
   * failed never replaced the file at `path` — and a file that cannot be written leaves no record.
   */
  const writeRecorded = (path: string, bytes: Uint8Array, record: () => void): void =>
    store.transaction(() => {
      record();
      writeFileAtomically(path, bytes);
    });

  function summary(documentId: number): DocumentSummary {
    const found = store.documents.summary(documentId);
    if (!found) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    return found;
  }

  /** The document's current text as a file: its original format, layout and encoding (or UTF-8). */
  const exportBytes = (documentId: number, options: ExportOptions = {}): Buffer => runToEnd(originalSteps(store, documentId, options.utf8));

  /**
   * Removes a hidden document (set aside for deletion, or an import cut short) and all that belongs to it,
   * SENTENCES_REMOVED_A_STEP sentences a step (a book's sentences, with their revisions, flags and index entries,
   * take seconds to delete), then its skeleton a part a step, then the document. Hidden, it is never read
   * meanwhile, and a crash part way leaves it to be removed at the next start.
   */
  function* hiddenRemovalSteps(documentId: number): Steps<StepProgress, void> {
    const total = store.segments.count(documentId);
    // Each step only while the id is still a hidden document's: never what a finished document (which could have
    // taken the id, had another process removed this one meanwhile) holds.
    const stillHidden = <T>(work: () => T, otherwise: T): T =>
      store.transaction(() => (store.documents.isImporting(documentId) ? work() : otherwise));
    for (let removed = 0; ; ) {
      const now = stillHidden(() => store.segments.removeSome(documentId, SENTENCES_REMOVED_A_STEP), 0);
      removed += now;
      if (now < SENTENCES_REMOVED_A_STEP) break;
      yield { done: removed, total };
    }
    // Then its skeleton, a part a step (each some 10 ms of writing, as the import wrote it).
    while (stillHidden(() => store.documents.removeSkeletonParts(documentId, 1), 0) > 0) yield { done: total, total };
    store.transaction(() => store.documents.removeImport(documentId));
  }

  /** Deletes a document in steps: first set aside (hidden, as an unfinished import is), then removed. */
  function removeSteps(documentId: number): Steps<StepProgress, void> {
    if (!store.transaction(() => store.documents.setAside(documentId))) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
    return hiddenRemovalSteps(documentId);
  }

  /**
   * Removes hidden documents between requests, a few sentences a step, until done or the store is closed (what
   * is left then is removed at the next start). Settles true once all are gone; never rejects (a failure is
   * logged: the documents stay hidden, and the next start tries again).
   */
  function removeHiddenBetweenRequests(documentIds: readonly number[]): Promise<boolean> {
    if (documentIds.length === 0) return Promise.resolve(true);
    const steps = (function* () {
      for (const id of documentIds) yield* hiddenRemovalSteps(id);
    })();
    return runBetweenRequests(steps, { stopped: () => !store.open }).catch((error: unknown) => {
      if (store.open) logUnforeseen(error);
      return false;
    });
  }

  return {
    ...documentImporter(store, clock, summary, (documentId) => void removeHiddenBetweenRequests([documentId])),
    removeHiddenBetweenRequests,
    list: (): DocumentSummary[] => store.documents.list(),
    /** A document's figures as the library shows them, without marking it opened. */
    summary,
    open(documentId: number): DocumentSummary {
      summary(documentId);
      store.documents.markOpened(documentId, clock());
      return summary(documentId);
    },
    exportBytes,
    /** An export of the document as of now (the time recorded, and printed in a report); not_found for an unknown one. */
    exportRequest(documentId: number, kind: ExportKind, options: Omit<ExportRequest, 'documentId' | 'kind' | 'at'> = {}): ExportRequest {
      summary(documentId);
      return { documentId, kind, ...options, at: clock() };
    },
    /** Records an export written to `path` by the export worker (the "changes since the last export" panel reads it). */
    recordExport(request: ExportRequest, path: string): void {
      store.exports.record(request.documentId, RECORDED_KIND[request.kind], path, request.at);
    },
    exportToFile(documentId: number, path: string, options: ExportOptions = {}): { path: string } {
      writeRecorded(path, exportBytes(documentId, options), () => store.exports.record(documentId, 'text', path, clock()));
      return { path };
    },

    rename(documentId: number, title: string): DocumentSummary {
      summary(documentId);
      const clean = title.trim();
      if (!clean) throw new RedlineError('bad_input', 'A document needs a title.');
      store.documents.rename(documentId, clean);
      return summary(documentId);
    },

    removeSteps,
    /** Deletes a document and all that belongs to it at once, in one transaction: nothing stays half-deleted. */
    remove(documentId: number): void {
      store.transaction(() => {
        if (!store.documents.remove(documentId)) {
          throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
        }
      });
    },

    /** The format a document was imported in. */
    format(documentId: number): string {
      const format = store.documents.format(documentId);
      if (format === undefined) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      return format;
    },

    /** How many sentences have each status: the counters on the document's row. */
    statusCounts(documentId: number) {
      const counts = store.documents.statusCounts(documentId);
      if (!counts) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      return counts;
    },

    /** Every change in the document from `since` on, newest first, optionally of some origins only. */
    timeline(documentId: number, since = 0, origins?: readonly RevisionOrigin[]) {
      summary(documentId);
      return store.revisions.timeline(documentId, since, origins && origins.length > 0 ? origins : REVISION_ORIGINS);
    },

    /**
     * The sentences that changed since a moment (by default the last export), each as its text then and now.
     */
    changesSince(documentId: number, since?: number) {
      summary(documentId);
      const from = since ?? store.exports.lastAt(documentId);
      if (from === null) return { since: null, changes: [] };
      return { since: from, changes: store.revisions.changedSince(documentId, from) };
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
      const at = clock();
      writeRecorded(path, runToEnd(tmxSteps(store, documentId, at, languages)), () => store.exports.record(documentId, 'tmx', path, at));
      return { path };
    },

    /** Any document as a CSV table: position, source, MT, final text, status and note per sentence (UTF-8). */
    exportCsv(documentId: number, path: string): { path: string } {
      writeRecorded(path, runToEnd(csvSteps(store, documentId)), () => store.exports.record(documentId, 'csv', path, clock()));
      return { path };
    },
  };
}

export type DocumentService = ReturnType<typeof documentService>;
