import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../../core/model/segment';
import { HELD_PAGES, RETRY_FIRST_MS, RETRY_MAX_MS, SegmentPages } from '../../../../renderer/features/document/segmentPages';

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
  lockedBy: null,
  updatedAt: 0,
});

/** The pages of a book of TOTAL sentences, noting the offset of each page asked for in `asked`. */
const bookPages = (asked: number[]) => async (offset: number, limit: number) => {
  asked.push(offset);
  return { total: TOTAL, items: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => segmentAt(offset + i)) };
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A book's pages that land only when the test says, in the order it says (as IPC answers may, on a loaded machine). */
function pagesOnCue() {
  const waiting = new Map<number, () => void>();
  const asked: number[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<{ total: number; items: Segment[] }>((resolve) => {
      asked.push(offset);
      waiting.set(offset, () => resolve({ total: TOTAL, items: Array.from({ length: limit }, (_, i) => segmentAt(offset + i)) }));
    });
  const land = async (offset: number) => {
    const answer = waiting.get(offset);
    if (!answer) throw new Error(`page ${offset} was not asked for`);
    waiting.delete(offset);
    answer();
    await settle();
  };
  return { fetchPage, asked, land };
}

/** The rows held, as the grid would draw them from `at` (rows 0 to 499). */
const rowsHeld = (pages: SegmentPages) => Array.from({ length: 500 }, (_, i) => i).filter((i) => pages.at(i) !== undefined);

describe('SegmentPages', () => {
  it('fetches the pages of the rows on screen and none between, when a filter shows rows far apart', async () => {
    const asked: number[] = [];
    const pages = new SegmentPages(bookPages(asked), 50);
    // A screen of flagged rows spread over a book: three pages, not the 1,980 between the first and the last.
    pages.ensure([2, 3, 949, 99_000]);
    pages.ensure([3, 949]); // on their way: not asked again
    await settle();
    expect(asked).toEqual([0, 900, 99_000]);
    expect(pages.at(949)?.position).toBe(950);
    expect(pages.at(99_000)?.position).toBe(99_001);
    expect(pages.at(1_000)).toBeUndefined();
    pages.ensure([949, 99_001]);
    expect(asked).toEqual([0, 900, 99_000]);
  });

  it('holds at most its pages while the editor scrolls through a book: the least lately used go, never the first or those on screen', async () => {
    const asked: number[] = [];
    const pages = new SegmentPages(bookPages(asked), 50, 3);
    pages.ensure([0]);
    await settle();
    // A screen straddling two pages, then on through the book a screen at a time.
    for (const screen of [[40, 60], [90, 110], [140, 160], [190, 210]]) {
      pages.ensure(screen);
      await settle();
    }
    expect(pages.heldOffsets()).toEqual([0, 150, 200]);
    expect(pages.at(0)?.position).toBe(1);
    expect(pages.at(210)?.position).toBe(211);
    expect(pages.at(60)).toBeUndefined(); // let go: shown again, it is fetched again
    // A look at page 3, then back to page 1: page 1 is fetched again, and the page used least lately goes (4, not 3).
    pages.ensure([199]);
    pages.ensure([60]);
    await settle();
    expect(asked.filter((offset) => offset === 50)).toHaveLength(2);
    expect(pages.heldOffsets()).toEqual([0, 50, 150]);
    expect(pages.at(60)?.position).toBe(61);
  });

  it('keeps every page on screen however many there are, and lets the extra ones go once they are not', async () => {
    const pages = new SegmentPages(bookPages([]), 50, 2);
    // A filtered screen whose rows lie on four pages: all four are held while it is shown.
    pages.ensure([100, 1_000, 5_000, 9_000]);
    await settle();
    expect(pages.heldOffsets()).toEqual([100, 1_000, 5_000, 9_000]);
    pages.ensure([20_000]);
    await settle();
    expect(pages.heldOffsets()).toEqual([9_000, 20_000]);
  });

  it('never takes rows away when a page lands: the grid may already be drawing them before it says so', async () => {
    const { fetchPage, land } = pagesOnCue();
    const pages = new SegmentPages(fetchPage, 50, 3);
    // Pages 0, 2 and 1 seen in that order: page 2 is the one used least lately.
    for (const row of [0, 100, 50]) {
      pages.ensure([row]);
      await land(row);
    }
    // Scrolling on to page 3, then straight back to page 2: the grid draws page 2 from what is held, and only
    // after that frame says it shows it. Page 3 landing in between must not take page 2 from under it.
    pages.ensure([150]);
    const drawn = rowsHeld(pages);
    await land(150);
    expect(rowsHeld(pages)).toEqual(expect.arrayContaining(drawn));
  });

  it('takes pages landing in any order, each asked for once, and holds no more than its pages once they are in', async () => {
    const { fetchPage, asked, land } = pagesOnCue();
    const pages = new SegmentPages(fetchPage, 50, 3);
    pages.ensure([0]);
    await land(0);
    // Back and forth quickly: pages 4 and 8 are asked for and left before they land, and come back to.
    pages.ensure([200]);
    pages.ensure([400]);
    pages.ensure([200, 440]);
    pages.ensure([200]);
    expect(asked).toEqual([0, 200, 400]);
    await land(400);
    await land(200);
    expect(pages.at(210)?.position).toBe(211);
    expect(pages.at(410)?.position).toBe(411);
    pages.ensure([210]);
    expect(pages.heldOffsets()).toEqual([0, 200, 400]);
    // Further on, the page left longest ago goes, not the one landed last nor the one on screen.
    pages.ensure([300]);
    await land(300);
    expect(pages.heldOffsets()).toEqual([0, 200, 300]);
    expect(pages.at(210)?.position).toBe(211);
  });

  describe('a page that fails', () => {
    /** A book whose pages fail while `busy` says so; retries wait in `waiting` until the test runs them. */
    function flakyBook() {
      const state = { busy: true };
      const asked: number[] = [];
      const waiting: Array<{ ms: number; work: () => void; cancelled: boolean }> = [];
      const fetchPage = async (offset: number, limit: number) => {
        asked.push(offset);
        if (state.busy) throw new Error('The store is busy.');
        return bookPages([])(offset, limit);
      };
      const later = (ms: number, work: () => void) => {
        const entry = { ms, work, cancelled: false };
        waiting.push(entry);
        return () => (entry.cancelled = true);
      };
      const runWaiting = async () => {
        const due = waiting.splice(0).filter((entry) => !entry.cancelled);
        for (const entry of due) entry.work();
        await settle();
      };
      return { state, asked, waiting, fetchPage, later, runWaiting };
    }

    it('is asked for again while it is on screen, waiting longer each time, until it lands and the error goes', async () => {
      const book = flakyBook();
      const pages = new SegmentPages(book.fetchPage, 50, HELD_PAGES, book.later);
      pages.ensure([120]);
      await settle();
      expect(pages.error).toBe('The store is busy.');
      expect(book.waiting.map((w) => w.ms)).toEqual([RETRY_FIRST_MS]);
      await book.runWaiting();
      await book.runWaiting();
      expect(book.asked).toEqual([100, 100, 100]);
      expect(book.waiting.map((w) => w.ms)).toEqual([RETRY_FIRST_MS * 4]);
      book.state.busy = false;
      await book.runWaiting();
      expect(pages.at(120)?.position).toBe(121);
      expect(pages.error).toBeNull();
      expect(book.waiting).toEqual([]);
    });

    it('waits at most RETRY_MAX_MS between attempts', async () => {
      const book = flakyBook();
      const pages = new SegmentPages(book.fetchPage, 50, HELD_PAGES, book.later);
      pages.ensure([0]);
      await settle();
      for (let k = 0; k < 12; k++) await book.runWaiting();
      expect(book.waiting.map((w) => w.ms)).toEqual([RETRY_MAX_MS]);
    });

    it('is left alone once scrolled away, and the error with it; asked for afresh when scrolled back to', async () => {
      const book = flakyBook();
      const pages = new SegmentPages(book.fetchPage, 50, HELD_PAGES, book.later);
      pages.ensure([120]);
      await settle();
      book.state.busy = false;
      pages.ensure([300]);
      await settle();
      await book.runWaiting();
      expect(book.asked).toEqual([100, 300]);
      expect(pages.error).toBeNull();
      pages.ensure([120]);
      await settle();
      expect(pages.at(120)?.position).toBe(121);
    });

    it('is not asked for again once the document is closed', async () => {
      const book = flakyBook();
      const pages = new SegmentPages(book.fetchPage, 50, HELD_PAGES, book.later);
      pages.ensure([0]);
      await settle();
      pages.dispose();
      await book.runWaiting();
      expect(book.asked).toEqual([0]);
    });
  });
});
