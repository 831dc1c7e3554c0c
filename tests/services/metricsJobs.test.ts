import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { DocumentMetrics } from '../../core/metrics';
import { createServices, type Services } from '../../services';
import type { KeptThreadsOptions } from '../../services/keptThreads';
import { metricsJobs, type MetricsAnswer, type MetricsJobs } from '../../services/metricsJobs';
import { sourceWorkerEntry, type WorkerEntry } from '../../services/workerEntry';
import { makeTempDir } from '../db/testDb';
import { SAMPLE } from '../electron/support';

const CASELESS = { caseSensitive: false };

describe('metrics with non-default TER options, measured in a worker thread', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  const open: Array<{ services: Services; jobs: MetricsJobs }> = [];
  afterEach(async () => {
    for (const { services, jobs } of open.splice(0)) {
      await jobs.close();
      services.close();
    }
    temp?.cleanup();
  });

  /** A store file holding the sample `copies` times over, some sentences changed in case and punctuation only. */
  function store(copies = 1, threadOptions: KeptThreadsOptions = {}) {
    temp = makeTempDir();
    const file = join(temp.dir, 'redline.sqlite');
    const services = createServices(file, { nativeBinding: nodeNativeBinding() });
    const { id } = services.documents.importText({ fileName: 'big.txt', text: Array(copies).fill(SAMPLE.text).join('\n\n'), hasBom: false });
    const rows = services.segments.page(id, 0, 6).items;
    services.segments.update(rows[0]!.id, rows[0]!.mtText.toUpperCase(), { editMs: 4_000, keystrokes: 30 });
    services.segments.update(rows[2]!.id, `${rows[2]!.mtText.replace(/\.$/u, '')} !`, { editMs: 2_000, keystrokes: 3 });
    services.segments.update(rows[5]!.id, `Rewritten ${rows[5]!.mtText.toLowerCase()}`, { editMs: 9_000, keystrokes: 60 });
    const jobs = metricsJobs(file, sourceWorkerEntry('metricsWorker'), nodeNativeBinding(), threadOptions);
    open.push({ services, jobs });
    return { file, services, jobs, id, rows };
  }

  /** Asks until the figures come, recording each progress answered meanwhile. */
  async function settle(ask: () => MetricsAnswer, seen: number[] = []): Promise<DocumentMetrics> {
    for (;;) {
      const answer = ask();
      if (!('pending' in answer)) return answer;
      seen.push(answer.pending.done);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Every sentence measured on the request path, as the CLI does. */
  const fromScratch = (services: Services, id: number, options: { normalize?: boolean; caseSensitive?: boolean }) =>
    services.metrics.recompute(id, options);

  it('answers pending with progress, then the figures measured from scratch, then the same figures without a worker', async () => {
    const { services, jobs, id } = store(30);
    const first = jobs.answer(id, CASELESS, services.metrics);
    expect(first).toEqual({ pending: { done: 0, total: 0 } });
    expect(jobs.running(id)).toBe(true);
    const seen: number[] = [];
    const metrics = await settle(() => jobs.answer(id, CASELESS, services.metrics), seen);
    expect(metrics).toEqual(fromScratch(services, id, CASELESS));
    expect(metrics.edits).toBeLessThan(services.metrics.document(id).edits); // the option made a difference
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(jobs.running(id)).toBe(false);

    // Kept: answered at once, no worker started.
    expect(jobs.answer(id, CASELESS, services.metrics)).toEqual(metrics);
    expect(jobs.running(id)).toBe(false);
    // Other options are measured on their own.
    expect('pending' in jobs.answer(id, { normalize: false }, services.metrics)).toBe(true);
    expect(await settle(() => jobs.answer(id, { normalize: false }, services.metrics))).toEqual(fromScratch(services, id, { normalize: false }));
  });

  it('a save after the figures makes the next answer measure again, with the save in it; a save elsewhere does not', async () => {
    const { services, jobs, id, rows } = store();
    const before = await settle(() => jobs.answer(id, CASELESS, services.metrics));

    const other = services.openSample(SAMPLE);
    const elsewhere = services.segments.page(other.id, 0, 1).items[0]!;
    services.segments.update(elsewhere.id, 'Something else entirely.', { editMs: 1_000 });
    expect(jobs.answer(id, CASELESS, services.metrics)).toEqual(before);

    services.segments.update(rows[1]!.id, 'A sentence typed anew by the editor.', { editMs: 7_000, keystrokes: 40 });
    expect('pending' in jobs.answer(id, CASELESS, services.metrics)).toBe(true);
    const after = await settle(() => jobs.answer(id, CASELESS, services.metrics));
    expect(after).toEqual(fromScratch(services, id, CASELESS));
    expect(after.edits).toBeGreaterThan(before.edits);
    expect(after.totalEditMs).toBe(before.totalEditMs + 7_000);

    // A status change (a revision with no new text) counts as a revision too: measured again, same figures.
    services.segments.setStatus(rows[1]!.id, 'confirmed');
    expect('pending' in jobs.answer(id, CASELESS, services.metrics)).toBe(true);
    expect(await settle(() => jobs.answer(id, CASELESS, services.metrics))).toEqual(after);
  });

  it('cancel stops the measuring; the next answer starts it again', async () => {
    const { services, jobs, id } = store(30);
    expect(jobs.cancel(id)).toBe(false);
    jobs.answer(id, CASELESS, services.metrics);
    expect(jobs.cancel(id)).toBe(true);
    expect(jobs.running(id)).toBe(false);
    expect(jobs.cancel(id)).toBe(false);
    expect(jobs.answer(id, CASELESS, services.metrics)).toEqual({ pending: { done: 0, total: 0 } });
    expect(await settle(() => jobs.answer(id, CASELESS, services.metrics))).toEqual(fromScratch(services, id, CASELESS));
  });

  it('refuses an unknown document without starting a worker, and forgets every figure on close', async () => {
    const { services, jobs, id } = store();
    expect(() => jobs.answer(999, CASELESS, services.metrics)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(jobs.running(999)).toBe(false);
    await settle(() => jobs.answer(id, CASELESS, services.metrics));
    await jobs.close();
    expect('pending' in jobs.answer(id, CASELESS, services.metrics)).toBe(true);
  });

  it('the thread is kept from one measuring to the next, sees the latest save, and is ended by a cancel and at close', async () => {
    const threads: Worker[] = [];
    const exited = new Set<Worker>();
    const startThread = (entry: WorkerEntry) => {
      const worker = new Worker(entry.file, { eval: entry.eval ?? false });
      threads.push(worker);
      worker.on('exit', () => exited.add(worker));
      return worker;
    };
    const { services, jobs, id, rows } = store(30, { startThread });
    await settle(() => jobs.answer(id, CASELESS, services.metrics));
    services.segments.update(rows[1]!.id, 'A sentence typed anew just before.', { editMs: 7_000, keystrokes: 40 });
    expect(await settle(() => jobs.answer(id, CASELESS, services.metrics))).toEqual(fromScratch(services, id, CASELESS));
    expect(await settle(() => jobs.answer(id, { normalize: false }, services.metrics))).toEqual(fromScratch(services, id, { normalize: false }));
    expect(threads).toHaveLength(1);
    expect(exited.size).toBe(0);

    // A cancel ends the thread at once; the next measuring starts another.
    jobs.answer(id, { normalize: false, caseSensitive: false }, services.metrics);
    expect(jobs.cancel(id)).toBe(true);
    while (!exited.has(threads[0]!)) await new Promise((resolve) => setTimeout(resolve, 5));
    const both = { normalize: false, caseSensitive: false };
    expect(await settle(() => jobs.answer(id, both, services.metrics))).toEqual(fromScratch(services, id, both));
    expect(threads).toHaveLength(2);

    // Close ends the kept thread.
    await jobs.close();
    expect(exited.has(threads[1]!)).toBe(true);
  });
});

