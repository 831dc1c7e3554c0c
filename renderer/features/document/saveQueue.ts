import type { Segment } from '../../../core/model/segment';

export type SaveStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'error';

export interface SaveState {
  status: SaveStatus;
  /** Why the last save failed, while it is being retried. */
  error: string | null;
}

type Save = (segmentId: number, text: string) => Promise<Segment>;

/**
 * Saves corrections as the editor types: each segment's text is written once the editor pauses, saves of one
 * segment never overlap (so they land in order), and a failed save is retried without losing the text.
 */
export class SaveQueue {
  private readonly pending = new Map<number, string>();
  /** Text handed to a save that has not landed yet: kept until the store has it, so nothing typed is dropped. */
  private readonly held = new Map<number, string>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: SaveState = { status: 'idle', error: null };
  private everSaved = false;
  private error: string | null = null;

  constructor(
    private readonly save: Save,
    private readonly onSaved: (segment: Segment) => void,
    private readonly delayMs = 500,
    private readonly retryMs = 3000,
  ) {}

  /** The text the editor has typed but not yet stored, if any. */
  unsavedText(segmentId: number): string | undefined {
    return this.pending.get(segmentId) ?? this.held.get(segmentId);
  }

  /** Whether anything typed is not stored yet (waiting, being saved, or failed and waiting for a retry). */
  hasUnsaved = (): boolean => this.pending.size > 0 || this.held.size > 0;

  schedule(segmentId: number, text: string): void {
    this.pending.set(segmentId, text);
    this.restartTimer(segmentId, this.delayMs);
    this.publish();
  }

  /** Saves everything typed so far, now; resolves when it is stored (or has failed). */
  async flush(): Promise<void> {
    for (const id of [...this.timers.keys()]) this.restartTimer(id, null);
    await Promise.all([...this.pending.keys()].map((id) => this.saveNow(id)));
    await Promise.all([...this.inFlight.values()]);
  }

  /**
   * Drops what is still waiting for a segment and resolves once its save under way (if any) has landed, so
   * an operation such as revert can follow without a late save overwriting it.
   */
  async settle(segmentId: number): Promise<void> {
    this.restartTimer(segmentId, null);
    this.pending.delete(segmentId);
    this.publish();
    await this.inFlight.get(segmentId);
    this.held.delete(segmentId);
  }

  getState = (): SaveState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private restartTimer(segmentId: number, delay: number | null): void {
    const existing = this.timers.get(segmentId);
    if (existing !== undefined) clearTimeout(existing);
    this.timers.delete(segmentId);
    if (delay !== null) {
      this.timers.set(
        segmentId,
        setTimeout(() => {
          this.timers.delete(segmentId);
          void this.saveNow(segmentId);
        }, delay),
      );
    }
  }

  private saveNow(segmentId: number): Promise<void> {
    const previous = this.inFlight.get(segmentId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const text = this.pending.get(segmentId);
      if (text === undefined) return;
      this.pending.delete(segmentId);
      this.held.set(segmentId, text);
      this.publish();
      try {
        const saved = await this.save(segmentId, text);
        if (this.held.get(segmentId) === text) this.held.delete(segmentId);
        this.everSaved = true;
        this.error = null;
        this.onSaved(saved);
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        if (!this.pending.has(segmentId)) this.pending.set(segmentId, text);
        this.held.delete(segmentId);
        this.restartTimer(segmentId, this.retryMs);
      }
    });
    const tracked = next.finally(() => {
      if (this.inFlight.get(segmentId) === tracked) this.inFlight.delete(segmentId);
      this.publish();
    });
    this.inFlight.set(segmentId, tracked);
    this.publish();
    return tracked;
  }

  private publish(): void {
    const status: SaveStatus = this.error
      ? 'error'
      : this.inFlight.size > 0
        ? 'saving'
        : this.pending.size > 0
          ? 'unsaved'
          : this.everSaved
            ? 'saved'
            : 'idle';
    if (status !== this.snapshot.status || this.error !== this.snapshot.error) {
      this.snapshot = { status, error: this.error };
      for (const listener of this.listeners) listener();
    }
  }
}
