/**
 * What the XML budgets (core/formats/xml/limits.ts) and the input size limits (services/files.ts) let through,
 * in time and memory: a Trados SDLXLIFF as Trados writes one (segments in groups, sdl:seg-defs, the original
 * document embedded in base64 in <internal-file>), at the size limit and at the element budget, and hostile
 * files of empty elements at the budget. It prints figures; it never asserts.
 *
 *   npm run bench:xml -- [segments] [embedded MB]      (default: 50,000 segments, 40 MB embedded)
 *
 * Figures on 2 cores shared with other work (load ~13), so times are inflated several-fold, 2026-12-03:
 *   SDLXLIFF of 50,000 segments, 40 MB embedded (59 MB): tree 18 s, heap +207 MB; import with skeleton 25 s, +236 MB
 *   SDLXLIFF at the element budget, 1,200,000 elements (44 MB): tree 20 s, heap +472 MB
 *   hostile, 5 MB of empty elements: refused at 400,000; 18 MB of 16-character elements: refused at the budget
 *   peak RSS of the whole run: 830 MB
 */
import { sdlxliffFormat } from '../core/formats/xliff';
import { tradosFile } from './tradosFile';
import { parseXmlTree } from '../core/formats/xliff/xmlTree';
import { elementBudget, MAX_XML_ELEMENTS } from '../core/formats/xml/limits';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Time and heap growth of `work`, its result kept alive while the heap is measured (after a collection with --expose-gc). */
function measure(label: string, work: () => unknown): void {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const retained: unknown[] = [];
  let outcome = 'read';
  try {
    retained.push(work());
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 100)}…`;
  }
  const ms = performance.now() - started;
  gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  process.stdout.write(`  ${label}: ${(ms / 1000).toFixed(1)} s, heap +${mb(heap)}${gc ? '' : ' (no --expose-gc: rough)'}, ${outcome}\n`);
  retained.length = 0;
}

function main(): void {
  const units = Number(process.argv[2] ?? 25_000);
  const embedded = Number(process.argv[3] ?? 40) * 1024 * 1024;
  process.stdout.write(`XML budgets — Node ${process.version}; elements: one per 16 characters, at most ${MAX_XML_ELEMENTS.toLocaleString('en')}\n`);

  const trados = tradosFile(units, embedded);
  process.stdout.write(
    `SDLXLIFF of ${(2 * units).toLocaleString('en')} segments and ${mb(embedded)} embedded: ${mb(trados.length)}, ` +
      `budget ${elementBudget(trados.length).toLocaleString('en')} elements\n`,
  );
  measure('XML tree', () => parseXmlTree(trados, 'big.sdlxliff'));
  measure('SDLXLIFF import (parse, and the skeleton as stored)', () => {
    const parsed = sdlxliffFormat.parse(trados, 'big.sdlxliff');
    return [parsed, JSON.stringify(parsed.skeleton)];
  });

  const atBudget = tradosFile(Math.floor(MAX_XML_ELEMENTS / 21), 0);
  process.stdout.write(`SDLXLIFF at the element budget: ${mb(atBudget.length)}\n`);
  measure('XML tree', () => parseXmlTree(atBudget, 'budget.sdlxliff'));

  for (const [what, element] of [
    ['empty elements', '<b/>'],
    ['elements of 16 characters', '<x id="123456"/>'],
  ] as const) {
    const count = Math.min(MAX_XML_ELEMENTS, Math.floor((20 * 1024 * 1024) / element.length));
    const hostile = `<r>${element.repeat(count - 1)}</r>`;
    process.stdout.write(`Hostile, ${mb(hostile.length)} of ${what} (${count.toLocaleString('en')}): budget ${elementBudget(hostile.length).toLocaleString('en')}\n`);
    measure('XML tree', () => parseXmlTree(hostile, 'hostile.xml'));
  }
}

main();
