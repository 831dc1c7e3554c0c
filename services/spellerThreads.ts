import { Worker } from 'node:worker_threads';
import { languageOf } from '../core/checks/languages';
import type { Speller } from '../core/checks/types';
import {
  ANSWER,
  CONTROL_WORDS,
  DATA_BYTES,
  DONE,
  IDLE,
  LENGTH,
  OP,
  OP_CORRECT,
  OP_LISTED,
  OP_SUGGEST,
  READY,
  READY_NONE,
  READY_PENDING,
  REQUEST,
  STATE,
  type SpellerThreadData,
} from './spellerProtocol';
import { remembering, SPELLING_LANGUAGES, type SpellerState, type Spellers } from './spelling';
import type { WorkerEntry } from './workerEntry';

/** How long a question may take before the thread is taken for dead (a word is answered in microseconds). */
const ANSWER_WITHIN_MS = 2000;

interface Thread {
  worker: Worker;
  control: Int32Array;
  data: Uint8Array;
  speller: Speller | null;
  dead: boolean;
}

/**
 * The app's spellers, each language's dictionary built and kept in a thread of its own (spellerWorker.ts): the
 * main process never holds nspell's millions of word forms, so neither their build nor the collector's passes over
 * them pause its requests. Until a thread has built its dictionary the checks run without spelling (`ifReady`
 * answers loading); afterwards each word is asked synchronously through shared memory — microseconds — and the
 * answers are remembered. A thread that stops answering is taken for dead: spelling is then off for its language.
 */
export function spellerThreads(entry: WorkerEntry): Spellers {
  const threads = new Map<string, Thread>();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function ask(thread: Thread, op: number, word: string): { answer: number; text: string } | null {
    if (thread.dead) return null;
    const written = encoder.encodeInto(word, thread.data);
    if (written.read !== word.length) return null; // a "word" of 64 KB is not one
    Atomics.store(thread.control, LENGTH, written.written);
    Atomics.store(thread.control, OP, op);
    Atomics.store(thread.control, STATE, REQUEST);
    Atomics.notify(thread.control, STATE);
    if (Atomics.wait(thread.control, STATE, REQUEST, ANSWER_WITHIN_MS) === 'timed-out' && Atomics.load(thread.control, STATE) !== DONE) {
      thread.dead = true;
      void thread.worker.terminate();
      return null;
    }
    const answer = Atomics.load(thread.control, ANSWER);
    const text = op === OP_SUGGEST ? decoder.decode(thread.data.slice(0, Atomics.load(thread.control, LENGTH))) : '';
    Atomics.store(thread.control, STATE, IDLE);
    return { answer, text };
  }

  function spellerOf(thread: Thread): Speller {
    return {
      correct: remembering((word) => (ask(thread, OP_CORRECT, word)?.answer ?? 1) === 1),
      suggest: remembering((word) => {
        const text = ask(thread, OP_SUGGEST, word)?.text;
        return text ? (JSON.parse(text) as string[]) : [];
      }),
      listed: remembering((word) => ask(thread, OP_LISTED, word)?.answer === 1),
    };
  }

  function threadOf(language: string): Thread {
    let thread = threads.get(language);
    if (!thread) {
      const control = new SharedArrayBuffer(CONTROL_WORDS * Int32Array.BYTES_PER_ELEMENT);
      const data = new SharedArrayBuffer(DATA_BYTES);
      const workerData: SpellerThreadData = { language, control, data };
      const worker = new Worker(entry.file, { eval: entry.eval ?? false, workerData });
      worker.unref(); // the app quits without waiting for its spellers
      const made: Thread = { worker, control: new Int32Array(control), data: new Uint8Array(data), speller: null, dead: false };
      // A thread that fails to start or dies leaves spelling off for its language, never the other checks.
      worker.on('error', (error) => {
        made.dead = true;
        console.error(`Redline: the ${language} speller thread failed`, error);
      });
      worker.on('exit', () => (made.dead = true));
      threads.set(language, (thread = made));
    }
    return thread;
  }

  /** The thread's speller once its dictionary is built; null while it is built, or when there is none. */
  function state(thread: Thread): SpellerState {
    if (thread.speller) return { speller: thread.speller, loading: false };
    const ready = Atomics.load(thread.control, READY);
    if (ready === READY_PENDING) return { loading: !thread.dead };
    if (ready === READY_NONE || thread.dead) return { loading: false };
    thread.speller = spellerOf(thread);
    return { speller: thread.speller, loading: false };
  }

  const has = (language: string | null): language is string => language !== null && SPELLING_LANGUAGES.includes(language);

  return {
    ifReady(tag: string | null | undefined): SpellerState {
      const language = languageOf(tag);
      return has(language) ? state(threadOf(language)) : { loading: false };
    },
    /** The speller, waiting for its thread to build it if need be. */
    now(tag: string | null | undefined): Speller | undefined {
      const language = languageOf(tag);
      if (!has(language)) return undefined;
      const thread = threadOf(language);
      while (Atomics.load(thread.control, READY) === READY_PENDING && !thread.dead) Atomics.wait(thread.control, READY, READY_PENDING, 100);
      return state(thread).speller;
    },
    async ready(tag: string | null | undefined): Promise<Speller | undefined> {
      const language = languageOf(tag);
      if (!has(language)) return undefined;
      const thread = threadOf(language);
      while (state(thread).loading) await new Promise((resolve) => setTimeout(resolve, 50));
      return state(thread).speller;
    },
  };
}
