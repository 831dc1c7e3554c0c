import { paragraphIsDialogue, type SentenceCheck } from './context';
import { abbreviationStop, makeFlag, quoted, SPEECH_VERBS, words, type Finding } from './text';

/**
 * An attribution (`said Tokayev`, `the expert says`) cut off from what was said: the MT dropped the quotation
 * marks or the dialogue dash, and left traces — a full stop and then a comma (`as possible. , – said Tokayev`),
 * a comma standing apart (`to Kazakhstan , said the Prime Minister`) or an attribution dash (`, – said`) in a
 * paragraph with no quotation and no dialogue. `This must also be taken into account, – said Ashimbaev.` is
 * fine when its paragraph is dialogue (`– Even if …`).
 */

/** The attribution that opens `rest`: a speech verb among its first words, up to the next punctuation. */
function attribution(rest: string, withinWords: number): { said: string; length: number } | null {
  const clause = /^[^.,;:!?…“”"«»()]*/u.exec(rest)?.[0]?.trimEnd() ?? '';
  const opening = words(clause).slice(0, withinWords);
  return opening.some((w) => SPEECH_VERBS.has(w.text.toLowerCase())) ? { said: clause.trim(), length: clause.length } : null;
}

/** A full stop (or ? !) and then a comma before an attribution: `possible. , – said Tokayev`. */
const STOP_THEN_COMMA = /([.!?…])[ \t\u00a0]*,[ \t\u00a0]*(?:[–—-][ \t\u00a0]*)?/gu;
/** A comma with a space before it (tried where the spaces start), or a comma and an attribution dash. */
export const LOOSE_COMMA = /((?<![ \t\u00a0])[ \t\u00a0]+,[ \t\u00a0]*(?:[–—-][ \t\u00a0]*)?|,[ \t\u00a0]*[–—][ \t\u00a0]*)/gu;

export const checkLostAttribution: SentenceCheck = ({ ctx, index, text }) => {
  const flags: Finding[] = [];
  const cut = new Set<number>();
  for (const match of text.matchAll(STOP_THEN_COMMA)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    // `Northgate Engineering Ltd., said in a statement`: the stop belongs to an abbreviation.
    if (match[1] === '.' && text[start + 1] === ',' && abbreviationStop(text, start)) continue;
    const found = attribution(text.slice(end), 4);
    if (!found) continue;
    cut.add(end);
    flags.push(
      makeFlag('lost-attribution', 'major', `The attribution ${quoted(found.said)} follows a full stop: the quotation it belongs to lost its punctuation`, start, end + found.length, text),
    );
  }

  let dialogue: boolean | undefined;
  for (const match of text.matchAll(LOOSE_COMMA)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (cut.has(end)) continue;
    const found = attribution(text.slice(end), 3);
    if (!found) continue;
    const { said } = found;
    dialogue ??= paragraphIsDialogue(ctx, index, text);
    if (dialogue) continue;
    const dash = /[–—]/u.test(match[0]);
    const message = dash
      ? `The attribution ${quoted(`– ${said}`)} has no dialogue to attribute: the paragraph’s opening dash was lost`
      : `The attribution ${quoted(said)} follows a stray comma, and the paragraph has no quotation marks: they were lost`;
    flags.push(makeFlag('lost-attribution', 'major', message, start, end + found.length, text));
  }
  return flags;
};
