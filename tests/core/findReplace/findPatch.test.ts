import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileReplace, patchMatches, patchPositions, rowMatches, rowPasses, type FindRow } from '../../../core/findReplace';
import type { FindColumn, FindResult } from '../../../core/model/find';

const finderOf = (find: string, regex = false) => compileReplace({ find, replace: '', regex, caseSensitive: false, wholeWord: false });
const ALL: FindColumn[] = ['source', 'mt', 'target'];

/** The answer of a whole-document find, as the store gives it: every row's matches in order, cut at `limit`. */
function whole(rows: readonly FindRow[], find: string, columns: readonly FindColumn[], limit: number): FindResult {
  const matches = rows.flatMap((row) => rowMatches(finderOf(find), row, columns));
  return matches.length > limit ? { matches: matches.slice(0, limit), truncated: true } : { matches, truncated: false };
}
const wholePositions = (rows: readonly FindRow[], find: string) => rows.filter((row) => rowPasses(finderOf(find), row)).map((row) => row.position);

const row = (position: number, currentText: string, mtText = 'nothing', sourceText: string | null = null): FindRow => ({ position, sourceText, mtText, currentText });

describe('patching a find answer from the sentences a change landed', () => {
  it('takes out a changed sentence’s old matches and puts its new ones in their place, in document order', () => {
    const rows = [row(1, 'Almaty and Almaty', 'Alma-Ata'), row(2, 'no city'), row(3, 'Almaty', 'Almaty', 'Алматы')];
    const finder = finderOf('alma');
    const before = whole(rows, 'alma', ALL, 100);
    const edited = [row(2, 'Almaty at last'), row(1, 'gone', 'Alma-Ata')];
    const after = patchMatches(before, edited, finder, ALL, 100);
    expect(after).toEqual({
      truncated: false,
      matches: [
        { position: 1, column: 'mt', start: 0, end: 4 },
        { position: 2, column: 'target', start: 0, end: 4 },
        { position: 3, column: 'mt', start: 0, end: 4 },
        { position: 3, column: 'target', start: 0, end: 4 },
      ],
    });
    // Only the columns shown; the answer it was given is left as it was.
    expect(patchMatches(before, edited, finder, ['target'], 100).matches.map((m) => m.column)).toEqual(['target', 'mt', 'target']);
    expect(before.matches).toHaveLength(5);
  });

  it('keeps a list cut at the limit a prefix of the document’s matches', () => {
    const rows = [row(1, 'a a'), row(2, 'a'), row(3, 'a a a'), row(4, 'a')];
    const before = whole(rows, 'a', ['target'], 4);
    expect(before).toMatchObject({ truncated: true });
    // A sentence past the cut is not listed; one before it that grows pushes the list past the limit: cut again.
    expect(patchMatches(before, [row(4, 'a a a a')], finderOf('a'), ['target'], 4)).toEqual(before);
    const grown = patchMatches(before, [row(2, 'a a a')], finderOf('a'), ['target'], 4);
    expect(grown.matches.map((m) => m.position)).toEqual([1, 1, 2, 2]);
    expect(grown.truncated).toBe(true);
  });

  it('adds and drops rows of the text filter', () => {
    const finder = finderOf('tea');
    expect(patchPositions([1, 4, 9], [row(4, 'no more'), row(6, 'Tea time'), row(9, 'stem')], finder)).toEqual([1, 6]);
    expect(patchPositions([], [row(2, 'tea'), row(1, 'x', 'Tea')], finder)).toEqual([1, 2]);
    expect(patchPositions([1], [row(1, 'x', 'x', 'tea')], finder)).toEqual([1]); // the source counts too
  });

  it('gives what asking for the whole document again gives, after any series of changes', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', 'ab', 'A'), { maxLength: 6 }).map((parts) => parts.join(''));
    const document = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 });
    const changes = fc.array(fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 3 }), { maxLength: 4 });
    fc.assert(
      fc.property(document, changes, fc.constantFrom('a', 'ab', 'b a'), fc.constantFrom(3, 1000), (texts, steps, find, limit) => {
        let rows = texts.map(([mt, target], i) => row(i + 1, target, mt));
        let answer = whole(rows, find, ['mt', 'target'], limit);
        let positions = wholePositions(rows, find);
        for (const step of steps) {
          const changed = step.map(([at, target]) => ({ ...rows[at % rows.length]!, currentText: target }));
          for (const r of changed) rows = rows.map((old) => (old.position === r.position ? r : old));
          // A change names each sentence once, as it is now.
          const landed = [...new Map(changed.map((r) => [r.position, rows[r.position - 1]!])).values()];
          answer = patchMatches(answer, landed, finderOf(find), ['mt', 'target'], limit);
          positions = patchPositions(positions, landed, finderOf(find));
        }
        const fresh = whole(rows, find, ['mt', 'target'], limit);
        if (answer.truncated) {
          // Cut short (it says so: "n+"), the patched list is still the start of the document's matches.
          expect(answer.matches.length).toBeLessThanOrEqual(limit);
          expect(fresh.matches.slice(0, answer.matches.length)).toEqual(answer.matches);
        } else {
          expect(answer).toEqual(fresh);
        }
        expect(positions).toEqual(wholePositions(rows, find));
      }),
      { numRuns: 300 },
    );
  });
});
