import { useEffect, useState, useSyncExternalStore } from 'react';
import { call } from '../../lib/desktop';
import { DocumentEditor } from './documentEditor';
import { useQuitWarning } from './useQuitWarning';

/** One DocumentEditor per open document, bound to main over IPC; re-renders when it changes. */
export function useDocumentEditor(documentId: number, editedCount: number): DocumentEditor {
  const [editor] = useState(
    () =>
      new DocumentEditor(
        {
          fetchPage: (offset, limit) => call('segments.page', { documentId, offset, limit }),
          save: (segmentId, text, effort, continues, restores) => call('segments.update', { segmentId, text, ...effort, continues, restores }),
          revert: (segmentId) => call('segments.revert', { segmentId }),
        },
        editedCount,
      ),
  );
  useEffect(() => () => editor.dispose(), [editor]);
  useQuitWarning(editor.queue.hasUnsaved);
  useSyncExternalStore(editor.subscribe, editor.getVersion);
  return editor;
}
