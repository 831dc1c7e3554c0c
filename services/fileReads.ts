import { ERROR_CODES, RedlineError, type ErrorCode } from '../core/model/errors';
import type { ParsedUnit } from '../core/formats/types';
import { inspectFile, readForImport, readPairForImport, type FileInspection, type FileRead, type ImportOptions, type PairRead } from './fileReading';
import { nextTurnOfEventLoop, type Pause } from './betweenRequests';
import { decodeUnits } from './fileReadParts';
import type { FileReadAsk, FileReadMessage, FileReadRequest } from './fileReadWorker';
import { keptThreads, type KeptThreadsOptions, type LentThread } from './keptThreads';
import { threadDied } from './unforeseenFailure';
import type { WorkerEntry } from './workerEntry';
import { keepProcessYoungSmall } from './youngGeneration';

/** Work in a worker thread: its result, and a way to stop it (the thread is ended; the result is refused). */
export interface Offloaded<T> {
  result: Promise<T>;
  cancel(): void;
}

type Answer = Extract<FileReadMessage, { kind: 'inspected' | 'read' | 'pair' }>;

/** What the thread posts of a parsed file before the rest of it. */
interface Parts {
  units: ParsedUnit[];
  skeleton: string[];
}

const cancelled = () => new RedlineError('cancelled', 'Reading the file was cancelled.');

const UTF8 = new TextDecoder();

/**
 * Reads the files the editor picks in a worker thread (fileReadWorker.ts), so the window keeps answering while a
 * large file is decoded and parsed: inspecting it before import, reading it for import, and reading a text with
 * its source for alignment. The thread is kept for the next file (keptThreads.ts); one cancelled while it reads,
 * or that errors or exits, is ended. `afterPart` runs after each part of an answer is decoded: by default it keeps
 * the young generation small, as the units decoded all survive (youngGeneration.ts).
 */
export function fileReads(
  entry: WorkerEntry,
  options: KeptThreadsOptions = {},
  pause: Pause = nextTurnOfEventLoop,
  afterPart: () => void = keepProcessYoungSmall,
) {
  const threads = keptThreads<FileReadMessage>(entry, options);
  const running = new Set<() => void>();
  let lastId = 0;

  function ask<T>(asked: FileReadAsk, answer: (message: Answer, parts: Parts) => T): Offloaded<T> {
    const id = ++lastId;
    let settled = false;
    let thread: LentThread | null = null;
    // A parsed file's units and skeleton as the thread posts them, in parts still to decode.
    const received: Array<Extract<FileReadMessage, { kind: 'units' | 'skeletonPart' }>> = [];
    let settle!: (outcome: { value: T } | { error: Error }, threadDone: boolean) => void;
    const result = new Promise<T>((resolve, reject) => {
      settle = (outcome, threadDone) => {
        if (settled) return;
        settled = true;
        running.delete(stop);
        if (threadDone) thread?.giveBack();
        else void thread?.end();
        if ('value' in outcome) resolve(outcome.value);
        else reject(outcome.error);
      };
    });
    // Once the thread has answered, it is idle and well: a cancel while the answer is decoded gives it back.
    let threadAnswered = false;
    const stop = () => settle({ error: cancelled() }, threadAnswered);

    /** Decodes the parts received, one a turn of the event loop, so that requests are answered in between. */
    const decode = async (): Promise<Parts> => {
      const parts: Parts = { units: [], skeleton: [] };
      for (const message of received) {
        await pause();
        if (settled) break;
        if (message.kind === 'units') for (const unit of decodeUnits(message.bytes)) parts.units.push(unit);
        else parts.skeleton.push(UTF8.decode(message.bytes));
        afterPart();
      }
      return parts;
    };
    const answered = async (message: Answer): Promise<void> => {
      let outcome: { value: T } | { error: Error };
      try {
        outcome = { value: answer(message, await decode()) };
      } catch (error) {
        outcome = { error: error instanceof Error ? error : new RedlineError('internal', String(error)) };
      }
      settle(outcome, true);
    };

    thread = threads.lend(id, {
      message(message) {
        if (message.kind === 'units' || message.kind === 'skeletonPart') received.push(message);
        else if (message.kind === 'failed') {
          const code = (ERROR_CODES as readonly string[]).includes(message.code) ? (message.code as ErrorCode) : 'internal';
          settle({ error: new RedlineError(code, message.message) }, true);
        } else {
          threadAnswered = true;
          void answered(message);
        }
      },
      died: (death) =>
        settle(
          { error: new RedlineError('internal', death.kind === 'error' ? threadDied('Reading the file', death.error) : 'Reading the file stopped before it finished.') },
          false,
        ),
    });
    running.add(stop);
    const request: FileReadRequest = { ...asked, id };
    thread.post(request);
    return { result, cancel: stop };
  }

  const unexpected = (message: Answer) => new RedlineError('internal', `The file reader answered ${message.kind} out of turn.`);

  return {
    /** What importing a file would take it for (fileReading.ts inspectFile). */
    inspect(path: string, options: ImportOptions = {}): Promise<FileInspection> {
      return ask({ kind: 'inspect', path, options }, (message) => {
        if (message.kind !== 'inspected') throw unexpected(message);
        return message.inspection;
      }).result;
    },
    /** A file read for import (fileReading.ts readForImport), a parsed file's units and skeleton put back together. */
    read(path: string, options: ImportOptions = {}): Offloaded<FileRead> {
      return ask({ kind: 'read', path, options }, (message, parts) => {
        if (message.kind !== 'read') throw unexpected(message);
        return message.read.kind === 'parsed' ? { ...message.read, units: parts.units, skeletonParts: parts.skeleton } : message.read;
      });
    },
    /** A plain-text MT and its source text read for alignment (fileReading.ts readPairForImport). */
    readPair(mtPath: string, sourcePath: string, options: ImportOptions = {}, sourceEncoding?: string): Offloaded<PairRead> {
      return ask({ kind: 'readPair', mtPath, sourcePath, options, sourceEncoding }, (message) => {
        if (message.kind !== 'pair') throw unexpected(message);
        return message.pair;
      });
    },
    /** Stops every read and ends the idle thread (the app quitting). */
    async close(): Promise<void> {
      for (const stop of [...running]) stop();
      await threads.close();
    },
  };
}

export type FileReads = ReturnType<typeof fileReads>;

/** Work done on this thread, at once, in the shape of work offloaded (nothing to stop: it is done when asked). */
function doneNow<T>(work: () => T): Offloaded<T> {
  let result: Promise<T>;
  try {
    result = Promise.resolve(work());
  } catch (error) {
    result = Promise.reject(error as Error);
  }
  return { result, cancel: () => undefined };
}

/** The same reads on this thread, each done when asked: for the handlers where no thread is started (tests). */
export function readsOnThisThread(): FileReads {
  return {
    inspect: (path, options = {}) => doneNow(() => inspectFile(path, options)).result,
    read: (path, options = {}) => doneNow(() => readForImport(path, options)),
    readPair: (mtPath, sourcePath, options = {}, sourceEncoding) => doneNow(() => readPairForImport(mtPath, sourcePath, options, sourceEncoding)),
    close: async () => undefined,
  };
}
