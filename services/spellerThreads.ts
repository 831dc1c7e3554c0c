import { Worker } from 'node:worker_threads';
import { languageOf } from '../core/checks/languages';
import type { Speller } from '../core/checks/types';
import {
  ANSWER,
  ANSWERED,
  ASKED,
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
import { processSpellers, SPELLING_LANGUAGES, type SpellerState, type Spellers } from './spelling';
import type { WorkerEntry } from './workerEntry';

/** How long a question may wait for its answer (a word is answered in microseconds; a collection may pause more). */
const ANSWER_WITHIN_MS = 500;
/** Questions in a row left unanswered before the thread is taken for dead. */
const UNANSWERED_LIMIT = 3;
/** How long `now` waits for a thread to build its dictionary before going on without it. */
const BUILD_WITHIN_MS = 180_000;
/** Remembered answers per language (a document repeats its words). */
const MAX_REMEMBERED = 50_000;

interface Thread {
  language: string;
  worker: Worker;
  control: Int32Array;
  data: Uint8Array;
  speller: Speller | null;
  /** Ended, or unanswering: the language's spelling goes on in the main process (see `fallback`). */
  dead: boolean;
  asked: number;
  unanswered: number;
}

/**
 * The app's spellers, each language's dictionary built and kept in a thread of its own (spellerWorker.ts): the
 * main process never holds nspell's millions of word forms, so neither their build nor the collector's passes over
 * them pause its requests. Until a thread has built its dictionary the checks run without spelling (`ifReady`
 * answers loading); afterwards each word is asked synchronously through shared memory — microseconds — and the
 * answers are remembered. A question not answered in time gets no answer (the word passes, unremembered); a thread
 * that ends or leaves three questions in a row unanswered is replaced by a speller built in the main process
 * between requests (`fallback`), so spelling stays on — as it is in the whole-check worker, which builds its own.
 */
export function spellerThreads(entry: WorkerEntry, fallback: Spellers = processSpellers): Spellers {
  const threads = new Map<string, Thread>();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  const die = (thread: Thread): void => {
    if (thread.dead) return;
    thread.dead = true;
    void thread.worker.terminate();
  };

  /** Bounded wait while the control word at `index` holds `value`; false when the wait cannot be done here. */
  function waitWhile(thread: Thread, index: number, value: number, ms: number): boolean {
    try {
      Atomics.wait(thread.control, index, value, ms);
      return true;
    } catch {
      die(thread); // a process that may not block (never the case in Node or Electron's main process)
      return false;
    }
  }

  /** The thread's answer to one question, or null when there is none in time (nothing is remembered then). */
  function ask(thread: Thread, op: number, word: string): { answer: number; text: string } | null {
    if (thread.dead) return null;
    // An earlier question left unanswered: its late answer is read and dropped before asking again.
    if (Atomics.load(thread.control, STATE) === REQUEST && (!waitWhile(thread, STATE, REQUEST, ANSWER_WITHIN_MS) || Atomics.load(thread.control, STATE) === REQUEST)) {
      if (++thread.unanswered >= UNANSWERED_LIMIT) die(thread);
      return null;
    }
    const written = encoder.encodeInto(word, thread.data);
    if (written.read !== word.length) {
      Atomics.store(thread.control, STATE, IDLE);
      return null; // a "word" of 64 KB is not one
    }
    const asked = ++thread.asked;
    Atomics.store(thread.control, LENGTH, written.written);
    Atomics.store(thread.control, OP, op);
    Atomics.store(thread.control, ASKED, asked);
    Atomics.store(thread.control, STATE, REQUEST);
    Atomics.notify(thread.control, STATE);
    if (!waitWhile(thread, STATE, REQUEST, ANSWER_WITHIN_MS)) return null;
    if (Atomics.load(thread.control, STATE) !== DONE || Atomics.load(thread.control, ANSWERED) !== asked) {
      if (++thread.unanswered >= UNANSWERED_LIMIT) die(thread);
      return null;
    }
    thread.unanswered = 0;
    const answer = Atomics.load(thread.control, ANSWER);
    const text = op === OP_SUGGEST ? decoder.decode(thread.data.slice(0, Atomics.load(thread.control, LENGTH))) : '';
    Atomics.store(thread.control, STATE, IDLE);
    return { answer, text };
  }

  /** Answers remembered; a question with no answer in time is asked again next time. */
  function remembered<T>(thread: Thread, compute: (word: string) => T | null, otherwise: (speller: Speller, word: string) => T, none: T) {
    const memory = new Map<string, T>();
    return (word: string): T => {
      if (thread.dead) {
        const replacement = fallback.ifReady(thread.language).speller;
        return replacement ? otherwise(replacement, word) : none;
      }
      const known = memory.get(word);
      if (known !== undefined) return known;
      const value = compute(word);
      if (value === null) return none;
      if (memory.size >= MAX_REMEMBERED) memory.clear();
      memory.set(word, value);
      return value;
    };
  }

  function spellerOf(thread: Thread): Speller {
    return {
      correct: remembered(
        thread,
        (word) => {
          const found = ask(thread, OP_CORRECT, word);
          return found === null ? null : found.answer === 1;
        },
        (s, w) => s.correct(w),
        true,
      ),
      suggest: remembered(
        thread,
        (word) => {
          const found = ask(thread, OP_SUGGEST, word);
          return found === null ? null : found.text ? (JSON.parse(found.text) as string[]) : [];
        },
        (s, w) => s.suggest(w),
        [],
      ),
      listed: remembered(
        thread,
        (word) => {
          const found = ask(thread, OP_LISTED, word);
          return found === null ? null : found.answer === 1;
        },
        (s, w) => s.listed?.(w) ?? false,
        false,
      ),
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
      const made: Thread = { language, worker, control: new Int32Array(control), data: new Uint8Array(data), speller: null, dead: false, asked: 0, unanswered: 0 };
      // A thread that fails to start or ends: its language's spelling goes on with the fallback.
      worker.on('error', (error) => {
        made.dead = true;
        console.error(`Redline: the ${language} speller thread failed`, error);
      });
      worker.on('exit', () => (made.dead = true));
      threads.set(language, (thread = made));
    }
    return thread;
  }

  /** The thread's speller once its dictionary is built; loading while it is built; the fallback's once it died. */
  function state(thread: Thread): SpellerState {
    if (thread.dead) return fallback.ifReady(thread.language);
    if (thread.speller) return { speller: thread.speller, loading: false };
    const ready = Atomics.load(thread.control, READY);
    if (ready === READY_PENDING) return { loading: true };
    if (ready === READY_NONE) return { loading: false };
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
      // The thread's end is an event, which cannot come in while this waits: the wait is bounded as a whole.
      const until = performance.now() + BUILD_WITHIN_MS;
      while (!thread.dead && Atomics.load(thread.control, READY) === READY_PENDING && performance.now() < until) {
        if (!waitWhile(thread, READY, READY_PENDING, 100)) break;
      }
      if (!thread.dead && Atomics.load(thread.control, READY) === READY_PENDING) die(thread);
      return thread.dead ? fallback.now(language) : state(thread).speller;
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
