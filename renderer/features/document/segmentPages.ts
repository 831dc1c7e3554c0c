import type { Segment } from '../../../core/model/segment';

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; items: Segment[] }>;

/**
 * The segments of one document as far as they have been fetched, page by page over IPC; the grid asks for
 * the rows it shows and never for the whole document.
 */
export class SegmentPages {
  private readonly rows = new Map<number, Segment>();
  private readonly loading = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private totalCount: number | null = null;
  private failure: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 50,
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

  /** Fetches the pages that cover rows [first, last], skipping those already here or on their way. */
  ensure(first: number, last: number): void {
    const firstPage = Math.floor(Math.max(0, first) / this.pageSize);
    const lastPage = Math.floor(Math.max(0, last) / this.pageSize);
    for (let page = firstPage; page <= lastPage; page++) {
      const offset = page * this.pageSize;
      if (this.loading.has(page) || this.rows.has(offset)) continue;
      if (this.totalCount !== null && offset >= this.totalCount) break;
      this.loading.add(page);
      this.fetchPage(offset, this.pageSize)
        .then(({ total, items }) => {
          this.totalCount = total;
          this.failure = null;
          items.forEach((segment, i) => this.rows.set(offset + i, segment));
        })
        .catch((error: unknown) => {
          this.failure = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          this.loading.delete(page);
          this.changed();
        });
    }
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
