import { sentenceSpans } from '../segmentation';
import { escapeTyped, placesOf, type MarkdownPlace } from './markdownEscape';
import { normalizeLabel, parseInline } from './markdownInline';
import { tagChar, type FormatHandler, type ParsedDocument, type ParsedUnit, type ReviewedUnit } from './types';
import { checkKeptTags, checkPairOrder } from './keptTags';
import { TagCollector, expandTags, reviewedTexts } from './units';

/**
 * Markdown: the sentences of headings, paragraphs, list items, block quotes and table cells are the units;
 * the markup stays out of them. Block markup (`#`, `>`, list markers, table pipes, indentation), fenced and
 * indented code, HTML blocks, front matter, thematic breaks and link definitions are skeleton; inline markup
 * (`**`, `_`, `[`, `](url)`, code spans, inline HTML …) becomes tag characters inside the sentence.
 * A paragraph wrapped over several lines is read as one text: Markdown shows a soft line break as a space, so a
 * sentence crosses it (`This sentence is` / `wrapped here.` is one sentence), and so may inline markup (`**bold`
 * / `text**`). The editor sees a space there; the line break and the next line's container markup (`> `, list
 * indentation) are kept for that space (`breaks`) and written again wherever it is still there. A hard break
 * (two spaces or a backslash at the end of the line) still ends the text, as before.
 */

export interface MarkdownSkeleton {
  /** The document in order: literal markup and whitespace (strings) and units (their index). */
  parts: Array<string | number>;
  /** Per unit, the markup each of its tag characters stands for. */
  tags: string[][];
  /**
   * Per unit, one letter per tag: o opens a span (`**`, `[`), c closes one (`**`, `](url)`), a stands alone (a code
   * span, <br>). Absent in skeletons stored before it was recorded: their tags must keep the MT's order.
   */
  roles?: string[];
  /**
   * Per unit, the spaces of its text that stand for a soft line break: their offset in the MT text and the markup
   * written there (the line's end, the next line's container markup and indentation). Absent before it was recorded.
   */
  breaks?: Array<Array<[number, string]>>;
}

interface Line {
  content: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/gy;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text)!;
    lines.push({ content: match[1]!, eol: match[2]! });
  }
  return lines;
}

const BLANK = /^[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_QUOTE = /^ {0,3}>[ \t]?/;
const BULLET_ITEM = /^ {0,3}[-+*](?:[ \t]+(\[[ xX]\][ \t]+)?|$)/;
const ORDERED_ITEM = /^ {0,3}\d{1,9}[.)](?:[ \t]+(\[[ xX]\][ \t]+)?|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSING = /(?:[ \t]+#+)?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\S/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:[ \t]*/;
const TABLE_DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FRONT_MATTER = /^(?:---|\+\+\+)$/;

const HTML_BLOCK_ELEMENTS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|' +
  'main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|' +
  'title|tr|track|ul';
const HTML_BLOCKS: ReadonlyArray<{ start: RegExp; end: RegExp | null; interruptsParagraph: boolean }> = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interruptsParagraph: true },
  { start: /^ {0,3}<!--/, end: /-->/, interruptsParagraph: true },
  { start: /^ {0,3}<\?/, end: /\?>/, interruptsParagraph: true },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, interruptsParagraph: true },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true },
  { start: new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_ELEMENTS})(?:[\\s>]|/>|$)`, 'i'), end: null, interruptsParagraph: true },
  {
    start: /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/,
    end: null,
    interruptsParagraph: false,
  },
];

/** Columns of leading whitespace (a tab to the next multiple of 4). */
function indentWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Splits a table row into its pipes and padding (markup) and cell contents, on unescaped pipes. */
function splitCells(row: string): Array<{ markup: string } | { cell: string }> {
  const out: Array<{ markup: string } | { cell: string }> = [];
  let cell = '';
  const flushCell = () => {
    const lead = /^[ \t]*/.exec(cell)![0];
    const trail = /[ \t]*$/.exec(cell.slice(lead.length))![0];
    const content = cell.slice(lead.length, cell.length - trail.length);
    if (lead) out.push({ markup: lead });
    if (content) out.push({ cell: content });
    if (trail) out.push({ markup: trail });
    cell = '';
  };
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && i + 1 < row.length) {
      cell += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      flushCell();
      out.push({ markup: '|' });
    } else {
      cell += ch;
    }
  }
  flushCell();
  return out;
}

/** Labels of the document's link reference definitions, so `[text]` and `[text][]` are known to be links. */
function referenceLabels(lines: readonly Line[]): Set<string> {
  const labels = new Set<string>();
  for (const { content } of lines) {
    const match = /^[ \t>]*\[((?:[^\]\\]|\\.)+)\]:/.exec(content);
    if (match && !match[1]!.startsWith('^')) labels.add(normalizeLabel(match[1]!));
  }
  return labels;
}

/** Builds the units and the skeleton while the lines are walked. */
class Builder {
  readonly units: ParsedUnit[] = [];
  readonly parts: Array<string | number> = [];
  readonly tags: string[][] = [];
  readonly roles: string[] = [];
  readonly breaks: Array<Array<[number, string]>> = [];
  paragraph = 0;
  /** 1-based line being read, for messages. */
  line = 0;

  constructor(
    private readonly references: ReadonlySet<string>,
    private readonly name: string,
  ) {}

  markup(s: string): void {
    if (!s) return;
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += s;
    else this.parts.push(s);
  }

  /**
   * Inline content of one line, or of a paragraph's lines joined by "\n": its sentences become units, the rest
   * markup. `lineBreaks[k]` is the markup the k-th "\n" stands for (see MarkdownSkeleton.breaks).
   */
  inline(content: string, lineBreaks: readonly string[] = []): void {
    if (!content) return;
    let nextBreak = 0;
    const withBreaks = (markup: string) => markup.replace(/\n/g, () => lineBreaks[nextBreak++] ?? '\n');
    // Atoms: each text character and each tag. The segmenter sees the text as is, a stand-alone tag (code,
    // <br>) as a word and other tags as nothing; `atomAt[k]` is the atom behind `plain[k]`.
    const atoms: Atom[] = [];
    let plain = '';
    const atomAt: number[] = [];
    for (const piece of parseInline(content, this.references)) {
      if (piece.kind === 'text') {
        for (const ch of piece.text.split('')) {
          // A soft line break reads as a space, and is written as the markup it stands for.
          atoms.push(ch === '\n' ? { char: ' ', lineBreak: lineBreaks[nextBreak++] ?? '\n' } : { char: ch });
          plain += ch === '\n' ? ' ' : ch;
          atomAt.push(atoms.length - 1);
        }
      } else {
        atoms.push({ markup: withBreaks(piece.markup), role: piece.role });
        if (piece.role === 'atom') {
          plain += STAND_IN;
          for (let k = 0; k < STAND_IN.length; k++) atomAt.push(atoms.length - 1);
        }
      }
    }
    // An over-long run is never cut between the letters standing in for one tag: both pieces would hold it.
    const startsAtom = (k: number) => atomAt[k] !== atomAt[k - 1];
    const spans = sentenceSpans(plain, 0, undefined, undefined, startsAtom).map((span) => ({ start: atomAt[span.start]!, end: atomAt[span.end - 1]! + 1 }));
    const isTag = (i: number, role: 'open' | 'close') => {
      const atom = atoms[i];
      return atom !== undefined && 'role' in atom && atom.role === role;
    };
    // Open tags right before a sentence and close tags right after it belong to it.
    spans.forEach((span, s) => {
      const floor = spans[s - 1]?.end ?? 0;
      while (span.start > floor && isTag(span.start - 1, 'open')) span.start--;
      const ceiling = spans[s + 1]?.start ?? atoms.length;
      while (span.end < ceiling && isTag(span.end, 'close')) span.end++;
    });
    const raw = (from: number, to: number) =>
      atoms
        .slice(from, to)
        .map((a) => ('lineBreak' in a ? a.lineBreak : 'char' in a ? a.char : a.markup))
        .join('');
    let cursor = 0;
    for (const span of spans) {
      this.markup(raw(cursor, span.start));
      cursor = span.end;
      const collector = new TagCollector(() => `${this.name}, line ${this.line}`);
      let roles = '';
      let text = '';
      const lineBreaks: Array<[number, string]> = [];
      for (const a of atoms.slice(span.start, span.end)) {
        if ('lineBreak' in a) lineBreaks.push([text.length, a.lineBreak]);
        if ('char' in a) text += a.char;
        else {
          roles += a.role[0];
          text += collector.add(a.markup);
        }
      }
      if (text.replace(TAG_CHARS, '').trim() === '') {
        this.markup(raw(span.start, span.end)); // nothing but markup: not a sentence to review
        continue;
      }
      this.parts.push(this.units.length);
      this.tags.push(collector.tags);
      this.roles.push(roles);
      this.breaks.push(lineBreaks);
      this.units.push({ key: String(this.units.length + 1), paragraph: this.paragraph, source: null, target: text });
    }
    this.markup(raw(cursor, atoms.length));
  }
}

type Atom = { char: string } | { char: ' '; lineBreak: string } | { markup: string; role: 'open' | 'close' | 'atom' };
/** What the segmenter sees for a stand-alone tag: a word (not one capital, which would read as an initial). */
const STAND_IN = 'Xx';
const TAG_CHARS = /[\uE000-\uEFFF]/g;

type HtmlEnd = RegExp | 'blank';

function parseMarkdown(text: string, name: string): ParsedDocument<MarkdownSkeleton> {
  const lines = splitLines(text);
  const builder = new Builder(referenceLabels(lines), name);
  let fence: { char: string; length: number } | null = null;
  let html: HtmlEnd | null = null;
  let paragraphOpen = false;
  let previousBlank = true;
  let table = false;
  /** Content column of the last list item, while later lines may continue it. */
  let listIndent: number | null = null;
  /** Block quotes around that list item: the list ends with them. */
  let listQuotes = 0;

  const newParagraph = () => {
    builder.paragraph++;
  };
  /** How deep in block quotes the paragraph being read is. */
  let paragraphQuotes = 0;
  /** The lines of the paragraph being read: written as one text (soft line breaks and all) once it ends. */
  let pending: Array<{ before: string; body: string; after: string; line: number }> = [];
  const flush = () => {
    if (pending.length === 0) return;
    const reading = builder.line;
    builder.line = pending[0]!.line;
    builder.markup(pending[0]!.before);
    // Each break: the line's trailing spaces and end, then the next line's container markup and indentation.
    const breaks = pending.slice(1).map((line, k) => pending[k]!.after + line.before);
    builder.inline(pending.map((line) => line.body).join('\n'), breaks);
    builder.markup(pending.at(-1)!.after);
    builder.line = reading;
    pending = [];
  };
  /** A line ending in a hard break (two spaces, or a backslash): the text ends there, as a line did before. */
  const endsHard = (line: { body: string; after: string }) => / {2}(?:\r\n|\n|\r)?$/.test(line.after) || /(?:^|[^\\])(?:\\\\)*\\$/.test(line.body);

  // A byte-order mark left in the text is markup, not the start of the first line's content.
  if (lines[0]?.content.startsWith('\uFEFF')) {
    builder.markup('\uFEFF');
    lines[0] = { ...lines[0], content: lines[0].content.slice(1) };
  }
  let first = 0;
  if (lines.length > 1 && FRONT_MATTER.test(lines[0]!.content)) {
    const close = lines.findIndex((l, i) => i > 0 && (l.content === lines[0]!.content || l.content === '...'));
    if (close > 0) {
      for (let i = 0; i <= close; i++) builder.markup(lines[i]!.content + lines[i]!.eol);
      first = close + 1;
    }
  }

  for (let n = first; n < lines.length; n++) {
    const { content, eol } = lines[n]!;
    builder.line = n + 1;
    const skeletonLine = () => builder.markup(content + eol);

    if (fence) {
      skeletonLine();
      const inner = content.replace(/^[ \t>]*/, '');
      if (new RegExp(`^\\${fence.char}{${fence.length},}[ \\t]*$`).test(inner)) fence = null;
      continue;
    }
    if (html) {
      skeletonLine();
      if (html === 'blank' ? BLANK.test(content) : html.test(content)) html = null;
      if (html === null) paragraphOpen = false;
      continue;
    }
    if (BLANK.test(content)) {
      flush();
      skeletonLine();
      paragraphOpen = false;
      previousBlank = true;
      table = false;
      continue;
    }

    // Container markers: block quotes and list items, nested in any order.
    let pos = 0;
    let quotes = 0;
    let afterQuotes = 0;
    let listItem = false;
    let rule = false;
    for (;;) {
      const rest = content.slice(pos);
      if (THEMATIC_BREAK.test(rest) || SETEXT_UNDERLINE.test(rest)) {
        rule = true; // also a lone "-": an empty list item, markup either way
        break;
      }
      const quote = BLOCK_QUOTE.exec(rest);
      if (quote) {
        pos += quote[0].length;
        if (!listItem) {
          quotes++;
          afterQuotes = pos;
        }
        continue;
      }
      const ordered = ORDERED_ITEM.exec(rest);
      const item = BULLET_ITEM.exec(rest) ?? (ordered && (!paragraphOpen || listItem || listIndent !== null || /^ {0,3}0*1\D/.test(rest)) ? ordered : null);
      if (item && !(paragraphOpen && !listItem && BLANK.test(rest.slice(item[0].length)))) {
        pos += item[0].length;
        listItem = true;
        // The item's content column; a task box is part of the content.
        listIndent = indentWidth(content.slice(afterQuotes, pos - (item[1]?.length ?? 0)).replace(/[^\t]/g, ' '));
        listQuotes = quotes;
        continue;
      }
      break;
    }
    const prefix = content.slice(0, pos);
    const rest = content.slice(pos);

    if (rule) {
      flush();
      skeletonLine();
      paragraphOpen = false;
      previousBlank = false;
      table = false;
      continue;
    }
    if (BLANK.test(rest)) {
      // "> " alone: a blank line inside a block quote.
      flush();
      skeletonLine();
      paragraphOpen = false;
      previousBlank = true;
      table = false;
      continue;
    }

    const indent = indentWidth(rest);
    if (!listItem && listIndent !== null && (quotes < listQuotes || (previousBlank && indent < 2))) listIndent = null;
    const codeIndent = listIndent !== null && !listItem ? listIndent + 4 : 4;
    if (!listItem && indent >= codeIndent && (previousBlank || !paragraphOpen) && !table) {
      flush();
      skeletonLine(); // indented code
      previousBlank = false;
      paragraphOpen = false;
      continue;
    }

    const fenceOpen = FENCE_OPEN.exec(rest);
    if (fenceOpen) {
      flush();
      skeletonLine();
      fence = { char: fenceOpen[1]![0]!, length: fenceOpen[1]!.length };
      paragraphOpen = false;
      previousBlank = false;
      continue;
    }
    const htmlBlock = HTML_BLOCKS.find((b) => b.start.test(rest) && (b.interruptsParagraph || !paragraphOpen));
    if (htmlBlock) {
      flush();
      skeletonLine();
      const end = htmlBlock.end;
      if (end === null) html = 'blank';
      else if (!end.test(rest)) html = end;
      paragraphOpen = false;
      previousBlank = false;
      continue;
    }
    if (!paragraphOpen && LINK_DEFINITION.test(rest) && !rest.trimStart().startsWith('[^')) {
      flush();
      skeletonLine();
      previousBlank = false;
      continue;
    }

    previousBlank = false;
    const heading = ATX_HEADING.exec(rest);
    if (heading) {
      flush();
      newParagraph();
      const body = rest.slice(heading[0].length);
      const closing = ATX_CLOSING.exec(body)!;
      builder.markup(prefix + heading[0]);
      builder.inline(body.slice(0, closing.index));
      builder.markup(body.slice(closing.index) + eol);
      paragraphOpen = false;
      table = false;
      continue;
    }

    const next = lines[n + 1]?.content.replace(/^(?: {0,3}>[ \t]?)*/, '') ?? '';
    if (!table && rest.includes('|') && next.includes('|') && TABLE_DELIMITER_ROW.test(next)) table = true;
    if (table) {
      flush();
      builder.markup(prefix);
      if (TABLE_DELIMITER_ROW.test(rest) && rest.includes('-')) {
        builder.markup(rest);
      } else {
        newParagraph();
        for (const part of splitCells(rest)) {
          if ('markup' in part) builder.markup(part.markup);
          else builder.inline(part.cell);
        }
      }
      builder.markup(eol);
      paragraphOpen = false;
      continue;
    }

    const footnote = FOOTNOTE_DEFINITION.exec(rest);
    // A deeper block quote opens a block of its own; a shallower one (a lazy line) goes on as a text of its own.
    if (listItem || !paragraphOpen || quotes > paragraphQuotes) {
      flush();
      newParagraph();
    } else if (footnote || quotes !== paragraphQuotes || (pending.length > 0 && endsHard(pending.at(-1)!))) flush();
    if (pending.length === 0) paragraphQuotes = quotes;
    paragraphOpen = true;
    const lead = footnote ? footnote[0] : /^[ \t]*/.exec(rest)![0];
    const body = rest.slice(lead.length);
    const trail = /[ \t]*$/.exec(body)![0];
    pending.push({ before: prefix + lead, body: body.slice(0, body.length - trail.length), after: trail + eol, line: n + 1 });
  }
  flush();

  // Paragraph numbers of the units, made consecutive (blocks without sentences leave no gaps).
  const renumber = new Map<number, number>();
  for (const unit of builder.units) {
    if (!renumber.has(unit.paragraph)) renumber.set(unit.paragraph, renumber.size + 1);
    unit.paragraph = renumber.get(unit.paragraph)!;
  }
  return { format: 'markdown', units: builder.units, skeleton: { parts: builder.parts, tags: builder.tags, roles: builder.roles, breaks: builder.breaks } };
}

const HORIZONTAL_SPACE = /^[ \t]+$/;

/**
 * Where a soft line break of the MT (the space at `at`) is in the edited text, or null when the edit took it: in
 * the same place while the text up to it is unchanged (and the MT's word still follows it), moved by the change in
 * length while the text from it on is, else between the same two words where they stand together once. Left out,
 * the two lines are written as one, which reads the same.
 */
function breakAfterEdit(mt: string, text: string, at: number): number | null {
  const right = /^\S+/u.exec(mt.slice(at + 1))?.[0];
  if (!right) return null;
  // The next line must open with the MT's word: what was typed there (`- 5`, `# 2`) could open a list or a heading.
  if (text.startsWith(mt.slice(0, at + 1)) && text.startsWith(right, at + 1)) return at;
  const moved = at + text.length - mt.length;
  if (moved >= 0 && text.endsWith(mt.slice(at))) return moved;
  const left = /\S+$/u.exec(mt.slice(0, at))?.[0];
  if (!left) return null;
  const pair = `${left} ${right}`;
  const found = text.indexOf(pair);
  return found >= 0 && text.indexOf(pair, found + 1) < 0 ? found + left.length : null;
}

/** Whether a line beginning so would open a block, ending the paragraph before it (or making it a heading). */
function opensBlock(line: string): boolean {
  return (
    [THEMATIC_BREAK, SETEXT_UNDERLINE, BLOCK_QUOTE, BULLET_ITEM, ORDERED_ITEM, FENCE_OPEN, ATX_HEADING, TABLE_DELIMITER_ROW].some((opener) => opener.test(line)) ||
    HTML_BLOCKS.some((block) => block.start.test(line))
  );
}

/**
 * The text with its kept soft line breaks as tag characters after the unit's own (`tags` grows by their markup), so
 * that escaping and expanding treat each as the markup it is. `places` are offsets of spaces in `text`, in order.
 */
function withBreakTags(text: string, tags: readonly string[], places: ReadonlyArray<[number, string]>): { text: string; tags: string[] } {
  const all = [...tags];
  let out = '';
  let from = 0;
  for (const [at, markup] of places) {
    if (at < from || text[at] !== ' ') continue;
    out += text.slice(from, at) + tagChar(all.length);
    all.push(markup);
    from = at + 1;
  }
  return { text: out + text.slice(from), tags: all };
}

function writeMarkdown(document: ParsedDocument<MarkdownSkeleton>, units: readonly ReviewedUnit[]): string {
  const texts = reviewedTexts(document, units);
  const { parts, tags } = document.skeleton;
  // Read only when a sentence was edited: where each sentence sits, and the link labels the document defines.
  let places: Map<number, MarkdownPlace> | null = null;
  let references: Set<string> | null = null;
  const written = (part: number, index: number): string => {
    const text = texts[part] ?? '';
    const mt = document.units[part]?.target;
    const breaks = document.skeleton.breaks?.[part] ?? [];
    if (mt === undefined || text === mt) {
      const kept = withBreakTags(text, tags[part] ?? [], breaks);
      return expandTags(kept.text, kept.tags, `Sentence ${part + 1}`);
    }
    places ??= placesOf(parts);
    references ??= referenceLabels(splitLines(parts.filter((p) => typeof p === 'string').join('')));
    const place = places.get(index) ?? { cell: false, heading: false, lineStart: false };
    // The MT with every break, the text with those the edit left, each as the same tag: escaping compares the two.
    const kept: Array<{ at: number; now: number; markup: string }> = [];
    for (const [at, markup] of breaks) {
      const now = breakAfterEdit(mt, text, at);
      if (now !== null && !kept.some((b) => b.now === now)) kept.push({ at, now, markup });
    }
    kept.sort((a, b) => a.now - b.now);
    // A break stays only where the lines it makes read as they did: a space typed before it would make it a hard
    // break (two spaces at a line's end), and a line that opens as a block would end the paragraph there.
    for (let k = kept.length - 1; k >= 0; k--) {
      const { now } = kept[k]!;
      const line = text.slice(now + 1, kept[k + 1]?.now ?? text.length);
      if (/[ \t]/.test(text[now - 1] ?? '') || opensBlock(line)) kept.splice(k, 1);
    }
    const edited = withBreakTags(text, tags[part] ?? [], kept.map((b) => [b.now, b.markup]));
    const original = withBreakTags(mt, tags[part] ?? [], kept.map((b) => [b.at, b.markup]));
    const markdown = expandTags(escapeTyped(edited.text, original.text, edited.tags, place, references), edited.tags, `Sentence ${part + 1}`);
    // A lost or misplaced tag would leave markup dangling or drop what it held (keptTags.ts).
    const key = document.units[part]!.key;
    const roles = document.skeleton.roles?.[part];
    checkKeptTags(text, mt, tags[part] ?? [], key, roles);
    checkPairOrder(text, mt, tags[part] ?? [], roles, key);
    return markdown;
  };
  const out: string[] = parts.map((part, index) => (typeof part === 'string' ? part : written(part, index)));
  // An emptied sentence takes the spacing that separated it from its neighbour on the same line.
  parts.forEach((part, i) => {
    if (typeof part !== 'number' || out[i] !== '') return;
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (typeof before === 'string' && HORIZONTAL_SPACE.test(before) && typeof parts[i - 2] === 'number' && out[i - 2] !== '') out[i - 1] = '';
    else if (typeof after === 'string' && HORIZONTAL_SPACE.test(after) && typeof parts[i + 2] === 'number') out[i + 1] = '';
  });
  return out.join('');
}

export const markdownFormat: FormatHandler<MarkdownSkeleton> = {
  id: 'markdown',
  label: 'Markdown',
  extensions: ['md', 'markdown'],
  bilingual: false,
  importOptions: [],
  parse: parseMarkdown,
  write: writeMarkdown,
};
