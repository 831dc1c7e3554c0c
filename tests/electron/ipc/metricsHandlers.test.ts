import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import { metricsHandlers } from '../../../electron/ipc/handlers/metrics';
import { createServices } from '../../../services';
import { metricsJobs } from '../../../services/metricsJobs';
import { sourceWorkerEntry } from '../../../services/workerEntry';
import { makeTempDir } from '../../db/testDb';
import { SAMPLE } from '../support';

describe('documents.metrics with a metrics worker', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('reads the stored figures for the default options at once, answers pending for others until measured; documents.cancelMetrics stops it', async () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'redline.sqlite');
    const services = createServices(file, { nativeBinding: nodeNativeBinding() });
    const jobs = metricsJobs(file, sourceWorkerEntry('metricsWorker'), nodeNativeBinding());
    try {
      const handlers = metricsHandlers(services, jobs);
      const doc = services.openSample(SAMPLE);
      const row = services.segments.page(doc.id, 0, 1).items[0]!;
      services.segments.update(row.id, row.mtText.toUpperCase(), { editMs: 5_000 });

      // Default options, spelled out or not: the stored totals, no worker.
      expect(await handlers['documents.metrics']({ documentId: doc.id })).toEqual(services.metrics.document(doc.id));
      expect(await handlers['documents.metrics']({ documentId: doc.id, normalize: true, caseSensitive: true })).toEqual(services.metrics.document(doc.id));
      expect(jobs.running(doc.id)).toBe(false);

      const request = { documentId: doc.id, caseSensitive: false };
      expect(await handlers['documents.metrics'](request)).toEqual({ pending: { done: 0, total: 0 } });
      expect(await handlers['documents.cancelMetrics']({ documentId: doc.id })).toEqual({ cancelled: true });
      expect(await handlers['documents.cancelMetrics']({ documentId: doc.id })).toEqual({ cancelled: false });

      let answer = await handlers['documents.metrics'](request);
      while ('pending' in answer) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        answer = await handlers['documents.metrics'](request);
      }
      expect(answer).toEqual(services.metrics.recompute(doc.id, { caseSensitive: false }));
      expect(answer.edits).toBe(0);
      await expect(async () => handlers['documents.metrics']({ documentId: 999, normalize: false })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await jobs.close();
      services.close();
    }
  });

  it('measures on the request path without a worker (tests binding the services directly)', async () => {
    temp = makeTempDir();
    const services = createServices(join(temp.dir, 'redline.sqlite'), { nativeBinding: nodeNativeBinding() });
    try {
      const handlers = metricsHandlers(services);
      const doc = services.openSample(SAMPLE);
      expect(await handlers['documents.metrics']({ documentId: doc.id, normalize: false })).toEqual(services.metrics.recompute(doc.id, { normalize: false }));
      expect(await handlers['documents.cancelMetrics']({ documentId: doc.id })).toEqual({ cancelled: false });
    } finally {
      services.close();
    }
  });
});
