import { useEffect, useState } from 'react';
import { MQM_CATEGORIES, MQM_LABELS } from '../../../core/mqm/categories';
import { call } from '../../lib/desktop';

type Summary = Awaited<ReturnType<typeof summary>>;
const summary = (documentId: number) => call('annotations.summary', { documentId });

/** The document's MQM quality: errors by category, the penalty, the score against the editor's threshold. */
export function MqmSection({ documentId, refreshKey }: { documentId: number; refreshKey: number }) {
  const [mqm, setMqm] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    summary(documentId).then(
      (s) => current && setMqm(s),
      (e: unknown) => current && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [documentId, refreshKey]);

  if (error) return <p className="inline-error">{error}</p>;
  if (!mqm) return null;
  const saveThreshold = (typed: string) => {
    const value = Number(typed);
    if (typed.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 && value !== mqm.threshold) {
      void call('annotations.setThreshold', { documentId, threshold: value }).then(setMqm);
    }
  };
  const categories = MQM_CATEGORIES.filter((c) => mqm.byCategory[c] > 0);
  return (
    <section aria-label="MQM quality" data-testid="mqm">
      <h3>Quality (MQM)</h3>
      <dl className="figures">
        <div className="figure">
          <dt>Score</dt>
          <dd className={mqm.pass ? 'mqm-pass' : 'mqm-fail'}>
            {mqm.score.toFixed(2)} {mqm.pass ? '· pass' : '· fail'}
          </dd>
        </div>
        <div className="figure">
          <dt>Errors · penalty</dt>
          <dd>
            {mqm.errors} · {mqm.penalty}
          </dd>
        </div>
        {categories.map((c) => (
          <div className="figure" key={c}>
            <dt>{MQM_LABELS[c]}</dt>
            <dd>{mqm.byCategory[c]}</dd>
          </div>
        ))}
      </dl>
      <label className="checkbox threshold">
        Pass threshold
        <input
          type="number"
          min={0}
          max={100}
          step={0.5}
          defaultValue={mqm.threshold}
          aria-label="Pass threshold"
          onBlur={(e) => saveThreshold(e.target.value)}
          // Enter sets it too, as in any form field: the verdict follows at once.
          onKeyDown={(e) => e.key === 'Enter' && saveThreshold(e.currentTarget.value)}
        />
      </label>
    </section>
  );
}
