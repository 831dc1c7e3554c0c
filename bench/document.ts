/**
 * A book-length document: 1k, 10k and 100k sentences built from the shared APE MT lines (../shared/fixtures/
 * ape-en-de/mt.txt, taken in order and cycled, one line a sentence, 5 to a paragraph), each stored in a fresh
 * in-memory store. Times the save path with stored flags (edit → flags of what it affects updated) beside the
 * whole-document check it replaced, and the flags panel read from the store.
 */
import { nodeNativeBinding } from '../cli/nativeBinding';
import { forgetContexts } from '../core/checks/context';
import { createServices } from '../services';
import { loadApe } from './fixtures';
import { median } from './stats';

export interface DocumentBench {
  sentences: number;
  importMs: number;
  wholeCheckMs: number;
  saveMedianMs: number;
  flagsReadMs: number;
  nextFlagMs: number;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** `n` APE MT lines in order (cycled), 5 to a paragraph. */
export function bookText(n: number): string {
  const lines = loadApe().map((pair) => pair.mt);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]! + (i % 5 === 4 ? '\n\n' : '\n'));
  return out.join('');
}

export function benchDocument(n: number): DocumentBench {
  const services = createServices(':memory:', { nativeBinding: nodeNativeBinding() });
  try {
    const imported = time(() => services.documents.importText({ fileName: 'book.txt', title: 'Book', text: bookText(n), hasBom: false }));
    const documentId = imported.value.id;
    forgetContexts();
    const whole = time(() => services.checks.document(documentId));
    const rows = services.segments.page(documentId, Math.floor(n / 2), 7).items;
    const saves = rows.map((row, k) => time(() => services.segments.update(row.id, `${row.currentText} The the edit ${k}.`)).ms);
    const read = time(() => services.checks.counts(documentId));
    const next = time(() => services.checks.nearest(documentId, Math.floor(n / 2), 'next'));
    return {
      sentences: services.segments.page(documentId, 0, 1).total,
      importMs: imported.ms,
      wholeCheckMs: whole.ms,
      saveMedianMs: median(saves),
      flagsReadMs: read.ms,
      nextFlagMs: next.ms,
    };
  } finally {
    services.close();
  }
}
