import { useCallback, useState } from 'react';
import type { Segment } from '../../../core/model/segment';
import type { PreviewedChange } from '../fixes/ChangePreviewDialog';
import { onlyLocked, openCount } from '../fixes/previewChoice';

export type Outcome = { batch: { id: number; label: string }; segments: Segment[]; skipped: number; locked: number; tooLong: number };

export interface Preview {
  title: string;
  changes: PreviewedChange[];
  apply: (segmentIds: number[]) => Promise<Outcome>;
  /** A doubt about applying them, said in the dialog (ChangePreviewDialog's `warning`). */
  warning?: string;
}

interface BulkFlow {
  /** What to ask the store for: the changes this action would make now. */
  load: () => Promise<PreviewedChange[]>;
  /** The dialog's title, given how many sentences the changes may be applied to (the locked ones not counted). */
  title: (count: number) => string;
  /** Said when there is nothing to change. */
  nothing: string;
  apply: (segmentIds: number[]) => Promise<Outcome>;
  warning?: string;
}

/**
 * Fix all, replace all, fix memory and propagation share one path: save what is typed, preview the
 * changes, apply the chosen ones as one undoable step, and report what landed.
 */
export function useBulkChange(
  flush: () => Promise<void>,
  landed: (outcome: Outcome) => void,
  /** Runs a write so that what it wrote shows if it fails part way (useWriteGuard). */
  guard: <T>(write: () => Promise<T>) => Promise<T>,
  onInfo: (message: string) => void,
  onError: (error: unknown) => void,
) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
      } catch (error) {
        onError(error);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );

  /** A write: when it fails part way, the window shows what it wrote (`guard`) before the error is told. */
  const write = useCallback((action: () => Promise<void>) => run(() => guard(action)), [run, guard]);

  /** flush → preview: the dialog opens with the changes, or a notice says there are none. */
  const start = useCallback(
    (flow: BulkFlow) =>
      void run(async () => {
        await flush();
        const changes = await flow.load();
        const open = openCount(changes);
        if (changes.length === 0) onInfo(flow.nothing);
        else if (open === 0) onInfo(onlyLocked(changes));
        else setPreview({ title: flow.title(open), changes, apply: flow.apply, warning: flow.warning });
      }),
    [run, flush, onInfo],
  );

  /** A preview already in hand (a propagation offer). */
  const show = useCallback((next: Preview) => setPreview(next), []);

  /** apply: the chosen sentences change as one step. */
  const apply = useCallback(
    (apply: (segmentIds: number[]) => Promise<Outcome>, segmentIds: number[]) => {
      setPreview(null);
      void write(async () => landed(await apply(segmentIds)));
    },
    [write, landed],
  );

  return { preview, busy, run, write, start, show, apply, close: () => setPreview(null) };
}

