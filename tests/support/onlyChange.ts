/** `out` is `original` with exactly one stretch replaced: returns [removed, inserted]. */
export function onlyChange(original: string, out: string): [string, string] {
  let start = 0;
  while (start < original.length && start < out.length && original[start] === out[start]) start++;
  let end = 0;
  while (end < original.length - start && end < out.length - start && original[original.length - 1 - end] === out[out.length - 1 - end]) end++;
  return [original.slice(start, original.length - end), out.slice(start, out.length - end)];
}
