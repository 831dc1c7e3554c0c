import { basename, extname } from 'node:path';
import type { DocumentSummary } from '../../core/model/document';
import { RedlineError } from '../../core/model/errors';
import type { RevisionOrigin } from '../../core/model/revision';
import { joinSegments, segmentText } from '../../core/segmentation';
import type { Clock } from '../../db/clock';
import type { Store } from '../../db/store';
import { readInputFile, writeFileAtomically } from './files';
import { decodeTextFile, encodeTextFile } from './textFile';

export interface TextToImport {
  fileName: string;
  title?: string;
  text: string;
  hasBom?: boolean;
}

const titleFromFileName = (fileName: string) => basename(fileName, extname(fileName)) || fileName;

export function documentService(store: Store, clock: Clock) {
  function summary(documentId: number): DocumentSummary {
    const found = store.documents.summary(documentId);
    if (!found) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    return found;
  }

  /** Stores a text as a new document: every sentence with its import revision, in one transaction. */
  function importText({ fileName, title, text, hasBom = false }: TextToImport): DocumentSummary {
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
        createdAt: now,
      });
      segments.forEach((s, i) => {
        const segmentId = store.segments.insert({
          documentId,
          position: i + 1,
          paragraph: s.paragraph,
          mtText: s.text,
          sourceText: null,
          trailing: s.trailing,
          createdAt: now,
        });
        store.revisions.append(segmentId, s.text, 'import', now, { status: 'not_started' });
      });
      return documentId;
    });
    return summary(id);
  }

  /** The document's current text in the original layout and encoding. */
  function exportBytes(documentId: number): Buffer {
    const layout = store.documents.layout(documentId);
    if (!layout) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    const text = joinSegments({ leading: layout.leading, segments: store.segments.layout(documentId) });
    return encodeTextFile(text, layout.hasBom);
  }

  return {
    importText,
    importFile(path: string): DocumentSummary {
      const name = basename(path);
      const { text, hasBom } = decodeTextFile(readInputFile(path), name);
      return importText({ fileName: name, text, hasBom });
    },
    list: (): DocumentSummary[] => store.documents.list(),
    open(documentId: number): DocumentSummary {
      summary(documentId);
      store.documents.markOpened(documentId, clock());
      return summary(documentId);
    },
    summary,
    exportBytes,
    exportToFile(documentId: number, path: string): { path: string } {
      writeFileAtomically(path, exportBytes(documentId));
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
    /** A file name for the exported text next to the original's: `article.txt` → `article.edited.txt`. */
    exportFileName(documentId: number): string {
      const { fileName } = summary(documentId);
      const ext = extname(fileName) || '.txt';
      return `${basename(fileName, extname(fileName))}.edited${ext}`;
    },
  };
}

export type DocumentService = ReturnType<typeof documentService>;
