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
 * found, with the text they were found in.
 */
export function useLiveFlags(segment: Segment, text: string, stored: readonly Flag[]): CheckedText {
  const [live, setLive] = useState<CheckedText | null>(null);
  const typing = text !== segment.currentText;

  useEffect(() => {
    if (!typing) return;
    let current = true;
    const timer = setTimeout(() => {
      call('checks.segment', { segmentId: segment.id, text }).then(
        (flags) => current && setLive({ text, flags }),
        () => undefined, // a failed live check keeps the last flags; the next pause tries again
      );
    }, LIVE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typing, segment.id, text]);

  if (!typing || !live) return { flags: stored, text: segment.currentText };
  return live;
}
