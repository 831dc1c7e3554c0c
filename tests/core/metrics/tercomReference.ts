/**
 * sacrebleu's TercomTokenizer (normalized=True) transcribed rule for rule, every regex pass as written there:
 * the reference the fast tokenizer in core/metrics/tercomTokenize.ts is checked against.
 */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${PY_SPACE}]+`, 'g');
const LEADING = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING = new RegExp(`[${PY_SPACE}]+$`);

export function referenceTercomWords(sentence: string, normalize = true, caseSensitive = true): string[] {
  if (!sentence) return [];
  let s = caseSensitive ? sentence : sentence.toLowerCase();
  if (normalize) {
    s = s.replace(/\n-/g, '');
    s = s.replace(/\n/g, ' ');
    s = s.replace(/&quot;/g, '"');
    s = s.replace(/&amp;/g, '&');
    s = s.replace(/&lt;/g, '<');
    s = s.replace(/&gt;/g, '>');
    s = ` ${s} `;
    s = s.replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ');
    s = s.replace(/'s /g, " 's ");
    s = s.replace(/'s$/g, " 's");
    s = s.replace(/([^0-9])([.,])/g, '$1 $2 ');
    s = s.replace(/([.,])([^0-9])/g, ' $1 $2');
    s = s.replace(/([0-9])(-)/g, '$1 $2 ');
    s = s.replace(SPACES, ' ').replace(LEADING, '').replace(TRAILING, '');
  }
  return s.split(SPACES).filter((word) => word.length > 0);
}
