import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices } from '../../services';
import { sourceWorkerEntry, wholeChecks } from '../../services/wholeChecks';
import { makeTempDir, openRaw } from '../db/testDb';
import { SAMPLE } from '../electron/support';

describe('whole-document checks in a worker thread', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  /** A store file holding the sample `copies` times over, never checked. */
  function storeWithSample(copies: number) {
    temp = makeTempDir();
    const file = join(temp.dir, 'redline.sqlite');
    const services = createServices(file, { nativeBinding: nodeNativeBinding() });
    const { id } = services.documents.importText({ fileName: 'big.txt', text: Array(copies).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    return { file, services, id };
  }

  const stateRows = (file: string) => {
    const db = openRaw(file);
    const n = (db.prepare('SELECT count(*) AS n FROM document_check_state').get() as { n: number }).n;
    db.close();
    return n;
  };

  it('stores what the request path would, reports progress, and the window keeps answering meanwhile — saves included', async () => {
    const { file, services, id } = storeWithSample(12);
    const reference = createServices(':memory:', { nativeBinding: nodeNativeBinding() });
    try {
      const checks = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
      const done = checks.start(id);
      expect(checks.running(id)).toBe(true);
      // The request path answers while the worker checks; a save made once it has read the texts must be in
      // what it stores (it changes a name's standing, so other sentences' flags move too).
      const row = services.segments.page(id, 3, 1).items[0]!;
      let saved = false;
      const seen: number[] = [];
      let answered = 0;
      while (checks.running(id)) {
        const progress = checks.progress(id);
        if (progress) seen.push(progress.done);
        if (progress && !saved) {
          services.segments.update(row.id, `${row.currentText} Tokaev said , the the end.`);
          saved = true;
        }
        services.segments.page(id, 0, 20);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await done;
      expect(saved).toBe(true);
      expect(answered).toBeGreaterThan(1);
      expect(seen.length).toBeGreaterThan(0);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(stateRows(file)).toBe(1);
      // A finished check leaves no failure behind, also once the ended thread's exit has come in.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(checks.takeFailure(id)).toBeNull();

      // What the worker stored is what a check on the request path of the same texts stores.
      const texts = services.segments.page(id, 0, 100_000).items.map((s) => s.currentText);
      const again = reference.documents.importText({ fileName: 'big.txt', text: Array(12).fill(SAMPLE.text).join('\n\n'), hasBom: false });
      reference.segments.page(again.id, 0, 100_000).items.forEach((s, i) => {
        if (s.currentText !== texts[i]) reference.segments.update(s.id, texts[i]!);
      });
      const expected = reference.checks.document(again.id);
      const stored = services.checks.document(id);
      expect(stored.counts).toEqual(expected.counts);
      expect(stored.segments.map((s) => [s.position, s.flags])).toEqual(expected.segments.map((s) => [s.position, s.flags]));
      await checks.close();
    } finally {
      reference.close();
      services.close();
    }
  });

  it('stops when cancelled and stores nothing', async () => {
    const { file, services, id } = storeWithSample(12);
    try {
      const checks = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
      const done = checks.start(id);
      expect(checks.cancel(id)).toBe(true);
      await expect(done).rejects.toMatchObject({ code: 'cancelled' });
      expect(checks.running(id)).toBe(false);
      expect(stateRows(file)).toBe(0);
      expect(checks.cancel(id)).toBe(false);
      // Cancelled is not failed — also once the ended thread's exit has come in.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(checks.takeFailure(id)).toBeNull();
    } finally {
      services.close();
    }
  });

  it('closing stops a running check as cancelled, not as a failure', async () => {
    const { file, services, id } = storeWithSample(12);
    try {
      const checks = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
      const done = checks.start(id);
      await checks.close();
      await expect(done).rejects.toMatchObject({ code: 'cancelled' });
      expect(checks.takeFailure(id)).toBeNull();
      expect(stateRows(file)).toBe(0);
    } finally {
      services.close();
    }
  });

  it('runs one at a time: a check of another document stops the one before, which stores nothing', async () => {
    const { file, services, id } = storeWithSample(12);
    try {
      const { id: second } = services.documents.importText({ fileName: 'small.txt', text: SAMPLE.text, hasBom: false });
      const checks = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
      const first = checks.start(id);
      const next = checks.start(second);
      await expect(first).rejects.toMatchObject({ code: 'cancelled' });
      await next;
      expect(checks.running(id)).toBe(false);
      expect(services.checks.isChecked(second)).toBe(true);
      expect(services.checks.isChecked(id)).toBe(false);
    } finally {
      services.close();
    }
  });

  it('says so for a document that is not there', async () => {
    const { file, services } = storeWithSample(1);
    try {
      const checks = wholeChecks(file, sourceWorkerEntry(), nodeNativeBinding());
      await expect(checks.start(999)).rejects.toMatchObject({ code: 'not_found' });
      // Told once, so that a caller polling for the flags says why instead of starting it again and again.
      expect(checks.takeFailure(999)).toMatchObject({ code: 'not_found' });
      expect(checks.takeFailure(999)).toBeNull();
    } finally {
      services.close();
    }
  });
});
