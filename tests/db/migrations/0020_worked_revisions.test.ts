import { describe, it } from 'vitest';
import { expectRevisionsIndexAdded } from './upgrade';

describe('migration 0020: the editor’s revisions indexed apart from the import', () => {
  it('adds the index and changes no row', () => expectRevisionsIndexAdded(20, 'worked_revisions', 'revisions_worked'));
});
