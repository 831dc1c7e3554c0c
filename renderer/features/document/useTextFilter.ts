import { useEffect, useState } from 'react';
import { call } from '../../lib/desktop';
import { queryError, type FindQuery } from './useFindInGrid';

/**
 * What the filter box holds, as a query: `/pattern/` (or `/pattern/i`, ignoring case) is a regular
 * expression; anything else is literal text, found whatever its case.
 */
export function parseFilter(text: string): FindQuery | null {
  if (text.trim() === '') return null;
  const regex = /^\/(.+)\/(i?)$/su.exec(text);
  if (regex) return { text: regex[1]!, regex: true, caseSensitive: regex[2] !== 'i' };
  return { text, regex: false, caseSensitive: false };
}

/** Both filters at once: the rows in both lists (either may be off), in order. */
export function bothFilters(a: readonly number[] | null, b: readonly number[] | null): readonly number[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const inB = new Set(b);
  return a.filter((p) => inB.has(p));
}

/**
 * The text/regex row filter: the positions of the sentences whose source, MT or correction match (asked of
 * the store, again after each save), or null when the box is empty. An invalid regex filters nothing and says
 * why.
 */
export function useTextFilter(documentId: number, refreshKey: number, onError: (error: unknown) => void) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ key: string; positions: number[] } | null>(null);
  const query = parseFilter(text);
  const error = query ? queryError(query) : null;
  const key = query && !error ? JSON.stringify(query) : null;

  useEffect(() => {
    if (key === null) return;
    const { text: find, regex, caseSensitive } = JSON.parse(key) as FindQuery;
    let live = true;
    const timer = setTimeout(() => {
      call('find.positions', { documentId, find, regex, caseSensitive, wholeWord: false }).then((positions) => live && setFound({ key, positions }), onError);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, documentId, refreshKey, onError]);

  // Until the first answer for a new query lands, the rows of the last one stay (no flash of an empty grid).
  return { text, setText, error, positions: key === null ? null : (found?.positions ?? null) };
}
