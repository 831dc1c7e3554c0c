/**
 * How long a request (a page of the grid, `segments.page`) waits while other work runs in the same process:
 * a page is asked for every EVERY_MS, and the figure is the longest wait from when it was due to its answer.
 */
import type { BookDocument } from './table';

export const PAGE = 50;
export const EVERY_MS = 1;

export interface Waits {
  longest: number;
  requests: number;
  /** Requests that waited over 50 ms (the limit). */
  over50: number;
}

/** Asks for a page every EVERY_MS until `running()` is false; the longest wait from when each was due. */
export async function waitsWhile(document: BookDocument, running: () => boolean, started: Promise<unknown>): Promise<Waits> {
  const { services, documentId } = document;
  let longest = 0;
  let requests = 0;
  let over50 = 0;
  let after = 0;
  let failed: unknown = null;
  started.catch((error: unknown) => (failed = error));
  while (running() && failed === null) {
    const due = performance.now() + EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    const page = services.segments.page(documentId, after, PAGE);
    after = page.items.length === PAGE ? page.items[PAGE - 1]!.position : 0;
    const waited = performance.now() - due;
    longest = Math.max(longest, waited);
    if (waited > 50) over50++;
    requests++;
  }
  if (failed !== null) throw failed;
  return { longest, requests, over50 };
}

/** The same requests for `ms` with nothing else running: how late the machine itself makes them. */
export async function idle(document: BookDocument, ms: number): Promise<Waits> {
  const until = performance.now() + ms;
  return waitsWhile(document, () => performance.now() < until, Promise.resolve());
}

