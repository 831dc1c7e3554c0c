/**
 * Save → stored flags updated (an edit re-checks what it affects), against the whole-document check every save
 * ran before flags were stored; and the flags panel's reads from the store (counts, next flagged sentence).
 * The whole-document check runs first, as at a document's first read, so the saves find the flags stored.
 */
import { forgetContexts } from '../../core/checks/context';
import { median } from '../stats';
import type { RowModule } from '../table';

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const saveRows: RowModule = {
  order: 60,
  rows({ services, documentId, sentences }) {
    forgetContexts();
    const whole = time(() => services.checks.document(documentId));
    const middle = Math.floor(sentences / 2);
    const rows = services.segments.page(documentId, middle, 7).items;
    const saves = rows.map((row, k) => time(() => services.segments.update(row.id, `${row.currentText} The the edit ${k}.`)).ms);
    // What the window reads after each save: the counts and the flags of a screen of rows, serialized as IPC
    // sends them; before, it read every flagged sentence's flags.
    const screen = time(() => JSON.stringify([services.checks.summary(documentId), services.checks.storedInRange(documentId, middle, middle + 99)]));
    const everyFlag = time(() => JSON.stringify(services.checks.document(documentId)));
    const counts = time(() => services.checks.summary(documentId));
    const next = time(() => services.checks.nearest(documentId, middle, 'next'));
    const wholeBaseline = { label: 'whole-document check', value: whole.ms, about: 'checkService.document over every sentence (what every save ran before flags were stored)' };
    return [
      { key: 'save', label: 'save → stored flags updated (median of 7)', value: median(saves), unit: 'ms', baseline: wholeBaseline },
      { key: 'flags', label: 'flag counts from the store', value: counts.ms, unit: 'ms', baseline: wholeBaseline },
      {
        key: 'flags',
        label: "the window's read after a save: counts and a screen's flags",
        value: screen.ms,
        unit: 'ms',
        baseline: { label: 'every flagged sentence', value: everyFlag.ms, about: `what the window read after each save before (${(everyFlag.value.length / 1e6).toFixed(1)} MB of JSON)` },
      },
      { key: 'flags', label: 'next flagged sentence (F8) from the store', value: next.ms, unit: 'ms', baseline: wholeBaseline },
    ];
  },
};

export default saveRows;
