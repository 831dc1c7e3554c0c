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
export function migrate(db: Database, clock: Clock, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];

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

  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, clock());
    })();
  }
}
