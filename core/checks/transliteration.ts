/**
 * Words of a Cyrillic source written in Latin letters, so that a word the MT transliterated (`kalash` for
 * `калаш`, `runet` for `Рунет`, `kafirs` for `кафиров`) is recognised as a borrowing or a name taken from the
 * source, not a slip of the keys. Russian (and Ukrainian, Belarusian) letters by the common English
 * romanization, with the variants MT uses (х as kh or h, й as y or i).
 */

const LETTERS: Record<string, string[]> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['e', 'yo'], ж: ['zh'], з: ['z'], и: ['i'], й: ['y', 'i'],
  к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ф: ['f'],
  х: ['kh', 'h'], ц: ['ts'], ч: ['ch'], ш: ['sh'], щ: ['shch', 'sch'], ъ: [''], ы: ['y'], ь: [''], э: ['e'], ю: ['yu'],
  я: ['ya'], і: ['i'], ї: ['yi'], є: ['ye'], ґ: ['g'], ў: ['u'],
};
/** Variants grow with every letter that has two; past this many a word keeps its first reading only. */
const MAX_VARIANTS = 8;

/** The Latin spellings of one Cyrillic word (lower case). */
export function romanize(word: string): string[] {
  let readings = [''];
  for (const char of word.toLowerCase()) {
    const options = LETTERS[char] ?? [char];
    const next = readings.flatMap((r) => options.map((o) => r + o));
    readings = next.length > MAX_VARIANTS ? readings.map((r) => r + options[0]!) : next;
  }
  return readings;
}

/** The part of a word compared: inflections differ at the end (`kafirs` / `кафиров` → `kafirov`). */
const stem = (word: string) => word.slice(0, Math.max(4, word.length - 2));

/** A test for Latin words that are transliterations of the Cyrillic words of `source`. */
export function transliterationsOf(source: string): (word: string) => boolean {
  const stems = new Set<string>();
  for (const word of source.match(/\p{Script=Cyrillic}+/gu) ?? []) {
    if (word.length < 4) continue;
    for (const reading of romanize(word)) stems.add(stem(reading));
  }
  if (stems.size === 0) return () => false;
  return (word: string) => {
    const lower = word.toLowerCase();
    if (lower.length < 4) return false;
    const own = stem(lower);
    for (const candidate of stems) {
      if (candidate.startsWith(own) || own.startsWith(candidate)) return true;
    }
    return false;
  };
}
