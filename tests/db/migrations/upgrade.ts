import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { fixedClock, NOW, openRaw } from '../testDb';

/**
 * Upgrade tests: a store that lived through the releases — each migration applied in turn, with what an
 * editor of that release would have stored written in that release's SQL — is brought to the next one, and
 * everything it held must come through. Filling release by release (instead of at N−1 only) is how real stores
 * age, and it lets each test reuse the earlier releases' data.
 */

/** When the upgrade under test runs: later than anything the old release stored. */
export const UPGRADED_AT = NOW + 86_400_000;

type Row = Record<string, unknown>;
export type Snapshot = Record<string, Row[]>;

const at = (minutes: number) => NOW + minutes * 60_000;

/** What each release could store, in its own SQL. Index i fills a store at version i + 1. */
const FILLS: ReadonlyArray<(db: Database.Database) => void> = [
  // 0001 init: two documents, their sentences (one with a source), the import revisions and a first edit.
  (db) => {
    const document = db.prepare(
      `INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at)
       VALUES (?, ?, 'text', ?, ?, ?, ?)`,
    );
    const segment = db.prepare(
      `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, source_text, trailing, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    document.run('Kazakhstan', 'kazakhstan.txt', '', 0, at(0), at(30));
    document.run('Almaty notes', 'almaty.txt', '\n', 1, at(1), at(1));
    const sentences: Array<[number, number, number, string, string | null, string]> = [
      [1, 1, 1, 'The situation in Kazakhstan remains tense .', null, ' '],
      [1, 2, 1, 'President Tokayev in the afternoon, he made a statement.', null, '\n\n'],
      [1, 3, 2, 'The airport of Alma-Ata was captured by protesters.', 'Аэропорт Алма-Аты захвачен протестующими.', '\n'],
      [2, 1, 1, 'Almaty is the largest city of the country .', null, ' '],
      [2, 2, 1, '“It is calm now, said a resident.', null, '\n'],
    ];
    for (const [documentId, position, paragraph, mt, source, trailing] of sentences) {
      const id = segment.run(documentId, position, paragraph, mt, mt, source, trailing, at(documentId - 1)).lastInsertRowid;
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'import', ?)").run(
        id,
        mt,
        at(documentId - 1),
      );
    }
    db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (1, ?, 'edit', ?)").run(
      'The situation in Kazakhstan remains tense.',
      at(2),
    );
    db.prepare("UPDATE segments SET current_text = ?, status = 'edited', updated_at = ? WHERE id = 1").run(
      'The situation in Kazakhstan remains tense.',
      at(2),
    );
  },
  // 0002 effort: an edit with the time and keystrokes it took, then confirming it.
  (db) => {
    const text = 'In the afternoon, President Tokayev made a statement.';
    db.prepare(
      "INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes) VALUES (2, ?, 'edit', ?, 5400, 37)",
    ).run(text, at(3));
    db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (2, ?, 'status', ?)").run(text, at(4));
    db.prepare("UPDATE segments SET current_text = ?, status = 'confirmed', updated_at = ? WHERE id = 2").run(text, at(4));
  },
  // 0003 fixes: a "replace all" batch and its undo, the fix memory, the glossary and an ignored flag.
  (db) => {
    const batch = db.prepare(
      'INSERT INTO batches (document_id, kind, label, undoes, created_at) VALUES (2, ?, ?, ?, ?)',
    );
    const revision = db.prepare(
      'INSERT INTO revisions (segment_id, text, origin, created_at, batch_id) VALUES (4, ?, ?, ?, ?)',
    );
    const setText = db.prepare("UPDATE segments SET current_text = ?, status = 'edited', updated_at = ? WHERE id = 4");
    const fixed = 'Almaty is the largest city of the country.';
    const replaceAll = batch.run('replace', 'Replace all " ." with "."', null, at(5)).lastInsertRowid;
    revision.run(fixed, 'replace', at(5), replaceAll);
    setText.run(fixed, at(5));
    const undo = batch.run('undo', 'Undo Replace all', replaceAll, at(6)).lastInsertRowid;
    revision.run('Almaty is the largest city of the country .', 'revert', at(6), undo);
    setText.run('Almaty is the largest city of the country .', at(6));

    db.prepare(
      `INSERT INTO fix_rules (find, replace, whole_word, case_sensitive, enabled, uses, created_at, updated_at)
       VALUES ('Alma-Ata', 'Almaty', 1, 1, 1, 3, ?, ?), ('tense .', 'tense.', 0, 0, 0, 1, ?, ?)`,
    ).run(at(7), at(8), at(7), at(7));
    db.prepare(
      `INSERT INTO glossary_terms (preferred, forbidden, note, created_at, updated_at)
       VALUES ('Almaty', '["Alma-Ata","Alma Ata"]', 'The city''s name since 1993', ?, ?)`,
    ).run(at(9), at(9));
    db.prepare("INSERT INTO ignored_flags (segment_id, check_id, created_at) VALUES (5, 'unbalanced-quotes', ?)").run(
      at(10),
    );
  },
  // 0004 review: a rejection with its reason, a note, an MQM error, an export and a stricter pass mark.
  (db) => {
    const mt = 'The airport of Alma-Ata was captured by protesters.';
    db.prepare(
      "INSERT INTO revisions (segment_id, text, origin, created_at, status, reason) VALUES (3, ?, 'status', ?, 'rejected', ?)",
    ).run(mt, at(11), 'The city is Almaty now');
    db.prepare("UPDATE segments SET status = 'rejected', updated_at = ? WHERE id = 3").run(at(11));
    db.prepare("INSERT INTO notes (segment_id, text, updated_at) VALUES (3, 'Ask the client about the name', ?)").run(
      at(12),
    );
    db.prepare(
      `INSERT INTO annotations (segment_id, side, start, end, quote, category, severity, comment, created_at)
       VALUES (2, 'mt', 0, 17, 'President Tokayev', 'fluency.grammar', 'minor', 'Duplicated subject', ?)`,
    ).run(at(13));
    db.prepare(
      "INSERT INTO exports (document_id, format, path, created_at) VALUES (1, 'text', '/home/editor/kazakhstan.txt', ?)",
    ).run(at(14));
    db.prepare('UPDATE documents SET quality_threshold = 95 WHERE id = 1').run();
  },
  // 0005 formats: an XLIFF document in UTF-16 with its skeleton, unit keys, file states and notes.
  (db) => {
    const skeleton = JSON.stringify({ version: '1.2', head: '<xliff version="1.2">', tail: '</xliff>' });
    const documentId = db
      .prepare(
        `INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at, skeleton, encoding)
         VALUES ('Press release', 'press.xlf', 'xliff', '', 1, ?, ?, ?, 'utf-16le')`,
      )
      .run(at(15), at(15), skeleton).lastInsertRowid;
    const units: Array<[string, string, string, string | null, string | null]> = [
      ['u1', 'Protests began on 2 January.', 'Протесты начались 2 января.', 'needs-review-translation', '["Check the date"]'],
      ['u2', 'The government resigned.', 'Правительство ушло в отставку.', null, null],
    ];
    units.forEach(([key, mt, source, state, notes], i) => {
      const id = db
        .prepare(
          `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, source_text, trailing,
                                 updated_at, unit_key, file_state, file_notes)
           VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
        )
        .run(documentId, i + 1, i + 1, mt, mt, source, at(15), key, state, notes).lastInsertRowid;
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'import', ?)").run(
        id,
        mt,
        at(15),
      );
    });
  },
];

/**
 * An in-memory store at `version` holding what every release up to it could store. A plain connection with
 * foreign keys on, as the app opens it, on the fixed clock.
 */
export function storeAt(version: number): Database.Database {
  if (version < 1 || version > FILLS.length) throw new Error(`no fill for a store at version ${version}`);
  const db = openRaw(':memory:');
  db.pragma('foreign_keys = ON');
  for (let v = 1; v <= version; v++) {
    migrate(db, fixedClock, MIGRATIONS.slice(0, v));
    FILLS[v - 1]!(db);
  }
  return db;
}

/** Applies the shipped migrations up to and including `version`, at UPGRADED_AT. */
export function upgradeTo(db: Database.Database, version: number): void {
  migrate(db, () => UPGRADED_AT, MIGRATIONS.slice(0, version));
}

export const appliedVersions = (db: Database.Database) =>
  db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all();

/**
 * Every row of every table (full-text index included, its shadow tables not), in rowid order: the whole of
 * what a store holds, to compare before and after an upgrade.
 */
export function snapshot(db: Database.Database): Snapshot {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
  const result: Snapshot = {};
  for (const { name } of tables) {
    if (name === 'schema_migrations' || virtual.some((v) => name.startsWith(`${v}_`))) continue;
    const table = tables.find((t) => t.name === name)!;
    // A WITHOUT ROWID table (the stored flags) is read in the order of its key, the whole row compared.
    result[name] = /WITHOUT ROWID/i.test(table.sql)
      ? (db.prepare(`SELECT * FROM "${name}" ORDER BY ${(db.pragma(`table_info("${name}")`) as unknown[]).length > 1 ? '1, 2' : '1'}`).all() as Row[])
      : (db.prepare(`SELECT rowid AS _rowid, * FROM "${name}" ORDER BY rowid`).all() as Row[]);
  }
  return result;
}

/**
 * The store after the upgrade holds exactly what it held before — every table, row and value — plus the
 * columns the migration added, with `added[table]` as their value on every old row, and the new tables.
 */
export function expectUpgraded(
  before: Snapshot,
  after: Snapshot,
  added: Record<string, Row>,
  newTables: Record<string, Row[]>,
): void {
  const expected: Snapshot = { ...newTables };
  for (const [table, rows] of Object.entries(before)) {
    expected[table] = rows.map((row) => ({ ...row, ...added[table] }));
  }
  expect(Object.keys(after).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) expect({ [table]: after[table] }).toEqual({ [table]: expected[table] });
}

/**
 * The history stays append-only after the upgrade: changing any column of a revision (the ones the upgrade
 * added included) and deleting a revision of a live sentence are refused, and nothing changes.
 */
export function expectRevisionsAppendOnly(db: Database.Database, changes: Record<string, unknown>): void {
  const before = db.prepare('SELECT * FROM revisions ORDER BY id').all();
  expect(before.length).toBeGreaterThan(0);
  for (const [column, value] of Object.entries({ text: 'Rewritten history.', created_at: 0, ...changes })) {
    expect(() => db.prepare(`UPDATE revisions SET ${column} = ?`).run(value), column).toThrow(/append-only/);
  }
  expect(() => db.prepare('DELETE FROM revisions WHERE segment_id = 1').run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM revisions').run()).toThrow(/append-only/);
  expect(db.prepare('SELECT * FROM revisions ORDER BY id').all()).toEqual(before);
}

/**
 * Upgrades a store that lived through the releases before migration `version` across it, and checks what such
 * an upgrade must keep whatever it does to `changed`: every other table row for row, the version recorded at
 * UPGRADED_AT, the revisions append-only. Returns the store and both snapshots, for the test to check
 * `changed` (and any new table) itself.
 */
export function upgradeAcross(version: number, name: string, changed: string): { db: Database.Database; before: Snapshot; after: Snapshot } {
  const db = storeAt(5);
  const index = MIGRATIONS.findIndex((m) => m.version === version);
  upgradeTo(db, index);
  const before = snapshot(db);
  expect(before[changed]?.length ?? 0, `${changed} has rows before the upgrade`).toBeGreaterThan(0);
  upgradeTo(db, index + 1);
  const after = snapshot(db);
  for (const table of Object.keys(before).filter((t) => t !== changed)) {
    expect({ [table]: after[table] }).toEqual({ [table]: before[table] });
  }
  expect(appliedVersions(db).at(-1)).toEqual({ version, name, appliedAt: UPGRADED_AT });
  expectRevisionsAppendOnly(db, {});
  return { db, before, after };
}

/**
 * The test of a migration that only adds indexes: a store that lived through the releases before it is upgraded to
 * it, keeps every row and value (revisions still append-only), and has the indexes on the table.
 */
export function expectIndexesAdded(version: number, name: string, table: string, indexes: readonly string[]): void {
  const db = storeAt(5);
  try {
    upgradeTo(db, MIGRATIONS.findIndex((m) => m.version === version));
    const before = snapshot(db);
    upgradeTo(db, MIGRATIONS.findIndex((m) => m.version === version) + 1);
    expectUpgraded(before, snapshot(db), {}, {});
    const present = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(table);
    expect(present).toEqual(expect.arrayContaining([...indexes]));
    expect(appliedVersions(db).at(-1)).toEqual({ version, name, appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  } finally {
    db.close();
  }
}
