import { useEffect, useState } from 'react';
import type { Flag } from '../../../core/checks/types';
import type { Segment } from '../../../core/model/segment';
import { call } from '../../lib/desktop';

const LIVE_DELAY_MS = 150;

/** Flags and the text they were found in: their spans and fixes are of that text. */
export interface CheckedText {
  flags: readonly Flag[];
  text: string;
}

/**
 * The flags of a sentence as the editor types: the stored check result while the text is the stored one,
 * otherwise the sentence checked again (in its document) shortly after each pause — until then, the last flags
 * found, with the text they were found in (see below for the moment between a save and its stored flags).
 */
/**
 * While the editor types at the end of a sentence, a misspelling there is most likely a word not finished yet
 * (`clos` on the way to `closed`): marking it would flash a flag under the row at every pause and save. So a
 * misspelled last word is held back while the row is being edited if the sentence did not end with it when the
 * editor came in; it shows once they move on, if it stayed wrong. One that was there before (`Introdution` in a
 * heading) shows at once, with its fix.
 */
const typedSinceEntering = (flag: Flag, text: string, entered: string): boolean =>
  flag.check === 'spelling' && flag.end === text.length && !entered.endsWith(text.slice(flag.start));
const withoutWordBeingTyped = (checked: CheckedText, entered: string): CheckedText =>
  checked.flags.some((flag) => typedSinceEntering(flag, checked.text, entered))
    ? { ...checked, flags: checked.flags.filter((flag) => !typedSinceEntering(flag, checked.text, entered)) }
    : checked;

export function useLiveFlags(segment: Segment, text: string, stored: readonly Flag[], editing: boolean): CheckedText {
  /** The last live result, with the stored flags there were when it came (storedKey). */
  const [live, setLive] = useState<(CheckedText & { storedKey: string }) | null>(null);
  const typing = text !== segment.currentText;
  // The text as it was when the editor came into the row (kept from render to render, set anew on entering).
  const [entered, setEntered] = useState({ editing, text });
  if (entered.editing !== editing) setEntered({ editing, text });
  const storedKey = stored.map((flag) => `${flag.check}:${flag.start}:${flag.end}:${flag.message}`).join('|');

  useEffect(() => {
    if (!typing) return;
    let current = true;
    const timer = setTimeout(() => {
      call('checks.segment', { segmentId: segment.id, text }).then(
        (flags) => current && setLive({ text, flags, storedKey }),
        () => undefined, // a failed live check keeps the last flags; the next pause tries again
      );
    }, LIVE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typing, segment.id, text, storedKey]);

  // Once the text is saved, a live result of this very text stands until the stored flags change (the save's
  // check landed, a flag was ignored): falling back at once to the stored flags, still those of the text before,
  // made the list under the row flicker between the two sets on every keystroke and save.
  const liveStands = live !== null && (typing || (live.text === text && live.storedKey === storedKey));
  const checked = liveStands ? live : { flags: stored, text: segment.currentText };
  return editing ? withoutWordBeingTyped(checked, entered.text) : checked;
}
