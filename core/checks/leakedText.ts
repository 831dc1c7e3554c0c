import type { SentenceCheck, SentenceInput } from './context';
import { runsOn } from './paragraphFacts';
import { insideAny, isLowerLetter, makeFlag, quoted, replacing, technicalSpans, type Edit, type Finding } from './text';

/**
 * Text that was never meant for the reader: metadata fused into the first sentence (`date 2022-01-06 The
 * situation …`), markup (`<b>`, `&amp;`), placeholders (`{0}`, `%s`, `[[x]]`), IDs and hashes, mis-decoded
 * characters (`Ã©`, `â€™`), invisible characters, and a sentence that starts in lower case (often the tail of
 * something cut off). Fixes remove a metadata prefix, formatting tags and invisible characters and decode
 * entities; a placeholder or an ID needs the editor.
 */

const PREFIX =
  /^(\s*)((?:[a-z_]{1,12}:?[ \t]+|[A-Z][a-z_]{0,11}:[ \t]*)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)[ \t]+(?=[\p{Lu}“"«(])/u;

const FORMATTING = new Set('b i u em strong span font small big s strike mark tt'.split(' '));
const TAG_NAMES =
  'a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|bpt|ept|ph|it|mrk|bx|ex|x|g|seg';
const TAG = new RegExp(`</?(?:${TAG_NAMES})(?:\\s[^<>]*)?/?>|</?[a-zA-Z][\\w:-]*\\s+[\\w:-]+\\s*=\\s*["'][^<>]*>|</[a-zA-Z][\\w:-]*\\s*>`, 'gu');

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', laquo: '«',
  raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£',
  deg: '°', times: '×', shy: '\u00ad', bull: '•', middot: '·', sect: '§', para: '¶',
};
const ENTITY = /&(?:([a-zA-Z]{2,8})|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/gu;

interface Pattern {
  pattern: RegExp;
  describe: (found: string) => string;
}

const LEAKS: Pattern[] = [
  {
    pattern: /\{\{[^{}\n]{1,40}\}\}|\{\d{1,2}\}|\{[A-Za-z_][\w.]{0,30}\}|\$\{[^{}\n]{1,40}\}|(?<![\p{L}\p{N}%])%(?:\d\$)?[sdif@](?![\p{L}\p{N}])|%\([a-z_]+\)[sd]|\[\[[^\]\n]{1,60}\]\]|\[%[^\]\n]{1,40}%\]/gu,
    describe: (found) => `The placeholder ${quoted(found)} is in the text`,
  },
  {
    pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/gu,
    describe: (found) => `The identifier ${quoted(found)} is in the text`,
  },
  {
    // `{32}` then `*`, not `{32,}`: V8 keeps a backtracking entry per repeat of a counted loop, which overflows
    // on a word of millions of hex letters (`aaaa…`); a plain star loop backtracks without a stack.
    pattern: /\b(?:ID|Id|id|REF|Ref|ref)[ \t]*(?:[:#№]|No\.?)[ \t]*\d{3}\d*\b|\b[0-9a-f]{32}[0-9a-f]*\b/gu,
    describe: (found) => `The identifier ${quoted(found)} is in the text`,
  },
  {
    pattern: /\\[ntr"\\]|\\u[0-9a-fA-F]{4}/gu,
    describe: (found) => `The escape sequence ${quoted(found)} is in the text`,
  },
  {
    pattern: /Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2122œ™]|Ð[\u0080-\u00bf]|\ufffd/gu,
    describe: (found) => `Mis-decoded characters ${quoted(found)} (the text was read in the wrong encoding)`,
  },
];

/** Control characters other than tab and line breaks, zero-width spaces and stray byte order marks. */
/** Control characters (zero-width spaces and a stray BOM are hidden text: hiddenText.ts flags them once). */
const isInvisible = (code: number): boolean => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

/** Lower-case name particles that may start a sentence: `de Gaulle`, `van Gogh`. */
const PARTICLES = new Set('de van von der den da di du la le al el bin ibn ben dos das del della ter ten'.split(' '));

function decodeEntity(match: RegExpMatchArray): string | undefined {
  const [, name, decimal, hex] = match;
  if (name !== undefined) return ENTITIES[name];
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/** Removes [start, end) so that the words around neither meet nor keep two spaces; a line break tag leaves a space. */
function removeTidily(text: string, start: number, end: number, breaksLine = false): Edit {
  const spaceBefore = start === 0 || /\s/u.test(text[start - 1]!);
  const spaceAfter = end === text.length || /\s/u.test(text[end]!);
  if (spaceBefore && spaceAfter && start > 0 && end < text.length) return replacing(start, end + 1, '');
  return replacing(start, end, breaksLine && !spaceBefore && !spaceAfter ? ' ' : '');
}

/** `(laughs) Yes`, `[applause]`: a stage direction or aside in brackets may start in lower case. */
const BRACKETED_START = /^\s*[([][^)\]]*[)\]]/u;
/** The source starts in lower case too: the MT kept what it was given (a fragment, a list item, a title). */
const startsLower = (source: string | null) => source !== null && /^[\s\p{P}\p{S}\p{N}]*\p{Ll}/u.test(source);

/** The sentence goes on from the one before it in its paragraph (paragraphFacts `runsOn`): no sentence start. */
function continuesPrevious(ctx: SentenceInput['ctx'] | undefined, index: number): boolean {
  const members = ctx?.paragraphMembers[index];
  const at = members ? members.indexOf(index) : -1;
  return at > 0 && runsOn(ctx!.sentences[members![at - 1]!]?.text ?? '');
}

export const checkLeakedText: SentenceCheck = ({ text, words: all, source, ctx, index }) => {
  const flags: Finding[] = [];
  const add = (severity: 'minor' | 'major' | 'critical', message: string, start: number, end: number, fix?: Edit) =>
    flags.push(makeFlag('leaked-text', severity, message, start, end, text, fix));

  const prefix = PREFIX.exec(text);
  if (prefix) {
    const start = prefix[1]!.length;
    const end = prefix[0].length;
    add('critical', `Metadata ${quoted(prefix[2]!)} is fused into the sentence`, start, end, replacing(start, end, ''));
  } else {
    const first = all[0];
    const opening = first ? text.slice(0, first.start) : '';
    if (first && isLowerLetter(first.text[0]) && /^[\s“"‘'«([]*$/u.test(opening)) {
      const brand = /\p{Lu}/u.test(first.text); // iPhone, eBay, mRNA
      const next = all[1];
      const particle = PARTICLES.has(first.text) && next !== undefined && /^\p{Lu}/u.test(next.text);
      const aside = BRACKETED_START.test(text) && first.start < (BRACKETED_START.exec(text)?.[0].length ?? 0);
      if (
        !brand &&
        !particle &&
        !aside &&
        !startsLower(source) &&
        !/^(?:https?|www|ftp)$/u.test(first.text) &&
        !insideAny(technicalSpans(text), first.start) &&
        !continuesPrevious(ctx, index)
      ) {
        add('minor', `The sentence starts in lower case: ${quoted(first.text)}`, first.start, first.end);
      }
    }
  }

  for (const match of text.matchAll(TAG)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const name = /^<\/?([a-zA-Z][\w:-]*)/u.exec(match[0])?.[1]?.toLowerCase() ?? '';
    const fix = FORMATTING.has(name) ? removeTidily(text, start, end) : name === 'br' ? removeTidily(text, start, end, true) : undefined;
    add('critical', `Markup ${quoted(match[0])} is in the text`, start, end, fix);
  }
  for (const match of text.matchAll(ENTITY)) {
    const decoded = decodeEntity(match);
    if (decoded === undefined) continue;
    const start = match.index ?? 0;
    add('major', `The HTML entity ${quoted(match[0])} stands for ${quoted(decoded)}`, start, start + match[0].length, replacing(start, start + match[0].length, decoded));
  }
  for (const { pattern, describe } of LEAKS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      add('critical', describe(match[0]), start, start + match[0].length);
    }
  }
  for (let at = 0; at < text.length; at++) {
    if (!isInvisible(text.charCodeAt(at))) continue;
    const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    add('major', `An invisible character (U+${code}) is in the text`, at, at + 1, replacing(at, at + 1, ''));
  }
  return flags;
};
