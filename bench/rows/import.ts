/**
 * Import against a raw better-sqlite3 insert of the same rows: a fresh store file with the same schema (every
 * table, index and trigger — the FTS5 triggers included, so the raw insert fills the full-text index as the
 * import does — and the FTS5 table, as sqlite_master holds them) and the same pragmas, then the rows the import
 * wrote — read back from the imported store beforehand — inserted in one transaction, table by table.
 *
 * Two raw inserts: multi-row INSERTs of up to IMPORT_ROWS_PER_INSERT rows (the way the import writes, and the
 * fastest raw way measured: FTS5 writes its pending terms at every statement's savepoint, so one row per
 * statement makes one FTS segment per row), which is the goal's baseline; and one prepared single-row INSERT
 * per row, the plain way, shown beside it. The import's figure also splits the text into sentences and
 * computes each sentence's stored figures.
 *
 * Also the import's own peak memory: the process's peak resident set right after the import (read before
 * anything else runs on the document), against where it stood before the import with the text read.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { IMPORT_ROWS_PER_INSERT } from '../../db/repositories/segments';
import type { BookDocument, RowModule } from '../table';

interface TableRows {
  name: string;
  columns: string[];
  rows: unknown[][];
}

/** The rows each table gained in the import, read from the imported store (not timed). */
function importedRows(document: BookDocument): { schema: string[]; tables: TableRows[] } {
  const db = new Database(document.storePath, { readonly: true, ...(document.nativeBinding ? { nativeBinding: document.nativeBinding } : {}) });
  try {
    const entries = db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ type: string; name: string; sql: string }>;
    const virtual = entries.filter((e) => /^CREATE VIRTUAL TABLE/i.test(e.sql)).map((e) => e.name);
    // FTS5's shadow tables are made by the virtual table itself. Only tables: the triggers that fill the FTS
    // table are named after it too (segment_search_insert …) and belong to the schema.
    const shadow = (e: { type: string; name: string }) => e.type === 'table' && virtual.some((v) => e.name.startsWith(`${v}_`));
    const order = ['table', 'index', 'trigger', 'view'];
    const schema = entries
      .filter((e) => !shadow(e))
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
      .map((e) => e.sql);
    const tables: TableRows[] = [];
    for (const { name } of entries.filter((e) => e.type === 'table' && !shadow(e) && !virtual.includes(e.name))) {
      // A plain scan reads a table in its key order: the rows after those it had before are the import's.
      const before = document.rowsBefore[name] ?? 0;
      const statement = db.prepare(`SELECT * FROM "${name}" LIMIT -1 OFFSET ?`).raw();
      const rows = statement.all(before) as unknown[][];
      if (rows.length === 0) continue;
      tables.push({ name, columns: statement.columns().map((c) => c.name), rows });
    }
    return { schema, tables };
  } finally {
    db.close();
  }
}

/** SQLite's limit on parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMETERS = 32_766;

function rawInsertMs(document: BookDocument, data: { schema: string[]; tables: TableRows[] }, perStatement: number, file: string): { ms: number; rows: number } {
  const { schema, tables } = data;
  const db = new Database(join(document.workDir, file), document.nativeBinding ? { nativeBinding: document.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    for (const sql of schema) db.exec(sql);
    const started = performance.now();
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON'); // tables in any order; keys still checked at commit
      for (const { name, columns, rows } of tables) {
        const per = Math.max(1, Math.min(perStatement, Math.floor(MAX_PARAMETERS / columns.length)));
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        const insert = (n: number) =>
          db.prepare(`INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`);
        const full = insert(per);
        for (let start = 0; start < rows.length; start += per) {
          const chunk = rows.slice(start, start + per);
          (chunk.length === per ? full : insert(chunk.length)).run(chunk.flat());
        }
      }
    })();
    return { ms: performance.now() - started, rows: tables.reduce((sum, t) => sum + t.rows.length, 0) };
  } finally {
    db.close();
  }
}

const importRows: RowModule = {
  order: 10,
  rows(document) {
    // First, before this module reads anything into memory: the peak so far is the import's.
    const importPeakMb = process.resourceUsage().maxRSS / 1024;
    const data = importedRows(document);
    const batched = rawInsertMs(document, data, IMPORT_ROWS_PER_INSERT, 'raw-batched.sqlite');
    const single = rawInsertMs(document, data, 1, 'raw-single.sqlite');
    const rows = batched.rows.toLocaleString('en-US');
    const into = 'into a store file of the same schema (tables, indexes, triggers incl. those filling FTS5, the FTS5 table) and pragmas';
    return [
      {
        key: 'import',
        label: 'import (split + store)',
        value: document.importMs,
        unit: 'ms',
        baseline: {
          label: `raw insert, ${IMPORT_ROWS_PER_INSERT} rows a statement`,
          value: batched.ms,
          about: `the same ${rows} rows inserted with better-sqlite3 in one transaction, table by table, in multi-row INSERTs of up to ${IMPORT_ROWS_PER_INSERT} rows, ${into}`,
        },
      },
      {
        key: 'import-single-row',
        label: 'import',
        value: document.importMs,
        unit: 'ms',
        baseline: {
          label: 'raw insert, a row a statement',
          value: single.ms,
          about: `the same ${rows} rows, one prepared single-row INSERT per row, one transaction, ${into}`,
        },
      },
      {
        key: 'import-rss',
        label: 'peak RSS through the import',
        value: importPeakMb,
        unit: 'MB',
        baseline: {
          label: 'RSS before the import',
          value: document.rssBeforeMb,
          about: 'the process with the store open and the text read, before the import',
        },
      },
    ];
  },
};

export default importRows;
