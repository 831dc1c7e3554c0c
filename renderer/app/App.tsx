import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../core/model/document';
import { DocumentScreen } from '../features/document/DocumentScreen';
import { GlossaryScreen } from '../features/glossary/GlossaryScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { MemoryScreen } from '../features/memory/MemoryScreen';
import { call, messageOf } from '../lib/desktop';
import { NoticeBar, type Notice } from './NoticeBar';

type Screen =
  | { name: 'starting' }
  | { name: 'library' }
  | { name: 'memory' }
  | { name: 'glossary' }
  | { name: 'document'; document: DocumentSummary; startAt?: number };

/**
 * The shell: library or one open document. A first start (empty library) opens the bundled sample, so the
 * editor sees real work at once.
 */
export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'starting' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const showNotice = useCallback((next: Notice) => setNotice(next), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  // A notice belongs to the screen that raised it: leaving that screen clears it.
  const go = useCallback((next: Screen) => {
    setNotice((current) => (current?.kind === 'error' ? null : current));
    setScreen(next);
  }, []);

  const open = useCallback(async (document: Pick<DocumentSummary, 'id'>, startAt?: number) => {
    try {
      const opened = await call('documents.open', { documentId: document.id });
      setNotice((current) => (current?.kind === 'error' ? null : current));
      setScreen({ name: 'document', document: opened, startAt });
    } catch (error) {
      setNotice({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const documents = await call('documents.list', {});
      if (cancelled) return;
      if (documents.length > 0) setScreen({ name: 'library' });
      else await open(await call('documents.openSample', {}));
    })().catch((error: unknown) => {
      setNotice({ kind: 'error', message: messageOf(error) });
      setScreen({ name: 'library' });
    });
    return () => {
      cancelled = true;
    };
  }, [open]);

  return (
    <div className="app">
      <main className="app-main">
      {screen.name === 'starting' && <p className="muted starting">Opening Redline…</p>}
      {screen.name === 'library' && (
        <LibraryScreen
          onOpen={(doc) => void open(doc)}
          onNotice={showNotice}
          onMemory={() => go({ name: 'memory' })}
          onGlossary={() => go({ name: 'glossary' })}
        />
      )}
      {screen.name === 'memory' && <MemoryScreen onBack={() => go({ name: 'library' })} onNotice={showNotice} />}
      {screen.name === 'glossary' && <GlossaryScreen onBack={() => go({ name: 'library' })} onNotice={showNotice} />}
      {screen.name === 'document' && (
        <DocumentScreen
          key={screen.document.id}
          document={screen.document}
          startAt={screen.startAt}
          onBack={() => go({ name: 'library' })}
          onNotice={showNotice}
          onOpenDocument={(documentId, position) => void open({ id: documentId }, position)}
        />
      )}
      </main>
      <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
        {notice && <NoticeBar notice={notice} onDismiss={dismissNotice} />}
      </div>
    </div>
  );
}
