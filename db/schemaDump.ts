import type { Database } from 'better-sqlite3';

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * The schema as stable text: every table, index and trigger with the SQL that created it, in a fixed order.
 * The committed db/schema.snapshot.sql is this text for a fresh, migrated database.
 */
export function dumpSchema(db: Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as SchemaRow[];
  return rows.map((row) => `-- ${row.type} ${row.name}\n${row.sql ?? ''};\n`).join('\n');
}
