import { describe, expect, it } from 'vitest';
import { toMarkup, type DiffOp } from '../../../core/diff';

const op = (kind: DiffOp['kind'], text: string): DiffOp => ({ kind, text, aStart: 0, aEnd: 0, bStart: 0, bEnd: 0 });

describe('toMarkup', () => {
  it('wraps deletions and insertions and leaves equal text bare', () => {
    expect(toMarkup([op('equal', 'a '), op('delete', 'big'), op('insert', 'small'), op('equal', ' cat')])).toBe(
      'a <del>big</del><ins>small</ins> cat',
    );
  });

  it('marks whitespace-only changes so they are visible', () => {
    expect(toMarkup([op('equal', 'x'), op('delete', ' '), op('equal', ',')])).toBe('x<del> </del>,');
  });

  it('is empty for no ops', () => {
    expect(toMarkup([])).toBe('');
  });
});
