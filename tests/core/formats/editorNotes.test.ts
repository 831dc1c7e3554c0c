import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorNote, fileNote, joinNotes, sentenceNotes } from '../../../core/formats/editorNotes';

/** The units of one element, each with its sentence's note ('' for none). */
const units = (notes: readonly string[]) => notes.map((note, k) => ({ key: `u${k}`, text: '', status: 'edited' as const, notes: note === '' ? [] : [note] }));

describe('the note of an element’s sentences', () => {
  it('is the first sentence’s note as it is while no other has one, and the only sentence’s always', () => {
    expect(editorNote(units(['Check the name.', '']))).toBe('Check the name.');
    expect(sentenceNotes('Check the name.', 2)).toEqual(['Check the name.', '']);
    expect(editorNote(units(['[2] see the glossary']))).toBe('[2] see the glossary');
    expect(sentenceNotes('[2] see the glossary', 1)).toEqual(['[2] see the glossary']);
  });

  it('puts every line under its sentence’s number once another sentence has a note, and reads each back to its sentence', () => {
    const note = editorNote(units(['', 'Two lines,\n\nthe second.', 'Third.']))!;
    expect(note).toBe('[2] Two lines,\n[2]\n[2] the second.\n[3] Third.');
    expect(sentenceNotes(note, 3)).toEqual(['', 'Two lines,\n\nthe second.', 'Third.']);
    // A line of a note that reads like a number is the note's own text under its sentence's number.
    const tricky = editorNote(units(['[1] Check the name.\n[2] Check the date.', '']))!;
    expect(tricky).toBe('[1] [1] Check the name.\n[1] [2] Check the date.');
    expect(sentenceNotes(tricky, 2)).toEqual(['[1] Check the name.\n[2] Check the date.', '']);
  });

  it('keeps the file’s part of the note for a sentence given without its notes', () => {
    const filed = '[1] First.\n[2] Second.';
    const given = [{ key: 'u0', text: '', status: 'edited' as const, notes: ['Changed.'] }, { key: 'u1', text: '', status: 'edited' as const }];
    expect(editorNote(given, undefined, filed)).toBe('[1] Changed.\n[2] Second.');
    expect(editorNote([given[0], undefined], undefined, filed)).toBe('[1] Changed.\n[2] Second.');
    // Given with no note, it has none; given with nothing at all, the file's note stays.
    expect(editorNote([given[0], { ...given[1]!, notes: [] }], undefined, filed)).toBe('Changed.');
    expect(editorNote([given[1], undefined], undefined, filed)).toBeNull();
  });

  it('takes a note written some other way, numbered out of order or beyond the sentences, as the first sentence’s whole', () => {
    expect(sentenceNotes('By hand.\n[2] Not a number of ours.', 2)).toEqual(['By hand.\n[2] Not a number of ours.', '']);
    expect(sentenceNotes('[3] Beyond.', 2)).toEqual(['[3] Beyond.', '']);
    expect(sentenceNotes('[2] Second.\n[1] Out of order.', 2)).toEqual(['[2] Second.\n[1] Out of order.', '']);
  });

  it('reads back exactly what it wrote, sentence by sentence', () => {
    const line = fc.stringMatching(/^(?:\[[0-4]\] ?)?[a-z .[\]0-9]{0,8}$/);
    const note = fc.array(line, { maxLength: 3 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 4 }), (notes) => {
        const written = editorNote(units(notes))!;
        expect(sentenceNotes(fileNote(written), notes.length)).toEqual(notes.map((n) => joinNotes([n])));
      }),
      { numRuns: 500 },
    );
  });
});
