/**
 * `npm run bench`: HTER against sacrebleu run live (end to end, 16,000 pairs) and in-process over the shared
 * 2,000 APE pairs, the cost of one keystroke in the editor (word diff + segment metrics), the garble checks over
 * the seed article and on one hostile sentence of 16 KB and 64 KB (bench/longSentence.ts), segmentation of long
 * lines, and the book-length table: documents of 1k, 10k and 100k sentences, each figure beside its baseline
 * measured in the same run (bench/table.ts, rows from bench/rows/). It prints figures and targets; it never
 * asserts.
 */
import { cpus } from 'node:os';
import { bookInChild } from './bookChild';
import { benchChecks, CHECKS_TARGET_MS } from './checks';
import { loadApe, MissingFixtures, type ApePair } from './fixtures';
import { benchHter } from './hter';
import { benchKeystrokes, MAX_WORDS } from './keystrokes';
import { printLongSentence } from './longSentence';
import { benchSegmentation } from './segmentation';
import { benchHterEndToEnd, REPEAT, sacrebleuMissing } from './hterEndToEnd';
import { median, ms, thousands } from './stats';
import { formatTable, type SizeResult } from './table';

const HTER_RATIO_TARGET = 20;
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

  const missing = sacrebleuMissing();
  if (missing) {
    print(`HTER end to end against sacrebleu: not measured: ${missing}`);
  } else {
    const runs = Number(process.env.BENCH_HTER_RUNS ?? 3);
    const e = benchHterEndToEnd(pairs, runs);
    const seconds = (values: number[]) => values.map((v) => (v / 1000).toFixed(2)).join(', ');
    print(`HTER end to end, process start to result: ${thousands(e.pairs)} pairs (the 2,000 APE pairs × ${REPEAT}), ${e.runs} runs each, interleaved`);
    print(`  Redline  node dist-cli/redline.js metrics MT PE --json (per line and corpus HTER, character edit rate): ` +
      `median ${(median(e.redlineMs) / 1000).toFixed(2)} s (${seconds(e.redlineMs)})`);
    print(`  sacrebleu 2.6.0  python3 -m sacrebleu PE -i MT -m ter --ter-normalized --ter-case-sensitive -b: ` +
      `median ${(median(e.sacrebleuMs) / 1000).toFixed(2)} s (${seconds(e.sacrebleuMs)})`);
    print(`  Redline is ${e.ratio.toFixed(1)}× faster; target ≥ ${HTER_RATIO_TARGET}×: ${verdict(e.ratio >= HTER_RATIO_TARGET)}`);
    if (e.redlineWithoutExtraCaMs) {
      const bare = median(e.redlineWithoutExtraCaMs);
      print(`  (for reference, not judged: this environment sets NODE_EXTRA_CA_CERTS, which Node 20 reads at start-up; ` +
        `without it Redline takes ${(bare / 1000).toFixed(2)} s (${seconds(e.redlineWithoutExtraCaMs)}), ${(median(e.sacrebleuMs) / bare).toFixed(1)}× faster)`);
    }
    const expected = { edits: REFERENCE.edits * REPEAT, refWords: REFERENCE.refWords * REPEAT };
    const same = e.redline.linesEqual && e.redline.edits === expected.edits && e.redline.refWords === expected.refWords;
    print(`  results: Redline ${thousands(e.redline.edits)} edits / ${thousands(e.redline.refWords)} words = ` +
      `TER ${((100 * e.redline.edits) / e.redline.refWords).toFixed(2)}, sacrebleu TER ${e.sacrebleuTer}` +
      (same ? '; every line equal to ter.tsv (sacrebleu)' : ' — NOT equal to ter.tsv on every line'));
  }
  print();

  const h = benchHter(pairs);
  const { result } = h;
  print(`HTER in-process over ${thousands(pairs.length)} APE pairs (tercom tokenization + TER with shifts), ${h.runs} timed runs after warm-up`);
  print(`  best ${ms(h.hter.best)}, median ${ms(h.hter.median)}  →  ${thousands(pairs.length / (h.hter.median / 1000))} pairs/s`);
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

  printLongSentence(print);
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

  // BENCH_SIZES=1000,10000 skips the 100k document (minutes on a loaded machine).
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const result = bookInChild(size);
    if (typeof result === 'string') {
      print(`Book-length document of ${thousands(size)} lines: not measured: ${result}`);
      break;
    }
    results.push(result);
  }
  if (results.length > 0) {
    print('Book-length documents: the APE MT lines (mt.txt in order, cycled; one line a sentence, 5 a paragraph), each size imported');
    print('into a fresh store file in a process of its own; each figure / its baseline measured in the same run (their ratio).');
    print('Flat: the largest size within 2× of the smallest.');
    print(formatTable(results));
    print();
  }
  print(`(bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

process.exitCode = main();
