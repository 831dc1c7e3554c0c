import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../core/model/segment';
import { SaveQueue } from '../../../../renderer/features/document/saveQueue';

const stored = (id: number, text: string): Segment => ({
  id,
  documentId: 1,
  position: id,
  paragraph: 1,
  mtText: 'MT.',
  currentText: text,
  sourceText: null,
  status: 'edited',
  revisionCount: 2,
  editMs: 0,
  keystrokes: 0,
  note: null,
  fileNotes: [],
  locked: false,
  lockedBy: null,
  updatedAt: 0,
});

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once the editor pauses, with the last text typed', async () => {
    const save = vi.fn(async (id: number, text: string) => stored(id, text));
    const landed: string[] = [];
    const queue = new SaveQueue(save, (s) => landed.push(s.currentText), 500);
    queue.schedule(1, 'A');
    await vi.advanceTimersByTimeAsync(300);
    queue.schedule(1, 'AB');
    expect(queue.getState().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(1, 'AB');
    expect(landed).toEqual(['AB']);
    expect(queue.getState()).toEqual({ status: 'saved', error: null });
  });

  it('never lets two saves of one segment overlap, so they land in order', async () => {
    const resolvers: Array<() => void> = [];
    const order: string[] = [];
    const save = vi.fn(
      (id: number, text: string) =>
        new Promise<Segment>((resolve) => resolvers.push(() => (order.push(text), resolve(stored(id, text))))),
    );
    const queue = new SaveQueue(save, () => undefined, 10);
    queue.schedule(1, 'first');
    await vi.advanceTimersByTimeAsync(10);
    queue.schedule(1, 'second');
    await vi.advanceTimersByTimeAsync(10);
    expect(save).toHaveBeenCalledTimes(1); // the second waits for the first
    resolvers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    resolvers.shift()!();
    await queue.flush();
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps the text after a failed save, says why, and retries', async () => {
    let fail = true;
    const save = vi.fn(async (id: number, text: string) => {
      if (fail) throw new Error('disk full');
      return stored(id, text);
    });
    const queue = new SaveQueue(save, () => undefined, 10, 1000);
    queue.schedule(1, 'kept');
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.getState()).toEqual({ status: 'error', error: 'disk full' });
    expect(queue.unsavedText(1)).toBe('kept');
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenLastCalledWith(1, 'kept');
    expect(queue.getState()).toEqual({ status: 'saved', error: null });
  });

  it('flush saves everything now; settle drops what waits for one segment', async () => {
    const save = vi.fn(async (id: number, text: string) => stored(id, text));
    const queue = new SaveQueue(save, () => undefined, 10_000);
    queue.schedule(1, 'one');
    queue.schedule(2, 'two');
    await queue.settle(2);
    await queue.flush();
    expect(save.mock.calls).toEqual([[1, 'one']]);
  });

  it('keeps the text while a save is under way and while a failing store is retried, until one lands', async () => {
    let full = true;
    const save = vi.fn(async (id: number, text: string) => {
      await Promise.resolve();
      if (full) throw new Error('The disk is full, so the change was not saved. Free some space on the disk holding the Redline store; Redline keeps what you typed and saves it once there is room.');
      return stored(id, text);
    });
    const queue = new SaveQueue(save, () => undefined, 10, 1000);
    queue.schedule(1, 'typed on a full disk');
    expect(queue.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.getState().status).toBe('error');
    expect(queue.getState().error).toMatch(/^The disk is full/);
    expect(queue.unsavedText(1)).toBe('typed on a full disk');
    expect(queue.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(3000); // retried, still failing, still kept
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(queue.unsavedText(1)).toBe('typed on a full disk');
    full = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.getState()).toEqual({ status: 'saved', error: null });
    expect(queue.unsavedText(1)).toBeUndefined();
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('reports the text as unsaved during the save itself', async () => {
    let release: () => void = () => undefined;
    const save = vi.fn((id: number, text: string) => new Promise<Segment>((resolve) => (release = () => resolve(stored(id, text)))));
    const queue = new SaveQueue(save, () => undefined, 10);
    queue.schedule(1, 'in flight');
    await vi.advanceTimersByTimeAsync(10);
    expect(save).toHaveBeenCalledTimes(1);
    expect(queue.unsavedText(1)).toBe('in flight');
    expect(queue.hasUnsaved()).toBe(true);
    release();
    await queue.flush();
    expect(queue.hasUnsaved()).toBe(false);
  });
});
