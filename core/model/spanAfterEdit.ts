/**
 * Where a span of a text is once the text is changed: the edit is the stretch between the longest common start
 * and end of the two texts; a span before it stays, a span after it moves by the change in length, and a span the
 * edit touches stays where it was (its words changed, as whoever reads it can tell by its quote).
 */
export function spanAfterEdit(before: string, after: string, start: number, end: number): { start: number; end: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (end <= prefix) return { start, end };
  if (start >= before.length - suffix) return { start: start + after.length - before.length, end: end + after.length - before.length };
  return { start, end };
}
