/**
 * A probe of two rows of the book table (issue 11): the metrics panel (bench/rows/storedReads.ts) and the
 * propagation offer (bench/rows/nameSave.ts). Builds each document as bench/book.ts does, edits a sentence in every
 * hundred with typing time as storedReads does, then prints the medians of many runs of each read, of each
 * statement under it with its query plan, of a write of typing time (the triggers under it; rolled back), and of
 * the parts of the offer (rule mining, index chunks of 256/64/52 candidates, the rule applied to a chunk).
 * `npx tsx bench/panelProbe.ts 1000 100000` (PROBE_RUNS, default 2000, sets the repetitions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { nodeNativeBinding } from '../cli/nativeBinding';
import { createServices } from '../services';
import { bookText } from './book';
import { medianMs } from './stats';
import { applyRule, mineRules } from '../core/fixes';

const timed = (work: () => unknown, runs: number): number => medianMs(work, runs, Math.min(50, runs));

const RUNS = Number(process.env.PROBE_RUNS ?? 2000);

for (const size of process.argv.slice(2).map(Number)) {
  const nativeBinding = nodeNativeBinding();
  const dir = mkdtempSync(join(tmpdir(), 'redline-probe-'));
  const storePath = join(dir, 'redline.sqlite');
  const services = createServices(storePath, { nativeBinding });
  try {
    const imported = services.documents.importText({ fileName: 'book.txt', title: 'Book', text: bookText(size), hasBom: false });
    const documentId = imported.id;
    const sentences = services.segments.page(documentId, 0, 1).total;
    const all = services.segments.page(documentId, 0, sentences + 10).items;
    all.forEach((row, k) => {
      if (k % 100 !== 0) return;
      const words = row.currentText.split(' ');
      words[words.length >> 1] = 'geändert';
      services.segments.update(row.id, words.join(' '), { editMs: 1000 + (k % 7) * 900, keystrokes: 12 });
    });
    const db = new Database(storePath, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const out: Record<string, string> = {};
    const fmt = (v: number) => `${(v * 1000).toFixed(1)} µs`;
    out['metrics.document'] = fmt(timed(() => services.metrics.document(documentId), RUNS));
    const timedCount = db.prepare('SELECT timed_count FROM documents WHERE id = ?').pluck().get(documentId) as number;
    const kept = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'typing_medians'").pluck().get() === 1;
    const statements: Record<string, [string, unknown[]]> = kept
      ? {
          totals: ['SELECT segment_count, words_worked FROM documents WHERE id = ? AND importing = 0', [documentId]],
          bands: ['SELECT band, sentences AS n FROM hter_band_counts WHERE document_id = ? AND sentences > 0', [documentId]],
          cursor: ['SELECT timed, cursor_ms AS ms, cursor_id AS id FROM typing_medians WHERE document_id = ?', [documentId]],
        }
      : {
          totals: ['SELECT segment_count, timed_count FROM documents WHERE id = ? AND importing = 0', [documentId]],
          bands: ['SELECT hter_band AS band, COUNT(*) AS n FROM segments WHERE document_id = ? AND hter_band IS NOT NULL GROUP BY hter_band', [documentId]],
          median: ['SELECT typed_ms AS ms FROM segments WHERE document_id = ? AND typed_ms > 0 ORDER BY typed_ms LIMIT ? OFFSET ?', [documentId, timedCount % 2 ? 1 : 2, (timedCount - 1) >> 1]],
        };
    for (const [name, [sql, args]] of Object.entries(statements)) {
      const st = db.prepare(sql);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' / ');
      out[`  ${name}`] = `${fmt(timed(() => st.all(...args), RUNS))}  [${plan}]`;
    }
    // What a write of typing time costs in SQL (the triggers under it), for a timed sentence near the middle of
    // the time order and for one that had none, each rolled back.
    const writer = new Database(storePath, nativeBinding ? { nativeBinding } : {});
    const bump = writer.prepare('UPDATE segments SET typed_ms = typed_ms + 1 WHERE id = ?');
    const timedIds = all.filter((_, k) => k % 100 === 0).map((r) => r.id);
    for (const [name, id] of [['timed', timedIds[timedIds.length >> 1]!], ['untimed', all[1]!.id]] as const) {
      out[`  typing-time write (${name})`] = fmt(timed(() => {
        writer.exec('SAVEPOINT w');
        bump.run(id);
        writer.exec('ROLLBACK TO w; RELEASE w');
      }, RUNS / 4));
    }
    writer.close();
    out['  timed/banded rows'] = String(timedCount);
    const sample = all[Math.floor(sentences / 3)]!;
    out['propagation.suggest'] = fmt(timed(() => services.propagation.suggest(sample.id, 'die Ebene', 'die Schicht'), Math.max(50, RUNS / 10)));
    const offer = services.propagation.suggest(sample.id, 'die Ebene', 'die Schicht');
    out['  offer'] = offer.map((o) => `${JSON.stringify(o.rule.find)}→${JSON.stringify(o.rule.replace)}: ${o.matches.length}${o.more ? ' + more' : ''}`).join('; ');
    out['  mineRules'] = fmt(timed(() => mineRules('die Ebene', 'die Schicht'), RUNS));
    const first = all[0]!.id;
    const last = all.at(-1)!.id;
    const fts = () => db.prepare(
      `SELECT s.id, s.position, s.current_text AS text, s.locked FROM segment_search f JOIN segments s ON s.id = f.rowid
       WHERE segment_search MATCH 'target : "Ebene"' AND f.rowid > CAST(? AS INTEGER) AND f.rowid <= CAST(? AS INTEGER) AND s.document_id = ?
       ORDER BY f.rowid LIMIT ?`);
    for (const limit of [256, 64, 52]) {
      const st = fts();
      out[`  fts chunk ${limit}`] = `${fmt(timed(() => st.all(first - 1, last, documentId, limit), RUNS / 4))} (${st.all(first - 1, last, documentId, limit).length} rows)`;
    }
    const rule = { find: 'Ebene', replace: 'Schicht', wholeWord: true, caseSensitive: true };
    const rows = fts().all(first - 1, last, documentId, 256) as Array<{ text: string }>;
    out['  applyRule over chunk'] = fmt(timed(() => rows.map((r) => applyRule(r.text, rule)), RUNS / 4));
    out['  segments.get'] = fmt(timed(() => services.segments.get(sample.id), RUNS));
    process.stdout.write(`size ${size} (${sentences} sentences)\n`);
    for (const [k, v] of Object.entries(out)) process.stdout.write(`  ${k}: ${v}\n`);
    db.close();
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
