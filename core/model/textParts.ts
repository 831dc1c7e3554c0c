/**
 * A text cut into parts of at most `size` UTF-16 code units, joined back by concatenation. A cut never falls
 * inside a surrogate pair: each half alone would be stored (UTF-8) as U+FFFD and the character lost.
 */
export function textParts(text: string, size: number): string[] {
  if (!(size >= 2)) throw new RangeError(`A part must hold at least 2 code units, not ${size}.`);
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
