import { wordDiff } from '../diff';
import { hasTag, trimTags } from '../formats/types';
import type { ReplacementRule } from './applyRule';

const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

const WORD = /[\p{L}\p{N}\-'’]/u;
const inWord = (text: string, at: number) => at > 0 && at < text.length && WORD.test(text[at - 1]!) && WORD.test(text[at]!);

/** Widens a change that starts or ends inside a word to the whole word, so `Alma-Ata` → `Almaty` is one rule. */
function widen(text: string, start: number, end: number): [number, number] {
  if (inWord(text, start)) while (start > 0 && WORD.test(text[start - 1]!)) start--;
  if (inWord(text, end)) while (end < text.length && WORD.test(text[end]!)) end++;
  return [start, end];
}

/**
 * Where a point of the MT falls in the correction: through the equal stretch that holds it (a start the one
 * beginning there, an end the one ending there), or at the edge of the change that holds it.
 */
function inCorrection(ops: ReturnType<typeof wordDiff>, at: number, side: 'start' | 'end'): number {
  for (const op of ops) {
    const holds = side === 'start' ? op.aStart <= at && at < op.aEnd : op.aStart < at && at <= op.aEnd;
    if (!holds) continue;
    if (op.kind === 'equal') return op.bStart + (at - op.aStart);
    return side === 'start' ? op.bStart : op.bEnd;
  }
  return side === 'start' ? 0 : (ops.at(-1)?.bEnd ?? 0);
}

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * A sentence rewritten rather than fixed: fewer than half the words of its MT (of more than three) kept. Its
 * changes are no fixes to repeat: `The airport of Alma-Ata was destroyed` → `Almaty airport was destroyed` is
 * not `The` → `Almaty` in every other sentence.
 */
function isRewrite(before: string, ops: ReturnType<typeof wordDiff>): boolean {
  const total = wordCount(before);
  if (total <= 3) return false;
  const kept = ops.reduce((n, op) => (op.kind === 'equal' ? n + wordCount(before.slice(op.aStart, op.aEnd)) : n), 0);
  return kept * 2 < total;
}

/**
 * What the editor changed in a sentence, as rules worth offering elsewhere: each replaced or deleted stretch
 * that contains a word (`Alma-Ata` → `Almaty`, `in the material of` → `read in`), none when the sentence was
 * rewritten. Pure spacing and punctuation fixes are left to the mechanical checks; words inserted between
 * others have nothing to find.
 */
export function mineRules(before: string, after: string): ReplacementRule[] {
  const rules: ReplacementRule[] = [];
  const ops = wordDiff(before, after);
  if (isRewrite(before, ops)) return rules;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.kind === 'equal') continue;
    // A change is the run of non-equal ops: a deletion, an insertion, or both.
    let j = i;
    while (j + 1 < ops.length && ops[j + 1]!.kind !== 'equal') j++;
    const first = ops[i]!;
    const last = ops[j]!;
    i = j;
    // Nothing deleted: nothing to look for elsewhere, unless the insertion is inside a word (`harbor` → `harbour`),
    // which changes that word.
    if (first.aStart === last.aEnd && !inWord(before, first.aStart)) continue;
    const [aStart, aEnd] = widen(before, first.aStart, last.aEnd);
    // The correction's side takes the very words the widening took, with any other change inside them
    // (`Almaty-Astana` → `Almaty - Astana`, two insertions: not → ``, which would delete the name everywhere).
    const bStart = aStart < first.aStart ? inCorrection(ops, aStart, 'start') : first.bStart;
    const bEnd = aEnd > last.aEnd ? inCorrection(ops, aEnd, 'end') : last.bEnd;
    while (i + 1 < ops.length && ops[i + 1]!.aStart < aEnd) i++; // the changes inside the widened words are this one
    const find = trimTags(before.slice(aStart, aEnd));
    const replace = trimTags(after.slice(bStart, bEnd));
    // Without the tags at its ends (`<b>Alma-Ata</b>` → `Almaty` is `Alma-Ata` → `Almaty`). Tags are numbered per
    // sentence (every sentence's first tag is the same character), so a rule holding one would take other
    // sentences' own tags: the words are the fix, the tags stay where they are.
    if (!find || !hasWord(find) || find === replace || hasTag(find) || hasTag(replace)) continue;
    if (!rules.some((r) => r.find === find)) rules.push({ find, replace, wholeWord: true, caseSensitive: true });
  }
  return rules;
}
