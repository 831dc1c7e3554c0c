import { describe, it } from 'vitest';
import { expectIndexesAdded } from './upgrade';

describe('migration 0020: the editor’s revisions indexed apart from the import', () => {
  it('adds the index and changes no row', () => expectIndexesAdded(20, 'worked_revisions', 'revisions', ['revisions_worked']));
});
