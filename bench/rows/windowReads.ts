/**
 * Every read the window makes on its own — as a document opens, as a panel opens, after each save while a panel
 * is open — through the IPC handlers main registers, each timed (median of 5), and the slowest printed with its
 * channel: none of them may grow with the document. Reads whose answer is as large as what the editor asked for
 * (a filter's positions, a search) have rows of their own or none.
 */
import { REVISION_ORIGINS } from '../../core/model/revision';
import { benchHandlers } from '../handlers';
import { median } from '../stats';
import type { RowModule } from '../table';

const RUNS = 5;
/** What the Changes panel lists by default: every origin but the import. */
const WORK = REVISION_ORIGINS.filter((origin) => origin !== 'import');

const windowReads: RowModule = {
  order: 75,
  async rows({ services, documentId, sentences }) {
    const handlers = benchHandlers(services);
    const middle = Math.floor(sentences / 2);
    const segment = services.segments.page(documentId, middle, 1).items[0]!;
    const since = Date.now() - 10 * 60_000; // before the import: "changed since" weighs every sentence revised
    const reads: Array<[string, () => unknown]> = [
      ['documents.list', () => handlers['documents.list']({})],
      ['documents.open', () => handlers['documents.open']({ documentId })],
      ['documents.statusCounts', () => handlers['documents.statusCounts']({ documentId })],
      ['documents.undoState', () => handlers['documents.undoState']({ documentId })],
      ['documents.timeline', () => handlers['documents.timeline']({ documentId, since: 0, origins: WORK })],
      ['documents.changesSince', () => handlers['documents.changesSince']({ documentId, since })],
      ['documents.metrics', () => handlers['documents.metrics']({ documentId, normalize: true, caseSensitive: true })],
      ['segments.page', () => handlers['segments.page']({ documentId, offset: middle, limit: 50 })],
      ['segments.history', () => handlers['segments.history']({ segmentId: segment.id })],
      ['annotations.ofDocument', () => handlers['annotations.ofDocument']({ documentId })],
      ['annotations.summary', () => handlers['annotations.summary']({ documentId })],
      ['checks.document', () => handlers['checks.document']({ documentId })],
      ['checks.inRange', () => handlers['checks.inRange']({ documentId, from: middle + 1, to: middle + 100 })],
      ['checks.nearest', () => handlers['checks.nearest']({ documentId, position: middle, direction: 'next' })],
      ['checks.languages', () => handlers['checks.languages']({ documentId })],
      ['checks.segment', () => handlers['checks.segment']({ segmentId: segment.id, text: `${segment.currentText} typed` })],
    ];
    const timed: Array<{ channel: string; ms: number }> = [];
    for (const [channel, read] of reads) {
      const runs: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        const started = performance.now();
        await read();
        runs.push(performance.now() - started);
      }
      timed.push({ channel, ms: median(runs) });
    }
    const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
    const total = timed.reduce((sum, t) => sum + t.ms, 0);
    return [
      {
        key: 'window-reads',
        label: `the window's own reads (${reads.length} channels): the slowest`,
        value: slowest.ms,
        unit: 'ms',
        baseline: { label: 'all of them', value: total, about: `the sum of the ${reads.length} reads' medians` },
        note: slowest.channel,
      },
    ];
  },
};

export default windowReads;
