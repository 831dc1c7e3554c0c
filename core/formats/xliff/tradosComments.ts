import { childElements, textContent, type XmlElement } from './xmlTree';

/**
 * Trados Studio's comments, read as notes of the segments they are on. Studio keeps each comment thread once, in
 * <doc-info><cmt-defs><cmt-def id><Comments><Comment user severity date>text</Comment>…, and marks the commented
 * text with <mrk mtype="x-sdl-comment" sdl:cid="id"> in the source or the target (around a word, or around the
 * segment's whole text). The editor reads them beside the sentence; the file keeps them as they are.
 */

const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

/** One comment as the editor reads it: who said it, how serious, when (the day), then what. */
function commentLine(comment: XmlElement): string | null {
  const text = textContent(comment).trim();
  if (text === '') return null;
  const { user, severity, date } = comment.attrs;
  const details = [severity && severity !== 'Undefined' ? severity : '', /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0] ?? ''].filter((d) => d !== '');
  return `Trados comment${user ? ` by ${user}` : ''}${details.length > 0 ? ` (${details.join(', ')})` : ''}: ${text}`;
}

/** Every comment thread of the file, by its id: its comments in order. */
export function tradosComments(root: XmlElement): Map<string, string[]> {
  const threads = new Map<string, string[]>();
  const visit = (element: XmlElement, depth: number): void => {
    for (const child of childElements(element)) {
      if (child.uri === SDL_NS && child.local === 'cmt-def' && child.attrs.id !== undefined) {
        const lines = descendants(child, 'Comment').flatMap((comment) => commentLine(comment) ?? []);
        if (lines.length > 0) threads.set(child.attrs.id, lines);
      } else if (depth < 3) visit(child, depth + 1); // <xliff> / <doc-info> / <cmt-defs>, or under a <file>'s <header>
    }
  };
  visit(root, 0);
  return threads;
}

/** The elements named `local` (any namespace) inside `element`, at any depth, in document order. */
function descendants(element: XmlElement, local: string): XmlElement[] {
  return childElements(element).flatMap((child) => (child.local === local ? [child] : descendants(child, local)));
}

/** The thread a comment marker points at (`sdl:cid`, under whatever prefix the file gives Studio's namespace). */
function threadId(marker: XmlElement): string | undefined {
  if (marker.attrs.mtype !== 'x-sdl-comment') return undefined;
  const name = Object.keys(marker.attrs).find((attribute) => attribute === 'cid' || attribute.endsWith(':cid'));
  return name === undefined ? undefined : marker.attrs[name];
}

/**
 * The comment threads on each segment of a source or target, by the segment's mid: those marked inside its
 * <mrk mtype="seg"> and those whose marker holds it. `whole` gathers those of the element as one segment
 * (a unit reviewed whole).
 */
export function commentsBySegment(element: XmlElement | null, ns: string): { bySegment: Map<string, string[]>; whole: string[] } {
  const bySegment = new Map<string, string[]>();
  const whole: string[] = [];
  const add = (ids: string[], id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  const visit = (node: XmlElement, around: readonly string[], segment: string[] | null): void => {
    for (const child of childElements(node)) {
      if (child.uri !== ns || child.local !== 'mrk') {
        visit(child, around, segment);
        continue;
      }
      const id = threadId(child);
      if (id !== undefined) {
        add(whole, id);
        if (segment) add(segment, id);
        visit(child, [...around, id], segment);
      } else if (child.attrs.mtype === 'seg' && child.attrs.mid !== undefined) {
        const ids = bySegment.get(child.attrs.mid) ?? [];
        bySegment.set(child.attrs.mid, ids);
        for (const outer of around) add(ids, outer);
        visit(child, around, ids);
      } else visit(child, around, segment);
    }
  };
  if (element) visit(element, [], null);
  return { bySegment, whole };
}

/** The notes of the comment threads `ids` point at, in order, each thread once. */
export function commentNotes(ids: readonly string[], threads: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set(ids)].flatMap((id) => threads.get(id) ?? []);
}
