/**
 * Which legacy encoding makes a file's bytes read as Russian: a small model of Russian prose (letter
 * frequencies and letter case), pure so it can be tested without any decoder.
 */

/** Letter frequencies of Russian prose (share of all letters). */
const RUSSIAN_LETTERS: Readonly<Record<string, number>> = {
  о: 0.1097, е: 0.0845, а: 0.0801, и: 0.0735, н: 0.067, т: 0.0626, с: 0.0547, р: 0.0473, в: 0.0454, л: 0.044,
  к: 0.0349, м: 0.0321, д: 0.0298, п: 0.0281, у: 0.0262, я: 0.0201, ы: 0.019, ь: 0.0174, г: 0.017, з: 0.0165,
  б: 0.0159, ч: 0.0144, й: 0.0121, х: 0.0097, ж: 0.0094, ш: 0.0073, ю: 0.0064, ц: 0.0048, щ: 0.0036, э: 0.0032,
  ф: 0.0026, ъ: 0.0004, ё: 0.0004,
};
/** Other Cyrillic letters (Ukrainian, Serbian …) in Russian text. */
const OTHER_CYRILLIC = 0.0002;
/**
 * Punctuation and signs Russian text uses outside ASCII (prices in euros, paragraphs of a law, marks);
 * any other non-ASCII non-letter (box drawing …) is unlikely. Left out, `Цена: 5 €.` read better as Mac Cyrillic
 * (`÷ена: 5 И.`), whose letters sit where windows-1251 has these signs.
 */
const COMMON_SYMBOLS = new Set('«»—–…„“”‘’№\u00a0•°€§©®™±×');
const LOG_COMMON_SYMBOL = Math.log(1e-2);
const LOG_ODD_SYMBOL = Math.log(1e-5);
/** Case model: capitals start words, continue all-capital words, and almost never follow a small letter. */
const LOG_CASE = {
  atStart: { upper: Math.log(0.15), lower: Math.log(0.85) },
  afterUpper: { upper: Math.log(0.4), lower: Math.log(0.6) },
  afterLower: { upper: Math.log(0.003), lower: Math.log(0.997) },
};

const isCyrillic = (ch: string): boolean => /^\p{Script=Cyrillic}$/u.test(ch);
const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);

/** Log-likelihood of a decoded text under a simple model of Russian: letter frequencies and letter case. */
export function russianLogLikelihood(text: string): number {
  let total = 0;
  let previous: 'none' | 'upper' | 'lower' = 'none';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      previous = /[A-Za-z]/.test(ch) ? (ch === ch.toLowerCase() ? 'lower' : 'upper') : 'none';
      continue;
    }
    if (!isLetter(ch)) {
      total += COMMON_SYMBOLS.has(ch) ? LOG_COMMON_SYMBOL : LOG_ODD_SYMBOL;
      previous = 'none';
      continue;
    }
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    total += Math.log(isCyrillic(ch) ? (RUSSIAN_LETTERS[lower] ?? OTHER_CYRILLIC) : OTHER_CYRILLIC);
    const model = previous === 'none' ? LOG_CASE.atStart : previous === 'upper' ? LOG_CASE.afterUpper : LOG_CASE.afterLower;
    total += upper ? model.upper : model.lower;
    previous = upper ? 'upper' : 'lower';
  }
  return total;
}

/**
 * Of the same bytes read in several Cyrillic encodings, the reading that looks most like Russian, and how
 * sure that is. Earlier readings win ties. A reading's `prior` (1 unless given) is how likely its encoding is
 * before the text is read: a rare one must read that much better to win.
 */
export function pickMostRussian(readings: ReadonlyArray<{ encoding: string; text: string; prior?: number }>): { encoding: string; confidence: number } {
  if (readings.length === 0) throw new RangeError('pickMostRussian needs at least one reading');
  const scored = readings.map(({ encoding, text, prior = 1 }) => ({ encoding, score: russianLogLikelihood(text) + Math.log(prior) }));
  scored.sort((a, b) => b.score - a.score); // stable: earlier candidates win ties
  const best = scored[0]!;
  const runnerUp = scored[1];
  // The posterior of the best reading against the next best.
  const posterior = runnerUp ? 1 / (1 + Math.exp(runnerUp.score - best.score)) : 1;
  return { encoding: best.encoding, confidence: Math.min(0.99, Math.round(posterior * 100) / 100) };
}
