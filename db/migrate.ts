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
 * The whole upgrade is one IMMEDIATE transaction: a second process opening the store at the same moment (the
 * app and the CLI) waits for the first's upgrade and then finds nothing to do, instead of applying it twice;
 * and when `beforeMigrating` refuses (no copy could be made), nothing has been written.
 */
export function migrate(
  db: Database,
  clock: Clock,
  migrations: readonly Migration[] = MIGRATIONS,
  beforeMigrating?: (pending: readonly Migration[]) => void,
): void {
  // Most opens find the store at the shipped schema: answered by reading, without taking the write lock (the
  // whole-check worker opens the store while the app writes).
  if (isCurrent(db, migrations)) return;
  db.transaction(() => {
    const state = schemaState(db, migrations);
    const refusal = refusalToOpen(state, migrations.length);
    if (refusal) throw refusal;
    // (The text is kept as first shipped: SQLite stores it, and db/schema.snapshot.sql compares it.)
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
    const applied = state.kind === 'shipped' ? state.applied : 0;
    const pending = migrations.slice(applied);
    // A store with work in it is copied before its schema changes (a fresh one has nothing to lose).
    if (pending.length > 0 && applied > 0) beforeMigrating?.(pending);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        migration.fill?.(db);
        record.run(migration.version, migration.name, clock());
      })();
    }
  }).immediate();
}

const hasLog = (db: Database): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;

const isCurrent = (db: Database, migrations: readonly Migration[]): boolean => {
  if (!hasLog(db)) return false;
  const applied = appliedMigrations(db);
  return applied.length === migrations.length && applied.every((row, i) => migrations[i]?.version === row.version && migrations[i]?.name === row.name);
};

const appliedMigrations = (db: Database): AppliedRow[] =>
  db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];

/**
 * The migrations opening this store would apply to work already in it, read without writing anything: empty
 * for a new store (nothing to lose), one at the shipped schema, and one the open refuses (another program's
 * database, another or a newer build of Redline). What the entry points back up before opening.
 */
export function pendingOnStoreWithWork(db: Database, migrations: readonly Migration[] = MIGRATIONS): readonly Migration[] {
  if (!hasLog(db)) return [];
  const applied = appliedMigrations(db);
  if (applied.length === 0 || applied.length >= migrations.length) return [];
  const shipped = applied.every((row, i) => migrations[i]?.version === row.version && migrations[i]?.name === row.name);
  return shipped ? migrations.slice(applied.length) : [];
}

/**
 * What a database's schema is to this build, read without writing anything: what migrate does with it, and what
 * restoring a file as the store accepts (db/backups.ts).
 */
export type SchemaState =
  /** No tables at all: a new store, which migrate creates. */
  | { kind: 'empty' }
  /** Tables of its own but no migration log: some other program's database. */
  | { kind: 'foreign'; table: string }
  /** Every shipped migration applied and more: written by a newer Redline. */
  | { kind: 'newer'; applied: number }
  /** A migration this build does not ship at that place: written by another build of Redline. */
  | { kind: 'other_build'; version: number; name: string }
  /** The shipped migrations up to `applied` (all of them when current; 0 when only the log exists). */
  | { kind: 'shipped'; applied: number };

export function schemaState(db: Database, migrations: readonly Migration[] = MIGRATIONS): SchemaState {
  if (!hasLog(db)) {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().get() as string | undefined;
    return table === undefined ? { kind: 'empty' } : { kind: 'foreign', table };
  }
  const applied = appliedMigrations(db);
  const shippedArePrefix = migrations.every((m, i) => applied[i]?.version === m.version && applied[i]?.name === m.name);
  if (applied.length > migrations.length && shippedArePrefix) return { kind: 'newer', applied: applied.length };
  const stranger = applied.find((row, i) => migrations[i]?.version !== row.version || migrations[i]?.name !== row.name);
  if (stranger) return { kind: 'other_build', version: stranger.version, name: stranger.name };
  return { kind: 'shipped', applied: applied.length };
}

/**
 * Why opening a store in `state` is refused untouched, or null. Another program's database would get Redline's
 * tables written into it; a newer or another build's store is not guessed at.
 */
function refusalToOpen(state: SchemaState, known: number): RedlineError | null {
  switch (state.kind) {
    case 'foreign':
      return new RedlineError(
        'not_a_store',
        `This file is an SQLite database but not a Redline store (it holds tables such as "${state.table}" and no ` +
          'Redline schema). Choose a Redline store, or move this file away to start a new one.',
      );
    case 'newer':
      return new RedlineError(
        'newer_store',
        `This Redline store was written by a newer version of Redline (it has ${state.applied} schema steps, this ` +
          `version knows ${known}). Update Redline to open it; the store is left untouched.`,
      );
    case 'other_build':
      return new RedlineError(
        'bad_input',
        `This database was written by a different version of Redline (migration ${state.version} "${state.name}" ` +
          `is not one this version ships). Open it with the version that created it.`,
      );
    default:
      return null;
  }
}
