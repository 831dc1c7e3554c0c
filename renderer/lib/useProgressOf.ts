import { useEffect, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../core/ipc';
import { call } from './desktop';

/** How often a bar asks main how far its work is: often enough to move smoothly, cheap for main. */
const POLL_MS = 150;

/**
 * How far a document's long work in main has got (an export, a bulk write), asked every POLL_MS while the bar is
 * shown: null until main says the work is running. A failed ask is ignored: the work's own answer reports failures.
 */
export function useProgressOf<C extends 'documents.exportProgress' | 'batches.progress'>(channel: C, documentId: number) {
  const [progress, setProgress] = useState<ResponseOf<C> | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      void call(channel, { documentId } as RequestOf<C>).then(
        (next) => live && setProgress(next),
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [channel, documentId]);
  return progress;
}
