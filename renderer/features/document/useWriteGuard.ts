import { useCallback } from 'react';
import { call } from '../../lib/desktop';
import type { DocumentEditor } from './documentEditor';

/**
 * Runs a bulk write (a replace, a fix, an undo or redo of one) so that, when it fails part way, what it wrote
 * shows: a failed write is sent back without the sentences it wrote. The document's undo and redo tops are read
 * before and after; when they moved (a step was stored), the rows held are read again (DocumentEditor.reload) and
 * `refresh` runs. A failure that wrote nothing (nothing to undo, a write already running) costs one read. The
 * write's own error is what the editor is told; the reads after it fail quietly.
 */
export function useWriteGuard(documentId: number, editor: DocumentEditor, refresh: () => void) {
  return useCallback(
    async <T>(write: () => Promise<T>): Promise<T> => {
      const tops = async () => {
        const state = await call('documents.undoState', { documentId });
        return `${state.undo?.id ?? '-'}/${state.redo?.id ?? '-'}`;
      };
      const before = await tops();
      try {
        return await write();
      } catch (error) {
        const after = await tops().catch(() => null);
        if (after !== before) {
          await editor.reload().catch(() => {});
          refresh();
        }
        throw error;
      }
    },
    [documentId, editor, refresh],
  );
}
