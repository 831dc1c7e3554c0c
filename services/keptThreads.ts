import { Worker } from 'node:worker_threads';
import type { WorkerEntry } from './workerEntry';

export interface KeptThreadsOptions {
  /** How long a thread is kept idle after a job before it is ended (60 s). */
  idleMs?: number;
  /** Starts a worker thread: `new Worker` on the entry (tests count the starts through it). */
  startThread?: (entry: WorkerEntry) => Worker;
}

/** How a thread ended in the middle of a job: an uncaught error in it, or its exit. */
export type ThreadDeath = { kind: 'error'; error: Error } | { kind: 'exit' };

/** The job a thread is lent to: told what the thread posts about it, and if the thread dies meanwhile. */
export interface Borrower<Message> {
  message(message: Message): void;
  died(death: ThreadDeath): void;
}

/** A thread lent to one job. Once given back or ended, the job has nothing more to do with it. */
export interface LentThread {
  post(request: unknown): void;
  /** The job is over and the thread is well: it is kept for the next job (if no other is kept), else ended. */
  giveBack(): void;
  /** Ends the thread at once (a cancel, a failure); settles once it has stopped. */
  end(): Promise<void>;
}

interface Thread<Message> {
  worker: Worker;
  /** The job it works for, by the id its messages about that job carry. */
  lent: { id: number; borrower: Borrower<Message> } | null;
  /** Set once it is ending or has died: it is never lent again. */
  ending: Promise<void> | null;
}

const IDLE_MS = 60_000;

const newThread = (entry: WorkerEntry) => new Worker(entry.file, { eval: entry.eval ?? false });

/**
 * Worker threads of one kind, kept between jobs. Starting a thread (loading its code, opening its connection)
 * can cost far more than a small job, so a thread whose job went well is kept for the next one: one idle thread
 * at most, ended after `idleMs` without a job and at `close`. A job that comes while the kept thread is busy gets
 * a thread of its own. A thread that is ended (a cancel, a failure), errors or exits is never lent again.
 *
 * The thread answers one request after another (jobThread.ts `answerEachRequest`); every message it posts
 * carries the id of the job it is about, and only the job the thread is lent to now hears it.
 */
export function keptThreads<Message extends { id: number }>(entry: WorkerEntry, options: KeptThreadsOptions = {}) {
  const idleMs = options.idleMs ?? IDLE_MS;
  const startThread = options.startThread ?? newThread;
  /** The thread kept for the next job, and the timer that ends it. */
  let idle: { thread: Thread<Message>; timer: NodeJS.Timeout } | null = null;

  const end = (thread: Thread<Message>): Promise<void> => {
    thread.lent = null;
    if (idle?.thread === thread) {
      clearTimeout(idle.timer);
      idle = null;
    }
    thread.ending ??= thread.worker.terminate().then(() => undefined);
    return thread.ending;
  };

  const start = (): Thread<Message> => {
    const thread: Thread<Message> = { worker: startThread(entry), lent: null, ending: null };
    thread.worker.on('message', (message: Message) => {
      if (thread.lent && message.id === thread.lent.id) thread.lent.borrower.message(message);
    });
    // A thread that errors or exits fails the job it works for, or leaves the idle place if it waited there.
    const died = (death: ThreadDeath) => {
      const borrower = thread.lent?.borrower;
      void end(thread);
      borrower?.died(death);
    };
    thread.worker.on('error', (error) => died({ kind: 'error', error }));
    thread.worker.on('exit', () => died({ kind: 'exit' }));
    return thread;
  };

  const keep = (thread: Thread<Message>): void => {
    thread.lent = null;
    if (thread.ending) return;
    if (idle) {
      void end(thread);
      return;
    }
    // Not holding the process open (the CLI, tests, the bench) while it waits.
    thread.worker.unref();
    const timer = setTimeout(() => void end(thread), idleMs);
    timer.unref();
    idle = { thread, timer };
  };

  return {
    /** The kept thread if there is one, else a new one, for the job numbered `id`. */
    lend(id: number, borrower: Borrower<Message>): LentThread {
      let thread: Thread<Message>;
      if (idle) {
        thread = idle.thread;
        clearTimeout(idle.timer);
        idle = null;
        thread.worker.ref();
      } else thread = start();
      thread.lent = { id, borrower };
      const mine = () => thread.lent?.id === id;
      return {
        post: (request) => {
          if (mine()) thread.worker.postMessage(request);
        },
        giveBack: () => {
          if (mine()) keep(thread);
        },
        end: () => (mine() || thread.ending ? end(thread) : Promise.resolve()),
      };
    },
    /** Ends the idle thread (the store closing); threads lent to jobs are their jobs' to end. */
    async close(): Promise<void> {
      if (idle) await end(idle.thread);
    },
  };
}

export type KeptThreads<Message extends { id: number }> = ReturnType<typeof keptThreads<Message>>;
