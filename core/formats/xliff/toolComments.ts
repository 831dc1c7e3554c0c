import { childElements, textContent, type XmlElement } from './xmlTree';

/**
 * The comments translation tools keep in their bilingual files, read as notes of the segments they are on; the
 * file keeps them as they are. Trados Studio keeps each comment thread once, in <doc-info><cmt-defs><cmt-def id>
 * <Comments><Comment user severity date>text</Comment>…, and marks the commented text with
 * <mrk mtype="x-sdl-comment" sdl:cid="id"> in the source or the target (around a word, or around the segment's
 * whole text). memoQ keeps a row's comments in the <trans-unit>: <mq:comments><mq:comment creatoruser time
 * deleted>text</mq:comment>…
 */

const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

/** One comment as the editor reads it: the tool, who said it, how serious, when (the day), then what. */
function commentLine(tool: string, text: string, user: string | undefined, severity: string | undefined, date: string | undefined): string | null {
  const said = text.trim();
  if (said === '') return null;
  const details = [severity && severity !== 'Undefined' ? severity : '', /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0] ?? ''].filter((d) => d !== '');
  return `${tool} comment${user ? ` by ${user}` : ''}${details.length > 0 ? ` (${details.join(', ')})` : ''}: ${said}`;
}

/** The comments of a memoQ row (`unit`, a <trans-unit>; `ns` memoQ's namespace), those not deleted, in order. */
export function memoqComments(unit: XmlElement, ns: string): string[] {
  return childElements(unit)
    .filter((child) => child.uri === ns && child.local === 'comments')
    .flatMap((comments) => childElements(comments))
    .filter((comment) => comment.uri === ns && comment.local === 'comment' && comment.attrs.deleted !== 'true')
    .flatMap((comment) => commentLine('memoQ', textContent(comment), comment.attrs.creatoruser, undefined, comment.attrs.time) ?? []);
}

/** Every comment thread of the file, by its id: its comments in order. */
export function tradosComments(root: XmlElement): Map<string, string[]> {
  const threads = new Map<string, string[]>();
  const visit = (element: XmlElement, depth: number): void => {
    for (const child of childElements(element)) {
      if (child.uri === SDL_NS && child.local === 'cmt-def' && child.attrs.id !== undefined) {
        const lines = descendants(child, 'Comment').flatMap((c) => commentLine('Trados', textContent(c), c.attrs.user, c.attrs.severity, c.attrs.date) ?? []);
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
