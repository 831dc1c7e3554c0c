import { SidePanel } from '../../components/SidePanel';
import { useMemo } from 'react';
import { segmentMetrics, type TerOptions } from '../../../core/metrics';
import type { Effort } from '../../../core/model/revision';
import type { Segment } from '../../../core/model/segment';
import { duration, integer, percent } from '../../lib/format';
import { EditsByTypeChart } from './EditsByTypeChart';
import { HterHistogramChart } from './HterHistogramChart';
import { MqmSection } from './MqmSection';
import { useDocumentMetrics } from './useDocumentMetrics';
import { wordsPerHourFigure } from './wordsPerHour';
import { useTypedTextAfterFrame, type TypedTexts } from '../document/useTypedText';

interface MetricsPanelProps {
  documentId: number;
  savedCount: number;
  options: Required<TerOptions>;
  onOptions: (options: Required<TerOptions>) => void;
  /** The sentence being worked on, where its text as typed comes from, and the effort not yet saved. */
  active: { segment: Segment; texts: TypedTexts; unsaved: (segmentId: number) => Effort } | null;
  onClose: () => void;
}

function Figure({ label, value, testId, title }: { label: string; value: string; testId?: string; title?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd data-testid={testId} title={title}>
        {value}
      </dd>
    </div>
  );
}

const share = (count: number, total: number) => `${integer(count)} · ${percent(total ? (100 * count) / total : 0, 0)}`;

const NO_EFFORT: Effort = { editMs: 0, keystrokes: 0 };

/** The figures of the sentence in hand, as typed: it re-renders with its row's typing, not with the screen. */
function SentenceFigures({ segment, texts, unsaved, options }: { segment: Segment; texts: TypedTexts; unsaved: (segmentId: number) => Effort; options: Required<TerOptions> }) {
  const text = useTypedTextAfterFrame(texts, segment);
  const sentence = useMemo(() => segmentMetrics(segment.mtText, text, options), [segment.mtText, text, options]);
  // The effort not yet stored counts while typing waits to be saved: it goes with that save. Once all is saved,
  // the figures are the stored ones (time in the row since then goes with its next edit, if any).
  const effort = text !== segment.currentText ? unsaved(segment.id) : NO_EFFORT;
  const time = (
    <>
      <Figure label="Time" value={duration(segment.editMs + effort.editMs)} />
      <Figure label="Keystrokes" value={integer(segment.keystrokes + effort.keystrokes)} />
    </>
  );
  // A unit without MT is translated, not post-edited: it has no HTER (the document counts it apart).
  if (segment.mtText === '') {
    return (
      <dl className="figures">
        <Figure label="HTER" value="– (no MT)" testId="sentence-hter" />
        <Figure label="Words" value={integer(sentence.refWords)} testId="sentence-words" />
        {time}
      </dl>
    );
  }
  return (
    <dl className="figures">
      <Figure label="HTER" value={percent(sentence.ter)} testId="sentence-hter" />
      <Figure label="Edits / words" value={`${sentence.edits} / ${sentence.refWords}`} testId="sentence-edits" />
      <Figure label="Character edit rate" value={percent(sentence.charEditRate)} />
      <Figure
        label="Ins · del · sub · shift"
        value={`${sentence.insertions} · ${sentence.deletions} · ${sentence.substitutions} · ${sentence.shifts}`}
      />
      {time}
    </dl>
  );
}

/** The post-editing effort of the document and of the sentence in hand, measured as the research tools do. */
export function MetricsPanel({ documentId, savedCount, options, onOptions, active, onClose }: MetricsPanelProps) {
  const { metrics, pending, stopped, error, cancel } = useDocumentMetrics(documentId, options, savedCount, true);
  // The three classes are shares of the units that came with MT; the others are counted apart.
  const withMt = metrics ? metrics.segments - metrics.withoutMt.segments : 0;

  return (
    <SidePanel title="Metrics" name="metrics" onClose={onClose}>

      <section aria-label="This sentence">
        <h3>This sentence{active ? ` (${active.segment.position})` : ''}</h3>
        {active ? (
          <SentenceFigures segment={active.segment} texts={active.texts} unsaved={active.unsaved} options={options} />
        ) : (
          <p className="muted">Click into a correction to see its figures.</p>
        )}
      </section>

      <section aria-label="Document">
        <h3>Document</h3>
        {error && <p className="inline-error">Could not measure the document: {error}</p>}
        {pending && (
          <p className="muted" role="status" data-testid="metrics-progress">
            Measuring every sentence with these options…{' '}
            {pending.total > 0 ? `${integer(pending.done)} / ${integer(pending.total)}` : ''}{' '}
            <button type="button" className="button-quiet" onClick={cancel}>
              Stop
            </button>
          </p>
        )}
        {stopped && !metrics && <p className="muted">Measuring stopped: change the options or save to measure again.</p>}
        {metrics ? (
          <>
            <dl className="figures">
              <Figure label="HTER" value={percent(metrics.ter)} testId="document-hter" />
              <Figure label="Edits / words" value={`${integer(metrics.edits)} / ${integer(metrics.refWords)}`} />
              <Figure label="Untouched" value={share(metrics.untouched, withMt)} />
              <Figure label="Lightly corrected (HTER ≤ 50 %)" value={share(metrics.edited, withMt)} />
              <Figure label="Rewritten (HTER > 50 %)" value={share(metrics.rewritten, withMt)} />
              {metrics.withoutMt.segments > 0 && (
                <Figure
                  label="Translated without MT (not in HTER)"
                  value={`${integer(metrics.withoutMt.translated)} of ${integer(metrics.withoutMt.segments)} · ${integer(metrics.withoutMt.words)} words`}
                  testId="document-without-mt"
                />
              )}
              <Figure label="Editing time" value={duration(metrics.totalEditMs)} testId="document-edit-time" />
              <Figure label="Median per sentence" value={duration(metrics.medianEditMs)} testId="document-median-time" />
              {/* No time recorded is no speed at all, not a speed of 0; nor is a second or two of it a speed. */}
              <Figure label="Words per hour" {...wordsPerHourFigure(metrics)} testId="document-words-per-hour" />
              <Figure label="Keystrokes" value={integer(metrics.keystrokes)} />
            </dl>
            <HterHistogramChart histogram={metrics.hterHistogram} />
            <EditsByTypeChart counts={metrics.editsByType} />
          </>
        ) : (
          !error && !pending && !stopped && <p className="muted">Measuring…</p>
        )}
      </section>

      <MqmSection documentId={documentId} refreshKey={savedCount} />

      <section aria-label="How HTER is computed" className="panel-options">
        <label>
          <input
            type="checkbox"
            checked={options.normalize}
            onChange={(event) => onOptions({ ...options, normalize: event.target.checked })}
          />
          Split punctuation (tercom -N)
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.caseSensitive}
            onChange={(event) => onOptions({ ...options, caseSensitive: event.target.checked })}
          />
          Case-sensitive
        </label>
      </section>
    </SidePanel>
  );
}
