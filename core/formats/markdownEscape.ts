import { diffChars } from 'diff';
import { parseInline } from './markdownInline';
import { isTagChar, TAG_BASE } from './types';

/**
 * What an editor types into a Markdown sentence is text: a `|` in a table cell, a line break, a `*`, `<b>` or a
 * `#` opening a line must come out as those characters, not as a new column, row, emphasis, HTML or heading. The
 * MT's own characters are left as they are (the markup the parser saw is in tags; what it left as text may still
 * be markup the source had), so only typed characters are escaped, and only where they would make markup:
 *  - a line break becomes `<br>` (raw HTML, which CommonMark and GFM render as a line break): a new line would end
 *    a table row or a heading, could open a block (a list, a quote, code) or leave a list or quote, and inside a
 *    paragraph would render as a mere space;
 *  - in a table cell every unescaped `|` becomes `\|` (GFM splits cells before anything else, code spans too);
 *  - at the start of a line (a sentence that opens its line), what would open a block: `#`, `>`, the list markers
 *    `-` `+` `*` `1.`, `---` or `===` (a setext underline turns the line before into a heading), fences, HTML, a
 *    link definition; typed indentation there is dropped (four columns would make code);
 *  - inline, what the inline parser reads as markup in the sentence as written (its tags' markup in place):
 *    emphasis runs (also a typed `*` joining a tag's `**`), link brackets, code spans, autolinks, HTML, entity
 *    references (`&copy;`), a heading's closing `#`s, and a backslash that would escape what follows it;
 *  - backticks all or none, the MT's too: an escaped backtick still closes a code span.
 * CommonMark lets a backslash escape any ASCII punctuation, which then renders as itself. The places are read
 * from the skeleton, so documents imported before are written the same way.
 */

/** How a sentence sits in its line, read from the markup around it in the skeleton. */
export interface MarkdownPlace {
  /** A table cell: `|` splits it. */
  cell: boolean;
  /** A heading: trailing `#`s close it. */
  heading: boolean;
  /** The first sentence of its line, after nothing but container markers (`>`, list markers) and indentation. */
  lineStart: boolean;
}

/** Container markers and indentation: what stands before a paragraph's first sentence on its line. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))(?:[ \t]+\[[ xX]\](?=[ \t]))?)*[ \t]*$/;
/** The same, then an ATX heading's opening hashes. */
const HEADING_OPENER = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))(?:[ \t]+\[[ xX]\](?=[ \t]))?)*[ \t]{0,3}#{1,6}(?:[ \t]+|$)/;
const LINE_BREAK = /\r\n|\n|\r/;

/** The place of every unit in a skeleton's parts (by part index). */
export function placesOf(parts: ReadonlyArray<string | number>): Map<number, MarkdownPlace> {
  const places = new Map<number, MarkdownPlace>();
  let line = '';
  let before: string | null = null;
  let units: number[] = [];
  const endLine = () => {
    const cell = line.includes('|');
    // A byte-order mark the document starts with is markup of no meaning.
    const lead = (before ?? '').replace(/^\uFEFF/, '');
    const heading = HEADING_OPENER.test(lead);
    units.forEach((part, k) => places.set(part, { cell, heading, lineStart: k === 0 && !cell && !heading && CONTAINERS.test(lead) }));
    line = '';
    before = null;
    units = [];
  };
  parts.forEach((part, index) => {
    if (typeof part === 'number') {
      if (before === null) before = line;
      units.push(index);
      return;
    }
    const lines = part.split(LINE_BREAK);
    line += lines[0]!;
    for (let k = 1; k < lines.length; k++) {
      endLine();
      line = lines[k]!;
    }
  });
  endLine();
  return places;
}

/** Which characters of `text` the editor typed: those no stretch of the MT accounts for. */
function typedMask(text: string, mt: string): boolean[] {
  const typed = new Array<boolean>(text.length).fill(true);
  const changes = diffChars(mt, text, { maxEditLength: 4 * (mt.length + text.length) + 64 });
  if (!changes) return typed;
  let at = 0;
  for (const change of changes) {
    if (change.removed) continue;
    if (!change.added) typed.fill(false, at, at + change.value.length);
    at += change.value.length;
  }
  return typed;
}

const BLOCK_OPENERS: ReadonlyArray<{ pattern: RegExp; escape: (match: RegExpExecArray) => number }> = [
  { pattern: /^#{1,6}(?:[ \t]|$)/, escape: () => 0 },
  { pattern: /^>/, escape: () => 0 },
  { pattern: /^[-+*](?:[ \t]|$)/, escape: () => 0 },
  { pattern: /^\d{1,9}[.)](?:[ \t]|$)/, escape: (m) => m[0].search(/[.)]/) },
  // Thematic breaks and setext underlines (a line of them after a paragraph line makes it a heading).
  { pattern: /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,}|-+[ \t]*|=+[ \t]*)$/, escape: () => 0 },
  { pattern: /^(?:`{3,}|~{3,})/, escape: () => 0 },
  { pattern: /^<[A-Za-z/!?]/, escape: () => 0 },
  // A link reference or footnote definition.
  { pattern: /^\[(?:[^\]\\]|\\.)+\]:/, escape: () => 0 },
];

const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Offsets of the characters to escape that make a markup piece (not a code span) the inline parser found at `start`. */
function markupEscapes(markup: string, start: number): number[] {
  if (/^[*_~]+$/.test(markup)) return [...markup].map((_, k) => start + k);
  if (markup.startsWith('![')) return [start + 1];
  return [start];
}

/** Characters that pair or run together: typed next to a tag's markup they may join its run. */
const RUNS = new Set(['*', '_', '~', '`']);

/**
 * The parser's view of a sentence as it would be written: its tags' markup in place, an escaped character inert
 * punctuation, and so, for the flanking of emphasis, a line break (the `<br>` it becomes). `origin`: the
 * sentence's offset behind each character of the view, -1 for the tags' markup.
 */
function written(text: string, tags: readonly string[], escaped: ReadonlySet<number>): { view: string; origin: number[] } {
  let view = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const markup = isTagChar(ch) ? tags[ch.charCodeAt(0) - TAG_BASE] : undefined;
    if (markup !== undefined) {
      view += markup;
      for (let k = 0; k < markup.length; k++) origin.push(-1);
    } else {
      view += escaped.has(i) || ch === '\n' || ch === '\r' ? '%' : ch;
      origin.push(i);
    }
  }
  return { view, origin };
}

/**
 * A reviewed Markdown sentence as the file must hold it: typed characters that would make markup escaped, line
 * breaks made `<br>`. `tags`: the markup of the sentence's tags; `references`: the document's link labels. A
 * sentence equal to its MT comes back unchanged.
 */
export function escapeTyped(
  text: string,
  mt: string,
  tags: readonly string[],
  place: MarkdownPlace,
  references: ReadonlySet<string>,
): string {
  if (text === mt) return text;
  const typed = typedMask(text, mt);
  const escaped = new Set<number>();
  // An escaped backtick still closes a code span (backslashes do not escape inside one): backticks are escaped
  // all or none, the MT's too (text they were, escaped text they stay).
  const escapeBackticks = (): void => {
    for (let i = 0; i < text.length; i++) if (text[i] === '`' && text[i - 1] !== '\\') escaped.add(i);
  };
  const escapeIfTyped = (at: number): boolean => {
    if (!typed[at] || escaped.has(at) || isTagChar(text[at]!)) return false;
    if (text[at] === '`') escapeBackticks();
    else escaped.add(at);
    return true;
  };

  // Table pipes: every unescaped one (the MT's cells hold none: the row was split on them).
  if (place.cell) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\' && i + 1 < text.length && !LINE_BREAK.test(text[i + 1]!)) i++;
      else if (text[i] === '|') escaped.add(i);
    }
  }
  // Block openers where the line starts (in the sentence as written, tags' markup included).
  if (place.lineStart) {
    const { view, origin } = written(text, tags, escaped);
    // Its line breaks are <br>s: the line is all of it (and what may follow it on its line).
    const indent = /^[ \t]*/.exec(view)![0].length;
    const rest = view.slice(indent);
    const opener = BLOCK_OPENERS.map(({ pattern, escape }) => {
      const match = pattern.exec(rest);
      return match ? escape(match) : null;
    }).find((at) => at !== null);
    if (opener !== undefined && opener !== null && origin[indent + opener]! >= 0) escapeIfTyped(origin[indent + opener]!);
  }
  // A heading's closing hashes, which the heading would lose.
  if (place.heading) {
    const closing = /[ \t](#+)[ \t]*$/.exec(text);
    if (closing) escapeIfTyped(closing.index + 1);
  }
  // A backslash before what follows it in the file (markup, a tag, a line end), which it would escape instead.
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') continue;
    const next = text[i + 1];
    if (next === undefined || isTagChar(next) || next === '\n' || next === '\r') escapeIfTyped(i);
    else i++;
  }
  // Typed emphasis or backtick characters next to a tag, whose markup they could join.
  for (let i = 0; i < text.length; i++) {
    if (RUNS.has(text[i]!) && (isTagChar(text[i - 1] ?? '') || isTagChar(text[i + 1] ?? ''))) escapeIfTyped(i);
  }
  // Entity references.
  for (const match of text.matchAll(ENTITY)) escapeIfTyped(match.index);
  // Inline markup, found again after each round of escapes (escaping a code span's backticks bares its content).
  for (let round = 0; round < 8; round++) {
    const { view, origin } = written(text, tags, escaped);
    const typedAt = (k: number): boolean => origin[k] !== undefined && origin[k]! >= 0 && typed[origin[k]!] === true;
    let found = false;
    let at = 0;
    for (const piece of parseInline(view, references)) {
      const length = piece.kind === 'text' ? piece.text.length : piece.markup.length;
      // A link's closing bracket is left to the next round: its opening one escaped, it is text again.
      const closesLink = piece.kind === 'tag' && piece.markup.startsWith(']') && found;
      const own = piece.kind === 'tag' && !closesLink && Array.from({ length }, (_, k) => typedAt(at + k)).some(Boolean);
      if (own && piece.markup.startsWith('`')) {
        escapeBackticks();
        found = true;
      } else if (own) {
        let escapedHere = false;
        for (const k of markupEscapes(piece.markup, at)) escapedHere = (origin[k]! >= 0 && escapeIfTyped(origin[k]!)) || escapedHere;
        // Markup whose first character is the tag's (a typed `*` joining a tag's `**`): its typed characters.
        if (!escapedHere) for (let k = at; k < at + length; k++) if (typedAt(k) && RUNS.has(view[k]!)) escapedHere = escapeIfTyped(origin[k]!) || escapedHere;
        found ||= escapedHere;
      }
      at += length;
    }
    if (!found) break;
  }

  // Typed indentation opening a line: insignificant in a paragraph, except that four columns make code.
  const indent = place.lineStart ? /^[ \t]*/.exec(text)![0].length : 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (i < indent && typed[i]) continue;
    if (ch === '\n' || ch === '\r') {
      if (!(ch === '\n' && text[i - 1] === '\r')) out += '<br>';
      continue;
    }
    out += (escaped.has(i) ? '\\' : '') + ch;
  }
  return out;
}
