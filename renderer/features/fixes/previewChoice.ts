import { LOCK_WORDS, type LockReason } from '../../../core/model/segment';

/** What the choice needs of a previewed change. */
export interface Choosable {
  segmentId: number;
  /** Why its sentence's text never changes here (the file locks it, or it is too long to edit), if it is locked. */
  locked?: LockReason;
}

/** Locked sentences, counted by why. */
export type LockedCounts = Record<LockReason, number>;

/** How many of a preview's changes may be applied: those in sentences not locked. */
export const openCount = (changes: readonly Choosable[]): number => changes.reduce((n, change) => (change.locked ? n : n + 1), 0);

/** How many of a preview's changes are in locked sentences, by why. */
export function lockedCounts(changes: readonly Choosable[]): LockedCounts {
  const counts: LockedCounts = { file: 0, length: 0 };
  for (const change of changes) if (change.locked) counts[change.locked]++;
  return counts;
}

/** Locked sentences counted by why, as the preview and the undo bar say them: "2 locked in the file and 1 too long to edit here". */
export const lockedWords = ({ file, length }: LockedCounts): string =>
  [file > 0 ? `${file} ${LOCK_WORDS.file}` : '', length > 0 ? `${length} ${LOCK_WORDS.length}` : ''].filter((part) => part !== '').join(' and ');

/** Said instead of a preview whose every change is in a locked sentence: there is nothing to apply. */
export function onlyLocked(changes: readonly Choosable[]): string {
  const { file, length } = lockedCounts(changes);
  const why = length === 0 ? LOCK_WORDS.file : file === 0 ? LOCK_WORDS.length : `${LOCK_WORDS.file} or ${LOCK_WORDS.length}`;
  return file + length === 1 ? `The only sentence it would change is ${why}.` : `All ${file + length} sentences it would change are ${why}.`;
}

/**
 * Which changes of a preview are chosen, kept as a base answer (all chosen, or none) and the ids that differ from
 * it: a toggle, "choose all" and "choose none" never copy a set of 60,000 ids, and the count is a subtraction.
 * Locked changes are never chosen. It is changed in place: the view redraws after each change it makes.
 */
export class PreviewChoice {
  /** How many of the changes may be chosen (not locked). */
  readonly open: number;
  /** How many of the changes are in locked sentences, by why. */
  readonly locked: LockedCounts;
  /** The ids of the open changes. */
  private readonly ids: ReadonlySet<number>;
  /** True: every open change is chosen except those in `flipped`; false: only those in `flipped`. */
  private base = true;
  private readonly flipped = new Set<number>();

  constructor(changes: readonly Choosable[]) {
    const ids = new Set<number>();
    for (const change of changes) if (!change.locked) ids.add(change.segmentId);
    this.locked = lockedCounts(changes);
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
