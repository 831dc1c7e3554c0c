/**
 * How long the app's main process is blocked while a spelling dictionary is built between requests: for each
 * language, the build at once (what a request waited for before, the baseline) and, built a slice at a time as
 * the app builds it, the longest slice and the 99th percentile (the longest a request can wait behind the
 * build; garbage collection pauses of the growing heap fall inside slices and count). Each build runs in a
 * child process of its own, so one build's heap does not slow another's collections.
 *
 *   npx tsx scripts/spelling-slices.ts [en de fr ru]
 */
import { execFileSync } from 'node:child_process';
import { spellers } from '../services/spelling';

function atOnce(language: string): void {
  const started = performance.now();
  spellers().now(language);
  console.log(String(performance.now() - started));
}

async function measure(language: string, baseline: number): Promise<void> {
  const slices: number[] = [];
  const sliced = spellers({
    schedule: (task) =>
      setImmediate(() => {
        const at = performance.now();
        task();
        slices.push(performance.now() - at);
      }),
  });
  const started = performance.now();
  const asked = performance.now();
  sliced.ifReady(language);
  const askMs = performance.now() - asked;
  await sliced.ready(language);
  const total = performance.now() - started;
  slices.sort((a, b) => b - a);
  const p99 = slices[Math.floor(slices.length / 100)] ?? 0;
  console.log(
    `${language}\tat once ${baseline.toFixed(0)} ms\tsliced: ${slices.length} slices over ${total.toFixed(0)} ms, longest ${slices[0]!.toFixed(0)} ms (${(slices[0]! / baseline * 100).toFixed(1)} % of at once), p99 ${p99.toFixed(0)} ms, median ${slices[Math.floor(slices.length / 2)]!.toFixed(1)} ms; the asking request ${askMs.toFixed(1)} ms`,
  );
}

const run = (...args: string[]) => execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { encoding: 'utf8' });
const [mode, language, baseline] = process.argv.slice(2);
if (mode === '--at-once') atOnce(language!);
else if (mode === '--sliced') void measure(language!, Number(baseline));
else {
  for (const each of process.argv.length > 2 ? process.argv.slice(2) : ['en', 'de', 'fr', 'ru']) {
    process.stdout.write(run('--sliced', each, run('--at-once', each).trim()));
  }
}
