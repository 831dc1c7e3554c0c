import { Worker, parentPort } from 'node:worker_threads';
import { segmentMetrics } from '../core/metrics/segmentMetrics';
import type { TerOptions } from '../core/metrics/tercomTokenize';
import { Utf8Lines, type LineList } from './plainUtf8';

/**
 * HTER and character edit rate of many pairs on two threads: the CLI's main thread and one worker share the
 * pairs in chunks, each claiming the next chunk from a shared counter, so a thread the machine slows down
 * simply takes fewer. Results go straight into shared memory; the main thread never waits on the worker's
 * event loop, and a worker that is slow to start (or never does) only means the main thread measures more.
 * Each pair's figures are a pure function of the pair, so who measures it changes nothing in the result.
 */

/** Pairs a chunk: small enough that the last one costs little to wait for, large enough to claim rarely. */
const CHUNK = 64;
/** How long the main thread waits for a chunk the worker is still measuring before measuring it itself. */
const WAIT_MS = 20;
/** What the worker is started with, so the bundle knows it runs as the helper. */
export const HELPER_ROLE = 'redline-metrics-helper';

export interface Figures {
  edits: Int32Array;
  refWords: Int32Array;
  charEditRate: Float64Array;
}

/** Shared memory: the next chunk to claim, which chunks are done, and the figures of every pair. */
interface Board extends Figures {
  next: Int32Array;
  done: Int32Array;
}

function board(buffer: SharedArrayBuffer, pairs: number): Board {
  const chunks = Math.ceil(pairs / CHUNK);
  // Float64s first, so each view starts aligned to its element size.
  let at = 0;
  const charEditRate = new Float64Array(buffer, at, pairs);
  at += 8 * pairs;
  const edits = new Int32Array(buffer, at, pairs);
  at += 4 * pairs;
  const refWords = new Int32Array(buffer, at, pairs);
  at += 4 * pairs;
  const next = new Int32Array(buffer, at, 1);
  at += 4;
  const done = new Int32Array(buffer, at, chunks);
  return { charEditRate, edits, refWords, next, done };
}

const boardBytes = (pairs: number) => 16 * pairs + 4 + 4 * Math.ceil(pairs / CHUNK);

function measureChunk(chunk: number, mt: LineList, pe: LineList, options: TerOptions, into: Figures): void {
  const end = Math.min(mt.length, (chunk + 1) * CHUNK);
  for (let k = chunk * CHUNK; k < end; k++) {
    const m = segmentMetrics(mt.at(k)!, pe.at(k)!, options);
    into.edits[k] = m.edits;
    into.refWords[k] = m.refWords;
    into.charEditRate[k] = m.charEditRate;
  }
}

/** Claims and measures chunks until none is left. */
function claimChunks(b: Board, mt: LineList, pe: LineList, options: TerOptions): void {
  const chunks = b.done.length;
  for (let chunk = Atomics.add(b.next, 0, 1); chunk < chunks; chunk = Atomics.add(b.next, 0, 1)) {
    measureChunk(chunk, mt, pe, options, b);
    Atomics.store(b.done, chunk, 1);
    Atomics.notify(b.done, chunk);
  }
}

interface Work {
  buffer: SharedArrayBuffer;
  /** The files' plain UTF-8 bytes, as readPlainUtf8 checked them: the worker makes its own lines of them. */
  mtBytes: Uint8Array;
  peBytes: Uint8Array;
  options: TerOptions;
}

/** A worker started early (before the files are read), to be handed the pairs once they are. */
export class MetricsHelper {
  private constructor(private readonly worker: Worker) {}

  /** Starts the worker from `bundle` (the running bundle's own file); null if it cannot start. */
  static start(bundle: string): MetricsHelper | null {
    try {
      const worker = new Worker(bundle, { workerData: { role: HELPER_ROLE } });
      // Its failure only means the main thread measures everything; its exit must not hold the process.
      worker.on('error', () => undefined);
      worker.unref();
      return new MetricsHelper(worker);
    } catch {
      return null;
    }
  }

  /** The figures of every pair, measured on this thread and the worker's. */
  measure(work: Omit<Work, 'buffer'>, mt: LineList, pe: LineList): Figures {
    const buffer = new SharedArrayBuffer(boardBytes(mt.length));
    const b = board(buffer, mt.length);
    try {
      this.worker.postMessage({ ...work, buffer } satisfies Work);
    } catch {
      // Not handed over: the worker claims nothing and this thread measures every chunk.
    }
    claimChunks(b, mt, pe, work.options);
    for (let chunk = 0; chunk < b.done.length; chunk++) {
      if (Atomics.load(b.done, chunk) === 1) continue;
      // The worker holds it: wait a little, then measure it here (the same figures, whoever writes last).
      if (Atomics.wait(b.done, chunk, 0, WAIT_MS) !== 'ok' && Atomics.load(b.done, chunk) !== 1) {
        measureChunk(chunk, mt, pe, work.options, b);
      }
    }
    return { edits: b.edits, refWords: b.refWords, charEditRate: b.charEditRate };
  }

  /** Lets the worker go (the run is handed to another bundle). */
  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * The figures of every pair on this thread alone. After each chunk `measured` (if given) learns that the
 * pairs before `upTo` are measured, in order.
 */
export function measureHere(
  mt: LineList,
  pe: LineList,
  options: TerOptions,
  measured?: (figures: Figures, upTo: number) => void,
): Figures {
  const n = mt.length;
  const into: Figures = { edits: new Int32Array(n), refWords: new Int32Array(n), charEditRate: new Float64Array(n) };
  for (let chunk = 0; chunk * CHUNK < n; chunk++) {
    measureChunk(chunk, mt, pe, options, into);
    measured?.(into, Math.min(n, (chunk + 1) * CHUNK));
  }
  return into;
}

/** The worker's side: wait for the pairs, split the texts as the main thread did, claim chunks. */
export function runHelper(): void {
  parentPort?.once('message', (work: Work) => {
    const mt = new Utf8Lines(work.mtBytes);
    const pe = new Utf8Lines(work.peBytes);
    claimChunks(board(work.buffer, mt.length), mt, pe, work.options);
  });
}
