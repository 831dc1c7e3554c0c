import { childElements, scanStartTag, type XmlElement } from './xmlTree';

/**
 * Trados' record of where a segment's translation came from, and what becomes of it once the editor changed the
 * text. Its <sdl:seg> carries the origin as attributes (`origin`, `origin-system`, `percent`, `struct-match`,
 * `text-match`) and as children (`sdl:rep`, the repetition; `sdl:prev-origin`, the origin before; `sdl:value`,
 * metadata). When a translator edits a segment, Trados makes the translation `origin="interactive"` and keeps what
 * it was as an <sdl:prev-origin> child: a copy of the whole previous origin, its attributes and its children (its
 * own prev-origin thus nested one level deeper). The match percent, origin system and context match describe the
 * old origin only, so they leave the segment. (RWS' Studio API: ITranslationOrigin.OriginBeforeAdaptation; its
 * SDLXLIFF writer orders the children rep, prev-origin, value. RWS' own import plugins do the same on an edit:
 * clone the origin into OriginBeforeAdaptation, then origin type Interactive, percent 0, no context match.)
 *
 * Without this an edited segment would go back to Trados still saying "MT, DeepL": untouched machine translation.
 */

/** The origin attributes of <sdl:seg> and <sdl:prev-origin> (what Trados reads as the TranslationOrigin's). */
const ORIGIN_ATTRIBUTES = new Set(['origin', 'origin-system', 'percent', 'struct-match', 'text-match']);

/**
 * A place in the <sdl:seg> an edit rewrites, stored as the file has it (what an edit writes is derived from the
 * pieces, so the segment's origin is never stored twice): an origin attribute (` origin="mt"`, leading space
 * included); the segment's content, the new prev-origin going at [from, to) of it (an older prev-origin it
 * replaces, or an empty stretch after the last <sdl:rep>); or, for a self-closed segment, its `/>`.
 */
export type OriginPiece =
  | { attribute: string; kept: string }
  | { content: string; from: number; to: number; name: string }
  | { closing: string; name: string; segment: string };

/** The pieces of a segment's origin an edit rewrites, with their ranges in the file (none when there is nothing to record). */
export function originPieces(text: string, seg: XmlElement, ns: string): Array<{ start: number; end: number; piece: OriginPiece }> {
  const origin = seg.attrs.origin;
  // No origin recorded (a segment left empty, the editor the first to fill it): nothing to keep, but an edit
  // makes it the translator's, as Trados does. Already the translator's: nothing to record.
  if (origin === undefined) {
    const at = scanStartTag(text, seg).insertAt;
    return [{ start: at, end: at, piece: { attribute: 'origin', kept: '' } }];
  }
  if (origin === 'interactive') return [];
  const out: Array<{ start: number; end: number; piece: OriginPiece }> = [];
  for (const span of scanStartTag(text, seg).attributes) {
    if (ORIGIN_ATTRIBUTES.has(span.name)) out.push({ ...span, piece: { attribute: span.name, kept: text.slice(span.start, span.end) } });
  }
  const name = `${seg.qname.slice(0, seg.qname.length - seg.local.length)}prev-origin`;
  if (seg.selfClosing) return [...out, { start: seg.end - 2, end: seg.end, piece: { closing: '/>', name, segment: seg.qname } }];
  const children = childElements(seg).filter((child) => child.uri === ns);
  // The older prev-origin is inside the new one already (a copy of the whole origin): it gives way to it.
  const older = children.find((child) => child.local === 'prev-origin');
  const rep = children.filter((child) => child.local === 'rep').at(-1);
  const [from, to] = older ? [older.start, older.end] : rep ? [rep.end, rep.end] : [seg.openEnd, seg.openEnd];
  const content = text.slice(seg.openEnd, seg.closeStart);
  return [...out, { start: seg.openEnd, end: seg.closeStart, piece: { content, from: from - seg.openEnd, to: to - seg.openEnd, name } }];
}

/**
 * How a segment's origin is written: as the file has it (null), the translator's once the editor changed its
 * text, or `source` for a source copied into an empty segment and confirmed unchanged (Trados' Copy Source to
 * Target, which its own editor records so).
 */
export type NewOrigin = null | 'interactive' | 'source';

/** Piece n of a segment's origin as the file has it, or as written with a new origin. */
export function writtenOrigin(pieces: readonly OriginPiece[], n: number, origin: NewOrigin): string {
  const piece = pieces[n]!;
  if ('attribute' in piece) {
    if (origin === null) return piece.kept;
    if (piece.attribute !== 'origin') return '';
    return piece.kept === '' ? ` origin="${origin}"` : withValue(piece.kept, origin);
  }
  if (origin === null) return 'content' in piece ? piece.content : piece.closing;
  const attributes = pieces.map((p) => ('attribute' in p ? p.kept : '')).join('');
  const inner = 'content' in piece ? piece.content : '';
  const previous = inner === '' ? `<${piece.name}${attributes}/>` : `<${piece.name}${attributes}>${inner}</${piece.name}>`;
  if ('closing' in piece) return `>${previous}</${piece.segment}>`;
  return piece.content.slice(0, piece.from) + previous + piece.content.slice(piece.to);
}

/** An attribute as written (` name="value"`) with another value, its spacing and quotes kept. */
function withValue(written: string, value: string): string {
  const found = /^(\s+[^\s=]+\s*=\s*)(["'])/.exec(written);
  return found ? `${found[1]}${found[2]}${value}${found[2]}` : written;
}
