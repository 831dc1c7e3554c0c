/**
 * Whether `other` is `word` with one slip of the keys: a letter added, dropped or struck for another, or two
 * neighbours swapped (`recieved`, `goverment`, `definately`, `teh`). Compared case-insensitively, so a word
 * that differs only in its capitals (`english` / `English`) is as near. A speller's suggestion further off than
 * that (`majeure` → `manure`, `akimats` → `animate`) is seldom the word meant, so it is offered as no fix (the flag
 * itself stays: on the annotated MT, such words were as often marked errors as those with a near suggestion).
 */
export function isOneEditAway(word: string, other: string): boolean {
  const a = word.toLowerCase();
  const b = other.toLowerCase();
  if (a === b) return word !== other;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One letter for another, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more in the longer.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
