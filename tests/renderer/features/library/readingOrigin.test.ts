import { describe, expect, it } from 'vitest';
import { encodingOrigin, formatOrigin, rereadRequest } from '../../../../renderer/features/library/readingOrigin';

describe('the import dialog’s reading origin', () => {
  it('says the format was detected until the editor picks one', () => {
    expect(formatOrigin(false)).toBe('(detected)');
    expect(formatOrigin(true)).toBe('(chosen)');
  });

  it('says the encoding was chosen, detected or guessed', () => {
    expect(encodingOrigin(true, 0.5)).toBe('(chosen)');
    expect(encodingOrigin(false, 0.99)).toBe('(detected)');
    expect(encodingOrigin(false, 0.5)).toBe('(guessed — check the preview)');
  });

  it('leaves the encoding to detection when only the format changes, so a guess stays a guess', () => {
    expect(rereadRequest('t', 'text', { format: 'markdown' })).toEqual({ token: 't', format: 'markdown' });
    // Once picked by the editor, the encoding is kept through a change of format, and the format through one of encoding.
    expect(rereadRequest('t', 'text', { encoding: 'windows-1252', format: 'markdown' })).toEqual({ token: 't', format: 'markdown', encoding: 'windows-1252' });
    expect(rereadRequest('t', 'text', { encoding: 'koi8-r' })).toEqual({ token: 't', format: 'text', encoding: 'koi8-r' });
  });
});
