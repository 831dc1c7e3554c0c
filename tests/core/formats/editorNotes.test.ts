import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorNote, fileNote, joinNotes, sentenceNotes } from '../../../core/formats/editorNotes';

/** The units of one element, each with its sentence's note ('' for none). */
const units = (notes: readonly string[]) => notes.map((note, k) => ({ key: `u${k}`, text: '', status: 'edited' as const, notes: note === '' ? [] : [note] }));

describe('the note of an element’s sentences', () => {
  it('is the first sentence’s note as it is while no other has one', () => {
    expect(editorNote(units(['Check the name.', '']))).toBe('Check the name.');
    expect(sentenceNotes('Check the name.', 2)).toEqual(['Check the name.', '']);
  });

  it('numbers each sentence’s note once another has one, and reads each back to its sentence', () => {
    const note = editorNote(units(['', 'Two lines,\nthe second.', 'Third.']))!;
    expect(note).toBe('[2] Two lines,\nthe second.\n[3] Third.');
    expect(sentenceNotes(note, 3)).toEqual(['', 'Two lines,\nthe second.', 'Third.']);
  });

  it('takes a note written some other way, or numbered beyond the sentences, as the first sentence’s whole', () => {
    expect(sentenceNotes('By hand.\n[2] Not a number of ours.', 2)).toEqual(['By hand.\n[2] Not a number of ours.', '']);
    expect(sentenceNotes('[3] Beyond.', 2)).toEqual(['[3] Beyond.', '']);
    expect(sentenceNotes('[2] Second.\n[1] Out of order.', 2)).toEqual(['', 'Second.\n[1] Out of order.']);
  });

  it('joins notes unnumbered when a line of one would read as the number of a later sentence', () => {
    expect(editorNote(units(['', 'See:\n[3] the last one.', 'Last.']))).toBe('See:\n[3] the last one.\nLast.');
  });

  it('reads back what it wrote, sentence by sentence, or is the notes joined as before numbers', () => {
    const line = fc.stringMatching(/^(\[[1-4]\] )?[a-z .\[\]0-9]{0,8}$/);
    const note = fc.array(line, { maxLength: 3 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 4 }), (notes) => {
        const written = editorNote(units(notes))!;
        const normalized = notes.map((n) => joinNotes([n]));
        const back = sentenceNotes(fileNote(written), notes.length);
        expect(back.every((n, k) => n === normalized[k]) || written === joinNotes(normalized)).toBe(true);
      }),
    );
  });
});
