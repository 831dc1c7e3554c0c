/**
 * A book rich in names: the bench's book with a name of its own in every sentence (a made-up place, `bei
 * Moravenka.`), as a novel's or a manual's names and a German book's nouns are many. It is imported beside the
 * book and checked whole, then a save changing a name's standing is timed as in bench/rows/nameSave.ts, beside
 * that whole check. With names compared only within one key of what a variant needs (core/checks/nameIndex.ts,
 * bucketOf) and stored as rows (migration 0015), neither the save nor the check compares a name with every other.
 * A new process then builds its context between requests, its stored names compared a page a step: the longest
 * wait of a page asked every millisecond meanwhile.
 */
import { createServices } from '../../services';
import { contextWarming } from '../../services/contextWarming';
import { waitsWhile } from '../requestWaits';
import { checkInWorker } from '../checkInWorker';
import { median, timeMs } from '../stats';
import type { BenchRow, RowModule } from '../table';

const SAVES = 7;
const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sch', 'br', 'kr', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ei', 'au'];

/** The k-th made-up name: three syllables picked by k's digits, so each sentence gets its own (and no randomness). */
export function madeUpName(k: number): string {
  let n = k * 7_919 + 13;
  let name = '';
  for (let s = 0; s < 3; s++) {
    name += ONSETS[n % ONSETS.length]! + VOWELS[Math.floor(n / ONSETS.length) % VOWELS.length]!;
    n = Math.floor(n / (ONSETS.length * VOWELS.length)) + s * 101;
  }
  return `${name[0]!.toUpperCase()}${name.slice(1)}${k % 7 === 0 ? 'ka' : 'na'}`;
}

const nameRich: RowModule = {
  order: 66,
  alone: true,
  async rows(document) {
    const { services, text, storePath, nativeBinding } = document;
    let k = 0;
    const rich = text
      .split('\n')
      .map((line) => (line.trim() === '' ? line : `${line.replace(/[.!?]?$/u, '')} bei ${madeUpName(k++)}.`))
      .join('\n');
    const imported = services.documents.importText({ fileName: 'names.txt', title: 'Names', text: rich, hasBom: false });
    // Checked whole in a worker thread and its context built between requests, as the app does on opening it.
    const whole = await checkInWorker(document, imported.id);
    await contextWarming(services.checks).open(imported.id);
    const sentences = services.segments.page(imported.id, 0, 1).total;
    const middle = services.segments.page(imported.id, Math.floor(sentences / 2), SAVES).items;
    const names = middle.map((row, i) => timeMs(() => services.segments.update(row.id, `${row.currentText} Mit Zhukovskyj${'k'.repeat(i)} Zhukovski.`)));
    const known = new Set(Array.from({ length: k }, (_, i) => madeUpName(i))).size;
    const rows: BenchRow[] = [
      {
        key: 'save',
        label: `name-rich book: save changing a name's standing (median of ${SAVES})`,
        value: median(names),
        unit: 'ms',
        baseline: { label: 'its whole check', value: whole, about: `the name-rich book (${known} made-up names, one a sentence) checked whole, once, in a worker thread as the app checks it (thread start included)` },
        note: `${known} names`,
      },
    ];
    const fresh = createServices(storePath, { nativeBinding });
    try {
      let building = true;
      const built = contextWarming(fresh.checks)
        .open(imported.id)
        .finally(() => (building = false));
      const waits = await waitsWhile({ ...document, services: fresh, documentId: imported.id }, () => building, built);
      if (!(await built)) throw new Error('The name-rich context was not built between requests.');
      rows.push({
        key: 'context-build-wait',
        label: 'name-rich book: a request while its context is built between requests, longest wait',
        value: waits.longest,
        unit: 'ms',
        baseline: null,
        note: `${waits.over50} of ${waits.requests} over 50 ms`,
      });
    } finally {
      fresh.close();
    }
    return rows;
  },
};

export default nameRich;
