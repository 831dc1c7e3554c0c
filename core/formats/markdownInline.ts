import { isTagChar } from './types';

/**
 * Inline Markdown of one line, split into text and markup: emphasis and strikethrough delimiters, link and
 * image brackets with their destinations, code spans, autolinks, inline HTML and footnote references. Every
 * character of the line lands in exactly one piece, so the pieces joined give the line back.
 *
 * A pragmatic subset of CommonMark/GFM: emphasis pairs by the flanking rules within one line (whole delimiter
 * runs, lengths not counted); a shortcut reference link needs its definition in the document; links and code
 * spans do not run across lines. What is not recognized stays text, which still round-trips.
 */

export type InlinePiece =
  | { kind: 'text'; text: string }
  /** open/close: markup around text (`**`, `[`, `](url)`, `<b>`); atom: markup standing alone (code, <br>). */
  | { kind: 'tag'; markup: string; role: 'open' | 'close' | 'atom' };

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const isWhitespace = (ch: string): boolean => ch === '' || /\s/u.test(ch);
const isPunctuation = (ch: string): boolean => ch !== '' && /[\p{P}\p{S}]/u.test(ch);

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + '`' + String.raw`]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = new RegExp(String.raw`^<([A-Za-z][A-Za-z0-9-]*)(?:${ATTRIBUTE})*\s*(/?)>`);
const CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*\s*>/;
const HTML_COMMENT = /^<!--[\s\S]*?-->/;
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;
const EMAIL_AUTOLINK = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/;
const FOOTNOTE_REFERENCE = /^\[\^[^\]\s]+\]/;
const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'input', 'wbr', 'area', 'col', 'embed', 'source', 'track', 'meta', 'link']);

/** A link label as CommonMark compares them: case-folded, inner whitespace collapsed. */
export const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The end (exclusive) of an inline link's `(destination "title")` starting at `open` (the `(`), or -1. */
function inlineLinkEnd(line: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && depth === 1 && i > open + 1 && /\s/.test(line[i - 1]!)) {
      quote = ch;
    } else if (ch === '<' && i === open + 1) {
      const close = line.indexOf('>', i);
      if (close < 0) return -1;
      i = close;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The end (exclusive) of a `[label]` starting at `open`, or -1. */
function labelEnd(line: string, open: number): number {
  for (let i = open + 1; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === '[') return -1;
    else if (ch === ']') return i + 1;
  }
  return -1;
}

interface Delimiter {
  piece: number;
  char: string;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

interface Bracket {
  piece: number;
  /** Where the label starts in the line (after `[` or `![`). */
  start: number;
}

/** Splits one line of Markdown inline content into text and markup pieces. */
export function parseInline(line: string, references: ReadonlySet<string>): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  const text = (s: string) => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text' && !pendingPieces.has(pieces.length - 1)) last.text += s;
    else pieces.push({ kind: 'text', text: s });
  };
  /** Pieces that may still turn into markup (brackets, delimiter runs): never merged with later text. */
  const pendingPieces = new Set<number>();
  const pending = (s: string): number => {
    pieces.push({ kind: 'text', text: s });
    pendingPieces.add(pieces.length - 1);
    return pieces.length - 1;
  };
  const tag = (markup: string, role: 'open' | 'close' | 'atom') => pieces.push({ kind: 'tag', markup, role });

  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const rest = line.slice(i);

    if (isTagChar(ch)) {
      // A private-use character of the file itself: a tag standing for itself, so it cannot pass for one of ours.
      tag(ch, 'atom');
      i++;
      continue;
    }
    if (ch === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      text(line.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(rest)![0];
      const closer = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      closer.lastIndex = i + run.length;
      const match = closer.exec(line);
      if (match) {
        tag(line.slice(i, match.index + run.length), 'atom');
        i = match.index + run.length;
      } else {
        text(run);
        i += run.length;
      }
      continue;
    }
    if (ch === '<') {
      const atom = AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest) ?? HTML_COMMENT.exec(rest);
      if (atom) {
        tag(atom[0], 'atom');
        i += atom[0].length;
        continue;
      }
      const open = OPEN_TAG.exec(rest);
      if (open) {
        const selfContained = open[2] === '/' || VOID_ELEMENTS.has(open[1]!.toLowerCase());
        tag(open[0], selfContained ? 'atom' : 'open');
        i += open[0].length;
        continue;
      }
      const close = CLOSE_TAG.exec(rest);
      if (close) {
        tag(close[0], 'close');
        i += close[0].length;
        continue;
      }
    }
    if (ch === '[' || (ch === '!' && line[i + 1] === '[')) {
      const footnote = ch === '[' ? FOOTNOTE_REFERENCE.exec(rest) : null;
      if (footnote) {
        tag(footnote[0], 'atom');
        i += footnote[0].length;
        continue;
      }
      const opener = ch === '[' ? '[' : '![';
      brackets.push({ piece: pending(opener), start: i + opener.length });
      i += opener.length;
      continue;
    }
    if (ch === ']') {
      const bracket = brackets.pop();
      if (bracket) {
        let end = -1;
        if (line[i + 1] === '(') end = inlineLinkEnd(line, i + 1);
        if (end < 0 && line[i + 1] === '[') {
          const labelClose = labelEnd(line, i + 1);
          const label = line.slice(i + 2, labelClose - 1);
          if (labelClose > 0 && (label.trim() === '' ? references.has(normalizeLabel(line.slice(bracket.start, i))) : references.has(normalizeLabel(label)))) {
            end = labelClose;
          }
        }
        if (end < 0 && references.has(normalizeLabel(line.slice(bracket.start, i)))) end = i + 1;
        if (end > 0) {
          const opening = pieces[bracket.piece]!;
          pieces[bracket.piece] = { kind: 'tag', markup: opening.kind === 'text' ? opening.text : '[', role: 'open' };
          pendingPieces.delete(bracket.piece);
          tag(line.slice(i, end), 'close');
          i = end;
          continue;
        }
      }
      text(ch);
      i++;
      continue;
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      const run = new RegExp(`^\\${ch}+`).exec(rest)![0];
      const before = i > 0 ? line[i - 1]! : '';
      const after = line[i + run.length] ?? '';
      const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      let canOpen = leftFlanking;
      let canClose = rightFlanking;
      if (ch === '_') {
        canOpen = leftFlanking && (!rightFlanking || isPunctuation(before));
        canClose = rightFlanking && (!leftFlanking || isPunctuation(after));
      }
      if (ch === '~' && run.length > 2) {
        canOpen = false;
        canClose = false;
      }
      delimiters.push({ piece: pending(run), char: ch, length: run.length, canOpen, canClose });
      i += run.length;
      continue;
    }
    text(ch);
    i++;
  }

  pairDelimiters(pieces, delimiters);
  return pieces;
}

/** Pairs emphasis delimiters (each closer with the nearest opener of its character) and turns pairs into tags. */
function pairDelimiters(pieces: InlinePiece[], delimiters: readonly Delimiter[]): void {
  const openers: Delimiter[] = [];
  for (const d of delimiters) {
    if (d.canClose) {
      let match = -1;
      for (let k = openers.length - 1; k >= 0; k--) {
        const o = openers[k]!;
        if (o.char === d.char && (d.char !== '~' || o.length === d.length)) {
          match = k;
          break;
        }
      }
      if (match >= 0) {
        const opener = openers[match]!;
        openers.length = match; // delimiters between the pair stay text
        pieces[opener.piece] = { kind: 'tag', markup: (pieces[opener.piece] as { text: string }).text, role: 'open' };
        pieces[d.piece] = { kind: 'tag', markup: (pieces[d.piece] as { text: string }).text, role: 'close' };
        continue;
      }
    }
    if (d.canOpen) openers.push(d);
  }
}
