import { describe, expect, it } from 'vitest';
import { trimmedSelection } from '../../../../renderer/features/document/selection';

describe('trimmedSelection', () => {
  it('leaves out the spaces at the edges of a selection, not those between its words', () => {
    const text = 'After the arson of the buildings';
    const at = text.indexOf(' arson');
    expect(trimmedSelection(text, at, at + ' arson of '.length)).toEqual({ start: at + 1, end: at + ' arson of'.length, quote: 'arson of' });
    expect(trimmedSelection(text, 0, 5)).toEqual({ start: 0, end: 5, quote: 'After' });
  });

  it('is nothing for a selection of spaces only', () => {
    expect(trimmedSelection('a \t b', 1, 4)).toBeNull();
    expect(trimmedSelection('ab', 1, 1)).toBeNull();
  });
});
