import { useEffect, useState } from 'react';
import type { Flag } from '../../../core/checks/types';
import { call } from '../../lib/desktop';

/**
 * How many flags the editor ignored on the active sentence, asked again whenever its stored flags change (an
 * ignore, or showing them again, changes them); 0 for any other row, which asks nothing.
 */
export function useIgnoredCount(segmentId: number, active: boolean, storedFlags: readonly Flag[]): number {
  const [found, setFound] = useState<{ segmentId: number; count: number } | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    // A count that cannot be read leaves the line out: the flags themselves are unaffected.
    call('checks.ignoredCount', { segmentId }).then(
      (count) => live && setFound({ segmentId, count }),
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [segmentId, active, storedFlags]);
  return active && found?.segmentId === segmentId ? found.count : 0;
}
