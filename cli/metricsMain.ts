import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import type { TerOptions } from '../core/metrics/tercomTokenize';
import { UsageError, type Command } from './args';
import { FULL_BUNDLE, runBundle } from './bundleFiles';
import {
  checkAligned,
  checkHasText,
  formatReport,
  jsonReportEnd,
  jsonSegments,
  reportJsonPieces,
  reportOfFigures,
  terOptions,
} from './commands/metricsFigures';
import { processIo } from './processIo';
import { HELPER_ROLE, MetricsHelper, measureHere, runHelper } from './parallelMetrics';
import { Utf8Lines, readPlainUtf8, type LineList } from './plainUtf8';
import { runCommands } from './runCommands';

/**
 * dist-cli/redline-metrics.js: `metrics MT_FILE PE_FILE` when the launcher has recognised it (isFileMetrics).
 * It holds only the metrics code, reads plain UTF-8 itself and measures the pairs (on two threads when a core
 * is free); files in any other encoding go to the full bundle, whose answer is the same. This file is also the
 * worker's script.
 */

/** Below this many bytes of input a second thread costs more to start than it saves. */
const HELPER_MIN_BYTES = 128 * 1024;

/**
 * Whether to measure on a second thread. It pays only when two cores are free besides this thread's: a worker
 * costs its own start-up and its own warming up of the compiled code (about a third more CPU time in all), and
 * V8 already uses a second core for this thread's optimizing compiler and collector. On two cores the helper
 * takes that core from them: on a quiet 2-core machine 16,000 pairs took 0.47 s on one thread against 0.55 s
 * on two. So: four cores or more, with a load average that leaves two of them free (the one-minute average
 * still counts a run that just ended, such as the bench's sacrebleu). REDLINE_METRICS_THREADS=1 or 2 decides
 * instead (tests use it).
 */
function wantsHelper(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const forced = env.REDLINE_METRICS_THREADS?.trim();
  if (forced === '1') return false;
  if (inputBytes(argv) < HELPER_MIN_BYTES) return false;
  if (forced === '2') return true;
  const cores = availableParallelism();
  return cores >= 4 && loadavg()[0]! <= cores - 2;
}

function inputBytes(argv: readonly string[]): number {
  let bytes = 0;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    try {
      bytes += statSync(arg).size;
    } catch {
      return 0; // reading it will say what is wrong
    }
  }
  return bytes;
}

/**
 * Segments written at a time while the pairs are measured: their text (some 35 kB) fits in a pipe's buffer,
 * so a write seldom waits for the reader, who empties the pipe while the next pairs are measured.
 */
const SEGMENTS_A_WRITE = 256;

/**
 * The JSON report (as reportJsonPieces gives it), written as the pairs are measured rather than once all are:
 * 2 MB written at the end waited on the reader at every 64 kB of the pipe (some 15 ms). Every check of the
 * input is made before, so only a fault of the measuring itself (an exit code other than 0, said on stderr) could
 * leave the report unfinished.
 */
function writeJsonAsMeasured(mt: LineList, pe: LineList, options: TerOptions, write: (text: string) => void): void {
  let written = 0;
  const figures = measureHere(mt, pe, options, ({ edits, refWords, charEditRate }, upTo) => {
    if (upTo - written < SEGMENTS_A_WRITE && upTo < mt.length) return;
    write(jsonSegments(edits, refWords, charEditRate, written, upTo));
    written = upTo;
  });
  write(`${jsonReportEnd(figures.edits, figures.refWords)}\n`);
}

function main(): void {
  const io = processIo();
  const argv = process.argv.slice(2);
  // Started first, so it loads while this thread reads the files.
  const helper = wantsHelper(argv, process.env) ? MetricsHelper.start(__filename) : null;
  let otherEncoding = false;

  const metrics: Command = {
    options: ['json', 'no-normalize', 'ignore-case'],
    run(args, options, out) {
      if (args.length !== 2) throw new UsageError('metrics needs MT_FILE and PE_FILE, or a document id.');
      const [mtPath, pePath] = args as [string, string];
      // One file, then the other, as the full CLI reads them, so an error names the same file.
      const mtBytes = readPlainUtf8(mtPath);
      if (mtBytes === null) return (otherEncoding = true), 0;
      const mt = new Utf8Lines(mtBytes);
      checkHasText(mt, mtPath);
      const peBytes = readPlainUtf8(pePath);
      if (peBytes === null) return (otherEncoding = true), 0;
      const pe = new Utf8Lines(peBytes);
      checkHasText(pe, pePath);
      checkAligned(mtPath, mt.length, pePath, pe.length);
      const ter = terOptions(options);
      if (options.json && out.write && !helper) {
        writeJsonAsMeasured(mt, pe, ter, out.write);
        return 0;
      }
      const figures = helper ? helper.measure({ mtBytes, peBytes, options: ter }, mt, pe) : measureHere(mt, pe, ter);
      if (options.json && out.write) {
        for (const piece of reportJsonPieces(figures.edits, figures.refWords, figures.charEditRate)) out.write(piece);
        out.write('\n');
        return 0;
      }
      const report = reportOfFigures(figures.edits, figures.refWords, figures.charEditRate);
      out.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
      return 0;
    },
  };

  const code = runCommands(argv, io, { metrics });
  if (otherEncoding) {
    helper?.stop();
    runBundle(FULL_BUNDLE);
  } else {
    process.exitCode = code;
  }
}

if (isMainThread) main();
else if ((workerData as { role?: string } | null)?.role === HELPER_ROLE) runHelper();
