/**
 * How late the main thread's timers run while a dictionary is built: in a speller thread (what the app does,
 * services/spellerThreads.ts) or in slices between requests in the main thread (services/spelling.ts `spellers`).
 * `npx tsx scripts/spelling-threads.ts thread fr` / `... slices fr`; a timer is due every millisecond.
 */
import { spellerThreads } from '../services/spellerThreads';
import { spellers } from '../services/spelling';
import { sourceWorkerEntry } from '../services/workerEntry';

const how = process.argv[2] === 'slices' ? 'slices' : 'thread';
const lang = process.argv[3] ?? 'fr';
const sp = how === 'thread' ? spellerThreads(sourceWorkerEntry('spellerWorker')) : spellers();
const t0 = performance.now();
const late: number[] = [];
let due = performance.now() + 1;
const timer = setInterval(() => { const now = performance.now(); late.push(now - due); due = now + 1; }, 1);
void sp.ready(lang).then((s) => {
  clearInterval(timer);
  late.sort((a, b) => b - a);
  const p99 = late[Math.floor(late.length / 100)] ?? 0;
  console.log(
    `${how} ${lang}: ready after ${((performance.now() - t0) / 1000).toFixed(1)} s; main-thread timers late by at most ` +
      `${late.slice(0, 3).map((x) => x.toFixed(0)).join(' / ')} ms, p99 ${p99.toFixed(1)} ms; main heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB` +
      (s ? '' : ' (no dictionary)'),
  );
  process.exit(0);
});
