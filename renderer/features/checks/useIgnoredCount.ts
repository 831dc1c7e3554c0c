import { useEffect, useState } from 'react';
import { call } from '../../lib/desktop';

/**
 * How many flags the editor ignored on the active sentence, asked again whenever `asked` moves (each answer of
 * the document's checks: an ignore or Show again brings one); 0 for any other row, which asks nothing.
 */
export function useIgnoredCount(segmentId: number, active: boolean, asked: number): number {
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
  }, [segmentId, active, asked]);
  return active && found?.segmentId === segmentId ? found.count : 0;
}
