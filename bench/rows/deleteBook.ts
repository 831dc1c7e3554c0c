/**
 * Deleting a book, through the IPC handlers main registers: its sentences, revisions, flags and index entries
 * go a few hundred sentences a step between requests (the document set aside first). The figure is the longest
 * wait of a page of another document asked every millisecond meanwhile; the baseline is a copy of the book
 * deleted at once, on the request path, as it was before.
 */
import { benchHandlers } from '../handlers';
import { waitsWhile } from '../requestWaits';
import { timeMs } from '../stats';
import type { RowModule } from '../table';

const deleteBook: RowModule = {
  order: 90,
  alone: true,
  async rows(document) {
    const { services, text } = document;
    const handlers = benchHandlers(services);
    const copy = () => services.documents.importText({ fileName: 'copy.txt', title: 'Copy', text, hasBom: false }).id;
    const stepped = copy();
    let running = true;
    const started = performance.now();
    const deleting = Promise.resolve(handlers['documents.delete']({ documentId: stepped })).finally(() => (running = false));
    // The grid of the book the editor has open keeps being read meanwhile.
    const waits = await waitsWhile(document, () => running, deleting);
    const ms = performance.now() - started;
    const atOnce = copy();
    const baseline = timeMs(() => services.documents.remove(atOnce));
    return [
      {
        key: 'delete-book',
        label: 'deleting a copy of the book between requests: longest request wait',
        value: waits.longest,
        unit: 'ms',
        baseline: { label: 'deleted at once on the request path', value: baseline, about: 'another copy of the book deleted in one transaction, as before' },
        note: `${waits.over50} of ${waits.requests} requests over 50 ms; ${Math.round(ms)} ms in all`,
      },
    ];
  },
};

export default deleteBook;
