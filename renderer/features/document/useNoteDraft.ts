import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Segment } from '../../../core/model/segment';
import { useQuitWarning } from './useQuitWarning';

/**
 * The note being typed, kept as a correction is: saved when its box closes, and also before an export, before
 * leaving the document and when the screen goes, and asked about when the window closes. A box that simply goes
 * away (the document left by a shortcut) gets no blur, so its text would otherwise be lost.
 */
export function useNoteDraft(save: (segment: Segment, text: string) => Promise<void>) {
  const draft = useRef<{ segment: Segment; text: string } | null>(null);
  const saveNow = useRef(save);
  useEffect(() => {
    saveNow.current = save;
  });

  /** The box's text as typed (not yet saved). */
  const typed = useCallback((segment: Segment, text: string) => {
    // Typed back to what is stored: nothing to save, nothing to ask about on closing.
    draft.current = text.trim() === (segment.note ?? '') ? null : { segment, text };
  }, []);

  /** Saves the note as the box closes (its blur), or the draft left open; nothing when none is typed. */
  const flush = useCallback(async (closing?: { segment: Segment; text: string }): Promise<void> => {
    const left = draft.current;
    draft.current = null;
    // Another sentence's draft (its box went without a blur) is saved too, not dropped.
    if (left && left.segment.id !== closing?.segment.id) await saveNow.current(left.segment, left.text);
    if (closing) await saveNow.current(closing.segment, closing.text);
  }, []);

  useQuitWarning(useCallback(() => draft.current !== null, []));
  useEffect(() => () => void flush(), [flush]);
  return useMemo(() => ({ typed, flush }), [typed, flush]);
}
