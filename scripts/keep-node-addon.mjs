// Electron Forge rebuilds better-sqlite3 in place for Electron's ABI on `npm start`. Node-side code (tests,
// CLI) keeps its own copy built for Node, so `npm test` and `npm start` each work whichever ran last.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const kept = join(root, '.native', 'node', 'better_sqlite3.node');

if (!existsSync(built)) {
  console.error(`redline: ${built} is missing; run "npm rebuild better-sqlite3" and install again.`);
  process.exit(1);
}
mkdirSync(dirname(kept), { recursive: true });
copyFileSync(built, kept);
console.log(`redline: kept the Node build of better-sqlite3 in ${kept}`);
