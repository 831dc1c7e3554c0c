import Database from 'better-sqlite3';
import { migrate, schemaState } from './migrate';
import { MIGRATIONS } from './migrations';

/**
 * Whether a store's schema is whole: every table (FTS ones and their shadow tables too), column, index, trigger
 * and view that the migrations it records would have created. A file whose schema lost some of them passes
 * SQLite's integrity check yet fails later with "no such table"; restoring such a backup, or opening such a
 * store, is refused naming what is missing. The reference is a fresh in-memory store migrated to the same
 * version, so no list is kept by hand. Objects the store has beyond it (made by hand, or by SQLite) are allowed.
 */

/** A schema object the migrations create, or a column of one of their tables. */
interface SchemaPart {
  type: string;
  name: string;
  /** For a column: the table it belongs to. */
  table?: string;
}

interface SchemaRow {
  type: string;
  name: string;
}

interface ColumnRow {
  tableName: string;
  name: string;
}

/** The reference parts by version, built once per process (a fresh store's migration takes about 25 ms). */
const references = new Map<number, SchemaPart[]>();

const key = (part: SchemaPart): string => `${part.type}\u0000${part.table ?? ''}\u0000${part.name}`;

/** Tables first, then their columns, then the rest: the first missing part named is the one that matters most. */
function schemaParts(db: Database.Database): SchemaPart[] {
  const objects = db
    .prepare(
      `SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, name`,
    )
    .all() as SchemaRow[];
  const columns = db
    .prepare(
      `SELECT t.name AS tableName, c.name AS name FROM sqlite_schema AS t, pragma_table_info(t.name) AS c
       WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name, c.cid`,
    )
    .all() as ColumnRow[];
  const tables = objects.filter((o) => o.type === 'table' || o.type === 'view');
  const rest = objects.filter((o) => o.type !== 'table' && o.type !== 'view');
  return [...tables, ...columns.map((c) => ({ type: 'column', name: c.name, table: c.tableName })), ...rest];
}

/** The parts a store at `applied` shipped migrations has when nothing was lost: a fresh store's, migrated so far. */
function referenceParts(applied: number, nativeBinding: string | undefined): SchemaPart[] {
  const cached = references.get(applied);
  if (cached) return cached;
  const fresh = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(fresh, () => 0, MIGRATIONS.slice(0, applied));
    const parts = schemaParts(fresh);
    references.set(applied, parts);
    return parts;
  } finally {
    fresh.close();
  }
}

/** The reference's parts `db` lacks; columns of a table that is missing as a whole are not listed again. */
function missingParts(db: Database.Database, expected: readonly SchemaPart[]): SchemaPart[] {
  const present = new Set(schemaParts(db).map(key));
  const missing = expected.filter((part) => !present.has(key(part)));
  const missingTables = new Set(missing.filter((part) => part.type === 'table').map((part) => part.name));
  return missing.filter((part) => part.type !== 'column' || !missingTables.has(part.table ?? ''));
}

const described = (part: SchemaPart): string =>
  part.type === 'column' ? `its table "${part.table ?? ''}" has no column "${part.name}"` : `its ${part.type} "${part.name}" is missing`;

/**
 * What `db`'s schema lacks for the shipped migrations it records, in words ('its table "segments" is missing'),
 * or null when it is whole, or when it is not at a shipped version (the schema state says why elsewhere).
 * Read in one transaction: another process migrating the store meanwhile is seen before or after, never between.
 */
export function schemaDamage(db: Database.Database, nativeBinding?: string): string | null {
  return db.transaction(() => {
    const state = schemaState(db);
    if (state.kind !== 'shipped' || state.applied === 0) return null;
    const [first, ...others] = missingParts(db, referenceParts(state.applied, nativeBinding));
    if (!first) return null;
    return others.length === 0 ? described(first) : `${described(first)}, and ${others.length} more part${others.length === 1 ? '' : 's'} of its schema`;
  })();
}
