import type { Flag } from '../../../core/checks/types';

/** The stored flags of the flagged sentences whose positions lie in from…to. */
export type FetchFlags = (from: number, to: number) => Promise<ReadonlyArray<{ position: number; flags: Flag[] }>>;

const NO_FLAGS: readonly Flag[] = [];

/**
 * The stored flags of the rows the grid shows, read a page of positions at a time (never the whole document's).
 * `refresh` (a save landed, a flag was ignored) drops every page and fetches again those last asked for; until
 * the new answer comes, each row keeps the flags it showed, so nothing flickers.
 */
export class FlagPages {
  /** Page index → position → flags (flagged sentences only); a page here has been answered. */
  private readonly pages = new Map<number, Map<number, readonly Flag[]>>();
  /** The pages last answered before a refresh: shown until their fresh answer arrives. */
  private shown = new Map<number, Map<number, readonly Flag[]>>();
  private readonly loading = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private wanted: readonly number[] = [];
  private generation = 0;
  private version = 0;

  constructor(
    private readonly fetchFlags: FetchFlags,
    readonly pageSize = 100,
  ) {}

  /** The flags of the sentence at `position`: none until its page has been answered. */
  at(position: number): readonly Flag[] {
    const page = Math.floor((position - 1) / this.pageSize);
    return (this.pages.get(page) ?? this.shown.get(page))?.get(position) ?? NO_FLAGS;
  }

  /** Fetches the pages holding these positions (the rows in view), skipping those here or on their way. */
  ensure(positions: readonly number[]): void {
    this.wanted = positions;
    const pages = new Set(positions.filter((p) => p >= 1).map((p) => Math.floor((p - 1) / this.pageSize)));
    for (const page of pages) {
      if (this.pages.has(page) || this.loading.get(page) === this.generation) continue;
      this.fetch(page);
    }
  }

  /** The stored flags changed: every page is asked for again as it is shown, starting with those in view. */
  refresh(): void {
    this.generation++;
    for (const [page, flags] of this.pages) this.shown.set(page, flags);
    this.pages.clear();
    this.ensure(this.wanted);
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private fetch(page: number): void {
    const generation = this.generation;
    this.loading.set(page, generation);
    const from = page * this.pageSize + 1;
    this.fetchFlags(from, from + this.pageSize - 1)
      .then((rows) => {
        // An answer from before a refresh is not current: the refreshed fetch of the page replaces it.
        if (generation !== this.generation) return;
        // A row whose flags did not change keeps the very array it had, so its memoized row is not drawn again:
        // after a save only the rows whose flags moved re-render.
        const before = this.pages.get(page) ?? this.shown.get(page);
        const kept = (position: number, flags: readonly Flag[]) => {
          const old = before?.get(position);
          return old && JSON.stringify(old) === JSON.stringify(flags) ? old : flags;
        };
        this.pages.set(page, new Map(rows.map((row) => [row.position, kept(row.position, row.flags)])));
        this.shown.delete(page);
        this.changed();
      })
      // A page that could not be read keeps the flags it showed; it is asked again with the next refresh (each
      // answer of the document's checks) or when it comes into view again.
      .catch(() => undefined)
      .finally(() => {
        if (this.loading.get(page) === generation) this.loading.delete(page);
      });
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
