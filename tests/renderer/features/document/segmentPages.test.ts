import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../../core/model/segment';
import { SegmentPages } from '../../../../renderer/features/document/segmentPages';

const TOTAL = 100_000;
const segmentAt = (index: number): Segment => ({
  id: index + 1,
  documentId: 1,
  position: index + 1,
  paragraph: 1,
  mtText: `MT ${index + 1}.`,
  currentText: `MT ${index + 1}.`,
  sourceText: null,
  status: 'not_started',
  revisionCount: 1,
  editMs: 0,
  keystrokes: 0,
  note: null,
  fileNotes: [],
  locked: false,
  updatedAt: 0,
});

describe('SegmentPages', () => {
  it('fetches the pages of the rows on screen and none between, when a filter shows rows far apart', async () => {
    const asked: number[] = [];
    const pages = new SegmentPages(async (offset, limit) => {
      asked.push(offset);
      return { total: TOTAL, items: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => segmentAt(offset + i)) };
    }, 50);
    // A screen of flagged rows spread over a book: three pages, not the 1,980 between the first and the last.
    pages.ensure([2, 3, 949, 99_000]);
    pages.ensure([3, 949]); // on their way: not asked again
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([0, 900, 99_000]);
    expect(pages.at(949)?.position).toBe(950);
    expect(pages.at(99_000)?.position).toBe(99_001);
    expect(pages.at(1_000)).toBeUndefined();
    pages.ensure([949, 99_001]);
    expect(asked).toEqual([0, 900, 99_000]);
  });
});
