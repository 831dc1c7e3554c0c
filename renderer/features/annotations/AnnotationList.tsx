import { useEffect, useState } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import type { Segment } from '../../../core/model/segment';
import { MQM_LABELS } from '../../../core/mqm/categories';
import { call } from '../../lib/desktop';
import type { Notice } from '../../app/NoticeBar';

interface AnnotationListProps {
  segment: Segment;
  refreshKey: number;
  onError: (error: unknown) => void;
  /** An annotation was removed, or put back by Undo (the grid draws what is there). */
  onChanged?: () => void;
  /** Says a removal, with Undo: a removed error and its comment are otherwise gone. */
  onNotice?: (notice: Notice) => void;
}

/** The MQM errors tagged on a sentence, each removable (and the removal undoable from its notice). */
export function AnnotationList({ segment, refreshKey, onError, onChanged, onNotice }: AnnotationListProps) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    call('annotations.ofSegment', { segmentId: segment.id }).then((list) => current && setAnnotations(list), onError);
    return () => {
      current = false;
    };
  }, [segment.id, refreshKey, asked, onError]);

  return (
    <section aria-label="Errors" className="annotations">
      <h3>Errors (MQM)</h3>
      {annotations.length === 0 ? (
        <p className="muted">None. Select words in the correction and press Ctrl+Alt+A to tag one.</p>
      ) : (
        <ul className="annotation-list">
          {annotations.map((a) => (
            <li key={a.id} data-testid="annotation" className={`annotation annotation-${a.severity}`}>
              <span>
                <strong>{MQM_LABELS[a.category]}</strong> · {a.severity} · {a.side === 'source' ? 'source' : a.side === 'mt' ? 'MT' : 'correction'}: “{a.quote}”
                {a.comment ? ` — ${a.comment}` : ''}
              </span>
              <button
                type="button"
                className="button-quiet flag-button"
                onClick={() =>
                  call('annotations.remove', { id: a.id }).then(() => {
                    setAsked((n) => n + 1);
                    onChanged?.();
                    const { segmentId, side, start, end, category, severity, comment, quote } = a;
                    onNotice?.({
                      kind: 'info',
                      message: `Removed the ${MQM_LABELS[category]} error on “${a.quote}”.`,
                      action: {
                        label: 'Undo',
                        run: () =>
                          void call('annotations.add', { segmentId, side, start, end, category, severity, quote, ...(comment ? { comment } : {}) }).then(() => {
                            setAsked((n) => n + 1);
                            onChanged?.();
                          }, onError),
                      },
                    });
                  }, onError)
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
