import { SidePanel } from '../../components/SidePanel';
import { useCallback, useEffect, useRef, useState } from 'react';
import { endsInShortWord, splitSnippet, type SearchCursor, type SearchHit, type SearchPage } from '../../../core/model/search';
import { call } from '../../lib/desktop';

type Page = SearchPage;
type Hit = SearchHit;
type Cursor = SearchCursor;
const search = (query: string, documentId: number, everywhere: boolean, after?: Cursor): Promise<Page> =>
  call('search.query', everywhere ? { query, firstDocumentId: documentId, after } : { query, documentId, after });

/** A snippet with its matches marked. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

const FIELD_LABELS: Record<Hit['field'], string> = { mt: 'MT', target: 'correction', source: 'source', note: 'note' };

const thousands = (n: number) => n.toLocaleString('en-US');

/** How many sentences match and how many are shown: never fewer said than there are. */
function countText(shown: number, total: Page['total']): string {
  const all = total.atLeast ? `more than ${thousands(total.count)}` : thousands(total.count);
  const noun = total.count === 1 && !total.atLeast ? 'sentence matches' : 'sentences match';
  if (!total.atLeast && shown >= total.count) return `${all} ${noun}, in document order`;
  return `${all[0]!.toUpperCase()}${all.slice(1)} ${noun}; the first ${thousands(shown)} shown, in document order`;
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
  // All documents first, as Ctrl+Shift+F says (Ctrl+F finds in this document): this document's hits come first.
  const [everywhere, setEverywhere] = useState(true);
  // The hits shown so far (pages in document order: this document first in all documents), the count and the
  // cursor of the next page; `query`/`everywhere` say which search they belong to.
  const [result, setResult] = useState<{ hits: Hit[]; total: Page['total']; next: Cursor | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // Each new search (query, scope) bumps this, so a page that comes back for an older one is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const asked = ++generation.current;
    const timer = setTimeout(() => {
      if (!query.trim()) return setResult(null);
      search(query, documentId, everywhere).then((page) => asked === generation.current && setResult(page), onError);
    }, 150);
    return () => clearTimeout(timer);
  }, [query, everywhere, documentId, onError]);

  /** The next page of the same search, after the last hit shown. */
  const showMore = useCallback(() => {
    if (!result?.next) return;
    const asked = generation.current;
    setLoadingMore(true);
    search(query, documentId, everywhere, result.next)
      .then((page) => {
        if (asked !== generation.current) return;
        setResult((before) => before && { hits: [...before.hits, ...page.hits], total: page.total, next: page.next });
      }, onError)
      .finally(() => setLoadingMore(false));
  }, [result, query, documentId, everywhere, onError]);

  const hits = result?.hits ?? [];

  return (
    <SidePanel title="Search" name="search" onClose={onClose}>
      <input className="search-input" autoFocus placeholder="Words or “a phrase”" aria-label="Search for" value={query} onChange={(e) => setQuery(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
        All documents
      </label>
      {result && hits.length > 0 && (
        <p className="muted" data-testid="search-count">
          {countText(hits.length, result.total)}
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
      {result?.next && (
        <button type="button" className="button-quiet" data-testid="search-more" disabled={loadingMore} onClick={showMore}>
          {loadingMore ? 'Loading…' : 'Show more'}
        </button>
      )}
      {result && hits.length === 0 && (
        <p className="muted">
          {endsInShortWord(query) ? 'No matches. A one-letter last word is looked for as a whole word: type more to find the words that start with it.' : 'No matches.'}
        </p>
      )}
    </SidePanel>
  );
}
