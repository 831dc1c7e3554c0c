import { basename, extname } from 'node:path';
import { CHECKS } from '../core/checks';
import { wordDiff } from '../core/diff';
import { terPercent } from '../core/metrics';
import { metricsFromTotals } from '../core/metrics/storedFigures';
import { RedlineError } from '../core/model/errors';
import type { ExportProgress } from '../core/model/exportProgress';
import { runToEnd, type Steps } from '../core/model/steps';
import { SEGMENT_STATUSES, type SegmentStatus } from '../core/model/segment';
import { renderReport, type ReportAnnotation, type ReportData, type ReportFlag, type ReportOptions } from '../core/report/htmlReport';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import type { AnnotationService } from './annotationService';
import type { CheckService } from './checkService';
import { EXPORT_CHUNK, readSegmentSteps } from './exportContent';
import { writeFileAtomically } from './files';

const titleOf = (check: string) => CHECKS.find((c) => c.id === check)?.title ?? check;

/** The HTML review report of a document: the figures, the MQM score and every sentence with its changes. */
export function reportService(store: Store, checks: CheckService, annotations: AnnotationService, clock: Clock) {
  /**
   * Everything the report shows, as of `at` (the export time printed in it), as steps: the sentences are read and
   * their diffs built a chunk at a time, so the export worker can say how far it is.
   */
  function* reportDataSteps(documentId: number, at: number = clock()): Steps<ExportProgress, ReportData> {
    const document = store.documents.summary(documentId);
    if (!document) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    const segments = yield* readSegmentSteps(store, documentId);
    // The flags the editor sees on the final text: ignored ones are left out, as in the app.
    const flagsById = new Map(checks.document(documentId).segments.map((s) => [s.segmentId, s.flags]));
    const notes = store.notes.ofDocument(documentId);
    const reasons = store.revisions.rejectReasons(documentId);
    const annotationsById = new Map<number, ReportAnnotation[]>();
    const textsById = new Map(segments.map((s) => [s.id, s]));
    for (const a of store.annotations.ofDocument(documentId)) {
      const segment = textsById.get(a.segmentId);
      const text = a.side === 'source' ? segment?.sourceText : a.side === 'mt' ? segment?.mtText : segment?.currentText;
      const list = annotationsById.get(a.segmentId) ?? [];
      list.push({
        side: a.side,
        category: a.category,
        severity: a.severity,
        quote: a.quote,
        comment: a.comment,
        outdated: text?.slice(a.start, a.end) !== a.quote,
      });
      annotationsById.set(a.segmentId, list);
    }
    const statusCounts = Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
    for (const s of segments) statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1;
    // HTER per sentence and the document's figures as the writes keep them (migration 0009).
    const hterById = new Map(store.metrics.figures(documentId).map((f) => [f.segmentId, terPercent(f.edits, f.refWords)]));

    const mqm = annotations.summary(documentId);
    const reported: ReportData['segments'] = [];
    for (const s of segments) {
      if (reported.length % EXPORT_CHUNK === 0) yield { phase: 'building', done: reported.length, total: segments.length };
      reported.push({
        position: s.position,
        paragraph: s.paragraph,
        status: s.status,
        mtText: s.mtText,
        finalText: s.currentText,
        sourceText: s.sourceText,
        diff: wordDiff(s.mtText, s.currentText),
        hter: hterById.get(s.id) ?? 0,
        flags: (flagsById.get(s.id) ?? []).map(
          (f): ReportFlag => ({ check: f.check, title: titleOf(f.check), severity: f.severity, message: f.message }),
        ),
        note: notes.get(s.id) ?? '',
        rejectReason: reasons.get(s.id) ?? '',
        annotations: annotationsById.get(s.id) ?? [],
        ...(s.lockedBy && { locked: s.lockedBy }),
      });
    }
    return {
      title: document.title,
      fileName: document.fileName,
      exportedAt: at,
      metrics: metricsFromTotals(store.metrics.totals(documentId)!),
      statusCounts,
      mqm,
      segments: reported,
    };
  }

  /** Everything the report shows, as of `at`, at once. */
  const reportData = (documentId: number, at: number = clock()): ReportData => runToEnd(reportDataSteps(documentId, at));

  return {
    reportData,
    reportDataSteps,

    /** The report as a complete HTML document. */
    renderHtml(documentId: number, options: ReportOptions = {}): string {
      return renderReport(reportData(documentId), options);
    },

    /**
     * Writes the report to `path` (atomically) and records the export; the time in it is the recorded one.
     * `changedOnly` collapses untouched sentences into runs (default: for long documents, see `renderReport`).
     */
    exportHtml(documentId: number, path: string, options: ReportOptions = {}): { path: string } {
      const at = clock();
      const html = renderReport(reportData(documentId, at), options);
      writeFileAtomically(path, Buffer.from(html, 'utf8'));
      store.exports.record(documentId, 'html', path, at);
      return { path };
    },

    /** A file name for the report next to the original's: `article.txt` → `article.report.html`. */
    exportFileName(documentId: number): string {
      const document = store.documents.summary(documentId);
      if (!document) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      const stem = basename(document.fileName, extname(document.fileName)) || 'document';
      return `${stem}.report.html`;
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
