import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../services';
import { exportReadable, setDamagedStoreAside } from '../../services/storeRecovery';
import { makeTempDir, nativeBinding } from '../db/testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let now: number;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
  now = 1_700_000_000_000;
});
afterEach(() => temp.cleanup());

const open = (extra: { recoverable?: boolean; quickCheckMaxBytes?: number } = {}) =>
  createServices(file, { nativeBinding: nativeBinding(), clock: () => now, ownsStore: true, ...extra });

const text = (title: string, sentences: number, words = 4) => ({
  fileName: `${title}.txt`,
  title,
  text: Array.from({ length: sentences }, (_, k) => `${title} sentence ${k}${' filler'.repeat(words)}.`).join(' ') + '\n',
  hasBom: false,
});

/** Overwrites `bytes` at `at` (a page boundary), as a failing disk would. */
function damage(path: string, at: number, bytes = 64 * 1024): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, at);
  closeSync(fd);
}
const middle = (path: string) => Math.floor(statSync(path).size / 2 / 4096) * 4096;

describe('a damaged store, opened by the app', () => {
  it('leaves the services closed, says why, lists the backups and restores one', async () => {
    let services = open();
    services.documents.importText(text('Kept', 3));
    await services.backups.now();
    now += 1000;
    services.documents.importText(text('Big', 400, 20));
    services.close();
    damage(file, middle(file));

    services = open({ recoverable: true });
    const health = services.health();
    expect(health).toMatchObject({ state: 'damaged', message: expect.stringMatching(/is damaged/) });
    expect(() => services.documents.list()).toThrow(expect.objectContaining({ code: 'damaged' }));
    const backups = services.backups.list();
    expect(backups).toHaveLength(1);

    const { replaced } = await services.restoreBackup(basename(backups[0]!.path));
    expect(services.health()).toEqual({ state: 'sound', checking: false });
    expect(services.documents.list().map((d) => d.title)).toEqual(['Kept']);
    expect(existsSync(replaced!)).toBe(true);
    services.close();
  });

  it('without recoverable (the CLI), opening is refused with the message', () => {
    const services = open();
    services.documents.importText(text('Big', 400, 20));
    services.close();
    damage(file, middle(file));
    expect(() => open()).toThrow(expect.objectContaining({ code: 'damaged' }));
  });

  it('starts with an empty store, keeping the damaged file aside, and refuses to when the store is sound', () => {
    let services = open();
    services.documents.importText(text('Big', 400, 20));
    services.close();
    damage(file, middle(file));
    const before = readFileSync(file);
    services = open({ recoverable: true });
    expect(services.health().state).toBe('damaged');
    const { keptAs } = services.startEmpty();
    expect(keptAs).toBe(`${file}.damaged-${now}`);
    expect(readFileSync(keptAs).equals(before)).toBe(true);
    expect(services.health()).toEqual({ state: 'sound', checking: false });
    expect(services.documents.list()).toEqual([]);
    expect(() => services.startEmpty()).toThrow(/not damaged/);
    services.close();
  });

  it('finds damage in a large store in the background, and then answers damaged', async () => {
    let services = open();
    services.documents.importText(text('Big', 400, 20));
    services.close();
    // Damage the table's pages only after the header and the schema, where quick_check would look too.
    damage(file, middle(file));
    services = open({ recoverable: true, quickCheckMaxBytes: 4096 });
    expect(services.health()).toEqual({ state: 'sound', checking: true });
    await services.whenChecked();
    expect(services.health()).toMatchObject({ state: 'damaged', message: expect.stringMatching(/damaged/) });
    expect(() => services.documents.list()).toThrow(expect.objectContaining({ code: 'damaged' }));
    services.close();
  });

  it('damage met by a call closes the services, so the window’s screen is true and start-empty proceeds', () => {
    let services = open();
    const { id } = services.documents.importText(text('Big', 400, 20));
    services.close();
    services = open({ recoverable: true, quickCheckMaxBytes: 1e12 }); // checked whole on open: sound
    expect(services.health()).toEqual({ state: 'sound', checking: false });
    let closing = 0;
    services.onStoreClosing(() => closing++); // main stops the whole-check workers here
    damage(file, middle(file));
    // Another connection's write makes this one drop its page cache and read the damaged pages.
    const other = new Database(file, { nativeBinding: nativeBinding() });
    other.pragma('user_version = 1');
    other.close();
    expect(() => services.segments.page(id, 0, 1000)).toThrow();
    expect(services.health()).toMatchObject({ state: 'damaged', message: expect.stringMatching(/damaged|not a Redline file/) });
    expect(() => services.documents.list()).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(closing).toBe(1);
    expect(services.startEmpty().keptAs).toMatch(/redline\.sqlite\.damaged-/);
    expect(services.documents.list()).toEqual([]);
    services.close();
  });

  it('a sound large store passes the background check and stays open', async () => {
    const services = open({ recoverable: true, quickCheckMaxBytes: 0 });
    services.documents.importText(text('Small', 5));
    await services.whenChecked();
    expect(services.health()).toEqual({ state: 'sound', checking: false });
    expect(services.documents.list()).toHaveLength(1);
    services.close();
  });
});

describe('exportReadable', () => {
  it('writes each readable document as text and bilingual table, and names what it skipped', () => {
    const services = open();
    const small = services.documents.importText(text('Small one', 3));
    services.segments.update(services.segments.page(small.id, 0, 1).items[0]!.id, 'Small one, corrected.');
    services.documents.importText(text('Big', 400, 20));
    services.close();
    damage(file, middle(file));

    const out = join(temp.dir, 'out');
    const result = exportReadable(file, out, { nativeBinding: nativeBinding() });
    expect(result.exported).toEqual([{ title: 'Small one', sentences: 3, files: ['Small one.txt', 'Small one.bilingual.tsv'] }]);
    expect(result.skipped).toEqual([{ title: 'Big', reason: expect.stringMatching(/malformed/) }]);
    expect(readdirSync(out).sort()).toEqual(['Small one.bilingual.tsv', 'Small one.txt']);
    const plain = readFileSync(join(out, 'Small one.txt'), 'utf8');
    expect(plain).toBe(`Small one, corrected. ${text('Small one', 3).text.split('. ').slice(1).join('. ')}`);
    const table = readFileSync(join(out, 'Small one.bilingual.tsv'), 'utf8').split('\n');
    expect(table[0]).toBe('position\tsource\tmachine translation\tcorrection\tstatus');
    expect(table[1]).toBe('1\t\tSmall one sentence 0 filler filler filler filler.\tSmall one, corrected.\tedited');
    expect(table).toHaveLength(5); // header, 3 sentences, the final newline
  });

  it('never overwrites a file already in the folder', () => {
    const services = open();
    services.documents.importText(text('Twice', 2));
    services.documents.importText(text('Twice', 2));
    services.close();
    const out = join(temp.dir, 'out');
    const first = exportReadable(file, out, { nativeBinding: nativeBinding() });
    expect(first.exported.map((d) => d.files[0])).toEqual(['Twice.txt', 'Twice (2).txt']);
    const again = exportReadable(file, out, { nativeBinding: nativeBinding() });
    expect(again.exported.map((d) => d.files[0])).toEqual(['Twice (3).txt', 'Twice (4).txt']);
  });

  it('says why when nothing can be read (the header overwritten)', () => {
    const services = open();
    services.documents.importText(text('Gone', 2));
    services.close();
    damage(file, 0, 4096);
    const result = exportReadable(file, join(temp.dir, 'out'), { nativeBinding: nativeBinding() });
    expect(result.exported).toEqual([]);
    expect(result.skipped).toEqual([{ title: null, reason: expect.stringMatching(/not a database|malformed/) }]);
  });
});

describe('setDamagedStoreAside', () => {
  it('moves the store and its WAL files aside, deleting nothing', () => {
    const services = open();
    services.documents.importText(text('Aside', 2));
    // Still open: the WAL and shared-memory files exist beside the store.
    expect(existsSync(`${file}-wal`)).toBe(true);
    const aside = setDamagedStoreAside(file, now);
    services.close();
    expect(aside).toBe(`${file}.damaged-${now}`);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${aside}-wal`)).toBe(true);
  });
});
