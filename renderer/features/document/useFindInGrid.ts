import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compileReplace, patchMatches, type FindRow, type Replacer } from '../../../core/findReplace';
import { MAX_FIND_MATCHES, type FindColumn, type FindMatch } from '../../../core/model/find';
import type { Segment } from '../../../core/model/segment';
import { call, messageOf } from '../../lib/desktop';
import { sameMatch } from './gridHighlights';
import { returnFocus } from '../../lib/focusReturn';

export interface FindQuery {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

/** A query compiled (the same code the store runs), or why it cannot run, in the words core/findReplace uses. */
export function compileQuery(query: FindQuery): { finder: Replacer; error: null } | { finder: null; error: string | null } {
  if (query.text === '') return { finder: null, error: null };
  try {
    return { finder: compileReplace({ find: query.text, replace: '', regex: query.regex, caseSensitive: query.caseSensitive, wholeWord: false }), error: null };
  } catch (error) {
    return { finder: null, error: messageOf(error) };
  }
}

/** Why a query cannot run (an invalid regular expression); null when it can. */
export const queryError = (query: FindQuery): string | null => compileQuery(query).error;

/** A stored sentence as find reads it. */
export const findRowOf = (segment: Segment): FindRow => ({
  position: segment.position,
  sourceText: segment.sourceText,
  mtText: segment.mtText,
  currentText: segment.currentText,
});

/** Subscribes to the sentences each change landed (DocumentEditor.onLanded). */
export type OnLanded = (listener: (segments: readonly Segment[]) => void) => () => void;

/**
 * Find in the grid: the matches of a query in the columns shown, the current one, and stepping through them
 * in document order. The store is asked for the whole document only when the query (or the columns) change,
 * after what was typed is saved; after that each change patches the list from the sentences it landed
 * (core/findReplace/findPatch), tested here with the same compiled query. Only the rows `within` (a row
 * filter) are searched when one is on.
 */
const NO_MATCHES = { matches: [] as FindMatch[], truncated: false };

export function useFindInGrid(
  documentId: number,
  columns: readonly FindColumn[],
  within: readonly number[] | null,
  onLanded: OnLanded,
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
  const { finder, error } = useMemo(() => compileQuery(query), [query]);
  const columnKey = columns.join();
  const active = open && finder !== null && columns.length > 0;
  const key = JSON.stringify([documentId, query, columnKey]);
  const found = active && answer?.key === key ? answer : NO_MATCHES;
  /** What a landed change is patched with: the query and columns now shown. */
  const patching = useRef({ key, finder, columns, active });
  useEffect(() => {
    patching.current = { key, finder, columns, active };
  });
  /** Sentences landed while the whole-document answer was on its way: patched into it when it comes. */
  const landedSinceAsked = useRef(new Map<number, FindRow>());

  useEffect(
    () =>
      onLanded((segments) => {
        const { key: now, finder: compiled, columns: shown } = patching.current;
        if (!compiled) return;
        const rows = segments.map(findRowOf);
        for (const row of rows) landedSinceAsked.current.set(row.position, row);
        setAnswer((last) => (last?.key === now ? { key: now, ...patchMatches(last, rows, compiled, shown, MAX_FIND_MATCHES) } : last));
      }),
    [onLanded],
  );
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
        .then(() => {
          landedSinceAsked.current = new Map();
          return call('find.matches', { documentId, find: query.text, regex: query.regex, caseSensitive: query.caseSensitive, wholeWord: false, columns: [...columns] });
        })
        .then((whole) => {
          if (!live) return;
          // A save that landed while the answer was on its way may or may not be in it: test it again.
          const result = finder ? patchMatches(whole, [...landedSinceAsked.current.values()], finder, columns, MAX_FIND_MATCHES) : whole;
          landedSinceAsked.current = new Map();
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
  }, [active, key, flush, onError]);

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
    returnFocus(); // to the sentence the editor was in before finding
  }, []);

  return {
    open,
    setOpen,
    query,
    setQuery,
    error,
    matches,
    truncated: found.truncated,
    /** A new query is on its way to the store: no count to show yet (not "No matches"). */
    pending: active && answer?.key !== key,
    current: index === -1 ? null : current,
    index,
    byPosition,
    step,
    close,
  };
}

export type FindInGrid = ReturnType<typeof useFindInGrid>;
