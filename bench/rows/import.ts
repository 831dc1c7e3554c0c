/**
 * Import against a raw better-sqlite3 insert of the same rows: a fresh store file with the same schema (every
 * table, index, trigger and the FTS5 table, as sqlite_master holds them; FTS filled by the same triggers) and
 * the same pragmas, then the rows the import wrote — read back from the imported store beforehand — inserted
 * with prepared statements in one transaction. The import's figure also splits the text into sentences.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
    // FTS5's shadow tables are made by the virtual table itself.
    const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    const order = ['table', 'index', 'trigger', 'view'];
    const schema = entries
      .filter((e) => !shadow(e.name))
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
      .map((e) => e.sql);
    const tables: TableRows[] = [];
    for (const { name } of entries.filter((e) => e.type === 'table' && !shadow(e.name) && !virtual.includes(e.name))) {
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

function rawInsertMs(document: BookDocument): { ms: number; rows: number } {
  const { schema, tables } = importedRows(document);
  const db = new Database(join(document.workDir, 'raw.sqlite'), document.nativeBinding ? { nativeBinding: document.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    for (const sql of schema) db.exec(sql);
    const started = performance.now();
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON'); // tables in any order; keys still checked at commit
      for (const { name, columns, rows } of tables) {
        const insert = db.prepare(`INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of rows) insert.run(row);
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
    const raw = rawInsertMs(document);
    return [
      {
        key: 'import',
        label: 'import (split + store)',
        value: document.importMs,
        unit: 'ms',
        baseline: {
          label: 'raw insert',
          value: raw.ms,
          about: `the same ${raw.rows.toLocaleString('en-US')} rows inserted with better-sqlite3 prepared statements in one transaction, into a store file of the same schema (indexes, triggers, FTS5) and pragmas`,
        },
      },
    ];
  },
};

export default importRows;
