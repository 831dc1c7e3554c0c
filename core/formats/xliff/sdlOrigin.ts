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

/** One place in the <sdl:seg> the edit changes: its bytes as the file has them, and as written for an edited text. */
export interface OriginEdit {
  start: number;
  end: number;
  kept: string;
  edited: string;
}

/**
 * The changes that make a segment's origin `interactive` with its previous origin kept, as byte ranges of the file
 * (none when the segment records no origin, or is already the translator's own).
 */
export function interactiveOriginEdits(text: string, seg: XmlElement, ns: string): OriginEdit[] {
  const origin = seg.attrs.origin;
  if (origin === undefined || origin === 'interactive') return [];
  const edits: OriginEdit[] = [];
  let previous = '';
  for (const span of scanStartTag(text, seg).attributes) {
    if (!ORIGIN_ATTRIBUTES.has(span.name)) continue;
    const kept = text.slice(span.start, span.end);
    previous += kept;
    edits.push({ ...span, kept, edited: span.name === 'origin' ? withValue(kept, 'interactive') : '' });
  }
  const name = `${seg.qname.slice(0, seg.qname.length - seg.local.length)}prev-origin`;
  const inner = seg.selfClosing ? '' : text.slice(seg.openEnd, seg.closeStart);
  const prevOrigin = inner === '' ? `<${name}${previous}/>` : `<${name}${previous}>${inner}</${name}>`;
  const children = childElements(seg).filter((child) => child.uri === ns);
  const older = children.find((child) => child.local === 'prev-origin');
  const rep = children.filter((child) => child.local === 'rep').at(-1);
  if (seg.selfClosing) edits.push({ start: seg.end - 2, end: seg.end, kept: '/>', edited: `>${prevOrigin}</${seg.qname}>` });
  // The older prev-origin is inside the new one already (a copy of the whole segment origin): it gives way.
  else if (older) edits.push({ start: older.start, end: older.end, kept: text.slice(older.start, older.end), edited: prevOrigin });
  else {
    const at = rep ? rep.end : seg.openEnd;
    edits.push({ start: at, end: at, kept: '', edited: prevOrigin });
  }
  return edits;
}

/** An attribute as written (` name="value"`) with another value, its spacing and quotes kept. */
function withValue(written: string, value: string): string {
  const found = /^(\s+[^\s=]+\s*=\s*)(["'])/.exec(written);
  return found ? `${found[1]}${found[2]}${value}${found[2]}` : written;
}
