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
    const counts = time(() => services.checks.counts(documentId));
    const next = time(() => services.checks.nearest(documentId, middle, 'next'));
    const wholeBaseline = { label: 'whole-document check', value: whole.ms, about: 'checkService.document over every sentence (what every save ran before flags were stored)' };
    return [
      { key: 'save', label: 'save → stored flags updated (median of 7)', value: median(saves), unit: 'ms', baseline: wholeBaseline },
      { key: 'flags', label: 'flag counts from the store', value: counts.ms, unit: 'ms', baseline: wholeBaseline },
      { key: 'flags', label: 'next flagged sentence (F8) from the store', value: next.ms, unit: 'ms', baseline: wholeBaseline },
    ];
  },
};

export default saveRows;
