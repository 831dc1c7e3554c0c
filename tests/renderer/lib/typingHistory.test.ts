import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAUSE_MS, TypingHistory } from '../../../renderer/lib/typingHistory';

/** Types `text` into `field` at `at`, one key every 100 ms from `clock.now`, recording each key. */
function type(history: TypingHistory, field: { text: string }, at: number, text: string, clock: { now: number }): void {
  for (const character of text) {
    const before = field.text;
    field.text = before.slice(0, at) + character + before.slice(at);
    at += 1;
    history.record(before, field.text, (clock.now += 100), at);
  }
}

function backspace(history: TypingHistory, field: { text: string }, caret: number, times: number, clock: { now: number }): void {
  for (let k = 0; k < times; k++) {
    const before = field.text;
    field.text = before.slice(0, caret - 1) + before.slice(caret);
    caret -= 1;
    history.record(before, field.text, (clock.now += 100), caret);
  }
}

describe('TypingHistory', () => {
  it('takes back a run of typing in one step, the caret where it began', () => {
    const history = new TypingHistory();
    const field = { text: 'The fox.' };
    const clock = { now: 0 };
    type(history, field, 7, ' the quick brown fox', clock);
    expect(field.text).toBe('The fox the quick brown fox.');
    expect(history.undo(field.text)).toEqual({ text: 'The fox.', selection: [7, 7] });
    expect(history.undo('The fox.')).toBeNull();
  });

  it('ends a step at a pause, a jump of the caret, or a change from typing to deleting', () => {
    const history = new TypingHistory();
    const field = { text: 'ab' };
    const clock = { now: 0 };
    type(history, field, 2, 'cd', clock);
    clock.now += PAUSE_MS + 1;
    type(history, field, 4, 'ef', clock); // after a pause
    type(history, field, 0, 'X', clock); // elsewhere
    backspace(history, field, 7, 2, clock); // deleting "ef"
    expect(field.text).toBe('Xabcd');
    expect(history.undo(field.text)?.text).toBe('Xabcdef');
    expect(history.undo('Xabcdef')?.text).toBe('abcdef');
    expect(history.undo('abcdef')?.text).toBe('abcd');
    expect(history.undo('abcd')?.text).toBe('ab');
  });

  it('starts another step once the field is left and entered again', () => {
    const history = new TypingHistory();
    const field = { text: 'a' };
    const clock = { now: 0 };
    type(history, field, 1, 'bc', clock);
    history.close();
    type(history, field, 3, 'de', clock);
    expect(history.undo(field.text)?.text).toBe('abc');
  });

  it('gives back deleted text selected, and a run of Backspace as one step', () => {
    const history = new TypingHistory();
    const field = { text: 'Hello world' };
    const clock = { now: 0 };
    backspace(history, field, 11, 6, clock);
    expect(field.text).toBe('Hello');
    expect(history.undo(field.text)).toEqual({ text: 'Hello world', selection: [5, 11] });
  });

  it('keeps a doubled letter typed inside a word in the same step (the caret says where it went)', () => {
    const history = new TypingHistory();
    const field = { text: 'helo' };
    const clock = { now: 0 };
    type(history, field, 2, 'll', clock); // "he" + "ll" + "lo"
    expect(field.text).toBe('helllo');
    expect(history.undo(field.text)?.text).toBe('helo');
  });

  it('puts the caret back where the keys went, not where the texts alone would place them', () => {
    const history = new TypingHistory();
    const field = { text: 'helo' };
    const clock = { now: 0 };
    type(history, field, 2, 'll', clock); // "he" + "ll" + "lo": the texts alone say "hel" + "ll" + "o"
    expect(history.undo(field.text)).toEqual({ text: 'helo', selection: [2, 2] });
    expect(history.redo('helo')).toEqual({ text: 'helllo', selection: [4, 4] });
    // Backspace over the first of two letters: the one deleted comes back selected where it was.
    const other = new TypingHistory();
    const word = { text: 'aab' };
    backspace(other, word, 1, 1, clock);
    expect(word.text).toBe('ab');
    expect(other.undo(word.text)).toEqual({ text: 'aab', selection: [0, 1] });
  });

  it('makes a paste or a replaced selection a step of its own', () => {
    const history = new TypingHistory();
    const clock = { now: 0 };
    history.record('one two', 'one two three', (clock.now += 100), 13); // pasted " three"
    history.record('one two three', 'one two threex', (clock.now += 100), 14);
    history.record('one two threex', 'one 2 threex', (clock.now += 100), 5); // "two" selected and replaced
    expect(history.undo('one 2 threex')).toEqual({ text: 'one two threex', selection: [4, 7] });
    expect(history.undo('one two threex')?.text).toBe('one two three');
    expect(history.undo('one two three')?.text).toBe('one two');
  });

  it('redoes what it undid, until the editor types again', () => {
    const history = new TypingHistory();
    const field = { text: 'a' };
    const clock = { now: 0 };
    type(history, field, 1, 'bc', clock);
    const undone = history.undo(field.text)!;
    expect(history.redo(undone.text)).toEqual({ text: 'abc', selection: [3, 3] });
    history.undo('abc');
    history.record('a', 'aZ', (clock.now += 100), 2);
    expect(history.redo('aZ')).toBeNull();
  });

  it('forgets its steps when the text was changed by something else (a revert, a replace)', () => {
    const history = new TypingHistory();
    const field = { text: 'a' };
    const clock = { now: 0 };
    type(history, field, 1, 'bc', clock);
    expect(history.undo('something else')).toBeNull();
    expect(history.undo('abc')).toBeNull();
  });

  it('undoes any sequence of edits back to the first text, step by step, and redoes it forward', () => {
    const edit = fc.record({ at: fc.nat(40), remove: fc.nat(3), insert: fc.string({ maxLength: 3 }), wait: fc.integer({ min: 0, max: 2 * PAUSE_MS }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(edit, { maxLength: 25 }), (first, edits) => {
        const history = new TypingHistory();
        const texts = [first];
        let now = 0;
        for (const { at, remove, insert, wait } of edits) {
          const before = texts.at(-1)!;
          const start = Math.min(at, before.length);
          const after = before.slice(0, start) + insert + before.slice(start + remove);
          history.record(before, after, (now += wait), start + insert.length);
          if (after !== before) texts.push(after);
        }
        const last = texts.at(-1)!;
        let current = last;
        const seen = [current];
        for (let state = history.undo(current); state; state = history.undo(current)) {
          current = state.text;
          seen.push(current);
        }
        expect(current).toBe(first);
        // Every state undo passes through is one the editor saw, in reverse order.
        let index = texts.length - 1;
        for (const text of seen.slice(1)) {
          const earlier = index === 0 ? -1 : texts.lastIndexOf(text, index - 1);
          expect(earlier).toBeGreaterThanOrEqual(0);
          index = earlier;
        }
        for (let state = history.redo(current); state; state = history.redo(current)) current = state.text;
        expect(current).toBe(last);
      }),
    );
  });
});

describe('TypingHistory.isBlank', () => {
  it('is blank with nothing typed, or once the text changed under it; not once its typing is undone', () => {
    const history = new TypingHistory();
    expect(history.isBlank()).toBe(true);
    const field = { text: 'abc' };
    const clock = { now: 0 };
    type(history, field, 3, 'd', clock);
    expect(history.isBlank()).toBe(false);
    expect(history.undo('abcd')?.text).toBe('abc');
    expect(history.undo('abc')).toBeNull();
    expect(history.isBlank()).toBe(false); // the redo is still to come
    expect(history.redo('abc')?.text).toBe('abcd');
    expect(history.undo('something else')).toBeNull(); // a document undo changed it
    expect(history.isBlank()).toBe(true);
  });
});

describe('TypingHistory.isStale', () => {
  it('is stale once the text is not what the typing left, never right after typing or with nothing typed', () => {
    const history = new TypingHistory();
    expect(history.isStale('abc')).toBe(false);
    const field = { text: 'abc' };
    type(history, field, 3, 'd', { now: 0 });
    expect(history.isStale('abcd')).toBe(false);
    expect(history.isStale('abc')).toBe(true); // a document undo took the typing back
  });
});

describe('TypingHistory.handOver', () => {
  it('keeps the field’s redo waiting for the document’s once Ctrl+Z went on to the document, till a redo or new typing', () => {
    let handed = 0;
    const history = new TypingHistory(undefined, () => handed++);
    history.handOver(); // nothing undone: nothing waits
    expect([history.redoesDocumentFirst(), handed]).toEqual([false, 0]);
    const field = { text: 'abc' };
    type(history, field, 3, 'd', { now: 0 });
    expect(history.undo('abcd')?.text).toBe('abc');
    history.handOver();
    expect([history.redoesDocumentFirst(), handed]).toEqual([true, 1]);
    expect(history.redo('abc')?.text).toBe('abcd');
    expect(history.redoesDocumentFirst()).toBe(false);
    expect(history.undo('abcd')?.text).toBe('abc');
    history.handOver();
    history.record('abc', 'abcx', 10, 4); // typed again: no redo left to wait
    expect(history.redoesDocumentFirst()).toBe(false);
  });
});
