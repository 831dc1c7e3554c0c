import { SidePanel } from '../../components/SidePanel';
import { useEffect, useMemo, useState } from 'react';
import { wordDiff } from '../../../core/diff';
import { REVISION_ORIGINS, type RevisionOrigin } from '../../../core/model/revision';
import { DiffText } from '../../components/DiffText';
import { call } from '../../lib/desktop';
import { ORIGIN_LABELS } from './originLabels';

type Entry = Awaited<ReturnType<typeof fetchTimeline>>[number];
const fetchTimeline = (documentId: number, since: number, origins: RevisionOrigin[]) =>
  call('documents.timeline', { documentId, since, origins });

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function Change({ before, after }: { before: string; after: string }) {
  const ops = useMemo(() => wordDiff(before, after), [before, after]);
  return <DiffText ops={ops} side="inline" />;
}

interface TimelinePanelProps {
  documentId: number;
  /** Changes whenever what the panel lists may have changed (a save, an export). */
  refreshKey: number | string;
  onJump: (position: number) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
}

/** Every change to the document in order, filtered by origin and time; or only what changed since a moment. */
export function TimelinePanel({ documentId, refreshKey, onJump, onError, onClose }: TimelinePanelProps) {
  const [origins, setOrigins] = useState<RevisionOrigin[]>(REVISION_ORIGINS.filter((o) => o !== 'import'));
  const [since, setSince] = useState('');
  const [mode, setMode] = useState<'timeline' | 'changes'>('timeline');
  // Null until the store answers: an empty list is then said to be empty, never shown blank.
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [changes, setChanges] = useState<{ since: number | null; changes: Array<{ segmentId: number; position: number; before: string; after: string }> } | null>(null);
  const sinceMs = since ? new Date(since).getTime() : undefined;
  const listed = origins.length === 0 ? [] : entries;

  useEffect(() => {
    let current = true;
    // No origin ticked lists nothing (the store reads an empty choice as every origin).
    if (mode === 'timeline' && origins.length > 0) {
      fetchTimeline(documentId, sinceMs ?? 0, origins).then((list) => current && setEntries(list), onError);
    } else if (mode === 'changes') {
      call('documents.changesSince', { documentId, since: sinceMs }).then((found) => current && setChanges(found), onError);
    }
    return () => {
      current = false;
    };
  }, [documentId, refreshKey, mode, sinceMs, origins, onError]);

  return (
    <SidePanel title="Changes" name="timeline" onClose={onClose}>
      <div className="segmented" role="radiogroup" aria-label="What to show">
        <button type="button" role="radio" aria-checked={mode === 'timeline'} className={mode === 'timeline' ? 'segmented-on' : undefined} onClick={() => setMode('timeline')}>
          Timeline
        </button>
        <button type="button" role="radio" aria-checked={mode === 'changes'} className={mode === 'changes' ? 'segmented-on' : undefined} onClick={() => setMode('changes')}>
          Changed since
        </button>
      </div>
      <label className="prompt-field">
        <span>{mode === 'changes' ? 'Since (empty: the last export)' : 'From'}</span>
        <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      {mode === 'timeline' ? (
        <>
          <fieldset className="origin-filter">
            <legend>Origins</legend>
            {REVISION_ORIGINS.map((origin) => (
              <label key={origin}>
                <input
                  type="checkbox"
                  checked={origins.includes(origin)}
                  onChange={(e) => setOrigins(e.target.checked ? [...origins, origin] : origins.filter((o) => o !== origin))}
                />
                {ORIGIN_LABELS[origin]}
              </label>
            ))}
          </fieldset>
          {listed?.length === 0 && (
            <p className="muted" data-testid="timeline-empty">
              {origins.length === 0
                ? 'No origin is chosen: tick the kinds of change to list.'
                : sinceMs !== undefined
                  ? 'No change of the kinds chosen since then.'
                  : 'No changes yet: each edit, fix and status change made in the document will be listed here.'}
            </p>
          )}
          <ol className="timeline-list">
            {(listed ?? []).map((entry) => {
              const label = entry.batchLabel ?? ORIGIN_LABELS[entry.origin];
              return (
                <li key={entry.id}>
                  <button type="button" className="button-quiet timeline-entry" onClick={() => onJump(entry.position)}>
                    <span className="muted">{time.format(entry.createdAt)}</span>
                    <span>
                      <strong>{label}</strong>
                      {/* A step's own label may name its sentence already ("Edit sentence 5"). */}
                      {!label.endsWith(`sentence ${entry.position}`) && ` · sentence ${entry.position}`}
                    </span>
                    <span className="timeline-text">{entry.text}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      ) : changes?.since === null ? (
        <p className="muted">The document has not been exported yet: choose a moment.</p>
      ) : changes?.changes.length === 0 ? (
        <p className="muted" data-testid="changes-since-empty">
          {sinceMs !== undefined ? 'No sentence has changed since then.' : 'No sentence has changed since the last export.'}
        </p>
      ) : (
        <ol className="timeline-list" data-testid="changes-since">
          {changes?.changes.map((change) => (
            <li key={change.segmentId}>
              <button type="button" className="button-quiet timeline-entry" onClick={() => onJump(change.position)}>
                <span className="muted">Sentence {change.position}</span>
                <span className="timeline-text">
                  <Change before={change.before} after={change.after} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </SidePanel>
  );
}
