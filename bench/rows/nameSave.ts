/**
 * The saves the stored flags tell apart beyond a typing save (bench/rows/saveFlags.ts): one that changes a name's
 * standing (the sentences using it found through the names index, migration 0010), the live flags of the sentence
 * being typed, and propagation suggestions found through the full-text index — each beside what it cost before,
 * measured in the same run (the check context built from every sentence; every sentence read and the rule applied).
 */
import { contextState } from '../../core/checks/contextUpdate';
import { applyRule } from '../../core/fixes';
import { median, timeMs } from '../stats';
import type { RowModule } from '../table';

const SAVES = 7;

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
    const propagation = Array.from({ length: SAVES }, () => timeMs(() => services.propagation.suggest(sample.id, 'die Ebene', 'die Schicht')));
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
        label: 'propagation suggestions (full-text index, median of 7)',
        value: median(propagation),
        unit: 'ms',
        baseline: { label: 'every sentence read', value: median(scan), about: 'every sentence read and the rule applied to each (what propagation did before)' },
      },
    ];
  },
};

export default nameSave;
