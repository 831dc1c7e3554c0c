import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanAfterEdit } from '../../../core/model/spanAfterEdit';

describe('spanAfterEdit: a tagged span once the text is changed', () => {
  const span = (text: string, words: string, from = 0) => [text.indexOf(words, from), text.indexOf(words, from) + words.length] as const;

  it('moves with words typed or deleted before it, and stays for changes after it', () => {
    const before = 'President Tokayev, he said he would stay.';
    const [start, end] = span(before, 'he', 25); // the second "he"
    const after = 'President of Kazakhstan Tokayev, he said he would stay.';
    const moved = spanAfterEdit(before, after, start, end);
    expect(after.slice(moved.start, moved.end)).toBe('he');
    expect(moved.start).toBe(after.indexOf('he', 40));
    expect(spanAfterEdit(before, 'President Tokayev, he said he would go.', start, end)).toEqual({ start, end });
    expect(spanAfterEdit(before, 'Tokayev, he said he would stay.', start, end)).toEqual({ start: start - 10, end: end - 10 });
  });

  it('stays where it was when the edit touches it: its words changed', () => {
    const before = 'The authorities said so.';
    const [start, end] = span(before, 'authorities');
    expect(spanAfterEdit(before, 'The officials said so.', start, end)).toEqual({ start, end });
  });

  it('property: an edit wholly before or after a span keeps its words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.boolean(), (head, words, tail, typed, atStart) => {
        const before = `${head}[${words}]${tail}`;
        const [start, end] = [head.length + 1, head.length + 1 + words.length];
        const after = atStart ? `${typed}${before}` : `${before}${typed}`;
        const moved = spanAfterEdit(before, after, start, end);
        expect(after.slice(moved.start, moved.end)).toBe(words);
      }),
    );
  });
});
