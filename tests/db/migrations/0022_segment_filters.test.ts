import { describe, it } from 'vitest';
import { expectIndexesAdded } from './upgrade';

describe('migration 0022: the grid’s status and edited filters indexed', () => {
  it('adds the indexes and changes no row', () =>
    expectIndexesAdded(22, 'segment_filters', 'segments', ['segments_by_status', 'segments_edited']));
});
