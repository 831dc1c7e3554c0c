import { UnitError } from './units';
import { isTagChar, TAG_BASE } from './types';

/**
 * The tags of a corrected sentence, checked before a writer that copies each tag's markup back (TMX, Markdown)
 * writes it. XLIFF and DOCX refuse a correction that lost a tag of the machine translation, and so do these: a
 * lost half of a pair leaves the other dangling (a `**` that bolds the rest of the paragraph, a `](url)` printed
 * as text, a TMX <ept> without its <bpt>), and even a whole pair lost takes with it what only the markup held
 * (a link's target, a code span's code, a placeholder's native code) without a word. The Tags check flags the
 * sentence and puts the tags back in one click, so the refusal names it and says so (services/unitRefusal.ts).
 */

const numbersOf = (text: string): number[] => [...text].filter(isTagChar).map((ch) => ch.charCodeAt(0) - TAG_BASE);

/** "tag 2 (`**`)": a tag as the editor sees it (numbered from 1), with a bit of its markup. */
export const describeTag = (markup: string | undefined, n: number): string =>
  markup === undefined ? `tag ${n + 1}` : `tag ${n + 1} (${markup.length > 60 ? `${markup.slice(0, 57)}…` : markup})`;

/** Whether a correction deletes its sentence whole: its text emptied, tags and all (whitespace may stay). */
export const isDeletedWhole = (text: string): boolean => text.trim() === '';

/**
 * Refuses a correction that lost a tag its MT had, or that has a tag twice. A sentence deleted whole (its text
 * emptied) takes its tags with it, except a tag whose partner is in another sentence (`roles` says which pair:
 * checkPairOrder; `x` marks one end of a range whose other end may be beyond the sentence), which would be left
 * dangling there; without roles, a deleted sentence is let go as before.
 */
export function checkKeptTags(text: string, mt: string, tags: readonly string[], unit: string, roles?: string, where = `Unit "${unit}"`): void {
  const refuse = (detail: string): never => {
    throw new UnitError(unit, detail, `${where}: ${detail}`);
  };
  const kept = numbersOf(text);
  const twice = kept.find((n, k) => kept.indexOf(n) !== k);
  if (twice !== undefined) refuse(`${describeTag(tags[twice], twice)} appears more than once.`);
  const original = numbersOf(mt);
  const paired = roles === undefined ? new Map<number, number>() : partners(original, roles);
  const deleted = isDeletedWhole(text);
  const lost = original.filter((n) => !kept.includes(n) && !(deleted && (roles === undefined || roles[n] === 'a' || paired.has(n))));
  if (lost.length === 0) return;
  const named = lost.map((n) => describeTag(tags[n], n)).join(', ');
  if (!deleted) refuse(`it lost ${named} of its MT, which the file needs to stay as it was.`);
  const one = lost.length === 1;
  refuse(
    `it was deleted, but ${named} ${one ? 'is one end' : 'are ends'} of a span or range that goes on beyond it: ` +
      'keep its tags (undo the deletion, then delete its words only), so that the other end is not left dangling.',
  );
}

/**
 * Refuses a correction whose paired tags (`roles`: one letter per tag, o open, c close, a alone) no longer nest:
 * a close before its open, or two pairs crossing. Pairs are the MT's, matched in its order; tags left in the
 * MT's order are the file's own business, as XLIFF's check has it. Without roles, any other order is refused.
 */
export function checkPairOrder(text: string, mt: string, tags: readonly string[], roles: string | undefined, unit: string): void {
  const order = interchanged(numbersOf(text), numbersOf(mt), tags);
  // The MT's tags the text kept (a lost one is checkKeptTags' business), in the MT's order.
  const original = numbersOf(mt).filter((n) => order.includes(n));
  if (order.join() === original.join()) return;
  // Which tags pair is not known (a skeleton stored before it was): only the MT's order is known to be right.
  if (roles === undefined) throw new UnitError(unit, 'its tags are not in the order of its MT; put them back in that order.');
  const partner = partners(original, roles);
  const open: number[] = [];
  for (const n of order) {
    const other = partner.get(n);
    if (other === undefined) continue; // alone, or its partner is in another sentence: it stays where it is put
    if (roles[n] === 'o') open.push(n);
    else if (open.at(-1) !== other) {
      throw new UnitError(
        unit,
        open.includes(other)
          ? `${describeTag(tags[n], n)} does not close the innermost open ${describeTag(tags[open.at(-1)!], open.at(-1)!)}: tags overlap.`
          : `${describeTag(tags[n], n)} comes before ${describeTag(tags[other], other)}, which it closes.`,
      );
    } else open.pop();
  }
}

/**
 * Tags of the same markup written in any order give the same bytes (the two `**` of a bold span): each takes the
 * number of the MT's next tag of that markup, so only an order that changes the output is checked.
 */
function interchanged(order: readonly number[], original: readonly number[], tags: readonly string[]): number[] {
  const byMarkup = new Map<string, number[]>();
  for (const n of original) byMarkup.set(tags[n] ?? '', [...(byMarkup.get(tags[n] ?? '') ?? []), n]);
  const mine = new Set(original);
  return order.map((n) => (mine.has(n) ? (byMarkup.get(tags[n] ?? '')?.shift() ?? n) : n));
}

/** The MT's pairs, both ways: each close with the innermost open before it (tags of the sentence only). */
function partners(original: readonly number[], roles: string): Map<number, number> {
  const partner = new Map<number, number>();
  const opened: number[] = [];
  for (const n of original) {
    if (roles[n] === 'o') opened.push(n);
    else if (roles[n] === 'c' && opened.length > 0) {
      const open = opened.pop()!;
      partner.set(n, open).set(open, n);
    }
  }
  return partner;
}
