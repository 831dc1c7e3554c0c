/**
 * What checking the store on open costs: quick_check on a store of 100,000 sentences, against opening the
 * same store without it (the baseline measured in the same run). Also the cost per save of synchronous=FULL
 * against NORMAL in WAL mode. Run: npx tsx bench/storeCheck.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { quickCheck } from '../db/backups';
import { nodeNativeBinding } from '../cli/nativeBinding';
import { createServices } from '../services';

const SENTENCES = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
const file = join(dir, 'redline.sqlite');
const nativeBinding = nodeNativeBinding();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
try {
  const services = createServices(file, { nativeBinding });
  const text = Array.from({ length: SENTENCES }, (_, k) => `Sentence ${k} of the benchmark, with a few more words in it.`);
  const chunk = 20_000;
  for (let at = 0; at < SENTENCES; at += chunk) {
    services.documents.importText({ fileName: `part${at}.txt`, text: text.slice(at, at + chunk).join('\n') });
  }
  services.close();

  console.log(`store: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const opens: number[] = [];
  const checks: number[] = [];
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    const db = new Database(file, { nativeBinding });
    db.pragma('journal_mode = WAL');
    opens.push(performance.now() - t);
    t = performance.now();
    const found = quickCheck(db);
    checks.push(performance.now() - t);
    if (found !== null) throw new Error(found);
    db.close();
  }
  console.log(`open without check: ${median(opens).toFixed(1)} ms; quick_check at ${SENTENCES.toLocaleString('en')} sentences: ${median(checks).toFixed(1)} ms`);

  // As the app opens it: a store this large skips quick_check and gets integrity_check in a worker thread.
  {
    const t = performance.now();
    const app = createServices(file, { nativeBinding, ownsStore: true, recoverable: true });
    const opened = performance.now() - t;
    const listed = performance.now();
    app.documents.list();
    const listMs = performance.now() - listed;
    await app.whenChecked();
    const checked = performance.now() - t;
    const again = performance.now();
    app.documents.list();
    const listAfterMs = performance.now() - again;
    console.log(
      `app open (services, recoverable): ${opened.toFixed(1)} ms; a call while the background check runs: ${listMs.toFixed(1)} ms; ` +
        `background integrity_check answered after ${(checked / 1000).toFixed(1)} s (${app.health().state}); the same call after it: ${listAfterMs.toFixed(1)} ms`,
    );
    app.close();
  }

  for (const mode of ['NORMAL', 'FULL'] as const) {
    const db = new Database(file, { nativeBinding });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${mode}`);
    db.exec('CREATE TABLE IF NOT EXISTS bench_saves (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO bench_saves (text) VALUES (?)');
    const times: number[] = [];
    for (let k = 0; k < 200; k++) {
      const t = performance.now();
      insert.run(`A corrected sentence, save ${k}.`);
      times.push(performance.now() - t);
    }
    console.log(`synchronous=${mode}: ${median(times).toFixed(3)} ms per save (median of 200 commits)`);
    db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
