import { describe, expect, it } from 'vitest';
import { followStored } from '../../../../renderer/features/memory/ruleDraft';

describe('followStored', () => {
  const stored = { find: 'Alma-Ata', replace: 'Almaty' };

  it('keeps what the editor typed when a box of the row is saved and the texts come back as they were', () => {
    expect(followStored({ find: 'Alma-Ata', replace: 'Almaty city' }, stored, stored)).toEqual({ find: 'Alma-Ata', replace: 'Almaty city' });
  });

  it('shows a stored change in a field the editor left alone, and keeps their typing in the other', () => {
    const imported = { find: 'Alma Ata', replace: 'Almaty (Kazakhstan)' };
    expect(followStored(stored, stored, imported)).toEqual(imported);
    expect(followStored({ find: 'Alma-Ata', replace: 'Almaty city' }, stored, imported)).toEqual({ find: 'Alma Ata', replace: 'Almaty city' });
  });

  it('after Save, the typing is what is stored', () => {
    const saved = { find: 'Alma-Ata', replace: 'Almaty city' };
    expect(followStored(saved, stored, saved)).toEqual(saved);
  });
});
