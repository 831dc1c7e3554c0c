import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import { checkHandlers } from '../../../electron/ipc/handlers/checks';
import { createServices } from '../../../services';
import { sourceWorkerEntry, wholeChecks } from '../../../services/wholeChecks';
import { makeTempDir } from '../../db/testDb';
import { SAMPLE } from '../support';

/** Services over a store file, with whole checks in a worker thread as the app runs them, and the check handlers. */
function withWorker(file: string) {
  const services = createServices(file, { nativeBinding: nodeNativeBinding() });
  const background = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
  return { services, background, handlers: checkHandlers(services, background) };
}

describe('checks.document with a background worker', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('answers at once with how far the first check is, then with the flags; checks.cancelWhole stops one', async () => {
    temp = makeTempDir();
    const { services, background, handlers } = withWorker(join(temp.dir, 'redline.sqlite'));
    try {
      const first = services.openSample(SAMPLE);
      const answer = await handlers['checks.document']({ documentId: first.id });
      expect(answer).toMatchObject({ counts: {}, flagged: 0, pending: { done: 0 } });
      const onScreen = () => handlers['checks.inRange']({ documentId: first.id, from: 1, to: first.segmentCount });
      expect(await onScreen()).toEqual([]);
      while (background.running(first.id)) await new Promise((resolve) => setTimeout(resolve, 20));
      const done = await handlers['checks.document']({ documentId: first.id });
      expect(done.pending).toBeUndefined();
      const whole = services.checks.document(first.id);
      expect(done).toEqual({ counts: whole.counts, flagged: whole.segments.length });
      expect(done.flagged).toBeGreaterThan(0);
      const shown = await onScreen();
      expect(shown).toEqual(whole.segments);

      // Flags no longer current (another glossary here; a write that reached too many sentences alike) are
      // checked whole in the background again, and shown as they were meanwhile, not emptied.
      services.glossary.save({ preferred: 'Zyzzyva', forbidden: ['Zizziva'] });
      const again = await handlers['checks.document']({ documentId: first.id });
      expect(again.pending).toBeDefined();
      expect({ counts: again.counts, flagged: again.flagged }).toEqual(done);
      expect(await onScreen()).toEqual(shown);
      while (background.running(first.id)) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await handlers['checks.document']({ documentId: first.id })).pending).toBeUndefined();

      const second = services.openSample(SAMPLE);
      await handlers['checks.document']({ documentId: second.id });
      expect(await handlers['checks.cancelWhole']({ documentId: second.id })).toBe(true);
      while (background.running(second.id)) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(services.checks.isChecked(second.id)).toBe(false);
      expect(await handlers['checks.cancelWhole']({ documentId: second.id })).toBe(false);
    } finally {
      await background.close();
      services.close();
    }
  });

  it('fixes.preview of a document whose flags are not current has them checked whole in the worker, answering other requests meanwhile', async () => {
    temp = makeTempDir();
    const { services, background, handlers } = withWorker(join(temp.dir, 'redline.sqlite'));
    try {
      const doc = services.openSample(SAMPLE);
      let settled = false;
      const preview = Promise.resolve(handlers['fixes.preview']({ documentId: doc.id, check: 'spacing' })).finally(() => (settled = true));
      expect(background.running(doc.id)).toBe(true);
      await handlers['checks.inRange']({ documentId: doc.id, from: 1, to: 10 });
      expect(settled).toBe(false);
      const changes = await preview;
      expect(services.checks.isChecked(doc.id)).toBe(true);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes).toEqual(services.checks.previewAll(doc.id, 'spacing'));
    } finally {
      await background.close();
      services.close();
    }
  });

  it('says why a background check failed, once, instead of starting it again at every poll', async () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'redline.sqlite');
    const services = createServices(file, { nativeBinding: nodeNativeBinding() });
    // The worker is pointed at a store file that is not there: every check it starts fails.
    const background = wholeChecks(join(temp.dir, 'missing', 'redline.sqlite'), sourceWorkerEntry(), nodeNativeBinding());
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const handlers = checkHandlers(services, background);
      const doc = services.openSample(SAMPLE);
      expect(await handlers['checks.document']({ documentId: doc.id })).toMatchObject({ pending: { done: 0 } });
      while (background.running(doc.id)) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(() => handlers['checks.document']({ documentId: doc.id })).toThrow();
      expect(background.running(doc.id)).toBe(false); // not started again by the call that was told
      expect(await handlers['checks.document']({ documentId: doc.id })).toMatchObject({ pending: { done: 0 } });
      expect(background.running(doc.id)).toBe(true); // the next call (after a save) tries afresh
      while (background.running(doc.id)) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      log.mockRestore();
      await background.close();
      services.close();
    }
  });
});
