/**
 * A flat save: what a save costs as the document grows, for the three kinds of save the stored flags tell
 * apart, beside a from-scratch rebuild of the document's check context measured in the same run (what a save
 * cost whenever the context cache had to compare or rebuild every sentence):
 *
 * - a typing save (no name touched): the context is patched in place, known current by the newest revision;
 * - a save that changes a name's standing (a new spelling of a name): the context is built again, and the
 *   sentences using the name are found through the stored names index (migration 0010);
 * - the live flags of the sentence being typed (checks.segment), read from the same context, no row but its own.
 *
 * Run alone: `npx tsx bench/flatSave.ts [sizes]` (default 1000,10000,100000); `npm run bench` prints it too.
 */
import { nodeNativeBinding } from '../cli/nativeBinding';
import { contextState } from '../core/checks/contextUpdate';
import { applyRule } from '../core/fixes';
import { createServices } from '../services';
import { bookText } from './document';
import { median, ms, thousands, timeMs } from './stats';

export interface FlatSaveBench {
  sentences: number;
  wholeCheckMs: number;
  /** Building the check context from every sentence: the baseline a save used to pay. */
  rebuildMs: number;
  typingSaveMs: number;
  nameSaveMs: number;
  liveFlagsMs: number;
  /** Propagation suggestions on leaving a row where a word was corrected (found through the full-text index). */
  propagationMs: number;
  /** The same matches found by reading every sentence (what propagation did before), measured in the same run. */
  propagationScanMs: number;
}

const SAVES = 7;

export function benchFlatSave(n: number): FlatSaveBench {
  const services = createServices(':memory:', { nativeBinding: nodeNativeBinding() });
  try {
    const { id } = services.documents.importText({ fileName: 'book.txt', title: 'Book', text: bookText(n), hasBom: false });
    const wholeCheckMs = timeMs(() => services.checks.document(id));
    const all = services.segments.page(id, 0, n + 10).items;
    const rebuildMs = timeMs(() => contextState(all.map((row) => ({ paragraph: row.paragraph, text: row.currentText, source: row.sourceText ?? null }))));
    const middle = all.slice(Math.floor(n / 2), Math.floor(n / 2) + 3 * SAVES);
    const typing = middle.slice(0, SAVES).map((row, k) => timeMs(() => services.segments.update(row.id, `${row.currentText} the the edit ${k}.`)));
    // A spelling no sentence used: a new name, clustered with its look-alike, re-checks the sentences using either.
    const names = middle.slice(SAVES, 2 * SAVES).map((row, k) => timeMs(() => services.segments.update(row.id, `${row.currentText} Mit Zhukovskyj${'k'.repeat(k)} Zhukovski.`)));
    const live = middle.slice(2 * SAVES).map((row, k) => timeMs(() => services.checks.segment(row.id, `${row.currentText} typed ${k}`)));
    // A corrected word of the APE lines ("Sie" → "sie" is frequent; "Ebene" is a word of a few hundred lines).
    const sample = all[Math.floor(n / 3)]!;
    const suggest = () => services.propagation.suggest(sample.id, 'die Ebene', 'die Schicht');
    const propagation = Array.from({ length: SAVES }, () => timeMs(suggest));
    const scan = Array.from({ length: SAVES }, () =>
      timeMs(() => {
        for (const row of services.segments.page(id, 0, n + 10).items) applyRule(row.currentText, { find: 'Ebene', replace: 'Schicht' });
      }),
    );
    return {
      sentences: all.length,
      wholeCheckMs,
      rebuildMs,
      typingSaveMs: median(typing),
      nameSaveMs: median(names),
      liveFlagsMs: median(live),
      propagationMs: median(propagation),
      propagationScanMs: median(scan),
    };
  } finally {
    services.close();
  }
}

/** The module's lines for `npm run bench` (or alone): one block per size, each figure against the first size's. */
export function printFlatSave(sizes: readonly number[], print: (line?: string) => void): void {
  const results: FlatSaveBench[] = [];
  benchFlatSave(200); // warm-up, not printed: the first size would otherwise pay for compiling the code
  print('Flat save (stored flags; names index as rows, migration 0010): median of 7 saves, ratio to the first size');
  for (const size of sizes) {
    const r = benchFlatSave(size);
    results.push(r);
    const first = results[0]!;
    const flat = (value: number, base: number) => (results.length > 1 ? ` (${(value / base).toFixed(1)}× the ${thousands(first.sentences)} figure)` : '');
    print(`  ${thousands(r.sentences)} sentences (whole-document check once: ${ms(r.wholeCheckMs)}; baseline, the context built from every sentence: ${ms(r.rebuildMs)})`);
    print(`    typing save → flags updated            ${ms(r.typingSaveMs, 2)}${flat(r.typingSaveMs, first.typingSaveMs)}`);
    print(`    save changing a name's standing        ${ms(r.nameSaveMs, 2)}${flat(r.nameSaveMs, first.nameSaveMs)}`);
    print(`    live flags of the typed sentence       ${ms(r.liveFlagsMs, 2)}${flat(r.liveFlagsMs, first.liveFlagsMs)}`);
    print(`    propagation suggestions (index)        ${ms(r.propagationMs, 2)}${flat(r.propagationMs, first.propagationMs)}; ` +
      `baseline, every sentence read and the rule applied: ${ms(r.propagationScanMs, 2)}`);
  }
}

if (process.argv[1]?.endsWith('flatSave.ts')) {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number).filter((x) => x > 0);
  printFlatSave(sizes, (line = '') => process.stdout.write(`${line}\n`));
}
