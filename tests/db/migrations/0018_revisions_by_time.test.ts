import { describe, it } from 'vitest';
import { expectIndexesAdded } from './upgrade';

describe('migration 0018: the editor’s revisions indexed by the time they were written', () => {
  it('adds the index and changes no row', () => expectIndexesAdded(18, 'revisions_by_time', 'revisions', ['revisions_worked_by_time']));
});
