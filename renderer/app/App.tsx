import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../core/model/document';
import { DocumentScreen } from '../features/document/DocumentScreen';
import { GlossaryScreen } from '../features/glossary/GlossaryScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { MemoryScreen } from '../features/memory/MemoryScreen';
import { DamagedStoreScreen } from '../features/recovery/DamagedStoreScreen';
import { Toasts } from '../components/Toasts';
import { call, messageOf, onStoreDamaged } from '../lib/desktop';
import { NoticeBar, type Notice } from './NoticeBar';

/** How often the window asks whether the background integrity check of a large store found damage. */
const HEALTH_POLL_MS = 3000;

type Screen =
  | { name: 'starting' }
  | { name: 'damaged'; message: string }
  /** `from`: the document just left, which the library gives the keyboard to. */
  | { name: 'library'; from?: number }
  | { name: 'memory' }
  | { name: 'glossary' }
  | { name: 'document'; document: DocumentSummary; startAt?: number };

/**
 * The shell: library or one open document. A first start (empty library) opens the bundled sample, so the
 * editor sees real work at once.
 */
/**
 * What is left of the notice as its screen goes: an error, or a notice with something to do (Undo, Show all),
 * belongs to the screen that raised it, and its action would act on a screen that is gone; a plain confirmation
 * ("Exported …") stays its few seconds.
 */
const leaving = (current: Notice | null): Notice | null => (current?.kind === 'error' || current?.action ? null : current);

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'starting' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const showNotice = useCallback((next: Notice) => setNotice(next), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const go = useCallback((next: Screen) => {
    setNotice(leaving);
    setScreen(next);
  }, []);

  const open = useCallback(async (document: Pick<DocumentSummary, 'id'>, startAt?: number) => {
    try {
      const opened = await call('documents.open', { documentId: document.id });
      setNotice(leaving);
      setScreen({ name: 'document', document: opened, startAt });
    } catch (error) {
      setNotice({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  // A damaged store replaces whatever is shown: said by the store's health on start, by any call that answers
  // 'damaged', and by the background integrity check of a large store (asked every few seconds while it runs).
  const showDamage = useCallback((message: string) => {
    setNotice(null);
    setScreen((current) => (current.name === 'damaged' ? current : { name: 'damaged', message }));
  }, []);
  useEffect(() => onStoreDamaged(showDamage), [showDamage]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => {
      call('store.health', {}).then((health) => {
        if (health.state === 'damaged') showDamage(health.message);
        if (health.state === 'damaged' || !health.checking) setChecking(false);
      }, () => setChecking(false));
    }, HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [checking, showDamage]);

  const recovered = useCallback((message: string) => {
    setScreen({ name: 'library' });
    setNotice({ kind: 'info', message });
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const health = await call('store.health', {});
      if (cancelled) return;
      if (health.state === 'damaged') {
        showDamage(health.message);
        return;
      }
      if (health.checking) setChecking(true);
      const documents = await call('documents.list', {});
      if (cancelled) return;
      if (documents.length > 0) setScreen({ name: 'library' });
      else await open(await call('documents.openSample', {}));
    })().catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'damaged') return; // its screen is shown
      setNotice({ kind: 'error', message: messageOf(error) });
      setScreen({ name: 'library' });
    });
    return () => {
      cancelled = true;
    };
  }, [open, showDamage]);

  return (
    <div className="app">
      <main className="app-main">
      {screen.name === 'starting' && <p className="muted starting">Opening Redline…</p>}
      {screen.name === 'damaged' && <DamagedStoreScreen message={screen.message} onRecovered={recovered} />}
      {screen.name === 'library' && (
        <LibraryScreen
          from={screen.from}
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
          onBack={() => go({ name: 'library', from: screen.document.id })}
          onNotice={showNotice}
          onOpenDocument={(documentId, position) => void open({ id: documentId }, position)}
        />
      )}
      </main>
      <Toasts label="Notifications">{notice && <NoticeBar notice={notice} onDismiss={dismissNotice} />}</Toasts>
    </div>
  );
}
