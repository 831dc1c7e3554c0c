import { SidePanel } from '../../components/SidePanel';
import { useEffect, useMemo, useState } from 'react';
import { wordDiff } from '../../../core/diff';
import type { Revision } from '../../../core/model/revision';
import type { Segment } from '../../../core/model/segment';
import { DiffText } from '../../components/DiffText';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { call, messageOf } from '../../lib/desktop';
import { AnnotationList } from '../annotations/AnnotationList';
import type { Notice } from '../../app/NoticeBar';
import { revisionLabel } from './originLabels';


const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function Diff({ from, to }: { from: string; to: string }) {
  const ops = useMemo(() => wordDiff(from, to), [from, to]);
  return <DiffText ops={ops} side="inline" />;
}

interface HistoryPanelProps {
  segment: Segment;
  /** Moves when saves land, so the list is read again. */
  refreshKey: number;
  onRestored: (segment: Segment) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
  /** An annotation of the sentence was removed, or put back. */
  onAnnotationsChanged?: () => void;
  /** A removed annotation's notice, with its Undo. */
  onNotice?: (notice: Notice) => void;
}

/** Every revision of a sentence with its diff to the one before; any two compared; any one restored. */
export function HistoryPanel({ segment, refreshKey, onRestored, onError, onClose, onAnnotationsChanged, onNotice }: HistoryPanelProps) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [compare, setCompare] = useState<number[]>([]);

  useEffect(() => {
    let current = true;
    call('segments.history', { segmentId: segment.id }).then(
      (list) => current && setRevisions(list),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [segment.id, refreshKey, onError]);

  const toggle = (id: number) =>
    setCompare((chosen) => (chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(-2)));
  const picked = revisions ? compare.map((id) => revisions.find((r) => r.id === id)).filter((r): r is Revision => r !== undefined) : [];
  const compared = picked.length === 2 ? picked : null;
  const [older, newer] = compared ? [...compared].sort((a, b) => a.id - b.id) : [];
  // A revision is named as the editor sees it, by its place in the sentence's history (1 the oldest), not its id.
  const numberOf = new Map(revisions?.map((revision, i) => [revision.id, i + 1]));
  const describe = (revision: Revision) => `${revisionLabel(revision)}, ${time.format(revision.createdAt)}`;

  return (
    <SidePanel title={`History of sentence ${segment.position}`} name="history" onClose={onClose}>
      {older && newer && (
        <section className="compare" aria-label="Comparison">
          <h3>
            Comparing revision {numberOf.get(older.id)} with revision {numberOf.get(newer.id)}
          </h3>
          <p className="muted">
            {describe(older)} → {describe(newer)}
          </p>
          <p className="diff-block">
            <Diff from={older.text} to={newer.text} />
          </p>
        </section>
      )}
      {revisions === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ol className="revision-list" reversed>
          {[...revisions].reverse().map((revision, i, list) => {
            const previous = list[i + 1];
            const latest = i === 0;
            return (
              <li key={revision.id} className="revision" data-testid="revision" data-origin={revision.origin}>
                <div className="revision-head">
                  <label>
                    <input
                      type="checkbox"
                      checked={compare.includes(revision.id)}
                      onChange={() => toggle(revision.id)}
                      aria-label={`Compare revision ${numberOf.get(revision.id)}: ${describe(revision)}`}
                    />
                    <strong>
                      {numberOf.get(revision.id)}. {revisionLabel(revision)}
                    </strong>
                  </label>
                  <span className="muted">{time.format(revision.createdAt)}</span>
                </div>
                {revision.status && (
                  <div className="muted">
                    {STATUS_LABELS[revision.status]}
                    {revision.reason ? ` — ${revision.reason}` : ''}
                  </div>
                )}
                <p className="diff-block">{previous ? <Diff from={previous.text} to={revision.text} /> : revision.text}</p>
                {!latest && revision.text !== segment.currentText && (
                  <button
                    type="button"
                    className="flag-button"
                    onClick={() =>
                      call('segments.restore', { segmentId: segment.id, revisionId: revision.id }).then(
                        onRestored,
                        (error: unknown) => onError(new Error(messageOf(error))),
                      )
                    }
                  >
                    Restore this version
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <AnnotationList segment={segment} refreshKey={refreshKey} onError={onError} onChanged={onAnnotationsChanged} onNotice={onNotice} />
    </SidePanel>
  );
}
