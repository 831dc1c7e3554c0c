/** What the choice needs of a previewed change. */
export interface Choosable {
  segmentId: number;
  locked?: boolean;
}

/**
 * Which changes of a preview are chosen, kept as a base answer (all chosen, or none) and the ids that differ from
 * it: a toggle, "choose all" and "choose none" never copy a set of 60,000 ids, and the count is a subtraction.
 * Locked changes are never chosen. It is changed in place: the view redraws after each change it makes.
 */
export class PreviewChoice {
  /** How many of the changes may be chosen (not locked). */
  readonly open: number;
  /** The ids of the open changes. */
  private readonly ids: ReadonlySet<number>;
  /** True: every open change is chosen except those in `flipped`; false: only those in `flipped`. */
  private base = true;
  private readonly flipped = new Set<number>();

  constructor(changes: readonly Choosable[]) {
    const ids = new Set<number>();
    for (const change of changes) if (!change.locked) ids.add(change.segmentId);
    this.ids = ids;
    this.open = ids.size;
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
  }

  chooseAll(): void {
    this.base = true;
    this.flipped.clear();
  }

  chooseNone(): void {
    this.base = false;
    this.flipped.clear();
  }

  /** The chosen ones of `changes`, in their order. */
  chosen<T extends Choosable>(changes: readonly T[]): T[] {
    return changes.filter((change) => this.isChosen(change.segmentId));
  }
}
