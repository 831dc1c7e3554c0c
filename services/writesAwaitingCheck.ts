/**
 * A document's stored flags when writes landed while they could not be kept — checked with other options than
 * the app has right now, typically because the document's dictionary was still being built. The check state's
 * options digest then says which sentences those writes touched: once the app has the options the flags were
 * computed with again, only those sentences (and what depends on them) are checked, not the whole document.
 * Too many of them, or flags that were out of date anyway, and the digest says stale: the document is checked
 * whole. Kept in the check state, in the write's transaction, so a process that ends meanwhile loses nothing.
 */

/** A digest that matches no options: the next read checks the document whole. */
export const STALE = 'stale';
/** Sentences past this many awaiting their check: checking the document whole costs about as much. */
export const MAX_AWAITING = 1000;

const PREFIX = 'awaiting:';

export interface AwaitingCheck {
  /** The digest of the options the stored flags were computed with. */
  digest: string;
  /** The sentences written since, unchecked. */
  segmentIds: number[];
}

/** The writes a check state's digest says await their check; null when it is a plain digest, or stale. */
export function awaitingCheck(digest: string): AwaitingCheck | null {
  if (!digest.startsWith(PREFIX)) return null;
  try {
    const parsed = JSON.parse(digest.slice(PREFIX.length)) as Partial<AwaitingCheck>;
    if (typeof parsed.digest !== 'string' || !Array.isArray(parsed.segmentIds) || !parsed.segmentIds.every((id) => Number.isSafeInteger(id))) {
      return null;
    }
    return { digest: parsed.digest, segmentIds: parsed.segmentIds };
  } catch {
    return null;
  }
}

/** The digest to store after writes to `segmentIds` that could not be checked, given the stored one. */
export function withWritesAwaiting(stored: string, segmentIds: readonly number[]): string {
  if (stored === STALE) return STALE;
  const awaiting = awaitingCheck(stored);
  if (awaiting === null && stored.startsWith(PREFIX)) return STALE; // unreadable: check whole
  const ids = new Set(awaiting?.segmentIds ?? []);
  for (const id of segmentIds) ids.add(id);
  if (ids.size > MAX_AWAITING) return STALE;
  return PREFIX + JSON.stringify({ digest: awaiting?.digest ?? stored, segmentIds: [...ids] });
}
