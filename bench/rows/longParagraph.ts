/**
 * A book that is one paragraph: the bench's book as a plain text with a title, one blank line, and then all its
 * lines joined into one (MT that lost its line breaks; a sentence a line under a heading used to read so too,
 * before a long run of lines became a paragraph each — core/segmentation/segmentText.ts). Each paragraph check
 * (quotation balance, quote style, dialogue) used to read the whole paragraph for every sentence, and every save
 * re-checked the whole paragraph: 23 s a save at 2,000 lines. The checks now ask facts gathered once per
 * paragraph (core/checks/paragraphFacts.ts), and a save whose sentence keeps what its paragraph reads of it (its
 * quotation balance and edges) re-checks that sentence alone. A save that does change them, such as opening a
 * quotation, still re-checks the paragraph: here, the whole book.
 */
import { median, timeMs } from '../stats';
import type { RowModule } from '../table';

const SAVES = 7;

const longParagraph: RowModule = {
  order: 67,
  rows(document) {
    const { services, text } = document;
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const imported = services.documents.importText({ fileName: 'one-paragraph.txt', title: 'One paragraph', text: `Title\n\n${lines.join(' ')}\n`, hasBom: false });
    const whole = timeMs(() => services.checks.document(imported.id));
    const sentences = services.segments.page(imported.id, 0, 1).total;
    const middle = services.segments.page(imported.id, Math.floor(sentences / 2), SAVES).items;
    if (middle.some((row) => row.paragraph !== middle[0]!.paragraph)) throw new Error('The one-paragraph book was split into paragraphs.');
    const saves = middle.map((row, i) => timeMs(() => services.segments.update(row.id, `${row.currentText} und mehr${'!'.repeat(i)}`)));
    return [
      {
        key: 'save',
        label: `one-paragraph book: save (median of ${SAVES})`,
        value: median(saves),
        unit: 'ms',
        baseline: { label: 'its whole check', value: whole, about: `the book as one paragraph of ${sentences} sentences, checked whole, once, in the bench's process` },
        note: `${sentences} sentences in one paragraph`,
      },
    ];
  },
};

export default longParagraph;
