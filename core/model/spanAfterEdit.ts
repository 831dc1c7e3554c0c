/**
 * Where a span of a text is once the text is changed: where it was while the text up to its end is unchanged; moved
 * by the change in length while the text from its start on is unchanged (the edit was before it); else where it
 * was — its words changed, or the text changed on both sides of it, as whoever reads it can tell by its quote. A
 * span past the end of the text (stale) stays as it is, so an undo finds it where it was.
 */
export function spanAfterEdit(before: string, after: string, start: number, end: number): { start: number; end: number } {
  if (end > before.length || after.startsWith(before.slice(0, end))) return { start, end };
  const delta = after.length - before.length;
  if (start + delta >= 0 && after.endsWith(before.slice(start))) return { start: start + delta, end: end + delta };
  return { start, end };
}
