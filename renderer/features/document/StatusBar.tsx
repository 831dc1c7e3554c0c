import { useSyncExternalStore } from 'react';
import { SEGMENT_STATUSES } from '../../../core/model/segment';
import { Progress } from '../../components/Progress';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { checkedSoFar } from '../checks/checkedSoFar';
import { SaveIndicator } from './SaveIndicator';
import type { SaveQueue } from './saveQueue';
import type { DocumentCounts } from './useDocumentCounts';

/** The document's lasting state, at the bottom: progress, statuses, flags and whether everything is saved. */
interface StatusBarProps {
  counts: DocumentCounts;
  flagged: number;
  /** The document's check running in the background, if it is. */
  checking: { done: number; total: number } | null;
  /** Whether everything typed is stored: heard here, so a save going out draws the status bar alone. */
  saves: Pick<SaveQueue, 'subscribe' | 'getState'>;
}

export function StatusBar({ counts, flagged, checking, saves }: StatusBarProps) {
  const saveState = useSyncExternalStore(saves.subscribe, saves.getState);
  const counted = SEGMENT_STATUSES.filter((s) => s !== 'not_started' && (counts.byStatus[s] ?? 0) > 0);
  return (
    <footer className="status-bar" aria-label="Document status">
      <Progress done={counts.edited} total={counts.total} label="corrected" />
      <span className="status-counts" data-testid="status-counts">
        {counted.map((s) => `${counts.byStatus[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(' · ')}
      </span>
      {/* A partly translated file's units still to translate (the Empty filter lists them). */}
      {counts.empty > 0 && (
        <span className="status-empty" data-testid="status-empty" title="Sentences without text (units still to translate, or sentences emptied): Show → Empty lists them">
          {counts.empty} empty
        </span>
      )}
      <span className="status-flagged" data-testid="status-flagged">
        {checking ? `⚑ checking${checkedSoFar(checking)}…` : flagged > 0 ? `⚑ ${flagged} flagged` : ''}
      </span>
      <SaveIndicator state={saveState} />
    </footer>
  );
}
