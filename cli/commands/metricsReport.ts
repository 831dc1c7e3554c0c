import { basename } from 'node:path';
import { readInputFile } from '../../services/files';
import { detectAndDecode } from '../../services/encoding';
import { UsageError, type Command } from '../args';
import { checkAligned, formatReport, measurePairs, segmentLines, terOptions, type Pair } from './metricsFigures';

export { formatReport, measurePairs, terOptions, type MetricsReport } from './metricsFigures';

/** The lines of a text file, one segment each; the encoding is detected as import detects it (UTF-16, Windows-1251 …). */
function readSegmentLines(path: string): string[] {
  return segmentLines(detectAndDecode(readInputFile(path), basename(path)).text, path);
}

export function filePairs(mtPath: string, pePath: string): Pair[] {
  const mt = readSegmentLines(mtPath);
  const pe = readSegmentLines(pePath);
  checkAligned(mtPath, mt.length, pePath, pe.length);
  return mt.map((text, k) => ({ line: k + 1, mt: text, pe: pe[k]! }));
}

/** `metrics MT_FILE PE_FILE`: two files, no store (the quick entry runs only this). */
export const fileMetrics: Command = {
  options: ['json', 'no-normalize', 'ignore-case'],
  run(args, options, io) {
    if (args.length !== 2) throw new UsageError('metrics needs MT_FILE and PE_FILE, or a document id.');
    const report = measurePairs(filePairs(args[0]!, args[1]!), terOptions(options));
    io.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};
