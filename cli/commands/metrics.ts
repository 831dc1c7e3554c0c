import type { TerOptions } from '../../core/metrics';
import { parseId, UsageError, type Command } from '../args';
import type { CliIo } from '../io';
import { withServices } from '../store';
import { fileMetrics, formatReport, measurePairs, terOptions, type MetricsReport } from './metricsReport';

function storedDocument(id: number, options: TerOptions, io: CliIo): MetricsReport {
  return withServices(io.env, (services) => {
    const document = services.metrics.document(id, options);
    const { items } = services.segments.page(id, 0, Math.max(document.segments, 1));
    // Units without MT are translated, not post-edited: the document's figures count them apart, and so do these.
    const pairs = items.filter((s) => s.mtText !== '').map((s) => ({ line: s.position, mt: s.mtText, pe: s.currentText }));
    return { ...measurePairs(pairs, options), document };
  });
}

export const metrics: Command = {
  options: ['json', 'no-normalize', 'ignore-case'],
  run(args, options, io) {
    let report: MetricsReport;
    if (args.length === 2) {
      return fileMetrics.run(args, options, io);
    } else if (args.length === 1 && /^\d+$/.test(args[0]!)) {
      report = storedDocument(parseId(args[0]), terOptions(options), io);
    } else if (args.length === 1) {
      throw new UsageError(`metrics needs MT_FILE and PE_FILE, or a document id; "${args[0]}" alone is neither.`);
    } else {
      throw new UsageError('metrics needs MT_FILE and PE_FILE, or a document id.');
    }
    io.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};
