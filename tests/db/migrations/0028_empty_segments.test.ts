import { describe, it } from 'vitest';
import { expectIndexesAdded } from './upgrade';

describe('migration 0028: the grid’s empty filter indexed', () => {
  it('adds the index and changes no row', () => expectIndexesAdded(28, 'empty_segments', 'segments', ['segments_empty']));
});
