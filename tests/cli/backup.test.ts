import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUICK_CHECK_MAX_BYTES } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { storeAt } from '../db/migrations/upgrade';
import { openRaw } from '../db/testDb';
import { tempDir } from '../electron/support';
import { builtCli, cli, cliPrepared, file, runRealCli } from './support';

afterEach(() => vi.restoreAllMocks());

function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

/** A store of an older release (schema 5, three documents) in `dir`, in WAL mode as Redline leaves its stores. */
function oldStore(dir: string): string {
  const db = storeAt(5);
  const path = join(dir, 'redline.sqlite');
  writeFileSync(path, db.serialize());
  db.close();
  const raw = openRaw(path);
  raw.pragma('journal_mode = WAL');
  raw.close();
  return path;
}

const schemaSteps = (path: string): number => {
  const db = openRaw(path);
  try {
    return db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  it('backs up with the online backup API, lists, and restores a damaged store from the list, naming what it did', async () => {
    const dir = tempDir();
    const text = Array.from({ length: 900 }, (_, k) => `Sentence number ${k} of a long article, long enough to span many pages.`).join('\n');
    expect(cli(['import', file('article.txt', text)], dir).code).toBe(0);
    const backup = vi.spyOn(Database.prototype, 'backup');
    const made = await cliPrepared(['backup'], dir);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Backed up 1 document to .*backups\/redline-manual-\d{13}\.sqlite$/);
    expect(backup.mock.calls.map(([path]) => path)).toEqual([made.out.replace(/^Backed up 1 document to /, '')]);

    const listed = cli(['restore'], dir);
    expect(listed.out).toMatch(/^1\t\d{4}-\d\d-\d\d \d\d:\d\d UTC\tmanual\t1 document\t/);

    const store = join(dir, 'redline.sqlite');
    // Small enough to be checked on open, as a store larger than this is checked in the background instead.
    expect(statSync(store).size).toBeLessThanOrEqual(QUICK_CHECK_MAX_BYTES);
    damage(store);
    const broken = cli(['metrics', '1'], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^redline: The Redline store \(.*\) is damaged.*redline restore/);
    const refused = await cliPrepared(['backup'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is damaged/);

    const restored = cli(['restore', '1'], dir);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored .* The store it replaced is kept as .*redline\.sqlite\.replaced-\d+\.$/);
    expect(cli(['metrics', '1'], dir).code).toBe(0);
  }, 60_000);

  it('refuses a chosen file that is not a Redline backup, saying what is wrong with that file, and keeps the store', () => {
    const dir = tempDir();
    expect(cli(['import', file('article.txt', 'One sentence. Another one.')], dir).code).toBe(0);
    const chosen = file('notes.sqlite', 'Not a database at all.\n');
    const refused = cli(['restore', chosen], dir);
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/^redline: notes\.sqlite is not a usable Redline backup: it is not an SQLite database .*The store was not changed; choose another backup\.$/);
    expect(readdirSync(dir).filter((name) => name.includes('.replaced-') || name.includes('.restoring'))).toEqual([]);
    expect(cli(['metrics', '1'], dir).code).toBe(0);
  });

  it('refuses to restore while a Redline window has the store open, and restores once it is closed', async () => {
    const dir = tempDir();
    expect(cli(['import', file('article.txt', 'One sentence. Another one.')], dir).code).toBe(0);
    expect((await cliPrepared(['backup'], dir)).code).toBe(0);
    const window = openRaw(join(dir, 'redline.sqlite'));
    window.prepare('SELECT count(*) FROM documents').get();

    const refused = cli(['restore', '1'], dir);
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/^redline: Another Redline is using this store \(.*redline\.sqlite\): .*Close it and try again; nothing was changed\.$/);
    expect(readdirSync(dir).filter((name) => name.includes('.replaced-') || name.includes('.restoring'))).toEqual([]);

    window.close();
    expect(cli(['restore', '1'], dir).code).toBe(0);
  });

  it('says when there is nothing to restore, or no such backup', () => {
    const dir = tempDir();
    expect(cli(['restore'], dir).out).toMatch(/^There are no backups of .* yet/);
    expect(cli(['restore', '3'], dir)).toMatchObject({ code: 1, err: 'redline: There is no backup number 3; run redline restore to list them.' });
  });
});

describe('a store of an older Redline, opened from the command line', () => {
  it('is copied with the online backup API before the command migrates it, only when a command opens it', async () => {
    const dir = tempDir();
    const store = oldStore(dir);
    const backup = vi.spyOn(Database.prototype, 'backup');
    // Commands that never open the store cost no copy.
    expect((await cliPrepared(['diff', 'a b', 'a c'], dir)).code).toBe(0);
    expect(backup).not.toHaveBeenCalled();

    const run = await cliPrepared(['metrics', '1', '--json'], dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(schemaSteps(store)).toBe(MIGRATIONS.length);
    const listed = JSON.parse(cli(['restore', '--json'], dir).out) as Array<{ kind: string; documents: number; path: string }>;
    expect(listed.map((b) => [b.kind, b.documents])).toEqual([['pre-migration', 3]]);
    expect(backup.mock.calls.map(([path]) => path)).toEqual([listed[0]!.path]);
    const copy = openRaw(listed[0]!.path);
    expect(copy.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(5);
    copy.close();
  });

  it('is left unmigrated with the reason when the copy cannot be written', async () => {
    const dir = tempDir();
    const store = oldStore(dir);
    vi.spyOn(Database.prototype, 'backup').mockRejectedValue(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const run = await cliPrepared(['metrics', '1'], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^redline: Redline did not upgrade its store .* because the disk is full\. The store is untouched\./);
    expect(schemaSteps(store)).toBe(5);
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.endsWith('.sqlite'))).toEqual([]);
  });

  it('is refused untouched by the in-process synchronous runner, which makes no copy', () => {
    const dir = tempDir();
    const store = oldStore(dir);
    const run = cli(['metrics', '1'], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^redline: The Redline store .* needs an upgrade to this version, and Redline upgrades a store only after keeping a copy of it/);
    expect(schemaSteps(store)).toBe(5);
  });

  it('two redline processes opening it at once each copy it, and it is upgraded once', async () => {
    const dir = tempDir();
    const store = oldStore(dir);
    const cliPath = builtCli();
    const run = () =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const child = spawn(process.execPath, [cliPath, 'metrics', '1', '--json'], { env: { ...process.env, REDLINE_DATA_DIR: dir } });
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('close', (code) => done({ code, err }));
      });
    const results = await Promise.all([run(), run()]);
    expect(results).toEqual([
      { code: 0, err: '' },
      { code: 0, err: '' },
    ]);
    expect(schemaSteps(store)).toBe(MIGRATIONS.length);
    const listed = JSON.parse(cli(['restore', '--json'], dir).out) as Array<{ kind: string; documents: number }>;
    // Each made its copy before finding out whether the other upgraded first (one copy when they did not overlap).
    expect(listed.length).toBeGreaterThanOrEqual(1);
    expect(listed.every((b) => b.kind === 'pre-migration' && b.documents === 3)).toBe(true);
  }, 120_000);

  it('the redline process itself makes the copy and upgrades, and backs up on request', () => {
    const dir = tempDir();
    oldStore(dir);
    const metrics = runRealCli(dir, 'metrics', '1');
    expect(metrics.stderr).toBe('');
    expect(metrics.status).toBe(0);
    const made = runRealCli(dir, 'backup');
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Backed up 3 documents to .*redline-manual-\d{13}\.sqlite\n$/);
    expect(runRealCli(dir, 'restore').stdout).toMatch(/\tmanual\t3 documents\t[\s\S]*\tpre-migration\t3 documents\t/);
  }, 120_000);
});
