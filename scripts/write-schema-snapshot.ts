// Regenerates db/schema.snapshot.sql from the shipped migrations: `npx tsx scripts/write-schema-snapshot.ts`.
// Run it after adding a migration; tests/db/schemaDump.test.ts fails until the snapshot matches.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection';
import { nodeNativeBinding } from '../cli/nativeBinding';
import { dumpSchema } from '../db/schemaDump';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'db', 'schema.snapshot.sql');

const db = openDatabase(':memory:', { nativeBinding: nodeNativeBinding(root) });
try {
  writeFileSync(target, dumpSchema(db));
} finally {
  db.close();
}
console.log(`redline: wrote ${target}`);
