import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanAfterEdit } from '../../../core/model/spanAfterEdit';

/** The words a span covers once the text is changed. */
const moved = (before: string, after: string, words: string, from = 0) => {
  const start = before.indexOf(words, from);
  const span = spanAfterEdit(before, after, start, start + words.length);
  return after.slice(span.start, span.end);
};

describe('spanAfterEdit: a tagged span once the text is changed', () => {
  it('moves with words typed or deleted before it, and stays for changes after it', () => {
    const before = 'President Tokayev, he said he would stay.';
    expect(moved(before, 'President of Kazakhstan Tokayev, he said he would stay.', 'he', 25)).toBe('he');
    expect(spanAfterEdit(before, 'President of Kazakhstan Tokayev, he said he would stay.', 27, 29)).toEqual({ start: 41, end: 43 });
    expect(moved(before, 'President Tokayev, he said he would go.', 'he', 25)).toBe('he');
    expect(moved(before, 'Tokayev, he said he would stay.', 'he', 25)).toBe('he');
  });

  it('moves when what is typed or deleted begins as its words do', () => {
    expect(moved('The government fell.', 'The good government fell.', 'government')).toBe('government');
    expect(moved('The good government fell.', 'The government fell.', 'government')).toBe('government');
    expect(moved('People set the burning cars aside.', 'People set the big burning cars aside.', 'burning')).toBe('burning');
  });

  it('stays where it was when the edit touches it, or the text changed on both sides of it', () => {
    const before = 'The authorities said so.';
    expect(spanAfterEdit(before, 'The officials said so.', 4, 15)).toEqual({ start: 4, end: 15 });
    expect(spanAfterEdit('A  big  one.', 'A big one.', 3, 6)).toEqual({ start: 3, end: 6 });
  });

  it('comes back where it was when an edit is undone, even one that left it past the end', () => {
    const before = 'They said authorities all good';
    const after = 'They said all good';
    const start = before.indexOf('all');
    const there = spanAfterEdit(before, after, start, start + 3);
    expect(after.slice(there.start, there.end)).toBe('all');
    expect(spanAfterEdit(after, before, there.start, there.end)).toEqual({ start, end: start + 3 });
    // A span left past the end of a text stays as it is, and so is found again by the undo.
    expect(spanAfterEdit('short', 'a longer text', 30, 33)).toEqual({ start: 30, end: 33 });
  });

  it('property: an edit wholly before or after a span keeps its words under it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.boolean(), (head, words, tail, typed, atStart) => {
        const before = head + words + tail;
        const start = head.length;
        const after = atStart ? typed + before : before + typed;
        const span = spanAfterEdit(before, after, start, start + words.length);
        expect(after.slice(span.start, span.end)).toBe(words);
      }),
    );
  });
});
