import { useEffect, useState } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import { call } from '../../lib/desktop';

const NONE: ReadonlyMap<number, readonly Annotation[]> = new Map();

/** The document's MQM annotations by sentence id, for the grid to draw; asked again when `refreshKey` moves. */
export function useDocumentAnnotations(documentId: number, refreshKey: number, onError: (error: unknown) => void) {
  const [bySegment, setBySegment] = useState(NONE);
  useEffect(() => {
    let live = true;
    call('annotations.ofDocument', { documentId }).then((list) => {
      if (!live) return;
      const map = new Map<number, Annotation[]>();
      for (const a of list) map.set(a.segmentId, [...(map.get(a.segmentId) ?? []), a]);
      setBySegment(map);
    }, onError);
    return () => {
      live = false;
    };
  }, [documentId, refreshKey, onError]);
  return bySegment;
}
