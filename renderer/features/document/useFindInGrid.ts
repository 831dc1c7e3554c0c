import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compileReplace } from '../../../core/findReplace';
import type { FindColumn, FindMatch } from '../../../core/model/find';
import { call, messageOf } from '../../lib/desktop';
import { sameMatch } from './gridHighlights';

export interface FindQuery {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

/** Why a query cannot run (an invalid regular expression), in the words core/findReplace uses; null when it can. */
export function queryError(query: FindQuery): string | null {
  if (query.text === '') return null;
  try {
    compileReplace({ find: query.text, replace: '', regex: query.regex, caseSensitive: query.caseSensitive, wholeWord: false });
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * Find in the grid: the matches of a query in the columns shown (asked of the store after what was typed is
 * saved, and again after each save), the current one, and stepping through them in document order. Only the
 * rows `within` (a row filter) are searched when one is on.
 */
const NO_MATCHES = { matches: [] as FindMatch[], truncated: false };

export function useFindInGrid(
  documentId: number,
  columns: readonly FindColumn[],
  within: readonly number[] | null,
  refreshKey: number,
  flush: () => Promise<void>,
  onError: (error: unknown) => void,
  /** Where a new query's first match is looked for from (the sentence being worked in), and how to show it. */
  from: () => number,
  onReveal: (position: number) => void,
) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<FindQuery>({ text: '', regex: false, caseSensitive: false });
  const [answer, setAnswer] = useState<{ key: string; matches: FindMatch[]; truncated: boolean } | null>(null);
  const [current, setCurrent] = useState<FindMatch | null>(null);
  const error = queryError(query);
  const columnKey = columns.join();
  const active = open && query.text !== '' && !error && columns.length > 0;
  const key = JSON.stringify([documentId, query, columnKey]);
  const found = active && answer?.key === key ? answer : NO_MATCHES;
  /** The query the current match belongs to: a new one starts at the first match from the working sentence. */
  const shownQuery = useRef('');
  const latest = useRef({ within, from, onReveal });
  useEffect(() => {
    latest.current = { within, from, onReveal };
  });

  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = setTimeout(() => {
      void flush()
        .then(() =>
          call('find.matches', { documentId, find: query.text, regex: query.regex, caseSensitive: query.caseSensitive, wholeWord: false, columns: [...columns] }),
        )
        .then((result) => {
          if (!live) return;
          setAnswer({ key, ...result });
          if (key === shownQuery.current) return;
          shownQuery.current = key;
          const { within: rows, from: start, onReveal: reveal } = latest.current;
          const shown = rows ? new Set(rows) : null;
          const candidates = shown ? result.matches.filter((m) => shown.has(m.position)) : result.matches;
          const next = candidates.find((m) => m.position >= start()) ?? candidates[0] ?? null;
          setCurrent(next);
          if (next) reveal(next.position);
        }, onError);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- documentId, query and columns by value (key)
  }, [active, key, refreshKey, flush, onError]);

  const matches = useMemo(() => {
    if (!within) return found.matches;
    const shown = new Set(within);
    return found.matches.filter((m) => shown.has(m.position));
  }, [found, within]);

  // The current match stays the same one when the list is asked again (an edit may take it away: then
  // none is current, and the next step starts from the first).
  const index = current ? matches.findIndex((m) => sameMatch(m, current)) : -1;

  const byPosition = useMemo(() => {
    const map = new Map<number, FindMatch[]>();
    if (open) for (const match of matches) map.set(match.position, [...(map.get(match.position) ?? []), match]);
    return map;
  }, [matches, open]);

  /** Moves to the next (or previous) match, wrapping around, and brings its row into view. */
  const step = useCallback(
    (direction: 1 | -1): void => {
      if (matches.length === 0) return;
      const at = index === -1 ? (direction === 1 ? 0 : matches.length - 1) : (index + direction + matches.length) % matches.length;
      const next = matches[at]!;
      setCurrent(next);
      onReveal(next.position);
    },
    [matches, index, onReveal],
  );

  const close = useCallback(() => {
    setOpen(false);
    setCurrent(null);
    shownQuery.current = '';
  }, []);

  return {
    open,
    setOpen,
    query,
    setQuery,
    error,
    matches,
    truncated: found.truncated,
    current: index === -1 ? null : current,
    index,
    byPosition,
    step,
    close,
  };
}

export type FindInGrid = ReturnType<typeof useFindInGrid>;
