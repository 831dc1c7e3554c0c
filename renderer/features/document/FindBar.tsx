import { useEffect, useRef } from 'react';
import type { FindInGrid } from './useFindInGrid';

/**
 * The find bar over the grid (Ctrl+F): what to find, case and regex toggles, "3 of 17", previous and next.
 * Enter and F3 go to the next match, Shift+Enter and Shift+F3 to the previous one; Escape closes the bar.
 * It is docked above the grid (the grid starts below it), so it covers no row, and opening it moves no
 * toolbar control. A regex it cannot run is said at its left, in its own line of the bar (and so is the row filter's).
 */
export function FindBar({ find, focusNonce, rowFilterError }: { find: FindInGrid; focusNonce: number; rowFilterError: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusNonce]);
  const { query, setQuery, matches, index, truncated, error, pending } = find;
  const count =
    query.text === '' || error || pending
      ? ''
      : matches.length === 0
        ? 'No matches'
        : `${index === -1 ? 0 : index + 1} of ${matches.length.toLocaleString('en')}${truncated ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in the document" data-testid="find-bar">
      <input
        ref={input}
        type="text"
        className="find-input"
        aria-label="Find"
        placeholder="Find in source, MT and correction"
        value={query.text}
        aria-invalid={error !== null}
        aria-describedby={error ? 'find-error' : undefined}
        onChange={(e) => setQuery({ ...query, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            find.close();
          }
        }}
      />
      <button
        type="button"
        className={`icon-button find-toggle${query.caseSensitive ? ' toggle-on' : ''}`}
        aria-pressed={query.caseSensitive}
        aria-label="Match case"
        title="Match case"
        onClick={() => setQuery({ ...query, caseSensitive: !query.caseSensitive })}
      >
        Aa
      </button>
      <button
        type="button"
        className={`icon-button find-toggle${query.regex ? ' toggle-on' : ''}`}
        aria-pressed={query.regex}
        aria-label="Regular expression"
        title="Regular expression"
        onClick={() => setQuery({ ...query, regex: !query.regex })}
      >
        .*
      </button>
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {count}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter, Shift+F3)" disabled={matches.length === 0} onClick={() => find.step(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter, F3)" disabled={matches.length === 0} onClick={() => find.step(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Escape)" onClick={find.close}>
        ×
      </button>
      {error && (
        <p id="find-error" className="find-error" role="alert" title={error}>
          {error}
        </p>
      )}
      {/* The row filter's own problem, said here while the bar is open: under the filter it would cover this bar's field. */}
      {rowFilterError && (
        <p id="text-filter-error" className="find-error" role="alert" title={rowFilterError} data-testid="text-filter-error">
          Row filter: {rowFilterError}
        </p>
      )}
    </div>
  );
}
