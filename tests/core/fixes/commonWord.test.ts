import { describe, expect, it } from 'vitest';
import { isShortCommonWord } from '../../../core/fixes';

describe('isShortCommonWord', () => {
  it('is one word of up to three letters, in any script and case', () => {
    for (const find of ['in', 'In', 'the', 'a', 'на', 'в', 'der', 'à']) expect(isShortCommonWord({ find })).toBe(true);
    for (const find of ['Alma-Ata', 'into', 'in the', 'Mr.', 'x1', '']) expect(isShortCommonWord({ find })).toBe(false);
  });
});
