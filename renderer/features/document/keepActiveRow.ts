import { useMemo, useState } from 'react';

/**
 * The filtered rows with the sentence being edited kept among them. A correction can take its own row out of
 * the filter that showed it (typing makes a "Not started" sentence "Edited", a fix clears the flag a flag filter
 * shows): the row stays until the editor leaves it, so the text box under the caret never becomes another
 * sentence's. Only a row the filter (`filterKey`) has shown is kept: choosing another filter shows just its rows.
 */
export function useKeptActiveRow(positions: readonly number[] | null, active: number | null, filterKey: string): readonly number[] | null {
  // The last sentence this filter showed with the caret in it (React's "state from the previous render" pattern).
  const [shown, setShown] = useState<{ filterKey: string; position: number } | null>(null);
  const listed = positions !== null && active !== null && positions[placeOf(positions, active)] === active;
  if (listed && (shown?.filterKey !== filterKey || shown.position !== active)) setShown({ filterKey, position: active });
  // Every row shown (no filter) forgets it: choosing the filter again shows just its rows.
  if (positions === null && shown !== null) setShown(null);
  const kept = !listed && active !== null && shown?.filterKey === filterKey && shown.position === active;
  return useMemo(() => (kept && positions !== null && active !== null ? withRow(positions, active) : positions), [kept, positions, active]);
}

/** The positions (in increasing order) with `position` among them, once. */
export function withRow(positions: readonly number[], position: number): readonly number[] {
  const at = placeOf(positions, position);
  return positions[at] === position ? positions : [...positions.slice(0, at), position, ...positions.slice(at)];
}

/** Where `position` is, or belongs, in increasing `positions`. */
function placeOf(positions: readonly number[], position: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
