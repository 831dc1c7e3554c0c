import { useEffect, useState } from 'react';
import type { Flag } from '../../../core/checks/types';
import type { Segment } from '../../../core/model/segment';
import { call } from '../../lib/desktop';

const LIVE_DELAY_MS = 150;

/**
 * The flags of a sentence as the editor types: the stored check result while the text is the stored one,
 * otherwise the sentence checked again (in its document) shortly after each pause.
 */
export function useLiveFlags(segment: Segment, text: string, stored: readonly Flag[]): readonly Flag[] {
  const [live, setLive] = useState<{ text: string; flags: Flag[] } | null>(null);
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

  if (!typing) return stored;
  return live?.text === text ? live.flags : (live?.flags ?? stored);
}
