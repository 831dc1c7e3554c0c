import { describe, expect, it } from 'vitest';
import { isShortCommonWord } from '../../../core/fixes';

describe('isShortCommonWord', () => {
  it('is one word of up to three letters, in any spaced script, capitalized or not', () => {
    for (const find of ['in', 'In', 'the', 'a', 'на', 'в', 'der', 'à', 'a\u0300']) expect(isShortCommonWord({ find }), find).toBe(true);
    for (const find of ['Alma-Ata', 'into', 'in the', 'Mr.', 'x1', '']) expect(isShortCommonWord({ find }), find).toBe(false);
  });

  it('is not an acronym, nor a word of a script written without spaces', () => {
    for (const find of ['EU', 'UN', 'USA', '東京', 'する', 'ไป']) expect(isShortCommonWord({ find }), find).toBe(false);
  });
});
