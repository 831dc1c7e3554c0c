/**
 * How the app's main process asks a speller thread (spellerWorker.ts) about a word and waits for the answer
 * (spellerThreads.ts): two SharedArrayBuffers, one of control words, one of UTF-8 bytes. The main process writes
 * the word and REQUEST and waits (Atomics.wait, bounded); the thread answers, sets DONE and wakes it. One
 * question at a time per thread: the main process is single-threaded.
 */

/** Control words (an Int32Array over `control`). */
export const STATE = 0;
/** Bytes of the word asked about, or of the answer (suggestions as JSON). */
export const LENGTH = 1;
export const OP = 2;
/** 1 for yes, 0 for no. */
export const ANSWER = 3;
/** READY_PENDING while the dictionary is built, then READY_YES, or READY_NONE when there is none. */
export const READY = 4;
/** The number of the question asked, and of the one answered: a late answer to an earlier question is told apart. */
export const ASKED = 5;
export const ANSWERED = 6;
export const CONTROL_WORDS = 7;

export const IDLE = 0;
export const REQUEST = 1;
export const DONE = 2;

export const READY_PENDING = 0;
export const READY_YES = 1;
export const READY_NONE = 2;

export const OP_CORRECT = 1;
export const OP_SUGGEST = 2;
export const OP_LISTED = 3;

/** Bytes of a word or an answer: a word is short, five suggestions too; longer is cut (and read as no answer). */
export const DATA_BYTES = 64 * 1024;

export interface SpellerThreadData {
  language: string;
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
}
