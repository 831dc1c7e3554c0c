import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../electron/support';
import { cli, file } from './support';

function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

describe('backup and restore', () => {
  it('backs up, lists, and restores a damaged store from the list, naming what it did', () => {
    const dir = tempDir();
    const text = Array.from({ length: 1200 }, (_, k) => `Sentence number ${k} of a long article, long enough to span many pages.`).join('\n');
    expect(cli(['import', file('article.txt', text)], dir).code).toBe(0);
    const made = cli(['backup'], dir);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Backed up 1 document to .*backups\/redline-manual-\d{13}\.sqlite$/);

    const listed = cli(['restore'], dir);
    expect(listed.out).toMatch(/^1\t\d{4}-\d\d-\d\d \d\d:\d\d UTC\tmanual\t1 document\t/);

    const store = join(dir, 'redline.sqlite');
    damage(store);
    const broken = cli(['metrics', '1'], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^redline: The Redline store \(.*\) is damaged.*redline restore/);

    const restored = cli(['restore', '1'], dir);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored .* The store it replaced is kept as .*redline\.sqlite\.replaced-\d+\.$/);
    expect(cli(['metrics', '1'], dir).code).toBe(0);
  }, 60_000);

  it('says when there is nothing to restore, or no such backup', () => {
    const dir = tempDir();
    expect(cli(['restore'], dir).out).toMatch(/^There are no backups of .* yet/);
    expect(cli(['restore', '3'], dir)).toMatchObject({ code: 1, err: 'redline: There is no backup number 3; run redline restore to list them.' });
  });
});
