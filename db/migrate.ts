import type { Database } from 'better-sqlite3';
import { RedlineError } from '../core/model/errors';
import type { Clock } from './clock';
import { MIGRATIONS, type Migration } from './migrations';

interface AppliedRow {
  version: number;
  name: string;
}

/**
 * Brings the database up to the shipped schema. A database whose applied migrations are not a prefix of the
 * shipped ones was written by another build of Redline: it is refused untouched rather than guessed at.
 */
export function migrate(
  db: Database,
  clock: Clock,
  migrations: readonly Migration[] = MIGRATIONS,
  beforeMigrating?: (pending: readonly Migration[]) => void,
): void {
  refuseForeignDatabase(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];

  const shippedArePrefix = migrations.every((m, i) => applied[i]?.version === m.version && applied[i]?.name === m.name);
  if (applied.length > migrations.length && shippedArePrefix) {
    throw new RedlineError(
      'newer_store',
      `This Redline store was written by a newer version of Redline (it has ${applied.length} schema steps, this ` +
        `version knows ${migrations.length}). Update Redline to open it; the store is left untouched.`,
    );
  }
  applied.forEach((row, i) => {
    const shipped = migrations[i];
    if (!shipped || shipped.version !== row.version || shipped.name !== row.name) {
      throw new RedlineError(
        'bad_input',
        `This database was written by a different version of Redline (migration ${row.version} "${row.name}" ` +
          `is not one this version ships). Open it with the version that created it.`,
      );
    }
  });

  const pending = migrations.slice(applied.length);
  // A store with work in it is copied before its schema changes (a fresh one has nothing to lose).
  if (pending.length > 0 && applied.length > 0) beforeMigrating?.(pending);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.fill?.(db);
      record.run(migration.version, migration.name, clock());
    })();
  }
}

/**
 * An SQLite file with tables of its own but no migration log is some other program's database: migrating it
 * would write Redline's tables into it, so it is refused untouched.
 */
function refuseForeignDatabase(db: Database): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new RedlineError(
      'not_a_store',
      `This file is an SQLite database but not a Redline store (it holds tables such as "${tables[0]}" and no ` +
        'Redline schema). Choose a Redline store, or move this file away to start a new one.',
    );
  }
}
