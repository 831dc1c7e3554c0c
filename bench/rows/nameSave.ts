/**
 * The saves the stored flags tell apart beyond a typing save (bench/rows/saveFlags.ts): one that changes a name's
 * standing (the sentences using it found through the names index, migration 0010), the live flags of the sentence
 * being typed, and propagation: the offer made on leaving an edited sentence (its first sentences, found through the
 * full-text index in document order) and the whole list read when the editor reviews or applies it — each beside what it cost before,
 * measured in the same run (the check context built from every sentence; every sentence read and the rule applied).
 */
import { contextState } from '../../core/checks/contextBuild';
import { applyRule } from '../../core/fixes';
import { median, timeMs } from '../stats';
import type { RowModule } from '../table';
import { OFFERED_MATCHES } from '../../services/propagationService';

const SAVES = 7;
/** Offers are reads of under a millisecond: the median of more of them than of the saves. */
const OFFERS = 31;

const nameSave: RowModule = {
  order: 65,
  rows({ services, documentId, sentences }) {
    const all = services.segments.page(documentId, 0, sentences + 10).items;
    const rebuildMs = timeMs(() => contextState(all.map((row) => ({ paragraph: row.paragraph, text: row.currentText, source: row.sourceText ?? null }))));
    const rebuild = { label: 'context from every sentence', value: rebuildMs, about: 'the check context built from every sentence (what a save paid when the cache compared or rebuilt it)' };
    const middle = all.slice(Math.floor(sentences / 2) + 2 * SAVES, Math.floor(sentences / 2) + 4 * SAVES);
    // A spelling no sentence used: a new name, clustered with its look-alike, re-checks the sentences using either.
    const names = middle.slice(0, SAVES).map((row, k) => timeMs(() => services.segments.update(row.id, `${row.currentText} Mit Zhukovskyj${'k'.repeat(k)} Zhukovski.`)));
    const live = middle.slice(SAVES).map((row, k) => timeMs(() => services.checks.segment(row.id, `${row.currentText} typed ${k}`)));
    const sample = all[Math.floor(sentences / 3)]!;
    const propagation = Array.from({ length: OFFERS }, () => timeMs(() => services.propagation.suggest(sample.id, 'die Ebene', 'die Schicht')));
    // The whole list, read when the editor reviews or applies an offer that said "more" (an explicit step).
    const rule = { find: 'Ebene', replace: 'Schicht', wholeWord: true, caseSensitive: true };
    const everyMatch = Array.from({ length: 3 }, () => timeMs(() => services.propagation.preview(sample.id, rule)));
    const scan = Array.from({ length: 3 }, () =>
      timeMs(() => {
        for (const row of services.segments.page(documentId, 0, sentences + 10).items) applyRule(row.currentText, { find: 'Ebene', replace: 'Schicht' });
      }),
    );
    return [
      { key: 'save', label: "save changing a name's standing (median of 7)", value: median(names), unit: 'ms', baseline: rebuild },
      { key: 'save', label: 'live flags of the typed sentence (median of 7)', value: median(live), unit: 'ms', baseline: rebuild },
      {
        key: 'propagation',
        label: `propagation offer (first ${OFFERED_MATCHES} in document order, full-text index, median of ${OFFERS})`,
        value: median(propagation),
        unit: 'ms',
        baseline: { label: 'every sentence read', value: median(scan), about: 'every sentence read and the rule applied to each (what propagation did before)' },
      },
      {
        key: 'propagation',
        label: 'propagation: every match, on review/apply (median of 3)',
        value: median(everyMatch),
        unit: 'ms',
        baseline: { label: 'every sentence read', value: median(scan), about: 'every sentence read and the rule applied to each (what propagation did before)' },
      },
    ];
  },
};

export default nameSave;
