import { isDeletedWhole } from '../formats/keptTags';
import { hasTag, isTagChar, TAG_BASE } from '../formats/types';
import type { SentenceCheck } from './context';
import { makeFlag, replacing, type Finding } from './text';

/**
 * Inline tags (formatting runs of a Word file, XLIFF <g>/<x/>/<ph>, Markdown emphasis and links) are one
 * private-use character each (core/formats/types.ts). A correction must keep every tag of its MT once: Word and
 * XLIFF files are not exported otherwise, and in any format a lost tag is lost formatting. The check compares
 * the sentence's tags with its MT's (and its source's, whose tags may be brought in): tags missing, tags there
 * twice, tags the sentence never had, and tags in another order than the MT's. Which tags open and close a pair
 * is the file's to know, not the text's: an order change is only possibly wrong (placeholders may move).
 */

/** The number the editor sees on a tag's chip. */
export const tagNumber = (tag: string): number => tag.charCodeAt(0) - TAG_BASE + 1;

const tagsOf = (text: string): string[] => Array.from(text).filter(isTagChar);

/** "1", "1 and 2", "1, 2 and 3". */
export function numberList(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** How a text's tags differ from its MT's. */
export interface TagProblems {
  /** Tags of the MT the text lacks, in the MT's order. */
  missing: string[];
  /** Where the text holds a tag it already held before (each later occurrence). */
  repeated: number[];
  /** Where the text holds a tag neither its MT nor its source has. */
  foreign: number[];
  /** Two tags of the MT the text holds the other way round (the first is the MT's first), or null. */
  swapped: [string, string] | null;
}

/** Compares a text's tags with those of its MT; tags only the source has may be brought in once. */
export function tagProblems(text: string, mt: string, source: string | null): TagProblems {
  const mtTags = tagsOf(mt);
  const order = new Map(mtTags.map((tag, k) => [tag, k]));
  const allowed = new Set([...mtTags, ...tagsOf(source ?? '')]);
  const seen = new Set<string>();
  const repeated: number[] = [];
  const foreign: number[] = [];
  const sequence: string[] = [];
  for (let at = 0; at < text.length; at++) {
    const ch = text[at]!;
    if (!isTagChar(ch)) continue;
    if (!allowed.has(ch)) foreign.push(at);
    else if (seen.has(ch)) repeated.push(at);
    else {
      seen.add(ch);
      if (order.has(ch)) sequence.push(ch);
    }
  }
  let swapped: [string, string] | null = null;
  for (let k = 0; k + 1 < sequence.length && !swapped; k++) {
    if (order.get(sequence[k]!)! > order.get(sequence[k + 1]!)!) swapped = [sequence[k + 1]!, sequence[k]!];
  }
  return { missing: mtTags.filter((tag) => !seen.has(tag)), repeated, foreign, swapped };
}

/** A text without its tags, and each tag with the offset in that plain text it stands before. */
function split(text: string): { plain: string; tags: Array<{ tag: string; at: number }> } {
  let plain = '';
  const tags: Array<{ tag: string; at: number }> = [];
  for (const ch of text) {
    if (isTagChar(ch)) tags.push({ tag: ch, at: plain.length });
    else plain += ch;
  }
  return { plain, tags };
}

/**
 * Where a tag of the MT goes in the correction's plain text: between the word before it and the word after it in
 * the MT, where the correction has them side by side exactly once; at the start (end) when the MT has it before
 * (after) all its words. Null when that is not clear.
 */
function placeOf(mtPlain: string, at: number, plain: string): number | null {
  const left = /\S+\s*$/u.exec(mtPlain.slice(0, at))?.[0] ?? null;
  const right = /^\s*\S+/u.exec(mtPlain.slice(at))?.[0] ?? null;
  const leadEnd = plain.length - plain.trimStart().length;
  const tailStart = plain.trimEnd().length;
  const places: number[] = [];
  for (let k = 0; k <= plain.length; k++) {
    const leftFits = left === null ? k <= leadEnd : k >= left.length && plain.startsWith(left, k - left.length);
    const rightFits = right === null ? k >= tailStart : plain.startsWith(right, k);
    if (leftFits && rightFits) places.push(k);
  }
  if (places.length === 1) return places[0]!;
  if (left === null) return places[0] ?? 0;
  if (right === null) return places[places.length - 1] ?? plain.length;
  return null;
}

/** Tags of an MT beyond which no fix puts lost ones back. */
const MAX_PLACED = 200;

/** Pairs of MT tags the text holds in the other order. */
function inversions(text: string, order: ReadonlyMap<string, number>): number {
  const ranks = tagsOf(text)
    .map((tag) => order.get(tag))
    .filter((rank): rank is number => rank !== undefined);
  let count = 0;
  for (let i = 0; i < ranks.length; i++) for (let j = i + 1; j < ranks.length; j++) if (ranks[i]! > ranks[j]!) count++;
  return count;
}

/**
 * The text with the missing tags put back where the words around them in the MT say, or null when any of them
 * has no clear place, or putting them back would leave tags in another order than the MT's.
 */
export function restoreTags(text: string, mt: string, missing: readonly string[]): string | null {
  const wanted = new Set(missing);
  const source = split(mt);
  // Beyond that many tags (a paragraph of one formatting run a word), placing them is guesswork, and slow.
  if (source.tags.length > MAX_PLACED) return null;
  const own = split(text);
  const order = new Map(source.tags.map(({ tag }, k) => [tag, k]));
  const runs = new Map<number, string[]>();
  for (const { tag, at } of own.tags) runs.set(at, [...(runs.get(at) ?? []), tag]);
  for (const { tag, at } of source.tags) {
    if (!wanted.has(tag)) continue;
    const place = placeOf(source.plain, at, own.plain);
    if (place === null) return null;
    // Among the tags already at that place, before the first that comes later in the MT.
    const run = runs.get(place) ?? [];
    const later = run.findIndex((other) => (order.get(other) ?? -1) > order.get(tag)!);
    run.splice(later < 0 ? run.length : later, 0, tag);
    runs.set(place, run);
  }
  let out = '';
  for (let k = 0; k <= own.plain.length; k++) out += (runs.get(k) ?? []).join('') + (own.plain[k] ?? '');
  return inversions(out, order) > inversions(text, order) ? null : out;
}

export const checkTags: SentenceCheck = ({ ctx, index, text, source }) => {
  const mt = ctx.sentences[index]?.taggedMt;
  // Not known (a caller without the MT), or neither the MT nor the text has a tag: nothing to compare.
  if (mt === undefined || (mt === null && !hasTag(text))) return [];
  const problems = tagProblems(text, mt ?? '', source);
  const flags: Finding[] = [];
  // A sentence deleted whole (no words left) takes its tags with it: the files are exported so (keptTags.ts),
  // except one whose tag is an end of a span beyond it, which the export names.
  const missing = isDeletedWhole(text) ? [] : problems.missing;
  if (missing.length > 0) {
    const numbers = numberList(missing.map(tagNumber));
    const restored = restoreTags(text, mt ?? '', missing);
    flags.push(
      makeFlag(
        'tags',
        'major',
        missing.length === 1
          ? `Tag ${numbers} of the MT is missing: the formatting or markup it stands for is lost, and Word, XLIFF, TMX and Markdown files are not exported without it`
          : `Tags ${numbers} of the MT are missing: the formatting or markup they stand for is lost, and Word, XLIFF, TMX and Markdown files are not exported without them`,
        0,
        text.length,
        text,
        restored === null ? undefined : replacing(0, text.length, restored),
      ),
    );
  }
  for (const at of problems.repeated) {
    const tag = text[at]!;
    // A tag doubled in place is plainly one too many; elsewhere, which of the two is right is the editor's call.
    const doubled = text[at - 1] === tag;
    flags.push(
      makeFlag(
        'tags',
        'major',
        `Tag ${tagNumber(tag)} is here twice: it stands for one piece of formatting or markup, so keep one`,
        at,
        at + 1,
        text,
        doubled ? replacing(at, at + 1, '') : undefined,
      ),
    );
  }
  for (const at of problems.foreign) {
    flags.push(
      makeFlag(
        'tags',
        'major',
        `Tag ${tagNumber(text[at]!)} is not one of this sentence’s (its MT has no such tag): it cannot be exported`,
        at,
        at + 1,
        text,
        replacing(at, at + 1, ''),
      ),
    );
  }
  if (problems.swapped) {
    const [first, second] = problems.swapped;
    const start = text.indexOf(second);
    flags.push(
      makeFlag(
        'tags',
        'minor',
        `Tags ${tagNumber(second)} and ${tagNumber(first)} are in the other order than in the MT: if they open and close one ` +
          'piece of formatting, the file cannot be exported so',
        start,
        text.indexOf(first) + 1,
        text,
        undefined,
        'possible',
      ),
    );
  }
  return flags;
};
