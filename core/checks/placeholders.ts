import { makeFlag, quoted, replacing, type Finding } from './text';

/**
 * Placeholders of software strings (a PO file's c-format entries, resource files): printf's `%s`, `%1$d`,
 * `%(name)s`, `%.2f`, and `{0}` / `{name}`. A translation must keep each of its source's, once: a lost or added
 * one breaks the program (msgfmt -c refuses the file, printf reads the wrong argument). So must it keep the line
 * break a gettext string ends with, which msgfmt also checks. `%%` is a percent sign, and `50 % of` is prose
 * (printf's space flag is left out for that reason), and so is German `50%ige` (a letter after the conversion).
 */
const PLACEHOLDER = /%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+0#]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@](?!\p{L})|%%|\{(?:\d+|[A-Za-z_]\w*)\}/gu;

interface Placeholder {
  text: string;
  start: number;
  end: number;
}

function placeholdersOf(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match[0] !== '%%') found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The text with its placeholders blanked (spaces, offsets kept): `{1}` and `%1$s` hold no number to compare. */
export function withoutPlaceholders(text: string): string {
  return text.includes('%') || text.includes('{') ? text.replace(PLACEHOLDER, (p) => (p === '%%' ? p : ' '.repeat(p.length))) : text;
}

export function placeholderFlags(text: string, source: string): Finding[] {
  const flags: Finding[] = [];
  const wanted = placeholdersOf(source);
  const have = placeholdersOf(text);
  if (wanted.length > 0 || have.length > 0) {
    const left = wanted.map((p) => p.text);
    for (const p of have) {
      const at = left.indexOf(p.text);
      if (at >= 0) left.splice(at, 1);
      else flags.push(makeFlag('source-mismatch', 'major', `The placeholder ${quoted(p.text)} is not in the source`, p.start, p.end, text));
    }
    for (const missing of left) {
      flags.push(makeFlag('source-mismatch', 'major', `The source’s placeholder ${quoted(missing)} is missing from the translation`, 0, text.length, text));
    }
  }
  const sourceBreak = /\n$/u.test(source);
  const textBreak = /\n$/u.test(text);
  if (sourceBreak && !textBreak) {
    flags.push(makeFlag('source-mismatch', 'major', 'The source ends with a line break and the translation does not', text.length, text.length, text, replacing(text.length, text.length, '\n')));
  } else if (textBreak && !sourceBreak) {
    const at = text.length - 1;
    flags.push(makeFlag('source-mismatch', 'major', 'The translation ends with a line break the source does not have', at, text.length, text, replacing(at, text.length, '')));
  }
  return flags;
}
