import { useCallback, useSyncExternalStore } from 'react';
import type { Segment } from '../../../core/model/segment';
import { afterNextFrame } from '../../lib/afterNextFrame';
import type { TypingHistory } from '../../lib/typingHistory';

/** Where a sentence's text as the editor sees it comes from: their unsaved text, or the stored one. */
export interface TypedTexts {
  textOf: (segment: Segment) => string;
  subscribeText: (segmentId: number, listener: () => void) => () => void;
  /** The undo history of a sentence's correction field, kept while the row scrolls out of view and back. */
  historyOf: (segmentId: number) => TypingHistory;
}

/**
 * A sentence's text as typed, for the field that shows it: only that component re-renders when the editor
 * types, at once (a controlled field must show its key in the same frame).
 */
export function useTypedText(texts: TypedTexts, segment: Segment): string {
  const subscribe = useCallback((listener: () => void) => texts.subscribeText(segment.id, listener), [texts, segment.id]);
  return useSyncExternalStore(subscribe, () => texts.textOf(segment));
}

/**
 * A sentence's text as typed, for what derives from it (its diff, its figures, its check): told of a key only
 * once the frame showing that key has been drawn, so the key costs its frame the field alone. Keys faster than
 * frames are taken together; any other render reads the text as it is now.
 */
export function useTypedTextAfterFrame(texts: TypedTexts, segment: Segment): string {
  const subscribe = useCallback(
    (listener: () => void) => {
      let waiting = false;
      let listening = true;
      const unsubscribe = texts.subscribeText(segment.id, () => {
        if (waiting) return;
        waiting = true;
        afterNextFrame(() => {
          waiting = false;
          if (listening) listener();
        });
      });
      return () => {
        listening = false;
        unsubscribe();
      };
    },
    [texts, segment.id],
  );
  return useSyncExternalStore(subscribe, () => texts.textOf(segment));
}
