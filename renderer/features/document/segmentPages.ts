import type { Segment } from '../../../core/model/segment';

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; items: Segment[] }>;

/**
 * Pages held at most: a few screens' worth around where the editor has been (5,000 rows), so a day's scrolling
 * through a book neither grows the window's memory with the document nor makes a reload read every page seen.
 */
export const HELD_PAGES = 100;

/**
 * The segments of one document as far as they have been fetched, page by page over IPC; the grid asks for
 * the rows it shows and never for the whole document. The pages used least lately are let go beyond
 * `maxPages` (never the first, which says whether the document has a source, nor those on screen) and fetched
 * again when scrolled back to; typing not yet saved is kept by the editor, not here.
 *
 * Pages are let go only in `ensure`, when the grid has just said what it shows, never when a page lands: the
 * grid draws a new screen from the pages held before its effect says which they are, so a page let go as
 * another landed in between was drawn, then shown as skeletons, then fetched again (a flash while scrolling
 * back and forth). Pages on their way count against `maxPages` already, so once they land no more are held.
 */
export class SegmentPages {
  private readonly rows = new Map<number, Segment>();
  /** The pages held, least lately used first. */
  private readonly held = new Set<number>();
  /** The pages of the rows on screen, as last asked for. */
  private onScreen = new Set<number>();
  private readonly loading = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private totalCount: number | null = null;
  private failure: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 50,
    private readonly maxPages = HELD_PAGES,
  ) {}

  get total(): number | null {
    return this.totalCount;
  }

  get error(): string | null {
    return this.failure;
  }

  /** The segment at 0-based `index`, if its page has arrived. */
  at(index: number): Segment | undefined {
    return this.rows.get(index);
  }

  /**
   * Fetches the pages holding these rows (0-based, the rows on screen), skipping those already here or on their
   * way, and no others: under a filter the rows on screen may lie far apart, and the pages between them are not
   * shown (a screen of sparse flagged rows in a book used to fetch every page between its first and last row).
   */
  ensure(indexes: readonly number[]): void {
    this.onScreen = new Set(indexes.filter((i) => i >= 0).map((i) => Math.floor(i / this.pageSize)));
    for (const page of this.onScreen) {
      if (this.held.delete(page)) this.held.add(page); // used now: the last to go
      this.fetch(page);
    }
    this.letGo();
  }

  private fetch(page: number): void {
    const offset = page * this.pageSize;
    if (this.loading.has(page) || this.held.has(page)) return;
    if (this.totalCount !== null && offset >= this.totalCount) return;
    this.loading.add(page);
    this.fetchPage(offset, this.pageSize)
      .then(({ total, items }) => {
        this.totalCount = total;
        this.failure = null;
        items.forEach((segment, i) => this.rows.set(offset + i, segment));
        this.held.add(page);
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.loading.delete(page);
        this.changed();
      });
  }

  /** Lets the pages used least lately go, beyond `maxPages` with those on their way. */
  private letGo(): void {
    let excess = this.held.size + this.loading.size - this.maxPages;
    for (const page of this.held) {
      if (excess <= 0) break;
      if (page === 0 || this.onScreen.has(page)) continue;
      this.held.delete(page);
      for (let i = page * this.pageSize, end = i + this.pageSize; i < end; i++) this.rows.delete(i);
      excess--;
    }
  }

  /** The offsets of the pages held, to read them again (DocumentEditor.reload). */
  heldOffsets(): number[] {
    return [...this.held].map((page) => page * this.pageSize).sort((a, b) => a - b);
  }

  /** Replaces a segment already here (after a save, or optimistically while typing). */
  replace(segment: Segment): void {
    const index = segment.position - 1;
    if (!this.rows.has(index)) return;
    this.rows.set(index, segment);
    this.changed();
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
