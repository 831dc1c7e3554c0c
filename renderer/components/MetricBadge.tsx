import type { SegmentMetrics } from '../../core/metrics';

/** A row's post-editing effort at a glance: HTER and character edit rate, with the edits in the tooltip. */
export function MetricBadge({ metrics }: { metrics: SegmentMetrics }) {
  const { ter, charEditRate, edits, refWords, insertions, deletions, substitutions, shifts } = metrics;
  const level = ter === 0 ? 'none' : ter <= 20 ? 'light' : ter <= 50 ? 'medium' : 'heavy';
  return (
    <span
      className={`metric-badge metric-${level}`}
      data-testid="metric-badge"
      title={
        `HTER ${ter.toFixed(2)} %: ${edits} edits over ${refWords} words ` +
        `(${insertions} inserted, ${deletions} deleted, ${substitutions} substituted, ${shifts} shifted). ` +
        `Character edit rate ${charEditRate.toFixed(2)} %.`
      }
    >
      <span className="metric-ter">{ter.toFixed(1)}</span>
      <span className="metric-chars">{charEditRate.toFixed(0)}</span>
    </span>
  );
}
