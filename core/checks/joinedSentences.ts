import type { SentenceCheck } from './context';
import { NOT_NAMES } from './nameIndex';
import { makeFlag, quoted, wordBefore, type Finding } from './text';

/**
 * Two sentences the MT ran together: at an ellipsis followed by a capitalized word that starts a sentence
 * (`appeared on the web … The law enforcement officers`), or with the full stop missing (`on the web The
 * officers`). An ellipsis before a dialogue dash (`an attempted coup … – wrote …`), at the end, or before a
 * name the document uses mid-sentence is left alone. A long sentence is never flagged for its length alone:
 * on post-edited MT (MLQE-PE) most long sentences were left as they were.
 */

const ELLIPSIS = /(?<=[\p{L}\p{N}”’"»)%])[ \t\u00a0]*(…|\.{3})[ \t\u00a0]+(?=\p{Lu})/gu;
/** Words that start a sentence far more often than they continue one after a lower-case word. */
const STARTERS = 'The|This|These|Those|He|She|They|We|However|Meanwhile|Moreover|Therefore|Furthermore|Nevertheless';
const MISSING_STOP = new RegExp(`(?<=\\p{Ll}\\p{Ll})([ \\t\\u00a0]+)(${STARTERS})(?=[ \\t\\u00a0]+\\p{Ll})`, 'gu');


const wordAt = (text: string, at: number) => /^[\p{L}\p{M}’'-]+/u.exec(text.slice(at))?.[0] ?? '';

export const checkJoinedSentences: SentenceCheck = ({ ctx, text }) => {
  const flags: Finding[] = [];
  for (const match of text.matchAll(ELLIPSIS)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const next = wordAt(text, end);
    // A name the document also uses mid-sentence may follow an ellipsis inside a sentence.
    if (!NOT_NAMES.has(next) && ctx.names.known.has(next)) continue;
    const at = start + match[0].indexOf(match[1]!);
    const shown = text.slice(start - wordBefore(text, start).length, end + next.length);
    flags.push(makeFlag('joined-sentences', 'major', `Two sentences run together at ${quoted(shown)}`, at, at + match[1]!.length, text));
  }
  for (const match of text.matchAll(MISSING_STOP)) {
    const start = match.index ?? 0;
    const next = match[2]!;
    const before = wordBefore(text, start);
    flags.push(
      makeFlag('joined-sentences', 'major', `Two sentences run together: no full stop between ${quoted(before)} and ${quoted(next)}`, start - before.length, start + match[0].length, text),
    );
  }
  return flags;
};
