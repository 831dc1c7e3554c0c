/**
 * Reads kept by the writes (migrations 0009 and 0014): the metrics panel from the stored totals, band counts and
 * median cursor, the first screen from the document row's counters and a keyset page, and search: a page of hits
 * in document order with snippets built in the same query, and a count that stops at a cap. A sentence in every
 * hundred is edited first (with typing time), so the figures have something to add up.
 */
import { SEARCH_COUNT_CAP } from '../../core/model/search';
import { medianMs } from '../stats';
import type { BenchRow, RowModule, Services } from '../table';

const PAGE = 50;
const PANEL_RUNS = 51;
/** The from-scratch metrics (the baseline) are timed up to this size: about 0.5 ms a sentence. */
const SCRATCH_UP_TO = 10_000;
/** 'Sie', 'Werkz' and 'Wi' are typed, so prefixes ('Wi', two letters, the shortest one: a one-letter word is looked for whole). */
export const SEARCH_QUERIES = ['Kontextmenü', 'Sie', '"klicken Sie"', 'Werkz', 'Datei speichern', 'Wi'] as const;

/** Median milliseconds of `runs` runs after one warm-up run. */
const timed = (work: () => unknown, runs = 5): number => medianMs(work, runs);

function editSome(services: Services, documentId: number, n: number): void {
  for (let offset = 0; offset < n; offset += 1000) {
    services.segments.page(documentId, offset, 1000).items.forEach((row, k) => {
      if ((offset + k) % 100 !== 0) return;
      const words = row.currentText.split(' ');
      words[words.length >> 1] = 'geändert';
      services.segments.update(row.id, words.join(' '), { editMs: 1000 + ((offset + k) % 7) * 900, keystrokes: 12 });
    });
  }
}

const storedReads: RowModule = {
  order: 70,
  rows({ services, documentId, sentences }) {
    editSome(services, documentId, sentences);
    // A read of some tens of microseconds: the median of many runs, so one pause of the collector does not make it.
    // What the panel asks as it opens (and after each save while open): the figures and the MQM summary.
    const panel = timed(() => [services.metrics.document(documentId), services.annotations.summary(documentId)], PANEL_RUNS);
    let scratch: BenchRow['baseline'] = null;
    if (sentences <= SCRATCH_UP_TO) {
      const started = performance.now();
      services.metrics.recompute(documentId);
      scratch = { label: 'from scratch', value: performance.now() - started, about: 'the document metrics computed from every sentence (what the panel ran before)' };
    }
    const rows: BenchRow[] = [
      { key: 'metrics-panel', label: `metrics panel (stored totals and MQM summary, median of ${PANEL_RUNS})`, value: panel, unit: 'ms', baseline: scratch },
      {
        key: 'first-screen',
        label: `first screen (open + first page of ${PAGE} + counts + summary)`,
        value: timed(() => {
          services.documents.open(documentId);
          services.segments.page(documentId, 0, PAGE);
          services.documents.statusCounts(documentId);
          services.documents.summary(documentId);
        }),
        unit: 'ms',
        baseline: null,
      },
      { key: 'first-screen', label: `a page of ${PAGE} at the end (keyset)`, value: timed(() => services.segments.page(documentId, sentences - PAGE, PAGE)), unit: 'ms', baseline: null },
    ];
    // What the search panel asks for: the first page of 50 hits in document order with their snippets, and the
    // count of every match up to the cap (SEARCH_COUNT_CAP; past it "more than").
    for (const query of SEARCH_QUERIES) {
      rows.push({
        key: 'search',
        label: `search ${query} (first 50 in document order, snippets, count to ${SEARCH_COUNT_CAP})`,
        value: timed(() => services.search.search(query, { documentId }), 3),
        unit: 'ms',
        baseline: null,
        // A page of one hit and a page of fifty are different work: each hit's snippets are built.
        note: `${services.search.search(query, { documentId }).hits.length} hits on the page`,
      });
    }
    return rows;
  },
};

export default storedReads;
