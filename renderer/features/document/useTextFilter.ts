import { useEffect, useMemo, useRef, useState } from 'react';
import { patchPositions, type FindRow } from '../../../core/findReplace';
import { call } from '../../lib/desktop';
import { compileQuery, findRowOf, type FindQuery, type OnLanded } from './useFindInGrid';

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
 * The text/regex row filter: the positions of the sentences whose source, MT or correction match, or null when
 * the box is empty. The store is asked for the whole document when the query changes; each change after that
 * patches the positions from the sentences it landed. An invalid regex filters nothing and says why.
 */
export function useTextFilter(documentId: number, onLanded: OnLanded, onError: (error: unknown) => void) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ key: string; positions: number[] } | null>(null);
  const query = useMemo(() => parseFilter(text), [text]);
  const { finder, error } = useMemo(() => (query ? compileQuery(query) : { finder: null, error: null }), [query]);
  const key = query && finder ? JSON.stringify([documentId, query]) : null;
  const patching = useRef({ key, finder });
  useEffect(() => {
    patching.current = { key, finder };
  });
  /** Sentences landed while the whole-document answer was on its way: patched into it when it comes. */
  const landedSinceAsked = useRef(new Map<number, FindRow>());

  useEffect(
    () =>
      onLanded((segments) => {
        const { key: now, finder: compiled } = patching.current;
        if (now === null || !compiled) return;
        const rows = segments.map(findRowOf);
        for (const row of rows) landedSinceAsked.current.set(row.position, row);
        setFound((last) => (last?.key === now ? { key: now, positions: patchPositions(last.positions, rows, compiled) } : last));
      }),
    [onLanded],
  );

  useEffect(() => {
    if (key === null || finder === null) return;
    const { text: find, regex, caseSensitive } = query!;
    let live = true;
    const timer = setTimeout(() => {
      landedSinceAsked.current = new Map();
      call('find.positions', { documentId, find, regex, caseSensitive, wholeWord: false }).then((whole) => {
        if (!live) return;
        const positions = patchPositions(whole, [...landedSinceAsked.current.values()], finder);
        landedSinceAsked.current = new Map();
        setFound({ key, positions });
      }, onError);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query by value (key)
  }, [key, onError]);

  // Until the first answer for a new query lands, the rows of the last one stay (no flash of an empty grid).
  // `shownFor` names the query the positions answer (the last one's while a new one is asked); `settled`, that
  // they answer the query in the box.
  const shownFor = key === null ? null : (found?.key ?? null);
  return { text, setText, error, positions: key === null ? null : (found?.positions ?? null), shownFor, settled: shownFor === key };
}
