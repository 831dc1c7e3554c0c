import { afterTimeout, type Later } from '../../lib/later';
import type { Segment } from '../../../core/model/segment';

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; items: Segment[] }>;

/**
 * Pages held at most: a few screens' worth around where the editor has been (5,000 rows), so a day's scrolling
 * through a book neither grows the window's memory with the document nor makes a reload read every page seen.
 */
export const HELD_PAGES = 100;

/** After a page failed (the store busy, a restore under way), it is asked for again after this, doubling to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 250;
export const RETRY_MAX_MS = 8_000;


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
  /** Failures in a row of each page that failed, and the retries waiting. */
  private readonly failures = new Map<number, number>();
  private readonly retries = new Map<number, () => void>();

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 50,
    private readonly maxPages = HELD_PAGES,
    private readonly later: Later = afterTimeout,
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
        this.failures.delete(page);
        if (this.failures.size === 0) this.failure = null;
        items.forEach((segment, i) => this.rows.set(offset + i, segment));
        this.held.add(page);
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.retryLater(page);
      })
      .finally(() => {
        this.loading.delete(page);
        this.changed();
      });
  }

  /**
   * Asks for a failed page again later, if it is still on screen then: the grid asks only when it scrolls, so a
   * page that failed once would otherwise stay skeleton rows until the editor moved.
   */
  private retryLater(page: number): void {
    const failed = (this.failures.get(page) ?? 0) + 1;
    this.failures.set(page, failed);
    if (this.retries.has(page)) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failed - 1));
    this.retries.set(
      page,
      this.later(delay, () => {
        this.retries.delete(page);
        if (this.onScreen.has(page)) this.fetch(page);
        else this.failures.delete(page); // asked for afresh when scrolled back to
        if (this.failures.size === 0 && this.loading.size === 0) {
          this.failure = null;
          this.changed();
        }
      }),
    );
  }

  /** Stops the retries waiting (the document is closed). */
  dispose(): void {
    for (const cancel of this.retries.values()) cancel();
    this.retries.clear();
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
