import { tercomWords } from './tercomTokenize';

/**
 * How many words tercom's normalized, case-sensitive tokenization makes of a text (`tercomWords(text).length`)
 * — the reference length the store keeps for every sentence, which import computes for every sentence of a
 * document — counted in one pass without making the words when the text has none of what makes tercom's rules
 * depend on context: digits (the stop, comma and hyphen rules look at them), apostrophes (possessives), `&`
 * (entities) and line breaks. Such a text's words are its runs between whitespace, with each punctuation
 * character tercom pads and each stop or comma a word of its own. Any other text is tokenized in full.
 * tests/core/metrics/referenceWords.test.ts checks it against tercomWords.
 */
export function referenceWordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const kind = c < 0x80 ? ASCII[c]! : isPythonSpaceBeyondAscii(c) ? SPACE : WORD;
    if (kind === WORD) {
      if (!inWord) words++;
      inWord = true;
    } else if (kind === SPACE) {
      inWord = false;
    } else if (kind === ALONE) {
      words++;
      inWord = false;
    } else {
      return tercomWords(text).length;
    }
  }
  return words;
}

const WORD = 0;
const SPACE = 1;
/** Padded punctuation, stops and commas: a word by itself. */
const ALONE = 2;
/** Digits, apostrophe, `&`, line breaks: the rules depend on the context. */
const CONTEXT = 3;

const ASCII = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const padded = (c >= 0x7b && c <= 0x7e) || (c >= 0x5b && c <= 0x60) || (c >= 0x21 && c <= 0x2b) || (c >= 0x3a && c <= 0x40) || c === 0x2f;
  if (c === 0x0a || c === 0x0d || c === 0x26 || c === 0x27 || (c >= 0x30 && c <= 0x39)) ASCII[c] = CONTEXT;
  else if (padded || c === 0x2e || c === 0x2c) ASCII[c] = ALONE;
  else if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) ASCII[c] = SPACE;
  else ASCII[c] = WORD;
}

/** Python's whitespace beyond ASCII (what sacrebleu splits on). */
function isPythonSpaceBeyondAscii(c: number): boolean {
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}
