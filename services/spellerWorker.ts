/**
 * A speller thread: builds one language's dictionary (seconds, millions of word forms for French or Russian)
 * in a heap of its own, so neither the build nor the collector's passes over it ever hold up the app's main
 * process, then answers its questions through shared memory (spellerProtocol.ts) for as long as the app runs.
 */
import { workerData } from 'node:worker_threads';
import { runToEnd } from '../core/model/steps';
import { dictionaryBuild } from './spelling';
import {
  ANSWER,
  ANSWERED,
  ASKED,
  DONE,
  LENGTH,
  OP,
  OP_CORRECT,
  OP_LISTED,
  OP_SUGGEST,
  READY,
  READY_NONE,
  READY_YES,
  REQUEST,
  STATE,
  type SpellerThreadData,
} from './spellerProtocol';
import type { Speller } from '../core/checks/types';

function serve({ language, control, data }: SpellerThreadData): void {
  const words = new Int32Array(control);
  const bytes = new Uint8Array(data);
  let speller: Speller | null;
  try {
    speller = runToEnd(dictionaryBuild(language, Infinity));
  } catch {
    speller = null; // an unreadable dictionary leaves spelling off for the language
  }
  Atomics.store(words, READY, speller ? READY_YES : READY_NONE);
  Atomics.notify(words, READY);
  if (!speller) return;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (;;) {
    const state = Atomics.load(words, STATE);
    if (state !== REQUEST) {
      // Bounded, so that ending the thread (the app quitting) never waits on a wait that cannot end.
      Atomics.wait(words, STATE, state, 1000);
      continue;
    }
    const word = decoder.decode(bytes.slice(0, Atomics.load(words, LENGTH)));
    const op = Atomics.load(words, OP);
    if (op === OP_SUGGEST) {
      const json = JSON.stringify(speller.suggest(word));
      const written = encoder.encodeInto(json, bytes);
      Atomics.store(words, LENGTH, written.read === json.length ? written.written : 0); // 0: too long, no answer
    } else {
      const yes = op === OP_CORRECT ? speller.correct(word) : op === OP_LISTED ? (speller.listed?.(word) ?? false) : false;
      Atomics.store(words, ANSWER, yes ? 1 : 0);
    }
    Atomics.store(words, ANSWERED, Atomics.load(words, ASKED));
    Atomics.store(words, STATE, DONE);
    Atomics.notify(words, STATE);
  }
}

serve(workerData as SpellerThreadData);
