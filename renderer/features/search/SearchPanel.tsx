import { SidePanel } from '../../components/SidePanel';
import { useEffect, useState } from 'react';
import { splitSnippet } from '../../../core/model/search';
import { call } from '../../lib/desktop';

type Hit = Awaited<ReturnType<typeof search>>[number];
const search = (query: string, documentId?: number) => call('search.query', { query, documentId });

/** A snippet with its matches marked. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

const FIELD_LABELS: Record<Hit['field'], string> = { mt: 'MT', target: 'correction', source: 'source', note: 'note' };

/** Hits as the editor reads them: this document first, then the others by title, each in sentence order. */
function inDocumentOrder(hits: Hit[], documentId: number): Hit[] {
  return [...hits].sort(
    (a, b) =>
      Number(b.documentId === documentId) - Number(a.documentId === documentId) ||
      a.documentTitle.localeCompare(b.documentTitle) ||
      a.documentId - b.documentId ||
      a.position - b.position,
  );
}

interface SearchPanelProps {
  documentId: number;
  onJump: (position: number) => void;
  onOpenDocument: (documentId: number, position: number) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
}

/** Full-text search over MT, corrections, sources and notes, in this document or in all of them. */
export function SearchPanel({ documentId, onJump, onOpenDocument, onError, onClose }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [everywhere, setEverywhere] = useState(false);
  const [hits, setHits] = useState<Hit[]>([]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      if (!query.trim()) return setHits([]);
      search(query, everywhere ? undefined : documentId).then((found) => current && setHits(inDocumentOrder(found, documentId)), onError);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, everywhere, documentId, onError]);

  return (
    <SidePanel title="Search" name="search" onClose={onClose}>
      <input className="search-input" autoFocus placeholder="Words or “a phrase”" aria-label="Search for" value={query} onChange={(e) => setQuery(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
        All documents
      </label>
      {hits.length > 0 && (
        <p className="muted" data-testid="search-count">
          {hits.length} match{hits.length === 1 ? '' : 'es'}, in document order
        </p>
      )}
      <ol className="timeline-list">
        {hits.map((hit) => (
          <li key={hit.segmentId}>
            <button
              type="button"
              className="button-quiet timeline-entry"
              onClick={() => (hit.documentId === documentId ? onJump(hit.position) : onOpenDocument(hit.documentId, hit.position))}
            >
              <span className="muted">
                {hit.documentId === documentId ? '' : `${hit.documentTitle} · `}sentence {hit.position} · {FIELD_LABELS[hit.field]}
              </span>
              <span className="timeline-text">
                <Snippet text={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {query.trim() && hits.length === 0 && <p className="muted">No matches.</p>}
    </SidePanel>
  );
}
