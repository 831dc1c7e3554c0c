import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps V8's young generation small while work runs between requests in the app's process.
 *
 * Work that builds something to keep (a book's check context: objects for 100,000 sentences and their names)
 * leaves nearly everything it allocates alive. V8 collects the young generation when it is full, up to 16 MB
 * a semi-space, and a collection copies what survives: with all of it surviving, 25–55 ms on a 2-core
 * machine, spent inside whichever step filled it, while a request waits. Collected between steps once it
 * holds a few megabytes, each collection copies a few megabytes (a few milliseconds, measured in the
 * name-rich bench book), and the collector's own collections of a full young generation stop coming.
 */

/** What a step may leave in the young generation before it is collected (a collection copies about this much). */
export const YOUNG_LIMIT_BYTES = 4 * 1024 * 1024;

export interface YoungGeneration {
  /** Bytes in use in the young generation. */
  usedBytes(): number;
  /** Collects the young generation alone (a scavenge), now. */
  collect(): void;
}

/** A check to run after each step: collects the young generation when it holds more than `limitBytes`. */
export function youngGenerationKeeper(young: YoungGeneration | null, limitBytes = YOUNG_LIMIT_BYTES): () => void {
  if (young === null) return () => undefined;
  return () => {
    if (young.usedBytes() > limitBytes) young.collect();
  };
}

type Collector = (options: { type: 'minor' | 'major' }) => void;

/**
 * V8's `gc` function: the global one when the process was started with --expose-gc, or else one from a new
 * context once the flag is set (V8 adds it only to contexts made after). Electron's main process leaves V8's
 * flags unfrozen for Node, as Node does, so setting the flag is allowed there too.
 */
function collector(): Collector | null {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as Collector;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    return typeof exposed === 'function' ? (exposed as Collector) : null;
  } catch {
    return null;
  }
}

const NEW_SPACE = 'new_space';

let processYoung: YoungGeneration | null | undefined;

/** This process's young generation, or null when its collector cannot be called (then nothing is collected). */
export function processYoungGeneration(): YoungGeneration | null {
  if (processYoung !== undefined) return processYoung;
  const gc = collector();
  const measurable = getHeapSpaceStatistics().some((space) => space.space_name === NEW_SPACE);
  processYoung =
    gc === null || !measurable
      ? null
      : {
          usedBytes: () => getHeapSpaceStatistics().find((space) => space.space_name === NEW_SPACE)?.space_used_size ?? 0,
          collect: () => gc({ type: 'minor' }),
        };
  return processYoung;
}

let processKeeper: (() => void) | null = null;

/**
 * The check to run after each step of work done between requests in the app's process (a book's context, an
 * import's storing, a read file's decoding), made on first use: a process that never works so sets no V8 flag.
 */
export const keepProcessYoungSmall = (): void => (processKeeper ??= youngGenerationKeeper(processYoungGeneration()))();
