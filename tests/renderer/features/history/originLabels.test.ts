import { describe, expect, it } from 'vitest';
import { revisionLabel } from '../../../../renderer/features/history/originLabels';

describe('revisionLabel', () => {
  it('names a restore an undo or redo wrote as such, and every other revision by its origin', () => {
    expect(revisionLabel({ origin: 'restore', step: 'undo' })).toBe('Undo');
    expect(revisionLabel({ origin: 'restore', step: 'redo' })).toBe('Redo');
    expect(revisionLabel({ origin: 'restore' })).toBe('Restored');
    expect(revisionLabel({ origin: 'edit' })).toBe('Edit');
  });
});
