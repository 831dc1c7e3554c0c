/**
 * Export of the whole document to a file in its original format, against the least any export must do: read
 * every sentence's text in order with one raw SELECT, join them and write the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RowModule } from '../table';

const exportRows: RowModule = {
  order: 50,
  rows(document) {
    const out = join(document.workDir, 'book.edited.txt');
    const started = performance.now();
    document.services.documents.exportToFile(document.documentId, out);
    const exportMs = performance.now() - started;

    const db = new Database(document.storePath, { readonly: true, ...(document.nativeBinding ? { nativeBinding: document.nativeBinding } : {}) });
    let rawMs: number;
    try {
      const rawStarted = performance.now();
      const texts = db.prepare('SELECT current_text FROM segments WHERE document_id = ? ORDER BY position').pluck().all(document.documentId) as string[];
      writeFileSync(join(document.workDir, 'raw-export.txt'), texts.join('\n'));
      rawMs = performance.now() - rawStarted;
    } finally {
      db.close();
    }
    return [
      {
        key: 'export',
        label: 'export (original format, to a file)',
        value: exportMs,
        unit: 'ms',
        baseline: { label: 'raw read + write', value: rawMs, about: 'one SELECT of every current text in order, joined and written to a file' },
      },
    ];
  },
};

export default exportRows;
