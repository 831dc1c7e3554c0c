let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** Plain edit distance (insertions, deletions, substitutions of one item each) between two sequences. */
export function levenshtein<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length < b.length) [a, b] = [b, a]; // keep the rows short
  const m = b.length;
  if (m === 0) return a.length;
  if (rowA.length < m + 1) {
    rowA = new Int32Array((m + 1) * 2);
    rowB = new Int32Array((m + 1) * 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const item = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const substitute = previous[j - 1]! + (item === b[j - 1] ? 0 : 1);
      const remove = previous[j]! + 1;
      const insert = current[j - 1]! + 1;
      current[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
    }
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}

/** Character edit rate in percent: character edit distance over the longer text's length (code points). */
export function charEditRate(mt: string, correction: string): number {
  const a = Array.from(mt);
  const b = Array.from(correction);
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : (100 * levenshtein(a, b)) / longer;
}
