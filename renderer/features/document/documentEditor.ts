import type { Segment } from '../../../core/model/segment';
import { SaveQueue } from './saveQueue';
import { SegmentPages, type FetchPage } from './segmentPages';

export interface EditorBackend {
  fetchPage: FetchPage;
  save: (segmentId: number, text: string) => Promise<Segment>;
  revert: (segmentId: number) => Promise<Segment>;
}

const isEdited = (s: Segment) => s.currentText !== s.mtText;

/**
 * The editing state of one open document, outside React: fetched pages, the editor's unsaved drafts,
 * autosave, revert, and the count of edited sentences kept current as saves land.
 */
export class DocumentEditor {
  readonly pages: SegmentPages;
  readonly queue: SaveQueue;
  private readonly drafts = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  private edited: number;
  private version = 0;

  constructor(
    private readonly backend: EditorBackend,
    editedCount: number,
  ) {
    this.edited = editedCount;
    this.pages = new SegmentPages(backend.fetchPage);
    this.pages.subscribe(() => this.changed());
    this.queue = new SaveQueue(backend.save, (saved) => this.landed(saved));
  }

  get editedCount(): number {
    return this.edited;
  }

  /** What the correction field shows: the editor's unsaved text, or the stored one. */
  textOf = (segment: Segment): string => this.drafts.get(segment.id) ?? segment.currentText;

  change = (segment: Segment, text: string): void => {
    this.drafts.set(segment.id, text);
    this.queue.schedule(segment.id, text);
    this.changed();
  };

  revert = async (segment: Segment): Promise<void> => {
    this.drafts.delete(segment.id);
    this.changed();
    await this.queue.settle(segment.id);
    this.landed(await this.backend.revert(segment.id));
  };

  flush = (): Promise<void> => this.queue.flush();

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.queue.dispose();
    this.listeners.clear();
  }

  private landed(saved: Segment): void {
    const before = this.pages.at(saved.position - 1);
    if (before) this.edited += Number(isEdited(saved)) - Number(isEdited(before));
    if (this.drafts.get(saved.id) === saved.currentText) this.drafts.delete(saved.id);
    this.pages.replace(saved);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
