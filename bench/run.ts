/**
 * `npm run bench`: how fast Redline computes HTER over the shared 2,000 APE pairs, how long one keystroke
 * costs in the editor (word diff + segment metrics), and how long the garble checks take over the seed article.
 * It prints figures and targets; it never asserts.
 */
import { cpus } from 'node:os';
import { benchChecks, CHECKS_TARGET_MS } from './checks';
import { loadApe, MissingFixtures, type ApePair } from './fixtures';
import { benchHter } from './hter';
import { benchKeystrokes, MAX_WORDS } from './keystrokes';
import { benchSegmentation } from './segmentation';
import { benchDocument, type DocumentBench } from './document';
import { printFlatSave } from './flatSave';
import { ms, thousands } from './stats';
import { benchStoredMetrics, storedMetricsLines } from './storedMetrics';

const SACREBLEU_MS = 690;
const HTER_TARGET_MS = 35;
const KEYSTROKE_P99_TARGET_MS = 4;
const REFERENCE = { edits: 7795, refWords: 33879 };

const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

function main(): number {
  let pairs: ApePair[];
  try {
    pairs = loadApe();
  } catch (error) {
    if (!(error instanceof MissingFixtures)) throw error;
    process.stderr.write(`bench: ${error.message}\nbench: nothing was measured.\n`);
    return 1;
  }
  const started = performance.now();
  const print = (line = '') => process.stdout.write(`${line}\n`);
  print(`Redline bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`);
  print();

  const h = benchHter(pairs);
  const { result } = h;
  print(`HTER over ${thousands(pairs.length)} APE pairs (tercom tokenization + TER with shifts), ${h.runs} timed runs after warm-up`);
  print(`  best ${ms(h.hter.best)}, median ${ms(h.hter.median)}  →  ${thousands(pairs.length / (h.hter.median / 1000))} pairs/s`);
  print(`  target ≤ ${HTER_TARGET_MS} ms (20× sacrebleu's ≈ ${SACREBLEU_MS / 1000} s on these machines): ${verdict(h.hter.median <= HTER_TARGET_MS)}, ` +
    `${(SACREBLEU_MS / h.hter.median).toFixed(0)}× faster than sacrebleu`);
  print(`  baseline, same tokens, plain word Levenshtein: best ${ms(h.levenshtein.best)}, median ${ms(h.levenshtein.median)}  ` +
    `→  TER costs ${(h.hter.median / h.levenshtein.median).toFixed(2)}× Levenshtein`);
  print(`  (tokenization alone: median ${ms(h.tokenize.median)})`);
  const corpusOk = result.edits === REFERENCE.edits && result.refWords === REFERENCE.refWords;
  const ter = ((100 * result.edits) / result.refWords).toFixed(2);
  if (corpusOk && h.mismatches.length === 0) {
    print(`  identical to ter.tsv (sacrebleu): all ${thousands(pairs.length)} lines equal, corpus ${thousands(result.edits)} edits / ` +
      `${thousands(result.refWords)} reference words = TER ${ter}`);
  } else {
    const first = h.mismatches[0];
    print(`  NOT identical to ter.tsv: ${h.mismatches.length} lines differ` +
      (first ? ` (first: line ${first.line}, expected ${first.edits}/${first.refWords})` : '') +
      `; corpus ${result.edits}/${result.refWords} against ${REFERENCE.edits}/${REFERENCE.refWords}`);
  }
  print();

  const k = benchKeystrokes(pairs);
  print(`Keystroke path: wordDiff(mt, current) + segmentMetrics(mt, current) after every keystroke`);
  print(`  ${thousands(k.keystrokes)} keystrokes correcting ${k.segments} segments of joined APE lines ` +
    `(${k.words.min}–${k.words.max} words, median ${k.words.median}; at most ${MAX_WORDS}) into their post-edits` +
    (k.reachedPostEdit ? '' : ' — WARNING: a simulation did not end on its post-edit'));
  print(`  p50 ${ms(k.total.p50, 3)}, p99 ${ms(k.total.p99, 3)}, max ${ms(k.total.max, 3)}`);
  print(`  target p99 ≤ ${KEYSTROKE_P99_TARGET_MS} ms: ${verdict(k.total.p99 <= KEYSTROKE_P99_TARGET_MS)}`);
  print(`  of which wordDiff p50 ${ms(k.diff.p50, 3)} / p99 ${ms(k.diff.p99, 3)}, ` +
    `segmentMetrics p50 ${ms(k.metrics.p50, 3)} / p99 ${ms(k.metrics.p99, 3)}`);
  print(`  segments of 70+ words only (${thousands(k.long.keystrokes)} keystrokes): p50 ${ms(k.long.p50, 3)}, p99 ${ms(k.long.p99, 3)}`);
  print();

  try {
    const c = benchChecks();
    print(`Checks: checkDocument over the seed article (${c.sentences} sentences in ${c.paragraphs} paragraphs, ${c.flags} flags), ` +
      `${c.runs} timed runs after warm-up, each building the document context afresh`);
    print(`  best ${ms(c.best)}, median ${ms(c.median)}  (first call in this process, cold: ${ms(c.firstMs)})`);
    print(`  target ≤ ${CHECKS_TARGET_MS} ms: ${verdict(c.median <= CHECKS_TARGET_MS)}`);
    print(`  checkSentence of one sentence on a built context (typing): p50 ${ms(c.sentence.p50, 3)}, p99 ${ms(c.sentence.p99, 3)}`);
  } catch (error) {
    if (!(error instanceof MissingFixtures)) throw error;
    print(`Checks: not measured: ${error.message}`);
  }
  print();

  try {
    const s = benchSegmentation();
    print('Segmentation of one long line (the seed article on one line, repeated), linear: the cost per character stays flat');
    for (const size of s.sizes) {
      const perChar = (1000 * size.ms) / size.chars;
      print(`  ${thousands(size.chars)} chars → ${thousands(size.sentences)} sentences: ${ms(size.ms)} (${perChar.toFixed(2)} µs/char)` +
        (size.baselineMs === null ? '' : `; the segmenter before it was made linear: ${ms(size.baselineMs)}`));
    }
  } catch (error) {
    if (!(error instanceof MissingFixtures)) throw error;
    print(`Segmentation: not measured: ${error.message}`);
  }
  print();

  // BENCH_SIZES=1000,10000 skips the 100k document (a few minutes on a loaded machine).
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const results: DocumentBench[] = [];
  for (const size of sizes) {
    let r: DocumentBench;
    try {
      r = benchDocument(size);
    } catch (error) {
      if (!(error instanceof MissingFixtures)) throw error;
      print(`Book-length documents: not measured: ${error.message}`);
      break;
    }
    results.push(r);
    const first = results[0]!;
    const flat = (value: number, base: number) => (results.length > 1 ? ` (${(value / base).toFixed(1)}× the ${thousands(first.sentences)} figure)` : '');
    print(`Document of ${thousands(size)} APE MT lines (mt.txt in order, cycled; 5 a paragraph) → ${thousands(r.sentences)} sentences`);
    print(`  import (segment + store)                 ${ms(r.importMs)}`);
    print(`  whole-document check, once (at first read) ${ms(r.wholeCheckMs)}  — what every save used to trigger`);
    print(`  save → stored flags updated (median of 7) ${ms(r.saveMedianMs)}${flat(r.saveMedianMs, first.saveMedianMs)}; ` +
      `baseline, the whole-document check: ${ms(r.wholeCheckMs)} → ${(r.wholeCheckMs / r.saveMedianMs).toFixed(0)}× less`);
    print(`  flag counts from the store                ${ms(r.flagsReadMs, 2)}${flat(r.flagsReadMs, first.flagsReadMs)}`);
    print(`  next flagged sentence (F8) from the store ${ms(r.nextFlagMs, 2)}${flat(r.nextFlagMs, first.nextFlagMs)}`);
    print();
  }
  try {
    print('Reads kept by the writes (stored metrics, counters, keyset paging, search snippets), each beside its figure at the first size');
    for (const line of storedMetricsLines(benchStoredMetrics(sizes))) print(line);
  } catch (error) {
    if (!(error instanceof MissingFixtures)) throw error;
    print(`Stored metrics: not measured: ${error.message}`);
  }
  if (results.length > 0) printFlatSave(sizes, print);
  print();
  print(`(bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

process.exitCode = main();
