/** What the choice needs of a previewed change. */
export interface Choosable {
  segmentId: number;
  locked?: boolean;
}

/**
 * Which changes of a preview are chosen, kept as a base answer (all chosen, or none) and the ids that differ from
 * it: a toggle, "choose all" and "choose none" never copy a set of 60,000 ids, and the count is a subtraction.
 * Locked changes are never chosen. It is mutable; `version` grows with every change so a view knows to redraw.
 */
export class PreviewChoice {
  /** How many of the changes may be chosen (not locked). */
  readonly open: number;
  /** The ids of the open changes. */
  private readonly ids: ReadonlySet<number>;
  /** True: every open change is chosen except those in `flipped`; false: only those in `flipped`. */
  private base = true;
  private readonly flipped = new Set<number>();
  private changes = 0;

  constructor(changes: readonly Choosable[]) {
    const ids = new Set<number>();
    for (const change of changes) if (!change.locked) ids.add(change.segmentId);
    this.ids = ids;
    this.open = ids.size;
  }

  /** Grows by one with every change of the choice. */
  get version(): number {
    return this.changes;
  }

  /** How many changes are chosen. */
  get count(): number {
    return this.base ? this.open - this.flipped.size : this.flipped.size;
  }

  /** Every open change is chosen. */
  get all(): boolean {
    return this.count === this.open;
  }

  isChosen(segmentId: number): boolean {
    if (!this.ids.has(segmentId)) return false;
    return this.base !== this.flipped.has(segmentId);
  }

  /** Chooses the change or leaves it out; a locked change or an id not in the preview stays as it is. */
  toggle(segmentId: number): void {
    if (!this.ids.has(segmentId)) return;
    if (!this.flipped.delete(segmentId)) this.flipped.add(segmentId);
    this.changes++;
  }

  chooseAll(): void {
    this.base = true;
    this.flipped.clear();
    this.changes++;
  }

  chooseNone(): void {
    this.base = false;
    this.flipped.clear();
    this.changes++;
  }

  /** The chosen ones of `changes`, in their order. */
  chosen<T extends Choosable>(changes: readonly T[]): T[] {
    return changes.filter((change) => this.isChosen(change.segmentId));
  }
}
