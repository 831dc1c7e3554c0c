import { describe, expect, it } from 'vitest';
import { noRowsMessage } from '../../../../renderer/features/document/noRowsMessage';

describe('noRowsMessage', () => {
  it('says what the row filter asked', () => {
    expect(noRowsMessage('empty', '')).toBe('No sentence is empty.');
    expect(noRowsMessage('any', '')).toBe('No sentence has a flag.');
    expect(noRowsMessage('notes', '')).toBe('No sentence has a note.');
    expect(noRowsMessage('edited-any', '')).toBe('No sentence is corrected.');
    expect(noRowsMessage('approved', '')).toBe('No sentence is approved.');
    expect(noRowsMessage('not_started', '')).toBe('No sentence is still to start.');
    expect(noRowsMessage('spelling', '')).toBe('No sentence has a “Spelling” flag.');
  });

  it('says what the text filter asked, literal or a regex', () => {
    expect(noRowsMessage(null, 'Almaty')).toBe('No sentence contains “Almaty”.');
    expect(noRowsMessage(null, '/\\d+%/i')).toBe('No sentence matches /\\d+%/i.');
  });

  it('joins both filters', () => {
    expect(noRowsMessage('rejected', 'Tokayev')).toBe('No sentence is rejected and contains “Tokayev”.');
  });
});
